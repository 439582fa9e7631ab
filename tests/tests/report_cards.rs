//! Each session's report card, counted by the server where it meets each
//! thing (shown by the app's sessions list, and by the headless server's
//! `sessions` command and "session closed" log line): right requests, and
//! each kind of protocol mistake, over real sockets.

use std::io::Write;

use lojinha_server::protocol::mistake::Mistake;
use lojinha_test_support::{Conn, ServerProcess, wait_until};
use lojinha_tests::TestServer;
use serde_json::json;

/// Every kind of mistake a line can show, once (an unknown method twice,
/// once inside a batch), beside right requests.
const MISTAKES: &str = concat!(
    "isto não é JSON\n",
    "{\"id\":1,\"method\":\"ping\"}\n",
    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"product.fly\"}\n",
    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"product.get\",\"params\":{}}\n",
    "{\"jsonrpc\":\"2.0\",\"method\":\"product.list\"}\n",
    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"hello\",\"params\":{\"client\":\"a\"}}\n",
    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"hello\",\"params\":{\"client\":\"a\"}}\n",
    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"product.get\",\"params\":{\"code\":\"NOPE\"}}\n",
    "[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"nope\"}]\n",
);
/// Lines [`MISTAKES`] is answered with (the one without an `id` gets none).
const ANSWERS: usize = 8;

/// A struggling client's card counts each kind of mistake; a polite
/// client's card has none; answers with application errors (1001) count
/// as right requests.
#[test]
fn every_kind_of_mistake_is_counted() {
    let server = TestServer::start();
    let (mut polite, polite_session) = server.connect_welcomed();
    polite.call_ok(1, "hello", json!({"client": "polite"}));
    polite.call_ok(2, "product.list", json!({}));
    let (mut conn, session) = server.connect_welcomed();
    conn.stream().write_all(MISTAKES.as_bytes()).expect("write");
    for _ in 0..ANSWERS {
        conn.recv_raw();
    }
    let card = |id: u64| server.handle().sessions().into_iter().find(|s| s.id == id).expect("listed").card;
    let card = card(session);
    for (mistake, n) in [
        (Mistake::NotJson, 1),
        (Mistake::InvalidRequest, 1),
        (Mistake::UnknownMethod, 2),
        (Mistake::BadParams, 1),
        (Mistake::NoId, 1),
        (Mistake::HelloAgain, 1),
        (Mistake::NoNewline, 0),
    ] {
        assert_eq!(card.count(mistake), n, "{mistake:?} in {card:?}");
    }
    assert_eq!(card.good, 4, "the two hellos, the 1001 and the batch's ping: {card:?}");
    let polite = server.handle().sessions().into_iter().find(|s| s.id == polite_session).unwrap().card;
    assert_eq!(polite.to_string(), "2 good");
}

/// The headless server says each session's card when it closes, the last
/// line without its `\n` included.
#[test]
fn the_headless_server_says_the_card_when_a_session_closes() {
    let mut command = std::process::Command::new(lojinha_test_support::server_binary());
    command.args(["--listen", "127.0.0.1:0", "--db", ":memory:"]).env("RUST_LOG", "lojinha_server=info");
    let server = ServerProcess::spawn_command(command).expect("the server starts");
    let mut conn = Conn::welcomed(server.addr());
    let mut stream = conn.stream();
    let last = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}";
    stream.write_all(format!("{MISTAKES}{last}").as_bytes()).expect("write");
    stream.shutdown(std::net::Shutdown::Write).expect("close our side");
    for _ in 0..=ANSWERS {
        conn.recv_raw();
    }
    let said = "report card: 5 good, 8 mistakes (1 not JSON, 1 invalid request, 2 unknown method, \
                1 invalid params, 1 request without id, 1 hello again, 1 last line without \\n)";
    assert!(wait_until(|| server.stderr().contains(said)), "{}", server.stderr());
}
