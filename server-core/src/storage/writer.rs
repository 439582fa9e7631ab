//! The single writer thread and its group commit.
//!
//! Many sessions submit writes at once. The writer takes everything queued
//! (up to a bound), runs it in one transaction, commits once, then completes
//! each job in order. One fsync thus covers many writes, and the order in
//! which jobs complete is the commit order that notifications follow.

use std::sync::Arc;
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender};
use rusqlite::Connection;

use super::{Catalog, StoreError, WriteOp, WriteOutcome, sqlite};

/// Most writes grouped into one transaction.
const MAX_GROUP: usize = 1024;

/// Called on the writer thread for every committed change, in commit order,
/// with the session that made it (the server broadcasts from here).
pub type CommitObserver = Box<dyn Fn(u64, &WriteOutcome) + Send>;

/// A write and what to do once it is committed (or failed).
pub struct WriteJob {
    pub op: WriteOp,
    /// The session that asked, so it is left out of the broadcast.
    pub origin: u64,
    complete: Box<dyn FnOnce(WriteOutcome) + Send>,
}

impl WriteJob {
    pub fn new(op: WriteOp, origin: u64, complete: impl FnOnce(WriteOutcome) + Send + 'static) -> Self {
        WriteJob { op, origin, complete: Box::new(complete) }
    }
}

enum Input {
    Job(WriteJob),
    Stop,
}

pub(super) struct WriterHandle {
    tx: Sender<Input>,
    thread: Option<JoinHandle<()>>,
}

impl WriterHandle {
    pub fn submit(&self, job: WriteJob) {
        if let Err(crossbeam_channel::SendError(Input::Job(job))) = self.tx.send(Input::Job(job)) {
            (job.complete)(WriteOutcome::Failed("storage is shut down".into()));
        }
    }
}

impl Drop for WriterHandle {
    /// Commits what is queued, then closes the database (releasing its lock).
    fn drop(&mut self) {
        let _ = self.tx.send(Input::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub(super) fn spawn(
    conn: Connection,
    catalog: Arc<Catalog>,
    observer: CommitObserver,
) -> Result<WriterHandle, StoreError> {
    let (tx, rx) = crossbeam_channel::unbounded();
    let thread = std::thread::Builder::new()
        .name("storage-writer".into())
        .spawn(move || run(conn, &catalog, &observer, &rx))
        .map_err(StoreError::Thread)?;
    Ok(WriterHandle { tx, thread: Some(thread) })
}

fn run(mut conn: Connection, catalog: &Catalog, observer: &CommitObserver, rx: &Receiver<Input>) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    while let Ok(first) = rx.recv() {
        let mut stopping = push(&mut group, first);
        while !stopping && group.len() < MAX_GROUP {
            match rx.try_recv() {
                Ok(next) => stopping = push(&mut group, next),
                Err(_) => break,
            }
        }
        commit_group(&mut conn, catalog, observer, &mut group);
        if stopping {
            break;
        }
    }
}

/// Adds a job to the group; returns true on `Stop`.
fn push(group: &mut Vec<WriteJob>, input: Input) -> bool {
    match input {
        Input::Job(job) => {
            group.push(job);
            false
        }
        Input::Stop => true,
    }
}

fn commit_group(
    conn: &mut Connection,
    catalog: &Catalog,
    observer: &CommitObserver,
    group: &mut Vec<WriteJob>,
) {
    if group.is_empty() {
        return;
    }
    let outcomes = match run_transaction(conn, group) {
        Ok(outcomes) => outcomes,
        Err(e) => {
            tracing::error!("storage write failed, {} writes refused: {e}", group.len());
            let why = format!("storage write failed: {e}");
            vec![WriteOutcome::Failed(why); group.len()]
        }
    };
    for (job, outcome) in group.drain(..).zip(outcomes) {
        update_mirror(catalog, &outcome);
        if outcome.changed() {
            observer(job.origin, &outcome);
        }
        (job.complete)(outcome);
    }
}

fn run_transaction(conn: &mut Connection, group: &[WriteJob]) -> rusqlite::Result<Vec<WriteOutcome>> {
    let tx = conn.transaction()?;
    let outcomes =
        group.iter().map(|job| sqlite::apply(&tx, &job.op)).collect::<rusqlite::Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(outcomes)
}

fn update_mirror(catalog: &Catalog, outcome: &WriteOutcome) {
    match outcome {
        WriteOutcome::Added(p) | WriteOutcome::Updated(p) => catalog.put(p.clone()),
        WriteOutcome::Deleted(code) => catalog.remove(code),
        _ => {}
    }
}
