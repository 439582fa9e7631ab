//! The record of one check's exchange: every line sent and received, on
//! which connection, as raw bytes (shown with [`crate::visible`]).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use serde::Serialize;

use crate::visible::visible;

/// Which way a piece of the exchange went, or what happened to a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The checker connected.
    Connected,
    /// The checker sent these bytes.
    Sent,
    /// These bytes arrived from the server (a whole line, or what came
    /// before a timeout or a close).
    Received,
    /// The server closed the connection.
    Closed,
}

/// One entry of the exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchanged {
    /// The connection's number within the check, from 1.
    pub connection: usize,
    pub direction: Direction,
    pub bytes: Vec<u8>,
    /// When it happened (for the app's diagram).
    pub at: Instant,
}

/// An entry as reports show it: the bytes made visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownExchange {
    pub connection: usize,
    pub direction: Direction,
    pub text: String,
}

impl Exchanged {
    pub fn shown(&self) -> ShownExchange {
        ShownExchange { connection: self.connection, direction: self.direction, text: visible(&self.bytes) }
    }
}

/// A shared, growing record; each connection of a check holds a clone.
/// Single-threaded: a check runs on one thread.
#[derive(Debug, Clone, Default)]
pub struct Transcript(Rc<RefCell<Vec<Exchanged>>>);

impl Transcript {
    pub fn push(&self, connection: usize, direction: Direction, bytes: &[u8]) {
        self.0.borrow_mut().push(Exchanged {
            connection,
            direction,
            bytes: bytes.to_vec(),
            at: Instant::now(),
        });
    }

    pub fn entries(&self) -> Vec<Exchanged> {
        self.0.borrow().clone()
    }
}
