//! What a window asks of its network thread, in two kinds the types keep
//! apart: a [`Control`] steers the connection or the thread and is never
//! answered; a [`Request`] asks the server something and is always answered
//! with one [`Outcome`], a failure included. Both travel on one channel as a
//! [`Command`], so they run in the order the window sent them.

use std::time::Duration;

use lojinha_server::Product;

use super::outcome::{Outcome, RequestError};

/// One message on the window's command channel.
#[derive(Debug, Clone)]
pub enum Command {
    Control(Control),
    Request(Request),
}

/// Steers the connection or the thread; what follows shows as
/// [`super::NetEvent`]s (connection states, pages, the log), never as an
/// [`Outcome`].
#[derive(Debug, Clone)]
pub enum Control {
    Connect {
        addr: String,
        name: String,
        /// The server's access token, when it asks for one (sent in `hello`).
        token: Option<String>,
    },
    Disconnect,
    /// Load the whole catalog again.
    Reload,
    SetAutoReconnect(bool),
    /// Send this text exactly as typed (the raw console); answers go to the log.
    Raw(RawSend),
    /// Report every `read()` on the next connection ("show reads").
    SetReportReads(bool),
    /// `product.add` each product in turn, reporting progress (the import).
    Import(Vec<Product>),
}

/// What the raw console sends: the text as typed, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSend {
    pub text: String,
    /// End the line with `\n`; without it the server waits for the rest.
    pub newline: bool,
    /// Write it in this many pieces (1: one write), from the network thread.
    pub pieces: usize,
    /// The pause between two pieces.
    pub pause: Duration,
}

impl RawSend {
    /// The text as one line, sent in one write.
    pub fn line(text: impl Into<String>) -> RawSend {
        RawSend { text: text.into(), newline: true, pieces: 1, pause: Duration::ZERO }
    }

    /// The bytes that go on the wire.
    pub fn bytes(&self) -> Vec<u8> {
        let mut bytes = self.text.as_bytes().to_vec();
        if self.newline && !bytes.ends_with(b"\n") {
            bytes.push(b'\n');
        }
        bytes
    }

    /// Whether it is an ordinary line: one write, newline included.
    pub fn whole(&self) -> bool {
        self.newline && self.pieces <= 1 && !self.text.is_empty()
    }
}

/// A request of the form or the fetch box; answered with exactly one [`Outcome`].
#[derive(Debug, Clone)]
pub enum Request {
    Add(Product),
    /// `product.update`, with `expected_version` = the product's `version`
    /// when known (not 0): a product changed meanwhile is not overwritten.
    Update(Product),
    /// `product.delete` of a code, with `expected_version` when known.
    Delete(String, Option<i64>),
    Get(String),
}

impl Request {
    /// The answer this request gets when it fails before (or instead of)
    /// reaching the server.
    pub fn failed(self, error: RequestError) -> Outcome {
        match self {
            Request::Add(_) => Outcome::Added(Err(error)),
            Request::Update(_) => Outcome::Updated(Err(error)),
            Request::Delete(code, _) => Outcome::Deleted { code, result: Err(error) },
            Request::Get(code) => Outcome::Fetched { code, result: Err(error) },
        }
    }
}

impl From<Control> for Command {
    fn from(control: Control) -> Command {
        Command::Control(control)
    }
}

impl From<Request> for Command {
    fn from(request: Request) -> Command {
        Command::Request(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A request that fails early is answered with the outcome of its own
    /// kind, keeping the code it was about.
    #[test]
    fn a_failed_request_answers_with_its_own_kind() {
        let product = Product { code: "A".into(), name: "a".into(), price_cents: 1, quantity: 1, version: 0 };
        let error = RequestError::not_connected;
        assert!(matches!(Request::Add(product.clone()).failed(error()), Outcome::Added(Err(_))));
        assert!(matches!(Request::Update(product).failed(error()), Outcome::Updated(Err(_))));
        let deleted = Request::Delete("D".into(), None).failed(error());
        assert!(matches!(deleted, Outcome::Deleted { code, result: Err(_) } if code == "D"));
        let fetched = Request::Get("G".into()).failed(error());
        assert!(matches!(fetched, Outcome::Fetched { code, result: Err(_) } if code == "G"));
    }
}
