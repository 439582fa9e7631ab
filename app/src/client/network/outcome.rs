//! What a window's request gets back: the product, or why it failed, with
//! what the form needs to show the failure by its field (and, for 1004, the
//! product as it is now).

use std::sync::Arc;

use lojinha_server::protocol::error::CHANGED;
use lojinha_server::{ClientError, Product};

use crate::client::describe::{describe, describe_rule_text};
use crate::phrase::Phrase;

/// Why a request failed, with what the form needs to show it by its field.
#[derive(Debug, Clone)]
pub struct RequestError {
    pub message: Phrase,
    /// `data.field` of a -32602 error (or `code` for "already exists").
    pub field: Option<String>,
    pub reason: Option<Phrase>,
    pub not_found: bool,
    /// Error 1004: the product changed since it was read; this is it now.
    pub changed: Option<Product>,
}

impl RequestError {
    pub(super) fn from_client(error: Arc<ClientError>) -> RequestError {
        let rpc = error.rpc();
        let data = rpc.and_then(|e| e.data.as_ref());
        let reason = data.and_then(|d| d.get("reason")).and_then(|r| r.as_str());
        let reason = reason.map(|r| Phrase::of(r.to_owned(), |r, lang| describe_rule_text(r, lang)));
        let field =
            error.field().map(str::to_owned).or_else(|| error.is_already_exists().then(|| "code".to_owned()));
        let not_found = error.is_not_found();
        let changed = rpc
            .filter(|e| e.code == CHANGED)
            .and_then(|e| e.data.as_ref()?.get("current"))
            .and_then(|current| serde_json::from_value(current.clone()).ok());
        let message = Phrase::of(error, |e, lang| describe(e, lang));
        RequestError {
            reason: reason.or_else(|| field.as_ref().map(|_| message.clone())),
            message,
            field,
            not_found,
            changed,
        }
    }

    pub fn not_connected() -> RequestError {
        RequestError {
            message: Phrase::key("client-not_connected"),
            field: None,
            reason: None,
            not_found: false,
            changed: None,
        }
    }
}

/// The answer to a request the window made.
#[derive(Debug, Clone)]
pub enum Outcome {
    Added(Result<Product, RequestError>),
    Updated(Result<Product, RequestError>),
    Deleted { code: String, result: Result<(), RequestError> },
    Fetched { code: String, result: Result<Product, RequestError> },
}
