//! Turns the client's protocol events into log entries.

use lojinha_server::client::{ClientEvent, ClientEventRecord, ReceivedKind};

use super::model::{Direction, LocalDetail, LogEntry, RAW_KEPT, Step, id_and_method};

/// Whether this record starts a new connection attempt (the log's time origin).
pub fn starts_connection(record: &ClientEventRecord) -> bool {
    matches!(record.event, ClientEvent::Resolving { .. })
}

/// The log entry for one client event (`None` for resolving, which only
/// starts the clock: the `connecting` entry that follows names the address).
pub fn entry(record: &ClientEventRecord) -> Option<LogEntry> {
    if starts_connection(record) {
        return None;
    }
    Some(entry_of(record))
}

fn entry_of(record: &ClientEventRecord) -> LogEntry {
    let local = |step| LogEntry::new(record.at, record.wall, Direction::Local, step);
    match &record.event {
        ClientEvent::Resolving { addr } => with_detail(local(Step::Connecting), addr.clone()),
        ClientEvent::Connecting { addr } => with_detail(local(Step::Connecting), addr.to_string()),
        ClientEvent::Connected { local: mine, peer } => {
            with_detail(local(Step::Connected), format!("{mine} -> {peer}"))
        }
        ClientEvent::Sent { raw, bytes, id, method } => {
            // A raw console message carries no id or method of its own: read them from the text.
            let (raw_id, raw_method, _) =
                if id.is_none() && method.is_none() { id_and_method(raw) } else { (None, None, None) };
            let (id, method) = (id.clone().or(raw_id), method.clone().or(raw_method));
            let step = match (&id, method.as_deref()) {
                _ if raw.trim_start().starts_with('[') => Step::Batch,
                (_, Some("hello")) => Step::Hello,
                (None, None) => Step::Garbage,
                _ => Step::Request,
            };
            let mut e = LogEntry::new(record.at, record.wall, Direction::ClientToServer, step);
            e.id = id;
            e.method = method;
            with_raw(e, raw, *bytes)
        }
        ClientEvent::Received { raw, bytes, kind, id, method, rtt } => {
            let mut e = LogEntry::new(
                record.at,
                record.wall,
                Direction::ServerToClient,
                received_step(*kind, method),
            );
            e.id = id.clone();
            e.method = method.clone();
            // The round trip is measured by pairing (response handled − request
            // written, both on the network thread): the client's own figure starts
            // its clock after the write returns and can read 0 on a fast loopback.
            let _ = rtt;
            with_raw(e, raw, *bytes)
        }
        ClientEvent::Read { bytes } => {
            let mut e = local(Step::Read);
            e.bytes = Some(*bytes);
            e
        }
        ClientEvent::Closed { reason } => {
            let mut e = with_detail(local(Step::Closed), reason.to_string());
            e.local = Some(LocalDetail::ConnectionEnded(reason.clone()));
            e
        }
    }
}

fn received_step(kind: ReceivedKind, method: &Option<String>) -> Step {
    match kind {
        ReceivedKind::Response => Step::Response,
        ReceivedKind::Error => Step::ErrorResponse,
        ReceivedKind::Batch => Step::Batch,
        ReceivedKind::Garbage => Step::Garbage,
        ReceivedKind::Notification => match method.as_deref() {
            Some("welcome") => Step::Welcome,
            Some("goodbye") => Step::Goodbye,
            _ => Step::Notification,
        },
    }
}

/// The message's text and size; a text the client cut at [`RAW_KEPT`]
/// records how many bytes it lost (`bytes` counts the newline).
fn with_raw(mut entry: LogEntry, raw: &str, bytes: usize) -> LogEntry {
    let line = bytes.saturating_sub(1);
    if line > RAW_KEPT {
        entry.raw_cut = line.saturating_sub(raw.len());
    }
    entry.bytes = Some(bytes);
    entry.raw = Some(raw.to_owned());
    entry
}

pub fn with_detail(mut entry: LogEntry, detail: String) -> LogEntry {
    entry.detail = Some(detail);
    entry
}
