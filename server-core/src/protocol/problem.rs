//! Why a message is not a valid JSON-RPC request: the text after
//! `invalid request: ` in a `-32600` error.
//!
//! As with [`Reason`](super::reason::Reason), the wire carries the English
//! sentence and [`RequestProblem::parse`] reads it back into its kind.

use std::fmt;

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

impl fmt::Display for RequestProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestProblem::EmptyBatch => f.write_str("empty batch"),
            RequestProblem::BatchTooLarge { max } => write!(f, "batch too large: at most {max} entries"),
            RequestProblem::NotAnObject => f.write_str("a request must be an object"),
            RequestProblem::BadId => f.write_str("id must be a string or an integer"),
            RequestProblem::BadVersion => f.write_str("jsonrpc must be \"2.0\""),
            RequestProblem::MethodNotAString => f.write_str("method must be a string"),
            RequestProblem::MethodMissing => f.write_str("method is missing"),
            RequestProblem::BadParams => f.write_str("params must be an object or an array"),
            RequestProblem::FrameTooLarge { limit } => write!(f, "frame too large (limit is {limit} bytes)"),
            RequestProblem::DuplicateKey => f.write_str("a key appears twice in one object"),
            RequestProblem::TooManyValues { max } => write!(f, "too many values: at most {max} in one line"),
        }
    }
}

impl RequestProblem {
    /// The kind a `-32600` error's message names (with or without its
    /// `invalid request: ` prefix); `None` for words this version never writes.
    pub fn parse(message: &str) -> Option<RequestProblem> {
        let text = message.strip_prefix("invalid request: ").unwrap_or(message);
        let number = |prefix: &str, suffix: &str| -> Option<usize> {
            text.strip_prefix(prefix)?.strip_suffix(suffix)?.parse().ok()
        };
        let fixed = [
            RequestProblem::EmptyBatch,
            RequestProblem::NotAnObject,
            RequestProblem::BadId,
            RequestProblem::BadVersion,
            RequestProblem::MethodNotAString,
            RequestProblem::MethodMissing,
            RequestProblem::BadParams,
            RequestProblem::DuplicateKey,
        ];
        fixed
            .into_iter()
            .find(|problem| problem.to_string() == text)
            .or_else(|| {
                Some(RequestProblem::BatchTooLarge { max: number("batch too large: at most ", " entries")? })
            })
            .or_else(|| {
                Some(RequestProblem::TooManyValues {
                    max: number("too many values: at most ", " in one line")?,
                })
            })
            .or_else(|| {
                Some(RequestProblem::FrameTooLarge {
                    limit: number("frame too large (limit is ", " bytes)")?,
                })
            })
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
