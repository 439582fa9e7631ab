//! Every line the server writes, built from the protocol's types: the
//! `welcome`, the `goodbye`, the notifications of committed changes, and
//! the answers (a result or an error) to requests.
//!
//! Nothing here touches a socket: lines are bytes, handed to the session's
//! [`Replies`](super::replies::Replies) or [`Outbox`](super::outbox::Outbox).

use std::io;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::protocol::calls::{Bye, Deleted, HelloResult, Page, Pong};
use crate::protocol::error::RpcError;
use crate::protocol::message::{self, Encoded, encode_error, encode_success};
use crate::protocol::notices::{
    FEATURES, Goodbye, GoodbyeReason, ProductAdded, ProductDeleted, ProductUpdated, Welcome, encode_notice,
};
use crate::protocol::product::Product;
use crate::protocol::{PROTOCOL_VERSION, server_name};
use crate::storage::WriteOutcome;

/// One or more complete lines, newlines included; shared when broadcast.
pub type Line = Arc<[u8]>;

/// A successful result, serialized straight from the typed value.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Answer {
    Product(Product),
    Shared(Arc<Product>),
    Page(Page<Arc<Product>>),
    Hello(HelloResult),
    Deleted(Deleted),
    Bye(Bye),
    Pong(Pong),
}

pub fn to_line(encoded: Encoded) -> Line {
    let mut bytes = encoded.0;
    bytes.push(b'\n');
    bytes.into()
}

/// The first line of session `session`.
pub fn welcome_line(session: u64) -> Line {
    let features = FEATURES.iter().map(|f| f.to_string()).collect();
    let welcome = Welcome { server: server_name(), protocol: PROTOCOL_VERSION, session, features };
    to_line(encode_notice(&welcome))
}

pub fn goodbye_line(reason: GoodbyeReason) -> Line {
    to_line(encode_notice(&Goodbye { reason }))
}

/// An error answered with `id: null` (the request had no usable id).
pub fn unanswerable_line(error: &RpcError) -> Line {
    to_line(encode_error(&Value::Null, error))
}

/// Serializes one answer straight into `out` (a line being written).
pub fn write_answer(
    out: &mut impl io::Write,
    id: &Value,
    result: Result<Answer, RpcError>,
) -> io::Result<()> {
    match result {
        Ok(value) => message::write_success(out, id, &value),
        Err(error) => message::write_error(out, id, &error),
    }
}

/// What a committed (or refused) write answers.
pub fn write_result(outcome: WriteOutcome) -> Result<Answer, RpcError> {
    match outcome {
        WriteOutcome::Added(p) | WriteOutcome::Updated(p) => Ok(Answer::Product(p)),
        WriteOutcome::Deleted(code) => Ok(Answer::Deleted(Deleted { deleted: code })),
        WriteOutcome::Exists(code) => Err(RpcError::already_exists(&code)),
        WriteOutcome::NotFound(code) => Err(RpcError::not_found(&code)),
        WriteOutcome::Changed(current) => Err(RpcError::changed(&current)),
        WriteOutcome::CatalogFull { max } => {
            Err(RpcError::internal(&format!("catalog full: at most {max} products")))
        }
        WriteOutcome::Failed(failure) => Err(RpcError::internal(&failure.to_string())),
    }
}

/// The answer line to write request `id`.
pub fn write_outcome_line(id: &Value, outcome: WriteOutcome) -> Line {
    to_line(match write_result(outcome) {
        Ok(value) => encode_success(id, &value),
        Err(error) => encode_error(id, &error),
    })
}

/// The notification other sessions receive for a committed change.
pub fn change_notification(outcome: &WriteOutcome) -> Option<Line> {
    let encoded = match outcome {
        WriteOutcome::Added(product) => encode_notice(&ProductAdded { product }),
        WriteOutcome::Updated(product) => encode_notice(&ProductUpdated { product }),
        WriteOutcome::Deleted(code) => encode_notice(&ProductDeleted { code: code.clone() }),
        _ => return None,
    };
    Some(to_line(encoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines are the protocol's, byte for byte.
    #[test]
    fn lines_on_the_wire() {
        let welcome = welcome_line(3);
        let expected = format!(
            "{{\"jsonrpc\":\"2.0\",\"method\":\"welcome\",\"params\":{{\"server\":\"{}\",\"protocol\":1,\"session\":3,\"features\":[\"ping\",\"version\"]}}}}\n",
            server_name()
        );
        assert_eq!(&*welcome, expected.as_bytes());
        let goodbye = goodbye_line(GoodbyeReason::AddressFull);
        assert_eq!(
            &*goodbye,
            b"{\"jsonrpc\":\"2.0\",\"method\":\"goodbye\",\"params\":{\"reason\":\"too many connections from your address\"}}\n"
        );
        let deleted = change_notification(&WriteOutcome::Deleted("A".into())).unwrap();
        assert_eq!(
            &*deleted,
            b"{\"jsonrpc\":\"2.0\",\"method\":\"product.deleted\",\"params\":{\"code\":\"A\"}}\n"
        );
        let answer = write_outcome_line(&Value::from(2), WriteOutcome::Deleted("A".into()));
        assert_eq!(&*answer, b"{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"deleted\":\"A\"}}\n");
    }
}
