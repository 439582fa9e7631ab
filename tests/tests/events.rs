//! What the server reports about itself: the event stream (`event_capacity
//! > 0`) and the session list from `handle.sessions()`.

use std::time::Duration;

use lojinha_server::Mode;
use lojinha_server::server::{CloseReason, ServerEvent};
use lojinha_test_support::{Conn, product};
use lojinha_tests::TestServer;
use serde_json::json;

fn with_events() -> TestServer {
    TestServer::start_with(|c| c.event_capacity = 10_000)
}

/// A session's life in events: Listening, SessionOpened with the peer,
/// MessageOut of the welcome, MessageIn/MessageOut with the exact raw text,
/// SessionNamed, and SessionClosed with reason Quit.
#[test]
fn a_session_in_events() {
    let server = with_events();
    let events = server.events();
    assert_eq!(events.next(), ServerEvent::Listening { addr: server.addr(), mode: Mode::Threaded });
    let (mut conn, session) = server.connect_welcomed();
    let opened = events.find("SessionOpened", |e| matches!(e, ServerEvent::SessionOpened { .. }));
    assert_eq!(opened, ServerEvent::SessionOpened { session, peer: conn.local_addr() });
    let welcome = events.find("welcome out", |e| matches!(e, ServerEvent::MessageOut { .. }));
    let ServerEvent::MessageOut { session: s, raw, bytes } = welcome else { unreachable!() };
    assert_eq!(s, session);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&raw).expect("JSON")["method"], "welcome");
    assert_eq!(bytes, raw.len() + 1, "bytes count the newline");
    let line = r#"{"jsonrpc":"2.0","id":1,"method":"hello","params":{"client":"Window 2"}}"#;
    conn.send_line(line);
    let answer = conn.recv_raw();
    let answer = String::from_utf8(answer).expect("UTF-8");
    let message_in = events.find("MessageIn", |e| matches!(e, ServerEvent::MessageIn { .. }));
    assert_eq!(
        message_in,
        ServerEvent::MessageIn { session, raw: line.into(), bytes: line.len(), unterminated: false }
    );
    let named = events.find("SessionNamed", |e| matches!(e, ServerEvent::SessionNamed { .. }));
    assert_eq!(named, ServerEvent::SessionNamed { session, client: "Window 2".into() });
    let out = events.find("MessageOut", |e| matches!(e, ServerEvent::MessageOut { .. }));
    assert_eq!(out, ServerEvent::MessageOut { session, bytes: answer.len() + 1, raw: answer });
    conn.call_ok(2, "quit", json!([]));
    let closed = events.find("SessionClosed", |e| matches!(e, ServerEvent::SessionClosed { .. }));
    assert_eq!(closed, ServerEvent::SessionClosed { session, reason: CloseReason::Quit });
}

/// Every way a session ends is reported with its reason.
#[test]
fn close_reasons_are_reported() {
    let server = TestServer::start_with(|c| {
        c.event_capacity = 10_000;
        c.idle_timeout = Duration::from_secs(1);
        c.max_frame = 100;
    });
    let events = server.events();
    let closed_reason = |session: u64| match events.find(
        "SessionClosed",
        |e| matches!(e, ServerEvent::SessionClosed { session: s, .. } if *s == session),
    ) {
        ServerEvent::SessionClosed { reason, .. } => reason,
        _ => unreachable!(),
    };
    let (conn, session) = server.connect_welcomed();
    drop(conn);
    assert_eq!(closed_reason(session), CloseReason::ClientClosed);
    let (mut conn, session) = server.connect_welcomed();
    conn.send_line(&"x".repeat(101));
    assert_eq!(closed_reason(session), CloseReason::FrameTooLarge);
    let (mut conn, session) = server.connect_welcomed();
    conn.expect_goodbye_and_close("idle timeout");
    assert_eq!(closed_reason(session), CloseReason::IdleTimeout);
}

/// A refused connection is reported as Rejected; stopping reports every
/// session closed for shutdown, then Stopped.
#[test]
fn rejection_and_stop_are_reported() {
    let mut server = TestServer::start_with(|c| {
        c.event_capacity = 10_000;
        c.max_connections = 1;
    });
    let events = server.events();
    let (mut conn, session) = server.connect_welcomed();
    let mut extra = Conn::connect(server.addr());
    extra.expect_goodbye_and_close("server full");
    let rejected = events.find("Rejected", |e| matches!(e, ServerEvent::Rejected { .. }));
    assert_eq!(rejected, ServerEvent::Rejected { peer: extra.local_addr(), reason: "server full".into() });
    server.stop();
    conn.expect_goodbye_and_close("server shutting down");
    let closed = events.find("SessionClosed", |e| matches!(e, ServerEvent::SessionClosed { .. }));
    assert_eq!(closed, ServerEvent::SessionClosed { session, reason: CloseReason::ServerShutdown });
    assert_eq!(events.find("Stopped", |e| matches!(e, ServerEvent::Stopped)), ServerEvent::Stopped);
}

/// Notifications sent to other sessions appear as their MessageOut.
#[test]
fn notifications_appear_as_message_out() {
    let server = with_events();
    let events = server.events();
    let (mut writer, _) = server.connect_welcomed();
    let (mut watcher, watcher_session) = server.connect_welcomed();
    writer.call_ok(1, "product.add", json!({"product": product("EV", "e", 1, 1)}));
    let raw = String::from_utf8(watcher.recv_raw()).expect("UTF-8");
    let out = events.find("the watcher's notification", |e| {
        matches!(e, ServerEvent::MessageOut { session, raw, .. } if *session == watcher_session && raw.contains("product.added"))
    });
    assert_eq!(out, ServerEvent::MessageOut { session: watcher_session, bytes: raw.len() + 1, raw });
}

/// `sessions()` lists every open session with its id, peer, the name from
/// `hello`, and how many requests it sent; a closed session leaves the list.
#[test]
fn sessions_list_names_and_counts() {
    let server = TestServer::start();
    let (mut named, named_id) = server.connect_welcomed();
    let (mut anonymous, anonymous_id) = server.connect_welcomed();
    named.call_ok(1, "hello", json!({"client": "Window 2"}));
    named.call_ok(2, "product.list", json!({}));
    anonymous.call_ok(1, "product.list", json!({}));
    let sessions = server.handle().sessions();
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    let named_info = sessions.iter().find(|s| s.id == named_id).expect("the named session");
    assert_eq!(named_info.client.as_deref(), Some("Window 2"));
    assert_eq!(named_info.peer, named.local_addr());
    assert_eq!(named_info.requests, 2, "hello and list");
    let anonymous_info = sessions.iter().find(|s| s.id == anonymous_id).expect("the anonymous session");
    assert_eq!((anonymous_info.client.clone(), anonymous_info.requests), (None, 1));
    named.call_ok(5, "quit", json!([]));
    named.expect_closed();
    server.wait_sessions(1);
    assert_eq!(server.handle().sessions()[0].id, anonymous_id);
}

/// A client that closes its side right after a line, without the `\n`, is
/// still answered, and the line is reported as unterminated (the report
/// card's "no newline" mistake); a line that ended with `\n` is not.
#[test]
fn a_last_line_without_its_newline_is_reported() {
    use std::io::Write;
    let server = with_events();
    let events = server.events();
    let (conn, session) = server.connect_welcomed();
    let ended = r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#;
    let last = r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#;
    let mut stream = conn.stream();
    stream.write_all(format!("{ended}\n{last}").as_bytes()).expect("write");
    stream.shutdown(std::net::Shutdown::Write).expect("close our side");
    let first = events.find("MessageIn 1", |e| matches!(e, ServerEvent::MessageIn { .. }));
    assert_eq!(
        first,
        ServerEvent::MessageIn { session, raw: ended.into(), bytes: ended.len(), unterminated: false }
    );
    let second = events.find("MessageIn 2", |e| matches!(e, ServerEvent::MessageIn { .. }));
    assert_eq!(
        second,
        ServerEvent::MessageIn { session, raw: last.into(), bytes: last.len(), unterminated: true }
    );
    let mut conn = conn;
    let answers = [conn.recv_raw(), conn.recv_raw()].map(|a| String::from_utf8(a).expect("UTF-8"));
    assert!(answers[1].contains(r#""id":2"#), "the unterminated line is still answered: {answers:?}");
}
