//! Line framing on the wire: the frame limit (exactly at it is served, one
//! byte over is refused and the connection closed), empty and blank lines,
//! CRLF, invalid UTF-8, messages split across writes, and pipelining.

use lojinha_server::server::ServerEvent;
use lojinha_test_support::{added, error_code, error_of, product, request, success};
use lojinha_tests::TestServer;
use serde_json::{Value, json};

const LIMIT: usize = 200;

/// A `product.list` request padded with spaces to exactly `len` bytes.
fn request_of_len(id: u64, len: usize) -> String {
    let head = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"product.list","params":{{}}"#);
    assert!(head.len() < len);
    format!("{head}{}}}", " ".repeat(len - head.len() - 1))
}

/// A line exactly at the frame limit is served, with `\n` or `\r\n`.
#[test]
fn a_line_at_the_limit_is_served() {
    let server = TestServer::start_with(|c| c.max_frame = LIMIT);
    let (mut conn, _) = server.connect_welcomed();
    conn.send(format!("{}\n", request_of_len(1, LIMIT)).as_bytes());
    assert_eq!(conn.recv()["id"], 1);
    conn.send(format!("{}\r\n", request_of_len(2, LIMIT)).as_bytes());
    assert_eq!(conn.recv()["id"], 2);
}

/// A line one byte over the limit gets `-32600` saying the frame is too
/// large, with `id: null`, and then the connection closes.
#[test]
fn a_line_one_byte_over_is_refused_and_closes() {
    let server = TestServer::start_with(|c| c.max_frame = LIMIT);
    let (mut conn, _) = server.connect_welcomed();
    conn.send(format!("{}\n", request_of_len(1, LIMIT + 1)).as_bytes());
    let response = conn.recv();
    let error = error_of(&response, &Value::Null);
    assert_eq!(error["code"], -32600);
    assert!(error["message"].as_str().unwrap_or_default().contains("too large"), "{response}");
    conn.expect_closed();
}

/// A line far over the limit (many reads long) gets the same refusal.
#[test]
fn a_line_far_over_the_limit_is_refused() {
    let server = TestServer::start_with(|c| c.max_frame = LIMIT);
    let (mut conn, _) = server.connect_welcomed();
    conn.send(&vec![b'x'; LIMIT * 50]);
    conn.send(b"\n");
    let response = conn.recv();
    assert_eq!(error_code(&response, &Value::Null), -32600);
    conn.expect_closed();
}

/// A line exactly at the limit whose `\r` and `\n` arrive in separate reads
/// is still served (the limit excludes the line ending).
#[test]
fn a_line_at_the_limit_with_a_late_newline_is_served() {
    let server = TestServer::start_with(|c| {
        c.max_frame = LIMIT;
        c.event_capacity = 10_000;
        c.report_reads = true;
    });
    let events = server.events();
    let (mut conn, session) = server.connect_welcomed();
    conn.send(format!("{}\r", request_of_len(1, LIMIT)).as_bytes());
    let mut received = 0;
    while received < LIMIT + 1 {
        let read =
            events.find("a read", |e| matches!(e, ServerEvent::Read { session: s, .. } if *s == session));
        if let ServerEvent::Read { bytes, .. } = read {
            received += bytes;
        }
    }
    conn.send(b"\n");
    assert_eq!(conn.recv()["id"], 1);
}

/// Empty lines, whitespace-only lines and CRLF lines are ignored: the next
/// line read answers the request after them.
#[test]
fn empty_and_blank_lines_are_ignored() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send(b"\n\n   \n\t\r\n\r\n \t \n");
    conn.send_json(&request(1, "product.list", json!({})));
    assert_eq!(conn.recv()["id"], 1, "blank lines got no answer");
}

/// A request ending in `\r\n` is served like one ending in `\n`.
#[test]
fn crlf_line_endings_are_accepted() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"product.add\",\"params\":{\"product\":{\"code\":\"CR\",\"name\":\"x\",\"price_cents\":1}}}\r\n");
    assert_eq!(conn.recv(), success(1, added("CR", "x", 1, 0)));
    conn.send(b"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"product.get\",\"params\":[\"CR\"]}\r\n");
    assert_eq!(conn.recv(), success(2, added("CR", "x", 1, 0)));
}

/// Bytes that are not UTF-8 get `-32700` with `id: null`; the next line is read normally.
#[test]
fn invalid_utf8_is_a_parse_error_and_the_next_line_works() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"product.get\",\"params\":[\"\xff\xfe\"]}\n");
    assert_eq!(error_code(&conn.recv(), &Value::Null), -32700);
    conn.send(b"\xc3\x28\n");
    assert_eq!(error_code(&conn.recv(), &Value::Null), -32700);
    conn.send_json(&request(2, "product.list", json!({})));
    assert_eq!(conn.recv()["id"], 2);
}

/// A request sent one byte at a time is served once its newline arrives.
#[test]
fn a_request_split_into_single_bytes_is_served() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let line = format!("{}\n", request("split", "product.list", json!({"limit": 3})));
    for byte in line.as_bytes() {
        conn.send(std::slice::from_ref(byte));
    }
    assert_eq!(conn.recv()["id"], "split");
}

/// Many requests sent in one write before reading anything are all
/// answered, one line each, in request order.
#[test]
fn pipelined_requests_are_answered_in_order() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let mut burst = String::new();
    for i in 0..300 {
        let line = match i % 3 {
            0 => request(i, "product.add", json!({"product": product(&format!("PIPE-{i:03}"), "p", i, 0)})),
            1 => request(i, "product.get", json!([format!("PIPE-{:03}", i - 1)])),
            _ => request(i, "product.list", json!({"limit": 1})),
        };
        burst.push_str(&line.to_string());
        burst.push('\n');
    }
    conn.send(burst.as_bytes());
    for i in 0..300 {
        let response = conn.recv();
        assert_eq!(response["id"], i, "responses come in request order");
        assert!(response.get("result").is_some(), "{response}");
        if i % 3 == 1 {
            assert_eq!(
                response["result"]["code"],
                format!("PIPE-{:03}", i - 1),
                "a read sees the write before it"
            );
        }
    }
}

/// The library pipelines too: results come back matched to the calls.
#[test]
fn client_pipeline_returns_results_in_order() {
    let server = TestServer::start();
    let mut client = server.client();
    let calls: Vec<(&str, Value)> = (0..50)
        .map(|i| ("product.add", json!({"product": product(&format!("CP-{i:02}"), "c", i, i)})))
        .collect();
    let results = client.pipeline(&calls).expect("the pipeline");
    for (i, result) in results.into_iter().enumerate() {
        assert_eq!(result.expect("added")["code"], format!("CP-{i:02}"));
    }
}

/// A line with the request and extra bytes after the closing brace on the
/// same line is one invalid message, not two.
#[test]
fn one_line_is_one_message() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send_line(r#"{"jsonrpc":"2.0","id":1,"method":"product.list"} {"jsonrpc":"2.0","id":2,"method":"product.list"}"#);
    assert_eq!(error_code(&conn.recv(), &Value::Null), -32700);
    conn.ping();
}

/// Responses are one compact line each, even when a string holds a line separator.
#[test]
fn responses_are_single_compact_lines() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.call_ok(1, "product.add", json!({"product": product("ML", "line\u{2028}sep", 1, 1)}));
    conn.send_json(&request(2, "product.get", json!(["ML"])));
    let raw = conn.recv_raw();
    let text = String::from_utf8(raw).expect("UTF-8");
    assert!(!text.contains('\n') && !text.contains('\r'));
    assert_eq!(
        serde_json::from_str::<Value>(&text).expect("JSON"),
        success(2, added("ML", "line\u{2028}sep", 1, 1))
    );
}

/// A line already over the limit is refused without waiting for its newline
/// (a client that sends a huge blob and waits still gets its answer).
#[test]
fn an_unterminated_line_over_the_limit_is_refused() {
    let server = TestServer::start_with(|c| c.max_frame = LIMIT);
    let (mut conn, _) = server.connect_welcomed();
    conn.send(&vec![b'x'; LIMIT * 3]);
    let response = conn.recv();
    assert_eq!(error_code(&response, &Value::Null), -32600);
    conn.expect_closed();
}

/// One byte over the limit (and not a `\r`) is already too large, newline or not.
#[test]
fn one_unterminated_byte_over_the_limit_is_refused() {
    let server = TestServer::start_with(|c| c.max_frame = LIMIT);
    let (mut conn, _) = server.connect_welcomed();
    conn.send(&vec![b'x'; LIMIT + 1]);
    let response = conn.recv();
    assert_eq!(error_code(&response, &Value::Null), -32600);
    conn.expect_closed();
}

/// A one-shot client that sends its requests and closes its sending side
/// (`printf ... | nc`) still gets every answer before the server closes.
#[test]
fn requests_before_a_half_close_are_all_answered() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send_json(&request(1, "product.add", json!({"product": product("HC", "h", 1, 1)})));
    conn.send_json(&request(2, "product.get", json!(["HC"])));
    conn.send_json(&request(3, "product.list", json!({})));
    conn.finish_sending();
    assert_eq!(conn.recv(), success(1, added("HC", "h", 1, 1)));
    assert_eq!(conn.recv(), success(2, added("HC", "h", 1, 1)));
    assert_eq!(conn.recv()["id"], 3);
    conn.expect_closed();
}

/// Deeply nested JSON is a parse error, not a crash; the connection goes on.
#[test]
fn deeply_nested_json_is_a_parse_error() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send_line(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    assert_eq!(error_code(&conn.recv(), &Value::Null), -32700);
    conn.send_line(&format!("{{\"a\":{}1{}}}", "{\"a\":".repeat(50_000), "}".repeat(50_000)));
    assert_eq!(error_code(&conn.recv(), &Value::Null), -32700);
    conn.ping();
}
