//! "Fetch by code": ask the server for one product (`product.get`) and show
//! it, or say it was not found.

use lojinha_server::Product;

use crate::i18n::{Language, tr, trf};
use crate::phrase::Phrase;
use lojinha_teach::money::format_cents;

#[derive(Default)]
pub struct FetchState {
    pub code: String,
    pub busy: bool,
    pub result: Option<FetchResult>,
}

#[derive(Debug, Clone)]
pub enum FetchResult {
    Found(Product),
    NotFound(String),
    Failed(Phrase),
}

/// Draws the fetch box; returns the code to fetch when asked.
pub fn show(ui: &mut egui::Ui, fetch: &mut FetchState, connected: bool, lang: Language) -> Option<String> {
    let mut wanted = None;
    ui.heading(tr(lang, "fetch-title"));
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "fetch-code"));
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut fetch.code)
                    .hint_text(tr(lang, "fetch-hint"))
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked =
            ui.add_enabled(connected && !fetch.busy, egui::Button::new(tr(lang, "fetch-button"))).clicked();
        if (clicked || enter) && connected && !fetch.code.trim().is_empty() {
            wanted = Some(fetch.code.trim().to_owned());
        }
        if fetch.busy {
            ui.spinner();
        }
    });
    match &fetch.result {
        Some(FetchResult::Found(p)) => {
            let text = trf(
                lang,
                "fetch-found",
                &[
                    ("code", &p.code),
                    ("name", &p.name),
                    ("price", &format_cents(p.price_cents)),
                    ("quantity", &p.quantity.to_string()),
                ],
            );
            ui.colored_label(super::form::ok_color(ui), text);
        }
        Some(FetchResult::NotFound(code)) => {
            ui.colored_label(ui.visuals().warn_fg_color, trf(lang, "fetch-not_found", &[("code", code)]));
        }
        Some(FetchResult::Failed(message)) => {
            ui.colored_label(ui.visuals().error_fg_color, message.say(lang));
        }
        None => {}
    }
    wanted
}
