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

/// Draws the log (left) and the diagram (right, or below when narrow),
/// with "Save…" above the diagram; returns the log's action. `title` is the
/// window's, kept in a recording saved from here.
#[allow(clippy::too_many_arguments)]
pub fn show(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    log_view: &mut LogView,
    steps: &Steps,
    diagram: &mut Diagram,
    layout: Layout,
    language: Language,
) -> Option<LogAction> {
    let before = log_view.selected();
    let mut picked = None;
    log_view.save.export.poll();
    // What a table or a picture saves: what the log's search shows, within
    // the save row's time range. Counted (not collected) while the row is
    // open; collected only for a save.
    let total = steps.len();
    let shown = match log_view.save.open {
        true => selected_seqs(log_view, steps).map_or(total, Iterator::count),
        false => total,
    };
    let end = steps.entries().back().map_or(0.0, |s| s.at.as_secs_f64());
    let mut save_intent = None;
    // Taken out while the log draws, put back below.
    let mut save_state = std::mem::take(&mut log_view.save);
    let save = &mut save_state;
    let mut draw = |ui: &mut egui::Ui| {
        ui.horizontal_wrapped(|ui| {
            ui.strong(tr(language, "diagram-title"));
            // Before the legend, so on a narrow screen it does not wrap to
            // a line of its own and take a row from the diagram.
            ui.toggle_value(&mut save.open, tr(language, "save-open"))
                .on_hover_text(tr(language, "save-open_hint"));
            diagram::legend(ui, language);
        });
        if save.open {
            save_intent = super::save::row(ui, save, (shown, total), end, language);
        }
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
        // The diagram gets the larger part: it is what the class watches.
        let log_height = (ui.available_height() * 0.45).max(120.0);
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
    log_view.save = save_state;
    if let Some(how) = save_intent {
        let snapshot = super::save::Snapshot {
            steps: steps.clone(),
            shown: selected_seqs(log_view, steps).map(Iterator::collect),
            diagram: diagram.same_view(),
            language,
            title: title.to_owned(),
        };
        let waker = crate::waker::Waker::new(ui.ctx().clone(), ui.ctx().viewport_id());
        super::save::start(&mut log_view.save, how, snapshot, waker);
    }
    if let Some(seq) = picked {
        log_view.select(Some(seq));
        diagram.set_selected(seq);
    } else if log_view.selected() != before {
        diagram.set_selected(log_view.selected());
    }
    action
}

/// The steps the log's search shows within the save row's time range, in
/// order; `None` when that is every step.
fn selected_seqs<'a>(log_view: &'a LogView, steps: &'a Steps) -> Option<Box<dyn Iterator<Item = u64> + 'a>> {
    let range = log_view.save.range;
    if !log_view.filtered() && !range.on {
        return None;
    }
    Some(match log_view.filtered() {
        true => Box::new(
            log_view
                .shown()
                .iter()
                .copied()
                .filter(move |&seq| steps.get(seq).is_some_and(|s| range.holds(s.at))),
        ),
        false => Box::new(steps.entries().iter().filter(move |s| range.holds(s.at)).map(|s| s.seq)),
    })
}
