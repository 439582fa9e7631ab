//! Drawing the diagram: only the rows inside the scroll area's viewport are
//! laid out, interacted with and painted, so 100,000 steps cost what 30 do.
//! The time column (left) and the server's lifeline (right) are pinned to
//! the viewport; session lifelines scroll sideways between them.

use std::sync::Arc;

use egui::{
    Align2, Color32, FontId, Galley, Rect, Response, RichText, Role, ScrollArea, Sense, Stroke, Ui,
    WidgetInfo, pos2, vec2,
};
use serde_json::Value;

use super::paint::{Figure, arrow, look_of, mark};
use super::{Diagram, DiagramAction, Perspective};
use crate::i18n::{Language, tr, trf};
use crate::steps::words::{clock, label, shorten};
use crate::steps::{Direction, Lane, Step, Steps};

const ROW_HEIGHT: f32 = 26.0;
const HEADER_HEIGHT: f32 = 24.0;
const TIME_WIDTH: f32 = 72.0;
const MIN_COLUMN_WIDTH: f32 = 150.0;
const TOOLTIP_MAX_CHARS: usize = 4000;

/// Where things are: the scrolled content's origin and the visible area, on screen.
#[derive(Clone, Copy)]
struct Layout {
    origin: egui::Pos2,
    clip: Rect,
    column_width: f32,
    columns: usize,
}

impl Layout {
    /// The x of a session (or client) lifeline: scrolls with the content.
    fn lane_x(&self, column: usize) -> f32 {
        self.origin.x + TIME_WIDTH + (column as f32 + 0.5) * self.column_width
    }

    /// The x of the server's lifeline: where it belongs, or pinned to the
    /// right edge of the view when the sessions are wider than it.
    fn server_x(&self) -> f32 {
        self.lane_x(self.columns - 1).min(self.clip.right() - self.column_width * 0.5)
    }

    /// The x at which a session's steps are drawn: its lifeline, or, when
    /// the lifeline is scrolled out of the lanes' area, that area's nearer
    /// edge, so an arrow to a hidden session still shows (pointing where
    /// it is) and never crosses the pinned server lifeline.
    fn visible_lane_x(&self, column: usize) -> f32 {
        let area = self.lanes_area();
        self.lane_x(column).clamp(area.left(), area.right())
    }

    /// Where session lifelines may be drawn: between the pinned columns.
    fn lanes_area(&self) -> Rect {
        let right = self.server_x() - self.column_width * 0.5;
        Rect::from_x_y_ranges(
            self.clip.left() + TIME_WIDTH..=right.max(self.clip.left() + TIME_WIDTH),
            self.clip.y_range(),
        )
    }

    /// The part of a session's column left in view between the pinned
    /// columns (left and right x), where its name goes; `None` when none is.
    fn visible_column(&self, column: usize) -> Option<(f32, f32)> {
        let (x, half, area) = (self.lane_x(column), self.column_width * 0.5, self.lanes_area());
        let (left, right) = ((x - half).max(area.left()), (x + half).min(area.right()));
        (right - left >= 1.0).then_some((left, right))
    }

    /// The band of row `row`, across the visible width.
    fn row_rect(&self, row: usize) -> Rect {
        let top = self.origin.y + HEADER_HEIGHT + row as f32 * ROW_HEIGHT;
        Rect::from_min_size(pos2(self.clip.left(), top), vec2(self.clip.width(), ROW_HEIGHT))
    }
}

impl Diagram {
    /// Draws the steps of `steps` in `language`; returns
    /// [`DiagramAction::Select`] when a row is clicked.
    pub fn show(&mut self, ui: &mut Ui, steps: &Steps, language: Language) -> Option<DiagramAction> {
        self.refresh(steps);
        if self.perspective == Perspective::Server && (self.folded > 0 || self.show_closed) {
            let closed = steps.lanes().iter().filter(|(_, i)| !i.open).count();
            let label = trf(language, "diagram-show_closed_sessions", &[("n", &closed)]);
            ui.checkbox(&mut self.show_closed, label);
        }
        if self.rows.is_empty() {
            ui.weak(tr(language, "diagram-no_messages"));
            return None;
        }
        let columns = self.columns();
        let column_width = ((ui.available_width() - TIME_WIDTH) / columns as f32).max(MIN_COLUMN_WIDTH);
        ScrollArea::both()
            .id_salt("lojinha_sequence_diagram")
            .auto_shrink(false)
            .stick_to_bottom(true)
            .show_viewport(ui, |ui, viewport| {
                let layout =
                    Layout { origin: ui.max_rect().min, clip: ui.clip_rect(), column_width, columns };
                ui.set_width(TIME_WIDTH + column_width * columns as f32);
                ui.set_height(HEADER_HEIGHT + self.rows.len() as f32 * ROW_HEIGHT);
                self.show_visible(ui, steps, viewport, layout, language)
            })
            .inner
    }

    fn show_visible(
        &mut self,
        ui: &mut Ui,
        steps: &Steps,
        viewport: Rect,
        layout: Layout,
        language: Language,
    ) -> Option<DiagramAction> {
        if let Some(row) = self.scroll_to.take().and_then(|seq| self.rows.position(seq)) {
            ui.scroll_to_rect(layout.row_rect(row), Some(egui::Align::Center));
        }
        let rows = visible_rows(viewport, self.rows.len());
        let header = Rect::from_min_size(layout.clip.min, vec2(layout.clip.width(), HEADER_HEIGHT));
        let base_id = ui.scope_id().with("diagram_row");
        let responses: Vec<(usize, Response)> = rows
            .clone()
            .filter_map(|row| {
                let mut rect = layout.row_rect(row);
                rect.min.y = rect.min.y.max(header.max.y);
                (rect.height() > 0.0).then(|| (row, ui.interact(rect, base_id.with(row), Sense::click())))
            })
            .collect();
        let hovered = responses.iter().find(|(_, r)| r.hovered()).map(|(row, _)| *row);
        self.paint_rows(ui, steps, layout, rows, hovered, language);
        self.paint_header(ui, steps, layout, header, language);
        let mut action = None;
        for (row, response) in responses {
            if let Some(a) = self.respond(steps, row, response, language) {
                action = Some(a);
            }
        }
        action
    }

    fn step_at<'s>(&self, steps: &'s Steps, row: usize) -> Option<&'s Step> {
        steps.get(*self.rows.seqs().get(row)?)
    }

    fn paint_rows(
        &self,
        ui: &Ui,
        steps: &Steps,
        layout: Layout,
        rows: std::ops::Range<usize>,
        hovered: Option<usize>,
        language: Language,
    ) {
        let visuals = ui.visuals();
        let (top, bottom) = (layout.row_rect(rows.start).top(), layout.row_rect(rows.end).top());
        let lifeline = Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.6));
        let lanes_painter = ui.painter().with_clip_rect(layout.lanes_area());
        for column in 0..layout.columns - 1 {
            lanes_painter.vline(layout.lane_x(column), top..=bottom, lifeline);
        }
        ui.painter().vline(layout.server_x(), top..=bottom, lifeline);
        let selected_row = self.selected.and_then(|seq| self.rows.position(seq));
        let partner = hovered
            .and_then(|row| self.step_at(steps, row))
            .and_then(|step| step.pair)
            .and_then(|seq| self.rows.position(seq));
        for row in rows {
            let Some(step) = self.step_at(steps, row) else { continue };
            let rect = layout.row_rect(row);
            if Some(row) == selected_row {
                ui.painter().rect_filled(rect, 2.0, visuals.selection.bg_fill.gamma_multiply(0.6));
            } else if Some(row) == hovered || Some(row) == partner {
                ui.painter().rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
            }
            self.paint_row(ui, layout, step, rect, language);
        }
    }

    fn paint_row(&self, ui: &Ui, layout: Layout, step: &Step, rect: Rect, language: Language) {
        let figure = Figure::of(step);
        let look = look_of(figure, ui.visuals().dark_mode);
        let small = FontId::proportional(12.0);
        let weak = ui.visuals().weak_text_color();
        let time = clock(step.at, language);
        ui.painter().text(
            rect.left_center() + vec2(4.0, 0.0),
            Align2::LEFT_CENTER,
            time,
            small.clone(),
            weak,
        );
        let server_x = layout.server_x();
        let on_server = step.lane == Lane::Server;
        let lane_x = if on_server { server_x } else { layout.visible_lane_x(self.column_of(step)) };
        let y = rect.top() + ROW_HEIGHT * 0.7;
        let text = label(step, language);
        let painter = ui.painter().with_clip_rect(Rect::from_x_y_ranges(
            layout.clip.left() + TIME_WIDTH..=layout.clip.right(),
            layout.clip.y_range(),
        ));
        let Some(message) = step.message() else {
            let at = pos2(lane_x, rect.center().y);
            mark(&painter, at, figure, look.color);
            // A sentence on the server's lifeline is written to its left,
            // cut with "…" where the time column begins; a session's, to its
            // right, cut before the server's lifeline (the log has it whole).
            let room = match on_server {
                true => at.x - 10.0 - (layout.clip.left() + TIME_WIDTH),
                false => server_x - 10.0 - (at.x + 10.0),
            };
            let galley = one_line(&painter, text, small, look.color, room.max(20.0));
            let left = if on_server { at.x - 10.0 - galley.size().x } else { at.x + 10.0 };
            painter.galley(pos2(left, at.y - galley.size().y / 2.0), galley, look.color);
            return;
        };
        let (from, to) = match message.direction {
            Direction::ToServer => (lane_x, server_x),
            Direction::ToClient => (server_x, lane_x),
        };
        arrow(&painter, pos2(from, y), pos2(to, y), look);
        let middle = pos2((from + to) / 2.0, y - 3.0);
        painter.text(middle, Align2::CENTER_BOTTOM, text, small, look.color);
    }

    fn paint_header(&self, ui: &Ui, steps: &Steps, layout: Layout, header: Rect, language: Language) {
        let painter = ui.painter();
        // Lifeline names are labels for screen readers (and tests) too.
        let name_label = |x: f32, name: &str| {
            let rect = Rect::from_center_size(
                pos2(x, header.center().y),
                vec2(layout.column_width * 0.9, HEADER_HEIGHT),
            );
            let rect = rect.intersect(header);
            if rect.width() > 0.0 {
                let response = ui.interact(rect, ui.scope_id().with(("lifeline", name)), Sense::hover());
                response.widget_info(|| WidgetInfo::labeled(Role::Label, true, name));
            }
        };
        painter.rect_filled(header, 0.0, ui.visuals().panel_fill);
        let font = FontId::proportional(13.0);
        let color = ui.visuals().strong_text_color();
        let y = header.center().y;
        let server = tr(language, "diagram-server");
        let weak = ui.visuals().weak_text_color();
        painter.text(
            pos2(header.left() + 4.0, y),
            Align2::LEFT_CENTER,
            tr(language, "diagram-time"),
            font.clone(),
            weak,
        );
        let lanes_painter = painter.with_clip_rect(layout.lanes_area());
        let names: Vec<String> = match self.perspective {
            Perspective::Client => vec![self.lane_name(steps, 0, language)],
            Perspective::Server => {
                self.lanes.iter().map(|&lane| self.lane_name(steps, lane, language)).collect()
            }
        };
        let lanes = layout.lanes_area();
        for (column, name) in names.into_iter().enumerate() {
            let x = layout.lane_x(column);
            if (lanes.left()..=lanes.right()).contains(&x) {
                name_label(x, &name);
            }
            // Centred on the part of its column in view and cut to it
            // ("Sessão 61: mar…"), so a long name never runs into its
            // neighbours' or under the pinned server lifeline.
            let Some((left, right)) = layout.visible_column(column) else { continue };
            let galley = one_line(painter, name, font.clone(), color, (right - left) * 0.9);
            let size = galley.size();
            lanes_painter.galley(pos2((left + right - size.x) / 2.0, y - size.y / 2.0), galley, color);
        }
        name_label(layout.server_x(), &server);
        painter.text(pos2(layout.server_x(), y), Align2::CENTER_CENTER, server, font, color);
        let line = Stroke::new(1.0, weak.gamma_multiply(0.5));
        painter.hline(header.x_range(), header.bottom(), line);
    }

    /// Accessibility label, tooltip with the raw JSON, and click to select.
    fn respond(
        &mut self,
        steps: &Steps,
        row: usize,
        response: Response,
        language: Language,
    ) -> Option<DiagramAction> {
        let step = self.step_at(steps, row)?;
        let seq = step.seq;
        let text = label(step, language);
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
        let clicked = response.clicked();
        if response.hovered() {
            let tooltip = self.tooltip_text(step, text, language);
            let hint = tr(language, "diagram-click_to_select");
            response.on_hover_ui(|ui| {
                ui.set_max_width(560.0);
                ui.label(RichText::new(tooltip).monospace().size(11.5));
                ui.weak(hint);
            });
        }
        if !clicked {
            return None;
        }
        self.selected = Some(seq);
        Some(DiagramAction::Select(seq))
    }

    /// The raw JSON, pretty-printed and cut to a readable size; cached per step.
    fn tooltip_text(&mut self, step: &Step, label: String, language: Language) -> String {
        if let Some((seq, cached_language, text)) = &self.tooltip_cache
            && *seq == step.seq
            && *cached_language == language
        {
            return text.clone();
        }
        let text = match step.raw() {
            None => label,
            Some(raw) => {
                let pretty = match serde_json::from_str::<Value>(raw) {
                    Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_default(),
                    Err(_) => raw.to_owned(),
                };
                let bytes = step.bytes.unwrap_or(raw.len());
                format!(
                    "{}\n{}",
                    shorten(&pretty, TOOLTIP_MAX_CHARS),
                    trf(language, "diagram-bytes", &[("n", &bytes)])
                )
            }
        };
        self.tooltip_cache = Some((step.seq, language, text.clone()));
        text
    }
}

/// The rows whose band intersects the viewport (content coordinates).
fn visible_rows(viewport: Rect, total: usize) -> std::ops::Range<usize> {
    let first = ((viewport.min.y - HEADER_HEIGHT) / ROW_HEIGHT).floor().max(0.0) as usize;
    let last = ((viewport.max.y - HEADER_HEIGHT) / ROW_HEIGHT).ceil().max(0.0) as usize + 1;
    first.min(total)..last.min(total)
}

/// `text` on one line, cut with "…" to at most `width` points.
fn one_line(painter: &egui::Painter, text: String, font: FontId, color: Color32, width: f32) -> Arc<Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text, font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    painter.layout_job(job)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four lifelines (three sessions and the server) in a view 2.2
    /// columns wide: the server is pinned to the right edge, and a
    /// session scrolled past it is drawn at the lanes' edge, left of the
    /// server, never beyond it.
    #[test]
    fn hidden_sessions_are_drawn_at_the_edge_before_the_server() {
        let column_width = 150.0;
        let clip = Rect::from_min_size(pos2(0.0, 0.0), vec2(TIME_WIDTH + 2.2 * column_width, 400.0));
        let layout = Layout { origin: clip.min, clip, column_width, columns: 4 };
        let server = layout.server_x();
        assert_eq!(server, clip.right() - column_width * 0.5, "pinned to the right edge");
        assert_eq!(layout.visible_lane_x(0), layout.lane_x(0), "a session in view is where it is");
        for hidden in [1, 2] {
            assert!(layout.lane_x(hidden) > server - column_width * 0.5, "session {hidden} is scrolled out");
            assert_eq!(layout.visible_lane_x(hidden), layout.lanes_area().right());
            assert!(layout.visible_lane_x(hidden) < server);
        }
        let scrolled = Layout { origin: pos2(-300.0, 0.0), ..layout };
        assert_eq!(scrolled.visible_lane_x(0), scrolled.lanes_area().left(), "scrolled out on the left");
    }

    /// A session's name goes on the part of its column in view: all of it,
    /// the part left of the pinned server column, or none.
    #[test]
    fn a_lane_name_goes_where_its_column_shows() {
        let column_width = 150.0;
        let clip = Rect::from_min_size(pos2(0.0, 0.0), vec2(TIME_WIDTH + 2.4 * column_width, 400.0));
        let layout = Layout { origin: clip.min, clip, column_width, columns: 4 };
        let x = layout.lane_x(0);
        assert_eq!(layout.visible_column(0), Some((x - 75.0, x + 75.0)), "in view: its whole column");
        let (left, right) = layout.visible_column(1).expect("partly in view");
        assert_eq!(left, layout.lane_x(1) - 75.0);
        assert_eq!(right, layout.lanes_area().right(), "cut where the server's column begins");
        assert!(right - left < column_width);
        assert_eq!(layout.visible_column(2), None, "under the server's column");
    }

    /// A lifeline's long name is cut to its column with "…"; a short one is whole.
    #[test]
    fn long_lane_names_are_cut_to_their_column() {
        let mut harness = egui_kittest::Harness::new_ui(|ui| {
            let font = FontId::proportional(13.0);
            let long = one_line(
                ui.painter(),
                "Sessão 61: maria@lab-07 1".into(),
                font.clone(),
                Color32::WHITE,
                60.0,
            );
            assert!(long.size().x <= 60.0, "{} points wide", long.size().x);
            let shown: String = long.rows.iter().flat_map(|row| row.glyphs.iter()).map(|g| g.chr).collect();
            assert!(shown.starts_with("Sessão") && shown.ends_with('…'), "{shown}");
            let short = one_line(ui.painter(), "Sessão 2".into(), font, Color32::WHITE, 200.0);
            assert_eq!(short.text(), "Sessão 2");
        });
        harness.run();
    }
}
