//! The import box of a client window: a typed path or "Open…" (the system's
//! dialog, on its own thread), the file read and parsed on a worker thread
//! by `lojinha_teach::import`, then the products added through the server
//! over this window's connection, with a progress bar and a report of what
//! was added, what was skipped and why.

use std::path::PathBuf;

use crossbeam_channel::Receiver;
use lojinha_server::Product;
use lojinha_teach::import::{self, ImportReport, SkipReason};

use crate::describe_file::{describe_import_error, describe_io, describe_skip};
use crate::i18n::{Language, tr, trf};
use crate::phrase::Phrase;
use crate::waker::Waker;

/// Lines of skipped or refused records the report shows (then "and N more").
const REASONS_SHOWN: usize = 8;

/// Products the server refused: how many, and the first few with their
/// error (the report shows no more, so a refused 100,000-row file costs
/// a count, not 100,000 errors).
#[derive(Debug, Clone, Default)]
pub struct Refusals {
    pub count: usize,
    pub first: Vec<(String, Phrase)>,
}

impl Refusals {
    /// Counts a refusal of `code`; `error` is kept for the first few.
    pub fn push(&mut self, code: String, error: impl FnOnce() -> Phrase) {
        self.count += 1;
        if self.first.len() < REASONS_SHOWN {
            self.first.push((code, error()));
        }
    }
}

/// What became of a file once read and parsed.
#[derive(Debug, Clone)]
pub enum ParseDone {
    Parsed { path: PathBuf, report: ImportReport },
    Failed { path: PathBuf, error: Phrase },
    NoPath,
}

#[derive(Default)]
pub struct ImportState {
    pub path: String,
    /// The file being read and parsed.
    pub parsing: Option<Receiver<ParseDone>>,
    /// Products sent to the server, answered so far, of how many.
    pub progress: Option<(usize, usize)>,
    /// Records the parser skipped: (line, reason).
    pub skipped: Vec<(usize, SkipReason)>,
    /// Products the server refused.
    pub refused: Refusals,
    pub added: Option<usize>,
    pub error: Option<Phrase>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportIntent {
    Typed,
    Dialog,
}

impl ImportState {
    pub fn busy(&self) -> bool {
        self.parsing.is_some() || self.progress.is_some()
    }

    /// Starts reading `how`'s file on a worker thread.
    pub fn start(&mut self, how: ImportIntent, waker: Waker, lang: Language) {
        *self = ImportState { path: self.path.clone(), ..ImportState::default() };
        let (tx, rx) = crossbeam_channel::bounded(1);
        let typed = PathBuf::from(self.path.trim());
        let (title, filter) = (tr(lang, "import-dialog_title"), tr(lang, "import-dialog_filter"));
        let work = move || {
            let path = match how {
                ImportIntent::Typed => Some(typed),
                ImportIntent::Dialog => {
                    let dialog = rfd::FileDialog::new().set_title(title);
                    dialog.add_filter(filter, &["csv", "json", "txt"]).pick_file()
                }
            };
            let done = path.map_or(ParseDone::NoPath, read_and_parse);
            let _ = tx.send(done);
            waker.ctx.request_repaint_of(waker.viewport);
        };
        match std::thread::Builder::new().name("import-reader".into()).spawn(work) {
            Ok(_) => self.parsing = Some(rx),
            Err(e) => self.error = Some(Phrase::of(e, describe_io)),
        }
    }

    /// Takes the parsed file, if ready: the products to send to the server.
    pub fn poll(&mut self) -> Option<Vec<Product>> {
        let done = self.parsing.as_ref()?.try_recv().ok()?;
        self.parsing = None;
        match done {
            ParseDone::Parsed { path, report } => {
                self.path = path.display().to_string();
                self.skipped = report.skipped().into_iter().map(|(l, r)| (l, r.clone())).collect();
                let products = report.products();
                if products.is_empty() {
                    self.added = Some(0);
                    return None;
                }
                self.progress = Some((0, products.len()));
                Some(products)
            }
            ParseDone::Failed { path, error } => {
                let path = path.display().to_string();
                self.error = Some(Phrase::new(move |lang| {
                    trf(lang, "import-failed", &[("path", &path), ("error", &error.say(lang))])
                }));
                None
            }
            ParseDone::NoPath => {
                self.error = Some(Phrase::key("import-no_path"));
                None
            }
        }
    }

    pub fn finished(&mut self, added: usize, refused: Refusals) {
        self.progress = None;
        self.added = Some(added);
        self.refused = refused;
    }
}

fn read_and_parse(path: PathBuf) -> ParseDone {
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => return ParseDone::Failed { path, error: Phrase::of(e, describe_io) },
    };
    match import::parse_bytes(&bytes) {
        Ok(report) => ParseDone::Parsed { path, report },
        Err(e) => ParseDone::Failed { path, error: Phrase::of(e, describe_import_error) },
    }
}

/// Draws the box; returns what the user asked for.
pub fn show(
    ui: &mut egui::Ui,
    state: &mut ImportState,
    connected: bool,
    lang: Language,
) -> Option<ImportIntent> {
    let mut intent = None;
    ui.strong(tr(lang, "import-title"));
    ui.weak(tr(lang, "import-explain"));
    let label = ui.label(tr(lang, "import-path"));
    ui.add(egui::TextEdit::singleline(&mut state.path).hint_text(tr(lang, "export-path_hint")))
        .labelled_by(label.id);
    ui.horizontal(|ui| {
        let can = connected && !state.busy();
        let typed = !state.path.trim().is_empty();
        if ui.add_enabled(can && typed, egui::Button::new(tr(lang, "import-button"))).clicked() {
            intent = Some(ImportIntent::Typed);
        }
        if ui.add_enabled(can, egui::Button::new(tr(lang, "import-dialog"))).clicked() {
            intent = Some(ImportIntent::Dialog);
        }
        if state.parsing.is_some() {
            ui.spinner();
        }
    });
    report(ui, state, lang);
    intent
}

fn report(ui: &mut egui::Ui, state: &ImportState, lang: Language) {
    if let Some((done, total)) = state.progress {
        let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
        let text = trf(lang, "import-progress", &[("done", &done), ("total", &total)]);
        ui.add(egui::ProgressBar::new(fraction).text(text));
    }
    if let Some(error) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
    }
    if let Some(added) = state.added {
        let skipped = state.skipped.len() + state.refused.count;
        let text = trf(lang, "import-summary", &[("added", &added), ("skipped", &skipped)]);
        ui.label(text);
    }
    let reasons = state
        .skipped
        .iter()
        .map(|(line, reason)| {
            trf(
                lang,
                "import-skipped_line",
                &[("line", &line.to_string()), ("reason", &describe_skip(reason, lang))],
            )
        })
        .chain(state.refused.first.iter().map(|(code, error)| {
            trf(lang, "import-refused", &[("code", code), ("error", &error.say(lang))])
        }));
    for reason in reasons.take(REASONS_SHOWN) {
        ui.weak(reason);
    }
    let more = (state.skipped.len() + state.refused.count).saturating_sub(REASONS_SHOWN);
    if more > 0 {
        ui.weak(trf(lang, "import-more", &[("n", &more)]));
    }
}
