//! What a client did wrong, as one line of the record shows it: the kinds
//! of protocol mistakes (the server's [`Mistake`], the same ones its report
//! cards count) found in a log's lines, and their words for a student.

pub use lojinha_server::protocol::mistake::Mistake;
use lojinha_server::protocol::mistake::is_a_request;

use super::step::{Direction, Kind, Message};

/// The message id of the words for a student ("lines that are not JSON").
pub fn words_id(mistake: Mistake) -> &'static str {
    match mistake {
        Mistake::NotJson => "sessions-mistake_not_json",
        Mistake::InvalidRequest => "sessions-mistake_invalid_request",
        Mistake::UnknownMethod => "sessions-mistake_unknown_method",
        Mistake::BadParams => "sessions-mistake_bad_params",
        Mistake::NoId => "sessions-mistake_no_id",
        Mistake::HelloAgain => "sessions-mistake_hello_again",
        Mistake::NoNewline => "sessions-mistake_no_newline",
    }
}

/// The mistake one line shows by itself: an error the server answered for
/// the client's fault, a line the client ended by closing instead of with
/// `\n`, or a request sent without an `id`. (A second `hello` needs the
/// session's history: [`Mistake::HelloAgain`] is never returned here.)
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
