//! Draws a connection log: one row per step (time, direction, step, detail,
//! bytes, round trip), a filter, clear, pause auto-scroll, and the raw JSON of
//! the selected row with a copy button.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use lojinha_server::protocol::RpcError;

use super::model::{Direction, LocalDetail, Log, LogEntry, Step};
use crate::client::describe::{describe_close, describe_reason, describe_rpc};
use crate::i18n::{Language, tr, trf};

/// What the user asked of the log (the owner applies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogAction {
    Clear,
}

/// The view's own state: filter, scrolling and selection.
pub struct LogView {
    id_salt: &'static str,
    pub filter: String,
    pub auto_scroll: bool,
    /// Show the session column (server log).
    show_session: bool,
    selected: Option<u64>,
    /// Scroll the selected row into view on the next frame (chosen elsewhere, e.g. in the diagram).
    scroll_to_selected: bool,
    /// Positions of the entries that pass the filter, and what they were computed for.
    visible: Vec<usize>,
    computed_for: Option<(u64, usize, String, Language)>,
}

impl LogView {
    pub fn new(id_salt: &'static str, show_session: bool) -> LogView {
        LogView {
            id_salt,
            filter: String::new(),
            auto_scroll: true,
            show_session,
            selected: None,
            scroll_to_selected: false,
            visible: Vec::new(),
            computed_for: None,
        }
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

    pub fn show(&mut self, ui: &mut egui::Ui, log: &Log, lang: Language) -> Option<LogAction> {
        let action = self.toolbar(ui, log, lang);
        self.refresh(log, lang);
        if let Some(entry) = self.selected.and_then(|seq| log.get(seq)) {
            let entry = entry.clone();
            egui::Panel::bottom((self.id_salt, "detail"))
                .resizable(true)
                .default_size(140.0)
                .show(ui, |ui| self.detail(ui, log, &entry, lang));
        }
        self.table(ui, log, lang);
        action
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, log: &Log, lang: Language) -> Option<LogAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "log-filter"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(tr(lang, "log-filter_hint"))
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.checkbox(&mut self.auto_scroll, tr(lang, "log-auto_scroll"));
            if ui.button(tr(lang, "log-clear")).clicked() {
                action = Some(LogAction::Clear);
                self.selected = None;
            }
            ui.weak(trf(lang, "log-count", &[("n", &log.len())]));
        });
        action
    }

    /// Recomputes the filtered positions when the log or the filter changed;
    /// when entries were only added since, only those are looked at (a live
    /// log with a search typed stays cheap on the UI thread).
    fn refresh(&mut self, log: &Log, lang: Language) {
        // The language is part of it: the search also matches the rows' words.
        let key = (log.next_seq(), log.len(), self.filter.clone(), lang);
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let appended_from = self.computed_for.as_ref().and_then(|(seq, len, filter, lang)| {
            let added = log.len().checked_sub(*len)?;
            let only_added = key.0 - seq == added as u64 && *filter == key.2 && *lang == key.3;
            only_added.then_some(*len)
        });
        if appended_from.is_none() {
            self.visible.clear();
        }
        let needle = self.filter.to_lowercase();
        let new = log.entries().iter().enumerate().skip(appended_from.unwrap_or(0));
        self.visible.extend(
            new.filter(|(_, e)| needle.is_empty() || matches_filter(e, &needle, lang)).map(|(i, _)| i),
        );
        self.computed_for = Some(key);
    }

    fn table(&mut self, ui: &mut egui::Ui, log: &Log, lang: Language) {
        let row_height = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
        let mut table = TableBuilder::new(ui)
            .id_salt(self.id_salt)
            .striped(true)
            .sense(egui::Sense::click())
            .stick_to_bottom(self.auto_scroll && !self.scroll_to_selected)
            .auto_shrink([false, false])
            .column(Column::exact(72.0))
            .column(Column::exact(40.0));
        if self.show_session {
            table = table.column(Column::exact(36.0));
        }
        if std::mem::take(&mut self.scroll_to_selected) {
            let selected = self.selected;
            let row = self.visible.iter().position(|&i| log.entries().get(i).map(|e| e.seq) == selected);
            if let Some(row) = row {
                table = table.scroll_to_row(row, Some(egui::Align::Center));
            }
        }
        let table = table
            .column(Column::initial(110.0).resizable(true))
            .column(Column::remainder().clip(true))
            .column(Column::exact(64.0))
            .column(Column::exact(70.0));
        let table = table.header(20.0, |mut header| {
            let mut titles = vec!["log-col-time", "log-col-dir"];
            if self.show_session {
                titles.push("log-col-session");
            }
            titles.extend(["log-col-step", "log-col-detail", "log-col-bytes", "log-col-rtt"]);
            for title in titles {
                header.col(|ui| {
                    ui.strong(tr(lang, title));
                });
            }
        });
        table.body(|body| {
            body.rows(row_height, self.visible.len(), |mut row| {
                let Some(entry) = self.visible.get(row.index()).and_then(|&i| log.entries().get(i)) else {
                    return;
                };
                row.set_selected(self.selected == Some(entry.seq));
                self.row_cells(&mut row, entry, lang);
                if row.response().clicked() {
                    self.selected = if self.selected == Some(entry.seq) { None } else { Some(entry.seq) };
                }
            });
        });
    }

    fn row_cells(&self, row: &mut egui_extras::TableRow<'_, '_>, entry: &LogEntry, lang: Language) {
        let color = direction_color(entry.direction);
        row.col(|ui| {
            let seconds = crate::i18n::decimal(lang, entry.since_origin.as_secs_f64(), 3);
            ui.monospace(format!("{seconds:>8}s"));
        });
        row.col(|ui| {
            ui.label(RichText::new(arrow(entry.direction)).monospace().color(color));
        });
        if self.show_session {
            row.col(|ui| {
                ui.monospace(entry.session.map(|s| format!("#{s}")).unwrap_or_default());
            });
        }
        row.col(|ui| {
            ui.label(RichText::new(tr(lang, entry.step.key())).color(color));
        });
        row.col(|ui| {
            ui.label(describe(entry, lang));
        });
        row.col(|ui| {
            ui.monospace(entry.bytes.map(|b| format!("{b} B")).unwrap_or_default());
        });
        row.col(|ui| {
            ui.monospace(entry.rtt.map(|rtt| format_duration(rtt, lang)).unwrap_or_default());
        });
    }

    fn detail(&mut self, ui: &mut egui::Ui, log: &Log, entry: &LogEntry, lang: Language) {
        ui.horizontal(|ui| {
            ui.strong(format!("#{} {}", entry.seq, tr(lang, entry.step.key())));
            ui.label(describe(entry, lang));
            if let Some(pair) = entry.pair.filter(|p| log.get(*p).is_some()) {
                let key = if entry.direction == Direction::ClientToServer {
                    "log-go_response"
                } else {
                    "log-go_request"
                };
                if ui.link(tr(lang, key)).clicked() {
                    self.selected = Some(pair);
                }
            }
            if let Some(raw) = &entry.raw {
                if ui.button(tr(lang, "log-copy_json")).clicked() {
                    ui.ctx().copy_text(pretty(raw));
                }
            }
            if ui.button(tr(lang, "log-close_detail")).clicked() {
                self.selected = None;
            }
        });
        let mut text = entry.raw.as_deref().map(pretty).unwrap_or_else(|| tr(lang, "log-no_raw"));
        egui::ScrollArea::vertical().id_salt((self.id_salt, "raw")).show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .code_editor()
                    .interactive(true)
                    .desired_width(f32::INFINITY)
                    .hint_text(tr(lang, "log-raw_json")),
            );
            if entry.raw_cut > 0 {
                ui.weak(trf(lang, "log-raw_cut", &[("n", &entry.raw_cut)]));
            }
        });
    }
}

fn matches_filter(entry: &LogEntry, needle: &str, lang: Language) -> bool {
    let haystacks = [
        Some(tr(lang, entry.step.key()).to_lowercase()),
        entry.method.as_ref().map(|m| m.to_lowercase()),
        entry.detail.as_ref().map(|d| d.to_lowercase()),
        entry.raw.as_ref().map(|r| r.to_lowercase()),
    ];
    // What the row says in the user's language, built only when the rest missed.
    haystacks.iter().flatten().any(|h| h.contains(needle))
        || describe(entry, lang).to_lowercase().contains(needle)
}

/// A one-line description of a step, in the user's language.
pub fn describe(entry: &LogEntry, lang: Language) -> String {
    let id = entry.id.as_ref().map(|i| i.to_string()).unwrap_or_default();
    let method = entry.method.clone().unwrap_or_default();
    let detail = entry.detail.clone().unwrap_or_default();
    match entry.step {
        Step::Request | Step::Hello if entry.raw.is_some() => {
            trf(lang, "log-d-request", &[("method", &method), ("id", &id)])
        }
        Step::Response => trf(lang, "log-d-response", &[("method", &method), ("id", &id)]),
        Step::ErrorResponse => {
            let message = entry.raw.as_deref().map(|raw| error_description(raw, lang)).unwrap_or_default();
            let key = if method.is_empty() { "log-d-error_plain" } else { "log-d-error_response" };
            trf(lang, key, &[("method", &method), ("id", &id), ("message", &message)])
        }
        Step::Garbage | Step::Batch if entry.raw.is_some() => {
            let raw = entry.raw.as_deref().unwrap_or_default();
            if raw.chars().count() > 120 {
                format!("{}…", raw.chars().take(120).collect::<String>())
            } else {
                raw.to_owned()
            }
        }
        Step::Notification | Step::Welcome | Step::Goodbye => {
            let params = entry.raw.as_deref().map(params_summary).unwrap_or_default();
            format!("{method} {params}")
        }
        _ => match &entry.local {
            Some(LocalDetail::Listening { addr, mode }) => {
                format!("{addr} ({})", crate::server::panel::mode_name(*mode, lang))
            }
            Some(LocalDetail::SessionClosed(reason)) => describe_close(reason, lang),
            Some(LocalDetail::ConnectionEnded(end)) => describe_reason(end, lang),
            Some(LocalDetail::Refused { peer, reason }) => {
                format!("{peer}: {}", lojinha_teach::closing::refusal(reason, lang))
            }
            Some(LocalDetail::Said(phrase)) => phrase.say(lang),
            None => detail,
        },
    }
}

/// The error object of a response, described in the user's language (the
/// raw JSON, in the detail pane, keeps the server's own words).
fn error_description(raw: &str, lang: Language) -> String {
    let mut value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    match serde_json::from_value::<RpcError>(value["error"].take()) {
        Ok(error) => describe_rpc(&error, lang),
        Err(_) => String::new(),
    }
}

fn params_summary(raw: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    let text = value.get("params").map(|p| p.to_string()).unwrap_or_default();
    if text.chars().count() > 120 {
        format!("{}…", text.chars().take(120).collect::<String>())
    } else {
        text
    }
}

fn pretty(raw: &str) -> String {
    serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| raw.to_owned())
}

pub fn arrow(direction: Direction) -> &'static str {
    match direction {
        Direction::ClientToServer => "C→S",
        Direction::ServerToClient => "S→C",
        Direction::Local => "•",
    }
}

fn direction_color(direction: Direction) -> Color32 {
    match direction {
        Direction::ClientToServer => Color32::from_rgb(0x3b, 0x82, 0xf6),
        Direction::ServerToClient => Color32::from_rgb(0x16, 0xa3, 0x4a),
        Direction::Local => Color32::GRAY,
    }
}

/// A round-trip time: `850 µs`, `12.3 ms` (in the language's number style).
pub fn format_duration(d: std::time::Duration, lang: Language) -> String {
    let micros = d.as_micros();
    if micros < 1000 {
        format!("{micros} µs")
    } else {
        format!("{} ms", crate::i18n::decimal(lang, micros as f64 / 1000.0, 1))
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Instant, SystemTime};

    use super::*;

    fn local(detail: &str) -> LogEntry {
        let mut entry = LogEntry::new(Instant::now(), SystemTime::now(), Direction::Local, Step::Read);
        entry.detail = Some(detail.to_owned());
        entry
    }

    fn shown(view: &mut LogView, log: &Log) -> Vec<String> {
        view.refresh(log, Language::En);
        view.visible.iter().map(|&i| log.entries()[i].detail.clone().unwrap_or_default()).collect()
    }

    /// With a search typed, entries added later are filtered as they come;
    /// trimming at capacity and clearing recount from the start.
    #[test]
    fn search_follows_appends_trims_and_clears() {
        let mut log = Log::with_capacity(3);
        let mut view = LogView::new("test", false);
        view.filter = "keep".into();
        log.push(local("keep 1"));
        log.push(local("drop 2"));
        assert_eq!(shown(&mut view, &log), ["keep 1"]);
        log.push(local("keep 3"));
        assert_eq!(shown(&mut view, &log), ["keep 1", "keep 3"]);
        log.push(local("keep 4"));
        assert_eq!(shown(&mut view, &log), ["keep 3", "keep 4"], "the oldest fell off");
        log.clear();
        log.push(local("keep 5"));
        assert_eq!(shown(&mut view, &log), ["keep 5"]);
        view.filter = "drop".into();
        log.push(local("drop 6"));
        assert_eq!(shown(&mut view, &log), ["drop 6"]);
    }
}
