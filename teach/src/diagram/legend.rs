//! A one-line key to the diagram's colours and line styles, for the app to
//! place above or below the diagram.

use egui::{Sense, Ui, pos2, vec2};

use super::message::Kind;
use super::paint::{arrow, look_of, mark};
use crate::i18n::{Language, tr};

/// Draws the key: request, response, error, notification, batch, event.
pub fn legend(ui: &mut Ui, language: Language) {
    let method = || "m".to_owned();
    let entries = [
        (Kind::Request { method: method() }, tr(language, "diagram-legend_request")),
        (Kind::Response, tr(language, "diagram-legend_response")),
        (Kind::ErrorResponse, tr(language, "diagram-legend_error")),
        (Kind::Notification { method: method() }, tr(language, "diagram-legend_notification")),
        (Kind::Batch, tr(language, "diagram-legend_batch")),
        (Kind::Local { what: String::new() }, tr(language, "diagram-legend_event")),
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
