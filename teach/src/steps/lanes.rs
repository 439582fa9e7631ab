//! The sessions a record has seen, in the order they appeared: each one's
//! client name (from `hello`), whether it is still open, and its last step,
//! so a lane is forgotten once its connection is closed and its last step
//! has left the record (the list stays as bounded as the steps).

use std::collections::BTreeMap;

use super::step::Lane;

/// One session's lifeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneInfo {
    /// The client name its `hello` gave.
    pub client: Option<String>,
    pub open: bool,
    /// The `seq` of its newest step.
    pub last_seq: u64,
    /// The `seq` of the step that closed it.
    pub closed_at: Option<u64>,
}

/// Every session lane with a step in the record, by session number.
#[derive(Debug, Default, Clone)]
pub struct Lanes {
    sessions: BTreeMap<u64, LaneInfo>,
}

impl Lanes {
    /// Notes a step on `lane`.
    pub fn saw(&mut self, lane: Lane, seq: u64) {
        let Lane::Session(session) = lane else { return };
        match self.sessions.get_mut(&session) {
            Some(info) => info.last_seq = seq,
            None => {
                let info = LaneInfo { client: None, open: true, last_seq: seq, closed_at: None };
                self.sessions.insert(session, info);
            }
        }
    }

    pub fn name(&mut self, lane: Lane, client: &str) {
        if let Lane::Session(session) = lane
            && let Some(info) = self.sessions.get_mut(&session)
        {
            info.client = Some(client.to_owned());
        }
    }

    pub fn close(&mut self, lane: Lane, seq: u64) {
        if let Lane::Session(session) = lane
            && let Some(info) = self.sessions.get_mut(&session)
        {
            info.open = false;
            info.closed_at = Some(seq);
        }
    }

    /// The step `seq` on `lane` left the record: a closed lane whose last
    /// step it was goes too.
    pub fn left(&mut self, lane: Lane, seq: u64) {
        let Lane::Session(session) = lane else { return };
        if self.sessions.get(&session).is_some_and(|info| !info.open && info.last_seq <= seq) {
            self.sessions.remove(&session);
        }
    }

    /// Puts back a lane as a recording saved it (its name, whether open),
    /// when the steps read back still have it or it was open.
    pub fn restore(&mut self, session: u64, info: LaneInfo) {
        if info.open || self.sessions.contains_key(&session) {
            self.sessions.insert(session, info);
        }
    }

    pub fn get(&self, session: u64) -> Option<&LaneInfo> {
        self.sessions.get(&session)
    }

    /// Sessions in order, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (u64, &LaneInfo)> {
        self.sessions.iter().map(|(session, info)| (*session, info))
    }

    pub fn len(&self) -> usize {
        self.sessions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
    }

    /// Forgets closed lanes; open ones stay, with their names, for the
    /// steps still to come.
    pub fn clear(&mut self) {
        self.sessions.retain(|_, info| info.open);
    }
}
