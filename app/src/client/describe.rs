//! Errors from the network, in the user's language.
//!
//! The wire protocol and server-core speak English; this turns a
//! `ClientError`, an RPC error object or a close reason into a translated
//! sentence, keeping the server's own words only where nothing better is
//! known (they are shown after the translation).

use lojinha_server::ClientError;
use lojinha_server::protocol::RpcError;
use lojinha_server::protocol::error::{
    ALREADY_EXISTS, INTERNAL_ERROR, INVALID_PARAMS, INVALID_REQUEST, METHOD_NOT_FOUND, NOT_FOUND,
    PARSE_ERROR, TOKEN_REQUIRED,
};

use crate::i18n::{tr, trf};

/// One sentence for any client error.
pub fn describe(error: &ClientError) -> String {
    match error {
        ClientError::NoServer { addr } => trf("client.no_server", &[("addr", addr)]),
        ClientError::Resolve { addr, detail } => trf("err.resolve", &[("addr", addr), ("detail", detail)]),
        ClientError::Connect { addr, source } => {
            trf("err.connect", &[("addr", addr), ("detail", &source.to_string())])
        }
        ClientError::Timeout => tr("err.timeout").to_owned(),
        ClientError::Closed { reason } => describe_reason(reason),
        ClientError::Io(e) => trf("err.io", &[("detail", &e.to_string())]),
        ClientError::Rpc(e) => describe_rpc(e),
        ClientError::Protocol(what) => trf("err.protocol", &[("detail", what)]),
    }
}

/// The server's error object, by its code.
pub fn describe_rpc(error: &RpcError) -> String {
    let data = |key: &str| {
        error.data.as_ref().and_then(|d| d.get(key)).and_then(|v| v.as_str()).unwrap_or_default().to_owned()
    };
    match error.code {
        NOT_FOUND => trf("err.not_found", &[("code", &data("code"))]),
        ALREADY_EXISTS => trf("err.exists", &[("code", &data("code"))]),
        TOKEN_REQUIRED if error.message.contains("wrong") => tr("err.token_wrong").to_owned(),
        TOKEN_REQUIRED => tr("err.token_required").to_owned(),
        INVALID_PARAMS => {
            trf("err.invalid_params", &[("field", &data("field")), ("reason", &data("reason"))])
        }
        PARSE_ERROR => trf("err.parse", &[("detail", &error.message)]),
        INVALID_REQUEST => trf("err.invalid_request", &[("detail", &error.message)]),
        METHOD_NOT_FOUND => trf("err.method", &[("method", &data("method"))]),
        INTERNAL_ERROR => trf("err.internal", &[("detail", &error.message)]),
        _ => format!("{} ({})", error.message, error.code),
    }
}

/// Why a connection ended, as the client library reports it.
pub fn describe_reason(reason: &str) -> String {
    let goodbye = reason.strip_prefix("the server said goodbye: ");
    match goodbye {
        Some("idle timeout") => tr("err.bye_idle").to_owned(),
        Some("too slow") => tr("err.bye_slow").to_owned(),
        Some("server shutting down") => tr("err.bye_shutdown").to_owned(),
        Some("server full") => tr("err.bye_full").to_owned(),
        Some(other) => trf("err.bye_other", &[("reason", other)]),
        None if reason == "the server closed the connection" => tr("err.server_closed").to_owned(),
        None => reason.to_owned(),
    }
}
