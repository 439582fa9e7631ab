//! A one-line key to the diagram's colours and line styles, for the app to
//! place above or below the diagram.

use egui::{Sense, Ui, pos2, vec2};

use super::message::Kind;
use super::paint::{arrow, look_of, mark};
use crate::i18n::Language;

/// Draws the key: request, response, error, notification, batch, event.
pub fn legend(ui: &mut Ui, language: Language) {
    let texts = language.texts();
    let method = || "m".to_owned();
    let entries = [
        (Kind::Request { method: method() }, texts.legend_request),
        (Kind::Response, texts.legend_response),
        (Kind::ErrorResponse, texts.legend_error),
        (Kind::Notification { method: method() }, texts.legend_notification),
        (Kind::Batch, texts.legend_batch),
        (Kind::Local { what: String::new() }, texts.legend_event),
    ];
    ui.horizontal_wrapped(|ui| {
        for (kind, name) in entries {
            let (rect, _) = ui.allocate_exact_size(vec2(30.0, 12.0), Sense::hover());
            let look = look_of(&kind, ui.visuals().dark_mode);
            let y = rect.center().y;
            match kind {
                Kind::Local { .. } => mark(ui.painter(), rect.center(), &kind, look.color),
                _ => arrow(ui.painter(), pos2(rect.left(), y), pos2(rect.right(), y), look),
            }
            ui.colored_label(look.color, name);
            ui.add_space(6.0);
        }
    });
}
