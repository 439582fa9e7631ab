//! "Open a recording…": a recording saved from a client window or the
//! server panel (`crate::log::save`), opened in a read-only window with its
//! log and its diagram exactly as they were, with no server running.
//!
//! The file is read and parsed on a named thread (`open-recording`), after
//! the file dialog when the user asks for one (it runs there too); a typed
//! path works where no dialog exists. A file over the bound, or malformed,
//! is said in the user's language ([`describe`]).

use std::path::PathBuf;

use crossbeam_channel::Receiver;
use lojinha_teach::Diagram;
use lojinha_teach::recording::{self, ReadError, Recording, View};

use crate::describe_file::describe_io;
use crate::i18n::{Language, tr, trf};
use crate::log::LogView;
use crate::log::linked::{self, Layout};
use crate::phrase::Phrase;
use crate::waker::Waker;

/// One opened recording, in its own window.
pub struct RecordingWindow {
    /// Unique among the windows opened (their egui ids).
    number: u64,
    pub path: PathBuf,
    pub recording: Recording,
    pub log_view: LogView,
    pub diagram: Diagram,
    pub open: bool,
}

/// How an opening ended.
enum Opened {
    Read(PathBuf, Box<Recording>),
    Failed(PathBuf, ReadError),
    /// The dialog returned no path.
    NoPath,
}

/// Every opened recording, and the "Open a recording" box.
#[derive(Default)]
pub struct Recordings {
    pub windows: Vec<RecordingWindow>,
    opened: u64,
    /// The "Open a recording" box is shown.
    pub asking: bool,
    /// The path typed in the box.
    pub path: String,
    pending: Option<Receiver<Opened>>,
    /// Why the last opening failed.
    pub error: Option<Phrase>,
}

/// What the "Open a recording" box asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenIntent {
    Typed,
    Dialog,
}

impl Recordings {
    /// Opens the recording at `path` (or asks with the dialog) on a thread;
    /// its steps get at most `max_bytes`.
    pub fn start(&mut self, how: OpenIntent, max_bytes: usize, waker: Waker, lang: Language) {
        let dialog = match how {
            OpenIntent::Typed => None,
            OpenIntent::Dialog => Some(
                rfd::FileDialog::new()
                    .set_title(tr(lang, "recording-dialog_title"))
                    .add_filter(tr(lang, "save-format_recording"), &[recording::EXTENSION]),
            ),
        };
        let typed = PathBuf::from(self.path.trim());
        let (tx, rx) = crossbeam_channel::bounded(1);
        let spawned = std::thread::Builder::new().name("open-recording".into()).spawn(move || {
            let path = match dialog {
                Some(dialog) => dialog.pick_file(),
                None => Some(typed),
            };
            let opened = match path {
                Some(path) => match recording::open(&path, max_bytes) {
                    Ok(recording) => Opened::Read(path, Box::new(recording)),
                    Err(error) => Opened::Failed(path, error),
                },
                None => Opened::NoPath,
            };
            tx.send(opened).ok();
            waker.wake();
        });
        self.error = None;
        match spawned {
            Ok(_) => self.pending = Some(rx),
            Err(e) => self.error = Some(Phrase::of(e, describe_io)),
        }
    }

    /// Whether an opening is under way.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes a finished opening: a new window, or the error to show.
    pub fn poll(&mut self) {
        let Some(opened) = self.pending.as_ref().and_then(|rx| rx.try_recv().ok()) else { return };
        self.pending = None;
        match opened {
            Opened::Read(path, recording) => {
                self.path = path.display().to_string();
                self.asking = false;
                self.add(path, *recording);
            }
            Opened::Failed(path, error) => self.error = Some(describe(path, error)),
            Opened::NoPath => self.error = Some(Phrase::key("recording-no_path")),
        }
    }

    /// Shows `recording` (read from `path`) in a new window.
    pub fn add(&mut self, path: PathBuf, recording: Recording) {
        self.opened += 1;
        let number = self.opened;
        let server = recording.view == View::Server;
        let diagram = if server { Diagram::server() } else { Diagram::client() };
        let log_view = LogView::read_only(format!("recording-{number}"), server);
        self.windows.push(RecordingWindow { number, path, recording, log_view, diagram, open: true });
    }

    /// Gives each open recording its share of the steps' budget.
    pub fn set_max_bytes(&mut self, share: usize) {
        for window in &mut self.windows {
            if window.recording.steps.max_bytes() != share {
                window.recording.steps.set_max_bytes(share);
            }
        }
    }

    /// Draws the box and the windows; drops closed windows.
    pub fn show(&mut self, ctx: &egui::Context, lang: Language) -> Option<OpenIntent> {
        let intent = self.open_box(ctx, lang);
        for window in &mut self.windows {
            window.show(ctx, lang);
        }
        self.windows.retain(|window| window.open);
        intent
    }

    fn open_box(&mut self, ctx: &egui::Context, lang: Language) -> Option<OpenIntent> {
        let mut intent = None;
        let mut asking = self.asking;
        egui::Window::new(tr(lang, "recording-open_title")).open(&mut asking).resizable(false).show(
            ctx,
            |ui| {
                ui.label(tr(lang, "recording-open_explain"));
                ui.horizontal(|ui| {
                    let label = ui.label(tr(lang, "recording-path"));
                    let hint = format!("/home/me/aula.{}", recording::EXTENSION);
                    ui.add(egui::TextEdit::singleline(&mut self.path).hint_text(hint).desired_width(260.0))
                        .labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    let idle = !self.busy();
                    let typed = idle && !self.path.trim().is_empty();
                    if ui.add_enabled(typed, egui::Button::new(tr(lang, "recording-open"))).clicked() {
                        intent = Some(OpenIntent::Typed);
                    }
                    if ui.add_enabled(idle, egui::Button::new(tr(lang, "recording-browse"))).clicked() {
                        intent = Some(OpenIntent::Dialog);
                    }
                    if !idle {
                        ui.spinner();
                    }
                });
                if let Some(error) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
                }
            },
        );
        self.asking = asking;
        intent
    }
}

impl RecordingWindow {
    fn show(&mut self, ctx: &egui::Context, lang: Language) {
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let title = trf(lang, "recording-window_title", &[("name", &name)]);
        let mut open = self.open;
        egui::Window::new(title)
            .id(egui::Id::unique(("recording-window", self.number)))
            .open(&mut open)
            .default_pos(egui::pos2(
                40.0 + 30.0 * (self.number % 8) as f32,
                70.0 + 30.0 * (self.number % 8) as f32,
            ))
            .default_size([1000.0, 640.0])
            .show(ctx, |ui| self.contents(ui, lang));
        self.open = open;
    }

    fn contents(&mut self, ui: &mut egui::Ui, lang: Language) {
        let recording = &self.recording;
        ui.horizontal_wrapped(|ui| {
            let what =
                trf(lang, "recording-what", &[("title", &recording.title), ("n", &recording.steps.len())]);
            ui.strong(what);
            ui.weak(tr(lang, "recording-read_only"));
            ui.weak(self.path.display().to_string());
        });
        if recording.left_out > 0 {
            let left_out = trf(lang, "recording-left_out", &[("n", &recording.left_out)]);
            ui.colored_label(ui.visuals().warn_fg_color, left_out);
        }
        let id = format!("recording-{}", self.number);
        let layout = if recording.view == View::Server { Layout::Below } else { Layout::Beside };
        let title = recording.title.clone();
        let steps = &self.recording.steps;
        // Nothing to clear in a recording: the log offers no "Clear".
        linked::show(ui, &id, &title, &mut self.log_view, steps, &mut self.diagram, layout, lang);
    }
}

/// Why a recording could not be opened, in the user's language.
pub fn describe(path: PathBuf, error: ReadError) -> Phrase {
    let path = path.display().to_string();
    Phrase::new(move |lang| {
        let why = match &error {
            ReadError::Io(e) => describe_io(e, lang),
            ReadError::TooLarge { bytes, max } => trf(
                lang,
                "recording-too_large",
                &[("mb", &(bytes / (1024 * 1024))), ("max", &(max / (1024 * 1024)))],
            ),
            ReadError::NotARecording => tr(lang, "recording-not_a_recording"),
            ReadError::NewerVersion { version } => {
                trf(lang, "recording-newer", &[("version", &version.to_string())])
            }
            ReadError::LineTooLong { line } => trf(lang, "recording-line_too_long", &[("line", line)]),
            ReadError::BadLine { line, error } => {
                trf(lang, "recording-bad_line", &[("line", line), ("error", error)])
            }
            ReadError::OutOfOrder { line } => trf(lang, "recording-out_of_order", &[("line", line)]),
            ReadError::Incomplete { expected, found } => {
                trf(lang, "recording-incomplete", &[("n", found), ("total", expected)])
            }
        };
        trf(lang, "recording-failed", &[("path", &path), ("error", &why)])
    })
}
