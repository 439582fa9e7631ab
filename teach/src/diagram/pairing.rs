//! Pairing responses with their requests by (lane, id), as JSON-RPC does:
//! pipelined requests, answers in any order and notifications in between
//! all pair right, because only the id links an answer to its question.

use std::collections::{HashMap, VecDeque};

use super::message::{DiagramMessage, Direction, Kind};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    lane: u64,
    /// Which way the request went (answers travel the other way).
    request_direction: Direction,
    batch: bool,
    id: String,
}

/// Requests still waiting for their answer.
#[derive(Debug, Default)]
pub struct Pairing {
    /// Row numbers of waiting requests; a queue in case a client reuses an id.
    waiting: HashMap<Key, VecDeque<usize>>,
}

impl Pairing {
    /// Takes note of message `row`; when it answers a waiting request,
    /// returns that request's row.
    pub fn observe(&mut self, row: usize, message: &DiagramMessage) -> Option<usize> {
        let id = message.id.clone()?;
        let opposite = match message.direction {
            Direction::ToServer => Direction::ToClient,
            Direction::ToClient => Direction::ToServer,
            Direction::Local => return None,
        };
        let key =
            |request_direction, batch| Key { lane: message.lane, request_direction, batch, id: id.clone() };
        match &message.kind {
            Kind::Request { .. } => self.wait(key(message.direction, false), row),
            Kind::Response | Kind::ErrorResponse => return self.answer(&key(opposite, false)),
            // A batch answers a waiting batch with the same ids, or else it is a batch of requests.
            Kind::Batch => match self.answer(&key(opposite, true)) {
                Some(request) => return Some(request),
                None => self.wait(key(message.direction, true), row),
            },
            _ => {}
        }
        None
    }

    /// Forgets the waiting requests of a lane whose connection ended.
    pub fn close_lane(&mut self, lane: u64) {
        self.waiting.retain(|key, _| key.lane != lane);
    }

    pub fn clear(&mut self) {
        self.waiting.clear();
    }

    fn wait(&mut self, key: Key, row: usize) {
        self.waiting.entry(key).or_default().push_back(row);
    }

    fn answer(&mut self, key: &Key) -> Option<usize> {
        let queue = self.waiting.get_mut(key)?;
        let request = queue.pop_front();
        if queue.is_empty() {
            self.waiting.remove(key);
        }
        request
    }
}
