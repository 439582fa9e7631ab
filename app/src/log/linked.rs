//! A connection log with its sequence diagram beside or below it, selections linked:
//! a click on an arrow selects the log row, selecting a row highlights the
//! arrow. Used by every client window and by the server panel.

use lojinha_teach::Steps;
use lojinha_teach::diagram::{self, Diagram, DiagramAction};

use super::view::{LogAction, LogView};
use crate::i18n::{Language, tr};

/// Where the diagram goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Beside the log when there is room (a client window: two lifelines).
    Beside,
    /// Below the log, full width (the server panel: one lifeline per session).
    Below,
}

/// Narrowest the log gets beside the diagram.
const LOG_MIN: f32 = 540.0;
/// Room for the log and a useful diagram side by side.
const SIDE_BY_SIDE: f32 = LOG_MIN + 300.0;

/// Draws the log (left) and the diagram (right, or below when narrow);
/// returns the log's action.
pub fn show(
    ui: &mut egui::Ui,
    id: &str,
    log_view: &mut LogView,
    steps: &Steps,
    diagram: &mut Diagram,
    layout: Layout,
    language: Language,
) -> Option<LogAction> {
    let before = log_view.selected();
    let mut picked = None;
    let (svg_status, svg_busy) = (log_view.svg.status(language), log_view.svg.busy());
    let mut save_svg = false;
    let mut draw = |ui: &mut egui::Ui| {
        ui.horizontal_wrapped(|ui| {
            ui.strong(tr(language, "diagram-title"));
            diagram::legend(ui, language);
            let save = ui.add_enabled(!svg_busy, egui::Button::new(tr(language, "diagram-save_svg")));
            save_svg = save.on_hover_text(tr(language, "diagram-save_svg_hint")).clicked();
            match &svg_status {
                Some(Ok(said)) => {
                    ui.weak(said);
                }
                Some(Err(said)) => {
                    ui.colored_label(ui.visuals().error_fg_color, said);
                }
                None => {}
            }
        });
        if let Some(DiagramAction::Select(seq)) = diagram.show(ui, steps, language) {
            picked = Some(seq);
        }
    };
    // Side by side when both fit (the log's fixed columns need about 520
    // points); otherwise the diagram goes below the log.
    let width = ui.available_width();
    let action = if layout == Layout::Beside && width >= SIDE_BY_SIDE {
        egui::Panel::right((id, "diagram"))
            .resizable(true)
            .default_size((width * 0.42).max(300.0))
            .min_size(280.0)
            .max_size(width - LOG_MIN)
            .show(ui, draw);
        log_view.show(ui, steps, language)
    } else {
        let log_height = (ui.available_height() * 0.55).max(150.0);
        let size = egui::vec2(ui.available_width(), log_height);
        let action = ui
            .allocate_ui(size, |ui| {
                ui.set_max_height(log_height);
                log_view.show(ui, steps, language)
            })
            .inner;
        ui.separator();
        draw(ui);
        action
    };
    if save_svg {
        let svg = diagram.to_svg(steps, language);
        log_view.svg.start(svg, ui.ctx());
    }
    if let Some(seq) = picked {
        log_view.select(Some(seq));
        diagram.set_selected(seq);
    } else if log_view.selected() != before {
        diagram.set_selected(log_view.selected());
    }
    action
}
