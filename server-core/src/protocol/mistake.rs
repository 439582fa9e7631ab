//! A client's protocol mistakes, by kind: what a teacher wants counted per
//! student (the server's report cards) and marked in a log. The server
//! counts them where it meets them; a log classifies its lines with the
//! same kinds.

/// A protocol mistake of a client.
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
    /// a server that reads until `\n` would wait for the rest.
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

    /// Its place in [`Mistake::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// A few words for a log line ("not JSON").
    pub fn short(self) -> &'static str {
        match self {
            Mistake::NotJson => "not JSON",
            Mistake::InvalidRequest => "invalid request",
            Mistake::UnknownMethod => "unknown method",
            Mistake::BadParams => "invalid params",
            Mistake::NoId => "request without id",
            Mistake::HelloAgain => "hello again",
            Mistake::NoNewline => "last line without \\n",
        }
    }
}

/// Whether `method` is one of the protocol's methods, all of which a client
/// calls to get an answer (sent without an `id`, none comes).
pub fn is_a_request(method: &str) -> bool {
    matches!(method, "hello" | "ping" | "quit") || method.starts_with("product.")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `index` is the place in `ALL`, so counters can be an array.
    #[test]
    fn index_is_the_place_in_all() {
        for (n, mistake) in Mistake::ALL.iter().enumerate() {
            assert_eq!(mistake.index(), n);
        }
    }
}
