//! One protocol step as data: when, on which lane, what happened, and the
//! line's bytes. Nothing here is a sentence: steps are put into words when
//! they are drawn ([`super::words`]), so a language switch relabels all.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use lojinha_server::server::{CloseReason, OwnerAct};
use lojinha_server::{ConnectionEnd, GoodbyeReason, Mode};

use crate::closing::ConnectFailure;
use crate::i18n::Language;

/// Whose lifeline a step belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lane {
    /// The one client of a client window.
    Client,
    /// A server session (the server panel), by its number.
    Session(u64),
    /// The server itself: listening, stopping, refusing.
    Server,
}

/// Which way a line crossed the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    ToServer,
    ToClient,
}

impl Direction {
    pub fn opposite(self) -> Direction {
        match self {
            Direction::ToServer => Direction::ToClient,
            Direction::ToClient => Direction::ToServer,
        }
    }
}

/// What a line is, as far as JSON-RPC 2.0 tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Request,
    Notification,
    Response,
    /// An error response, with its code when it has one.
    Error {
        code: Option<i64>,
    },
    /// A JSON array of requests or of responses.
    Batch,
    /// Not JSON-RPC (bad JSON, text typed into `nc`).
    Garbage,
}

/// A line that crossed the wire, classified once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub direction: Direction,
    pub kind: Kind,
    /// The JSON-RPC id as JSON text (`7`, `"a"`); for a batch, its ids
    /// sorted and joined (`[1,2]`), so a batch and its answers pair.
    pub id: Option<String>,
    /// The method of a request or notification; on a response, its request's.
    pub method: Option<String>,
    /// The line had no `\n`: the peer closed the connection right after it.
    pub unterminated: bool,
}

/// Words of the app's own that a step carries (a connection that failed, a
/// list that did not load): said in the language asked for, when drawn.
pub trait Note: Send + Sync {
    fn say(&self, language: Language) -> String;
}

/// A shared [`Note`].
#[derive(Clone)]
pub struct Said(pub Arc<dyn Note>);

/// Two notes are the same when they say the same in every language (a
/// note read back from a recording says what the app's own note said).
impl PartialEq for Said {
    fn eq(&self, other: &Said) -> bool {
        Language::ALL.iter().all(|&language| self.0.say(language) == other.0.say(language))
    }
}

impl fmt::Debug for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Said").field(&self.0.say(Language::En)).finish()
    }
}

/// What happened at a step.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A line sent or received.
    Message(Message),
    /// A client began `connect()` to this address (a reconnect too).
    Connecting {
        addr: String,
    },
    Connected {
        local: SocketAddr,
        peer: SocketAddr,
    },
    /// One `read()` ("show reads"); the step's `bytes` says how much.
    Read,
    /// A client's connection ended.
    ConnectionEnded(ConnectionEnd),
    /// A connection attempt ended without a connection.
    ConnectFailed {
        failure: ConnectFailure,
        said: Said,
    },
    Listening {
        addr: SocketAddr,
        mode: Mode,
    },
    /// The server accepted a session (`accept()`).
    Accepted {
        peer: SocketAddr,
    },
    /// A session said its client's name in `hello`.
    Named {
        client: String,
    },
    Refused {
        peer: SocketAddr,
        reason: GoodbyeReason,
    },
    SessionClosed(CloseReason),
    Stopped,
    /// The server owner's controls held, released, slowed or threw away a
    /// line (never [`OwnerAct::Piece`]: that is [`What::Piece`]).
    Owner(OwnerAct),
    /// One `write()` of a line sent in pieces on purpose, by the server
    /// (the owner's "send in pieces") or by a client (the raw console);
    /// the step's `bytes` says how much.
    Piece {
        n: usize,
        of: usize,
    },
    /// The app's own words; `problem` marks an error.
    Note {
        said: Said,
        problem: bool,
    },
}

/// The name of a step's kind, as the log's "step" column shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Name {
    Listening,
    Connecting,
    Connected,
    SessionOpened,
    Welcome,
    Hello,
    Request,
    Response,
    ErrorResponse,
    Batch,
    Notification,
    Goodbye,
    Garbage,
    Read,
    Error,
    Closed,
    Stopped,
    /// Words of the app's own that are not a problem (the lesson's notes).
    Note,
    /// The server owner's controls at work (held, released, slowed).
    Owner,
    /// One piece of a line sent in pieces.
    Piece,
}

impl Name {
    /// Every kind, for views that size a column to the longest name.
    pub const ALL: [Name; 20] = [
        Name::Listening,
        Name::Connecting,
        Name::Connected,
        Name::SessionOpened,
        Name::Welcome,
        Name::Hello,
        Name::Request,
        Name::Response,
        Name::ErrorResponse,
        Name::Batch,
        Name::Notification,
        Name::Goodbye,
        Name::Garbage,
        Name::Read,
        Name::Error,
        Name::Closed,
        Name::Stopped,
        Name::Note,
        Name::Owner,
        Name::Piece,
    ];
}

/// The text of a line, kept up to [`lojinha_server::client::RAW_KEPT`] bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: Box<str>,
    /// Bytes of the line that `text` does not hold (0 for a whole line).
    pub cut: usize,
}

/// One protocol step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Unique and increasing within one record (survives trimming and clearing).
    pub seq: u64,
    /// Time since the record began (the window opened, or the panel): one
    /// clock for the log and the diagram, not restarted by a reconnect.
    pub at: Duration,
    pub wall: SystemTime,
    pub lane: Lane,
    pub what: What,
    /// Bytes on the wire, newline included (lines and reads).
    pub bytes: Option<usize>,
    pub line: Option<Line>,
    /// The `seq` of the matching request (on a response) or response (on a request).
    pub pair: Option<u64>,
    /// On a response: time since its request.
    pub round_trip: Option<Duration>,
}

impl Step {
    pub fn message(&self) -> Option<&Message> {
        match &self.what {
            What::Message(message) => Some(message),
            _ => None,
        }
    }

    /// The line's text, when the step is a line.
    pub fn raw(&self) -> Option<&str> {
        self.line.as_ref().map(|line| &*line.text)
    }

    /// The kind of step, for the log's "step" column.
    pub fn name(&self) -> Name {
        match &self.what {
            What::Message(message) => message_name(message),
            What::Connecting { .. } => Name::Connecting,
            What::Connected { .. } => Name::Connected,
            What::Read => Name::Read,
            What::ConnectionEnded(_) | What::SessionClosed(_) => Name::Closed,
            What::ConnectFailed { failure: ConnectFailure::GaveUp, .. } => Name::Closed,
            What::ConnectFailed { .. } | What::Refused { .. } => Name::Error,
            What::Listening { .. } => Name::Listening,
            What::Accepted { .. } => Name::SessionOpened,
            What::Named { .. } => Name::Hello,
            What::Stopped => Name::Stopped,
            What::Owner(_) => Name::Owner,
            What::Piece { .. } => Name::Piece,
            What::Note { problem: true, .. } => Name::Error,
            What::Note { problem: false, .. } => Name::Note,
        }
    }

    /// Whether the step ends its lane's connection.
    pub fn ends_lane(&self) -> bool {
        matches!(self.what, What::ConnectionEnded(_) | What::SessionClosed(_) | What::ConnectFailed { .. })
    }
}

fn message_name(message: &Message) -> Name {
    let method = message.method.as_deref();
    match (message.kind, message.direction, method) {
        (Kind::Request, _, Some("hello")) => Name::Hello,
        (Kind::Request, ..) => Name::Request,
        (Kind::Notification, Direction::ToClient, Some("welcome")) => Name::Welcome,
        (Kind::Notification, Direction::ToClient, Some("goodbye")) => Name::Goodbye,
        (Kind::Notification, ..) => Name::Notification,
        (Kind::Response, ..) => Name::Response,
        (Kind::Error { .. }, ..) => Name::ErrorResponse,
        (Kind::Batch, ..) => Name::Batch,
        (Kind::Garbage, ..) => Name::Garbage,
    }
}
