//! What the sequence diagram draws: one [`DiagramMessage`] per protocol step,
//! independent of the app's log, and how a raw JSON line is classified.

use std::time::Duration;

use serde_json::Value;

/// The lane of events that happen in the server itself (listening, reads,
/// stop): drawn on the server's lifeline, never given a lifeline of its own.
pub const SERVER_LANE: u64 = u64::MAX;

/// Which way a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    ToServer,
    ToClient,
    /// Not a message: an event on one lifeline (connect, read, close).
    Local,
}

/// What a message is, as far as JSON-RPC 2.0 tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Request {
        method: String,
    },
    Response,
    ErrorResponse,
    Notification {
        method: String,
    },
    /// A JSON array of requests or of responses.
    Batch,
    /// A line that is not JSON-RPC (bad JSON, text typed into `nc`).
    Invalid,
    /// An event on the lane's lifeline, e.g. "connected", "read(): 2048 bytes".
    Local {
        what: String,
    },
    /// The lane's connection ended: its unanswered requests stay unanswered,
    /// and ids used again by a later connection on the same lane pair afresh.
    Closed {
        reason: String,
    },
}

/// One step of the conversation, as the diagram needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagramMessage {
    /// Since the start of the app (or of the log): only differences matter.
    pub at: Duration,
    /// The client's lifeline: the only lane of a client window, the session
    /// number in the server panel, or [`SERVER_LANE`].
    pub lane: u64,
    pub direction: Direction,
    pub kind: Kind,
    /// The JSON-RPC id as JSON text (`7`, `"a"`); for a batch, its ids
    /// sorted and joined (`[1,2]`). Used to pair requests and responses.
    pub id: Option<String>,
    pub raw: String,
    /// Where the message sits in the app's log; returned on click.
    pub log_index: usize,
    /// The Portuguese text of a local or closing event (the English is in
    /// `kind`); the label follows the diagram's language, also after a switch.
    pub pt_br: Option<String>,
}

impl DiagramMessage {
    /// A line that crossed the wire, classified from its JSON; lane 0, log index 0.
    pub fn from_raw(direction: Direction, raw: &str, at: Duration) -> DiagramMessage {
        let (kind, id) = classify(raw);
        DiagramMessage { at, lane: 0, direction, kind, id, raw: raw.to_owned(), log_index: 0, pt_br: None }
    }

    /// An event on one lifeline.
    pub fn local(lane: u64, what: impl Into<String>, at: Duration) -> DiagramMessage {
        DiagramMessage::on_lifeline(lane, Kind::Local { what: what.into() }, at)
    }

    /// The end of a lane's connection.
    pub fn closed(lane: u64, reason: impl Into<String>, at: Duration) -> DiagramMessage {
        DiagramMessage::on_lifeline(lane, Kind::Closed { reason: reason.into() }, at)
    }

    /// A mark on one lifeline, not a message between the two.
    fn on_lifeline(lane: u64, kind: Kind, at: Duration) -> DiagramMessage {
        DiagramMessage {
            at,
            lane,
            direction: Direction::Local,
            kind,
            id: None,
            raw: String::new(),
            log_index: 0,
            pt_br: None,
        }
    }

    /// The event's text in Portuguese (see [`DiagramMessage::pt_br`]).
    pub fn with_pt_br(mut self, text: Option<String>) -> Self {
        self.pt_br = text;
        self
    }

    pub fn with_lane(mut self, lane: u64) -> Self {
        self.lane = lane;
        self
    }

    pub fn with_log_index(mut self, log_index: usize) -> Self {
        self.log_index = log_index;
        self
    }
}

/// The kind and pairing id of one raw line.
pub fn classify(raw: &str) -> (Kind, Option<String>) {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(items)) => (Kind::Batch, batch_id(&items)),
        Ok(Value::Object(object)) => classify_object(&object),
        _ => (Kind::Invalid, None),
    }
}

fn classify_object(object: &serde_json::Map<String, Value>) -> (Kind, Option<String>) {
    let id = object.get("id").filter(|id| !id.is_null()).map(Value::to_string);
    if let Some(method) = object.get("method").and_then(Value::as_str) {
        let method = method.to_owned();
        return match object.contains_key("id") {
            true => (Kind::Request { method }, id),
            false => (Kind::Notification { method }, None),
        };
    }
    match (object.contains_key("result"), object.contains_key("error")) {
        (true, false) => (Kind::Response, id),
        (false, true) => (Kind::ErrorResponse, id),
        _ => (Kind::Invalid, None),
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

    /// Requests, notifications, responses, errors, batches and garbage are told apart.
    #[test]
    fn classifies_lines() {
        let req = classify(r#"{"jsonrpc":"2.0","id":7,"method":"product.get","params":["A"]}"#);
        assert_eq!(req, (Kind::Request { method: "product.get".into() }, Some("7".into())));
        let note = classify(r#"{"jsonrpc":"2.0","method":"welcome","params":{}}"#);
        assert_eq!(note, (Kind::Notification { method: "welcome".into() }, None));
        let resp = classify(r#"{"jsonrpc":"2.0","id":"a","result":{"bye":true}}"#);
        assert_eq!(resp, (Kind::Response, Some("\"a\"".into())));
        let err = classify(r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}"#);
        assert_eq!(err, (Kind::ErrorResponse, None));
        let batch = classify(r#"[{"id":2,"method":"a"},{"method":"n"},{"id":1,"method":"b"}]"#);
        assert_eq!(batch, (Kind::Batch, Some("[1,2]".into())));
        assert_eq!(classify("hello there"), (Kind::Invalid, None));
        assert_eq!(classify("[]"), (Kind::Batch, None));
    }
}
