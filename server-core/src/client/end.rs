//! Why a client's connection ended, as the client can tell. `Display` gives
//! the English sentence; a user interface can match on the kind instead and
//! say it in its own language.

use std::fmt;
use std::io;

use crate::protocol::notices::GoodbyeReason;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionEnd {
    /// The server sent `goodbye` with this reason, then closed.
    Goodbye(GoodbyeReason),
    /// The server closed its end without a `goodbye`.
    ServerClosed,
    /// The server sent a line longer than the client's frame limit.
    TooLarge,
    /// The background reader thread is gone.
    ReaderStopped,
    /// Writing a request failed.
    SendFailed { kind: io::ErrorKind, detail: String },
    /// Reading failed (reset, timeout of the OS, …).
    ReadFailed { kind: io::ErrorKind, detail: String },
    /// This client closed it (`Client::close`).
    ByThisClient,
}

impl ConnectionEnd {
    pub fn send_failed(error: &io::Error) -> ConnectionEnd {
        ConnectionEnd::SendFailed { kind: error.kind(), detail: error.to_string() }
    }

    pub fn read_failed(error: &io::Error) -> ConnectionEnd {
        ConnectionEnd::ReadFailed { kind: error.kind(), detail: error.to_string() }
    }
}

impl fmt::Display for ConnectionEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionEnd::Goodbye(reason) => write!(f, "the server said goodbye: {reason}"),
            ConnectionEnd::ServerClosed => f.write_str("the server closed the connection"),
            ConnectionEnd::TooLarge => f.write_str("the server sent a message larger than the limit"),
            ConnectionEnd::ReaderStopped => f.write_str("the connection's reader stopped"),
            ConnectionEnd::SendFailed { detail, .. } => write!(f, "cannot send: {detail}"),
            ConnectionEnd::ReadFailed { detail, .. } => write!(f, "connection error: {detail}"),
            ConnectionEnd::ByThisClient => f.write_str("closed by this client"),
        }
    }
}
