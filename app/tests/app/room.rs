//! The app in a classroom, driven headless: presentation mode (F5 or its
//! button) folds the side panels and enlarges the text, the server panel on
//! the left folds and unfolds, and the log's columns fit a 1280×720 projector.

use crate::common::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lojinha::{LojinhaApp, StartOptions};

/// A server on a free port with an in-memory catalog.
fn served() -> StartOptions {
    StartOptions { serve: Some("127.0.0.1:0".into()), db: Some(":memory:".into()), ..Default::default() }
}

/// The app at a projector's 1280×720.
fn projector_app(options: StartOptions) -> App {
    Harness::builder().with_size(egui::vec2(1280.0, 720.0)).build_eframe(|cc| LojinhaApp::new(cc, options))
}

fn server_settings_shown(h: &App) -> bool {
    h.query_by_role_and_label(Role::TextInput, "Listen address").is_some()
}

fn wait_running(h: &mut App) {
    wait_for(h, "the server runs", |h| h.state().server_address().is_some());
}

/// F5 turns presentation mode on: the server settings and the lesson fold
/// away, the text grows, the log and the diagram stay; the mode holds over
/// later frames, and F5 again brings everything back.
#[test]
fn f5_toggles_presentation_mode() {
    let mut h = app(served());
    wait_running(&mut h);
    click(&mut h, None, "Lesson");
    assert!(server_settings_shown(&h) && shows(&h, None, "All steps"));
    let zoom = h.ctx.zoom_factor();

    h.key_press(egui::Key::F5);
    h.run_steps(3);
    assert!(!server_settings_shown(&h), "the server panel folded");
    assert!(!shows(&h, None, "All steps"), "the lesson panel folded");
    assert!(h.ctx.zoom_factor() > zoom, "larger text: {} > {zoom}", h.ctx.zoom_factor());
    assert!(shows(&h, None, "Sequence diagram"), "the diagram stays");
    assert!(shows(&h, None, "Leave presentation (F5)"), "the way out is written on the button");

    h.run_steps(5);
    assert!(!server_settings_shown(&h), "still presenting a few frames later");

    h.key_press(egui::Key::F5);
    h.run_steps(3);
    assert!(server_settings_shown(&h) && shows(&h, None, "All steps"), "back as it was");
    assert_eq!(h.ctx.zoom_factor(), zoom);
}

/// The button does what the key does.
#[test]
fn presentation_button_toggles_the_mode() {
    let mut h = app(served());
    click(&mut h, None, "Presentation (F5)");
    assert!(!server_settings_shown(&h));
    click(&mut h, None, "Leave presentation (F5)");
    assert!(server_settings_shown(&h));
}

/// In normal mode the server panel on the left folds ("Hide this panel")
/// and unfolds ("Server settings" in the top bar), and stays as left.
#[test]
fn server_panel_folds_and_unfolds() {
    let mut h = app(served());
    click(&mut h, None, "Hide this panel");
    assert!(!server_settings_shown(&h), "folded");
    h.run_steps(3);
    assert!(!server_settings_shown(&h), "still folded a few frames later");
    assert!(shows(&h, None, "Sequence diagram"), "the log and diagram are still there");
    click(&mut h, None, "Server settings");
    assert!(server_settings_shown(&h), "unfolded");
    click(&mut h, None, "Server settings");
    assert!(!server_settings_shown(&h), "the top bar's switch folds it too");
}

/// At 1280×720 with the server panel and the lesson open, every column
/// header of the server's log is on screen, whole, and apart from the next.
#[test]
fn log_columns_fit_a_projector() {
    let mut h = projector_app(served());
    wait_running(&mut h);
    click(&mut h, None, "Lesson");
    h.run_steps(3);
    let headers = ["Time", "Dir", "Sess", "Step", "Detail", "Bytes", "Time taken"];
    let rects: Vec<egui::Rect> = headers.iter().map(|label| h.get_by_label(label).rect()).collect();
    let lesson_starts = h.get_by_label("Previous").rect().min.x;
    for (label, rect) in headers.iter().zip(&rects) {
        assert!(rect.max.x < lesson_starts, "{label} is hidden under the lesson: {rect:?}");
    }
    for pair in rects.windows(2) {
        assert!(pair[0].max.x <= pair[1].min.x, "columns overlap: {pair:?}");
    }
}
