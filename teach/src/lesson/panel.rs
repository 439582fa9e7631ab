//! The lesson panel: step navigation, the explanation, what to look at, and
//! a "Do it" button whose action the app carries out.

use egui::{CollapsingHeader, RichText, ScrollArea, Ui};
use serde::{Deserialize, Serialize};

use super::code::{self, PythonFile};
use super::step::{LessonAction, LessonStep, StepId};
use super::steps::steps;
use crate::i18n::{Language, tr, trf};

/// Which step the student is on. Serializable, so the app can persist it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LessonPanel {
    current: usize,
    /// Which of the step's Python files "show the code" shows.
    #[serde(skip)]
    code_file: usize,
}

impl LessonPanel {
    pub fn new() -> LessonPanel {
        LessonPanel::default()
    }

    pub fn current(&self) -> &'static LessonStep {
        &steps()[self.current.min(steps().len() - 1)]
    }

    pub fn go_to(&mut self, id: StepId) {
        self.current = steps().iter().position(|s| s.id == id).unwrap_or(0);
    }

    pub fn next(&mut self) {
        self.current = (self.current + 1).min(steps().len() - 1);
    }

    pub fn previous(&mut self) {
        self.current = self.current.saturating_sub(1);
    }

    /// Draws the panel; returns the step's action when "Do it" is pressed.
    /// `address` is the server's `host:port`, written into the texts that
    /// name it (see [`super::step::Words::at`]).
    pub fn show(&mut self, ui: &mut Ui, language: Language, address: &str) -> Option<LessonAction> {
        self.navigation(ui, language);
        self.step_list(ui, language);
        ui.separator();
        let step = self.current();
        let mut action = None;
        ScrollArea::vertical().id_salt("lojinha_lesson_body").auto_shrink([false, true]).show(ui, |ui| {
            ui.heading(step.title.get(language));
            ui.add_space(4.0);
            ui.label(step.explanation.at(language, address));
            ui.add_space(6.0);
            ui.group(|ui| {
                ui.strong(tr(language, "lesson-what_to_look_at"));
                ui.label(step.look_at.at(language, address));
            });
            ui.add_space(6.0);
            match step.action {
                Some(step_action) => {
                    if ui.button(RichText::new(tr(language, "lesson-do_it")).strong()).clicked() {
                        action = Some(step_action);
                    }
                }
                None => {
                    ui.weak(tr(language, "lesson-no_action"));
                }
            }
            self.code(ui, language, step, address);
        });
        action
    }

    /// "Show the code": the step's Python files, one at a time, read-only,
    /// with the command that runs the one shown.
    fn code(&mut self, ui: &mut Ui, language: Language, step: &LessonStep, address: &str) {
        let files = code::python_files(step.id);
        if files.is_empty() {
            return;
        }
        ui.add_space(6.0);
        CollapsingHeader::new(tr(language, "lesson-show_code"))
            .id_salt(("lojinha_lesson_code", step.id))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (index, file) in files.iter().enumerate() {
                        if ui.selectable_label(index == self.code_file, file.path).clicked() {
                            self.code_file = index;
                        }
                    }
                });
                let file = &files[self.code_file.min(files.len() - 1)];
                ui.label(trf(language, "lesson-run_it", &[("command", &code::run_command(file, address))]));
                show_file(ui, file);
            });
    }

    fn navigation(&mut self, ui: &mut Ui, language: Language) {
        let last = steps().len() - 1;
        ui.horizontal(|ui| {
            if ui.add_enabled(self.current > 0, egui::Button::new(tr(language, "lesson-previous"))).clicked()
            {
                self.previous();
            }
            ui.label(trf(language, "lesson-step_of", &[("n", &(self.current + 1)), ("total", &(last + 1))]));
            if ui.add_enabled(self.current < last, egui::Button::new(tr(language, "lesson-next"))).clicked() {
                self.next();
            }
        });
    }

    fn step_list(&mut self, ui: &mut Ui, language: Language) {
        CollapsingHeader::new(tr(language, "lesson-all_steps")).id_salt("lojinha_lesson_steps").show(
            ui,
            |ui| {
                for (index, step) in steps().iter().enumerate() {
                    let title = step.title.get(language);
                    let title = trf(language, "lesson-numbered", &[("n", &(index + 1)), ("title", &title)]);
                    if ui.selectable_label(index == self.current, title).clicked() {
                        self.current = index;
                    }
                }
            },
        );
    }
}

/// A file's text, read-only, in a box of its own that scrolls.
fn show_file(ui: &mut Ui, file: &PythonFile) {
    ScrollArea::both().id_salt(("lojinha_lesson_code_text", file.path)).max_height(420.0).show(ui, |ui| {
        let mut text = file.text;
        ui.add(egui::TextEdit::multiline(&mut text).code_editor().desired_width(f32::INFINITY));
    });
}
