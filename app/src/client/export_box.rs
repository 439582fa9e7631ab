//! The export box of a client window: the format, a typed path (works
//! everywhere, also where no file dialog exists) and "Save as…" (the
//! system's dialog). A name whose extension names another format is refused
//! with a one-click fix (see [`crate::export`]). The state, the intents and
//! the line that says how the export ended serve every export box (the
//! product list's here, a log's in `crate::log::save`).

use std::path::PathBuf;

use crossbeam_channel::Receiver;

use crate::export::{ExportDone, ExportFormat, Format, Target};
use crate::i18n::{Language, tr, trf};

/// An export box's state: the typed path, the format, the export under way
/// and how the last one ended.
pub struct ExportState<F = ExportFormat> {
    pub path: String,
    pub format: F,
    /// The export under way, if any.
    pub pending: Option<Receiver<ExportDone<F>>>,
    pub last: Option<ExportDone<F>>,
}

impl<F: Format + Default> Default for ExportState<F> {
    fn default() -> Self {
        ExportState { path: String::new(), format: F::default(), pending: None, last: None }
    }
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

impl<F: Format> ExportState<F> {
    /// Where an intent writes, and in which format: the typed path, the
    /// dialog `dialog` makes for the format, or the name a refused export
    /// suggested (in the format it had). `None` when there is nothing to fix.
    pub fn target(
        &mut self,
        how: ExportIntent,
        dialog: impl FnOnce(F) -> rfd::FileDialog,
    ) -> Option<(Target, F)> {
        let last = self.last.take();
        match how {
            ExportIntent::Typed => Some((Target::Typed(PathBuf::from(self.path.trim())), self.format)),
            ExportIntent::Dialog => Some((Target::Dialog(dialog(self.format)), self.format)),
            ExportIntent::FixExtension => {
                let Some(ExportDone::Mismatch { fixed, format, .. }) = last else { return None };
                self.path = fixed.display().to_string();
                Some((Target::Typed(fixed), format))
            }
        }
    }

    /// Whether an export is under way.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

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

pub fn show(
    ui: &mut egui::Ui,
    state: &mut ExportState,
    count: usize,
    lang: Language,
) -> Option<ExportIntent> {
    let mut intent = None;
    ui.heading(tr(lang, "export-title"));
    ui.horizontal(|ui| {
        for format in ExportFormat::ALL {
            ui.radio_value(&mut state.format, format, format.name(lang));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "export-path"));
        ui.add(
            egui::TextEdit::singleline(&mut state.path)
                .hint_text(tr(lang, "export-path_hint"))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = trf(lang, "export-button", &[("n", &count)]);
        intent = save_buttons(ui, state, label, lang);
    });
    intents_of_done(ui, state, lang).or(intent)
}

/// "`label`" (writes to the typed path), "Save as…" (a dialog), and a
/// spinner while a save runs: the buttons of every save row.
pub fn save_buttons<F: Format>(
    ui: &mut egui::Ui,
    state: &ExportState<F>,
    label: String,
    lang: Language,
) -> Option<ExportIntent> {
    let idle = !state.busy();
    let mut intent = None;
    if ui.add_enabled(idle && !state.path.trim().is_empty(), egui::Button::new(label)).clicked() {
        intent = Some(ExportIntent::Typed);
    }
    if ui.add_enabled(idle, egui::Button::new(tr(lang, "export-dialog"))).clicked() {
        intent = Some(ExportIntent::Dialog);
    }
    if !idle {
        ui.spinner();
    }
    intent
}

/// Says how the last export ended (where it wrote, or why not) and offers
/// the fix for a refused extension.
pub fn intents_of_done<F: Format>(
    ui: &mut egui::Ui,
    state: &ExportState<F>,
    lang: Language,
) -> Option<ExportIntent> {
    let mut intent = None;
    match &state.last {
        Some(ExportDone::Written { path, count, format }) => {
            let path = path.display().to_string();
            let text =
                trf(lang, F::WRITTEN, &[("n", &count), ("format", &format.name(lang)), ("path", &path)]);
            ui.colored_label(super::form::ok_color(ui), text);
        }
        Some(ExportDone::Mismatch { typed, fixed, format }) => {
            let ext = typed.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
            let text = trf(lang, "export-mismatch", &[("ext", &ext), ("format", &format.name(lang))]);
            ui.colored_label(ui.visuals().warn_fg_color, text);
            let fix = trf(
                lang,
                "export-fix_extension",
                &[("format", &format.name(lang)), ("path", &fixed.display().to_string())],
            );
            if ui.add_enabled(state.pending.is_none(), egui::Button::new(fix)).clicked() {
                intent = Some(ExportIntent::FixExtension);
            }
        }
        Some(ExportDone::Failed { path, error }) => {
            let text = trf(
                lang,
                "export-failed",
                &[("path", &path.display().to_string()), ("error", &error.say(lang))],
            );
            ui.colored_label(ui.visuals().error_fg_color, text);
        }
        Some(ExportDone::NoPath) => {
            ui.colored_label(ui.visuals().warn_fg_color, tr(lang, "export-no_path"));
        }
        None => {}
    }
    intent
}
