//! The app in a classroom: a presentation mode for a projector (larger text,
//! the side panels folded away, the server's log and diagram given the whole
//! window), toggled by [`PRESENTATION_KEY`] or a button, and the server panel
//! on the left that can be hidden and shown again in normal mode too.

use crate::i18n::{Language, tr, trf};
use crate::server::ServerState;
use crate::server::panel::{ServerIntent, mode_name};

/// The key that turns presentation mode on and off (the key presentation
/// programs use to start a slide show).
pub const PRESENTATION_KEY: egui::Key = egui::Key::F5;
/// How much larger everything is drawn in presentation mode, on top of the user's zoom.
pub const PRESENTATION_ZOOM: f32 = 1.4;
/// The largest zoom presentation mode goes to.
const PRESENTATION_ZOOM_MAX: f32 = 3.0;

/// How the main window is laid out this run (not saved: a projector is a
/// moment, and the next start should look as usual).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    pub presentation: bool,
    /// The server panel on the left (normal mode).
    pub server_panel_open: bool,
    /// The lesson panel in presentation mode (folded when the mode starts).
    pub lesson_in_presentation: bool,
}

impl Default for Room {
    fn default() -> Self {
        Room { presentation: false, server_panel_open: true, lesson_in_presentation: false }
    }
}

impl Room {
    /// Turns presentation mode on or off; the side panels fold when it starts.
    pub fn toggle_presentation(&mut self) {
        self.presentation = !self.presentation;
        self.lesson_in_presentation = false;
    }

    /// The zoom to draw with, given the user's own.
    pub fn zoom(&self, user_zoom: f32) -> f32 {
        if self.presentation { (user_zoom * PRESENTATION_ZOOM).min(PRESENTATION_ZOOM_MAX) } else { user_zoom }
    }

    /// Whether the lesson panel shows, given whether the user opened it.
    pub fn lesson_shown(&self, lesson_open: bool) -> bool {
        if self.presentation { self.lesson_in_presentation } else { lesson_open }
    }

    /// Whether the server panel on the left shows.
    pub fn server_panel_shown(&self) -> bool {
        !self.presentation && self.server_panel_open
    }

    /// Takes the presentation key (pressed anywhere in the main window).
    pub fn take_key(&mut self, ui: &egui::Ui) {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, PRESENTATION_KEY)) {
            self.toggle_presentation();
        }
    }
}

/// Where client window `n` opens on a screen of `monitor` points (a usual
/// 1920×1080 when unknown): the first two side by side, at the left and the
/// right edge; later ones a step lower and inwards, so none lands on another.
pub fn window_place(n: u32, monitor: Option<egui::Vec2>) -> egui::Rect {
    const STEP: f32 = 36.0;
    let screen = monitor.filter(|m| m.x > 0.0 && m.y > 0.0).unwrap_or(egui::vec2(1920.0, 1080.0));
    let size = egui::vec2((screen.x / 2.0).clamp(700.0, 1180.0), (screen.y - 100.0).clamp(450.0, 780.0));
    let index = n.saturating_sub(1);
    let offset = (index / 2 % 6) as f32 * STEP;
    let x = if index.is_multiple_of(2) { offset } else { (screen.x - size.x - offset).max(offset + STEP) };
    egui::Rect::from_min_size(egui::pos2(x, STEP + offset), size)
}

/// The presentation button (both modes) and, in normal mode, the server panel's switch.
pub fn room_buttons(ui: &mut egui::Ui, room: &mut Room, lang: Language) {
    let label =
        if room.presentation { tr(lang, "room-leave_presentation") } else { tr(lang, "room-presentation") };
    if ui
        .selectable_label(room.presentation, label)
        .on_hover_text(tr(lang, "room-presentation_hint"))
        .clicked()
    {
        room.toggle_presentation();
    }
    if !room.presentation {
        ui.toggle_value(&mut room.server_panel_open, tr(lang, "room-server_panel"))
            .on_hover_text(tr(lang, "room-server_panel_hint"));
    }
}

/// The top bar in presentation mode: only what the class needs to read.
pub fn presentation_bar(ui: &mut egui::Ui, room: &mut Room, lang: Language) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr(lang, "app-title"));
        ui.separator();
        room_buttons(ui, room, lang);
        ui.toggle_value(&mut room.lesson_in_presentation, tr(lang, "app-lesson"));
    });
}

/// The server's state in one line, then the teacher's controls (folded, so
/// Next is at hand while projecting), then its log and diagram taking the rest of
/// the window (the sessions table stays in normal mode).
pub fn presentation_view(
    ui: &mut egui::Ui,
    server: &mut ServerState,
    lang: Language,
) -> Option<ServerIntent> {
    ui.horizontal_wrapped(|ui| match server.handle() {
        Some(handle) => {
            let addr = handle.local_addr().to_string();
            ui.colored_label(
                crate::client::form::ok_color(ui),
                trf(lang, "server-running", &[("addr", &addr)]),
            );
            ui.label(trf(lang, "server-mode_is", &[("mode", &mode_name(handle.mode(), lang))]));
            ui.label(trf(lang, "server-sessions", &[("n", &server.sessions.len())]));
        }
        None => {
            ui.label(tr(lang, "server-not_running"));
        }
    });
    let teacher = server.handle().and_then(|handle| crate::server::panel::teacher_controls(ui, handle, lang));
    let log = crate::server::panel::server_log(ui, server, crate::log::linked::Layout::Beside, lang);
    teacher.map(ServerIntent::Teacher).or(log)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No two of the first dozen windows open at the same place, on a
    /// projector's screen or on an unknown one.
    #[test]
    fn windows_open_apart() {
        for monitor in [Some(egui::vec2(1280.0, 720.0)), None] {
            let places: Vec<egui::Pos2> = (1..=12).map(|n| window_place(n, monitor).min).collect();
            for (i, a) in places.iter().enumerate() {
                for b in &places[i + 1..] {
                    assert!(a.distance(*b) >= 30.0, "{a:?} and {b:?} stack on {monitor:?}");
                }
            }
        }
    }
}
