//! Events the server reports for a live log: every protocol step, timed.
//!
//! Events are optional and never slow the server down: the stream is bounded
//! and an event that does not fit is counted and dropped.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Instant, SystemTime};

use crossbeam_channel::{Receiver, Sender};

use super::config::Mode;
use crate::protocol::notices::GoodbyeReason;

/// Why a session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloseReason {
    /// The client closed its end.
    ClientClosed,
    /// The client sent `quit`.
    Quit,
    IdleTimeout,
    /// A line was still incomplete when its time was up.
    LineTimeout,
    /// Its unsent output passed the bound, or it read nothing for the write timeout.
    TooSlow,
    /// Too many `hello`s with a wrong token.
    WrongToken,
    FrameTooLarge,
    ServerShutdown,
    /// The server's owner dropped it (the server panel's "Drop"): the
    /// socket shut both ways, no `goodbye`.
    DroppedByOwner,
    /// A socket error (or the session's writer thread could not start).
    Error {
        kind: std::io::ErrorKind,
        detail: String,
    },
}

impl CloseReason {
    /// A session ended by this I/O error.
    pub fn io(error: &std::io::Error) -> CloseReason {
        CloseReason::Error { kind: error.kind(), detail: error.to_string() }
    }

    /// A session whose write to the client failed: a write that timed out
    /// means the client stopped reading.
    pub fn write_failed(error: &std::io::Error) -> CloseReason {
        match error.kind() {
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => CloseReason::TooSlow,
            _ => CloseReason::io(error),
        }
    }

    /// The `goodbye` reason sent to the client, when one is sent.
    pub fn goodbye(&self) -> Option<GoodbyeReason> {
        match self {
            CloseReason::IdleTimeout => Some(GoodbyeReason::IdleTimeout),
            CloseReason::LineTimeout => Some(GoodbyeReason::LineTimeout),
            CloseReason::WrongToken => Some(GoodbyeReason::WrongToken),
            CloseReason::TooSlow => Some(GoodbyeReason::TooSlow),
            CloseReason::ServerShutdown => Some(GoodbyeReason::ServerShutdown),
            _ => None,
        }
    }
}

impl std::fmt::Display for CloseReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CloseReason::ClientClosed => f.write_str("client closed the connection"),
            CloseReason::Quit => f.write_str("client sent quit"),
            CloseReason::IdleTimeout => f.write_str("idle timeout"),
            CloseReason::LineTimeout => f.write_str("line timeout: a line took too long to arrive"),
            CloseReason::WrongToken => f.write_str("wrong token, too many times"),
            CloseReason::TooSlow => f.write_str("too slow: output not read"),
            CloseReason::FrameTooLarge => f.write_str("frame too large"),
            CloseReason::ServerShutdown => f.write_str("server shutting down"),
            CloseReason::DroppedByOwner => f.write_str("dropped by the server's owner"),
            CloseReason::Error { detail, .. } => write!(f, "socket error: {detail}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ServerEvent {
    Listening {
        addr: SocketAddr,
        mode: Mode,
    },
    SessionOpened {
        session: u64,
        peer: SocketAddr,
    },
    /// The client introduced itself with `hello`.
    SessionNamed {
        session: u64,
        client: String,
    },
    /// A connection refused because the server is full.
    Rejected {
        peer: SocketAddr,
        reason: GoodbyeReason,
    },
    /// One `read()` returned this many bytes ("show reads").
    Read {
        session: u64,
        bytes: usize,
    },
    /// A line received; `raw` is at most its first [`RAW_KEPT`](crate::protocol::raw::RAW_KEPT) bytes and
    /// `bytes` its whole length.
    MessageIn {
        session: u64,
        raw: String,
        bytes: usize,
        /// The line had no `\n`: the client closed the connection right after it.
        unterminated: bool,
    },
    /// A line sent (`bytes` counts its newline); `raw` as in `MessageIn`.
    MessageOut {
        session: u64,
        raw: String,
        bytes: usize,
    },
    SessionClosed {
        session: u64,
        reason: CloseReason,
    },
    /// The owner's controls acted on a session's output (`controls.rs`).
    Owner {
        session: u64,
        act: OwnerAct,
    },
    Stopped,
}

/// What the owner's controls did to one line on its way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerAct {
    /// The server is paused: the line waits; `held` lines wait in all.
    Held { held: usize },
    /// The hold is full: the line goes out without waiting.
    HoldFull,
    /// A held line may go.
    Released(Release),
    /// A held line was thrown away: its session closed or the server stopped.
    Discarded,
    /// Slow motion: the line waits this long before it is written.
    Delayed { ms: u64 },
    /// Piece `n` of `of` of the line was written (`bytes` long).
    Piece { n: usize, of: usize, bytes: usize },
}

/// Why a held line was let go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Release {
    /// "Next": the oldest held line, alone.
    Next,
    /// "Release all".
    All,
    /// The pause was turned off.
    Unpaused,
}

/// An event and when it happened.
#[derive(Debug, Clone)]
pub struct ServerEventRecord {
    pub at: Instant,
    pub wall: SystemTime,
    pub event: ServerEvent,
}

impl ServerEventRecord {
    /// Bytes of message text the record holds (what a channel's byte budget counts).
    pub fn text_bytes(&self) -> usize {
        match &self.event {
            ServerEvent::MessageIn { raw, .. } | ServerEvent::MessageOut { raw, .. } => raw.len(),
            _ => 0,
        }
    }
}

/// The sending side of the event stream.
pub struct EventSink {
    tx: Option<Sender<ServerEventRecord>>,
    dropped: AtomicU64,
}

impl EventSink {
    /// A sink with room for `capacity` events; 0 turns events off.
    pub fn new(capacity: usize) -> (EventSink, Option<Receiver<ServerEventRecord>>) {
        if capacity == 0 {
            return (EventSink { tx: None, dropped: AtomicU64::new(0) }, None);
        }
        let (tx, rx) = crossbeam_channel::bounded(capacity);
        (EventSink { tx: Some(tx), dropped: AtomicU64::new(0) }, Some(rx))
    }

    /// Whether anyone listens: callers skip building costly events otherwise.
    pub fn enabled(&self) -> bool {
        self.tx.is_some()
    }

    pub fn emit(&self, event: ServerEvent) {
        let Some(tx) = &self.tx else { return };
        let record = ServerEventRecord { at: Instant::now(), wall: SystemTime::now(), event };
        if tx.try_send(record).is_err() {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Builds the event only when events are on.
    pub fn emit_with(&self, build: impl FnOnce() -> ServerEvent) {
        if self.enabled() {
            self.emit(build());
        }
    }

    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}
