//! The access token, end to end through the real UI: the server panel's
//! token field makes the in-process server require it, and a client window
//! gets in only with the same token in its own field.

use crate::common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lojinha::StartOptions;

/// Types into the password field labelled `label`, in client window `n` (or the main window).
fn set_secret(harness: &mut App, window_n: Option<usize>, label: &'static str, value: &str) {
    let is_field = move |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.role() == Role::PasswordInput && node.label().as_deref() == Some(label)
    };
    match window_n {
        Some(n) => client_window(harness, n).get_by(is_field).set_text_value_accesskit(value),
        None => harness.get_by(is_field).set_text_value_accesskit(value),
    }
    harness.step();
    harness.step();
}

/// Without the token a client window is refused with a message that says a
/// token is required; with the right token it connects and loads the catalog.
#[test]
fn server_token_is_required_and_accepted() {
    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "In memory (lost when stopped)");
    set_secret(&mut h, None, "Access token (optional)", "s3cret");
    click(&mut h, None, "Start server");
    wait_for(&mut h, "server running", |h| h.state().server_address().is_some());

    click(&mut h, None, "New client window");
    click(&mut h, Some(1), "Reconnect automatically");
    click_prefix(&mut h, Some(1), "Connect to this app's server");
    wait_for(&mut h, "refused for want of a token", |h| shows(h, Some(1), "access token required"));
    assert!(window(&h, 0).is_some_and(|w| !lock(&w).conn.connected()));

    set_secret(&mut h, Some(1), "Token", "s3cret");
    click_prefix(&mut h, Some(1), "Connect to this app's server");
    wait_for(&mut h, "connected with the token", |h| {
        window(h, 0).is_some_and(|w| lock(&w).conn.connected() && !lock(&w).catalog.is_empty())
    });
}
