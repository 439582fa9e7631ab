//! What a client reports of each protocol step, for a connection log.

use std::net::SocketAddr;
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;

use super::end::ConnectionEnd;

pub use crate::protocol::raw::{RAW_KEPT, raw_prefix};

/// Kinds of message the client receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceivedKind {
    Response,
    /// An error response.
    Error,
    Batch,
    Notification,
    /// A line that is not JSON (or not JSON-RPC).
    Garbage,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClientEvent {
    Resolving {
        addr: String,
    },
    Connecting {
        addr: SocketAddr,
    },
    Connected {
        local: SocketAddr,
        peer: SocketAddr,
    },
    /// A line sent. `id` and `method` are set when it is a single request.
    /// `raw` is at most [`RAW_KEPT`] bytes of it; `bytes` is its full size.
    Sent {
        raw: String,
        bytes: usize,
        id: Option<Value>,
        method: Option<String>,
    },
    /// A line received; `rtt` is set when it answers a request of ours.
    /// `raw` is at most [`RAW_KEPT`] bytes of it; `bytes` is its full size.
    Received {
        raw: String,
        bytes: usize,
        kind: ReceivedKind,
        id: Option<Value>,
        method: Option<String>,
        rtt: Option<Duration>,
    },
    /// One `write()` of a line sent in pieces on purpose (the raw console's
    /// "send in pieces" or "without \n"): piece `n` of `of`, `bytes` long.
    /// The line itself is reported as `Sent` when the piece that ends it goes.
    Piece {
        n: usize,
        of: usize,
        bytes: usize,
    },
    /// One `read()` and how many bytes it returned ("show reads").
    Read {
        bytes: usize,
    },
    Closed {
        reason: ConnectionEnd,
    },
}

#[derive(Debug, Clone)]
pub struct ClientEventRecord {
    pub at: Instant,
    pub wall: SystemTime,
    pub event: ClientEvent,
}

impl ClientEventRecord {
    pub fn now(event: ClientEvent) -> Self {
        ClientEventRecord { at: Instant::now(), wall: SystemTime::now(), event }
    }

    /// Bytes of message text the record holds (what a channel's byte budget counts).
    pub fn text_bytes(&self) -> usize {
        match &self.event {
            ClientEvent::Sent { raw, .. } | ClientEvent::Received { raw, .. } => raw.len(),
            _ => 0,
        }
    }
}
