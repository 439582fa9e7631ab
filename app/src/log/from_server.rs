//! Turns the server's events into log entries (the server panel's log).

use lojinha_server::server::{ServerEvent, ServerEventRecord};

use super::from_client::with_detail;
use super::model::{Direction, LocalDetail, LogEntry, Step, id_and_method};

/// The log entry for one server event.
pub fn entry(record: &ServerEventRecord) -> LogEntry {
    let local = |step| LogEntry::new(record.at, record.wall, Direction::Local, step);
    let in_session = |mut e: LogEntry, session: u64| {
        e.session = Some(session);
        e
    };
    match &record.event {
        ServerEvent::Listening { addr, mode } => {
            let mut e = with_detail(local(Step::Listening), addr.to_string());
            e.local = Some(LocalDetail::Listening { addr: *addr, mode: *mode });
            e
        }
        ServerEvent::SessionOpened { session, peer } => {
            in_session(with_detail(local(Step::SessionOpened), peer.to_string()), *session)
        }
        ServerEvent::SessionNamed { session, client } => {
            in_session(with_detail(local(Step::Hello), client.clone()), *session)
        }
        ServerEvent::Rejected { peer, reason } => {
            let mut e = with_detail(local(Step::Error), format!("{peer}: {reason}"));
            e.local = Some(LocalDetail::Refused { peer: *peer, reason: reason.clone() });
            e
        }
        ServerEvent::Read { session, bytes } => {
            let mut e = in_session(local(Step::Read), *session);
            e.bytes = Some(*bytes);
            e
        }
        ServerEvent::MessageIn { session, raw, bytes } => {
            message(record, Direction::ClientToServer, *session, raw, *bytes)
        }
        ServerEvent::MessageOut { session, raw, bytes } => {
            message(record, Direction::ServerToClient, *session, raw, *bytes)
        }
        ServerEvent::SessionClosed { session, reason } => {
            let mut e = in_session(with_detail(local(Step::Closed), reason.to_string()), *session);
            e.local = Some(LocalDetail::SessionClosed(reason.clone()));
            e
        }
        ServerEvent::Stopped => local(Step::Stopped),
    }
}

fn message(
    record: &ServerEventRecord,
    direction: Direction,
    session: u64,
    raw: &str,
    bytes: usize,
) -> LogEntry {
    let (id, method, error) = id_and_method(raw);
    let step = match (direction, &id, method.as_deref()) {
        (_, None, _) if raw.trim_start().starts_with('[') => Step::Batch,
        (Direction::ServerToClient, None, Some("welcome")) => Step::Welcome,
        (Direction::ServerToClient, None, Some("goodbye")) => Step::Goodbye,
        (_, None, Some(_)) => Step::Notification,
        (Direction::ClientToServer, Some(_), Some("hello")) => Step::Hello,
        (Direction::ClientToServer, Some(_), Some(_)) => Step::Request,
        (Direction::ServerToClient, Some(_), _) if error.is_some() => Step::ErrorResponse,
        (Direction::ServerToClient, Some(_), _) => Step::Response,
        _ => Step::Garbage,
    };
    let mut e = LogEntry::new(record.at, record.wall, direction, step);
    e.session = Some(session);
    e.id = id;
    e.method = method;
    e.bytes = Some(bytes);
    e.raw = Some(raw.to_owned());
    e
}
