//! The look: light, dark or the system's, and a zoom for projectors.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The translation key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "theme-system",
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
        }
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The styles every theme shares, set once: a text cursor that does not
/// blink, because a blinking cursor repaints the window twice a second and
/// costs CPU for as long as a field has focus (an idle app should cost none).
pub fn set_up(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = false);
}

/// Applies theme and zoom when they differ from what the context has.
pub fn apply(ctx: &egui::Context, theme: Theme, zoom: f32) {
    if ctx.options(|o| o.theme_preference) != theme.preference() {
        ctx.set_theme(theme.preference());
    }
    let zoom = zoom.clamp(0.5, 3.0);
    if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
        ctx.set_zoom_factor(zoom);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    /// How long after a frame with a focused text field egui asks to draw again.
    fn repaint_delay_with_focused_field(ctx: &egui::Context) -> Duration {
        let field = egui::Id::unique("field");
        let mut text = String::from("abc");
        let mut frame = |ctx: &egui::Context| {
            ctx.run_ui(egui::RawInput::default(), |ui| {
                ui.add(egui::TextEdit::singleline(&mut text).id(field));
                ui.memory_mut(|memory| memory.request_focus(field));
            })
        };
        // The first frames settle focus and layout; the last one is the idle one.
        let mut delay = Duration::ZERO;
        for _ in 0..5 {
            let mut output = frame(ctx);
            output.textures_delta.clear();
            delay = output.viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        }
        delay
    }

    /// A focused text field costs nothing while nothing happens: with the
    /// app's styles its cursor does not blink, so egui asks for no frame
    /// (egui's own default asks for one every half second).
    #[test]
    fn a_focused_field_asks_for_no_frames() {
        let blinking = egui::Context::default();
        assert!(repaint_delay_with_focused_field(&blinking) < Duration::from_secs(2));
        let app = egui::Context::default();
        super::set_up(&app);
        assert_eq!(repaint_delay_with_focused_field(&app), Duration::MAX);
    }
}
