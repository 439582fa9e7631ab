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

use crate::i18n::{Language, tr, trf};

/// One sentence for any client error.
pub fn describe(error: &ClientError, lang: Language) -> String {
    match error {
        ClientError::NoServer { addr } => trf(lang, "client-no_server", &[("addr", addr)]),
        ClientError::Resolve { addr, kind: ErrorKind::InvalidInput, .. } => {
            trf(lang, "err-no_port", &[("addr", addr)])
        }
        ClientError::Resolve { addr, detail, .. } => {
            trf(lang, "err-resolve", &[("addr", addr), ("detail", &describe_lookup_failure(detail, lang))])
        }
        ClientError::Connect { addr, source } => {
            let detail = closing::socket_error(source.kind(), &source.to_string(), lang);
            trf(lang, "err-connect", &[("addr", addr), ("detail", &detail)])
        }
        ClientError::Timeout => tr(lang, "err-timeout"),
        ClientError::Closed { reason } => describe_reason(reason, lang),
        ClientError::Io(e) => {
            trf(lang, "err-io", &[("detail", &closing::socket_error(e.kind(), &e.to_string(), lang))])
        }
        ClientError::Rpc(e) => describe_rpc(e, lang),
        ClientError::Protocol(what) => trf(lang, "err-protocol", &[("detail", what)]),
    }
}

/// The server's error object, by its code.
pub fn describe_rpc(error: &RpcError, lang: Language) -> String {
    let data = |key: &str| {
        error.data.as_ref().and_then(|d| d.get(key)).and_then(|v| v.as_str()).unwrap_or_default().to_owned()
    };
    match error.code {
        NOT_FOUND => trf(lang, "err-not_found", &[("code", &data("code"))]),
        ALREADY_EXISTS => trf(lang, "err-exists", &[("code", &data("code"))]),
        CHANGED => trf(lang, "err-changed", &[("code", &data("code"))]),
        TOKEN_REQUIRED if error.message.contains("wrong") => tr(lang, "err-token_wrong"),
        TOKEN_REQUIRED => tr(lang, "err-token_required"),
        INVALID_PARAMS => {
            let (field, reason) =
                (describe_field(&data("field"), lang), describe_rule_text(&data("reason"), lang));
            trf(lang, "err-invalid_params", &[("field", &field), ("reason", &reason)])
        }
        PARSE_ERROR => trf(lang, "err-parse", &[("detail", &describe_parse_error(&error.message, lang))]),
        INVALID_REQUEST => {
            let detail = RequestProblem::parse(&error.message)
                .map_or_else(|| error.message.clone(), |problem| describe_problem(&problem, lang));
            trf(lang, "err-invalid_request", &[("detail", &detail)])
        }
        METHOD_NOT_FOUND => trf(lang, "err-method", &[("method", &data("method"))]),
        INTERNAL_ERROR => trf(lang, "err-internal", &[("detail", &describe_internal(&error.message, lang))]),
        _ => format!("{} ({})", error.message, error.code),
    }
}

/// Why a connection ended, as the client saw it.
pub fn describe_reason(end: &ConnectionEnd, lang: Language) -> String {
    closing::connection_end(end, lang)
}

/// Why the server closed a session (the server panel's log).
pub fn describe_close(reason: &CloseReason, lang: Language) -> String {
    closing::session_closed(reason, lang)
}

/// A rule a field broke (the server's `data.reason`, or the same check made
/// before sending).
pub fn describe_rule(reason: &Reason, lang: Language) -> String {
    match reason {
        Reason::Required => tr(lang, "rule-required"),
        Reason::Empty => tr(lang, "rule-empty"),
        Reason::NotAString => tr(lang, "rule-not_string"),
        Reason::NotAnObject => tr(lang, "rule-not_object"),
        Reason::TooLong { max } => trf(lang, "rule-too_long", &[("max", &max)]),
        Reason::TooLongHas { max, has } => trf(lang, "rule-too_long_has", &[("max", &max), ("has", &has)]),
        Reason::CharacterNotAllowed { quoted } => trf(lang, "rule-character", &[("char", quoted)]),
        Reason::ControlCharacters => tr(lang, "rule-control"),
        Reason::BidiControls => tr(lang, "rule-bidi"),
        Reason::NothingVisible => tr(lang, "rule-nothing_visible"),
        Reason::IntegerRange { min, max } => trf(lang, "rule-integer_range", &[("min", min), ("max", max)]),
        Reason::LengthRange { min, max } => trf(lang, "rule-length_range", &[("min", &min), ("max", &max)]),
        Reason::TokenTooLong { max } => trf(lang, "rule-token_too_long", &[("max", &max)]),
        Reason::UnknownField => tr(lang, "rule-unknown_field"),
        Reason::UnknownParameter => tr(lang, "rule-unknown_parameter"),
        Reason::TooManyPositional { max } => trf(lang, "rule-too_many_positional", &[("max", &max)]),
    }
}

/// What the server's JSON parser said (`parse error: expected value at line
/// 1 column 1`): the common complaints and the position in the user's
/// language, anything else in the parser's own words.
fn describe_parse_error(message: &str, lang: Language) -> String {
    let text = message.strip_prefix("parse error: ").unwrap_or(message);
    match text.rsplit_once(" at line ") {
        Some((what, place)) => match place.split_once(" column ") {
            Some((line, column)) => trf(
                lang,
                "err-json_at",
                &[("what", &describe_json_complaint(what, lang)), ("line", &line), ("column", &column)],
            ),
            None => describe_json_complaint(text, lang),
        },
        None => describe_json_complaint(text, lang),
    }
}

/// One complaint of the JSON parser (`expected value`, `trailing comma`),
/// translated when it is a common one.
pub fn describe_json_complaint(what: &str, lang: Language) -> String {
    let known = [
        ("expected value", "err-json_expected_value"),
        ("expected ident", "err-json_expected_value"),
        ("EOF while parsing", "err-json_eof"),
        ("trailing characters", "err-json_trailing"),
        ("trailing comma", "err-json_trailing_comma"),
        ("key must be a string", "err-json_key"),
        ("expected `,` or", "err-json_comma"),
        ("expected `:`", "err-json_colon"),
        ("invalid escape", "err-json_escape"),
        ("invalid number", "err-json_number"),
        ("invalid unicode code point", "err-json_unicode"),
        ("control character", "err-json_control"),
    ];
    say_known(what, &known, lang)
}

/// What went wrong inside the server (`-32603`, its message after
/// "internal error: "): the storage failures a server reports are said in
/// the user's language, anything else as sent.
fn describe_internal(message: &str, lang: Language) -> String {
    let what = message.strip_prefix("internal error: ").unwrap_or(message);
    let what = what.strip_prefix("storage write failed: ").unwrap_or(what);
    let known = [
        ("database or disk is full", "err-storage_full"),
        ("storage is shut down", "err-storage_stopping"),
        ("storage stopped", "err-storage_stopping"),
        ("attempt to write a readonly database", "err-storage_read_only"),
        ("database is locked", "err-storage_locked"),
        ("disk I/O error", "err-storage_io"),
        ("catalog full", "err-catalog_full"),
    ];
    say_known(what, &known, lang)
}

/// Why a host name gave no address (the resolver's text after "failed to
/// lookup address information: "), in the user's language when known.
fn describe_lookup_failure(detail: &str, lang: Language) -> String {
    let what = detail.strip_prefix("failed to lookup address information: ").unwrap_or(detail);
    let known = [
        // glibc, musl, macOS and Windows say "no such name" in these words.
        ("Name or service not known", "err-lookup_unknown"),
        ("Name does not resolve", "err-lookup_unknown"),
        ("nodename nor servname provided", "err-lookup_unknown"),
        ("No such host is known", "err-lookup_unknown"),
        ("No address associated with hostname", "err-lookup_no_address"),
        // The client's own words when a name resolved to no address at all.
        ("no address found", "err-lookup_no_address"),
        ("Temporary failure in name resolution", "err-lookup_no_answer"),
        ("Non-recoverable failure in name resolution", "err-lookup_no_answer"),
    ];
    say_known(what, &known, lang)
}

/// The translation of the first `(English start, key)` that `what` starts
/// with; `what` itself when none does.
fn say_known(what: &str, known: &[(&str, &'static str)], lang: Language) -> String {
    known
        .iter()
        .find(|(english, _)| what.starts_with(english))
        .map_or_else(|| what.to_owned(), |(_, key)| tr(lang, key))
}

/// Why a message is not a valid request (`-32600`).
fn describe_problem(problem: &RequestProblem, lang: Language) -> String {
    match problem {
        RequestProblem::EmptyBatch => tr(lang, "err-req_empty_batch"),
        RequestProblem::BatchTooLarge { max } => trf(lang, "err-req_batch_too_large", &[("max", max)]),
        RequestProblem::NotAnObject => tr(lang, "err-req_not_object"),
        RequestProblem::BadId => tr(lang, "err-req_bad_id"),
        RequestProblem::BadVersion => tr(lang, "err-req_bad_version"),
        RequestProblem::MethodNotAString => tr(lang, "err-req_method_not_string"),
        RequestProblem::MethodMissing => tr(lang, "err-req_method_missing"),
        RequestProblem::BadParams => tr(lang, "err-req_bad_params"),
        RequestProblem::DuplicateKey => tr(lang, "err-req_duplicate_key"),
        RequestProblem::TooManyValues { max } => trf(lang, "err-req_too_many_values", &[("max", max)]),
        RequestProblem::FrameTooLarge { limit } => trf(lang, "err-req_frame_too_large", &[("limit", limit)]),
    }
}

/// A field or parameter named on the wire, as the user knows it (the
/// product's fields are translated, with the wire name kept beside them).
pub fn describe_field(wire: &str, lang: Language) -> String {
    let key = match wire {
        "code" => "field-code",
        "name" => "field-name",
        "price_cents" => "field-price_cents",
        "quantity" => "field-quantity",
        other => return other.to_owned(),
    };
    tr(lang, key)
}

/// A `reason` sentence from the wire: translated when this version knows
/// it, else the server's own words.
pub fn describe_rule_text(text: &str, lang: Language) -> String {
    Reason::parse(text).map_or_else(|| text.to_owned(), |reason| describe_rule(&reason, lang))
}
