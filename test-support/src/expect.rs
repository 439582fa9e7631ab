//! What a test expects to read next on a [`Conn`]: the `welcome`, a
//! `goodbye`, the close, silence, or nothing queued at all.

use std::time::Duration;

use serde_json::json;

use crate::conn::{Conn, ReadOutcome};
use crate::messages::SERVER_NAME;
use crate::wait::WAIT;

impl Conn {
    /// Reads the `welcome`, checks its shape, returns the session number.
    pub fn expect_welcome(&mut self) -> u64 {
        let welcome = self.recv();
        let session = welcome["params"]["session"].as_u64().unwrap_or_else(|| panic!("welcome: {welcome}"));
        let expected = json!({"jsonrpc": "2.0", "method": "welcome",
            "params": {"server": SERVER_NAME, "protocol": 1, "session": session, "features": ["ping", "version"]}});
        assert_eq!(welcome, expected);
        session
    }

    /// Reads a `goodbye` with this reason, then the end of the connection.
    pub fn expect_goodbye_and_close(&mut self, reason: &str) {
        let goodbye = self.recv();
        assert_eq!(goodbye, json!({"jsonrpc": "2.0", "method": "goodbye", "params": {"reason": reason}}));
        self.expect_closed();
    }

    /// Asserts the server closes the connection with nothing more sent.
    pub fn expect_closed(&mut self) {
        match self.read_within(WAIT) {
            ReadOutcome::Closed => {}
            other => panic!("expected the server to close the connection, got {other:?}"),
        }
    }

    /// Asserts nothing arrives for a short while (for things that must not
    /// happen yet, where no later event can prove it).
    pub fn expect_silence(&mut self, window: Duration) {
        match self.read_within(window) {
            ReadOutcome::Silent => {}
            ReadOutcome::Line(line) => {
                panic!("expected silence, got a line: {}", String::from_utf8_lossy(&line))
            }
            ReadOutcome::Closed => panic!("expected silence, but the connection closed"),
        }
    }

    /// Proves nothing else is queued for us: a harmless round trip whose
    /// response must be the very next line (the server answers in order).
    pub fn ping(&mut self) {
        let id = "ping";
        let response = self.call(id, "product.get", json!({"code": "ping-probe"}));
        assert_eq!(response["id"], json!(id), "the next line answers the ping, not {response}");
    }
}
