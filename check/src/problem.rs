//! What can go wrong in a check, and the hint a student gets for it.
//!
//! A [`Problem`] is found where the checker reads or compares; the words for
//! it (what arrived, what to do) are looked up only when the report is
//! written, in the language the student chose.

use lojinha_words::{Language, ToArg, trf};

/// Why a check failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The connection could not be opened (the system's words).
    Refused(String),
    /// Nothing arrived within the timeout.
    Silent,
    /// Bytes arrived, but no `\n` ended them within the timeout.
    NoNewline,
    /// The server closed the connection.
    Closed,
    /// The line is not valid UTF-8.
    NotUtf8,
    /// The line is not JSON (serde's words).
    NotJson(String),
    /// A JSON message that is not JSON-RPC 2.0 (no `"jsonrpc":"2.0"`, an
    /// answer without `result` or `error`...).
    NotJsonRpc,
    /// The first line was not a `welcome` notification.
    NotWelcome,
    /// An answer with another `id` than the request's.
    WrongId { expected: String, got: String },
    /// An error where a result was expected.
    ErrorAnswer { code: String, message: String },
    /// A result where an error was expected.
    ResultAnswer { expected: String },
    /// An error with another code than the expected one.
    WrongCode { expected: String, got: String },
    /// Something specific to one check, named by its hint's message id.
    Wrong(&'static str),
    /// A problem that means more in one check's place: said as the inner
    /// problem, with that check's hint (a second client that waits for its
    /// welcome is a server serving one client at a time).
    Hinted(&'static str, Box<Problem>),
}

impl Problem {
    /// A short name for machine-readable reports (`"silent"`, `"no_newline"`...).
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::Hinted(_, inner) => inner.kind(),
            Problem::Refused(_) => "refused",
            Problem::Silent => "silent",
            Problem::NoNewline => "no_newline",
            Problem::Closed => "closed",
            Problem::NotUtf8 => "not_utf8",
            Problem::NotJson(_) => "not_json",
            Problem::NotJsonRpc => "not_jsonrpc",
            Problem::NotWelcome => "not_welcome",
            Problem::WrongId { .. } => "wrong_id",
            Problem::ErrorAnswer { .. } => "error_answer",
            Problem::ResultAnswer { .. } => "result_answer",
            Problem::WrongCode { .. } => "wrong_code",
            Problem::Wrong(_) => "wrong",
        }
    }

    /// The id of the hint's message (`check-hint-…`).
    pub fn hint_id(&self) -> &'static str {
        match self {
            Problem::Refused(_) => "check-hint-refused",
            Problem::Silent => "check-hint-silent",
            Problem::NoNewline => "check-hint-no_newline",
            Problem::Closed => "check-hint-closed",
            Problem::NotUtf8 => "check-hint-not_utf8",
            Problem::NotJson(_) => "check-hint-not_json",
            Problem::NotJsonRpc => "check-hint-not_jsonrpc",
            Problem::NotWelcome => "check-hint-not_welcome",
            Problem::WrongId { .. } => "check-hint-wrong_id",
            Problem::ErrorAnswer { .. } => "check-hint-error_answer",
            Problem::ResultAnswer { .. } => "check-hint-result_answer",
            Problem::WrongCode { .. } => "check-hint-wrong_code",
            Problem::Wrong(id) | Problem::Hinted(id, _) => id,
        }
    }

    /// The hint for a student, in `language`; `seconds` is the timeout.
    pub fn hint(&self, language: Language, seconds: &str) -> String {
        let (a, b) = self.args();
        let args: [(&str, &dyn ToArg); 3] = [("a", &a), ("b", &b), ("s", &seconds)];
        trf(language, self.hint_id(), &args)
    }

    /// This problem, with check-specific hint `hint`.
    pub fn hinted(self, hint: &'static str) -> Problem {
        match self {
            Problem::Hinted(_, inner) => Problem::Hinted(hint, inner),
            other => Problem::Hinted(hint, Box::new(other)),
        }
    }

    /// What went wrong in a few words ("no answer within 2 s"), in `language`.
    pub fn said(&self, language: Language, seconds: &str) -> String {
        let id = format!("check-said-{}", self.kind());
        let (a, b) = self.args();
        let args: [(&str, &dyn ToArg); 3] = [("a", &a), ("b", &b), ("s", &seconds)];
        trf(language, &id, &args)
    }

    /// The two texts a problem's messages may fill in (`$a`, `$b`).
    fn args(&self) -> (String, String) {
        match self {
            Problem::Hinted(_, inner) => inner.args(),
            Problem::Refused(why) | Problem::NotJson(why) => (why.clone(), String::new()),
            Problem::WrongId { expected, got } | Problem::WrongCode { expected, got } => {
                (expected.clone(), got.clone())
            }
            Problem::ErrorAnswer { code, message } => (code.clone(), message.clone()),
            Problem::ResultAnswer { expected } => (expected.clone(), String::new()),
            _ => (String::new(), String::new()),
        }
    }
}
