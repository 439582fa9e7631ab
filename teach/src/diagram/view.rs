//! Drawing the diagram: only the rows inside the scroll area's viewport are
//! laid out, interacted with and painted, so 100,000 messages cost what 30 do.

use egui::{
    Align2, FontId, Rect, Response, RichText, Role, ScrollArea, Sense, Stroke, Ui, WidgetInfo, pos2, vec2,
};
use serde_json::Value;

use super::message::{Direction, Kind, SERVER_LANE};
use super::paint::{arrow, look_of, mark};
use super::{Diagram, DiagramAction, shorten};
use crate::i18n::{Decimal, tr, trf};

const ROW_HEIGHT: f32 = 26.0;
const HEADER_HEIGHT: f32 = 24.0;
const TIME_WIDTH: f32 = 72.0;
const MIN_COLUMN_WIDTH: f32 = 150.0;
const TOOLTIP_MAX_CHARS: usize = 4000;

/// Where things are in the scrolled content.
#[derive(Clone, Copy)]
struct Layout {
    origin: egui::Pos2,
    column_width: f32,
    columns: usize,
}

impl Layout {
    fn column_x(&self, column: usize) -> f32 {
        self.origin.x + TIME_WIDTH + (column as f32 + 0.5) * self.column_width
    }

    fn row_rect(&self, row: usize) -> Rect {
        let top = self.origin.y + HEADER_HEIGHT + row as f32 * ROW_HEIGHT;
        let width = TIME_WIDTH + self.column_width * self.columns as f32;
        Rect::from_min_size(pos2(self.origin.x, top), vec2(width, ROW_HEIGHT))
    }
}

impl Diagram {
    /// Draws the diagram; returns [`DiagramAction::Select`] when a message is clicked.
    pub fn show(&mut self, ui: &mut Ui) -> Option<DiagramAction> {
        if self.messages.is_empty() {
            ui.weak(tr(self.language, "diagram-no_messages"));
            return None;
        }
        let columns = self.lanes.len() + 1;
        let column_width = ((ui.available_width() - TIME_WIDTH) / columns as f32).max(MIN_COLUMN_WIDTH);
        ScrollArea::both()
            .id_salt("lojinha_sequence_diagram")
            .auto_shrink(false)
            .stick_to_bottom(true)
            .show_viewport(ui, |ui, viewport| {
                let layout = Layout { origin: ui.max_rect().min, column_width, columns };
                ui.set_width(TIME_WIDTH + column_width * columns as f32);
                ui.set_height(HEADER_HEIGHT + self.messages.len() as f32 * ROW_HEIGHT);
                self.show_visible(ui, viewport, layout)
            })
            .inner
    }

    fn show_visible(&mut self, ui: &mut Ui, viewport: Rect, layout: Layout) -> Option<DiagramAction> {
        if let Some(row) = self.scroll_to_row.take() {
            ui.scroll_to_rect(layout.row_rect(row), Some(egui::Align::Center));
        }
        let rows = visible_rows(viewport, self.messages.len());
        let header = Rect::from_min_size(
            layout.origin + vec2(0.0, viewport.min.y),
            vec2(layout.row_rect(0).width(), HEADER_HEIGHT),
        );
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
        self.paint_rows(ui, layout, rows, hovered);
        self.paint_header(ui, layout, header);
        let mut action = None;
        for (row, response) in responses {
            if let Some(a) = self.respond(row, response) {
                action = Some(a);
            }
        }
        action
    }

    fn paint_rows(&self, ui: &Ui, layout: Layout, rows: std::ops::Range<usize>, hovered: Option<usize>) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        let (top, bottom) = (layout.row_rect(rows.start).top(), layout.row_rect(rows.end).top());
        let lifeline = Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.6));
        for column in 0..layout.columns {
            painter.vline(layout.column_x(column), top..=bottom, lifeline);
        }
        let selected_row = self.selected.and_then(|i| self.row_of_log_index.get(&i).copied());
        let partner = hovered.and_then(|row| self.rows[row].partner);
        for row in rows {
            let rect = layout.row_rect(row);
            if Some(row) == selected_row {
                painter.rect_filled(rect, 2.0, visuals.selection.bg_fill.gamma_multiply(0.6));
            } else if Some(row) == hovered || Some(row) == partner {
                painter.rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
            }
            self.paint_row(ui, layout, row, rect);
        }
    }

    fn paint_row(&self, ui: &Ui, layout: Layout, row: usize, rect: Rect) {
        let painter = ui.painter();
        let message = &self.messages[row];
        let look = look_of(&message.kind, ui.visuals().dark_mode);
        let time =
            trf(self.language, "diagram-seconds", &[("seconds", &Decimal(message.at.as_secs_f64(), 3))]);
        let small = FontId::proportional(12.0);
        let weak = ui.visuals().weak_text_color();
        painter.text(rect.left_center() + vec2(4.0, 0.0), Align2::LEFT_CENTER, time, small.clone(), weak);
        let server_column = layout.columns - 1;
        let lane_column = match message.lane {
            SERVER_LANE => server_column,
            lane => self.column_of_lane.get(&lane).copied().unwrap_or(0),
        };
        let y = rect.top() + ROW_HEIGHT * 0.7;
        let label = &self.rows[row].label;
        let (lane_x, server_x) = (layout.column_x(lane_column), layout.column_x(server_column));
        let (from, to) = match message.direction {
            Direction::ToServer => (lane_x, server_x),
            Direction::ToClient => (server_x, lane_x),
            Direction::Local => {
                let at = pos2(lane_x, rect.center().y);
                mark(painter, at, &message.kind, look.color);
                let (offset, anchor) = match lane_column == server_column {
                    true => (-10.0, Align2::RIGHT_CENTER),
                    false => (10.0, Align2::LEFT_CENTER),
                };
                painter.text(at + vec2(offset, 0.0), anchor, label, small, look.color);
                return;
            }
        };
        arrow(painter, pos2(from, y), pos2(to, y), look);
        let middle = pos2((from + to) / 2.0, y - 3.0);
        painter.text(middle, Align2::CENTER_BOTTOM, label, small, look.color);
    }

    fn paint_header(&self, ui: &Ui, layout: Layout, header: Rect) {
        let painter = ui.painter();
        painter.rect_filled(header, 0.0, ui.visuals().panel_fill);
        let font = FontId::proportional(13.0);
        let color = ui.visuals().strong_text_color();
        let y = header.center().y;
        let weak = ui.visuals().weak_text_color();
        painter.text(
            pos2(header.left() + 4.0, y),
            Align2::LEFT_CENTER,
            tr(self.language, "diagram-time"),
            font.clone(),
            weak,
        );
        for (column, lane) in self.lanes.iter().enumerate() {
            let name = self.lane_name(*lane);
            painter.text(pos2(layout.column_x(column), y), Align2::CENTER_CENTER, name, font.clone(), color);
        }
        let server_x = layout.column_x(layout.columns - 1);
        painter.text(
            pos2(server_x, y),
            Align2::CENTER_CENTER,
            tr(self.language, "diagram-server"),
            font,
            color,
        );
        let line = Stroke::new(1.0, weak.gamma_multiply(0.5));
        painter.hline(header.x_range(), header.bottom(), line);
    }

    /// Accessibility label, tooltip with the raw JSON, and click to select.
    fn respond(&mut self, row: usize, response: Response) -> Option<DiagramAction> {
        let label = self.rows[row].label.clone();
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        let clicked = response.clicked();
        if response.hovered() {
            let tooltip = self.tooltip_text(row);
            let hint = tr(self.language, "diagram-click_to_select");
            response.on_hover_ui(|ui| {
                ui.set_max_width(560.0);
                ui.label(RichText::new(tooltip).monospace().size(11.5));
                ui.weak(hint);
            });
        }
        if !clicked {
            return None;
        }
        let log_index = self.messages[row].log_index;
        self.selected = Some(log_index);
        Some(DiagramAction::Select(log_index))
    }

    /// The raw JSON, pretty-printed and cut to a readable size; cached per row.
    fn tooltip_text(&mut self, row: usize) -> String {
        if let Some((cached_row, text)) = &self.tooltip_cache
            && *cached_row == row
        {
            return text.clone();
        }
        let message = &self.messages[row];
        let text = match (&message.kind, serde_json::from_str::<Value>(&message.raw)) {
            (Kind::Local { .. } | Kind::Closed { .. }, _) => self.rows[row].label.clone(),
            (_, Ok(value)) => serde_json::to_string_pretty(&value).unwrap_or_default(),
            (_, Err(_)) => message.raw.clone(),
        };
        let text = match message.raw.is_empty() {
            true => text,
            false => {
                let bytes = trf(self.language, "diagram-bytes", &[("n", &message.raw.len())]);
                format!("{}\n{bytes}", shorten(&text, TOOLTIP_MAX_CHARS))
            }
        };
        self.tooltip_cache = Some((row, text.clone()));
        text
    }
}

/// The rows whose band intersects the viewport (content coordinates).
fn visible_rows(viewport: Rect, total: usize) -> std::ops::Range<usize> {
    let first = ((viewport.min.y - HEADER_HEIGHT) / ROW_HEIGHT).floor().max(0.0) as usize;
    let last = ((viewport.max.y - HEADER_HEIGHT) / ROW_HEIGHT).ceil().max(0.0) as usize + 1;
    first.min(total)..last.min(total)
}
