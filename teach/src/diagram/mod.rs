//! A live sequence diagram of the protocol: lifelines for the client(s) and
//! the server, one arrow per message in time order, responses paired with
//! their requests and labelled with the round-trip time.
//!
//! The diagram keeps its own copy of what it draws ([`DiagramMessage`]), fed
//! by the app with [`Diagram::push`] (see [`from_client_event`] and
//! [`from_server_event`]). Everything a frame needs (labels, pairing, lane
//! columns) is worked out once in `push`, so a frame costs only the rows in
//! view, and the widget never asks for a repaint of its own.

mod convert;
mod legend;
mod message;
mod paint;
mod pairing;
mod view;

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;

use crate::i18n::{Decimal, Language, tr, trf};
pub use convert::{from_client_event, from_server_event};
pub use legend::legend;
pub use message::{DiagramMessage, Direction, Kind, SERVER_LANE, classify};
use pairing::Pairing;

/// What the user asked for in the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagramAction {
    /// Clicked the message with this log index: select it in the log.
    Select(usize),
}

/// Whose conversation the diagram shows; only changes the lifeline names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Perspective {
    /// One client window: lifelines "Client" and "Server".
    #[default]
    Client,
    /// The server panel: one lifeline per session, then "Server".
    Server,
}

/// What `push` works out once for each message.
#[derive(Debug, Clone)]
struct Row {
    label: String,
    /// The request of a response, or the response of a request.
    partner: Option<usize>,
    round_trip: Option<Duration>,
}

/// The diagram's state: messages, pairing, selection.
#[derive(Debug, Default)]
pub struct Diagram {
    messages: Vec<DiagramMessage>,
    rows: Vec<Row>,
    /// Client lanes in order of first appearance; the server's column comes after them.
    lanes: Vec<u64>,
    column_of_lane: HashMap<u64, usize>,
    /// The client name each session gave in `hello`.
    lane_clients: HashMap<u64, String>,
    row_of_log_index: HashMap<usize, usize>,
    pairing: Pairing,
    selected: Option<usize>,
    scroll_to_row: Option<usize>,
    perspective: Perspective,
    language: Language,
    /// The pretty JSON of the last hovered row, so hovering does not re-parse each frame.
    tooltip_cache: Option<(usize, String)>,
}

impl Diagram {
    /// A diagram for one client window.
    pub fn client() -> Diagram {
        Diagram::default()
    }

    /// A diagram for the server panel, one lifeline per session.
    pub fn server() -> Diagram {
        Diagram { perspective: Perspective::Server, ..Diagram::default() }
    }

    /// Draws in `language` from now on, relabelling what is already there
    /// (only when it changes: a frame may call this every time).
    pub fn set_language(&mut self, language: Language) {
        if self.language == language {
            return;
        }
        self.language = language;
        for (row, message) in self.rows.iter_mut().zip(&self.messages) {
            row.label = label_of(message, row.round_trip, language);
        }
        self.tooltip_cache = None;
    }

    /// Names a session's lifeline after its client ("Session 3: Window 2");
    /// without one it is "Client" or "Session N".
    pub fn set_lane_client(&mut self, lane: u64, client: &str) {
        self.lane_clients.insert(lane, client.to_owned());
    }

    /// Adds a message after the others (messages are drawn in push order).
    pub fn push(&mut self, message: DiagramMessage) {
        let row = self.messages.len();
        if message.lane != SERVER_LANE && !self.column_of_lane.contains_key(&message.lane) {
            self.column_of_lane.insert(message.lane, self.lanes.len());
            self.lanes.push(message.lane);
        }
        if let Kind::Closed { .. } = message.kind {
            self.pairing.close_lane(message.lane);
        }
        let request = self.pairing.observe(row, &message);
        let round_trip = request.map(|r| message.at.saturating_sub(self.messages[r].at));
        if let Some(r) = request {
            self.rows[r].partner = Some(row);
        }
        let label = label_of(&message, round_trip, self.language);
        self.rows.push(Row { label, partner: request, round_trip });
        self.row_of_log_index.insert(message.log_index, row);
        self.messages.push(message);
    }

    /// Forgets every message (the sessions' client names stay).
    pub fn clear(&mut self) {
        self.messages.clear();
        self.rows.clear();
        self.lanes.clear();
        self.column_of_lane.clear();
        self.row_of_log_index.clear();
        self.pairing.clear();
        self.selected = None;
        self.scroll_to_row = None;
        self.tooltip_cache = None;
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn messages(&self) -> &[DiagramMessage] {
        &self.messages
    }

    /// The round-trip time of the response at `row` (push order).
    pub fn round_trip(&self, row: usize) -> Option<Duration> {
        self.rows.get(row)?.round_trip
    }

    /// The row paired with `row`: a request's response or a response's request.
    pub fn partner(&self, row: usize) -> Option<usize> {
        self.rows.get(row)?.partner
    }

    /// The arrow's label at `row`, as drawn.
    pub fn label(&self, row: usize) -> Option<&str> {
        Some(self.rows.get(row)?.label.as_str())
    }

    /// Highlights the message with this log index (`None` clears) and
    /// scrolls it into view on the next frame.
    pub fn set_selected(&mut self, log_index: impl Into<Option<usize>>) {
        self.selected = log_index.into();
        self.scroll_to_row = self.selected.and_then(|i| self.row_of_log_index.get(&i).copied());
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    fn lane_name(&self, lane: u64) -> String {
        let (language, client) = (self.language, self.lane_clients.get(&lane));
        // A session number is a name, not a quantity: never grouped.
        let lane = lane.to_string();
        match (self.perspective, client) {
            (Perspective::Client, _) => tr(language, "diagram-client"),
            (Perspective::Server, None) => trf(language, "diagram-session", &[("lane", &lane)]),
            (Perspective::Server, Some(client)) => {
                trf(language, "diagram-session_named", &[("lane", &lane), ("client", client)])
            }
        }
    }
}

/// "product.get #7", "result #7 · 1.2 ms", "error 1001 #7 · 0.8 ms".
fn label_of(message: &DiagramMessage, round_trip: Option<Duration>, language: Language) -> String {
    // "result" stays: it is the response's member name, as the lesson says it.
    let translated = |english: &str| match (language, &message.pt_br) {
        (Language::PtBr, Some(text)) => text.clone(),
        _ => english.to_owned(),
    };
    let id = message.id.as_deref().map(|id| format!(" #{id}")).unwrap_or_default();
    let rtt = round_trip.map(|d| format!(" · {}", duration_in(language, d))).unwrap_or_default();
    match &message.kind {
        Kind::Request { method } => format!("{method}{id}"),
        Kind::Notification { method } => method.clone(),
        Kind::Response => format!("result{id}{rtt}"),
        Kind::ErrorResponse => {
            let code = error_code(&message.raw);
            trf(language, "diagram-error", &[("code", &code), ("id", &id), ("rtt", &rtt)])
        }
        Kind::Batch => trf(language, "diagram-batch", &[("id", &id), ("rtt", &rtt)]),
        Kind::Invalid => trf(language, "diagram-not_json_rpc", &[("raw", &shorten(&message.raw, 24))]),
        Kind::Local { what } => translated(what),
        Kind::Closed { reason } => trf(language, "diagram-closed", &[("reason", &translated(reason))]),
    }
}

fn error_code(raw: &str) -> String {
    let value: Option<Value> = serde_json::from_str(raw).ok();
    value
        .and_then(|v| v.get("error")?.get("code")?.as_i64())
        .map(|code| format!(" {code}"))
        .unwrap_or_default()
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// [`format_duration`] in `language`'s number style (`1,25 s` in Portuguese).
pub fn duration_in(language: Language, duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        trf(language, "diagram-duration_ms", &[("ms", &Decimal(ms, 2))])
    } else if ms < 1000.0 {
        trf(language, "diagram-duration_ms", &[("ms", &Decimal(ms, 1))])
    } else {
        trf(language, "diagram-duration_s", &[("s", &Decimal(ms / 1000.0, 2))])
    }
}

/// `0.42 ms`, `12.3 ms`, `1.25 s`.
pub fn format_duration(duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        format!("{ms:.2} ms")
    } else if ms < 1000.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod ui_tests;
