//! What a client did wrong, as one line of the record shows it: the kinds
//! of protocol mistakes a teacher wants counted per student (the server
//! panel's report card) and marked in the log.

use super::step::{Direction, Kind, Message};

/// A protocol mistake of a client, by the error code the server answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mistake {
    /// -32700: a line that is not JSON (or not UTF-8).
    NotJson,
    /// -32600: JSON, but not a JSON-RPC 2.0 request (no `"jsonrpc":"2.0"`, no method...).
    InvalidRequest,
    /// -32601: a method the protocol does not have.
    UnknownMethod,
    /// -32602: parameters that break the rules.
    BadParams,
    /// A request method sent without an `id`: a notification, which the
    /// server must not answer, so the client waits for nothing.
    NoId,
    /// `hello` sent again on the same connection.
    HelloAgain,
    /// A last line without its `\n`: the client closed the connection right
    /// after it. This server still answers it (nobody reads the answer);
    /// most servers would wait for the rest of the line.
    NoNewline,
}

impl Mistake {
    pub const ALL: [Mistake; 7] = [
        Mistake::NotJson,
        Mistake::InvalidRequest,
        Mistake::UnknownMethod,
        Mistake::BadParams,
        Mistake::NoId,
        Mistake::HelloAgain,
        Mistake::NoNewline,
    ];

    /// The mistake a server's error code says the client made.
    pub fn of_code(code: i64) -> Option<Mistake> {
        match code {
            -32700 => Some(Mistake::NotJson),
            -32600 => Some(Mistake::InvalidRequest),
            -32601 => Some(Mistake::UnknownMethod),
            -32602 => Some(Mistake::BadParams),
            _ => None,
        }
    }

    /// The message id of the words for a student ("lines that are not JSON").
    pub fn words_id(self) -> &'static str {
        match self {
            Mistake::NotJson => "sessions-mistake_not_json",
            Mistake::InvalidRequest => "sessions-mistake_invalid_request",
            Mistake::UnknownMethod => "sessions-mistake_unknown_method",
            Mistake::BadParams => "sessions-mistake_bad_params",
            Mistake::NoId => "sessions-mistake_no_id",
            Mistake::HelloAgain => "sessions-mistake_hello_again",
            Mistake::NoNewline => "sessions-mistake_no_newline",
        }
    }

    /// The mistake one line shows by itself: an error the server answered
    /// for the client's fault, a line the client ended by closing instead
    /// of with `\n`, or a request sent without an `id`. (A second
    /// `hello` needs the session's history: [`Mistake::HelloAgain`] is never
    /// returned here.)
    pub fn of_line(message: &Message) -> Option<Mistake> {
        match (message.direction, message.kind) {
            (Direction::ToServer, _) if message.unterminated => Some(Mistake::NoNewline),
            (Direction::ToClient, Kind::Error { code: Some(code) }) => Mistake::of_code(code),
            (Direction::ToServer, Kind::Notification) => {
                message.method.as_deref().is_some_and(is_a_request).then_some(Mistake::NoId)
            }
            _ => None,
        }
    }
}

/// Whether `method` is one of the protocol's methods, all of which a client
/// calls to get an answer (sent without an `id`, none comes).
fn is_a_request(method: &str) -> bool {
    matches!(method, "hello" | "ping" | "quit") || method.starts_with("product.")
}
