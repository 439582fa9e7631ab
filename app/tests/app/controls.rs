//! The teacher's controls in the server panel and the raw console's twin,
//! driven through the real app over real sockets: the panel's intents reach
//! the running server, and what it does shows in both logs.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lojinha_teach::steps::Name as Step;

use crate::common::{App, click, click_prefix, lock, rows, served_and_connected, set_text, wait_for, window};

const PING: &str = r#"{"jsonrpc":"2.0","id":901,"method":"ping"}"#;

fn client_has(h: &App, step: Step) -> usize {
    rows(&lock(&window(h, 0).unwrap()).steps).iter().filter(|r| r.step == step).count()
}

fn server_has(h: &App, step: Step) -> usize {
    rows(h.state().server_log()).iter().filter(|r| r.step == step).count()
}

fn pong_received(h: &App) -> bool {
    rows(&lock(&window(h, 0).unwrap()).steps)
        .iter()
        .any(|r| r.step == Step::Response && r.raw.as_deref().is_some_and(|raw| raw.contains("\"id\":901")))
}

/// A connected window, with the server's controls unfolded and Pause ticked.
fn paused_and_connected() -> App {
    let mut h = served_and_connected();
    let title = "Teacher's controls: make the server misbehave";
    h.get_by_role_and_label(Role::DisclosureTriangle, title).click_accesskit();
    for _ in 0..3 {
        h.step();
    }
    click(&mut h, None, "Pause (hold every answer)");
    h
}

/// Pause holds the console's ping (the panel counts it and the server log
/// says so); "Next" lets it go and the window gets its answer.
#[test]
fn pause_holds_an_answer_until_next() {
    let mut h = paused_and_connected();
    set_text(&mut h, Some(1), "Raw message", PING);
    click(&mut h, Some(1), "Send raw");
    wait_for(&mut h, "the answer held", |h| server_has(h, Step::Owner) >= 1);
    wait_for(&mut h, "the panel counts it", |h| crate::common::shows(h, None, "1 answer held"));
    assert!(!pong_received(&h), "held: not answered yet");
    let sent = |h: &mut App| {
        rows(&lock(&window(h, 0).unwrap()).steps).iter().any(|r| {
            r.step == Step::Request && r.raw.as_deref().is_some_and(|raw| raw.contains("\"id\":901"))
        })
    };
    wait_for(&mut h, "the window's log shows the request waiting", sent);
    click(&mut h, None, "Next");
    wait_for(&mut h, "the answer released", |h| pong_received(h));
    click(&mut h, None, "Pause (hold every answer)");
}

/// A request the window waits on (a fetch, which blocks its network
/// thread) shows in its log as sent while the paused server holds the
/// answer, not only once the answer comes.
#[test]
fn a_held_fetch_shows_as_sent_while_it_waits() {
    let mut h = paused_and_connected();
    set_text(&mut h, Some(1), "Code to fetch", "CAN-001");
    click(&mut h, Some(1), "Fetch");
    wait_for(&mut h, "the answer held", |h| server_has(h, Step::Owner) >= 1);
    let fetch_sent = |h: &mut App| {
        rows(&lock(&window(h, 0).unwrap()).steps)
            .iter()
            .any(|r| r.step == Step::Request && r.method.as_deref() == Some("product.get"))
    };
    wait_for(&mut h, "product.get in the window's log while held", fetch_sent);
    assert!(lock(&window(&h, 0).unwrap()).fetch.busy, "still waiting for the answer");
    click(&mut h, None, "Release all");
    wait_for(&mut h, "the fetch answered", |h| !lock(&window(h, 0).unwrap()).fetch.busy);
    click(&mut h, None, "Pause (hold every answer)");
}

/// "Drop #n" ends the session with no goodbye: the window finds the
/// connection closed, and the server's log says its owner dropped it.
#[test]
fn drop_ends_a_session_without_goodbye() {
    let mut h = served_and_connected();
    click_prefix(&mut h, None, "Drop #");
    wait_for(&mut h, "the window disconnected", |h| !lock(&window(h, 0).unwrap()).conn.connected());
    let server = rows(h.state().server_log());
    assert!(
        server.iter().any(|r| r.step == Step::Closed && r.describe.contains("dropped by the server's owner")),
        "{server:?}"
    );
    assert_eq!(client_has(&h, Step::Goodbye), 0, "no goodbye");
}

/// The console sends its text in pieces (each its own step in the window's
/// log); without "\n" the server waits, and "Send \n" ends the line.
#[test]
fn console_sends_in_pieces_and_without_newline() {
    let mut h = served_and_connected();
    lock(&window(&h, 0).unwrap()).console.pieces = 3;
    lock(&window(&h, 0).unwrap()).console.piece_pause_ms = 50;
    click(&mut h, Some(1), "Without \\n");
    set_text(&mut h, Some(1), "Raw message", PING);
    click(&mut h, Some(1), "Send raw");
    wait_for(&mut h, "three pieces sent", |h| client_has(h, Step::Piece) == 3);
    for _ in 0..20 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!pong_received(&h), "no newline, no answer");
    click(&mut h, Some(1), "Send \\n");
    wait_for(&mut h, "the answer once the line ends", |h| pong_received(h));
    assert_eq!(client_has(&h, Step::Piece), 4, "the newline went as a piece of its own");
}
