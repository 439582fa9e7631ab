//! Errors from the network, in the user's language.
//!
//! The wire protocol and server-core speak English; this turns a
//! `ClientError`, an RPC error object or a close reason into a translated
//! sentence, keeping the server's own words only where nothing better is
//! known (they are shown after the translation).

use std::io::ErrorKind;

use lojinha_server::protocol::error::{
    ALREADY_EXISTS, CHANGED, INTERNAL_ERROR, INVALID_PARAMS, INVALID_REQUEST, METHOD_NOT_FOUND, NOT_FOUND,
    PARSE_ERROR, TOKEN_REQUIRED,
};
use lojinha_server::protocol::{Reason, RequestProblem, RpcError};
use lojinha_server::server::CloseReason;
use lojinha_server::{ClientError, ConnectionEnd};
use lojinha_teach::closing;

use crate::i18n::{Language, language, tr, trf};

/// One sentence for any client error.
pub fn describe(error: &ClientError) -> String {
    match error {
        ClientError::NoServer { addr } => trf("client.no_server", &[("addr", addr)]),
        ClientError::Resolve { addr, kind: ErrorKind::InvalidInput, .. } => {
            trf("err.no_port", &[("addr", addr)])
        }
        ClientError::Resolve { addr, detail, .. } => {
            trf("err.resolve", &[("addr", addr), ("detail", &describe_lookup_failure(detail))])
        }
        ClientError::Connect { addr, source } => {
            let detail = closing::socket_error(source.kind(), &source.to_string(), language());
            trf("err.connect", &[("addr", addr), ("detail", &detail)])
        }
        ClientError::Timeout => tr("err.timeout").to_owned(),
        ClientError::Closed { reason } => describe_reason(reason),
        ClientError::Io(e) => {
            trf("err.io", &[("detail", &closing::socket_error(e.kind(), &e.to_string(), language()))])
        }
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
        CHANGED => trf("err.changed", &[("code", &data("code"))]),
        TOKEN_REQUIRED if error.message.contains("wrong") => tr("err.token_wrong").to_owned(),
        TOKEN_REQUIRED => tr("err.token_required").to_owned(),
        INVALID_PARAMS => {
            let (field, reason) = (describe_field(&data("field")), describe_rule_text(&data("reason")));
            trf("err.invalid_params", &[("field", &field), ("reason", &reason)])
        }
        PARSE_ERROR => trf("err.parse", &[("detail", &describe_parse_error(&error.message))]),
        INVALID_REQUEST => {
            let detail = RequestProblem::parse(&error.message)
                .map_or_else(|| error.message.clone(), |problem| describe_problem(&problem));
            trf("err.invalid_request", &[("detail", &detail)])
        }
        METHOD_NOT_FOUND => trf("err.method", &[("method", &data("method"))]),
        INTERNAL_ERROR => trf("err.internal", &[("detail", &describe_internal(&error.message))]),
        _ => format!("{} ({})", error.message, error.code),
    }
}

/// Why a connection ended, as the client saw it.
pub fn describe_reason(end: &ConnectionEnd) -> String {
    closing::connection_end(end, language())
}

/// Why the server closed a session (the server panel's log).
pub fn describe_close(reason: &CloseReason) -> String {
    closing::session_closed(reason, language())
}

/// A rule a field broke (the server's `data.reason`, or the same check made
/// before sending).
pub fn describe_rule(reason: &Reason) -> String {
    match reason {
        Reason::Required => tr("rule.required").to_owned(),
        Reason::Empty => tr("rule.empty").to_owned(),
        Reason::NotAString => tr("rule.not_string").to_owned(),
        Reason::NotAnObject => tr("rule.not_object").to_owned(),
        Reason::TooLong { max } => trf("rule.too_long", &[("max", &max.to_string())]),
        Reason::TooLongHas { max, has } => {
            trf("rule.too_long_has", &[("max", &max.to_string()), ("has", &has.to_string())])
        }
        Reason::CharacterNotAllowed { quoted } => trf("rule.character", &[("char", quoted)]),
        Reason::ControlCharacters => tr("rule.control").to_owned(),
        Reason::BidiControls => tr("rule.bidi").to_owned(),
        Reason::NothingVisible => tr("rule.nothing_visible").to_owned(),
        Reason::IntegerRange { min, max } => {
            trf("rule.integer_range", &[("min", &grouped(*min)), ("max", &grouped(*max))])
        }
        Reason::LengthRange { min, max } => {
            trf("rule.length_range", &[("min", &min.to_string()), ("max", &max.to_string())])
        }
        Reason::TokenTooLong { max } => trf("rule.token_too_long", &[("max", &max.to_string())]),
        Reason::UnknownField => tr("rule.unknown_field").to_owned(),
        Reason::UnknownParameter => tr("rule.unknown_parameter").to_owned(),
        Reason::TooManyPositional { max } => trf("rule.too_many_positional", &[("max", &max.to_string())]),
    }
}

/// What the server's JSON parser said (`parse error: expected value at line
/// 1 column 1`): the common complaints and the position in the user's
/// language, anything else in the parser's own words.
fn describe_parse_error(message: &str) -> String {
    let text = message.strip_prefix("parse error: ").unwrap_or(message);
    match text.rsplit_once(" at line ") {
        Some((what, place)) => match place.split_once(" column ") {
            Some((line, column)) => trf(
                "err.json_at",
                &[("what", &describe_json_complaint(what)), ("line", line), ("column", column)],
            ),
            None => describe_json_complaint(text),
        },
        None => describe_json_complaint(text),
    }
}

/// One complaint of the JSON parser (`expected value`, `trailing comma`),
/// translated when it is a common one.
pub fn describe_json_complaint(what: &str) -> String {
    let known = [
        ("expected value", "err.json_expected_value"),
        ("expected ident", "err.json_expected_value"),
        ("EOF while parsing", "err.json_eof"),
        ("trailing characters", "err.json_trailing"),
        ("trailing comma", "err.json_trailing_comma"),
        ("key must be a string", "err.json_key"),
        ("expected `,` or", "err.json_comma"),
        ("expected `:`", "err.json_colon"),
        ("invalid escape", "err.json_escape"),
        ("invalid number", "err.json_number"),
        ("invalid unicode code point", "err.json_unicode"),
        ("control character", "err.json_control"),
    ];
    say_known(what, &known)
}

/// What went wrong inside the server (`-32603`, its message after
/// "internal error: "): the storage failures a server reports are said in
/// the user's language, anything else as sent.
fn describe_internal(message: &str) -> String {
    let what = message.strip_prefix("internal error: ").unwrap_or(message);
    let what = what.strip_prefix("storage write failed: ").unwrap_or(what);
    let known = [
        ("database or disk is full", "err.storage_full"),
        ("storage is shut down", "err.storage_stopping"),
        ("storage stopped", "err.storage_stopping"),
        ("attempt to write a readonly database", "err.storage_read_only"),
        ("database is locked", "err.storage_locked"),
        ("disk I/O error", "err.storage_io"),
        ("catalog full", "err.catalog_full"),
    ];
    say_known(what, &known)
}

/// Why a host name gave no address (the resolver's text after "failed to
/// lookup address information: "), in the user's language when known.
fn describe_lookup_failure(detail: &str) -> String {
    let what = detail.strip_prefix("failed to lookup address information: ").unwrap_or(detail);
    let known = [
        // glibc, musl, macOS and Windows say "no such name" in these words.
        ("Name or service not known", "err.lookup_unknown"),
        ("Name does not resolve", "err.lookup_unknown"),
        ("nodename nor servname provided", "err.lookup_unknown"),
        ("No such host is known", "err.lookup_unknown"),
        ("No address associated with hostname", "err.lookup_no_address"),
        // The client's own words when a name resolved to no address at all.
        ("no address found", "err.lookup_no_address"),
        ("Temporary failure in name resolution", "err.lookup_no_answer"),
        ("Non-recoverable failure in name resolution", "err.lookup_no_answer"),
    ];
    say_known(what, &known)
}

/// The translation of the first `(English start, key)` that `what` starts
/// with; `what` itself when none does.
fn say_known(what: &str, known: &[(&str, &'static str)]) -> String {
    known
        .iter()
        .find(|(english, _)| what.starts_with(english))
        .map_or_else(|| what.to_owned(), |(_, key)| tr(key).to_owned())
}

/// Why a message is not a valid request (`-32600`).
fn describe_problem(problem: &RequestProblem) -> String {
    match problem {
        RequestProblem::EmptyBatch => tr("err.req_empty_batch").to_owned(),
        RequestProblem::BatchTooLarge { max } => {
            trf("err.req_batch_too_large", &[("max", &grouped(*max as i64))])
        }
        RequestProblem::NotAnObject => tr("err.req_not_object").to_owned(),
        RequestProblem::BadId => tr("err.req_bad_id").to_owned(),
        RequestProblem::BadVersion => tr("err.req_bad_version").to_owned(),
        RequestProblem::MethodNotAString => tr("err.req_method_not_string").to_owned(),
        RequestProblem::MethodMissing => tr("err.req_method_missing").to_owned(),
        RequestProblem::BadParams => tr("err.req_bad_params").to_owned(),
        RequestProblem::DuplicateKey => tr("err.req_duplicate_key").to_owned(),
        RequestProblem::TooManyValues { max } => {
            trf("err.req_too_many_values", &[("max", &grouped(*max as i64))])
        }
        RequestProblem::FrameTooLarge { limit } => {
            trf("err.req_frame_too_large", &[("limit", &grouped(*limit as i64))])
        }
    }
}

/// A field or parameter named on the wire, as the user knows it (the
/// product's fields are translated, with the wire name kept beside them).
pub fn describe_field(wire: &str) -> String {
    let key = match wire {
        "code" => "field.code",
        "name" => "field.name",
        "price_cents" => "field.price_cents",
        "quantity" => "field.quantity",
        other => return other.to_owned(),
    };
    tr(key).to_owned()
}

/// A `reason` sentence from the wire: translated when this version knows
/// it, else the server's own words.
pub fn describe_rule_text(text: &str) -> String {
    Reason::parse(text).map_or_else(|| text.to_owned(), |reason| describe_rule(&reason))
}

/// `1000000` as `1,000,000` (English) or `1.000.000` (Português).
pub fn grouped(n: i64) -> String {
    let separator = match language() {
        Language::En => ',',
        Language::PtBr => '.',
    };
    let digits = lojinha_teach::money::group_thousands(n.unsigned_abs(), separator);
    if n < 0 { format!("-{digits}") } else { digits }
}
