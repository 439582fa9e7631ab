//! egui_kittest tests of the drawn diagram: many messages, hover, click, scroll to selection.

use std::time::Duration;

use egui::{Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;

/// `pairs` request/response pairs with a notification every tenth pair;
/// log index = 1000 + row, so tests see that clicks return the log index.
fn busy_diagram(pairs: usize) -> Diagram {
    let mut d = Diagram::client();
    let push = |d: &mut Diagram, direction, raw: String, ms: u64| {
        let row = d.len();
        let message = DiagramMessage::from_raw(direction, &raw, Duration::from_millis(ms));
        d.push(message.with_log_index(1000 + row));
    };
    for i in 0..pairs as u64 {
        let request =
            format!(r#"{{"jsonrpc":"2.0","id":{i},"method":"product.get","params":{{"code":"P{i}"}}}}"#);
        push(&mut d, Direction::ToServer, request, i * 10);
        if i % 10 == 0 {
            let note = r#"{"jsonrpc":"2.0","method":"product.added","params":{}}"#.to_owned();
            push(&mut d, Direction::ToClient, note, i * 10 + 1);
        }
        push(
            &mut d,
            Direction::ToClient,
            format!(r#"{{"jsonrpc":"2.0","id":{i},"result":{{}}}}"#),
            i * 10 + 3,
        );
    }
    d
}

type State = (Diagram, Option<DiagramAction>);

fn harness(diagram: Diagram) -> Harness<'static, State> {
    Harness::builder().with_size(vec2(640.0, 480.0)).build_ui_state(
        |ui, (diagram, action): &mut State| {
            if let Some(a) = diagram.show(ui) {
                *action = Some(a);
            }
        },
        (diagram, None),
    )
}

/// About 1,000 messages draw, start at the newest, and only the rows in view exist as widgets.
#[test]
fn renders_a_thousand_messages_with_only_visible_rows() {
    let mut harness = harness(busy_diagram(475));
    harness.run();
    assert_eq!(harness.state().0.len(), 998);
    let rows = harness.query_all_by_role(Role::Button).count();
    assert!((5..60).contains(&rows), "{rows} row widgets for 998 messages");
    harness.get_by_label("product.get #474");
    assert!(harness.query_by_label("product.get #0").is_none());
}

/// A frame paints the same number of shapes for 100 messages as for 1,000:
/// the work per frame depends on the rows in view, not on the history.
#[test]
fn painting_cost_does_not_grow_with_history() {
    let shapes = |pairs| {
        let mut harness = harness(busy_diagram(pairs));
        harness.run();
        harness.output().shapes.len()
    };
    let (small, large) = (shapes(48), shapes(475));
    assert!(large <= small + small / 10, "{small} shapes for ~100 messages, {large} for ~1,000");
}

/// Clicking an arrow returns Select with that message's log index and highlights it.
#[test]
fn click_selects_the_log_entry() {
    let mut harness = harness(busy_diagram(475));
    harness.run();
    harness.get_by_label("product.get #470").click();
    harness.run();
    let (diagram, action) = harness.state();
    let row = diagram.messages().iter().position(|m| m.id.as_deref() == Some("470")).unwrap();
    assert_eq!(*action, Some(DiagramAction::Select(1000 + row)));
    assert_eq!(diagram.selected(), Some(1000 + row));
}

/// Hovering an arrow shows its raw JSON, pretty-printed, in a tooltip.
#[test]
fn hover_shows_raw_json() {
    let mut harness = harness(busy_diagram(20));
    harness.run();
    harness.get_by_label("product.get #19").hover();
    harness.run();
    harness.get_by_label_contains("\"code\": \"P19\"");
}

/// Selecting an old message from the log scrolls the diagram back to it.
#[test]
fn set_selected_scrolls_back_in_time() {
    let mut harness = harness(busy_diagram(475));
    harness.run();
    assert!(harness.query_by_label("product.get #3").is_none());
    let row = harness.state().0.messages().iter().position(|m| m.id.as_deref() == Some("3")).unwrap();
    harness.state_mut().0.set_selected(1000 + row);
    harness.run();
    harness.get_by_label("product.get #3");
}

/// The server view draws every session's messages; responses pair per session.
#[test]
fn server_view_has_a_lifeline_per_session() {
    let mut d = Diagram::server();
    for session in 1..=3u64 {
        d.push(DiagramMessage::local(session, format!("accept() from 127.0.0.1:{session}"), Duration::ZERO));
        let raw =
            format!(r#"{{"jsonrpc":"2.0","id":1,"method":"hello","params":{{"client":"W{session}"}}}}"#);
        d.push(
            DiagramMessage::from_raw(Direction::ToServer, &raw, Duration::from_millis(session))
                .with_lane(session),
        );
    }
    for session in (1..=3u64).rev() {
        let raw = r#"{"jsonrpc":"2.0","id":1,"result":{}}"#;
        d.push(
            DiagramMessage::from_raw(Direction::ToClient, raw, Duration::from_millis(10)).with_lane(session),
        );
    }
    assert_eq!(d.partner(6), Some(5));
    assert_eq!(d.partner(8), Some(1));
    let mut harness = harness(d);
    harness.run();
    assert_eq!(harness.get_all_by_label("hello #1").count(), 3);
    harness.get_by_label("accept() from 127.0.0.1:2");
}

/// An empty diagram says so instead of drawing bare lifelines.
#[test]
fn empty_diagram_says_so() {
    let mut harness = harness(Diagram::client());
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
