//! Closing with unread input: when the server ends a connection while the
//! client is still sending (after `quit`, after an oversized line, when the
//! server is full), the client still reads the server's last words before
//! the end of the connection.

use lojinha_test_support::{Conn, request, success};
use lojinha_tests::TestServer;
use serde_json::{Value, json};

/// `count` pipelined `product.list` requests, one line each.
fn filler(count: usize) -> Vec<u8> {
    let line = format!("{}\n", request(0, "product.list", json!({"limit": 1})));
    line.repeat(count).into_bytes()
}

/// A client that pipelines a lot after `quit` still gets `{"bye": true}`
/// (none of what follows runs), then the connection ends.
#[test]
fn bye_arrives_even_with_more_pipelined_after_quit() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let mut burst = format!("{}\n", request("q", "quit", json!([]))).into_bytes();
    burst.extend(filler(3000));
    conn.send(&burst);
    assert_eq!(conn.recv(), success("q", json!({"bye": true})));
    conn.expect_closed();
}

/// A client that keeps sending after an oversized line still gets the
/// frame-too-large error before the connection ends.
#[test]
fn frame_error_arrives_even_with_more_pipelined_after_it() {
    let server = TestServer::start_with(|c| c.max_frame = 100);
    let (mut conn, _) = server.connect_welcomed();
    let mut burst = vec![b'x'; 150];
    burst.push(b'\n');
    burst.extend(filler(3000));
    conn.send(&burst);
    let response = conn.recv();
    assert_eq!(response["id"], Value::Null);
    assert_eq!(response["error"]["code"], -32600);
    conn.expect_closed();
}

/// A one-shot client that sends its request right after connecting to a
/// full server still reads `goodbye` "server full".
#[test]
fn server_full_goodbye_arrives_even_when_the_client_spoke_first() {
    let server = TestServer::start_with(|c| c.max_connections = 1);
    let (_occupant, _) = server.connect_welcomed();
    let mut one_shot = Conn::connect(server.addr());
    one_shot.send(&filler(1));
    one_shot.expect_goodbye_and_close("server full");
}
