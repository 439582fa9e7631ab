//! Steps put into words, when they are drawn: the short label of a diagram
//! arrow and the sentence of a step that happened at one end only. The log
//! and the diagram both say a local step with [`local`], so they agree.

use std::time::Duration;

use crate::closing;
use crate::i18n::Language;

use super::step::{Kind, Name, Step, What};

/// The message id of a step kind's short name (the log's "step" column).
pub fn name_key(name: Name) -> &'static str {
    match name {
        Name::Listening => "step.listening",
        Name::Connecting => "step.connecting",
        Name::Connected => "step.connected",
        Name::SessionOpened => "step.session_opened",
        Name::Welcome => "step.welcome",
        Name::Hello => "step.hello",
        Name::Request => "step.request",
        Name::Response => "step.response",
        Name::ErrorResponse => "step.error_response",
        Name::Batch => "step.batch",
        Name::Notification => "step.notification",
        Name::Goodbye => "step.goodbye",
        Name::Garbage => "step.garbage",
        Name::Read => "step.read",
        Name::Error => "step.error",
        Name::Closed => "step.closed",
        Name::Stopped => "step.stopped",
        Name::Note => "step.note",
    }
}

/// What a step that is not a line says: "connect() to 127.0.0.1:5050",
/// "accept() from …", why a connection ended. `None` for lines.
pub fn local(step: &Step, language: Language) -> Option<String> {
    let pick = |en: &str, pt: &str| if language == Language::PtBr { pt.to_owned() } else { en.to_owned() };
    Some(match &step.what {
        What::Message(_) => return None,
        What::Connecting { addr } => pick("connect() to ", "connect() para ") + addr,
        What::Connected { local, peer } => {
            pick("connected as ", "conectado como ") + &format!("{local} -> {peer}")
        }
        What::Read => format!("read(): {} bytes", step.bytes.unwrap_or(0)),
        What::ConnectionEnded(end) => closing::connection_end(end, language),
        What::ConnectFailed { said, .. } => said.0.say(language),
        What::Listening { addr, mode } => {
            let mode = match (mode, language) {
                (lojinha_server::Mode::Sequential, Language::PtBr) => "sequencial",
                (lojinha_server::Mode::Threaded, Language::PtBr) => "com threads",
                (lojinha_server::Mode::Sequential, _) => "sequential",
                (lojinha_server::Mode::Threaded, _) => "threaded",
            };
            pick("listening on ", "escutando em ") + &format!("{addr} ({mode})")
        }
        What::Accepted { peer } => pick("accept() from ", "accept() de ") + &peer.to_string(),
        What::Named { client } => format!("hello: {client}"),
        What::Refused { peer, reason } => {
            pick("refused ", "recusado ") + &format!("{peer}: {}", closing::refusal(reason, language))
        }
        What::SessionClosed(reason) => closing::session_closed(reason, language),
        What::Stopped => pick("stopped", "parado"),
        What::Note { said, .. } => said.0.say(language),
    })
}

/// The label of a diagram row: "product.get #7", "result #7 · 1.20 ms",
/// "error 1001 #7", "batch [1,2]", or the local step's sentence.
pub fn label(step: &Step, language: Language) -> String {
    let Some(message) = step.message() else {
        let said = local(step, language).unwrap_or_default();
        return match &step.what {
            What::ConnectFailed { failure, .. } => closing::connect_failed(*failure, language),
            What::ConnectionEnded(_) | What::SessionClosed(_) => {
                format!("{}: {said}", if language == Language::PtBr { "fechada" } else { "closed" })
            }
            _ => said,
        };
    };
    let id = message.id.as_deref().map(|id| format!(" #{id}")).unwrap_or_default();
    let rtt = step.round_trip.map(|d| format!(" · {}", duration(d, language))).unwrap_or_default();
    let pt = language == Language::PtBr;
    // "result" stays: it is the response's member name, as the lesson says it.
    match message.kind {
        Kind::Request => format!("{}{id}", message.method.as_deref().unwrap_or_default()),
        Kind::Notification => message.method.clone().unwrap_or_default(),
        Kind::Response => format!("result{id}{rtt}"),
        Kind::Error { code } => {
            let code = code.map(|c| format!(" {c}")).unwrap_or_default();
            format!("{}{code}{id}{rtt}", if pt { "erro" } else { "error" })
        }
        Kind::Batch => format!("{}{id}{rtt}", if pt { "lote" } else { "batch" }),
        Kind::Garbage => {
            let raw = step.raw().unwrap_or_default();
            format!("{}: {}", if pt { "não é JSON-RPC" } else { "not JSON-RPC" }, shorten(raw, 24))
        }
    }
}

/// At most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// `42 µs`, `0.42 ms`, `12.3 ms`, `1.25 s`, with the language's decimal mark.
pub fn duration(duration: Duration, language: Language) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    let text = if ms < 0.1 {
        format!("{} µs", duration.as_micros())
    } else if ms < 1.0 {
        format!("{ms:.2} ms")
    } else if ms < 1000.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    };
    language.decimal(text)
}

/// A step's time on the record's clock: `12.345 s`.
pub fn clock(at: Duration, language: Language) -> String {
    language.decimal(format!("{:.3} s", at.as_secs_f64()))
}
