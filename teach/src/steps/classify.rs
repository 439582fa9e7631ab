//! The one place a line's JSON is read to say what it is: request,
//! notification, response, error (with its code), batch or garbage, with
//! its id and method. Client events already carry most of this; only what
//! they lack is read here, once per line.

use lojinha_server::client::ReceivedKind;
use serde_json::{Map, Value};

use super::step::{Direction, Kind, Message};

/// A line, classified from its JSON text.
pub fn classify(direction: Direction, raw: &str) -> Message {
    let (kind, id, method) = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(items)) => (Kind::Batch, batch_id(&items), None),
        Ok(Value::Object(object)) => classify_object(&object),
        _ => (Kind::Garbage, None, None),
    };
    Message { direction, kind, id, method, unterminated: false }
}

/// A line the client library already classified (`kind`, `id`, `method`):
/// only a batch's ids and an error's code are read from the text.
pub fn received(raw: &str, kind: ReceivedKind, id: Option<&Value>, method: Option<&str>) -> Message {
    let kind = match kind {
        ReceivedKind::Response => Kind::Response,
        ReceivedKind::Notification => Kind::Notification,
        ReceivedKind::Garbage => Kind::Garbage,
        ReceivedKind::Batch | ReceivedKind::Error => return classify(Direction::ToClient, raw),
    };
    let id = id.filter(|id| !id.is_null()).map(Value::to_string);
    Message {
        direction: Direction::ToClient,
        kind,
        id,
        method: method.map(str::to_owned),
        unterminated: false,
    }
}

/// A line the client sent: a request built by the library names its id and
/// method; a line typed in the raw console is read from its text.
pub fn sent(raw: &str, id: Option<&Value>, method: Option<&str>) -> Message {
    match (id, method) {
        (_, Some(method)) if !raw.trim_start().starts_with('[') => Message {
            direction: Direction::ToServer,
            kind: if id.is_some() { Kind::Request } else { Kind::Notification },
            id: id.filter(|id| !id.is_null()).map(Value::to_string),
            method: Some(method.to_owned()),
            unterminated: false,
        },
        _ => classify(Direction::ToServer, raw),
    }
}

fn classify_object(object: &Map<String, Value>) -> (Kind, Option<String>, Option<String>) {
    let id = object.get("id").filter(|id| !id.is_null()).map(Value::to_string);
    if let Some(method) = object.get("method").and_then(Value::as_str) {
        let kind = if object.contains_key("id") { Kind::Request } else { Kind::Notification };
        let id = if kind == Kind::Request { id } else { None };
        return (kind, id, Some(method.to_owned()));
    }
    match (object.get("result"), object.get("error")) {
        (Some(_), None) => (Kind::Response, id, None),
        (None, Some(error)) => (Kind::Error { code: error.get("code").and_then(Value::as_i64) }, id, None),
        _ => (Kind::Garbage, None, None),
    }
}

/// The ids of a batch's entries, sorted, so a batch of requests and the
/// batch of their responses (in any order) get the same key.
fn batch_id(items: &[Value]) -> Option<String> {
    let mut ids: Vec<String> = items
        .iter()
        .filter_map(|item| item.get("id"))
        .filter(|id| !id.is_null())
        .map(Value::to_string)
        .collect();
    if ids.is_empty() {
        return None;
    }
    ids.sort();
    Some(format!("[{}]", ids.join(",")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_id_method(raw: &str) -> (Kind, Option<String>, Option<String>) {
        let m = classify(Direction::ToServer, raw);
        (m.kind, m.id, m.method)
    }

    /// Requests, notifications, responses, errors, batches and garbage are told apart.
    #[test]
    fn classifies_lines() {
        let req = kind_id_method(r#"{"jsonrpc":"2.0","id":7,"method":"product.get","params":["A"]}"#);
        assert_eq!(req, (Kind::Request, Some("7".into()), Some("product.get".into())));
        let note = kind_id_method(r#"{"jsonrpc":"2.0","method":"welcome","params":{}}"#);
        assert_eq!(note, (Kind::Notification, None, Some("welcome".into())));
        let resp = kind_id_method(r#"{"jsonrpc":"2.0","id":"a","result":{"bye":true}}"#);
        assert_eq!(resp, (Kind::Response, Some("\"a\"".into()), None));
        let err = kind_id_method(r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}"#);
        assert_eq!(err, (Kind::Error { code: Some(-32700) }, None, None));
        let batch = kind_id_method(r#"[{"id":2,"method":"a"},{"method":"n"},{"id":1,"method":"b"}]"#);
        assert_eq!(batch, (Kind::Batch, Some("[1,2]".into()), None));
        assert_eq!(kind_id_method("hello there"), (Kind::Garbage, None, None));
        assert_eq!(kind_id_method("[]"), (Kind::Batch, None, None));
    }

    /// What the client library already knows is taken as it is; an error's
    /// code is still read from its text.
    #[test]
    fn reuses_what_the_client_knows() {
        let sent = sent(r#"{"id":3,"method":"product.get"}"#, Some(&Value::from(3)), Some("product.get"));
        assert_eq!((sent.kind, sent.id.as_deref()), (Kind::Request, Some("3")));
        let typed = super::sent(r#"{"jsonrpc":"2.0","id":9,"method":"ping"}"#, None, None);
        assert_eq!((typed.kind, typed.method.as_deref()), (Kind::Request, Some("ping")));
        let error = received(
            r#"{"jsonrpc":"2.0","id":4,"error":{"code":1001,"message":"not found"}}"#,
            ReceivedKind::Error,
            Some(&Value::from(4)),
            None,
        );
        assert_eq!((error.kind, error.id.as_deref()), (Kind::Error { code: Some(1001) }, Some("4")));
    }
}
