//! egui_kittest tests of the drawn diagram: many steps, hover, click,
//! scroll to selection, folded lanes and the pinned server lifeline.

use std::net::SocketAddr;
use std::time::{Duration, Instant, SystemTime};

use egui::{Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lojinha_server::server::{CloseReason, ServerEvent, ServerEventRecord};

use super::*;
use crate::steps::{Steps, classify_line};

/// `pairs` request/response pairs with a notification every tenth pair.
fn busy_steps(pairs: usize) -> Steps {
    let origin = Instant::now();
    let mut steps = Steps::new(origin);
    let mut push = |direction, raw: String, ms: u64| {
        let message = classify_line(direction, &raw);
        let at = origin + Duration::from_millis(ms);
        steps.push_line(at, SystemTime::now(), Lane::Client, message, &raw, raw.len() + 1);
    };
    use crate::steps::Direction::{ToClient, ToServer};
    for i in 0..pairs as u64 {
        let request =
            format!(r#"{{"jsonrpc":"2.0","id":{i},"method":"product.get","params":{{"code":"P{i}"}}}}"#);
        push(ToServer, request, i * 10);
        if i % 10 == 0 {
            push(
                ToClient,
                r#"{"jsonrpc":"2.0","method":"product.added","params":{}}"#.to_owned(),
                i * 10 + 1,
            );
        }
        push(ToClient, format!(r#"{{"jsonrpc":"2.0","id":{i},"result":{{}}}}"#), i * 10 + 3);
    }
    steps
}

type State = (Diagram, Steps, Option<DiagramAction>);

fn harness(diagram: Diagram, steps: Steps, width: f32) -> Harness<'static, State> {
    Harness::builder().with_size(vec2(width, 480.0)).build_ui_state(
        |ui, (diagram, steps, action): &mut State| {
            if let Some(a) = diagram.show(ui, steps, Language::En) {
                *action = Some(a);
            }
        },
        (diagram, steps, None),
    )
}

/// About 1,000 steps draw, start at the newest, and only the rows in view exist as widgets.
#[test]
fn renders_a_thousand_messages_with_only_visible_rows() {
    let mut harness = harness(Diagram::client(), busy_steps(475), 640.0);
    harness.run();
    assert_eq!(harness.state().0.row_count(), 998);
    let rows = harness.query_all_by_role(Role::Button).count();
    assert!((5..60).contains(&rows), "{rows} row widgets for 998 messages");
    harness.get_by_label("product.get #474");
    assert!(harness.query_by_label("product.get #0").is_none());
}

/// A frame paints the same number of shapes for 100 steps as for 1,000:
/// the work per frame depends on the rows in view, not on the history.
#[test]
fn painting_cost_does_not_grow_with_history() {
    let shapes = |pairs| {
        let mut harness = harness(Diagram::client(), busy_steps(pairs), 640.0);
        harness.run();
        harness.output().shapes.len()
    };
    let (small, large) = (shapes(48), shapes(475));
    assert!(large <= small + small / 10, "{small} shapes for ~100 messages, {large} for ~1,000");
}

fn seq_of_request(steps: &Steps, id: &str) -> u64 {
    let request = |step: &&crate::steps::Step| {
        step.message().is_some_and(|m| m.id.as_deref() == Some(id) && m.kind == crate::steps::Kind::Request)
    };
    steps.entries().iter().find(request).unwrap().seq
}

/// Clicking an arrow returns Select with that step's `seq` and highlights it.
#[test]
fn click_selects_the_log_entry() {
    let mut harness = harness(Diagram::client(), busy_steps(475), 640.0);
    harness.run();
    harness.get_by_label("product.get #470").click();
    harness.run();
    let (diagram, steps, action) = harness.state();
    let seq = seq_of_request(steps, "470");
    assert_eq!(*action, Some(DiagramAction::Select(seq)));
    assert_eq!(diagram.selected(), Some(seq));
}

/// Hovering an arrow shows its raw JSON, pretty-printed, in a tooltip.
#[test]
fn hover_shows_raw_json() {
    let mut harness = harness(Diagram::client(), busy_steps(20), 640.0);
    harness.run();
    harness.get_by_label("product.get #19").hover();
    harness.run();
    harness.get_by_label_contains("\"code\": \"P19\"");
}

/// Selecting an old step from the log scrolls the diagram back to it.
#[test]
fn set_selected_scrolls_back_in_time() {
    let mut harness = harness(Diagram::client(), busy_steps(475), 640.0);
    harness.run();
    assert!(harness.query_by_label("product.get #3").is_none());
    let seq = seq_of_request(&harness.state().1, "3");
    harness.state_mut().0.set_selected(seq);
    harness.run();
    harness.get_by_label("product.get #3");
}

fn server_event(steps: &mut Steps, event: ServerEvent) {
    steps.record_server(&ServerEventRecord { at: Instant::now(), wall: SystemTime::now(), event });
}

fn session_says(steps: &mut Steps, session: u64, raw: String, incoming: bool) {
    let event = match incoming {
        true => ServerEvent::MessageIn { session, bytes: raw.len() + 1, raw, unterminated: false },
        false => ServerEvent::MessageOut { session, bytes: raw.len() + 1, raw },
    };
    server_event(steps, event);
}

/// The server view draws every session's lines; responses pair per session.
#[test]
fn server_view_has_a_lifeline_per_session() {
    let mut steps = Steps::new(Instant::now());
    for session in 1..=3u64 {
        let peer: SocketAddr = format!("127.0.0.1:{session}").parse().unwrap();
        server_event(&mut steps, ServerEvent::SessionOpened { session, peer });
        let raw =
            format!(r#"{{"jsonrpc":"2.0","id":1,"method":"hello","params":{{"client":"W{session}"}}}}"#);
        session_says(&mut steps, session, raw, true);
    }
    for session in (1..=3u64).rev() {
        session_says(&mut steps, session, r#"{"jsonrpc":"2.0","id":1,"result":{}}"#.into(), false);
    }
    assert_eq!(steps.get(7).unwrap().pair, Some(6));
    assert_eq!(steps.get(9).unwrap().pair, Some(2));
    let mut harness = harness(Diagram::server(), steps, 900.0);
    harness.run();
    assert_eq!(harness.get_all_by_label("hello #1").count(), 3);
    harness.get_by_label("accept() from 127.0.0.1:2");
    assert_eq!(harness.state().0.lanes(), [1, 2, 3]);
}

/// Closed sessions fold away but the newest few; the toggle shows them all.
#[test]
fn closed_sessions_fold_away() {
    let mut steps = Steps::new(Instant::now());
    let peer: SocketAddr = "127.0.0.1:9".parse().unwrap();
    for session in 1..=10u64 {
        server_event(&mut steps, ServerEvent::SessionOpened { session, peer });
    }
    for session in 1..=8u64 {
        server_event(&mut steps, ServerEvent::SessionClosed { session, reason: CloseReason::ClientClosed });
    }
    let mut harness = harness(Diagram::server(), steps, 900.0);
    harness.run();
    assert_eq!(harness.state().0.lanes(), [6, 7, 8, 9, 10], "open ones and the newest closed");
    assert_eq!(harness.state().0.folded(), 5);
    harness.get_by_label("Show closed sessions (8)").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().0.lanes().len(), 10);
}

/// With more sessions than fit, the server's lifeline stays in view.
#[test]
fn the_server_lifeline_stays_in_view() {
    let mut steps = Steps::new(Instant::now());
    let peer: SocketAddr = "127.0.0.1:9".parse().unwrap();
    for session in 1..=30u64 {
        server_event(&mut steps, ServerEvent::SessionOpened { session, peer });
        session_says(
            &mut steps,
            session,
            format!(r#"{{"jsonrpc":"2.0","id":{session},"method":"ping"}}"#),
            true,
        );
    }
    let mut harness = harness(Diagram::server(), steps, 700.0);
    harness.run();
    let server = harness.get_by_label("Server");
    let x = server.rect().center().x;
    assert!(x > 400.0 && x < 700.0, "the server's name is drawn at x = {x} in a 700-point view");
}

/// An empty diagram says so instead of drawing bare lifelines.
#[test]
fn empty_diagram_says_so() {
    let mut harness = harness(Diagram::client(), Steps::new(Instant::now()), 640.0);
    harness.run();
    harness.get_by_label("No messages yet.");
}

/// The legend names every kind of arrow in the chosen language.
#[test]
fn legend_names_the_kinds() {
    let mut harness = Harness::new_ui(|ui| legend(ui, crate::i18n::Language::PtBr));
    harness.run();
    for name in ["requisição", "resposta", "erro", "notificação", "lote", "evento"] {
        harness.get_by_label(name);
    }
}
