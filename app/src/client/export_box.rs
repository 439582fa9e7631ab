//! The export box of a client window: the format, a typed path (works
//! everywhere, also where no file dialog exists) and "Save as…" (the
//! system's dialog). A name whose extension names another format is refused
//! with a one-click fix (see [`crate::export`]).

use crossbeam_channel::Receiver;

use crate::export::{ExportDone, ExportFormat};
use crate::i18n::{tr, trf};

#[derive(Default)]
pub struct ExportState {
    pub path: String,
    pub format: ExportFormat,
    /// The export under way, if any.
    pub pending: Option<Receiver<ExportDone>>,
    pub last: Option<ExportDone>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportIntent {
    /// Write to the typed path.
    Typed,
    /// Ask with the save dialog.
    Dialog,
    /// Write to the name a refused export suggested (its extension fixed).
    FixExtension,
}

impl ExportState {
    /// Takes the result of a finished export.
    pub fn poll(&mut self) {
        let Some(rx) = &self.pending else { return };
        if let Ok(done) = rx.try_recv() {
            if let ExportDone::Written { path, .. } = &done {
                self.path = path.display().to_string();
            }
            self.last = Some(done);
            self.pending = None;
        }
    }
}

pub fn show(ui: &mut egui::Ui, state: &mut ExportState, count: usize) -> Option<ExportIntent> {
    let mut intent = None;
    ui.heading(tr("export.title"));
    ui.horizontal(|ui| {
        for format in ExportFormat::ALL {
            ui.radio_value(&mut state.format, format, format.name());
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr("export.path"));
        ui.add(
            egui::TextEdit::singleline(&mut state.path)
                .hint_text(tr("export.path_hint"))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let idle = state.pending.is_none();
        let label = trf("export.button", &[("n", &count.to_string())]);
        if ui.add_enabled(idle && !state.path.trim().is_empty(), egui::Button::new(label)).clicked() {
            intent = Some(ExportIntent::Typed);
        }
        if ui.add_enabled(idle, egui::Button::new(tr("export.dialog"))).clicked() {
            intent = Some(ExportIntent::Dialog);
        }
        if !idle {
            ui.spinner();
        }
    });
    match &state.last {
        Some(ExportDone::Written { path, count, format }) => {
            let (n, path) = (count.to_string(), path.display().to_string());
            let text = trf("export.written_as", &[("n", &n), ("format", format.name()), ("path", &path)]);
            ui.colored_label(super::form::ok_color(ui), text);
        }
        Some(ExportDone::Mismatch { typed, fixed, format }) => {
            let ext = typed.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
            let text = trf("export.mismatch", &[("ext", &ext), ("format", format.name())]);
            ui.colored_label(ui.visuals().warn_fg_color, text);
            let fix = trf(
                "export.fix_extension",
                &[("format", format.name()), ("path", &fixed.display().to_string())],
            );
            if ui.add_enabled(state.pending.is_none(), egui::Button::new(fix)).clicked() {
                intent = Some(ExportIntent::FixExtension);
            }
        }
        Some(ExportDone::Failed { path, error }) => {
            let text =
                trf("export.failed", &[("path", &path.display().to_string()), ("error", &error.to_string())]);
            ui.colored_label(ui.visuals().error_fg_color, text);
        }
        Some(ExportDone::NoPath) => {
            ui.colored_label(ui.visuals().warn_fg_color, tr("export.no_path"));
        }
        None => {}
    }
    intent
}
