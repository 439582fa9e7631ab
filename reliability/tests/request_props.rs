//! Property tests of request handling, end to end against a real server on
//! loopback: the same bytes sent whole or split into random small writes (with
//! TCP_NODELAY) get byte-identical responses, and the responses are the ones
//! the protocol promises (one per request with its id, none per notification
//! or blank line, `id: null` for what cannot be parsed, one array per batch).

use std::net::SocketAddr;
use std::time::Duration;

use lojinha_test_support::{Conn, memory_config, product, request, start_server};
use proptest::prelude::*;
use serde_json::{Value, json};

/// What one line must be answered with.
#[derive(Debug, Clone)]
enum Expect {
    Nothing,
    One(Value),
    Batch(Vec<Value>),
}

/// A line to send and what it must get.
#[derive(Debug, Clone)]
struct Piece {
    bytes: Vec<u8>,
    expect: Expect,
}

fn valid_call(id: i64) -> impl Strategy<Value = String> {
    let code = "[A-Z]{1,3}-[0-9]{1,2}";
    prop_oneof![
        code.prop_map(move |c| request(id, "product.get", json!({"code": c})).to_string()),
        code.prop_map(move |c| request(id, "product.delete", json!([c])).to_string()),
        (code, "[a-zA-Z ]{1,20}", 0i64..1000).prop_map(move |(c, n, p)| request(
            id,
            "product.add",
            json!({"product": product(&c, &n, p, 1)})
        )
        .to_string()),
        (code, 0i64..1000).prop_map(move |(c, p)| request(
            id,
            "product.update",
            json!({"product": {"code": c, "name": "x", "price_cents": p}})
        )
        .to_string()),
        (0usize..5).prop_map(move |l| request(id, "product.list", json!({"limit": l})).to_string()),
        "[a-z]{1,8}".prop_filter("quit ends the session", |m| m != "quit").prop_map(move |m| request(
            id,
            &m,
            json!({})
        )
        .to_string()),
        Just(request(id, "hello", json!({"client": "props"})).to_string()),
    ]
}

fn piece(id: i64) -> impl Strategy<Value = Piece> {
    let ending = prop_oneof![Just("\n"), Just("\r\n")];
    let kind = prop_oneof![
        6 => valid_call(id).prop_map(move |line| (line.into_bytes(), Expect::One(json!(id)))),
        1 => "[a-z]{1,6}".prop_map(|c| {
            let line = json!({"jsonrpc":"2.0","method":"product.get","params":{"code":c}}).to_string();
            (line.into_bytes(), Expect::Nothing)
        }),
        1 => "\\{[a-z:\\[\\] ]{0,12}".prop_map(|g| (g.into_bytes(), Expect::One(Value::Null))),
        1 => Just((b"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"\xff\xfe\"}".to_vec(), Expect::One(Value::Null))),
        1 => prop_oneof![Just(""), Just(" "), Just("\t  "), Just("\r")]
            .prop_map(|b| (b.as_bytes().to_vec(), Expect::Nothing)),
        1 => prop::collection::vec(valid_call(0), 1..4).prop_map(move |calls| {
            let ids: Vec<Value> = (0..calls.len()).map(|i| json!(format!("b{id}-{i}"))).collect();
            let entries: Vec<Value> = calls
                .iter()
                .zip(&ids)
                .map(|(c, bid)| {
                    let mut v: Value = serde_json::from_str(c).unwrap();
                    v["id"] = bid.clone();
                    v
                })
                .collect();
            (serde_json::to_vec(&entries).unwrap(), Expect::Batch(ids))
        }),
    ];
    (kind, ending).prop_map(|((mut bytes, expect), ending)| {
        bytes.extend_from_slice(ending.as_bytes());
        Piece { bytes, expect }
    })
}

fn session() -> impl Strategy<Value = Vec<Piece>> {
    (1usize..12).prop_flat_map(|n| (1..=n as i64).map(piece).collect::<Vec<_>>())
}

const SENTINEL: &str = r#"{"jsonrpc":"2.0","id":"end","method":"product.list","params":{"limit":1}}"#;

/// Sends `data` (then a sentinel request) in writes of the given sizes; returns
/// every line received up to the sentinel's response, welcome included.
fn exchange(addr: SocketAddr, data: &[u8], chunks: &[usize]) -> Vec<Vec<u8>> {
    let mut conn = Conn::connect(addr);
    let mut rest = data;
    let mut sizes = chunks.iter().cycle();
    while !rest.is_empty() {
        let n = (*sizes.next().unwrap()).clamp(1, rest.len());
        conn.send(&rest[..n]);
        rest = &rest[n..];
        std::thread::sleep(Duration::from_micros(50));
    }
    conn.send_line(SENTINEL);
    let mut lines = Vec::new();
    while let Some(line) = conn.read_line().expect("read a response") {
        let done = line.starts_with(br#"{"jsonrpc":"2.0","id":"end""#);
        lines.push(line);
        if done {
            break;
        }
    }
    lines
}

/// Sends the bytes to a fresh in-memory server.
fn on_fresh_server(data: &[u8], chunks: &[usize]) -> Vec<Vec<u8>> {
    let server = start_server(memory_config());
    let lines = exchange(server.local_addr(), data, chunks);
    server.stop();
    lines
}

/// Checks that responses (welcome and sentinel removed) answer the pieces as promised.
fn check_promises(pieces: &[Piece], responses: &[Vec<u8>]) -> Result<(), TestCaseError> {
    let expected: Vec<&Expect> =
        pieces.iter().map(|p| &p.expect).filter(|e| !matches!(e, Expect::Nothing)).collect();
    prop_assert_eq!(responses.len(), expected.len() + 2, "responses: {:?}", responses);
    for (raw, expect) in responses[1..responses.len() - 1].iter().zip(expected) {
        let value: Value = serde_json::from_slice(raw).expect("JSON response");
        match expect {
            Expect::One(id) => prop_assert_eq!(&value["id"], id, "{}", value),
            Expect::Batch(ids) => {
                let got: Vec<Value> =
                    value.as_array().expect("a batch answer").iter().map(|r| r["id"].clone()).collect();
                prop_assert_eq!(&got, ids);
            }
            Expect::Nothing => unreachable!(),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random sessions: whole and randomly split sends are answered identically, and as the protocol promises.
    #[test]
    fn split_sends_are_answered_like_whole_ones(
        pieces in session(),
        chunks in prop::collection::vec(1usize..17, 1..10),
    ) {
        let data: Vec<u8> = pieces.iter().flat_map(|p| p.bytes.clone()).collect();
        let whole = on_fresh_server(&data, &[usize::MAX]);
        check_promises(&pieces, &whole)?;
        let split = on_fresh_server(&data, &chunks);
        prop_assert_eq!(whole, split);
    }
}

/// A session of valid requests sent one byte per write is served byte-for-byte like the whole session.
#[test]
fn valid_requests_byte_by_byte_equal_whole() {
    let mut data = Vec::new();
    let lines = [
        request(1, "hello", json!({"client": "bytewise"})).to_string(),
        request(2, "product.add", json!({"product": product("BYTE-1", "Caneta", 250, 4)})).to_string(),
        request(3, "product.get", json!(["BYTE-1"])).to_string(),
        request("four", "product.update", json!({"product": product("BYTE-1", "Lápis ✏", 99, 0)}))
            .to_string(),
        request(5, "product.list", json!({"limit": 10})).to_string(),
        format!(
            "[{},{}]",
            request(6, "product.get", json!({"code": "BYTE-1"})),
            request(7, "product.get", json!({"code": "NOPE"}))
        ),
        request(8, "product.delete", json!({"code": "BYTE-1"})).to_string(),
    ];
    for (i, line) in lines.iter().enumerate() {
        data.extend_from_slice(line.as_bytes());
        data.extend_from_slice(if i % 2 == 0 { b"\n" } else { b"\r\n" });
    }
    let whole = on_fresh_server(&data, &[usize::MAX]);
    assert_eq!(whole.len(), lines.len() + 2, "{whole:?}");
    assert_eq!(on_fresh_server(&data, &[1]), whole);
}
