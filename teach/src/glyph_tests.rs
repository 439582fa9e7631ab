//! Every string the widgets draw exists in egui's default fonts: a missing
//! glyph panics in kittest and shows as an empty box in the app (`→` does not exist).

use egui::FontId;
use egui_kittest::Harness;

use crate::i18n::Language;
use crate::lesson::steps;

fn missing_glyphs(texts: &[&str]) -> Vec<(char, String)> {
    let mut harness = Harness::new_ui(|ui| {
        ui.label("fonts");
    });
    harness.run();
    let font = FontId::proportional(12.0);
    harness.ctx.fonts_mut(|fonts| {
        texts
            .iter()
            .flat_map(|text| text.chars().map(move |c| (c, text.to_string())))
            .filter(|(c, _)| !c.is_control() && !fonts.has_glyph(&font, *c))
            .collect()
    })
}

/// The lesson texts, the widgets' strings and the diagram's punctuation all have glyphs.
#[test]
fn all_drawn_text_has_glyphs() {
    let mut texts: Vec<&str> = vec!["…", "·", "#", "ç ã õ é ê á í ó ú â"];
    for language in Language::ALL {
        texts.extend(language.texts().all());
        texts.push(language.native_name());
        for step in steps() {
            texts.extend([step.title, step.explanation, step.look_at].map(|t| t.get(language)));
        }
    }
    let missing = missing_glyphs(&texts);
    assert!(missing.is_empty(), "missing glyphs: {missing:?}");
}
