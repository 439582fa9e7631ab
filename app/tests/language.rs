//! Switching the language at run time (its own test binary: the language is
//! process-wide, and the other tests read English labels).

mod common;

use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lojinha::StartOptions;

/// Choosing "Português (Brasil)" in the top bar relabels the whole UI at
/// once (main window, lesson panel, client windows) and is remembered in the
/// settings file for the next run; English brings it back.
#[test]
fn switching_language_changes_visible_labels_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.json");
    let options = || StartOptions { settings_path: Some(settings.clone()), ..Default::default() };
    let mut h = app(options());
    click(&mut h, None, "New client window");
    click(&mut h, None, "Lesson");
    assert!(shows(&h, None, "Start server"));

    pick_language(&mut h, "English", "Português (Brasil)");
    assert!(shows(&h, None, "Iniciar servidor"), "the server button is in Portuguese");
    assert!(shows(&h, None, "Nova janela de cliente"));
    assert!(shows(&h, None, "Sockets: endereços e portas"), "the lesson panel too");
    assert!(shows(&h, None, "Diagrama de sequência"));
    assert!(shows(&h, None, "Console bruto"), "and the client window");
    let window_titled = |h: &App, title: &'static str| {
        h.query_by(move |n| n.role() == Role::Window && n.label().as_deref() == Some(title)).is_some()
    };
    assert!(window_titled(&h, "Janela de cliente 1"), "the open window's title follows");
    assert!(!shows(&h, None, "Start server"));
    drop(h);
    lojinha::i18n::set_language(lojinha::i18n::Language::En);

    let mut h = app(options());
    h.step();
    assert!(shows(&h, None, "Iniciar servidor"), "the next run starts in Portuguese");
    pick_language(&mut h, "Português (Brasil)", "English");
    assert!(shows(&h, None, "Start server"));
}

fn pick_language(h: &mut App, current: &str, wanted: &str) {
    let current = current.to_owned();
    h.get_by(move |n| n.role() == Role::ComboBox && n.value().as_deref() == Some(current.as_str()))
        .click_accesskit();
    for _ in 0..3 {
        h.step();
    }
    h.get_by_label(wanted).click_accesskit();
    for _ in 0..3 {
        h.step();
    }
}
