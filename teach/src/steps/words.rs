//! Steps put into words, when they are drawn: the short label of a diagram
//! arrow and the sentence of a step that happened at one end only. The log
//! and the diagram both say a local step with [`local`], so they agree.

use std::time::Duration;

use lojinha_server::Mode;
use lojinha_server::server::{OwnerAct, Release};

use crate::closing;
use crate::i18n::{Language, ToArg, decimal, tr, trf};

use super::step::{Direction, Kind, Name, Step, What};

/// The message id of a step kind's short name (the log's "step" column).
pub fn name_key(name: Name) -> &'static str {
    match name {
        Name::Listening => "step-listening",
        Name::Connecting => "step-connecting",
        Name::Connected => "step-connected",
        Name::SessionOpened => "step-session_opened",
        Name::Welcome => "step-welcome",
        Name::Hello => "step-hello",
        Name::Request => "step-request",
        Name::Response => "step-response",
        Name::ErrorResponse => "step-error_response",
        Name::Batch => "step-batch",
        Name::Notification => "step-notification",
        Name::Goodbye => "step-goodbye",
        Name::Garbage => "step-garbage",
        Name::Read => "step-read",
        Name::Error => "step-error",
        Name::Closed => "step-closed",
        Name::Stopped => "step-stopped",
        Name::Note => "step-note",
        Name::Owner => "step-owner",
        Name::Piece => "step-piece",
    }
}

/// What a step that is not a line says: "connect() to 127.0.0.1:5050",
/// "accept() from …", why a connection ended. `None` for lines.
pub fn local(step: &Step, language: Language) -> Option<String> {
    let say = |id: &str, args: &[(&str, &dyn ToArg)]| trf(language, id, args);
    Some(match &step.what {
        What::Message(_) => return None,
        What::Connecting { addr } => say("steps-connect_to", &[("addr", addr)]),
        What::Connected { local, peer } => {
            say("steps-connected_as", &[("local", &local.to_string()), ("peer", &peer.to_string())])
        }
        What::Read => say("steps-read", &[("n", &step.bytes.unwrap_or(0))]),
        What::ConnectionEnded(end) => closing::connection_end(end, language),
        What::ConnectFailed { said, .. } => said.0.say(language),
        What::Listening { addr, mode } => {
            let mode = tr(language, mode_id(*mode));
            say("steps-listening_on", &[("addr", &addr.to_string()), ("mode", &mode)])
        }
        What::Accepted { peer } => say("steps-accepted", &[("peer", &peer.to_string())]),
        What::Named { client } => say("steps-named", &[("client", client)]),
        What::Refused { peer, reason } => {
            let reason = closing::refusal(reason, language);
            say("steps-refused", &[("peer", &peer.to_string()), ("reason", &reason)])
        }
        What::SessionClosed(reason) => closing::session_closed(reason, language),
        What::Stopped => tr(language, "steps-stopped"),
        What::Owner(act) => owner(*act, language),
        What::Piece { n, of } => {
            say("steps-piece", &[("n", n), ("of", of), ("bytes", &step.bytes.unwrap_or(0))])
        }
        What::Note { said, .. } => said.0.say(language),
    })
}

/// What the server owner's controls did to a line.
fn owner(act: OwnerAct, language: Language) -> String {
    match act {
        OwnerAct::Held { held } => trf(language, "steps-owner_held", &[("n", &held)]),
        OwnerAct::HoldFull => tr(language, "steps-owner_hold_full"),
        OwnerAct::Released(Release::Next) => tr(language, "steps-owner_released_next"),
        OwnerAct::Released(Release::All) => tr(language, "steps-owner_released_all"),
        OwnerAct::Released(Release::Unpaused) => tr(language, "steps-owner_released_unpaused"),
        OwnerAct::Discarded => tr(language, "steps-owner_discarded"),
        OwnerAct::Delayed { ms } => {
            let delay = duration(Duration::from_millis(ms), language);
            trf(language, "steps-owner_delayed", &[("delay", &delay)])
        }
        OwnerAct::Piece { n, of, bytes } => {
            trf(language, "steps-piece", &[("n", &n), ("of", &of), ("bytes", &bytes)])
        }
    }
}

/// The message id of a server mode's name ("threaded", "sequential").
pub fn mode_id(mode: Mode) -> &'static str {
    match mode {
        Mode::Threaded => "server-mode_threaded",
        Mode::Sequential => "server-mode_sequential",
    }
}

/// The label of a diagram row: "product.get #7", "result #7 · 1.20 ms",
/// "error 1001 #7", "batch [1,2]", or the local step's sentence.
pub fn label(step: &Step, language: Language) -> String {
    let Some(message) = step.message() else {
        return match &step.what {
            What::ConnectFailed { failure, .. } => closing::connect_failed(*failure, language),
            What::ConnectionEnded(_) | What::SessionClosed(_) => {
                let reason = local(step, language).unwrap_or_default();
                trf(language, "diagram-closed", &[("reason", &reason)])
            }
            _ => local(step, language).unwrap_or_default(),
        };
    };
    let id = message.id.as_deref().map(|id| format!(" #{id}")).unwrap_or_default();
    let rtt = step.round_trip.map(|d| format!(" · {}", duration(d, language))).unwrap_or_default();
    // "result" stays: it is the response's member name, as the lesson says it.
    match message.kind {
        Kind::Request => format!("{}{id}", message.method.as_deref().unwrap_or_default()),
        Kind::Notification => message.method.clone().unwrap_or_default(),
        Kind::Response => format!("result{id}{rtt}"),
        Kind::Error { code } => {
            let code = code.map(|c| format!(" {c}")).unwrap_or_default();
            trf(language, "diagram-error", &[("code", &code), ("id", &id), ("rtt", &rtt)])
        }
        Kind::Batch => trf(language, "diagram-batch", &[("id", &id), ("rtt", &rtt)]),
        Kind::Garbage => {
            let raw = shorten(step.raw().unwrap_or_default(), 24);
            trf(language, "diagram-not_json_rpc", &[("raw", &raw)])
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
    if ms < 0.1 {
        format!("{} µs", duration.as_micros())
    } else if ms < 1000.0 {
        format!("{} ms", decimal(language, ms, if ms < 1.0 { 2 } else { 1 }))
    } else {
        format!("{} s", decimal(language, ms / 1000.0, 2))
    }
}

/// A step's time on the record's clock: `12.345 s`.
pub fn clock(at: Duration, language: Language) -> String {
    format!("{} s", decimal(language, at.as_secs_f64(), 3))
}

/// `C→S`, `S→C`, or `•` for a step at one end (the log's direction column).
pub fn arrow(direction: Option<Direction>) -> &'static str {
    match direction {
        Some(Direction::ToServer) => "C→S",
        Some(Direction::ToClient) => "S→C",
        None => "•",
    }
}
