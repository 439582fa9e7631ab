//! Graceful shutdown: `stop()` says goodbye to every session, the binary
//! does the same on SIGTERM and exits 0, and a stopped server starts again
//! in the same process on the same file with its data.

use lojinha_server::Mode;
use lojinha_test_support::{Conn, ServerProcess, added, product, success, temp_db};
use lojinha_tests::TestServer;
use serde_json::json;

/// `stop()` sends every session `goodbye` "server shutting down" and closes
/// it, whatever the session was doing; then nobody can connect.
#[test]
fn stop_says_goodbye_to_every_session() {
    let mut server = TestServer::start();
    let addr = server.addr();
    let (mut idle, _) = server.connect_welcomed();
    let (mut named, _) = server.connect_welcomed();
    named.call_ok(1, "hello", json!({"client": "named"}));
    let (mut half_line, _) = server.connect_welcomed();
    half_line.send(b"{\"jsonrpc\":\"2.0\",\"id\":1,");
    server.stop();
    for conn in [&mut idle, &mut named, &mut half_line] {
        conn.expect_goodbye_and_close("server shutting down");
    }
    assert!(std::net::TcpStream::connect(addr).is_err(), "the listener is closed");
}

/// In sequential mode the session being served gets its goodbye too.
#[test]
fn stop_in_sequential_mode_says_goodbye() {
    let mut server = TestServer::start_with(|c| c.mode = Mode::Sequential);
    let (mut conn, _) = server.connect_welcomed();
    conn.call_ok(1, "product.list", json!({}));
    server.stop();
    conn.expect_goodbye_and_close("server shutting down");
}

/// A stopped server starts again in the same process on the same file,
/// with every product still there, and serves as before.
#[test]
fn stop_then_start_again_keeps_the_data() {
    let mut server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.call_ok(1, "product.add", json!({"product": product("KEEP", "kept", 5, 5)}));
    server.stop();
    conn.expect_goodbye_and_close("server shutting down");
    server.restart();
    assert_eq!(server.handle().product_count(), 1);
    let (mut again, _) = server.connect_welcomed();
    assert_eq!(again.call(1, "product.get", json!(["KEEP"])), success(1, added("KEEP", "kept", 5, 5)));
    again.call_ok(2, "product.add", json!({"product": product("NEW", "new", 1, 1)}));
    server.restart();
    assert_eq!(server.handle().product_count(), 2);
}

/// The binary on SIGTERM sends every session `goodbye` "server shutting
/// down", closes them, and exits with status 0.
#[cfg(unix)]
#[test]
fn binary_exits_gracefully_on_sigterm() {
    let (_dir, db) = temp_db();
    let server = ServerProcess::spawn(&["--db", db.to_str().expect("a UTF-8 temp path")]);
    let mut sessions: Vec<Conn> = (0..3).map(|_| Conn::connect(server.addr())).collect();
    for conn in &mut sessions {
        conn.expect_welcome();
    }
    sessions[0].call_ok(1, "product.add", json!({"product": product("SIG", "s", 1, 1)}));
    server.terminate();
    for conn in &mut sessions[1..] {
        assert_eq!(conn.recv()["method"], "product.added");
    }
    for conn in &mut sessions {
        conn.expect_goodbye_and_close("server shutting down");
    }
    let status = server.wait_exit();
    assert_eq!(status.code(), Some(0), "{status}");
}

/// A client in the middle of a long pipeline when the server stops gets a
/// prefix of its answers, in order, then `goodbye` "server shutting down",
/// then the end of the connection.
#[test]
fn stop_during_a_pipeline_ends_with_goodbye() {
    let mut server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let burst: String = (0..5000)
        .map(|i| {
            format!(
                "{}\n",
                lojinha_test_support::request(
                    i,
                    "product.add",
                    json!({"product": product(&format!("S{i:04}"), "s", 1, 1)})
                )
            )
        })
        .collect();
    conn.send(burst.as_bytes());
    assert_eq!(conn.recv()["id"], 0, "the pipeline is being served");
    server.stop();
    let mut next_id = 1;
    loop {
        let line = conn.recv();
        if line["method"] == "goodbye" {
            assert_eq!(line["params"]["reason"], "server shutting down");
            break;
        }
        assert_eq!(line["id"], next_id, "answers stay in order: {line}");
        next_id += 1;
    }
    conn.expect_closed();
}
