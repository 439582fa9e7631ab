//! The seam between the writer thread and a database engine.
//!
//! The writer thread (see `writer.rs`) gathers concurrent writes into
//! groups; a [`Backend`] commits one group in one transaction and hands it
//! on, in the global commit order, to the server's sink. SQLite hands it on
//! at once (it is the only writer of its file); PostgreSQL hands it on when
//! its listener reaches the group in the database's own order of changes,
//! between the changes of other servers.

use super::failure::StorageFailure;
use super::write::{WriteOp, WriteOutcome};

/// A write, who asked for it, and the asker's token.
pub struct WriteJob<T> {
    pub op: WriteOp,
    /// The session that asked, so it is left out of the broadcast.
    pub origin: u64,
    pub token: T,
}

/// A committed (or failed) write as the sink receives it. A change made by
/// another server has origin 0 and no token: every session hears of it.
pub struct Committed<T> {
    pub origin: u64,
    pub token: Option<T>,
    pub outcome: WriteOutcome,
}

impl<T> Committed<T> {
    pub fn of_job(job: WriteJob<T>, outcome: WriteOutcome) -> Committed<T> {
        Committed { origin: job.origin, token: Some(job.token), outcome }
    }

    /// A change another server committed.
    pub fn foreign(outcome: WriteOutcome) -> Committed<T> {
        Committed { origin: 0, token: None, outcome }
    }
}

/// Receives each committed (or failed) group, in the global commit order.
pub type GroupSink<T> = Box<dyn Fn(Vec<Committed<T>>) + Send>;

/// How many products the catalog holds, and may hold, as a group runs.
#[derive(Clone, Copy)]
pub struct Room {
    pub held: usize,
    pub max: usize,
}

impl Room {
    /// The outcome an add gets when the catalog is full, if it is.
    pub fn refuses(&self, op: &WriteOp) -> Option<WriteOutcome> {
        let full = matches!(op, WriteOp::Add(_)) && self.held >= self.max;
        full.then_some(WriteOutcome::CatalogFull { max: self.max })
    }

    /// Counts what an outcome did to the catalog's size.
    pub fn count(&mut self, outcome: &WriteOutcome) {
        match outcome {
            WriteOutcome::Added(_) => self.held += 1,
            WriteOutcome::Deleted(_) => self.held = self.held.saturating_sub(1),
            _ => {}
        }
    }
}

/// A database engine behind the writer thread.
pub trait Backend<T>: Send {
    /// Runs `group` in one transaction, commits it, and hands every job with
    /// its outcome on to the sink, in commit order. A failed transaction
    /// hands every job on with the same [`WriteOutcome::Failed`].
    fn commit_group(&mut self, group: Vec<WriteJob<T>>, room: Room);
}

/// Every job of a group that could not be committed, with the reason.
pub fn all_failed<T>(group: Vec<WriteJob<T>>, failure: &StorageFailure) -> Vec<Committed<T>> {
    group.into_iter().map(|job| Committed::of_job(job, WriteOutcome::Failed(failure.clone()))).collect()
}
