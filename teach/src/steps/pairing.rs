//! Pairing responses with their requests by (lane, id), as JSON-RPC does:
//! pipelined requests, answers in any order and notifications in between
//! all pair right, because only the id links an answer to its question.

use std::collections::{HashMap, VecDeque};

use super::step::{Direction, Kind, Lane, Message};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    lane: Lane,
    /// Which way the request went (answers travel the other way).
    request_direction: Direction,
    batch: bool,
    id: String,
}

/// Requests still waiting for their answer.
#[derive(Debug, Default, Clone)]
pub struct Pairing {
    /// `seq`s of waiting requests; a queue in case a client reuses an id.
    waiting: HashMap<Key, VecDeque<u64>>,
}

impl Pairing {
    /// Takes note of line `seq`; when it answers a waiting request, returns
    /// that request's `seq`.
    pub fn observe(&mut self, seq: u64, lane: Lane, message: &Message) -> Option<u64> {
        let id = message.id.clone()?;
        let key = |request_direction, batch| Key { lane, request_direction, batch, id: id.clone() };
        match message.kind {
            Kind::Request => self.wait(key(message.direction, false), seq),
            Kind::Response | Kind::Error { .. } => {
                return self.answer(&key(message.direction.opposite(), false));
            }
            // A batch answers a waiting batch with the same ids, or else it is a batch of requests.
            Kind::Batch => match self.answer(&key(message.direction.opposite(), true)) {
                Some(request) => return Some(request),
                None => self.wait(key(message.direction, true), seq),
            },
            Kind::Notification | Kind::Garbage => {}
        }
        None
    }

    /// Forgets the waiting requests of a lane whose connection ended: ids a
    /// later connection uses again pair afresh.
    pub fn close_lane(&mut self, lane: Lane) {
        self.waiting.retain(|key, _| key.lane != lane);
    }

    /// Forgets a request that left the record unanswered.
    pub fn forget(&mut self, seq: u64, lane: Lane, message: &Message) {
        let Some(id) = message.id.clone() else { return };
        let batch = message.kind == Kind::Batch;
        let key = Key { lane, request_direction: message.direction, batch, id };
        if let Some(queue) = self.waiting.get_mut(&key) {
            queue.retain(|&waiting| waiting != seq);
            if queue.is_empty() {
                self.waiting.remove(&key);
            }
        }
    }

    pub fn clear(&mut self) {
        self.waiting = HashMap::new();
    }

    fn wait(&mut self, key: Key, seq: u64) {
        self.waiting.entry(key).or_default().push_back(seq);
    }

    fn answer(&mut self, key: &Key) -> Option<u64> {
        let queue = self.waiting.get_mut(key)?;
        let request = queue.pop_front();
        if queue.is_empty() {
            self.waiting.remove(key);
        }
        request
    }
}
