//! What the network thread tells its window: one enum, the channel's
//! message type (kept apart so the thread's parts can all name it).

use std::time::{Duration, Instant};

use lojinha_server::client::ClientEventRecord;
use lojinha_server::{Notification, Product};
use lojinha_teach::closing::ConnectFailure;

use super::outcome::Outcome;
use crate::phrase::Phrase;

/// What the network thread tells its window.
#[derive(Debug, Clone)]
pub enum NetEvent {
    /// A protocol step, for the connection log.
    Log(ClientEventRecord),
    Connecting {
        addr: String,
        attempt: u32,
    },
    Connected {
        peer: String,
        session: u64,
    },
    /// The connection could not be made.
    ConnectFailed {
        message: Phrase,
        failure: ConnectFailure,
        retry_in: Option<Duration>,
    },
    /// The user left a connection attempt before it ended (`at` when).
    ConnectLeft {
        addr: String,
        at: Instant,
    },
    /// An open connection ended; `retry_in` when a reconnect is scheduled.
    Disconnected {
        reason: Phrase,
        retry_in: Option<Duration>,
    },
    /// One page of the catalog: `loaded` products so far of the `total` the
    /// server counted; `more` while pages follow (the last page ends the
    /// load even when others changed the catalog meanwhile).
    Page {
        products: Vec<Product>,
        loaded: usize,
        total: usize,
        first: bool,
        more: bool,
    },
    /// Products a server sent that break the protocol's sizes: counted, not held.
    Malformed(usize),
    LoadFailed(Phrase),
    /// Loading stopped at the table's size ([`MAX_ROWS`]) with `total` announced.
    LoadStopped {
        loaded: usize,
        total: usize,
    },
    Notification(Notification),
    Outcome(Outcome),
    /// A raw message could not be sent.
    RawFailed(Phrase),
    /// `done` of `total` imported products have been answered.
    ImportProgress {
        done: usize,
        total: usize,
    },
    /// The import ended: how many were added, how many were refused (and
    /// why, for the first few).
    ImportDone {
        added: usize,
        refused: crate::client::import_box::Refusals,
    },
}
