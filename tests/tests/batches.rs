//! Batches: an array of requests gets an array of responses, notifications
//! in it get none, a batch of only notifications gets nothing at all, up to
//! 1,000 entries, and `quit` inside a batch ends the connection.

use lojinha_server::client::{Reply, Response};
use lojinha_test_support::{added, error_code, notification, product, request, success};
use lojinha_tests::TestServer;
use serde_json::{Value, json};

/// The responses of a batch, sorted by id text (JSON-RPC lets a batch answer in any order).
fn by_id(response: &Value) -> Vec<Value> {
    let mut entries = response.as_array().unwrap_or_else(|| panic!("a batch response: {response}")).clone();
    entries.sort_by_key(|entry| entry["id"].to_string());
    entries
}

/// A batch mixing requests, notifications, an invalid entry and an unknown
/// method gets one array with a response for each entry that has an id
/// (the invalid one with `id: null`) and none for the notifications.
#[test]
fn mixed_batch_answers_every_request_and_no_notification() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let batch = json!([
        request(1, "product.add", json!({"product": product("BAT-1", "One", 1, 1)})),
        notification("product.add", json!({"product": product("BAT-2", "Two", 2, 2)})),
        request("get", "product.get", json!(["BAT-2"])),
        42,
        request(5, "product.fly", json!({})),
        notification("product.fly", json!({})),
        request(6, "product.get", json!({"code": "a b"})),
    ]);
    conn.send_json(&batch);
    let responses = by_id(&conn.recv());
    assert_eq!(responses.len(), 5, "{responses:?}");
    let find = |id: Value| responses.iter().find(|r| r["id"] == id).cloned().expect("a response");
    assert_eq!(find(json!(1)), success(1, added("BAT-1", "One", 1, 1)));
    assert_eq!(find(json!("get")), success("get", added("BAT-2", "Two", 2, 2)));
    assert_eq!(error_code(&find(Value::Null), &Value::Null), -32600);
    assert_eq!(error_code(&find(json!(5)), &json!(5)), -32601);
    assert_eq!(error_code(&find(json!(6)), &json!(6)), -32602);
}

/// A batch of only notifications gets nothing at all, yet its writes run.
#[test]
fn all_notification_batch_gets_nothing() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let batch = json!([
        notification("product.add", json!({"product": product("N-1", "n", 1, 1)})),
        notification("product.add", json!([product("N-2", "n", 1, 1)])),
        notification("product.list", json!({})),
    ]);
    conn.send_json(&batch);
    conn.ping();
    assert_eq!(conn.call_ok(1, "product.list", json!({}))["total"], 2);
}

/// Entries that are not objects each get `-32600` with `id: null` in the array.
#[test]
fn batch_of_non_objects_gets_an_error_each() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send_line("[1,\"x\",[],null]");
    let response = conn.recv();
    let entries = response.as_array().expect("an array of errors");
    assert_eq!(entries.len(), 4);
    for entry in entries {
        assert_eq!(error_code(entry, &Value::Null), -32600);
    }
}

/// A batch of exactly 1,000 requests is served in full.
#[test]
fn batch_of_1000_is_served() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let entries: Vec<Value> = (0..1000)
        .map(|i| request(i, "product.add", json!({"product": product(&format!("K-{i:04}"), "k", i, 0)})))
        .collect();
    conn.send_json(&Value::Array(entries));
    let responses = conn.recv();
    let responses = responses.as_array().expect("an array");
    assert_eq!(responses.len(), 1000);
    assert!(responses.iter().all(|r| r.get("result").is_some()));
    assert_eq!(server.handle().product_count(), 1000);
}

/// Named and positional params mix freely inside one batch.
#[test]
fn batch_entries_take_named_or_positional_params() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let batch = json!([
        request(1, "product.add", json!([product("MIX", "m", 1, 1)])),
        request(2, "product.get", json!({"code": "MIX"})),
        request(3, "product.get", json!(["MIX"])),
    ]);
    conn.send_json(&batch);
    let responses = by_id(&conn.recv());
    let expected = added("MIX", "m", 1, 1);
    assert_eq!(
        responses,
        vec![success(1, expected.clone()), success(2, expected.clone()), success(3, expected)]
    );
}

/// `quit` inside a batch: entries before it are answered, the batch answer
/// holds `{"bye": true}`, nothing after it runs, and the connection closes.
#[test]
fn quit_inside_a_batch_ends_the_connection() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let batch = json!([
        request(1, "product.add", json!({"product": product("BEFORE", "b", 1, 1)})),
        request(2, "quit", json!([])),
        request(3, "product.add", json!({"product": product("AFTER", "a", 1, 1)})),
    ]);
    conn.send_json(&batch);
    conn.send_json(&request(4, "product.add", json!({"product": product("LATER", "l", 1, 1)})));
    let responses = conn.recv();
    let entries = responses.as_array().expect("an array");
    assert!(entries.contains(&success(1, added("BEFORE", "b", 1, 1))), "{responses}");
    assert!(entries.contains(&success(2, json!({"bye": true}))), "{responses}");
    assert!(!entries.iter().any(|e| e["id"] == 3), "nothing after quit runs: {responses}");
    conn.expect_closed();
    let (mut other, _) = server.connect_welcomed();
    for code in ["AFTER", "LATER"] {
        assert_eq!(error_code(&other.call(1, "product.get", json!([code])), &json!(1)), 1001, "{code}");
    }
}

/// The library sends a batch and receives one batch reply with every id.
#[test]
fn client_library_batch() {
    let server = TestServer::start();
    let mut client = server.client();
    let ids = client
        .send_batch(&[
            ("product.add", json!({"product": product("CB-1", "c", 1, 1)})),
            ("product.get", json!({"code": "CB-1"})),
            ("product.get", json!({"code": "CB-2"})),
        ])
        .expect("the batch is sent");
    let Reply::Batch(responses) = client.recv_reply().expect("a reply") else { panic!("expected a batch") };
    let mut answered: Vec<Value> = responses.iter().map(|r: &Response| r.id.clone()).collect();
    answered.sort_by_key(Value::to_string);
    let mut sent = ids.clone();
    sent.sort_by_key(Value::to_string);
    assert_eq!(answered, sent);
    let missing = responses.iter().find(|r| r.id == ids[2]).expect("the third answer");
    assert_eq!(missing.result.as_ref().expect_err("not found").code, 1001);
}
