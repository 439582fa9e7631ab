//! The end-to-end bad-input corpus: well over a hundred hostile or broken
//! messages, each sent on its own connection to a real server while another
//! session works normally. Every bad message gets exactly the answer the
//! protocol promises; the working session never sees an error it did not
//! cause; the server stays up.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use lojinha_server::server::DEFAULT_MAX_FRAME;
use lojinha_server::{Client, ClientOptions, Product};
use lojinha_test_support::{Conn, config_with_db, product, request, start_server, temp_db};
use serde_json::{Value, json};

/// What the server must send back for one line of a case.
#[derive(Debug, Clone)]
enum Want {
    /// An error with this code and this id.
    Error(i64, Value),
    /// `-32602` naming this field, for the request with id 1.
    Field(&'static str),
    /// A success for this id.
    Success(Value),
    /// A batch answer of this many `-32600` errors with `id: null`.
    InvalidBatch(usize),
    /// The frame-too-large error, or a connection already closed or reset.
    TooLargeOrReset,
    /// The server closes the connection here (nothing more is answered).
    Closed,
}

struct Case {
    name: String,
    bytes: Vec<u8>,
    wants: Vec<Want>,
}

fn case(name: impl Into<String>, bytes: impl Into<Vec<u8>>, wants: Vec<Want>) -> Case {
    let mut bytes = bytes.into();
    if !bytes.ends_with(b"\n") {
        bytes.push(b'\n');
    }
    Case { name: name.into(), bytes, wants }
}

fn parse_error() -> Want {
    Want::Error(-32700, Value::Null)
}

fn invalid(id: Value) -> Want {
    Want::Error(-32600, id)
}

fn add_line(product: Value) -> String {
    request(1, "product.add", json!({ "product": product })).to_string()
}

fn good_product() -> Value {
    product("BAD-1", "Caneta", 250, 4)
}

/// Truncated JSON: every proper prefix of a valid request is a parse error.
fn truncated() -> Vec<Case> {
    let full = add_line(good_product());
    let cuts = [1, 2, 5, 10, 17, 25, 33, 40, 52, 60, 75, full.len() - 1];
    cuts.iter()
        .map(|&n| case(format!("truncated at {n}"), &full.as_bytes()[..n], vec![parse_error()]))
        .collect()
}

/// Bytes that are not UTF-8, in and out of strings.
fn invalid_utf8() -> Vec<Case> {
    let bad: [&[u8]; 8] = [
        b"\xff",
        b"\xfe\xff",
        b"\xc0\x80",
        b"\xed\xa0\x80",
        b"\xe2\x82",
        b"\xf8\x88\x80\x80\x80",
        b"\x80abc",
        b"caf\xe9",
    ];
    let mut cases = Vec::new();
    for (i, seq) in bad.iter().enumerate() {
        let mut in_name =
            br#"{"jsonrpc":"2.0","id":1,"method":"product.add","params":{"product":{"code":"U","name":""#
                .to_vec();
        in_name.extend_from_slice(seq);
        in_name.extend_from_slice(br#"","price_cents":1}}}"#);
        cases.push(case(format!("invalid UTF-8 #{i} in a string"), in_name, vec![parse_error()]));
        let mut bare = seq.to_vec();
        bare.extend_from_slice(b"{}");
        cases.push(case(format!("invalid UTF-8 #{i} outside strings"), bare, vec![parse_error()]));
    }
    cases
}

/// Numbers too big, negative, fractional or exponent-shaped.
fn huge_numbers() -> Vec<Case> {
    let with_price = |price: &str| {
        format!(
            r#"{{"jsonrpc":"2.0","id":1,"method":"product.add","params":{{"product":{{"code":"N","name":"n","price_cents":{price}}}}}}}"#
        )
    };
    let mut cases: Vec<Case> = [
        "1000000000001",
        "99999999999999999999999",
        "-1",
        "2.5",
        "1e3",
        "1e308",
        "-0.0",
        "9223372036854775808",
    ]
    .iter()
    .map(|p| case(format!("price {p}"), with_price(p), vec![Want::Field("price_cents")]))
    .collect();
    cases.push(case("price 1e400 (out of f64 range)", with_price("1e400"), vec![parse_error()]));
    cases.push(case("a number of 100,000 digits", with_price(&"9".repeat(100_000)), vec![parse_error()]));
    cases.push(case(
        "id u64::MAX + 1",
        r#"{"jsonrpc":"2.0","id":18446744073709551616,"method":"quit"}"#,
        vec![invalid(Value::Null)],
    ));
    cases.push(case(
        "id 1.0",
        r#"{"jsonrpc":"2.0","id":1.0,"method":"product.list"}"#,
        vec![invalid(Value::Null)],
    ));
    cases.push(case(
        "id -5 is echoed",
        r#"{"jsonrpc":"2.0","id":-5,"method":"product.list","params":{"limit":1}}"#,
        vec![Want::Success(json!(-5))],
    ));
    cases.push(case(
        "id u64::MAX is echoed",
        request(u64::MAX, "product.list", json!({"limit": 1})).to_string(),
        vec![Want::Success(json!(u64::MAX))],
    ));
    cases.push(case(
        "quantity 1e9 + 1",
        add_line(product("N", "n", 1, 1_000_000_001)),
        vec![Want::Field("quantity")],
    ));
    cases.push(case(
        "limit 10001",
        request(1, "product.list", json!({"limit": 10_001})).to_string(),
        vec![Want::Field("limit")],
    ));
    cases.push(case(
        "limit -1",
        request(1, "product.list", json!({"limit": -1})).to_string(),
        vec![Want::Field("limit")],
    ));
    cases
}

/// Nesting deeper than any parser stack should take.
fn deep_nesting() -> Vec<Case> {
    let nest = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let mut cases = Vec::new();
    for depth in [200, 1_000, 100_000, 500_000] {
        cases.push(case(format!("[[[…]]] {depth} deep"), nest(depth), vec![parse_error()]));
        let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        if objects.len() <= DEFAULT_MAX_FRAME {
            cases.push(case(format!("{{\"a\":…}} {depth} deep"), objects, vec![parse_error()]));
        }
    }
    let in_params =
        format!(r#"{{"jsonrpc":"2.0","id":1,"method":"product.get","params":{{"code":{}}}}}"#, nest(120));
    cases.push(case("params 120 deep", in_params, vec![Want::Field("code")]));
    let unclosed = "[".repeat(1_000_000);
    cases.push(case("a million unclosed [", unclosed, vec![parse_error()]));
    cases
}

/// Every field of the envelope and of every method's params, with each wrong type.
fn wrong_types() -> Vec<Case> {
    let wrong = [json!(null), json!(true), json!(7), json!(1.5), json!("s"), json!([]), json!({})];
    let mut cases = Vec::new();
    for value in &wrong {
        if value != &json!("2.0") {
            let line = json!({"jsonrpc": value, "id": 1, "method": "product.list"}).to_string();
            cases.push(case(format!("jsonrpc = {value}"), line, vec![invalid(json!(1))]));
        }
        if !value.is_string() {
            let line = json!({"jsonrpc": "2.0", "id": 1, "method": value}).to_string();
            cases.push(case(format!("method = {value}"), line, vec![invalid(json!(1))]));
        }
        if !(value.is_string() || value.is_i64()) {
            let line = json!({"jsonrpc": "2.0", "id": value, "method": "product.list"}).to_string();
            cases.push(case(format!("id = {value}"), line, vec![invalid(Value::Null)]));
        }
        if !(value.is_array() || value.is_object()) {
            let line =
                json!({"jsonrpc": "2.0", "id": 1, "method": "product.list", "params": value}).to_string();
            cases.push(case(format!("params = {value}"), line, vec![invalid(json!(1))]));
        }
    }
    for field in ["code", "name", "price_cents", "quantity"] {
        let numeric = matches!(field, "price_cents" | "quantity");
        for value in wrong.iter().filter(|v| if numeric { !v.is_i64() } else { !v.is_string() }) {
            let mut bad = good_product();
            bad[field] = value.clone();
            cases.push(case(
                format!("product.{field} = {value}"),
                add_line(bad.clone()),
                vec![Want::Field(field)],
            ));
            let update = request(1, "product.update", json!({ "product": bad })).to_string();
            cases.push(case(format!("update product.{field} = {value}"), update, vec![Want::Field(field)]));
        }
    }
    for value in wrong.iter().filter(|v| !v.is_object()) {
        cases.push(case(format!("product = {value}"), add_line(value.clone()), vec![Want::Field("product")]));
    }
    for value in wrong.iter().filter(|v| !v.is_string()) {
        for method in ["product.get", "product.delete"] {
            let line = request(1, method, json!({ "code": value })).to_string();
            cases.push(case(format!("{method} code = {value}"), line, vec![Want::Field("code")]));
        }
        let list = request(1, "product.list", json!({ "after": value })).to_string();
        if !value.is_null() {
            cases.push(case(format!("list after = {value}"), list, vec![Want::Field("after")]));
            let hello = request(1, "hello", json!({ "client": value })).to_string();
            cases.push(case(format!("hello client = {value}"), hello, vec![Want::Field("client")]));
        }
    }
    cases.push(case(
        "unknown product field",
        add_line(json!({"code":"X","name":"n","price_cents":1,"colour":"red"})),
        vec![Want::Field("colour")],
    ));
    cases.push(case(
        "unknown param",
        request(1, "product.get", json!({"code":"X","sql":"DROP TABLE products"})).to_string(),
        vec![Want::Field("sql")],
    ));
    cases.push(case(
        "too many positional params",
        request(1, "product.get", json!(["A", "B"])).to_string(),
        vec![Want::Field("params")],
    ));
    cases.push(case(
        "quit with params",
        request(1, "quit", json!({"now": true})).to_string(),
        vec![Want::Field("now")],
    ));
    cases
}

/// Strings over their limits, and control characters where none may be.
fn oversized_and_control() -> Vec<Case> {
    let mut cases = vec![
        case("name of 201 chars", add_line(product("L", &"ç".repeat(201), 1, 1)), vec![Want::Field("name")]),
        case(
            "name of 100,000 chars",
            add_line(product("L", &"n".repeat(100_000), 1, 1)),
            vec![Want::Field("name")],
        ),
        case("code of 33 chars", add_line(product(&"C".repeat(33), "n", 1, 1)), vec![Want::Field("code")]),
        case(
            "get code of 10,000 chars",
            request(1, "product.get", json!({"code": "C".repeat(10_000)})).to_string(),
            vec![Want::Field("code")],
        ),
        case(
            "client of 65 chars",
            request(1, "hello", json!({"client": "w".repeat(65)})).to_string(),
            vec![Want::Field("client")],
        ),
        case(
            "token of 257 bytes",
            request(1, "hello", json!({"client": "t", "token": "k".repeat(257)})).to_string(),
            vec![Want::Field("token")],
        ),
        case(
            "method name of 100,000 chars",
            request(1, &"m".repeat(100_000), json!({})).to_string(),
            vec![Want::Error(-32601, json!(1))],
        ),
        case(
            "id string of 100,000 chars",
            request("i".repeat(100_000), "nope", json!({})).to_string(),
            vec![Want::Error(-32601, json!("i".repeat(100_000)))],
        ),
    ];
    for c in ['\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\n', '\r', '\t'] {
        let name = format!("a{c}b");
        cases.push(case(
            format!("name with U+{:04X}", c as u32),
            add_line(product("K", &name, 1, 1)),
            vec![Want::Field("name")],
        ));
        cases.push(case(
            format!("client with U+{:04X}", c as u32),
            request(1, "hello", json!({"client": name})).to_string(),
            vec![Want::Field("client")],
        ));
        cases.push(case(
            format!("code with U+{:04X}", c as u32),
            request(1, "product.get", json!({"code": format!("A{c}")})).to_string(),
            vec![Want::Field("code")],
        ));
    }
    let raw_control =
        b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"product.get\",\"params\":{\"code\":\"A\x01B\"}}"
            .to_vec();
    cases.push(case("raw control byte inside a string", raw_control, vec![parse_error()]));
    cases
}

/// NUL bytes, batches, line-limit edges and CRLF mixes.
fn framing_and_batches() -> Vec<Case> {
    let get = |id: i64| request(id, "product.list", json!({"limit": 1})).to_string();
    let mut cases = vec![
        case("a lone NUL", b"\0".to_vec(), vec![parse_error()]),
        case("NULs only", vec![0u8; 4096], vec![parse_error()]),
        case("NUL before JSON", [b"\0".as_slice(), get(1).as_bytes()].concat(), vec![parse_error()]),
        case("NUL after JSON", [get(1).as_bytes(), b"\0"].concat(), vec![parse_error()]),
        case("empty batch", "[]", vec![invalid(Value::Null)]),
        case("batch of non-requests", "[1,2,3]", vec![Want::InvalidBatch(3)]),
        case("1,001-entry batch", format!("[{}]", vec![get(1); 1001].join(",")), vec![invalid(Value::Null)]),
        case(
            "10,000-entry batch of deletes",
            {
                let entries: Vec<String> = (0..10_000)
                    .map(|i| request(i, "product.delete", json!([format!("HONEST-{i}")])).to_string())
                    .collect();
                format!("[{}]", entries.join(","))
            },
            vec![invalid(Value::Null)],
        ),
        case(
            "10,000-entry batch of adds, over the frame limit",
            {
                let entries: Vec<String> =
                    (0..10_000).map(|i| add_line(product(&format!("B{i}"), "n", 1, 1))).collect();
                format!("[{}]", entries.join(","))
            },
            vec![Want::Error(-32600, Value::Null), Want::Closed],
        ),
        case(
            "10,000 nulls batch",
            format!("[{}]", vec!["null"; 10_000].join(",")),
            vec![invalid(Value::Null)],
        ),
        case(
            "batch of only notifications",
            format!("[{0},{0}]", json!({"jsonrpc":"2.0","method":"product.list"})),
            vec![],
        ),
        case(
            "CRLF, LF, CR CR LF, blank CRLFs",
            format!("{}\r\n{}\n{}\r\r\n\r\n\r\n  \r\n", get(1), get(2), get(3)),
            vec![Want::Success(json!(1)), Want::Success(json!(2)), Want::Success(json!(3))],
        ),
        case(
            "LF CR",
            format!("{}\n\r{}\n", get(1), get(2)),
            vec![Want::Success(json!(1)), Want::Success(json!(2))],
        ),
        case("CR in the middle", format!("{}\r{}\n", get(1), get(2)), vec![parse_error()]),
        case("only whitespace lines", " \t \r\n\r\n\t\n", vec![]),
        case("a string, not a request", "\"product.list\"", vec![invalid(Value::Null)]),
        case("two values on one line", format!("{} {}", get(1), get(2)), vec![parse_error()]),
        case("JSON-RPC 1.0", r#"{"id":1,"method":"product.list","params":[]}"#, vec![invalid(json!(1))]),
        case(
            "unknown method",
            request(1, "server.shutdown", json!({})).to_string(),
            vec![Want::Error(-32601, json!(1))],
        ),
        case(
            "after quit nothing runs",
            format!("{}\n{}\n", request(1, "quit", json!([])), add_line(good_product())),
            vec![Want::Success(json!(1)), Want::Closed],
        ),
    ];
    let padded = |total: usize, ending: &str| {
        let mut line = get(7);
        line.push_str(&" ".repeat(total - line.len()));
        line.push_str(ending);
        line
    };
    cases.push(case(
        "line of exactly the limit",
        padded(DEFAULT_MAX_FRAME, "\n"),
        vec![Want::Success(json!(7))],
    ));
    cases.push(case(
        "line of exactly the limit, CRLF",
        padded(DEFAULT_MAX_FRAME, "\r\n"),
        vec![Want::Success(json!(7))],
    ));
    cases.push(case("line of limit - 1", padded(DEFAULT_MAX_FRAME - 1, "\n"), vec![Want::Success(json!(7))]));
    let too_large = Want::Error(-32600, Value::Null);
    cases.push(case(
        "line of limit + 1",
        padded(DEFAULT_MAX_FRAME + 1, "\n"),
        vec![too_large.clone(), Want::Closed],
    ));
    cases.push(case(
        "line of limit + 1, CRLF",
        padded(DEFAULT_MAX_FRAME + 1, "\r\n"),
        vec![too_large.clone(), Want::Closed],
    ));
    // The answer to a line sent far past the limit in one write can be lost to a
    // TCP reset (bug 3 in docs/reliability.md); tests/frame_limit.rs checks it strictly.
    cases.push(case("8 MiB line", vec![b'x'; 8 * 1024 * 1024], vec![Want::TooLargeOrReset, Want::Closed]));
    cases
}

fn corpus() -> Vec<Case> {
    [
        truncated(),
        invalid_utf8(),
        huge_numbers(),
        deep_nesting(),
        wrong_types(),
        oversized_and_control(),
        framing_and_batches(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Sends one case and checks every answer against what it wants.
fn run_case(addr: std::net::SocketAddr, case: &Case) -> Result<(), String> {
    let mut conn = Conn::welcomed(addr);
    // The server may close before reading everything (oversized lines): a failed write is fine then.
    let sent = conn.try_send(&case.bytes);
    let expects_close = case.wants.iter().any(|w| matches!(w, Want::Closed));
    if !expects_close {
        sent.map_err(|e| format!("send failed: {e}"))?;
        conn.send_json(&request("sentinel", "product.list", json!({"limit": 1})));
    }
    for want in &case.wants {
        let answer = next_answer(&mut conn);
        if matches!(want, Want::TooLargeOrReset) && !matches!(answer, Ok(Some(_))) {
            return Ok(());
        }
        let Some(value) = answer? else {
            return if matches!(want, Want::Closed) {
                Ok(())
            } else {
                Err(format!("closed, wanted {want:?}"))
            };
        };
        check_answer(want, &value)?;
    }
    if !expects_close {
        let last = next_answer(&mut conn)?.ok_or("closed before the sentinel")?;
        if last["id"] != "sentinel" {
            return Err(format!("extra answer: {last}"));
        }
    }
    Ok(())
}

/// The next response or batch, skipping the honest session's change notifications.
fn next_answer(conn: &mut Conn) -> Result<Option<Value>, String> {
    loop {
        let Some(line) = conn.read_line().map_err(|e| format!("no answer: {e}"))? else { return Ok(None) };
        let value: Value = serde_json::from_slice(&line).map_err(|e| format!("not JSON ({e})"))?;
        if !value["method"].as_str().is_some_and(|m| m.starts_with("product.")) {
            return Ok(Some(value));
        }
    }
}

fn check_answer(want: &Want, got: &Value) -> Result<(), String> {
    let ok = match want {
        Want::Error(code, id) => got["error"]["code"] == *code && got["id"] == *id,
        Want::Field(field) => {
            got["error"]["code"] == -32602 && got["error"]["data"]["field"] == *field && got["id"] == 1
        }
        Want::Success(id) => got.get("result").is_some() && got["id"] == *id,
        Want::InvalidBatch(n) => got.as_array().is_some_and(|a| {
            a.len() == *n && a.iter().all(|r| r["error"]["code"] == -32600 && r["id"].is_null())
        }),
        Want::TooLargeOrReset => got["error"]["code"] == -32600 && got["id"].is_null(),
        Want::Closed => false,
    };
    if ok { Ok(()) } else { Err(format!("wanted {want:?}, got {}", truncate(&got.to_string()))) }
}

fn truncate(text: &str) -> String {
    text.chars().take(300).collect()
}

/// A normal client: adds, reads, updates and deletes its own products until told to stop.
fn honest_worker(addr: String, stop: Arc<AtomicBool>) -> Result<usize, String> {
    let mut client = Client::connect(&addr, ClientOptions::default()).map_err(|e| e.to_string())?;
    client.hello("honest worker").map_err(|e| e.to_string())?;
    let mut operations = 0;
    for i in 0.. {
        if stop.load(Ordering::SeqCst) && i > 0 {
            break;
        }
        let code = format!("HONEST-{i}");
        let p = Product {
            code: code.clone(),
            name: format!("Product {i}"),
            price_cents: i,
            quantity: 1,
            // As the server stores it: a new product is version 1.
            version: 1,
        };
        let fail = |what: &str, e: lojinha_server::ClientError| format!("{what} {code}: {e}");
        client.add(&p).map_err(|e| fail("add", e))?;
        let got = client.get(&code).map_err(|e| fail("get", e))?;
        if got != p {
            return Err(format!("get {code} returned {got:?}"));
        }
        client.update(&Product { price_cents: i + 1, ..p }).map_err(|e| fail("update", e))?;
        client.list(None, Some(5)).map_err(|e| fail("list", e))?;
        client.delete(&code).map_err(|e| fail("delete", e))?;
        operations += 5;
    }
    client.quit().map_err(|e| e.to_string())?;
    Ok(operations)
}

/// Over a hundred bad inputs, each answered as promised, while an honest session never sees an error.
#[test]
fn bad_inputs_get_promised_answers_and_spare_honest_sessions() {
    let (_dir, db) = temp_db();
    let server = start_server(config_with_db(&db));
    let addr = server.local_addr();
    let stop = Arc::new(AtomicBool::new(false));
    let worker = {
        let stop = stop.clone();
        std::thread::spawn(move || honest_worker(addr.to_string(), stop))
    };
    let cases = corpus();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let started = std::time::Instant::now();
    let failures: Vec<String> =
        cases.iter().filter_map(|c| run_case(addr, c).err().map(|e| format!("{}: {e}", c.name))).collect();
    println!("sent in {:?}", started.elapsed());
    stop.store(true, Ordering::SeqCst);
    let honest = worker.join().expect("the honest worker does not panic");
    println!("bad inputs tried: {}; failures: {}", cases.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    let operations = honest.expect("the honest session saw no error");
    println!("honest session meanwhile: {operations} operations, all successful");
    // Still up, and nothing the bad inputs sent was stored.
    let mut probe = Conn::welcomed(addr);
    let page = probe.call_reply(1, "product.list", json!({}));
    assert_eq!(page["result"]["total"], 0, "{page}");
}
