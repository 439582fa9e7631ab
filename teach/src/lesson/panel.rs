//! The lesson panel: step navigation, the explanation, what to look at, and
//! a "Do it" button whose action the app carries out.

use egui::{CollapsingHeader, RichText, ScrollArea, Ui};
use serde::{Deserialize, Serialize};

use super::{LessonAction, LessonStep, StepId, steps};
use crate::i18n::Language;

/// Which step the student is on. Serializable, so the app can persist it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LessonPanel {
    current: usize,
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
    /// name it (see [`fill`]).
    pub fn show(&mut self, ui: &mut Ui, language: Language, address: &str) -> Option<LessonAction> {
        self.navigation(ui, language);
        self.step_list(ui, language);
        ui.separator();
        let step = self.current();
        let texts = language.texts();
        let mut action = None;
        ScrollArea::vertical().id_salt("lojinha_lesson_body").auto_shrink([false, true]).show(ui, |ui| {
            ui.heading(step.title.get(language));
            ui.add_space(4.0);
            ui.label(fill(step.explanation.get(language), address));
            ui.add_space(6.0);
            ui.group(|ui| {
                ui.strong(texts.what_to_look_at);
                ui.label(fill(step.look_at.get(language), address));
            });
            ui.add_space(6.0);
            match step.action {
                Some(step_action) => {
                    if ui.button(RichText::new(texts.do_it).strong()).clicked() {
                        action = Some(step_action);
                    }
                }
                None => {
                    ui.weak(texts.no_action);
                }
            }
        });
        action
    }

    fn navigation(&mut self, ui: &mut Ui, language: Language) {
        let texts = language.texts();
        let last = steps().len() - 1;
        ui.horizontal(|ui| {
            if ui.add_enabled(self.current > 0, egui::Button::new(texts.previous)).clicked() {
                self.previous();
            }
            ui.label(format!("{} {} {} {}", texts.step, self.current + 1, texts.of, last + 1));
            if ui.add_enabled(self.current < last, egui::Button::new(texts.next)).clicked() {
                self.next();
            }
        });
    }

    fn step_list(&mut self, ui: &mut Ui, language: Language) {
        CollapsingHeader::new(language.texts().all_steps).id_salt("lojinha_lesson_steps").show(ui, |ui| {
            for (index, step) in steps().iter().enumerate() {
                let title = format!("{}. {}", index + 1, step.title.get(language));
                if ui.selectable_label(index == self.current, title).clicked() {
                    self.current = index;
                }
            }
        });
    }
}

/// A lesson text with its placeholders filled at draw time: `{addr}` becomes
/// the server's `host:port`, `{port}` its port alone.
pub fn fill(text: &str, address: &str) -> String {
    let port = address.rsplit_once(':').map_or(address, |(_, port)| port);
    text.replace("{addr}", address).replace("{port}", port)
}
