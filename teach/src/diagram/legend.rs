//! A one-line key to the diagram's colours and line styles, for the app to
//! place above or below the diagram.

use egui::{Sense, Ui, pos2, vec2};

use super::paint::{Figure, arrow, look_of, mark};
use crate::i18n::{Language, tr};
use crate::steps::Kind;

/// Draws the key: request, response, error, notification, batch, event.
pub fn legend(ui: &mut Ui, language: Language) {
    let entries = [
        (Figure::Line(Kind::Request), tr(language, "diagram-legend_request")),
        (Figure::Line(Kind::Response), tr(language, "diagram-legend_response")),
        (Figure::Line(Kind::Error { code: None }), tr(language, "diagram-legend_error")),
        (Figure::Line(Kind::Notification), tr(language, "diagram-legend_notification")),
        (Figure::Line(Kind::Batch), tr(language, "diagram-legend_batch")),
        (Figure::Event, tr(language, "diagram-legend_event")),
    ];
    ui.horizontal_wrapped(|ui| {
        for (figure, name) in entries {
            let (rect, _) = ui.allocate_exact_size(vec2(30.0, 12.0), Sense::hover());
            let look = look_of(figure, ui.visuals().dark_mode);
            let y = rect.center().y;
            match figure {
                Figure::Event | Figure::Closed => mark(ui.painter(), rect.center(), figure, look.color),
                _ => arrow(ui.painter(), pos2(rect.left(), y), pos2(rect.right(), y), look),
            }
            ui.colored_label(look.color, name);
            ui.add_space(6.0);
        }
    });
}
