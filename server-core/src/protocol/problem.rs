//! Why a message is not a valid JSON-RPC request: the text after
//! [`MESSAGE_PREFIX`] in a `-32600` error.
//!
//! As with [`Reason`](super::reason::Reason), each sentence is written once,
//! as data (`FIXED`, and the pieces around a number): the server's
//! message is made from it and [`RequestProblem::parse`] reads it back.

use std::fmt;

/// What every `-32600` message starts with.
pub const MESSAGE_PREFIX: &str = "invalid request: ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestProblem {
    EmptyBatch,
    /// A batch of more than `max` entries.
    BatchTooLarge {
        max: usize,
    },
    /// Neither an object nor an array.
    NotAnObject,
    /// `id` is neither a string, an integer nor null.
    BadId,
    /// `jsonrpc` is missing or not `"2.0"`.
    BadVersion,
    MethodNotAString,
    MethodMissing,
    /// `params` is neither an object nor an array.
    BadParams,
    /// A line longer than `limit` bytes.
    FrameTooLarge {
        limit: usize,
    },
    /// An object names the same key twice.
    DuplicateKey,
    /// A line of more than `max` JSON values.
    TooManyValues {
        max: usize,
    },
}

/// The sentences without a number.
const FIXED: [(RequestProblem, &str); 8] = [
    (RequestProblem::EmptyBatch, "empty batch"),
    (RequestProblem::NotAnObject, "a request must be an object"),
    (RequestProblem::BadId, "id must be a string or an integer"),
    (RequestProblem::BadVersion, "jsonrpc must be \"2.0\""),
    (RequestProblem::MethodNotAString, "method must be a string"),
    (RequestProblem::MethodMissing, "method is missing"),
    (RequestProblem::BadParams, "params must be an object or an array"),
    (RequestProblem::DuplicateKey, "a key appears twice in one object"),
];

/// The pieces around a number: `before {n} after`.
type Around = (&'static str, &'static str);

const BATCH_TOO_LARGE: Around = ("batch too large: at most ", " entries");
const TOO_MANY_VALUES: Around = ("too many values: at most ", " in one line");
const FRAME_TOO_LARGE: Around = ("frame too large (limit is ", " bytes)");

impl fmt::Display for RequestProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ((before, after), n) = match self {
            RequestProblem::BatchTooLarge { max } => (BATCH_TOO_LARGE, max),
            RequestProblem::TooManyValues { max } => (TOO_MANY_VALUES, max),
            RequestProblem::FrameTooLarge { limit } => (FRAME_TOO_LARGE, limit),
            fixed => {
                let text = FIXED.iter().find(|(kind, _)| kind == fixed).map_or("", |(_, text)| text);
                return f.write_str(text);
            }
        };
        write!(f, "{before}{n}{after}")
    }
}

impl RequestProblem {
    /// The kind a `-32600` error's message names (with or without its
    /// [`MESSAGE_PREFIX`]); `None` for words this version never writes.
    pub fn parse(message: &str) -> Option<RequestProblem> {
        let text = message.strip_prefix(MESSAGE_PREFIX).unwrap_or(message);
        let number = |(before, after): Around| -> Option<usize> {
            text.strip_prefix(before)?.strip_suffix(after)?.parse().ok()
        };
        FIXED
            .iter()
            .find(|(_, sentence)| *sentence == text)
            .map(|(kind, _)| kind.clone())
            .or_else(|| Some(RequestProblem::BatchTooLarge { max: number(BATCH_TOO_LARGE)? }))
            .or_else(|| Some(RequestProblem::TooManyValues { max: number(TOO_MANY_VALUES)? }))
            .or_else(|| Some(RequestProblem::FrameTooLarge { limit: number(FRAME_TOO_LARGE)? }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind (the match fails to compile when a kind is added
    /// and not listed here).
    fn one_of_each() -> Vec<RequestProblem> {
        let all = vec![
            RequestProblem::EmptyBatch,
            RequestProblem::BatchTooLarge { max: 1000 },
            RequestProblem::NotAnObject,
            RequestProblem::BadId,
            RequestProblem::BadVersion,
            RequestProblem::MethodNotAString,
            RequestProblem::MethodMissing,
            RequestProblem::BadParams,
            RequestProblem::FrameTooLarge { limit: 1_048_576 },
            RequestProblem::DuplicateKey,
            RequestProblem::TooManyValues { max: 65_536 },
        ];
        for problem in &all {
            match problem {
                RequestProblem::EmptyBatch
                | RequestProblem::BatchTooLarge { .. }
                | RequestProblem::NotAnObject
                | RequestProblem::BadId
                | RequestProblem::BadVersion
                | RequestProblem::MethodNotAString
                | RequestProblem::MethodMissing
                | RequestProblem::BadParams
                | RequestProblem::FrameTooLarge { .. }
                | RequestProblem::DuplicateKey
                | RequestProblem::TooManyValues { .. } => {}
            }
        }
        all
    }

    /// Every kind reads back from the message the server sends.
    #[test]
    fn every_problem_reads_back() {
        for problem in one_of_each() {
            let message = format!("invalid request: {problem}");
            assert_eq!(RequestProblem::parse(&message), Some(problem), "{message}");
        }
        assert_eq!(RequestProblem::parse("invalid request: something else"), None);
        assert_eq!(RequestProblem::parse("invalid request: frame too large (limit is x bytes)"), None);
    }
}
