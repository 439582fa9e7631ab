//! "Save…" beside a log and its diagram (a client window's, the server
//! panel's, an opened recording's): the diagram as SVG or PNG, the log as
//! text, Markdown or JSON Lines, or the whole record as a recording.
//!
//! What is saved is what the log shows: with a search typed in the log's
//! filter, only the steps it shows (the diagram's picture keeps those of
//! them it draws); with no search, the whole session. A recording always
//! holds the whole record, so it replays exactly as it was.
//!
//! The click takes a snapshot of the record (a clone: the lines are copied,
//! the app's notes shared) and hands it to the export thread
//! ([`crate::export::spawn_save`]), which makes the picture or the table
//! and writes it: nothing but the copy happens on the UI thread.

use std::io::Write;

use lojinha_teach::recording::{self, View};
use lojinha_teach::{Diagram, Steps, log_file};

use crate::client::export_box::{self, ExportIntent, ExportState};
use crate::export::{self, Content, Format};
use crate::i18n::{Language, tr, trf};
use crate::waker::Waker;

/// What "Save…" writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// The diagram as an SVG picture.
    #[default]
    Svg,
    /// The diagram as a PNG picture (the same SVG, rasterised).
    Png,
    /// The log as text in aligned columns.
    Text,
    /// The log as a Markdown table.
    Markdown,
    /// The log as JSON Lines, every field of each step.
    JsonLines,
    /// The whole record, to open later ([`lojinha_teach::recording`]).
    Recording,
}

impl LogFormat {
    pub const ALL: [LogFormat; 6] = [
        LogFormat::Svg,
        LogFormat::Png,
        LogFormat::Text,
        LogFormat::Markdown,
        LogFormat::JsonLines,
        LogFormat::Recording,
    ];

    /// The file name the dialog proposes (without its extension).
    fn file_stem(self, lang: Language) -> String {
        match self {
            LogFormat::Svg | LogFormat::Png => tr(lang, "save-file_diagram"),
            LogFormat::Recording => tr(lang, "save-file_recording"),
            _ => tr(lang, "save-file_log"),
        }
    }
}

impl Format for LogFormat {
    fn extension(self) -> &'static str {
        match self {
            LogFormat::Svg => "svg",
            LogFormat::Png => "png",
            LogFormat::Text => "txt",
            LogFormat::Markdown => "md",
            LogFormat::JsonLines => "jsonl",
            LogFormat::Recording => recording::EXTENSION,
        }
    }

    fn name(self, lang: Language) -> String {
        match self {
            LogFormat::Svg => tr(lang, "save-format_svg"),
            LogFormat::Png => tr(lang, "save-format_png"),
            LogFormat::Text => tr(lang, "save-format_text"),
            LogFormat::Markdown => tr(lang, "save-format_markdown"),
            LogFormat::JsonLines => tr(lang, "save-format_jsonl"),
            LogFormat::Recording => tr(lang, "save-format_recording"),
        }
    }

    fn extensions() -> &'static [&'static str] {
        &["svg", "png", "txt", "md", "jsonl", recording::EXTENSION]
    }

    const WRITTEN: &'static str = "save-written_as";
}

/// The "Save…" row's state: whether it is open, and its export box.
#[derive(Default)]
pub struct SaveState {
    pub open: bool,
    pub export: ExportState<LogFormat>,
    /// Only part of the session, by time.
    pub range: TimeRange,
}

/// A part of the session: the steps from `from` to `to` seconds on the
/// record's clock (the log's "Time" column), both included.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TimeRange {
    pub on: bool,
    pub from: f64,
    pub to: f64,
}

impl TimeRange {
    /// Whether a step at `at` is in the range (everything, when off).
    pub fn holds(&self, at: std::time::Duration) -> bool {
        let (from, to) = if self.from <= self.to { (self.from, self.to) } else { (self.to, self.from) };
        !self.on || (from..=to).contains(&at.as_secs_f64())
    }
}

/// What is being saved from, for the export thread: a copy of the record
/// and of what the views show.
pub struct Snapshot {
    pub steps: Steps,
    /// The `seq`s the log's filter shows; `None` when it shows everything.
    pub shown: Option<Vec<u64>>,
    /// A diagram that shows what the window's diagram shows.
    pub diagram: Diagram,
    pub language: Language,
    /// The window's title, kept in a recording.
    pub title: String,
}

impl Snapshot {
    fn view(&self) -> View {
        if self.diagram.is_server() { View::Server } else { View::Client }
    }

    /// The steps a table or a picture holds.
    fn seqs(&self) -> Vec<u64> {
        match &self.shown {
            Some(seqs) => seqs.clone(),
            None => self.steps.entries().iter().map(|step| step.seq).collect(),
        }
    }
}

/// The file's content in `format`, made on the export thread.
pub fn content(format: LogFormat, snapshot: Snapshot) -> Content {
    Box::new(move |out: &mut dyn Write| write(format, snapshot, out))
}

fn write(format: LogFormat, mut snapshot: Snapshot, out: &mut dyn Write) -> std::io::Result<usize> {
    let language = snapshot.language;
    let seqs = snapshot.seqs();
    let sessions = snapshot.view() == View::Server;
    let detail = &super::describe::describe;
    match format {
        LogFormat::Svg | LogFormat::Png => {
            let only = snapshot.shown.as_deref();
            let (svg, rows) = snapshot.diagram.picture(&snapshot.steps, only, language);
            if format == LogFormat::Svg {
                out.write_all(svg.as_bytes())?;
            } else {
                let png = lojinha_teach::diagram::png::svg_to_png(&svg)
                    .map_err(|e| std::io::Error::other(format!("{e:?}")))?;
                out.write_all(&png)?;
            }
            Ok(rows)
        }
        LogFormat::Text | LogFormat::Markdown => {
            let (header, rows) = log_file::rows(&snapshot.steps, &seqs, sessions, language, detail);
            match format {
                LogFormat::Text => log_file::text(out, &header, &rows)?,
                _ => log_file::markdown(out, &header, &rows)?,
            }
            Ok(rows.len())
        }
        LogFormat::JsonLines => {
            log_file::json_lines(out, &snapshot.steps, &seqs, language, detail)?;
            Ok(seqs.len())
        }
        LogFormat::Recording => recording::write(out, &snapshot.steps, snapshot.view(), &snapshot.title),
    }
}

/// The "Save…" row: format, path, Save, Save as…, the time range, and how
/// the last save ended. `count` is how many steps the log's search and the
/// range select; `end` is when the record's last step happened (seconds).
pub fn row(
    ui: &mut egui::Ui,
    state: &mut SaveState,
    (count, total): (usize, usize),
    end: f64,
    lang: Language,
) -> Option<ExportIntent> {
    time_range(ui, &mut state.range, end, lang);
    let export = &mut state.export;
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "save-format"));
        egui::ComboBox::from_id_salt("format-combo")
            .selected_text(export.format.name(lang))
            .show_ui(ui, |ui| {
                for format in LogFormat::ALL {
                    ui.selectable_value(&mut export.format, format, format.name(lang));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(tr(lang, "save-path"));
        ui.add(
            egui::TextEdit::singleline(&mut export.path)
                .hint_text(format!("/tmp/{}.{}", export.format.file_stem(lang), export.format.extension()))
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        let steps = if export.format == LogFormat::Recording { total } else { count };
        let save = trf(lang, "save-button", &[("n", &steps)]);
        intent = export_box::save_buttons(ui, export, save, lang);
    });
    if count < total && export.format != LogFormat::Recording {
        let key = if state.range.on { "save-selected" } else { "save-filtered" };
        ui.weak(trf(lang, key, &[("n", &count), ("total", &total)]));
    }
    export_box::intents_of_done(ui, export, lang).or(intent)
}

/// "Only a part of the session: from … s to … s" (a recording is always whole).
fn time_range(ui: &mut egui::Ui, range: &mut TimeRange, end: f64, lang: Language) {
    ui.horizontal_wrapped(|ui| {
        let was = range.on;
        ui.checkbox(&mut range.on, tr(lang, "save-range"));
        if range.on && !was && range.to <= range.from {
            *range = TimeRange { on: true, from: 0.0, to: end.ceil() };
        }
        ui.add_enabled_ui(range.on, |ui| {
            let label = ui.label(tr(lang, "save-range_from"));
            ui.add(egui::DragValue::new(&mut range.from).range(0.0..=end.ceil()).speed(0.1).suffix(" s"))
                .labelled_by(label.id);
            let label = ui.label(tr(lang, "save-range_to"));
            ui.add(egui::DragValue::new(&mut range.to).range(0.0..=end.ceil()).speed(0.1).suffix(" s"))
                .labelled_by(label.id);
        });
    });
}

/// Starts the save an intent asks for, from `snapshot`.
pub fn start(state: &mut SaveState, how: ExportIntent, snapshot: Snapshot, waker: Waker) {
    let lang = snapshot.language;
    let Some((target, format)) = state.export.target(how, |format| {
        export::save_dialog(format, &format.file_stem(lang), lang).set_title(tr(lang, "save-dialog_title"))
    }) else {
        return;
    };
    state.export.pending = Some(export::spawn_save(target, format, content(format, snapshot), waker));
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::export::{ExportPath, check_path};

    /// A name ending in another of the box's formats is refused with the
    /// chosen format's extension; no extension gets it; others are the user's.
    #[test]
    fn a_path_is_checked_against_the_chosen_format() {
        let fixed =
            |typed: &str, fixed: &str| ExportPath::Mismatch { typed: typed.into(), fixed: fixed.into() };
        assert_eq!(check_path(Path::new("a.png"), LogFormat::Svg), fixed("a.png", "a.svg"));
        assert_eq!(check_path(Path::new("a.txt"), LogFormat::Markdown), fixed("a.txt", "a.md"));
        assert_eq!(check_path(Path::new("a.jsonl"), LogFormat::Recording), fixed("a.jsonl", "a.lojinha"));
        assert_eq!(
            check_path(Path::new("aula"), LogFormat::Recording),
            ExportPath::Write("aula.lojinha".into())
        );
        assert_eq!(
            check_path(Path::new("a.markdown"), LogFormat::Markdown),
            ExportPath::Write("a.markdown".into())
        );
        assert_eq!(check_path(Path::new("a.csv"), LogFormat::Text), ExportPath::Write("a.csv".into()));
    }
}
