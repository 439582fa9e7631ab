//! The single writer thread and its group commit.
//!
//! Many sessions submit writes at once. The writer takes everything queued
//! (up to a bound), runs it in one transaction, commits once, updates the
//! mirror, then hands the whole group, in commit order, to the sink the
//! server gave it. One fsync thus covers many writes, and the sink can tell
//! every session about the whole group with one wake-up each.
//!
//! A job carries a `token` the storage never looks at: the server puts there
//! what it needs to answer the writer.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use rusqlite::Connection;

use super::catalog::CatalogMirror;
use super::error::StoreError;
use super::failure::StorageFailure;
use super::sqlite;
use super::write::{WriteOp, WriteOutcome};

/// Most writes grouped into one transaction.
const MAX_GROUP: usize = 1024;

/// Longest the writer waits to gather a group as large as the previous one.
/// A lone writer (previous group of one) never waits.
const GATHER_WINDOW: Duration = Duration::from_micros(300);

/// Receives each committed (or failed) group on the writer thread, in commit order.
pub type GroupSink<T> = Box<dyn Fn(Vec<(WriteJob<T>, WriteOutcome)>) + Send>;

/// A write, who asked for it, and the asker's token.
pub struct WriteJob<T> {
    pub op: WriteOp,
    /// The session that asked, so it is left out of the broadcast.
    pub origin: u64,
    pub token: T,
}

enum Input<T> {
    Job(WriteJob<T>),
    Stop,
}

pub(super) struct WriterHandle<T> {
    tx: Sender<Input<T>>,
    thread: Option<JoinHandle<()>>,
}

impl<T> WriterHandle<T> {
    /// Queues a job; gives it back if the writer has stopped.
    pub fn submit(&self, job: WriteJob<T>) -> Result<(), WriteJob<T>> {
        match self.tx.send(Input::Job(job)) {
            Ok(()) => Ok(()),
            Err(crossbeam_channel::SendError(Input::Job(job))) => Err(job),
            Err(_) => unreachable!("only jobs are sent through submit"),
        }
    }
}

impl<T> Drop for WriterHandle<T> {
    /// Commits what is queued, then closes the database (releasing its lock).
    fn drop(&mut self) {
        let _ = self.tx.send(Input::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub(super) fn spawn<T: Send + 'static>(
    conn: Connection,
    catalog: Arc<CatalogMirror>,
    max_products: usize,
    sink: GroupSink<T>,
) -> Result<WriterHandle<T>, StoreError> {
    let (tx, rx) = crossbeam_channel::unbounded();
    let thread = std::thread::Builder::new()
        .name("storage-writer".into())
        .spawn(move || run(conn, &catalog, max_products, &sink, &rx))
        .map_err(StoreError::Thread)?;
    Ok(WriterHandle { tx, thread: Some(thread) })
}

fn run<T>(
    mut conn: Connection,
    catalog: &CatalogMirror,
    max_products: usize,
    sink: &GroupSink<T>,
    rx: &Receiver<Input<T>>,
) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    let mut last_group_size = 1;
    while let Ok(first) = rx.recv() {
        let deadline = Instant::now() + GATHER_WINDOW;
        let mut stopping = push(&mut group, first);
        while !stopping && group.len() < MAX_GROUP {
            let next = match rx.try_recv() {
                Ok(next) => next,
                // Writers answered by the last group are likely sending their
                // next write right now: wait a moment for as many of them.
                Err(_) if group.len() < last_group_size => match rx.recv_deadline(deadline) {
                    Ok(next) => next,
                    Err(_) => break,
                },
                Err(_) => break,
            };
            stopping = push(&mut group, next);
        }
        last_group_size = group.len().max(1);
        commit_group(&mut conn, catalog, max_products, sink, &mut group);
        if stopping {
            break;
        }
    }
}

/// Adds a job to the group; returns true on `Stop`.
fn push<T>(group: &mut Vec<WriteJob<T>>, input: Input<T>) -> bool {
    match input {
        Input::Job(job) => {
            group.push(job);
            false
        }
        Input::Stop => true,
    }
}

fn commit_group<T>(
    conn: &mut Connection,
    catalog: &CatalogMirror,
    max_products: usize,
    sink: &GroupSink<T>,
    group: &mut Vec<WriteJob<T>>,
) {
    if group.is_empty() {
        return;
    }
    let room = Room { held: catalog.len(), max: max_products };
    let outcomes = match run_transaction(conn, group, room) {
        Ok(outcomes) => outcomes,
        Err(e) => {
            tracing::error!("storage write failed, {} writes refused: {e}", group.len());
            vec![WriteOutcome::Failed(StorageFailure::of_transaction(&e)); group.len()]
        }
    };
    for outcome in &outcomes {
        update_mirror(catalog, outcome);
    }
    sink(group.drain(..).zip(outcomes).collect());
}

/// How many products the catalog holds, and may hold, as a group runs.
#[derive(Clone, Copy)]
struct Room {
    held: usize,
    max: usize,
}

fn run_transaction<T>(
    conn: &mut Connection,
    group: &[WriteJob<T>],
    mut room: Room,
) -> rusqlite::Result<Vec<WriteOutcome>> {
    let tx = conn.transaction()?;
    let mut outcomes = Vec::with_capacity(group.len());
    for job in group {
        let outcome = match &job.op {
            WriteOp::Add(_) if room.held >= room.max => WriteOutcome::CatalogFull { max: room.max },
            op => sqlite::apply(&tx, op)?,
        };
        match outcome {
            WriteOutcome::Added(_) => room.held += 1,
            WriteOutcome::Deleted(_) => room.held -= 1,
            _ => {}
        }
        outcomes.push(outcome);
    }
    tx.commit()?;
    Ok(outcomes)
}

fn update_mirror(catalog: &CatalogMirror, outcome: &WriteOutcome) {
    match outcome {
        WriteOutcome::Added(p) | WriteOutcome::Updated(p) => catalog.put(p.clone()),
        WriteOutcome::Deleted(code) => catalog.remove(code),
        _ => {}
    }
}
