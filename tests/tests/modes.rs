//! Serving modes and session options: sequential vs threaded, `--no-welcome`
//! (`welcome: false`), and the access token.

use std::time::Duration;

use lojinha_server::Mode;
use lojinha_test_support::{Conn, SERVER_NAME, ServerProcess, added, error_code, product, success, temp_db};
use lojinha_tests::TestServer;
use serde_json::json;

/// How long a waiting client is watched for a `welcome` that must not come.
const NOT_YET: Duration = Duration::from_millis(300);

/// In sequential mode a second client gets no welcome while the first is
/// served; when the first leaves, the second gets its welcome and is served.
#[test]
fn sequential_mode_serves_one_client_at_a_time() {
    let server = TestServer::start_with(|c| c.mode = Mode::Sequential);
    assert_eq!(server.handle().mode(), Mode::Sequential);
    let (mut first, _) = server.connect_welcomed();
    let mut second = Conn::connect(server.addr());
    first.call_ok(1, "product.add", json!({"product": product("SEQ", "s", 1, 1)}));
    second.expect_silence(NOT_YET);
    first.call_ok(2, "product.get", json!(["SEQ"]));
    second.expect_silence(NOT_YET);
    first.call_ok(3, "quit", json!([]));
    first.expect_closed();
    second.expect_welcome();
    assert_eq!(second.call(1, "product.get", json!(["SEQ"])), success(1, added("SEQ", "s", 1, 1)));
}

/// In sequential mode a client that just closes its socket also lets the next one in.
#[test]
fn sequential_mode_moves_on_when_a_client_disconnects() {
    let server = TestServer::start_with(|c| c.mode = Mode::Sequential);
    let (first, _) = server.connect_welcomed();
    let mut second = Conn::connect(server.addr());
    drop(first);
    second.expect_welcome();
    second.ping();
}

/// In threaded mode two clients are welcomed and served at the same time.
#[test]
fn threaded_mode_serves_clients_at_once() {
    let server = TestServer::start();
    assert_eq!(server.handle().mode(), Mode::Threaded);
    let (mut first, _) = server.connect_welcomed();
    let (mut second, _) = server.connect_welcomed();
    first.call_ok(1, "product.add", json!({"product": product("T-1", "t", 1, 1)}));
    assert_eq!(second.recv()["method"], "product.added", "the second hears of the first's write");
    second.call_ok(1, "product.add", json!({"product": product("T-2", "t", 2, 2)}));
    assert_eq!(first.recv()["method"], "product.added", "the first hears of the second's write");
    assert_eq!(first.call_ok(2, "product.list", json!({}))["total"], 2);
    assert_eq!(second.call_ok(2, "product.list", json!({}))["total"], 2);
}

/// Without welcome the first line a client reads is the answer to its
/// request; `hello` still gives the session number.
#[test]
fn no_welcome_answers_first() {
    let server = TestServer::start_with(|c| c.welcome = false);
    let mut one_shot = Conn::connect(server.addr());
    assert_eq!(
        one_shot.call(1, "product.list", json!({})),
        success(1, json!({"products": [], "next": null, "total": 0}))
    );
    let mut other = Conn::connect(server.addr());
    let hello = other.call_ok(1, "hello", json!({"client": "jayson"}));
    assert_eq!(hello["server"], SERVER_NAME);
    assert!(hello["session"].is_u64());
    let sessions = server.handle().sessions();
    assert!(sessions.iter().any(|s| Some(s.id) == hello["session"].as_u64()), "{sessions:?}");
}

/// With a token, every method but `hello` and `quit` gets `1003` until a
/// `hello` carries the right token; a wrong token does not open the session.
#[test]
fn token_is_required_before_other_methods() {
    let server = TestServer::start_with(|c| c.token = Some("s3cret".into()));
    let (mut conn, session) = server.connect_welcomed();
    let add = json!({"product": product("TOK", "t", 1, 1)});
    for (id, method, params) in [
        (1, "product.list", json!({})),
        (2, "product.get", json!(["TOK"])),
        (3, "product.add", add.clone()),
        (4, "product.update", add.clone()),
        (5, "product.delete", json!(["TOK"])),
    ] {
        assert_eq!(error_code(&conn.call(id, method, params), &json!(id)), 1003, "{method}");
    }
    let wrong = conn.call(6, "hello", json!({"client": "x", "token": "guess"}));
    assert_eq!(error_code(&wrong, &json!(6)), 1003);
    assert_eq!(error_code(&conn.call(7, "product.list", json!({})), &json!(7)), 1003);
    let right = conn.call(8, "hello", json!({"client": "x", "token": "s3cret"}));
    assert_eq!(right, success(8, json!({"session": session, "server": SERVER_NAME})));
    assert_eq!(conn.call(9, "product.add", add), success(9, added("TOK", "t", 1, 1)));
    assert_eq!(server.handle().product_count(), 1, "nothing ran before the token");
}

/// The token opens one session only; `quit` works without it.
#[test]
fn token_is_per_session_and_quit_needs_none() {
    let server = TestServer::start_with(|c| c.token = Some("s3cret".into()));
    let (mut opened, _) = server.connect_welcomed();
    opened.call_ok(1, "hello", json!({"client": "a", "token": "s3cret"}));
    let (mut other, _) = server.connect_welcomed();
    assert_eq!(error_code(&other.call(1, "product.list", json!({})), &json!(1)), 1003);
    assert_eq!(other.call(2, "quit", json!([])), success(2, json!({"bye": true})));
    other.expect_closed();
}

/// The binary's `--token` flag (and `--no-welcome`) work the same way.
#[test]
fn binary_token_and_no_welcome_flags() {
    let (_dir, db) = temp_db();
    let db = db.to_str().expect("a UTF-8 temp path");
    let server = ServerProcess::spawn(&["--db", db, "--token", "t0k", "--no-welcome"]);
    let mut conn = Conn::connect(server.addr());
    assert_eq!(error_code(&conn.call(1, "product.list", json!({})), &json!(1)), 1003);
    conn.call_ok(2, "hello", json!({"client": "cli", "token": "t0k"}));
    assert_eq!(conn.call_ok(3, "product.list", json!({}))["total"], 0);
}

/// In sequential mode an idle client is timed out, and the waiting one is served.
#[test]
fn sequential_mode_moves_on_after_an_idle_timeout() {
    let server = TestServer::start_with(|c| {
        c.mode = Mode::Sequential;
        c.idle_timeout = Duration::from_secs(1);
    });
    let (mut idle, _) = server.connect_welcomed();
    let mut waiting = Conn::connect(server.addr());
    idle.expect_goodbye_and_close("idle timeout");
    waiting.expect_welcome();
    waiting.ping();
}

/// The binary's `--max-frame`, `--max-connections` and `--idle-timeout` flags take effect.
#[test]
fn binary_limit_flags() {
    let (_dir, db) = temp_db();
    let db = db.to_str().expect("a UTF-8 temp path");
    let flags = ["--db", db, "--max-frame", "64", "--max-connections", "1", "--idle-timeout", "1"];
    let server = ServerProcess::spawn(&flags);
    let mut first = Conn::connect(server.addr());
    first.expect_welcome();
    Conn::connect(server.addr()).expect_goodbye_and_close("server full");
    first.send_line(&"x".repeat(65));
    assert_eq!(error_code(&first.recv(), &serde_json::Value::Null), -32600);
    first.expect_closed();
    let mut idle = None;
    let freed = lojinha_test_support::wait_until(|| {
        let mut conn = Conn::connect(server.addr());
        let welcomed = conn.recv()["method"] == "welcome";
        idle = welcomed.then_some(conn);
        welcomed
    });
    assert!(freed, "the place was never free");
    idle.expect("a welcomed connection").expect_goodbye_and_close("idle timeout");
}

/// The binary's `--mode sequential` serves one client at a time.
#[test]
fn binary_sequential_flag() {
    let (_dir, db) = temp_db();
    let db = db.to_str().expect("a UTF-8 temp path");
    let server = ServerProcess::spawn(&["--db", db, "--mode", "sequential"]);
    let mut first = Conn::connect(server.addr());
    first.expect_welcome();
    let mut second = Conn::connect(server.addr());
    second.expect_silence(NOT_YET);
    first.call_ok(1, "quit", json!([]));
    second.expect_welcome();
}
