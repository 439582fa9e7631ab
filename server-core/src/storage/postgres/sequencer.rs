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
//! whose transaction saw nothing past what is already handed on is next in
//! the log: it goes at once, without waiting for the listener to read it
//! back (the listener then skips its rows). A group
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
            // Nothing of the log lies between what is handed on and this group.
            (Some(_), Some(&last)) if seen <= self.applied => {
                group.iter().for_each(|c| self.catalog.apply(&c.outcome));
                self.applied = last;
                (self.sink)(group);
            }
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

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::protocol::product::Product;
    use crate::storage::write::WriteOutcome;

    fn added(code: &str) -> WriteOutcome {
        let product =
            Product { code: code.into(), name: "n".into(), price_cents: 1, quantity: 1, version: 1 };
        WriteOutcome::Added(product)
    }

    fn change(id: i64, code: &str) -> Change {
        Change { id, outcome: added(code) }
    }

    /// (origin, token) of everything handed on, in order.
    type Log = Arc<Mutex<Vec<(u64, Option<u32>)>>>;

    /// A sequencer whose sink records what it hands on.
    fn recording() -> (Sequencer<u32>, Log, Arc<CatalogMirror>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let sink: GroupSink<u32> = Box::new(move |group| {
            log.lock().unwrap().extend(group.into_iter().map(|c| (c.origin, c.token)));
        });
        let catalog = Arc::new(CatalogMirror::default());
        (Sequencer::new(sink, catalog.clone(), 0), seen, catalog)
    }

    fn own(origin: u64, token: u32, code: &str) -> Committed<u32> {
        Committed { origin, token: Some(token), outcome: added(code) }
    }

    /// An own group is handed on exactly once, at its place between other
    /// servers' changes; its later rows are not handed on again.
    #[test]
    fn own_groups_go_at_their_place_in_the_log() {
        let (sequencer, log, catalog) = recording();
        sequencer.lock().committed(vec![own(7, 1, "a"), own(8, 2, "b")], &[2, 3], 1);
        assert!(log.lock().unwrap().is_empty(), "nothing before the listener reaches it");
        sequencer.lock().apply(vec![change(1, "x"), change(2, "a"), change(3, "b"), change(4, "y")]);
        let expected = vec![(0, None), (7, Some(1)), (8, Some(2)), (0, None)];
        assert_eq!(*log.lock().unwrap(), expected);
        assert_eq!(catalog.len(), 4);
        assert_eq!(sequencer.lock().applied(), 4);
    }

    /// A group that changed nothing waits for every change its transaction
    /// saw, and goes at once when those are already applied.
    #[test]
    fn groups_without_changes_wait_for_what_they_saw() {
        let (sequencer, log, _) = recording();
        sequencer.lock().committed(vec![own(9, 5, "z")], &[], 2);
        assert!(log.lock().unwrap().is_empty(), "change 2 is not applied yet");
        sequencer.lock().apply(vec![change(1, "x")]);
        assert_eq!(log.lock().unwrap().len(), 1, "change 1 only");
        sequencer.lock().apply(vec![change(2, "y"), change(3, "w")]);
        assert_eq!(log.lock().unwrap()[1..], [(0, None), (9, Some(5)), (0, None)]);
        sequencer.lock().committed(vec![own(9, 6, "z")], &[], 3);
        assert_eq!(log.lock().unwrap().last(), Some(&(9, Some(6))), "already applied: handed on at once");
    }

    /// A group that is next in the log goes as soon as it commits, and the
    /// listener does not hand its rows on again when it reads them.
    #[test]
    fn a_group_next_in_the_log_goes_at_once() {
        let (sequencer, log, catalog) = recording();
        sequencer.lock().apply(vec![change(1, "x")]);
        sequencer.lock().committed(vec![own(7, 1, "a"), own(8, 2, "b")], &[2, 3], 1);
        assert_eq!(log.lock().unwrap()[1..], [(7, Some(1)), (8, Some(2))], "handed on at commit");
        assert_eq!((catalog.len(), sequencer.lock().applied()), (3, 3));
        sequencer.lock().apply(vec![change(2, "a"), change(3, "b"), change(4, "y")]);
        assert_eq!(log.lock().unwrap()[3..], [(0, None)], "only the change after it");
        sequencer.lock().committed(vec![own(9, 3, "c")], &[6], 5);
        assert_eq!(log.lock().unwrap().len(), 4, "change 5 is not applied yet: it waits");
    }
}
