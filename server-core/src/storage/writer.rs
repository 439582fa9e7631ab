//! The single writer thread and its group commit.
//!
//! Many sessions submit writes at once. The writer takes everything queued
//! (up to a bound) and gives it, as one group, to the [`Backend`], which
//! runs it in one transaction, commits once, and hands the group on in
//! commit order. One fsync thus covers many writes, and the sink can tell
//! every session about the whole group with one wake-up each. This file
//! knows nothing of any database engine.
//!
//! A job carries a `token` the storage never looks at: the server puts there
//! what it needs to answer the writer.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};

use super::backend::{Backend, Room, WriteJob};
use super::catalog::CatalogMirror;
use super::error::StoreError;

/// Most writes grouped into one transaction.
const MAX_GROUP: usize = 1024;

/// Longest the writer waits to gather a group as large as the previous one.
/// A lone writer (previous group of one) never waits.
const GATHER_WINDOW: Duration = Duration::from_micros(300);

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
    backend: Box<dyn Backend<T>>,
    catalog: Arc<CatalogMirror>,
    max_products: usize,
) -> Result<WriterHandle<T>, StoreError> {
    let (tx, rx) = crossbeam_channel::unbounded();
    let thread = std::thread::Builder::new()
        .name("storage-writer".into())
        .spawn(move || run(backend, &catalog, max_products, &rx))
        .map_err(StoreError::Thread)?;
    Ok(WriterHandle { tx, thread: Some(thread) })
}

fn run<T>(
    mut backend: Box<dyn Backend<T>>,
    catalog: &CatalogMirror,
    max_products: usize,
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
        if !group.is_empty() {
            let room = Room { held: catalog.len(), max: max_products };
            backend.commit_group(std::mem::replace(&mut group, Vec::with_capacity(MAX_GROUP)), room);
        }
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
