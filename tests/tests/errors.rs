//! Every error code of the protocol: -32700, -32600 (shapes, ids, params,
//! batches), -32601, -32602 with `data.field` for each rule, 1001, 1002,
//! and -32603 when storage fails (the server keeps serving).

use std::process::Command;

use lojinha_test_support::{
    Conn, ServerProcess, added, error_code, error_of, product, request, server_binary, success, temp_db,
};
use lojinha_tests::TestServer;
use serde_json::{Value, json};

/// Invalid JSON gets `-32700` with `id: null`; the connection stays open.
#[test]
fn invalid_json_is_a_parse_error_and_the_connection_stays() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    for garbage in ["{not json", "{\"jsonrpc\":\"2.0\",", "nul", "[1,", "}"] {
        conn.send_line(garbage);
        assert_eq!(error_code(&conn.recv(), &Value::Null), -32700, "{garbage}");
    }
    conn.ping();
}

/// Each malformed request gets `-32600`, with its id when the id is a string
/// or an integer, else `id: null`.
#[test]
fn malformed_requests_are_invalid_with_the_right_id() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let cases = [
        (r#"{"id":1,"method":"product.list"}"#, json!(1)),
        (r#"{"jsonrpc":"1.0","id":2,"method":"product.list"}"#, json!(2)),
        (r#"{"jsonrpc":2.0,"id":"s","method":"product.list"}"#, json!("s")),
        (r#"{"jsonrpc":"2.0","id":3}"#, json!(3)),
        (r#"{"jsonrpc":"2.0","id":4,"method":5}"#, json!(4)),
        (r#"{"jsonrpc":"2.0","id":5,"method":"product.list","params":3}"#, json!(5)),
        (r#"{"jsonrpc":"2.0","id":6,"method":"product.list","params":"x"}"#, json!(6)),
        (r#"{"jsonrpc":"2.0","id":7,"method":"product.list","params":true}"#, json!(7)),
        (r#"{"jsonrpc":"2.0","id":8,"method":"product.list","params":null}"#, json!(8)),
        (r#"{"jsonrpc":"2.0","id":1.5,"method":"product.list"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":[1],"method":"product.list"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":{"a":1},"method":"product.list"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":true,"method":"product.list"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":null,"method":"product.list"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":1.5,"method":"product.list","params":3}"#, Value::Null),
        ("42", Value::Null),
        (r#""a string""#, Value::Null),
        ("null", Value::Null),
    ];
    for (line, id) in cases {
        conn.send_line(line);
        assert_eq!(error_code(&conn.recv(), &id), -32600, "{line}");
    }
    conn.ping();
}

/// `[]` gets one `-32600` error object (not an array) with `id: null`.
#[test]
fn empty_batch_is_one_invalid_request() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send_line("[]");
    let response = conn.recv();
    assert!(response.is_object(), "a single error object, not an array: {response}");
    assert_eq!(error_code(&response, &Value::Null), -32600);
}

/// A batch of 1,001 entries gets one `-32600` and none of its entries runs.
#[test]
fn oversized_batch_is_rejected_whole() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let entries: Vec<Value> = (0..1001)
        .map(|i| request(i, "product.add", json!({"product": product(&format!("B-{i}"), "n", 1, 1)})))
        .collect();
    conn.send_json(&Value::Array(entries));
    let response = conn.recv();
    assert!(response.is_object(), "a single error object: {response}");
    assert_eq!(error_code(&response, &Value::Null), -32600);
    let page = conn.call_ok("after", "product.list", json!({}));
    assert_eq!(page["total"], 0, "no entry of the rejected batch ran");
    assert_eq!(server.handle().product_count(), 0);
}

/// An unknown method gets `-32601` with its id; as a notification it gets nothing.
#[test]
fn unknown_method_is_method_not_found() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let response = conn.call("m", "product.fly", json!({}));
    assert_eq!(error_code(&response, &json!("m")), -32601);
    conn.send_line(r#"{"jsonrpc":"2.0","method":"product.fly","params":{}}"#);
    conn.ping();
}

/// Asserts a call fails with `-32602` naming `field` in `data.field`, with a reason.
fn assert_invalid_field(conn: &mut Conn, method: &str, params: Value, field: &str) {
    let response = conn.call("bad", method, params.clone());
    let error = error_of(&response, &json!("bad"));
    assert_eq!(error["code"], -32602, "{method} {params}: {response}");
    assert_eq!(error["data"]["field"], field, "{method} {params}: {response}");
    assert!(error["data"]["reason"].is_string(), "{response}");
}

/// Every product rule, broken once, gets `-32602` naming its field, in
/// `product.add` and `product.update` alike; nothing is stored.
#[test]
fn each_product_rule_names_its_field() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.call_ok(0, "product.add", json!({"product": product("OK-1", "Valid", 1, 1)}));
    let with = |key: &str, value: Value| {
        let mut p = product("OK-1", "Valid", 1, 1);
        p[key] = value;
        p
    };
    let without = |key: &str| {
        let mut p = product("OK-1", "Valid", 1, 1);
        p.as_object_mut().expect("an object").remove(key);
        p
    };
    let cases = [
        (with("code", json!("")), "code"),
        (with("code", json!("a b")), "code"),
        (with("code", json!("ção")), "code"),
        (with("code", json!("a/b")), "code"),
        (with("code", json!("x".repeat(33))), "code"),
        (with("code", json!(7)), "code"),
        (without("code"), "code"),
        (with("name", json!("")), "name"),
        (with("name", json!("  \t ")), "name"),
        (with("name", json!("ç".repeat(201))), "name"),
        (with("name", json!("a\u{7}b")), "name"),
        (with("name", json!("a\nb")), "name"),
        (with("name", json!("a\u{7f}b")), "name"),
        (with("name", json!("a\u{85}b")), "name"),
        (with("name", json!(5)), "name"),
        (without("name"), "name"),
        (with("price_cents", json!(-1)), "price_cents"),
        (with("price_cents", json!(2.5)), "price_cents"),
        (with("price_cents", json!(250.0)), "price_cents"),
        (with("price_cents", json!(1_000_000_000_001_i64)), "price_cents"),
        (with("price_cents", json!("250")), "price_cents"),
        (without("price_cents"), "price_cents"),
        (with("quantity", json!(-1)), "quantity"),
        (with("quantity", json!(1_000_000_001)), "quantity"),
        (with("quantity", json!("3")), "quantity"),
        (with("quantity", json!(1.5)), "quantity"),
        (with("colour", json!("red")), "colour"),
        (json!("OK-1"), "product"),
        (json!([1]), "product"),
    ];
    for method in ["product.add", "product.update"] {
        for (broken, field) in &cases {
            assert_invalid_field(&mut conn, method, json!({"product": broken}), field);
        }
        assert_invalid_field(&mut conn, method, json!({}), "product");
        assert_invalid_field(&mut conn, method, json!([]), "product");
        assert_invalid_field(&mut conn, method, json!({"item": product("X", "x", 1, 1)}), "item");
    }
    let page = conn.call_ok(1, "product.list", json!({}));
    assert_eq!(page["products"], json!([added("OK-1", "Valid", 1, 1)]), "nothing broken was stored");
}

/// A malformed or missing `code` for get, update's product, or delete gets
/// `-32602` with `data.field = "code"`.
#[test]
fn malformed_codes_are_invalid_params() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    for method in ["product.get", "product.delete"] {
        for params in [json!({"code": "a b"}), json!({"code": ""}), json!({"code": 5}), json!({}), json!([])]
        {
            assert_invalid_field(&mut conn, method, params, "code");
        }
        assert_invalid_field(&mut conn, method, json!({"code": "X", "extra": 1}), "extra");
    }
}

/// `product.list` checks `limit` (1 to 10,000) and `after` (a string).
#[test]
fn list_params_are_checked() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    for limit in [json!(0), json!(10_001), json!(-1), json!("5"), json!(2.5)] {
        assert_invalid_field(&mut conn, "product.list", json!({"limit": limit}), "limit");
    }
    assert_invalid_field(&mut conn, "product.list", json!({"after": 5}), "after");
    assert_invalid_field(&mut conn, "product.list", json!({"page": 1}), "page");
    assert!(conn.call_ok(1, "product.list", json!({"limit": 10_000}))["products"].is_array());
}

/// `hello`'s client name must be 1 to 64 code points without control characters.
#[test]
fn hello_name_is_checked() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    for name in [json!(""), json!("ç".repeat(65)), json!("a\u{1}b"), json!(5)] {
        assert_invalid_field(&mut conn, "hello", json!({"client": name}), "client");
    }
}

/// Getting, updating or deleting a missing product is `1001` with `data.code`.
#[test]
fn missing_products_are_not_found() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let expected = |id: i64| {
        json!({"jsonrpc": "2.0", "id": id, "error":
            {"code": 1001, "message": "product not found", "data": {"code": "NOPE"}}})
    };
    assert_eq!(conn.call(1, "product.get", json!({"code": "NOPE"})), expected(1));
    assert_eq!(conn.call(2, "product.update", json!({"product": product("NOPE", "n", 1, 1)})), expected(2));
    assert_eq!(conn.call(3, "product.delete", json!({"code": "NOPE"})), expected(3));
}

/// Adding a code that exists is `1002` with `data.code`, and the first product stays.
#[test]
fn duplicate_add_is_already_exists() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.call_ok(1, "product.add", json!({"product": product("DUP", "First", 1, 1)}));
    let response = conn.call(2, "product.add", json!({"product": product("DUP", "Second", 2, 2)}));
    let error = error_of(&response, &json!(2));
    assert_eq!((error["code"].clone(), error["data"].clone()), (json!(1002), json!({"code": "DUP"})));
    assert_eq!(conn.call(3, "product.get", json!(["DUP"])), success(3, added("DUP", "First", 1, 1)));
}

/// When SQLite cannot write (here: the file size limit of the process is
/// reached), writes get `-32603`, the server keeps running, reads still work
/// and the catalog shows only what was committed.
#[cfg(target_os = "linux")]
#[test]
fn storage_failure_is_an_internal_error_and_the_server_survives() {
    let (_dir, db) = temp_db();
    // SIGXFSZ ignored (inherited through exec), so a write past the limit fails with EFBIG.
    let script = "trap '' XFSZ; ulimit -f 200; exec \"$0\" --listen 127.0.0.1:0 --db \"$1\"";
    let mut command = Command::new("sh");
    command.arg("-c").arg(script).arg(server_binary()).arg(&db);
    let server = ServerProcess::spawn_command(command).unwrap_or_else(|why| panic!("{why}"));
    let mut conn = Conn::connect(server.addr());
    conn.expect_welcome();
    let name = "n".repeat(200);
    let mut stored = 0;
    let failure = (0..2000).find_map(|i| {
        let code = format!("FILL-{i:05}");
        let response = conn.call(i, "product.add", json!({"product": product(&code, &name, 1, 1)}));
        match response.get("result") {
            Some(_) => {
                stored += 1;
                None
            }
            None => Some((i, response)),
        }
    });
    let (id, response) = failure.expect("the file size limit is reached within 2000 adds");
    assert_eq!(error_code(&response, &json!(id)), -32603, "{response}");
    let page = conn.call_ok("list", "product.list", json!({"limit": 10_000}));
    assert_eq!(page["total"], stored, "only committed writes are in the catalog");
    let first = conn.call_ok("get", "product.get", json!({"code": "FILL-00000"}));
    assert_eq!(first["code"], "FILL-00000");
}

/// Notifications get no answer even when they fail (bad params, unknown
/// method, missing product); a message without a string `method` is not a
/// notification at all and gets `-32600` with `id: null`.
#[test]
fn failing_notifications_get_no_answer() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send_line(r#"{"jsonrpc":"2.0","method":"product.add","params":{"product":{"code":"a b"}}}"#);
    conn.send_line(r#"{"jsonrpc":"2.0","method":"product.get","params":["NOPE"]}"#);
    conn.send_line(r#"{"jsonrpc":"2.0","method":"product.delete","params":{"code":"NOPE"}}"#);
    conn.send_line(r#"{"jsonrpc":"2.0","method":"product.fly"}"#);
    conn.ping();
    conn.send_line(r#"{"jsonrpc":"2.0","method":5}"#);
    assert_eq!(error_code(&conn.recv(), &Value::Null), -32600);
    conn.ping();
}
