//! JSON-RPC 2.0 envelopes: parsing incoming lines into requests and encoding
//! responses and notifications as compact single-line JSON.
//!
//! This layer knows nothing of products or methods; it only checks the
//! JSON-RPC shape (`jsonrpc`, `id`, `method`, `params`, batches).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::duplicates::{self, Repeated, ScanError};
use super::error::RpcError;
use super::problem::RequestProblem;

/// Largest batch the server executes; a longer one is rejected whole.
pub const MAX_BATCH: usize = 1000;

/// The parameters of a request, as JSON-RPC allows them.
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    None,
    ByPosition(Vec<Value>),
    ByName(Map<String, Value>),
}

/// A well-formed request or notification (a request without `id`).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// `None` for a notification: it gets no response.
    pub id: Option<Value>,
    pub method: String,
    pub params: Params,
}

/// One entry of a message: a request, or why it is not one (with the id to answer).
pub type Entry = Result<Request, (Value, RpcError)>;

/// What one line turned out to be.
#[derive(Debug)]
pub enum Message<'a> {
    Single(Entry),
    /// A batch's entries, still as text: each is parsed when its turn comes
    /// ([`parse_batch_entry`]), so a batch never holds more than one parsed
    /// entry at a time.
    Batch(Vec<&'a RawValue>),
    /// Not JSON, or not UTF-8, or an invalid batch: answer this error with `id: null`.
    Unanswerable(RpcError),
}

/// Parses one frame (a line without its ending) into a message.
pub fn parse_message(line: &[u8]) -> Message<'_> {
    if line.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return parse_batch(line);
    }
    match parse_request(line) {
        Ok(entry) => Message::Single(entry),
        Err(error) => Message::Unanswerable(error),
    }
}

/// Parses one entry of a batch.
pub fn parse_batch_entry(raw: &RawValue) -> Entry {
    parse_request(raw.get().as_bytes()).unwrap_or_else(|error| Err((Value::Null, error)))
}

/// Splits a batch into its entries without parsing them (after checking the
/// whole line is JSON within the parser's nesting limit, which splitting
/// alone does not look at).
fn parse_batch(line: &[u8]) -> Message<'_> {
    if let Err(e) = duplicates::check_nesting(line) {
        return Message::Unanswerable(RpcError::parse_error(&e));
    }
    match serde_json::from_slice::<Vec<&RawValue>>(line) {
        Err(e) => Message::Unanswerable(RpcError::parse_error(&e)),
        Ok(items) if items.is_empty() => {
            Message::Unanswerable(RpcError::invalid_request(RequestProblem::EmptyBatch))
        }
        Ok(items) if items.len() > MAX_BATCH => {
            Message::Unanswerable(RpcError::invalid_request(RequestProblem::BatchTooLarge { max: MAX_BATCH }))
        }
        Ok(items) => Message::Batch(items),
    }
}

/// Parses one request; `Err` is an error to answer with `id: null` (not
/// JSON, or more values than a request may hold).
fn parse_request(text: &[u8]) -> Result<Entry, RpcError> {
    let repeated = match duplicates::find(text) {
        Ok(repeated) => repeated,
        Err(ScanError::TooManyValues) => {
            return Err(RpcError::invalid_request(RequestProblem::TooManyValues {
                max: duplicates::MAX_VALUES,
            }));
        }
        // The parse below says where.
        Err(ScanError::NotJson) => Repeated::default(),
    };
    if !repeated.any
        && let Some(request) = parse_well_formed(text)
    {
        return Ok(Ok(request));
    }
    let value: Value = serde_json::from_slice(text).map_err(|e| RpcError::parse_error(&e))?;
    if repeated.any {
        return Ok(Err(repeated_key(&value, repeated)));
    }
    Ok(parse_entry(value))
}

/// The answer to a request that repeats a key: invalid, with its id unless
/// the id itself is what is repeated.
fn repeated_key(request: &Value, repeated: Repeated) -> (Value, RpcError) {
    let id = match request.get("id") {
        Some(id) if !repeated.id && is_valid_id(id) => id.clone(),
        _ => Value::Null,
    };
    (id, RpcError::invalid_request(RequestProblem::DuplicateKey))
}

/// The shape of a well-formed single request, read without building a
/// `Value` for the whole object (the common case, and the hot path).
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    jsonrpc: &'a str,
    /// `Some(Null)` for an explicit `"id": null`, `None` when absent.
    #[serde(default, deserialize_with = "present")]
    id: Option<Value>,
    #[serde(borrow)]
    method: Cow<'a, str>,
    #[serde(default, deserialize_with = "present")]
    params: Option<Value>,
}

fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// The fast path: a single request that is valid as it stands. Anything
/// else (batches, errors of any kind, duplicate keys) returns `None` and goes
/// through the full checks, which give the precise error.
fn parse_well_formed(line: &[u8]) -> Option<Request> {
    let first = line.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first != b'{' {
        return None;
    }
    let envelope: Envelope<'_> = serde_json::from_slice(line).ok()?;
    if envelope.jsonrpc != "2.0" || envelope.id.as_ref().is_some_and(|id| !is_valid_id(id)) {
        return None;
    }
    let params = match envelope.params {
        None => Params::None,
        Some(Value::Array(list)) => Params::ByPosition(list),
        Some(Value::Object(map)) => Params::ByName(map),
        Some(_) => return None,
    };
    Some(Request { id: envelope.id, method: envelope.method.into_owned(), params })
}

/// Checks the JSON-RPC shape of one value.
pub fn parse_entry(value: Value) -> Entry {
    let Value::Object(mut object) = value else {
        return Err((Value::Null, RpcError::invalid_request(RequestProblem::NotAnObject)));
    };
    let id = match object.remove("id") {
        None => None,
        Some(id) if is_valid_id(&id) => Some(id),
        Some(_) => {
            return Err((Value::Null, RpcError::invalid_request(RequestProblem::BadId)));
        }
    };
    let answer_id = id.clone().unwrap_or(Value::Null);
    let invalid = |why: RequestProblem| Err((answer_id.clone(), RpcError::invalid_request(why)));
    if object.get("jsonrpc") != Some(&Value::String("2.0".into())) {
        return invalid(RequestProblem::BadVersion);
    }
    let method = match object.remove("method") {
        Some(Value::String(method)) => method,
        Some(_) => return invalid(RequestProblem::MethodNotAString),
        None => return invalid(RequestProblem::MethodMissing),
    };
    let params = match object.remove("params") {
        None => Params::None,
        Some(Value::Array(list)) => Params::ByPosition(list),
        Some(Value::Object(map)) => Params::ByName(map),
        Some(_) => return invalid(RequestProblem::BadParams),
    };
    Ok(Request { id, method, params })
}

fn is_valid_id(id: &Value) -> bool {
    match id {
        Value::String(_) => true,
        Value::Number(n) => n.is_i64() || n.is_u64(),
        _ => false,
    }
}

#[derive(Serialize)]
struct SuccessBody<'a, T: Serialize> {
    jsonrpc: &'static str,
    id: &'a Value,
    result: &'a T,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    jsonrpc: &'static str,
    id: &'a Value,
    error: &'a RpcError,
}

#[derive(Serialize)]
struct NotificationBody<'a, T: Serialize> {
    jsonrpc: &'static str,
    method: &'a str,
    params: &'a T,
}

/// One response, already serialized (without the trailing newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded(pub Vec<u8>);

pub fn encode_success<T: Serialize>(id: &Value, result: &T) -> Encoded {
    encode(&SuccessBody { jsonrpc: "2.0", id, result })
}

/// Writes a success response into `out` as it is serialized (no newline).
pub fn write_success<T: Serialize>(
    out: &mut impl std::io::Write,
    id: &Value,
    result: &T,
) -> std::io::Result<()> {
    write(out, &SuccessBody { jsonrpc: "2.0", id, result })
}

/// Writes an error response into `out` as it is serialized (no newline).
pub fn write_error(out: &mut impl std::io::Write, id: &Value, error: &RpcError) -> std::io::Result<()> {
    write(out, &ErrorBody { jsonrpc: "2.0", id, error })
}

fn write<T: Serialize>(out: &mut impl std::io::Write, body: &T) -> std::io::Result<()> {
    serde_json::to_writer(out, body).map_err(std::io::Error::from)
}

pub fn encode_error(id: &Value, error: &RpcError) -> Encoded {
    encode(&ErrorBody { jsonrpc: "2.0", id, error })
}

pub fn encode_notification<T: Serialize>(method: &str, params: &T) -> Encoded {
    encode(&NotificationBody { jsonrpc: "2.0", method, params })
}

/// Encodes a request (used by the client library).
pub fn encode_request<T: Serialize>(id: &Value, method: &str, params: &T) -> Encoded {
    #[derive(Serialize)]
    struct RequestBody<'a, T: Serialize> {
        jsonrpc: &'static str,
        id: &'a Value,
        method: &'a str,
        params: &'a T,
    }
    encode(&RequestBody { jsonrpc: "2.0", id, method, params })
}

/// Joins already encoded responses into one batch array.
pub fn encode_batch(parts: &[Encoded]) -> Encoded {
    let total: usize = parts.iter().map(|p| p.0.len() + 1).sum();
    let mut out = Vec::with_capacity(total + 2);
    out.push(b'[');
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&part.0);
    }
    out.push(b']');
    Encoded(out)
}

fn encode<T: Serialize>(body: &T) -> Encoded {
    // Serializing our own plain structs into memory cannot fail.
    Encoded(serde_json::to_vec(body).expect("serializing a JSON-RPC body"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn single(line: &str) -> Entry {
        match parse_message(line.as_bytes()) {
            Message::Single(entry) => entry,
            other => panic!("expected a single message, got {other:?}"),
        }
    }

    fn error_code(entry: Entry) -> (Value, i64) {
        let (id, error) = entry.unwrap_err();
        (id, error.code)
    }

    /// A valid request keeps its id, method and params.
    #[test]
    fn parses_valid_request() {
        let r = single(r#"{"jsonrpc":"2.0","id":"a","method":"m","params":[1]}"#).unwrap();
        assert_eq!(r.id, Some(json!("a")));
        assert_eq!(r.method, "m");
        assert_eq!(r.params, Params::ByPosition(vec![json!(1)]));
    }

    /// Invalid requests answer with their id when it is usable, else null.
    #[test]
    fn invalid_requests_keep_a_usable_id() {
        let cases = [
            (r#"{"jsonrpc":"1.0","id":5,"method":"m"}"#, json!(5)),
            (r#"{"jsonrpc":"2.0","id":"x","method":3}"#, json!("x")),
            (r#"{"jsonrpc":"2.0","id":7,"method":"m","params":3}"#, json!(7)),
            (r#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#, Value::Null),
            (r#"{"jsonrpc":"2.0","id":[1],"method":"m"}"#, Value::Null),
            (r#"{"jsonrpc":"2.0","id":null,"method":"m"}"#, Value::Null),
            ("42", Value::Null),
        ];
        for (line, id) in cases {
            assert_eq!(error_code(single(line)), (id, -32600), "{line}");
        }
    }

    /// A key written twice makes the request invalid, never "the last one wins".
    #[test]
    fn repeated_keys_are_invalid_requests() {
        let duplicate = "invalid request: a key appears twice in one object";
        let (id, error) = single(r#"{"jsonrpc":"2.0","id":4,"method":"a","method":"b"}"#).unwrap_err();
        assert_eq!((id, error.code, error.message.as_str()), (json!(4), -32600, duplicate));
        let (id, _) = single(r#"{"jsonrpc":"2.0","id":4,"id":5,"method":"a"}"#).unwrap_err();
        assert_eq!(id, Value::Null, "a repeated id is not echoed");
        let nested =
            r#"{"jsonrpc":"2.0","id":"x","method":"m","params":{"product":{"code":"A","code":"B"}}}"#;
        assert_eq!(error_code(single(nested)), (json!("x"), -32600));
        let batch = r#"[{"jsonrpc":"2.0","id":1,"method":"m"},{"jsonrpc":"2.0","id":2,"method":"m","params":{"a":1,"a":1}}]"#;
        let Message::Batch(entries) = parse_message(batch.as_bytes()) else { panic!("a batch") };
        assert!(parse_batch_entry(entries[0]).is_ok());
        assert_eq!(error_code(parse_batch_entry(entries[1])), (json!(2), -32600));
    }

    /// Garbage and broken UTF-8 are parse errors; empty and huge batches are invalid.
    #[test]
    fn unanswerable_messages() {
        let code = |bytes: &[u8]| match parse_message(bytes) {
            Message::Unanswerable(e) => e.code,
            other => panic!("{other:?}"),
        };
        assert_eq!(code(b"{not json"), -32700);
        assert_eq!(code(b"\"\xff\xfe\""), -32700);
        assert_eq!(code(b"[]"), -32600);
        let big = format!("[{}]", vec!["1"; MAX_BATCH + 1].join(","));
        assert_eq!(code(big.as_bytes()), -32600);
    }

    /// The fast path reads valid requests exactly as the full checks do.
    #[test]
    fn fast_path_agrees_with_full_parse() {
        let lines = [
            r#"{"jsonrpc":"2.0","id":1,"method":"product.get","params":{"code":"A"}}"#,
            r#"{"method":"m","jsonrpc":"2.0","params":[1,2],"id":"x","extra":true}"#,
            r#" {"jsonrpc":"2.0","method":"notify"}"#,
            r#"{"jsonrpc":"2.0","id":9,"method":"caf\u00e9"}"#,
        ];
        for line in lines {
            let fast = parse_well_formed(line.as_bytes()).expect(line);
            let value: Value = serde_json::from_str(line).unwrap();
            assert_eq!(fast, parse_entry(value).unwrap(), "{line}");
        }
        let refused = [
            r#"{"jsonrpc":"2.0","id":null,"method":"m"}"#,
            r#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#,
            r#"{"jsonrpc":"2.0","id":1,"method":"m","params":3}"#,
            r#"{"jsonrpc":"2.0","id":1,"id":2,"method":"m"}"#,
            r#"{"jsonrpc":"1.0","id":1,"method":"m"}"#,
            r#"[{"jsonrpc":"2.0","id":1,"method":"m"}]"#,
        ];
        for line in refused {
            assert!(parse_well_formed(line.as_bytes()).is_none(), "{line}");
        }
    }

    /// Responses are compact, single-line, in `jsonrpc, id, result` order.
    #[test]
    fn encodes_compact_responses() {
        let ok = encode_success(&json!(1), &json!({"bye": true}));
        assert_eq!(ok.0, br#"{"jsonrpc":"2.0","id":1,"result":{"bye":true}}"#);
        let batch = encode_batch(&[ok.clone(), ok]);
        assert!(batch.0.starts_with(b"[{") && !batch.0.contains(&b'\n'));
    }
}
