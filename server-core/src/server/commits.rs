//! Delivering committed writes: what each session hears about a group.
//!
//! The storage writer hands over each committed group in commit order. For
//! every open session this builds, in that order, the notifications of the
//! other sessions' changes and the answers to its own writes, and queues them
//! with one lock and at most one wake-up per session. Only then are the
//! waiting session threads released, so a session's next answer can never
//! overtake the answer to its write.

use std::sync::Arc;

use crossbeam_channel::Sender;
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

/// The sink the storage writer calls for each committed group.
pub fn sink(registry: Arc<Registry>) -> GroupSink<Completion> {
    Box::new(move |group| deliver(&registry, group))
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
    let everyone_else = joined_notifications(&delivered);
    registry.for_each(|session| {
        if origins.binary_search(&session.id).is_ok() {
            queue_for(session, &delivered);
        } else if let Some(line) = &everyone_else {
            // The common case, and the one that grows with the class: a
            // session that wrote nothing in this group hears every change,
            // as one shared line — no copy, no allocation per session.
            session.outbox.push_line(line.clone());
        }
    });
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
