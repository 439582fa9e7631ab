//! What a client receives, decoded: responses, batches and notifications.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::ClientError;
use super::events::ReceivedKind;
use crate::protocol::error::RpcError;
use crate::protocol::notices::{
    Goodbye, GoodbyeReason, Notice, ProductAdded, ProductDeleted, ProductUpdated, Welcome,
};
use crate::protocol::product::Product;

/// The answer to one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub id: Value,
    pub result: Result<Value, RpcError>,
}

/// What answers a message: one response, a batch, or a line that is neither.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Single(Response),
    Batch(Vec<Response>),
    /// Not JSON-RPC (only a misbehaving server sends this).
    Garbage(String),
}

/// A call's `result` as the type it should be.
pub(super) fn decode<T: DeserializeOwned>(value: Value) -> Result<T, ClientError> {
    serde_json::from_value(value.clone()).map_err(|e| ClientError::Protocol(format!("{e}: {value}")))
}

/// A message the server sends on its own.
#[derive(Debug, Clone, PartialEq)]
pub enum Notification {
    Welcome(Welcome),
    Goodbye {
        reason: GoodbyeReason,
    },
    ProductAdded(Product),
    ProductUpdated(Product),
    ProductDeleted(String),
    /// A notification this client does not know.
    Other {
        method: String,
        params: Value,
    },
}

pub(super) enum Parsed {
    Reply(Reply),
    Notification(Notification),
}

impl Parsed {
    /// Kind, id and method, for the connection log.
    pub fn describe(&self) -> (ReceivedKind, Option<Value>, Option<String>) {
        match self {
            Parsed::Reply(Reply::Single(r)) if r.result.is_err() => {
                (ReceivedKind::Error, Some(r.id.clone()), None)
            }
            Parsed::Reply(Reply::Single(r)) => (ReceivedKind::Response, Some(r.id.clone()), None),
            Parsed::Reply(Reply::Batch(_)) => (ReceivedKind::Batch, None, None),
            Parsed::Reply(Reply::Garbage(_)) => (ReceivedKind::Garbage, None, None),
            Parsed::Notification(n) => (ReceivedKind::Notification, None, Some(n.method().to_owned())),
        }
    }
}

impl Notification {
    pub fn method(&self) -> &str {
        match self {
            Notification::Welcome(_) => Welcome::METHOD,
            Notification::Goodbye { .. } => Goodbye::METHOD,
            Notification::ProductAdded(_) => ProductAdded::<Product>::METHOD,
            Notification::ProductUpdated(_) => ProductUpdated::<Product>::METHOD,
            Notification::ProductDeleted(_) => ProductDeleted::METHOD,
            Notification::Other { method, .. } => method,
        }
    }
}

pub(super) fn parse_line(bytes: &[u8]) -> Parsed {
    let garbage = || Parsed::Reply(Reply::Garbage(String::from_utf8_lossy(bytes).into_owned()));
    let Ok(value) = serde_json::from_slice::<Value>(bytes) else { return garbage() };
    match value {
        Value::Array(items) => match items.into_iter().map(parse_response).collect::<Option<Vec<_>>>() {
            Some(responses) => Parsed::Reply(Reply::Batch(responses)),
            None => garbage(),
        },
        Value::Object(ref object) if object.contains_key("method") && !object.contains_key("id") => {
            parse_notification(value).map(Parsed::Notification).unwrap_or_else(garbage)
        }
        other => parse_response(other).map(|r| Parsed::Reply(Reply::Single(r))).unwrap_or_else(garbage),
    }
}

fn parse_response(value: Value) -> Option<Response> {
    let Value::Object(mut object) = value else { return None };
    let id = object.remove("id")?;
    if let Some(result) = object.remove("result") {
        return Some(Response { id, result: Ok(result) });
    }
    let error: RpcError = serde_json::from_value(object.remove("error")?).ok()?;
    Some(Response { id, result: Err(error) })
}

fn parse_notification(value: Value) -> Option<Notification> {
    let Value::Object(mut object) = value else { return None };
    let Some(Value::String(method)) = object.remove("method") else { return None };
    let params = object.remove("params").unwrap_or(Value::Null);
    let known = match method.as_str() {
        Welcome::METHOD => read::<Welcome>(&params).map(Notification::Welcome),
        Goodbye::METHOD => read::<Goodbye>(&params).map(|g| Notification::Goodbye { reason: g.reason }),
        ProductAdded::<Product>::METHOD => {
            read::<ProductAdded>(&params).map(|n| Notification::ProductAdded(n.product))
        }
        ProductUpdated::<Product>::METHOD => {
            read::<ProductUpdated>(&params).map(|n| Notification::ProductUpdated(n.product))
        }
        ProductDeleted::METHOD => {
            read::<ProductDeleted>(&params).map(|n| Notification::ProductDeleted(n.code))
        }
        _ => None,
    };
    Some(known.unwrap_or(Notification::Other { method, params }))
}

/// A notification's params as its type; `None` when they do not fit it.
fn read<T: DeserializeOwned>(params: &Value) -> Option<T> {
    T::deserialize(params).ok()
}
