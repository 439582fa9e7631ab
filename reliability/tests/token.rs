//! Who gets in: with a token set, every method but `hello`, `quit` and `ping` needs
//! `hello` with the right token first (error 1003 otherwise).

use lojinha_server::ServerConfig;
use lojinha_test_support::{Conn, ServerProcess, memory_config, product, request, start_server};
use serde_json::{Value, json};

const TOKEN: &str = "s3cret-token";

fn code_of(answer: &Value) -> i64 {
    answer["error"]["code"].as_i64().unwrap_or(0)
}

/// Every guarded method, as a request line.
fn guarded_calls() -> Vec<String> {
    vec![
        request(1, "product.list", json!({})).to_string(),
        request(2, "product.get", json!({"code": "A"})).to_string(),
        request(3, "product.add", json!({"product": product("A", "a", 1, 1)})).to_string(),
        request(4, "product.update", json!({"product": product("A", "a", 1, 1)})).to_string(),
        request(5, "product.delete", json!({"code": "A"})).to_string(),
    ]
}

fn assert_locked_out(conn: &mut Conn, when: &str) {
    for line in guarded_calls() {
        conn.send_line(&line);
        let answer = conn.read_reply().expect("an answer");
        assert_eq!(code_of(&answer), 1003, "{when}: {line} -> {answer}");
    }
    let batch =
        format!("[{},{}]", request(10, "product.list", json!({})), request(11, "product.get", json!(["A"])));
    conn.send_line(&batch);
    let answers = conn.read_reply().expect("a batch answer");
    assert!(answers.as_array().unwrap().iter().all(|a| code_of(a) == 1003), "{when}: batch -> {answers}");
}

fn token_server() -> lojinha_server::ServerHandle {
    start_server(ServerConfig { token: Some(TOKEN.into()), ..memory_config() })
}

/// No hello, hello without a token, or with a wrong one: every guarded method gets 1003 and nothing is written.
#[test]
fn without_the_right_token_everything_but_hello_and_quit_is_refused() {
    let server = token_server();
    let mut conn = Conn::welcomed(server.local_addr());
    assert_locked_out(&mut conn, "no hello");
    let answer = conn.call_reply(20, "hello", json!({"client": "intruder"}));
    assert_eq!(code_of(&answer), 1003, "hello without token: {answer}");
    assert_locked_out(&mut conn, "hello without token");
    // One guess per connection: a few wrong ones in a row close it (tests/hostile_clients.rs).
    for wrong in ["", "s3cret-toke", "s3cret-token2", "S3CRET-TOKEN", &"s".repeat(256)] {
        let mut guesser = Conn::welcomed(server.local_addr());
        let answer = guesser.call_reply(21, "hello", json!({"client": "intruder", "token": wrong}));
        assert_eq!(code_of(&answer), 1003, "wrong token {wrong:?}: {answer}");
        assert_locked_out(&mut guesser, "wrong token");
    }
    assert_eq!(conn.call_reply(22, "quit", json!([]))["result"]["bye"], true);
    assert!(conn.closed_by_server());
    assert_eq!(server.product_count(), 0, "nothing was written");
}

/// The right token opens every method for that session only; other sessions stay locked.
#[test]
fn the_right_token_opens_the_session() {
    let server = token_server();
    let mut conn = Conn::welcomed(server.local_addr());
    let hello = conn.call_reply(1, "hello", json!({"client": "owner", "token": TOKEN}));
    assert!(hello["result"]["session"].is_u64(), "{hello}");
    let added = conn.call_reply(2, "product.add", json!({"product": product("A", "a", 1, 1)}));
    assert_eq!(added["result"]["code"], "A", "{added}");
    assert_eq!(conn.call_reply(3, "product.get", json!(["A"]))["result"]["code"], "A");
    let mut other = Conn::welcomed(server.local_addr());
    assert_locked_out(&mut other, "another session");
    assert_eq!(server.product_count(), 1);
}

/// `quit` works without a token, also as a notification.
#[test]
fn quit_needs_no_token() {
    let server = token_server();
    let mut conn = Conn::welcomed(server.local_addr());
    assert_eq!(conn.call_reply("q", "quit", json!([]))["result"]["bye"], true);
    assert!(conn.closed_by_server());
    let mut silent = Conn::welcomed(server.local_addr());
    silent.send_line(r#"{"jsonrpc":"2.0","method":"quit"}"#);
    assert!(silent.closed_by_server());
}

/// The binary takes the token from `--token`: the same rules hold over its socket.
#[test]
fn binary_token_flag() {
    let server = ServerProcess::spawn(&["--db", ":memory:", "--token", TOKEN]);
    let mut conn = Conn::welcomed(server.addr());
    assert_eq!(code_of(&conn.call_reply(1, "product.list", json!({}))), 1003);
    assert_eq!(code_of(&conn.call_reply(2, "hello", json!({"client": "x", "token": "nope"}))), 1003);
    assert!(conn.call_reply(3, "hello", json!({"client": "x", "token": TOKEN}))["result"].is_object());
    assert_eq!(conn.call_reply(4, "product.list", json!({}))["result"]["total"], 0);
}
