//! A step in one line of words, as the log's detail column says it (and
//! the files saved from the log): a line's method and id, an error response
//! explained in the user's language, a notification's parameters, or what a
//! step at one end did.

use lojinha_server::protocol::RpcError;
use lojinha_teach::steps::words::{self, local};
use lojinha_teach::steps::{Kind, Step};

use crate::client::describe::describe_rpc;
use crate::i18n::{Language, trf};

/// A one-line description of a step, in `language`.
pub fn describe(step: &Step, language: Language) -> String {
    let Some(message) = step.message() else { return local(step, language).unwrap_or_default() };
    let id = message.id.clone().unwrap_or_default();
    let method = message.method.clone().unwrap_or_default();
    let raw = step.raw().unwrap_or_default();
    match message.kind {
        Kind::Request => trf(language, "log-d-request", &[("method", &method), ("id", &id)]),
        Kind::Response => trf(language, "log-d-response", &[("method", &method), ("id", &id)]),
        Kind::Error { .. } => {
            let message = error_description(raw, language);
            let key = match (method.is_empty(), id.is_empty()) {
                (_, true) => "log-d-error_no_id",
                (true, false) => "log-d-error_plain",
                (false, false) => "log-d-error_response",
            };
            trf(language, key, &[("method", &method), ("id", &id), ("message", &message)])
        }
        Kind::Garbage | Kind::Batch => words::shorten(raw, 120),
        Kind::Notification => format!("{method} {}", params_summary(raw)),
    }
}

/// The error object of a response, described in the user's language (the
/// raw JSON, in the detail pane, keeps the server's own words).
fn error_description(raw: &str, language: Language) -> String {
    let mut value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    match serde_json::from_value::<RpcError>(value["error"].take()) {
        Ok(error) => describe_rpc(&error, language),
        Err(_) => String::new(),
    }
}

fn params_summary(raw: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    words::shorten(&value.get("params").map(|p| p.to_string()).unwrap_or_default(), 120)
}
