//! Delivering committed writes: what each session hears about a group.
//!
//! The storage writer hands each committed group, in commit order, to the
//! `fan-out` thread and goes back to committing: it never waits for
//! hundreds of sessions. The fan-out thread takes every group waiting at
//! once (a *pass*) and gives the sessions that wrote in it, in commit order,
//! the other sessions' changes and the answers to their own writes; then it
//! releases their threads (a session's next answer can never overtake the
//! answer to its write) and hands the pass to the `broadcast` thread.
//!
//! The broadcast thread gives every other session the pass's notifications
//! as one shared line: one lock and at most one wake-up per session, however
//! many commits the line holds. Writers need not wait for it, and the busier
//! the catalog, the more each pass carries.
//!
//! Each session remembers the last pass it has queued, so the two threads
//! never give it a pass twice or out of order: a writer in a later pass gets
//! the passes still on their way to everyone first. And a writer has its
//! answer before hundreds of others have the change; [`Progress`] keeps that
//! invisible: a session about to answer anything first waits until every
//! change already acknowledged is queued for everyone, so nobody can read
//! past a change another client was told is done.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender};
use serde_json::Value;

use super::lines::{Line, change_notification, write_outcome_line};
use super::registry::{Registry, Session};
use crate::storage::{Committed, GroupSink, WriteOutcome};

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

type Group = Vec<Committed<Completion>>;

/// How far the fan-out thread has got: passes whose writers were answered,
/// and passes queued for every session. Every answer checks it, so the
/// common case (caught up) is two atomic loads; only a session that is
/// actually behind takes the lock and waits.
#[derive(Default)]
pub struct Progress {
    answered: AtomicU64,
    queued: AtomicU64,
    waiting: Mutex<()>,
    caught_up: Condvar,
}

impl Progress {
    /// Waits until every change whose writer was answered by now is queued
    /// for every session (rarely more than one pass, a fraction of a millisecond).
    pub fn wait_for_acknowledged(&self) {
        let answered = self.answered.load(Ordering::Acquire);
        if self.queued.load(Ordering::Acquire) >= answered {
            return;
        }
        let mut guard = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        while self.queued.load(Ordering::Acquire) < answered {
            guard = self.caught_up.wait(guard).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// The last pass whose writers were answered: a session joining now
    /// hears only of later ones.
    pub fn answered(&self) -> u64 {
        self.answered.load(Ordering::Acquire)
    }

    fn writers_answered(&self, pass: u64) {
        self.answered.store(pass, Ordering::Release);
    }

    fn everyone_queued(&self, pass: u64) {
        self.queued.store(pass, Ordering::Release);
        // Taken so that a session between its check and its wait cannot miss this.
        let _guard = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        self.caught_up.notify_all();
    }
}

/// The sink the storage writer calls for each committed group. Dropping it
/// (the writer's end) lets the fan-out thread deliver what is left and end.
pub fn sink(registry: Arc<Registry>, progress: Arc<Progress>) -> std::io::Result<GroupSink<Completion>> {
    let (tx, rx) = crossbeam_channel::bounded::<Group>(BACKLOG);
    let thread = std::thread::Builder::new()
        .name("fan-out".into())
        .spawn(move || fan_out(&registry, &progress, &rx))?;
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

/// Passes handed to the broadcast thread and not yet given to everyone.
const PASSES_IN_FLIGHT: usize = 64;

/// One pass's notifications for everyone (`None`: nothing changed).
type Pass = (u64, Option<Line>);

/// Passes on their way to everyone, oldest first, for writers of later passes.
type InFlight = Mutex<VecDeque<(u64, Line)>>;

/// The fan-out thread: answers the writers of the groups waiting, several
/// as one pass, and hands each pass on to the broadcast thread.
fn fan_out(registry: &Arc<Registry>, progress: &Arc<Progress>, groups: &Receiver<Group>) {
    let in_flight: Arc<InFlight> = Arc::default();
    let (passes_tx, passes_rx) = crossbeam_channel::bounded::<Pass>(PASSES_IN_FLIGHT);
    let broadcaster = {
        let (registry, progress, in_flight) = (registry.clone(), progress.clone(), in_flight.clone());
        std::thread::Builder::new()
            .name("broadcast".into())
            .spawn(move || broadcast(&registry, &progress, &in_flight, &passes_rx))
    };
    let Ok(broadcaster) = broadcaster else {
        tracing::error!("cannot start the broadcast thread: changes reach only their writers");
        return;
    };
    let mut pass = 0;
    while let Ok(first) = groups.recv() {
        let mut merged = first;
        while merged.len() < MERGE {
            let Ok(more) = groups.try_recv() else { break };
            merged.extend(more);
        }
        pass += 1;
        let everyone = answer_writers(registry, progress, &in_flight, pass, merged);
        if let Some(line) = &everyone {
            in_flight.lock().unwrap_or_else(|e| e.into_inner()).push_back((pass, line.clone()));
        }
        if passes_tx.send((pass, everyone)).is_err() {
            break;
        }
    }
    drop(passes_tx);
    let _ = broadcaster.join();
}

/// The broadcast thread: gives each pass to every session that did not write in it.
fn broadcast(registry: &Registry, progress: &Progress, in_flight: &InFlight, passes: &Receiver<Pass>) {
    for (pass, everyone) in passes {
        if let Some(line) = everyone {
            // The common case, and the one that grows with the class: no
            // copy and no allocation per session.
            registry.for_each(|session| session.outbox.push_broadcast(pass, line.clone()));
            in_flight.lock().unwrap_or_else(|e| e.into_inner()).pop_front();
        }
        progress.everyone_queued(pass);
    }
}

/// A committed write with its notification and (for single requests) its answer.
struct Delivered {
    origin: u64,
    notification: Option<Line>,
    answer: Option<Line>,
}

/// Gives the writers of this pass what they must hear and releases them;
/// returns the pass's notifications for everyone else.
fn answer_writers(
    registry: &Registry,
    progress: &Progress,
    in_flight: &InFlight,
    pass: u64,
    group: Group,
) -> Option<Line> {
    let mut delivered = Vec::with_capacity(group.len());
    let mut releases = Vec::with_capacity(group.len());
    for Committed { origin, token, outcome } in group {
        let notification = change_notification(&outcome);
        let answer = match &token {
            Some(Completion::Respond { id, .. }) => Some(write_outcome_line(id, outcome.clone())),
            Some(Completion::Return(_)) | None => None,
        };
        delivered.push(Delivered { origin, notification, answer });
        if let Some(token) = token {
            releases.push((token, outcome));
        }
    }
    let earlier: Vec<(u64, Line)> =
        in_flight.lock().unwrap_or_else(|e| e.into_inner()).iter().cloned().collect();
    registry.for_ids(&origins(&delivered), |session| queue_for(session, pass, &earlier, &delivered));
    progress.writers_answered(pass);
    release(releases);
    joined_notifications(&delivered)
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

/// Queues, in commit order, what one session that wrote in the pass must hear.
fn queue_for(session: &Session, pass: u64, earlier: &[(u64, Line)], delivered: &[Delivered]) {
    let mut lines = Vec::new();
    let mut answers_own_write = false;
    for item in delivered {
        let line = if item.origin == session.id { &item.answer } else { &item.notification };
        if let Some(line) = line {
            lines.push(line.clone());
            answers_own_write |= item.origin == session.id;
        }
    }
    // A session waiting for its write's answer flushes the queue itself.
    session.outbox.push_pass(pass, earlier, lines, !answers_own_write);
}
