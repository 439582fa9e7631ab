//! Every string the program draws exists in egui's default fonts: a missing
//! glyph panics in kittest and shows as an empty box in the app (`→` does not exist).
//! All words come from the words files, so checking every character of
//! every file covers every message in every language.

use egui::FontId;
use egui_kittest::Harness;

use crate::i18n::Language;

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

/// Every word file, the language names and the diagram's punctuation all have glyphs.
#[test]
fn all_drawn_text_has_glyphs() {
    let mut texts: Vec<&str> = vec!["…", "·", "#", "ç ã õ é ê á í ó ú â ñ ¿ ¡ ü"];
    for language in Language::ALL {
        texts.push(lojinha_words::source(language));
        texts.push(language.native_name());
    }
    texts.extend(crate::lesson::code::all_python_files().map(|file| file.text));
    let missing = missing_glyphs(&texts);
    assert!(missing.is_empty(), "missing glyphs: {missing:?}");
}
