//! One global order for every server: the place where this server's own
//! committed groups meet the changes of the log, so each is handed to the
//! sink exactly once and in the log's order.
//!
//! The writer registers a committed group under the id of its first row in
//! `changes` (it holds the lock while it commits, so the listener cannot
//! read those rows before they are registered). When the listener reaches
//! that id it hands on the whole group, with the writers' tokens, so the
//! writing sessions get their answers and everyone else notifications; a
//! row it does not find registered is another server's change. A group
//! that changed nothing (1001, 1002, 1004) waits until the listener has
//! applied every change its transaction saw, so its answer never runs ahead
//! of a change some other client has already been told about.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use super::changes::Change;
use crate::storage::backend::{Committed, GroupSink};
use crate::storage::catalog::CatalogMirror;

/// Shared by the writer and the listener.
pub struct Sequencer<T> {
    state: Mutex<State<T>>,
}

pub struct State<T> {
    sink: GroupSink<T>,
    catalog: Arc<CatalogMirror>,
    /// The last change id handed on.
    applied: i64,
    /// This server's groups that changed something, by their first change id.
    own: BTreeMap<i64, OwnGroup<T>>,
    /// This server's groups that changed nothing, by the last change id they saw.
    waiting: BTreeMap<i64, Vec<Vec<Committed<T>>>>,
}

struct OwnGroup<T> {
    last: i64,
    group: Vec<Committed<T>>,
}

impl<T> Sequencer<T> {
    pub fn new(sink: GroupSink<T>, catalog: Arc<CatalogMirror>, applied: i64) -> Self {
        let state = State { sink, catalog, applied, own: BTreeMap::new(), waiting: BTreeMap::new() };
        Sequencer { state: Mutex::new(state) }
    }

    pub fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<T> State<T> {
    pub fn applied(&self) -> i64 {
        self.applied
    }

    /// A group of this server's just committed: `ids` are its rows in
    /// `changes` (in order); `seen` is the last change id its transaction saw.
    pub fn committed(&mut self, group: Vec<Committed<T>>, ids: &[i64], seen: i64) {
        match (ids.first(), ids.last()) {
            (Some(&first), Some(&last)) => {
                self.own.insert(first, OwnGroup { last, group });
            }
            _ if seen <= self.applied => (self.sink)(group),
            _ => self.waiting.entry(seen).or_default().push(group),
        }
    }

    /// A group that failed: nothing of it is in the log, so it goes now.
    pub fn failed(&mut self, group: Vec<Committed<T>>) {
        (self.sink)(group);
    }

    /// Hands on the changes read from the log, in their order.
    pub fn apply(&mut self, changes: Vec<Change>) {
        let mut out = Vec::new();
        for change in changes {
            if change.id <= self.applied {
                continue; // a later row of an own group already handed on
            }
            self.release_waiting(change.id - 1, &mut out);
            match self.own.remove(&change.id) {
                Some(own) => {
                    own.group.iter().for_each(|c| self.catalog.apply(&c.outcome));
                    out.extend(own.group);
                    self.applied = own.last;
                }
                None => {
                    self.catalog.apply(&change.outcome);
                    out.push(Committed::foreign(change.outcome));
                    self.applied = change.id;
                }
            }
        }
        self.release_waiting(self.applied, &mut out);
        if !out.is_empty() {
            (self.sink)(out);
        }
    }

    /// The mirror was reloaded from a snapshot that ends at `last`: own
    /// groups it already contains are answered without touching the mirror.
    pub fn reloaded(&mut self, last: i64) {
        self.applied = last;
        let mut out = Vec::new();
        let later = self.own.split_off(&(last + 1));
        for (_, own) in std::mem::replace(&mut self.own, later) {
            out.extend(own.group);
        }
        self.release_waiting(last, &mut out);
        if !out.is_empty() {
            (self.sink)(out);
        }
    }

    fn release_waiting(&mut self, through: i64, out: &mut Vec<Committed<T>>) {
        let later = self.waiting.split_off(&(through + 1));
        for (_, groups) in std::mem::replace(&mut self.waiting, later) {
            out.extend(groups.into_iter().flatten());
        }
    }
}
