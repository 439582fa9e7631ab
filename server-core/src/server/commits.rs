//! Delivering committed writes: what each session hears about a group.
//!
//! The storage writer hands each committed group, in commit order, to the
//! `fan-out` thread and goes back to committing: it never waits for
//! hundreds of sessions. The fan-out thread takes every group waiting at
//! once and delivers them in two steps:
//!
//! 1. the sessions that wrote in them get, in commit order, the other
//!    sessions' changes and the answers to their own writes — then their
//!    threads are released, so a session's next answer can never overtake
//!    the answer to its write;
//! 2. every other session gets all the groups' notifications as one shared
//!    line: one lock and at most one wake-up per session, however many
//!    commits the line holds. The busier the catalog, the more each pass
//!    carries, so the cost per commit falls as the class grows.

use std::sync::Arc;
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender};
use serde_json::Value;

use super::dispatch::{change_notification, encode_write_outcome, to_line};
use super::outbox::Line;
use super::sessions::{Registry, Session};
use crate::storage::{GroupSink, WriteJob, WriteOutcome};

/// What the server needs back from a write once it is committed.
pub enum Completion {
    /// Queue the answer to request `id` on the origin session, then release its thread.
    Respond { id: Value, done: Sender<()> },
    /// Hand the outcome back to a waiting thread (batches, seeding).
    Return(Sender<WriteOutcome>),
}

/// Committed groups waiting for the fan-out thread; past this the storage
/// writer waits (a bound on memory when sessions are slower than commits).
const BACKLOG: usize = 256;

type Group = Vec<(WriteJob<Completion>, WriteOutcome)>;

/// The sink the storage writer calls for each committed group. Dropping it
/// (the writer's end) lets the fan-out thread deliver what is left and end.
pub fn sink(registry: Arc<Registry>) -> std::io::Result<GroupSink<Completion>> {
    let (tx, rx) = crossbeam_channel::bounded::<Group>(BACKLOG);
    let thread = std::thread::Builder::new().name("fan-out".into()).spawn(move || fan_out(&registry, &rx))?;
    let fan_out = FanOut { tx: Some(tx), thread: Some(thread) };
    Ok(Box::new(move |group| fan_out.send(group)))
}

/// The storage writer's end of the fan-out thread.
struct FanOut {
    tx: Option<Sender<Group>>,
    thread: Option<JoinHandle<()>>,
}

impl FanOut {
    fn send(&self, group: Group) {
        if let Some(tx) = &self.tx {
            // The thread only ends after the sender is dropped.
            let _ = tx.send(group);
        }
    }
}

impl Drop for FanOut {
    fn drop(&mut self) {
        self.tx = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Most writes one pass delivers: a few MiB of notifications at most, well
/// under a session's outbox bound.
const MERGE: usize = 4096;

/// The fan-out thread: delivers the groups waiting, several as one.
fn fan_out(registry: &Registry, groups: &Receiver<Group>) {
    while let Ok(first) = groups.recv() {
        let mut merged = first;
        while merged.len() < MERGE {
            let Ok(more) = groups.try_recv() else { break };
            merged.extend(more);
        }
        deliver(registry, merged);
    }
}

/// A committed write with its notification and (for single requests) its answer.
struct Delivered {
    origin: u64,
    notification: Option<Line>,
    answer: Option<Line>,
}

fn deliver(registry: &Registry, group: Vec<(WriteJob<Completion>, WriteOutcome)>) {
    let mut delivered = Vec::with_capacity(group.len());
    let mut releases = Vec::with_capacity(group.len());
    for (job, outcome) in group {
        let notification = change_notification(&outcome);
        let answer = match &job.token {
            Completion::Respond { id, .. } => Some(to_line(encode_write_outcome(id, outcome.clone()))),
            Completion::Return(_) => None,
        };
        delivered.push(Delivered { origin: job.origin, notification, answer });
        releases.push((job.token, outcome));
    }
    let origins = origins(&delivered);
    registry.for_ids(&origins, |session| queue_for(session, &delivered));
    release(releases);
    let Some(everyone_else) = joined_notifications(&delivered) else { return };
    registry.for_each(|session| {
        if origins.binary_search(&session.id).is_err() {
            // The common case, and the one that grows with the class: no
            // copy and no allocation per session.
            session.outbox.push_line(everyone_else.clone());
        }
    });
}

/// Lets the threads that waited for these writes go on.
fn release(releases: Vec<(Completion, WriteOutcome)>) {
    for (token, outcome) in releases {
        match token {
            Completion::Respond { done, .. } => {
                let _ = done.send(());
            }
            Completion::Return(tx) => {
                let _ = tx.send(outcome);
            }
        }
    }
}

/// The sessions that wrote in this group, sorted, each once.
fn origins(delivered: &[Delivered]) -> Vec<u64> {
    let mut origins: Vec<u64> = delivered.iter().map(|d| d.origin).collect();
    origins.sort_unstable();
    origins.dedup();
    origins
}

/// Every notification of the group, in commit order, as one buffer.
fn joined_notifications(delivered: &[Delivered]) -> Option<Line> {
    let mut lines = delivered.iter().filter_map(|d| d.notification.as_ref()).peekable();
    let first = lines.next()?;
    if lines.peek().is_none() {
        return Some(first.clone());
    }
    let mut joined = first.to_vec();
    for line in lines {
        joined.extend_from_slice(line);
    }
    Some(joined.into())
}

/// Queues, in commit order, what one session that wrote in the group must hear.
fn queue_for(session: &Session, delivered: &[Delivered]) {
    let mut lines = Vec::new();
    let mut answers_own_write = false;
    for item in delivered {
        let line = if item.origin == session.id { &item.answer } else { &item.notification };
        if let Some(line) = line {
            lines.push(line.clone());
            answers_own_write |= item.origin == session.id;
        }
    }
    if !lines.is_empty() {
        // A session waiting for its write's answer flushes the queue itself.
        session.outbox.push_lines(lines, !answers_own_write);
    }
}
