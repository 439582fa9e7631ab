//! Draws a connection log: one row per step (time, direction, step, detail,
//! bytes, round trip), a filter, clear, pause auto-scroll, and the raw JSON of
//! the selected row with a copy button.

use std::hash::{Hash, Hasher};

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use lojinha_teach::steps::words::{self, arrow, name_key};
use lojinha_teach::steps::{Direction, Name, Step, Steps, Visible, mistake};

pub use super::describe::describe;
use crate::i18n::{Language, tr, trf};

/// What the user asked of the log (the owner applies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogAction {
    Clear,
}

/// The view's own state: filter, scrolling and selection.
pub struct LogView {
    id_salt: String,
    /// A recording's log: nothing to clear.
    read_only: bool,
    pub filter: String,
    pub auto_scroll: bool,
    /// Show the session column (server log).
    show_session: bool,
    selected: Option<u64>,
    /// Scroll the selected row into view on the next frame (chosen elsewhere, e.g. in the diagram).
    scroll_to_selected: bool,
    /// The steps that pass the filter.
    visible: Visible,
    /// Show the selected line as bytes (hexadecimal) instead of JSON.
    pub show_bytes: bool,
    /// "Save…": the diagram, the log, or the record, to a file.
    pub save: super::save::SaveState,
}

impl LogView {
    pub fn new(id_salt: impl Into<String>, show_session: bool) -> LogView {
        LogView {
            id_salt: id_salt.into(),
            read_only: false,
            filter: String::new(),
            auto_scroll: true,
            show_session,
            selected: None,
            scroll_to_selected: false,
            visible: Visible::default(),
            show_bytes: false,
            save: super::save::SaveState::default(),
        }
    }

    /// A view of a recording: no "Clear" (nothing happens to it any more).
    pub fn read_only(id_salt: impl Into<String>, show_session: bool) -> LogView {
        LogView { read_only: true, ..LogView::new(id_salt, show_session) }
    }

    /// The `seq`s of the steps the filter shows, as of the last frame.
    pub fn shown(&self) -> &[u64] {
        self.visible.seqs()
    }

    /// Whether a search is typed (the log shows only the steps it matches).
    pub fn filtered(&self) -> bool {
        !self.filter.trim().is_empty()
    }

    /// The `seq` of the selected entry.
    pub fn selected(&self) -> Option<u64> {
        self.selected
    }

    /// Selects the entry with this `seq` and scrolls to it.
    pub fn select(&mut self, seq: Option<u64>) {
        self.selected = seq;
        self.scroll_to_selected = seq.is_some();
    }

    pub fn show(&mut self, ui: &mut egui::Ui, steps: &Steps, language: Language) -> Option<LogAction> {
        let action = self.toolbar(ui, steps, language);
        self.refresh(steps, language);
        if let Some(step) = self.selected.and_then(|seq| steps.get(seq)) {
            // At most half of what is left: in a short window the rows stay
            // readable above it instead of being drawn over.
            let room = (ui.available_height() * 0.5).max(48.0);
            egui::Panel::bottom((&self.id_salt, "detail"))
                .resizable(true)
                .default_size(140.0_f32.min(room))
                .max_size(room)
                .show(ui, |ui| self.detail(ui, steps, step, language));
        }
        self.table(ui, steps, language);
        action
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, steps: &Steps, language: Language) -> Option<LogAction> {
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(language, "log-filter"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(tr(language, "log-filter_hint"))
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.checkbox(&mut self.auto_scroll, tr(language, "log-auto_scroll"));
            if !self.read_only {
                let clear = ui
                    .button(tr(language, "log-clear"))
                    .on_hover_text(ui.ctx().format_shortcut(&super::shortcut::CLEAR));
                if clear.clicked() || super::shortcut::clear_pressed(ui) {
                    action = Some(LogAction::Clear);
                    self.selected = None;
                }
            }
            ui.weak(trf(language, "log-count", &[("n", &steps.len())]));
        });
        action
    }

    /// Brings the filtered rows up to date: only steps added since are
    /// looked at unless the search or the language changed (the search also
    /// matches the rows' words).
    fn refresh(&mut self, steps: &Steps, language: Language) {
        let mut key = std::collections::hash_map::DefaultHasher::new();
        (&self.filter, language).hash(&mut key);
        let needle = self.filter.to_lowercase();
        self.visible.refresh(steps, key.finish(), |step| {
            needle.is_empty() || matches_filter(step, &needle, language)
        });
    }

    /// The rows, in a table that scrolls sideways when the window is too
    /// narrow for its columns rather than clipping them.
    fn table(&mut self, ui: &mut egui::Ui, steps: &Steps, language: Language) {
        egui::ScrollArea::horizontal()
            .id_salt((&self.id_salt, "sideways"))
            .auto_shrink([false, false])
            .show(ui, |ui| self.table_inside(ui, steps, language));
    }

    fn table_inside(&mut self, ui: &mut egui::Ui, steps: &Steps, language: Language) {
        let row_height = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
        let widths = Widths::measure(ui, self.show_session, language);
        let room = ui.available_height();
        let mut table = TableBuilder::new(ui)
            .id_salt(&self.id_salt)
            .striped(true)
            .sense(egui::Sense::click())
            .stick_to_bottom(self.auto_scroll && !self.scroll_to_selected)
            .auto_shrink([false, false])
            // Only the room there is: in a short window the rows scroll
            // instead of running under the selected line's details.
            .min_scrolled_height(0.0)
            .max_scroll_height(room)
            .column(Column::exact(widths.time))
            .column(Column::exact(widths.dir));
        if self.show_session {
            table = table.column(Column::exact(widths.session));
        }
        if std::mem::take(&mut self.scroll_to_selected)
            && let Some(row) = self.selected.and_then(|seq| self.visible.position(seq))
        {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        let table = table
            .column(Column::initial(widths.step).at_least(widths.step.min(60.0)).resizable(true))
            .column(Column::remainder().at_least(DETAIL_MIN).clip(true))
            .column(Column::exact(widths.bytes))
            .column(Column::exact(widths.rtt));
        let table = table.header(20.0, |mut header| {
            let mut titles = vec!["log-col-time", "log-col-dir"];
            if self.show_session {
                titles.push("log-col-session");
            }
            titles.extend(["log-col-step", "log-col-detail", "log-col-bytes", "log-col-rtt"]);
            for title in titles {
                header.col(|ui| {
                    ui.strong(tr(language, title));
                });
            }
        });
        table.body(|body| {
            body.rows(row_height, self.visible.len(), |mut row| {
                let Some(step) = self.visible.seqs().get(row.index()).and_then(|&seq| steps.get(seq)) else {
                    return;
                };
                row.set_selected(self.selected == Some(step.seq));
                self.row_cells(&mut row, step, language);
                if row.response().clicked() {
                    self.selected = if self.selected == Some(step.seq) { None } else { Some(step.seq) };
                }
            });
        });
    }

    fn row_cells(&self, row: &mut egui_extras::TableRow<'_, '_>, step: &Step, language: Language) {
        let direction = step.message().map(|m| m.direction);
        let color = direction_color(direction);
        row.col(|ui| {
            ui.monospace(words::clock(step.at, language));
        });
        row.col(|ui| {
            ui.label(RichText::new(arrow(direction)).monospace().color(color));
        });
        if self.show_session {
            row.col(|ui| {
                let session = match step.lane {
                    lojinha_teach::steps::Lane::Session(s) => format!("#{s}"),
                    _ => String::new(),
                };
                ui.monospace(session);
            });
        }
        row.col(|ui| {
            ui.label(RichText::new(tr(language, name_key(step.name()))).color(color));
        });
        row.col(|ui| {
            // A client's protocol mistake is marked, and says what to fix.
            match step.message().and_then(mistake::of_line) {
                Some(m) => {
                    let text = RichText::new(describe(step, language)).color(ui.visuals().warn_fg_color);
                    ui.label(text).on_hover_text(tr(language, mistake::words_id(m)));
                }
                None => {
                    ui.label(describe(step, language));
                }
            }
        });
        row.col(|ui| {
            ui.monospace(step.bytes.map(|b| format!("{b} B")).unwrap_or_default());
        });
        row.col(|ui| {
            ui.monospace(step.round_trip.map(|d| words::duration(d, language)).unwrap_or_default());
        });
    }

    fn detail(&mut self, ui: &mut egui::Ui, steps: &Steps, step: &Step, language: Language) {
        ui.horizontal(|ui| {
            ui.strong(format!("#{} {}", step.seq, tr(language, name_key(step.name()))));
            ui.label(describe(step, language));
            if let Some(m) = step.message().and_then(mistake::of_line) {
                ui.colored_label(ui.visuals().warn_fg_color, tr(language, mistake::words_id(m)));
            }
            if let Some(pair) = step.pair.filter(|p| steps.get(*p).is_some()) {
                let sent = step.message().is_some_and(|m| m.direction == Direction::ToServer);
                let key = if sent { "log-go_response" } else { "log-go_request" };
                if ui.link(tr(language, key)).clicked() {
                    self.selected = Some(pair);
                }
            }
            if let Some(raw) = step.raw()
                && ui.button(tr(language, "log-copy_json")).clicked()
            {
                ui.ctx().copy_text(pretty(raw));
            }
            if step.raw().is_some() {
                ui.checkbox(&mut self.show_bytes, tr(language, "log-bytes"))
                    .on_hover_text(tr(language, "log-bytes_hint"));
            }
            if ui.button(tr(language, "log-close_detail")).clicked() {
                self.selected = None;
            }
        });
        if let (true, Some(raw)) = (self.show_bytes, step.raw()) {
            self.bytes_view(ui, raw, language);
            return;
        }
        let mut text = step.raw().map(pretty).unwrap_or_else(|| tr(language, "log-no_raw"));
        egui::ScrollArea::vertical().id_salt((&self.id_salt, "raw")).show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .code_editor()
                    .interactive(true)
                    .desired_width(f32::INFINITY)
                    .hint_text(tr(language, "log-raw_json")),
            );
            if let Some(line) = step.line.as_ref().filter(|line| line.cut > 0) {
                ui.weak(trf(language, "log-raw_cut", &[("n", &line.cut)]));
            }
        });
    }
}

/// The narrowest the detail column gets (the table scrolls sideways below that).
const DETAIL_MIN: f32 = 80.0;
/// Room around a cell's text.
const CELL_PADDING: f32 = 10.0;

/// Column widths measured with the fonts, zoom and language in use, so a
/// header or a value never overflows its column.
struct Widths {
    time: f32,
    dir: f32,
    session: f32,
    step: f32,
    bytes: f32,
    rtt: f32,
}

impl Widths {
    fn measure(ui: &egui::Ui, show_session: bool, language: Language) -> Widths {
        let mono = egui::TextStyle::Monospace.resolve(ui.style());
        let body = egui::TextStyle::Body.resolve(ui.style());
        let width = |text: &str, font: &egui::FontId| {
            ui.ctx().fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE).size().x)
        };
        // Headers are drawn strong, a little wider than body text.
        let column = |key: &'static str, samples: &[&str], font: &egui::FontId| {
            let values = samples.iter().map(|s| width(s, font)).fold(0.0, f32::max);
            values.max(width(&tr(language, key), &body) * 1.1) + CELL_PADDING
        };
        let names: Vec<String> = Name::ALL.iter().map(|n| tr(language, name_key(*n))).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        Widths {
            time: column("log-col-time", &["9,999.999 s"], &mono),
            dir: column("log-col-dir", &["C→S"], &mono),
            session: if show_session { column("log-col-session", &["#9999"], &mono) } else { 0.0 },
            step: column("log-col-step", &names, &body),
            bytes: column("log-col-bytes", &["999999 B"], &mono),
            rtt: column("log-col-rtt", &["999.99 ms"], &mono),
        }
    }
}

impl LogView {
    /// The line as the bytes that crossed the wire, its `\n` included.
    fn bytes_view(&self, ui: &mut egui::Ui, raw: &str, language: Language) {
        let mut wire = raw.as_bytes().to_vec();
        wire.push(b'\n');
        egui::ScrollArea::vertical().id_salt((&self.id_salt, "bytes")).show(ui, |ui| {
            egui::Grid::new((&self.id_salt, "bytes-grid")).striped(true).show(ui, |ui| {
                for row in super::bytes::rows(&wire) {
                    ui.monospace(format!("{:06x}", row.offset));
                    ui.monospace(row.hex);
                    ui.monospace(row.chars);
                    ui.end_row();
                }
            });
            ui.weak(trf(language, "log-bytes_legend", &[("n", &wire.len())]));
        });
    }
}

fn matches_filter(step: &Step, needle: &str, language: Language) -> bool {
    let method = step.message().and_then(|m| m.method.as_ref());
    let haystacks = [
        Some(tr(language, name_key(step.name())).to_lowercase()),
        method.map(|m| m.to_lowercase()),
        step.raw().map(str::to_lowercase),
    ];
    // What the row says in the user's language, built only when the rest missed.
    haystacks.iter().flatten().any(|h| h.contains(needle))
        || describe(step, language).to_lowercase().contains(needle)
}

fn pretty(raw: &str) -> String {
    serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| raw.to_owned())
}

fn direction_color(direction: Option<Direction>) -> Color32 {
    match direction {
        Some(Direction::ToServer) => Color32::from_rgb(0x3b, 0x82, 0xf6),
        Some(Direction::ToClient) => Color32::from_rgb(0x16, 0xa3, 0x4a),
        None => Color32::GRAY,
    }
}
