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
