//! Draws the "Check a server" window: the address and the button, one row
//! per check, and the selected check's details — what was sent, expected and
//! arrived, the hint — with its exchange in the sequence diagram. Words are
//! looked up here, at draw time, so a language switch relabels everything.

use lojinha_check::report::seconds_text;
use lojinha_check::{Check, CheckReport, Status};
use lojinha_teach::diagram;

use super::{CheckIntent, CheckWindow};
use crate::i18n::{Language, ToArg, tr, trf};

/// Height of the exchange's diagram.
const DIAGRAM_HEIGHT: f32 = 300.0;

/// Draws the window's contents; returns what the user asked for.
pub fn show(ui: &mut egui::Ui, window: &mut CheckWindow, lang: Language) -> Vec<CheckIntent> {
    let mut intents = Vec::new();
    ui.label(tr(lang, "checkwin-intro"));
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "checkwin-address"));
        let field =
            egui::TextEdit::singleline(&mut window.address).hint_text("127.0.0.1:5050").desired_width(200.0);
        let field = ui.add(field).labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let can_run = !window.running() && !window.address.trim().is_empty();
        if ui.add_enabled(can_run, egui::Button::new(tr(lang, "checkwin-run"))).clicked()
            || (enter && can_run)
        {
            intents.push(CheckIntent::Run);
        }
        if window.running() {
            ui.spinner();
            ui.label(tr(lang, "checkwin-running"));
        }
    });
    if let Some(summary) = summary(window, lang) {
        ui.strong(summary);
    }
    ui.separator();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(360.0);
            intents.extend(result_list(ui, window, lang));
        });
        ui.separator();
        ui.vertical(|ui| details(ui, window, lang));
    });
    intents
}

/// "13 passed, 2 failed…" once a run has ended.
fn summary(window: &CheckWindow, lang: Language) -> Option<String> {
    if window.running() || window.results.is_empty() {
        return None;
    }
    let count = |status| window.results.iter().filter(|r| r.status == status).count();
    let (passed, failed, not_reached) =
        (count(Status::Passed), count(Status::Failed), count(Status::NotReached));
    let args: [(&str, &dyn ToArg); 3] =
        [("passed", &passed), ("failed", &failed), ("not_reached", &not_reached)];
    let id = if failed + not_reached == 0 { "check-summary_all" } else { "check-summary" };
    let address = window.checked.clone().unwrap_or_default();
    Some(format!("{} — {}", trf(lang, "check-header", &[("address", &address)]), trf(lang, id, &args)))
}

/// One selectable row per check: its mark, number and title.
fn result_list(ui: &mut egui::Ui, window: &CheckWindow, lang: Language) -> Vec<CheckIntent> {
    let mut intents = Vec::new();
    if window.results.is_empty() && !window.running() {
        ui.weak(tr(lang, "checkwin-none_yet"));
    }
    egui::ScrollArea::vertical().id_salt("check_results").max_height(520.0).show(ui, |ui| {
        for (index, report) in window.results.iter().enumerate() {
            let text = format!("{} {}. {}", mark(report.status, lang), index + 1, title(report, lang));
            let selected = window.selected == Some(index);
            let mut text = egui::RichText::new(text);
            if !selected {
                // On the selection's background the theme's own text colour reads best.
                text = text.color(status_color(ui, report.status));
            }
            if ui.selectable_label(selected, text).clicked() {
                intents.push(CheckIntent::Select(index));
            }
        }
    });
    intents
}

/// The selected check: expected, sent, arrived, what went wrong, the hint, the diagram.
fn details(ui: &mut egui::Ui, window: &mut CheckWindow, lang: Language) {
    let Some(report) = window.selected.and_then(|i| window.results.get(i)) else {
        ui.weak(tr(lang, "checkwin-select"));
        return;
    };
    let seconds = seconds_text(window.timeout.as_secs_f64());
    ui.heading(title(report, lang));
    if let Some(blocker) = report.blocked_by {
        ui.label(trf(lang, "check-not_reached", &[("check", &blocker)]));
    }
    labelled(ui, tr(lang, "check-expected"), &expected(report, lang));
    report.sent.iter().for_each(|sent| labelled(ui, tr(lang, "check-sent"), sent));
    report.arrived.iter().for_each(|arrived| labelled(ui, tr(lang, "check-arrived"), arrived));
    if let Some(cause) = &report.cause {
        labelled(ui, tr(lang, "check-problem"), &cause.said(lang, &seconds));
        let hint = format!("{}: {}", tr(lang, "check-hint"), cause.hint(lang, &seconds));
        ui.colored_label(ui.visuals().warn_fg_color, hint);
    }
    if let Some(steps) = &window.steps
        && !steps.is_empty()
    {
        ui.separator();
        diagram::legend(ui, lang);
        ui.allocate_ui(egui::vec2(ui.available_width(), DIAGRAM_HEIGHT), |ui| {
            window.diagram.show(ui, steps, lang);
        });
    }
}

/// A label and a value that may be long (a 2.5 KiB line): the value wraps
/// and is cut after a few hundred characters.
fn labelled(ui: &mut egui::Ui, label: String, value: &str) {
    let shown: String = value.chars().take(400).collect();
    let more = if shown.len() < value.len() { "…" } else { "" };
    ui.horizontal_wrapped(|ui| {
        ui.strong(label);
        ui.monospace(format!("{shown}{more}"));
    });
}

fn title(report: &CheckReport, lang: Language) -> String {
    Check::from_name(report.check).map_or_else(|| report.title.clone(), |c| tr(lang, &c.title_id()))
}

fn expected(report: &CheckReport, lang: Language) -> String {
    Check::from_name(report.check).map_or_else(|| report.expected.clone(), |c| tr(lang, &c.expect_id()))
}

fn mark(status: Status, lang: Language) -> String {
    let id = match status {
        Status::Passed => "checkwin-mark_passed",
        Status::Failed => "checkwin-mark_failed",
        Status::NotReached => "checkwin-mark_not_reached",
    };
    tr(lang, id)
}

fn status_color(ui: &egui::Ui, status: Status) -> egui::Color32 {
    match status {
        Status::Passed => ui.visuals().text_color(),
        Status::Failed => ui.visuals().error_fg_color,
        Status::NotReached => ui.visuals().weak_text_color(),
    }
}
