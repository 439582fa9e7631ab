//! Connection limits: the idle timeout and the maximum number of connections.

use std::time::Duration;

use lojinha_test_support::{Conn, product, request, typed_product};
use lojinha_tests::TestServer;
use serde_json::json;

/// A connection that sends nothing for the idle timeout gets `goodbye`
/// "idle timeout" and is closed.
#[test]
fn idle_connection_gets_goodbye() {
    let server = TestServer::start_with(|c| c.idle_timeout = Duration::from_secs(1));
    let (mut conn, _) = server.connect_welcomed();
    conn.call_ok(1, "product.list", json!({}));
    conn.expect_goodbye_and_close("idle timeout");
    server.wait_sessions(0);
}

/// The idle timeout counts from the last byte received: a client that keeps
/// sending part of a line now and then is not idle.
#[test]
fn trickling_bytes_keep_a_connection_alive() {
    let server = TestServer::start_with(|c| c.idle_timeout = Duration::from_secs(2));
    let (mut conn, _) = server.connect_welcomed();
    let line = format!("{}\n", request(1, "product.list", json!({})));
    for chunk in line.as_bytes().chunks(line.len() / 4 + 1) {
        conn.send(chunk);
        std::thread::sleep(Duration::from_millis(400));
    }
    assert_eq!(conn.recv()["id"], 1, "1.6 s of trickling, never 2 s apart, is not idle");
}

/// With `max_connections` reached, one more client gets `goodbye` "server
/// full" (and no welcome) and is closed; once a client leaves, a new one is served.
#[test]
fn a_full_server_refuses_then_recovers() {
    let server = TestServer::start_with(|c| c.max_connections = 2);
    let (mut first, _) = server.connect_welcomed();
    let (_second, _) = server.connect_welcomed();
    let mut extra = Conn::connect(server.addr());
    extra.expect_goodbye_and_close("server full");
    assert_eq!(first.call_ok(1, "quit", json!([])), json!({"bye": true}));
    first.expect_closed();
    server.wait_sessions(1);
    let (mut later, _) = server.connect_welcomed();
    later.call_ok(1, "product.add", json!({"product": product("LATE", "l", 1, 1)}));
}

/// Many clients arriving at once never get more than `max_connections`
/// sessions: every one of them gets either a welcome or "server full".
#[test]
fn a_burst_of_connections_respects_the_limit() {
    let server = TestServer::start_with(|c| c.max_connections = 3);
    let mut conns: Vec<Conn> = (0..30).map(|_| Conn::connect(server.addr())).collect();
    let mut welcomed = 0;
    for conn in &mut conns {
        let first = conn.recv();
        match first["method"].as_str() {
            Some("welcome") => welcomed += 1,
            Some("goodbye") => assert_eq!(first["params"]["reason"], "server full"),
            _ => panic!("unexpected first line {first}"),
        }
    }
    assert_eq!(welcomed, 3, "exactly max_connections clients are served");
}

/// A session that does not read its notifications is dropped once its
/// unsent output passes the bound, with `goodbye` "too slow", without
/// stalling the server: the writes all commit and a new client is served.
#[test]
fn a_reader_that_does_not_read_is_dropped_as_too_slow() {
    // ~300 bytes per notification: far more than the socket buffers and the bound hold.
    const PRODUCTS: usize = 50_000;
    let server = TestServer::start_with(|c| c.outbox_limit = 2 * 1024 * 1024);
    let (mut slow, _) = server.connect_welcomed();
    let name = "s".repeat(200);
    let products: Vec<_> = (0..PRODUCTS).map(|i| typed_product(&format!("S-{i:05}"), &name, 1, 1)).collect();
    assert_eq!(
        server.handle().seed(products).added,
        PRODUCTS,
        "the writes are not stalled by the slow reader"
    );
    let (mut later, _) = server.connect_welcomed();
    assert_eq!(later.call_ok(1, "product.list", json!({"limit": 1}))["total"], PRODUCTS);
    server.wait_sessions(1);
    let rest = slow.drain_to_end();
    let goodbyes: Vec<&[u8]> = rest
        .split(|&b| b == b'\n')
        .filter(|l| l.starts_with(br#"{"jsonrpc":"2.0","method":"goodbye""#))
        .collect();
    for goodbye in goodbyes {
        let goodbye: serde_json::Value = serde_json::from_slice(goodbye).expect("a JSON goodbye");
        assert_eq!(goodbye["params"]["reason"], "too slow", "best effort, but if sent, it says why");
    }
}

/// At the limit, a client that has left (its `quit` answered and the
/// connection closed) frees its place at once for the next one.
#[test]
fn a_place_is_free_as_soon_as_its_client_has_left() {
    let server = TestServer::start_with(|c| c.max_connections = 1);
    for round in 0..100 {
        let mut conn = Conn::connect(server.addr());
        let first = conn.recv();
        assert_eq!(first["method"], "welcome", "round {round}: {first}");
        assert_eq!(conn.call_ok(1, "quit", json!([])), json!({"bye": true}));
        conn.expect_closed();
    }
}
