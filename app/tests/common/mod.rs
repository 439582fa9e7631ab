//! Shared helpers for the app's headless tests: build the real app, wait for
//! real network threads, and find widgets inside one client window.

#![allow(dead_code)]

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::kittest::{AccessKitNode, Queryable};
use egui_kittest::{Harness, Node};
use lojinha::client::ClientWindow;
use lojinha::{LojinhaApp, StartOptions};

pub type App = Harness<'static, LojinhaApp>;

/// The real app, headless, with a window big enough for every panel.
pub fn app(options: StartOptions) -> App {
    Harness::builder().with_size(egui::vec2(1700.0, 1200.0)).build_eframe(|cc| LojinhaApp::new(cc, options))
}

/// A server on a free port with an in-memory catalog, and one client window connected to it.
pub fn served_and_connected() -> App {
    let options = StartOptions {
        serve: Some("127.0.0.1:0".into()),
        connect: Some("127.0.0.1:0".into()),
        db: Some(":memory:".into()),
        ..Default::default()
    };
    let mut harness = app(options);
    wait_for(&mut harness, "window 1 connected and loaded", |h| {
        window(h, 0).is_some_and(|w| {
            lock(&w).conn.connected() && lock(&w).progress.is_none() && !lock(&w).catalog.is_empty()
        })
    });
    harness
}

/// Steps the app until `done` holds; real threads need real time (bounded).
pub fn wait_for(harness: &mut App, what: &str, mut done: impl FnMut(&mut App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        harness.step();
        if done(harness) {
            harness.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for: {what}");
}

pub fn window(harness: &App, index: usize) -> Option<Arc<Mutex<ClientWindow>>> {
    harness.state().client_windows().get(index).cloned()
}

pub fn lock(window: &Arc<Mutex<ClientWindow>>) -> MutexGuard<'_, ClientWindow> {
    window.lock().unwrap()
}

/// The embedded client window titled "Client window {n}" (its widgets are inside).
pub fn client_window<'a>(harness: &'a App, n: usize) -> Node<'a> {
    let title = format!("Client window {n}");
    harness.get_by(move |node| node.role() == Role::Window && node.label().as_deref() == Some(title.as_str()))
}

/// A text field found by its label, inside `scope`.
pub fn text_field<'a>(scope: &Node<'a>, label: &'a str) -> Node<'a> {
    scope.get_by_role_and_label(Role::TextInput, label)
}

/// The scope to search: client window `n`, or the whole app.
fn scope(harness: &App, window_n: Option<usize>) -> Node<'_> {
    match window_n {
        Some(n) => client_window(harness, n),
        None => harness.root(),
    }
}

/// Sets a labelled text field's content (through accessibility, as a screen reader would).
pub fn set_text(harness: &mut App, window_n: Option<usize>, label: &str, value: &str) {
    let label = label.to_owned();
    scope(harness, window_n)
        .get_by(move |node| node.role() == Role::TextInput && node.label().as_deref() == Some(label.as_str()))
        .set_text_value_accesskit(value);
    // One frame takes the text, the next shows what it changed (filters, scrolling).
    harness.step();
    harness.step();
}

/// Clicks the button (or checkbox) labelled `label`, in client window `n` (or anywhere).
pub fn click(harness: &mut App, window_n: Option<usize>, label: &str) {
    click_where(harness, window_n, label, |l, wanted| l == wanted);
}

/// Clicks the button whose label starts with `prefix` (labels that carry a number or address).
pub fn click_prefix(harness: &mut App, window_n: Option<usize>, prefix: &str) {
    click_where(harness, window_n, prefix, |l, wanted| l.starts_with(wanted));
}

fn click_where(harness: &mut App, window_n: Option<usize>, label: &str, test: fn(&str, &str) -> bool) {
    let label = label.to_owned();
    let clickable = move |node: &AccessKitNode<'_>| {
        matches!(node.role(), Role::Button | Role::CheckBox | Role::RadioButton)
            && node.label().is_some_and(|l| test(&l, &label))
    };
    scope(harness, window_n).get_by(clickable).click_accesskit();
    // One frame handles the click, the next shows what it opened.
    for _ in 0..3 {
        harness.step();
    }
}

/// Whether some text containing `text` is shown in client window `n` (or anywhere).
pub fn shows(harness: &App, window_n: Option<usize>, text: &str) -> bool {
    let text = text.to_owned();
    let mut found = scope(harness, window_n).query_all_by(move |node| {
        node.label().is_some_and(|l| l.contains(text.as_str()))
            || node.value().is_some_and(|v| v.contains(text.as_str()))
    });
    found.next().is_some()
}

/// A step of a window's or of the server panel's record, flattened for
/// asserts: what the log and the diagram draw of it.
#[allow(dead_code)]
#[derive(Debug, Clone)]
pub struct Row {
    pub seq: u64,
    pub step: lojinha_teach::steps::Name,
    /// `None` for a step at one end (connect, read, close).
    pub direction: Option<lojinha_teach::steps::Direction>,
    pub method: Option<String>,
    pub id: Option<String>,
    pub raw: Option<String>,
    pub at: Duration,
    pub bytes: Option<usize>,
    pub pair: Option<u64>,
    pub rtt: Option<Duration>,
    pub session: Option<u64>,
    /// The diagram's label, in English.
    pub label: String,
    /// The log's one-line description, in English.
    pub describe: String,
}

/// Every step of `steps`, flattened.
#[allow(dead_code)]
pub fn rows(steps: &lojinha_teach::Steps) -> Vec<Row> {
    use lojinha_teach::steps::{Lane, words};
    steps
        .entries()
        .iter()
        .map(|step| Row {
            seq: step.seq,
            step: step.name(),
            direction: step.message().map(|m| m.direction),
            method: step.message().and_then(|m| m.method.clone()),
            id: step.message().and_then(|m| m.id.clone()),
            raw: step.raw().map(str::to_owned),
            at: step.at,
            bytes: step.bytes,
            pair: step.pair,
            rtt: step.round_trip,
            session: match step.lane {
                Lane::Session(session) => Some(session),
                _ => None,
            },
            label: words::label(step, lojinha_teach::Language::En),
            describe: lojinha::log::view::describe(step, lojinha_teach::Language::En),
        })
        .collect()
}
