//! The diagram as a PNG picture: the very SVG of [`Diagram::to_svg`]
//! rasterised (resvg), its text shaped with the fonts the app draws with
//! (egui's own, loaded from memory), so the picture looks the same on a
//! machine without any fonts installed.
//!
//! [`Diagram::to_svg`]: super::Diagram::to_svg

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// Pixels per SVG unit: the 12-point labels come out 24 pixels high, big
/// enough for a projector and for print at 150 dpi.
pub const SCALE: f32 = 2.0;
/// Most pixels a picture gets (about 160 MB of memory while drawing); a
/// longer diagram is drawn smaller to fit.
pub const MAX_PIXELS: f32 = 40_000_000.0;
/// Longest side, in pixels, a picture gets.
pub const MAX_SIDE: f32 = 30_000.0;

/// Why a picture could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PngError {
    /// The SVG did not parse (the parser's words).
    Svg(String),
    /// The picture has no size.
    Empty,
    /// Encoding the PNG failed (the encoder's words).
    Encode(String),
}

/// `svg` as PNG bytes, drawn at [`SCALE`] (smaller for a very long diagram).
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, PngError> {
    let mut options = usvg::Options { fontdb: fonts(), ..usvg::Options::default() };
    options.font_family = "Ubuntu".to_owned();
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))?;
    let size = tree.size();
    let scale = scale_for(size.width(), size.height());
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(PngError::Empty)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PngError::Encode(e.to_string()))
}

/// [`SCALE`], or less so the picture stays within [`MAX_PIXELS`] and [`MAX_SIDE`].
fn scale_for(width: f32, height: f32) -> f32 {
    let by_area = (MAX_PIXELS / (width * height).max(1.0)).sqrt();
    let by_side = MAX_SIDE / width.max(height).max(1.0);
    SCALE.min(by_area).min(by_side)
}

/// egui's fonts, loaded once: Ubuntu Light for words (every family the
/// SVG may name falls back to it) and Hack for monospace.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for font in [epaint_default_fonts::UBUNTU_LIGHT, epaint_default_fonts::HACK_REGULAR] {
                db.load_font_data(font.to_vec());
            }
            db.set_sans_serif_family("Ubuntu");
            db.set_serif_family("Ubuntu");
            db.set_monospace_family("Hack");
            Arc::new(db)
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small SVG with text becomes a PNG of twice its size, with dark
    /// pixels where the text is (the fonts were found without the system's).
    #[test]
    fn draws_text_with_the_apps_own_fonts() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">
            <rect width="100%" height="100%" fill="white"/>
            <text x="10" y="28" font-family="sans-serif" font-size="20">Olá, ação</text></svg>"#;
        let png = svg_to_png(svg).unwrap();
        let image = tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((image.width(), image.height()), (400, 80));
        let dark = image.pixels().iter().filter(|p| p.red() < 128).count();
        assert!(dark > 200, "text drawn: {dark} dark pixels");
    }

    /// A very long diagram is drawn smaller, within the bounds.
    #[test]
    fn long_pictures_are_drawn_smaller() {
        let scale = scale_for(460.0, 2_600_000.0);
        assert!(460.0 * scale * 2_600_000.0 * scale <= MAX_PIXELS * 1.001);
        assert!(2_600_000.0 * scale <= MAX_SIDE);
        assert_eq!(scale_for(460.0, 800.0), SCALE);
    }

    /// Not an SVG: an error, not a panic.
    #[test]
    fn garbage_is_an_error() {
        assert!(matches!(svg_to_png("<svg"), Err(PngError::Svg(_))));
    }
}
