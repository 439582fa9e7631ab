//! Pairing and labelling tests for the diagram's state (no UI).

use std::time::Duration;

use super::*;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn request(id: &str, method: &str) -> String {
    format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"{method}"}}"#)
}

fn result(id: &str) -> String {
    format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{{}}}}"#)
}

fn notification(method: &str) -> String {
    format!(r#"{{"jsonrpc":"2.0","method":"{method}","params":{{}}}}"#)
}

/// Pushes `(at ms, lane, direction, raw)` rows with log index = row.
fn diagram(rows: &[(u64, u64, Direction, String)]) -> Diagram {
    let mut d = Diagram::server();
    for (i, (at, lane, direction, raw)) in rows.iter().enumerate() {
        d.push(DiagramMessage::from_raw(*direction, raw, ms(*at)).with_lane(*lane).with_log_index(i));
    }
    d
}

use Direction::{ToClient, ToServer};

/// Pipelined requests pair with their own responses and get their own round trips.
#[test]
fn pipelined_requests_pair_in_order() {
    let d = diagram(&[
        (0, 1, ToServer, request("1", "product.get")),
        (1, 1, ToServer, request("2", "product.get")),
        (2, 1, ToServer, request("3", "product.list")),
        (10, 1, ToClient, result("1")),
        (12, 1, ToClient, result("2")),
        (20, 1, ToClient, result("3")),
    ]);
    assert_eq!((d.partner(3), d.partner(4), d.partner(5)), (Some(0), Some(1), Some(2)));
    assert_eq!((d.partner(0), d.partner(2)), (Some(3), Some(5)));
    assert_eq!(
        (d.round_trip(3), d.round_trip(4), d.round_trip(5)),
        (Some(ms(10)), Some(ms(11)), Some(ms(18)))
    );
    assert_eq!(d.round_trip(0), None, "requests have no round trip of their own");
}

/// Notifications in between and answers out of order do not confuse pairing.
#[test]
fn out_of_order_answers_and_notifications() {
    let d = diagram(&[
        (0, 1, ToServer, request("1", "a")),
        (1, 1, ToClient, notification("product.added")),
        (2, 1, ToServer, request("\"x\"", "b")),
        (3, 1, ToClient, notification("product.deleted")),
        (5, 1, ToClient, result("\"x\"")),
        (6, 1, ToClient, notification("product.updated")),
        (9, 1, ToClient, result("1")),
    ]);
    assert_eq!(d.partner(4), Some(2));
    assert_eq!(d.partner(6), Some(0));
    assert_eq!(d.round_trip(4), Some(ms(3)));
    assert_eq!(d.round_trip(6), Some(ms(9)));
    for note in [1, 3, 5] {
        assert_eq!(d.partner(note), None);
    }
}

/// A batch pairs with the batch of its responses, whatever their order; a
/// batch of only notifications waits for nothing.
#[test]
fn batches_pair_as_a_whole() {
    let d = diagram(&[
        (0, 1, ToServer, format!("[{},{},{}]", request("1", "a"), notification("n"), request("2", "b"))),
        (1, 1, ToServer, format!("[{}]", notification("n"))),
        (4, 1, ToClient, format!("[{},{}]", result("2"), result("1"))),
    ]);
    assert_eq!(d.partner(2), Some(0));
    assert_eq!(d.partner(1), None);
    assert_eq!(d.round_trip(2), Some(ms(4)));
    assert_eq!(d.label(2), Some("batch #[1,2] · 4.0 ms"));
}

/// Sessions reuse the same ids: pairing is per lane.
#[test]
fn lanes_pair_separately() {
    let d = diagram(&[
        (0, 1, ToServer, request("1", "a")),
        (1, 2, ToServer, request("1", "b")),
        (3, 2, ToClient, result("1")),
        (7, 1, ToClient, result("1")),
    ]);
    assert_eq!((d.partner(2), d.partner(3)), (Some(1), Some(0)));
}

/// The number 1 and the string "1" are different ids.
#[test]
fn id_types_differ() {
    let d = diagram(&[(0, 1, ToServer, request("\"1\"", "a")), (1, 1, ToClient, result("1"))]);
    assert_eq!(d.partner(1), None);
}

/// After a lane's connection closes, a new connection's id 1 pairs with its own request.
#[test]
fn closing_a_lane_forgets_its_waiting_requests() {
    let mut d = Diagram::client();
    d.push(DiagramMessage::from_raw(ToServer, &request("1", "old"), ms(0)));
    d.push(DiagramMessage::closed(0, "reset", ms(1)));
    d.push(DiagramMessage::from_raw(ToServer, &request("1", "new"), ms(5)));
    d.push(DiagramMessage::from_raw(ToClient, &result("1"), ms(6)));
    assert_eq!(d.partner(3), Some(2));
    assert_eq!(d.round_trip(3), Some(ms(1)));
}

/// Labels name the method or result/error, the id, and the round trip.
#[test]
fn labels_tell_what_happened() {
    let d = diagram(&[
        (0, 1, ToServer, request("7", "product.get")),
        (
            1,
            1,
            ToClient,
            r#"{"jsonrpc":"2.0","id":7,"error":{"code":1001,"message":"product not found"}}"#.into(),
        ),
        (2, 1, ToClient, notification("welcome")),
        (3, 1, ToServer, "oi servidor".into()),
    ]);
    assert_eq!(d.label(0), Some("product.get #7"));
    assert_eq!(d.label(1), Some("error 1001 #7 · 1.0 ms"));
    assert_eq!(d.label(2), Some("welcome"));
    assert_eq!(d.label(3), Some("not JSON-RPC: oi servidor"));
}

/// Selecting by log index, and clearing, behave as the app expects.
#[test]
fn selection_and_clear() {
    let mut d = diagram(&[(0, 1, ToServer, request("1", "a"))]);
    d.set_selected(0);
    assert_eq!(d.selected(), Some(0));
    d.set_selected(None);
    assert_eq!(d.selected(), None);
    d.clear();
    assert!(d.is_empty());
    assert_eq!(d.partner(0), None);
}

/// Durations read naturally at every scale.
#[test]
fn durations_format() {
    assert_eq!(format_duration(Duration::from_micros(420)), "0.42 ms");
    assert_eq!(format_duration(Duration::from_micros(12_340)), "12.3 ms");
    assert_eq!(format_duration(Duration::from_millis(1250)), "1.25 s");
}

/// In Portuguese, the local events pushed from the server's stream read in Portuguese.
#[test]
fn local_events_follow_the_language() {
    use lojinha_server::ServerEvent;
    let mut d = Diagram::server();
    d.set_language(crate::i18n::Language::PtBr);
    let peer: std::net::SocketAddr = "127.0.0.1:4000".parse().unwrap();
    d.push_server_event(&ServerEvent::SessionOpened { session: 1, peer }, Duration::ZERO, 0);
    assert_eq!(d.label(0), Some("accept() de 127.0.0.1:4000"));
}

/// Events pushed before the language is known, and closings, follow a later
/// switch both ways; lifelines named by `hello` too.
#[test]
fn a_language_switch_relabels_what_is_drawn() {
    use crate::i18n::Language;
    use lojinha_server::server::CloseReason;
    use lojinha_server::{ClientEvent, ServerEvent};
    let mut client = Diagram::client();
    client.push_client_event(
        &ClientEvent::Connecting { addr: "127.0.0.1:7".parse().unwrap() },
        Duration::ZERO,
        0,
    );
    let goodbye =
        ClientEvent::Closed { reason: lojinha_server::ConnectionEnd::Goodbye("server full".into()) };
    client.push_client_event(&goodbye, Duration::ZERO, 1);
    assert_eq!(client.label(0), Some("connect() to 127.0.0.1:7"));
    client.set_language(Language::PtBr);
    assert_eq!(client.label(0), Some("connect() para 127.0.0.1:7"));
    assert_eq!(client.label(1), Some("fechada: o servidor está cheio (clientes demais)"));
    client.set_language(Language::En);
    assert_eq!(client.label(1), Some("closed: the server is full (too many clients)"));

    let mut server = Diagram::server();
    server.push_server_event(
        &ServerEvent::SessionNamed { session: 2, client: "Ana".into() },
        Duration::ZERO,
        0,
    );
    let closed = ServerEvent::SessionClosed { session: 2, reason: CloseReason::Quit };
    server.push_server_event(&closed, Duration::ZERO, 1);
    server.set_language(Language::PtBr);
    assert_eq!(server.label(1), Some("fechada: o cliente enviou quit"));
    assert_eq!(server.lane_name(2), "Sessão 2: Ana");
}

/// In Portuguese an error answer reads "erro", a batch "lote", and times take a decimal comma.
#[test]
fn portuguese_labels_and_decimal_commas() {
    use crate::i18n::Language;
    let mut d = Diagram::client();
    d.set_language(Language::PtBr);
    let request = r#"{"jsonrpc":"2.0","id":3,"method":"product.get","params":{"code":"X"}}"#;
    let error = r#"{"jsonrpc":"2.0","id":3,"error":{"code":1001,"message":"product not found"}}"#;
    d.push(DiagramMessage::from_raw(Direction::ToServer, request, Duration::ZERO));
    d.push(DiagramMessage::from_raw(Direction::ToClient, error, Duration::from_micros(1_250)));
    d.push(DiagramMessage::from_raw(
        Direction::ToServer,
        r#"[{"jsonrpc":"2.0","id":4,"method":"quit"}]"#,
        Duration::ZERO,
    ));
    assert_eq!(d.label(1), Some("erro 1001 #3 · 1,2 ms"));
    assert!(d.label(2).is_some_and(|l| l.starts_with("lote")), "{:?}", d.label(2));
    d.set_language(Language::En);
    assert_eq!(d.label(1), Some("error 1001 #3 · 1.2 ms"));
}
