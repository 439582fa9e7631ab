//! The record's specification: pairing, bounds, clearing, one clock, lanes
//! and words (no UI).

use std::net::SocketAddr;
use std::time::{Duration, Instant, SystemTime};

use lojinha_server::ConnectionEnd;
use lojinha_server::client::{ClientEvent, ClientEventRecord, ReceivedKind};
use lojinha_server::server::{CloseReason, ServerEvent, ServerEventRecord};

use super::classify::classify;
use super::words::{duration, label, local};
use super::*;
use crate::i18n::Language;

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

use Direction::{ToClient, ToServer};

/// A record with lines `(at ms, session, direction, raw)`; returns it and their `seq`s.
fn record(origin: Instant, rows: &[(u64, u64, Direction, String)]) -> (Steps, Vec<u64>) {
    let mut steps = Steps::new(origin);
    let seqs = rows
        .iter()
        .map(|(at, session, direction, raw)| {
            let message = classify(*direction, raw);
            let at = origin + ms(*at);
            steps.push_line(at, SystemTime::now(), Lane::Session(*session), message, raw, raw.len() + 1)
        })
        .collect();
    (steps, seqs)
}

fn lines(rows: &[(u64, u64, Direction, String)]) -> (Steps, Vec<u64>) {
    record(Instant::now(), rows)
}

/// `seq` of the step paired with `seq`.
fn partner(steps: &Steps, seq: u64) -> Option<u64> {
    steps.get(seq)?.pair
}

fn round_trip(steps: &Steps, seq: u64) -> Option<Duration> {
    steps.get(seq)?.round_trip
}

/// Pipelined requests pair with their own responses and get their own round trips.
#[test]
fn pipelined_requests_pair_in_order() {
    let (s, q) = lines(&[
        (0, 1, ToServer, request("1", "product.get")),
        (1, 1, ToServer, request("2", "product.get")),
        (2, 1, ToServer, request("3", "product.list")),
        (10, 1, ToClient, result("1")),
        (12, 1, ToClient, result("2")),
        (20, 1, ToClient, result("3")),
    ]);
    assert_eq!([3, 4, 5].map(|i| partner(&s, q[i])), [Some(q[0]), Some(q[1]), Some(q[2])]);
    assert_eq!((partner(&s, q[0]), partner(&s, q[2])), (Some(q[3]), Some(q[5])));
    assert_eq!([3, 4, 5].map(|i| round_trip(&s, q[i])), [Some(ms(10)), Some(ms(11)), Some(ms(18))]);
    assert_eq!(round_trip(&s, q[0]), None, "requests have no round trip of their own");
    assert_eq!(s.get(q[5]).unwrap().message().unwrap().method.as_deref(), Some("product.list"));
}

/// Notifications in between and answers out of order do not confuse pairing.
#[test]
fn out_of_order_answers_and_notifications() {
    let (s, q) = lines(&[
        (0, 1, ToServer, request("1", "a")),
        (1, 1, ToClient, notification("product.added")),
        (2, 1, ToServer, request("\"x\"", "b")),
        (3, 1, ToClient, notification("product.deleted")),
        (5, 1, ToClient, result("\"x\"")),
        (6, 1, ToClient, notification("product.updated")),
        (9, 1, ToClient, result("1")),
    ]);
    assert_eq!((partner(&s, q[4]), partner(&s, q[6])), (Some(q[2]), Some(q[0])));
    assert_eq!((round_trip(&s, q[4]), round_trip(&s, q[6])), (Some(ms(3)), Some(ms(9))));
    for note in [1, 3, 5] {
        assert_eq!(partner(&s, q[note]), None);
    }
}

/// A batch pairs with the batch of its responses, whatever their order; a
/// batch of only notifications waits for nothing.
#[test]
fn batches_pair_as_a_whole() {
    let (s, q) = lines(&[
        (0, 1, ToServer, format!("[{},{},{}]", request("1", "a"), notification("n"), request("2", "b"))),
        (1, 1, ToServer, format!("[{}]", notification("n"))),
        (4, 1, ToClient, format!("[{},{}]", result("2"), result("1"))),
    ]);
    assert_eq!((partner(&s, q[2]), partner(&s, q[1])), (Some(q[0]), None));
    assert_eq!(label(s.get(q[2]).unwrap(), Language::En), "batch #[1,2] · 4.0 ms");
}

/// Sessions reuse the same ids: pairing is per lane; the number 1 and the
/// string "1" are different ids.
#[test]
fn lanes_and_id_types_pair_separately() {
    let (s, q) = lines(&[
        (0, 1, ToServer, request("1", "a")),
        (1, 2, ToServer, request("1", "b")),
        (3, 2, ToClient, result("1")),
        (7, 1, ToClient, result("1")),
        (8, 1, ToServer, request("\"1\"", "c")),
        (9, 1, ToClient, result("1")),
    ]);
    assert_eq!((partner(&s, q[2]), partner(&s, q[3])), (Some(q[1]), Some(q[0])));
    assert_eq!(partner(&s, q[5]), None);
}

fn client(at: Instant, event: ClientEvent) -> ClientEventRecord {
    ClientEventRecord { at, wall: SystemTime::now(), event }
}

fn sent(raw: &str) -> ClientEvent {
    ClientEvent::Sent { raw: raw.into(), bytes: raw.len() + 1, id: None, method: None }
}

/// A line received, with the id the client library reads from it.
fn received(raw: &str, kind: ReceivedKind) -> ClientEvent {
    let id = serde_json::from_str::<serde_json::Value>(raw).ok().and_then(|v| v.get("id").cloned());
    ClientEvent::Received { raw: raw.into(), bytes: raw.len() + 1, kind, id, method: None, rtt: None }
}

/// After a connection closes, a new connection's id 1 pairs with its own
/// request; the clock keeps counting from the window's start across it.
#[test]
fn a_reconnect_pairs_afresh_on_the_same_clock() {
    let origin = Instant::now();
    let mut s = Steps::new(origin);
    let addr: SocketAddr = "127.0.0.1:7".parse().unwrap();
    s.record_client(&client(origin + ms(100), ClientEvent::Connecting { addr }));
    let old = s.record_client(&client(origin + ms(110), sent(&request("1", "old")))).unwrap();
    s.record_client(&client(origin + ms(120), ClientEvent::Closed { reason: ConnectionEnd::ServerClosed }));
    s.record_client(&client(origin + ms(5_000), ClientEvent::Connecting { addr }));
    let new = s.record_client(&client(origin + ms(5_010), sent(&request("1", "new")))).unwrap();
    let answer =
        s.record_client(&client(origin + ms(5_011), received(&result("1"), ReceivedKind::Response))).unwrap();
    assert_eq!((partner(&s, answer), partner(&s, old)), (Some(new), None));
    assert_eq!(
        s.get(answer).unwrap().at,
        ms(5_011),
        "times count from the record's start, not the reconnect"
    );
    assert_eq!(round_trip(&s, answer), Some(ms(1)));
}

/// Labels name the method or result/error with its code, the id and the round trip.
#[test]
fn labels_tell_what_happened() {
    let (s, q) = lines(&[
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
    let labels: Vec<String> = q.iter().map(|&seq| label(s.get(seq).unwrap(), Language::En)).collect();
    assert_eq!(labels, ["product.get #7", "error 1001 #7 · 1.0 ms", "welcome", "not JSON-RPC: oi servidor"]);
    let pt: Vec<String> = q.iter().map(|&seq| label(s.get(seq).unwrap(), Language::PtBr)).collect();
    assert_eq!(pt[1], "erro 1001 #7 · 1,0 ms");
    assert_eq!(s.get(q[1]).unwrap().name(), Name::ErrorResponse);
    assert_eq!(s.get(q[2]).unwrap().name(), Name::Welcome);
}

/// Durations read naturally at every scale, with the language's decimal mark.
#[test]
fn durations_format() {
    assert_eq!(duration(Duration::from_micros(42), Language::En), "42 µs");
    assert_eq!(duration(Duration::from_micros(420), Language::En), "0.42 ms");
    assert_eq!(duration(Duration::from_micros(12_340), Language::PtBr), "12,3 ms");
    assert_eq!(duration(Duration::from_millis(1250), Language::En), "1.25 s");
}

fn server(at: Instant, event: ServerEvent) -> ServerEventRecord {
    ServerEventRecord { at, wall: SystemTime::now(), event }
}

/// Server events land on their session's lane; `hello` names the lane;
/// local steps are described from data in whichever language is asked.
#[test]
fn server_events_are_recorded_as_data() {
    let origin = Instant::now();
    let mut s = Steps::new(origin);
    let peer: SocketAddr = "127.0.0.1:4000".parse().unwrap();
    let accepted = s.record_server(&server(origin, ServerEvent::SessionOpened { session: 2, peer }));
    s.record_server(&server(origin, ServerEvent::SessionNamed { session: 2, client: "Ana".into() }));
    let closed = s
        .record_server(&server(origin, ServerEvent::SessionClosed { session: 2, reason: CloseReason::Quit }));
    assert_eq!(s.get(accepted).unwrap().lane, Lane::Session(2));
    assert_eq!(s.lanes().get(2).unwrap().client.as_deref(), Some("Ana"));
    assert!(!s.lanes().get(2).unwrap().open);
    assert_eq!(local(s.get(accepted).unwrap(), Language::PtBr).unwrap(), "accept() de 127.0.0.1:4000");
    assert_eq!(label(s.get(closed).unwrap(), Language::PtBr), "fechada: o cliente enviou quit");
    assert_eq!(label(s.get(closed).unwrap(), Language::En), "closed: the client sent quit");
}

fn garbage(steps: &mut Steps, raw: &str) -> u64 {
    let message = classify(ToClient, raw);
    steps.push_line(Instant::now(), SystemTime::now(), Lane::Client, message, raw, raw.len() + 1)
}

/// A huge line keeps only its first RAW_KEPT bytes (on a character
/// boundary), and the step says how many bytes it lost.
#[test]
fn huge_line_keeps_a_prefix_and_the_cut_size() {
    let mut s = Steps::new(Instant::now());
    let huge = "é".repeat(3 * RAW_KEPT);
    let seq = garbage(&mut s, &huge);
    let line = s.get(seq).unwrap().line.as_ref().unwrap();
    assert!(line.text.len() <= RAW_KEPT && line.text.len() > RAW_KEPT - 4);
    assert!(huge.starts_with(&*line.text));
    assert_eq!(line.cut, huge.len() - line.text.len());
}

/// Steps are capped by the bytes they hold: the oldest go first, and the
/// record never holds much more than its byte limit.
#[test]
fn steps_are_capped_by_bytes() {
    let mut s = Steps::with_limits(Instant::now(), 1_000_000, 1024 * 1024);
    for _ in 0..200 {
        garbage(&mut s, &"x".repeat(64 * 1024));
    }
    assert!(s.bytes() <= 1024 * 1024, "{} bytes held", s.bytes());
    assert!(s.len() < 20, "{} steps of 64 KiB in 1 MiB", s.len());
    assert_eq!(s.entries().back().unwrap().seq, 200, "the newest step stays");
}

/// Clear forgets every step and gives the memory back; numbering goes on.
#[test]
fn clear_returns_memory() {
    let mut s = Steps::new(Instant::now());
    for _ in 0..10_000 {
        garbage(&mut s, &"y".repeat(100));
    }
    assert!(s.allocated() >= 10_000);
    s.clear();
    assert_eq!((s.len(), s.bytes(), s.allocated()), (0, 0, 0));
    assert_eq!(garbage(&mut s, "z"), 10_001);
}

/// A closed session's lane goes once its last step has left the record:
/// the lanes stay as bounded as the steps.
#[test]
fn closed_lanes_leave_with_their_steps() {
    let origin = Instant::now();
    let mut s = Steps::with_limits(origin, 10, usize::MAX);
    let peer: SocketAddr = "127.0.0.1:4000".parse().unwrap();
    for session in 1..=50 {
        s.record_server(&server(origin, ServerEvent::SessionOpened { session, peer }));
        s.record_server(&server(
            origin,
            ServerEvent::SessionClosed { session, reason: CloseReason::ClientClosed },
        ));
    }
    assert!(s.lanes().len() <= 5, "{} lanes kept for 10 steps", s.lanes().len());
    assert!(s.lanes().get(50).is_some());
}

/// The visible list follows appends, trims and clears, and recounts when
/// the filter changes.
#[test]
fn visible_follows_appends_trims_and_clears() {
    let mut s = Steps::with_limits(Instant::now(), 3, usize::MAX);
    let mut visible = Visible::default();
    let keep = |step: &Step| step.raw().is_some_and(|raw| raw.starts_with("keep"));
    let shown = |visible: &Visible, s: &Steps| -> Vec<String> {
        visible.seqs().iter().map(|&seq| s.get(seq).unwrap().raw().unwrap().to_owned()).collect()
    };
    garbage(&mut s, "keep 1");
    garbage(&mut s, "drop 2");
    visible.refresh(&s, 1, keep);
    assert_eq!(shown(&visible, &s), ["keep 1"]);
    garbage(&mut s, "keep 3");
    visible.refresh(&s, 1, keep);
    assert_eq!(shown(&visible, &s), ["keep 1", "keep 3"]);
    garbage(&mut s, "keep 4");
    visible.refresh(&s, 1, keep);
    assert_eq!(shown(&visible, &s), ["keep 3", "keep 4"], "the oldest fell off");
    s.clear();
    garbage(&mut s, "keep 5");
    visible.refresh(&s, 1, keep);
    assert_eq!(shown(&visible, &s), ["keep 5"]);
    garbage(&mut s, "drop 6");
    visible.refresh(&s, 2, |step| step.raw().is_some_and(|raw| raw.starts_with("drop")));
    assert_eq!(shown(&visible, &s), ["drop 6"]);
}

/// A view's list of a large record gives its room back once the record is
/// cleared (Clear after a class's load returns the view's memory too).
#[test]
fn visible_gives_its_room_back_after_a_clear() {
    let mut s = Steps::new(Instant::now());
    let mut visible = Visible::default();
    for _ in 0..50_000 {
        garbage(&mut s, "x");
    }
    visible.refresh(&s, 1, |_| true);
    assert!(visible.allocated() >= 50_000);
    s.clear();
    garbage(&mut s, "after");
    visible.refresh(&s, 1, |_| true);
    assert_eq!(visible.len(), 1);
    assert!(visible.allocated() < 1024, "{} slots kept after the clear", visible.allocated());
}

/// A smaller byte bound applies at once and keeps the newest steps.
#[test]
fn a_smaller_bound_applies_at_once() {
    let mut s = Steps::new(Instant::now());
    for _ in 0..1_000 {
        garbage(&mut s, &"w".repeat(4 * 1024));
    }
    assert!(s.bytes() > 4 * 1024 * 1024);
    s.set_max_bytes(1024 * 1024);
    assert!(s.bytes() <= 1024 * 1024, "{} bytes held", s.bytes());
    assert_eq!(s.entries().back().unwrap().seq, 1_000, "the newest step stays");
}

/// The owner's controls and a line sent in pieces are steps of their own,
/// on the session's (or the client's) lane, said in every language; the
/// server's "piece n of m" and the client's are one kind of step.
#[test]
fn owner_controls_and_pieces_are_steps() {
    use lojinha_server::server::{OwnerAct, Release};
    let origin = Instant::now();
    let mut s = Steps::new(origin);
    let server = |act| ServerEventRecord {
        at: origin + ms(5),
        wall: SystemTime::now(),
        event: ServerEvent::Owner { session: 4, act },
    };
    let held = s.record_server(&server(OwnerAct::Held { held: 2 }));
    let released = s.record_server(&server(OwnerAct::Released(Release::Next)));
    let delayed = s.record_server(&server(OwnerAct::Delayed { ms: 1500 }));
    let piece = s.record_server(&server(OwnerAct::Piece { n: 2, of: 4, bytes: 10 }));
    let dropped = s.record_server(&ServerEventRecord {
        at: origin + ms(6),
        wall: SystemTime::now(),
        event: ServerEvent::SessionClosed { session: 4, reason: CloseReason::DroppedByOwner },
    });
    let mut window = Steps::new(origin);
    let sent_piece =
        window.record_client(&client(origin + ms(7), ClientEvent::Piece { n: 1, of: 3, bytes: 5 })).unwrap();
    let say = |steps: &Steps, seq: u64, language| local(steps.get(seq).unwrap(), language).unwrap();
    assert_eq!(s.get(held).unwrap().name(), Name::Owner);
    assert_eq!(s.get(held).unwrap().lane, Lane::Session(4));
    assert_eq!(say(&s, held, Language::En), "answer held by the teacher (2 held)");
    assert_eq!(say(&s, held, Language::PtBr), "resposta retida pelo professor (2 retidas)");
    assert_eq!(say(&s, released, Language::Es), "liberada: Siguiente");
    assert_eq!(say(&s, delayed, Language::PtBr), "câmera lenta: espera 1,50 s");
    assert_eq!(s.get(piece).unwrap().name(), Name::Piece);
    assert_eq!(say(&s, piece, Language::En), "write(): piece 2 of 4 (10 bytes)");
    assert_eq!(say(&s, dropped, Language::En), "dropped by the server's owner (no goodbye)");
    assert_eq!(window.get(sent_piece).unwrap().name(), Name::Piece);
    assert_eq!(window.get(sent_piece).unwrap().lane, Lane::Client);
    assert_eq!(say(&window, sent_piece, Language::Es), "write(): trozo 1 de 3 (5 bytes)");
}
