//! One log entry per protocol step, with everything a later view needs:
//! when (monotonic and wall clock), which way (client → server, server →
//! client, or local), which session, which request id, and the pairing of
//! each request with its response — enough to draw a sequence diagram.
//!
//! A log is bounded twice: by entries ([`LOG_ENTRIES`]) and by the bytes
//! its texts hold ([`LOG_BYTES`]); the oldest entries go first. A huge raw
//! message keeps only its first [`RAW_KEPT`] bytes and says how many it
//! lost, so one line from a hostile server cannot fill the memory.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::time::{Duration, Instant, SystemTime};

use lojinha_server::server::CloseReason;
use lojinha_server::{ConnectionEnd, Mode};
use serde_json::Value;

use crate::phrase::Phrase;

pub use lojinha_server::client::RAW_KEPT;

/// Most entries a log keeps.
pub const LOG_ENTRIES: usize = 100_000;
/// Most bytes a log's texts (raw messages and details) may hold.
pub const LOG_BYTES: usize = 64 * 1024 * 1024;
/// What an entry costs besides its texts (its fields, the deque's slot).
const ENTRY_OVERHEAD: usize = std::mem::size_of::<LogEntry>();

/// Which way a step goes, seen from outside (the same for both ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    ClientToServer,
    ServerToClient,
    /// Something that happened at one end only (connecting, closed, …).
    Local,
}

/// What kind of step an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Listening,
    Connecting,
    Connected,
    SessionOpened,
    Welcome,
    Hello,
    Request,
    Response,
    ErrorResponse,
    Batch,
    Notification,
    Goodbye,
    Garbage,
    Read,
    Error,
    Closed,
    Stopped,
}

impl Step {
    /// The translation key of its short name.
    pub fn key(self) -> &'static str {
        match self {
            Step::Listening => "step-listening",
            Step::Connecting => "step-connecting",
            Step::Connected => "step-connected",
            Step::SessionOpened => "step-session_opened",
            Step::Welcome => "step-welcome",
            Step::Hello => "step-hello",
            Step::Request => "step-request",
            Step::Response => "step-response",
            Step::ErrorResponse => "step-error_response",
            Step::Batch => "step-batch",
            Step::Notification => "step-notification",
            Step::Goodbye => "step-goodbye",
            Step::Garbage => "step-garbage",
            Step::Read => "step-read",
            Step::Error => "step-error",
            Step::Closed => "step-closed",
            Step::Stopped => "step-stopped",
        }
    }
}

/// The detail of a local step, kept as data and described when drawn (so
/// it follows the user's language).
#[derive(Debug, Clone)]
pub enum LocalDetail {
    /// The server started listening.
    Listening { addr: SocketAddr, mode: Mode },
    /// The server closed a session (the server panel's log).
    SessionClosed(CloseReason),
    /// A client's connection ended (a client window's log).
    ConnectionEnded(ConnectionEnd),
    /// The server refused a connection (`server full`).
    Refused { peer: SocketAddr, reason: String },
    /// Words of the app's own (a connection that failed, a list that did not load).
    Said(Phrase),
}

/// One protocol step.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// Unique and increasing within one log (survives trimming and clearing).
    pub seq: u64,
    pub at: Instant,
    pub wall: SystemTime,
    /// Time since the log's origin (the connection attempt, or the server's start).
    pub since_origin: Duration,
    pub direction: Direction,
    pub step: Step,
    /// The server session it belongs to (server log only).
    pub session: Option<u64>,
    pub method: Option<String>,
    /// The JSON-RPC id, for requests and responses.
    pub id: Option<Value>,
    /// Round-trip (client) or service (server) time, on responses.
    pub rtt: Option<Duration>,
    /// Bytes on the wire, newline included.
    pub bytes: Option<usize>,
    /// A short detail: an address, a reason, a client name, an error.
    pub detail: Option<String>,
    /// What a local step was about, when it needs words (see [`LocalDetail`]).
    pub local: Option<LocalDetail>,
    /// The message exactly as sent or received (its first [`RAW_KEPT`] bytes).
    pub raw: Option<String>,
    /// Bytes of the message that `raw` does not hold (0 for whole messages).
    pub raw_cut: usize,
    /// The `seq` of the matching request (on a response) or response (on a request).
    pub pair: Option<u64>,
}

impl LogEntry {
    pub fn new(at: Instant, wall: SystemTime, direction: Direction, step: Step) -> LogEntry {
        LogEntry {
            seq: 0,
            at,
            wall,
            since_origin: Duration::ZERO,
            direction,
            step,
            session: None,
            method: None,
            id: None,
            rtt: None,
            bytes: None,
            detail: None,
            local: None,
            raw: None,
            raw_cut: 0,
            pair: None,
        }
    }

    /// Bytes this entry holds in memory, about.
    fn cost(&self) -> usize {
        let text = |t: &Option<String>| t.as_ref().map_or(0, String::capacity);
        ENTRY_OVERHEAD + text(&self.raw) + text(&self.detail)
    }

    /// Keeps at most [`RAW_KEPT`] bytes of `raw` (on a character boundary)
    /// and adds what it drops to `raw_cut`.
    fn cut_raw(&mut self) {
        let Some(raw) = self.raw.as_mut() else { return };
        if raw.len() > RAW_KEPT {
            let mut end = RAW_KEPT;
            while !raw.is_char_boundary(end) {
                end -= 1;
            }
            self.raw_cut += raw.len() - end;
            raw.truncate(end);
            raw.shrink_to_fit();
        }
    }
}

/// The entries of one connection log, bounded, with request/response pairing.
pub struct Log {
    entries: VecDeque<LogEntry>,
    next_seq: u64,
    origin: Option<Instant>,
    /// Requests waiting for their response: (session, id as text) → seq.
    open_requests: HashMap<(Option<u64>, String), u64>,
    capacity: usize,
    byte_capacity: usize,
    /// What the kept entries hold, by [`LogEntry::cost`].
    bytes: usize,
}

impl Default for Log {
    fn default() -> Self {
        Log::with_limits(LOG_ENTRIES, LOG_BYTES)
    }
}

impl Log {
    pub fn with_capacity(capacity: usize) -> Log {
        Log::with_limits(capacity, LOG_BYTES)
    }

    /// A log of at most `capacity` entries holding at most `byte_capacity` bytes.
    pub fn with_limits(capacity: usize, byte_capacity: usize) -> Log {
        Log {
            entries: VecDeque::new(),
            next_seq: 1,
            origin: None,
            open_requests: HashMap::new(),
            capacity: capacity.max(1),
            byte_capacity,
            bytes: 0,
        }
    }

    /// Times from now on are counted from `at` (a new connection attempt).
    pub fn set_origin(&mut self, at: Instant) {
        self.origin = Some(at);
    }

    /// Adds an entry: numbers it, times it and pairs it with its request.
    pub fn push(&mut self, mut entry: LogEntry) -> u64 {
        let origin = *self.origin.get_or_insert(entry.at);
        entry.since_origin = entry.at.saturating_duration_since(origin);
        entry.seq = self.next_seq;
        self.next_seq += 1;
        entry.cut_raw();
        self.pair(&mut entry);
        let seq = entry.seq;
        self.bytes += entry.cost();
        self.entries.push_back(entry);
        while self.entries.len() > self.capacity
            || (self.bytes > self.byte_capacity && self.entries.len() > 1)
        {
            self.evict_oldest();
        }
        seq
    }

    /// Drops the oldest entry, and its open request if it was one.
    fn evict_oldest(&mut self) {
        let Some(old) = self.entries.pop_front() else { return };
        self.bytes -= old.cost();
        if let (Direction::ClientToServer, Some(id)) = (old.direction, &old.id) {
            let key = (old.session, id.to_string());
            if self.open_requests.get(&key) == Some(&old.seq) {
                self.open_requests.remove(&key);
            }
        }
    }

    /// Bytes the kept entries hold, about (bounded by the byte capacity).
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    fn pair(&mut self, entry: &mut LogEntry) {
        let Some(id) = entry.id.as_ref().filter(|id| !id.is_null()) else { return };
        let key = (entry.session, id.to_string());
        match (entry.direction, entry.step) {
            (Direction::ClientToServer, _) => {
                self.open_requests.insert(key, entry.seq);
            }
            (Direction::ServerToClient, Step::Response | Step::ErrorResponse) => {
                if let Some(request_seq) = self.open_requests.remove(&key) {
                    entry.pair = Some(request_seq);
                    if let Some(request) = self.get(request_seq) {
                        entry.method = entry.method.take().or_else(|| request.method.clone());
                        entry.rtt =
                            entry.rtt.or_else(|| Some(entry.at.saturating_duration_since(request.at)));
                    }
                    if let Some(request) = self.get_mut(request_seq) {
                        request.pair = Some(entry.seq);
                    }
                }
            }
            _ => {}
        }
    }

    pub fn get(&self, seq: u64) -> Option<&LogEntry> {
        let first = self.entries.front()?.seq;
        self.entries.get(usize::try_from(seq.checked_sub(first)?).ok()?)
    }

    fn get_mut(&mut self, seq: u64) -> Option<&mut LogEntry> {
        let first = self.entries.front()?.seq;
        self.entries.get_mut(usize::try_from(seq.checked_sub(first)?).ok()?)
    }

    pub fn entries(&self) -> &VecDeque<LogEntry> {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets every entry (numbering goes on, so views notice) and gives
    /// their memory back.
    pub fn clear(&mut self) {
        self.entries = VecDeque::new();
        self.open_requests = HashMap::new();
        self.bytes = 0;
    }

    /// Slots the log has allocated (falls to 0 after [`Log::clear`]).
    pub fn allocated(&self) -> usize {
        self.entries.capacity()
    }

    /// The `seq` the next entry will get: views use it to notice changes.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }
}

/// The id and method of a JSON-RPC message, when it has them.
pub fn id_and_method(raw: &str) -> (Option<Value>, Option<String>, Option<Value>) {
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(raw) else { return (None, None, None) };
    let method = object.get("method").and_then(Value::as_str).map(str::to_owned);
    (object.get("id").cloned(), method, object.get("error").cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(direction: Direction, step: Step, id: Option<Value>) -> LogEntry {
        let mut e = LogEntry::new(Instant::now(), SystemTime::now(), direction, step);
        e.id = id;
        e
    }

    /// A response is paired with the request of the same id, both ways.
    #[test]
    fn pairs_request_and_response_by_id() {
        let mut log = Log::default();
        let mut request = entry(Direction::ClientToServer, Step::Request, Some(Value::from(7)));
        request.method = Some("product.get".into());
        let request_seq = log.push(request);
        log.push(entry(Direction::ServerToClient, Step::Notification, None));
        let response_seq = log.push(entry(Direction::ServerToClient, Step::Response, Some(Value::from(7))));
        assert_eq!(log.get(request_seq).unwrap().pair, Some(response_seq));
        let response = log.get(response_seq).unwrap();
        assert_eq!(response.pair, Some(request_seq));
        assert_eq!(response.method.as_deref(), Some("product.get"));
    }

    fn raw_entry(raw: String) -> LogEntry {
        let mut e = entry(Direction::ServerToClient, Step::Garbage, None);
        e.raw = Some(raw);
        e
    }

    /// A huge raw line keeps only its first RAW_KEPT bytes (on a character
    /// boundary), and the entry says how many bytes it lost.
    #[test]
    fn huge_raw_line_keeps_a_prefix_and_the_cut_size() {
        let mut log = Log::default();
        let huge = "é".repeat(3 * RAW_KEPT);
        let seq = log.push(raw_entry(huge.clone()));
        let kept = log.get(seq).unwrap();
        let raw = kept.raw.as_deref().unwrap();
        assert!(raw.len() <= RAW_KEPT && raw.len() > RAW_KEPT - 4);
        assert!(huge.starts_with(raw));
        assert_eq!(kept.raw_cut, huge.len() - raw.len());
    }

    /// Entries are capped by the bytes their texts hold: the oldest go first,
    /// and the log never holds much more than its byte capacity.
    #[test]
    fn entries_are_capped_by_bytes() {
        let mut log = Log::with_limits(1_000_000, 1024 * 1024);
        for _ in 0..200 {
            log.push(raw_entry("x".repeat(64 * 1024)));
        }
        assert!(log.bytes() <= 1024 * 1024, "{} bytes held", log.bytes());
        assert!(log.len() < 20, "{} entries of 64 KiB in 1 MiB", log.len());
        assert_eq!(log.entries().back().unwrap().seq, 200, "the newest entry stays");
    }

    /// Clear forgets every entry and gives the memory back.
    #[test]
    fn clear_returns_memory() {
        let mut log = Log::default();
        for _ in 0..10_000 {
            log.push(raw_entry("y".repeat(100)));
        }
        assert!(log.allocated() >= 10_000);
        log.clear();
        assert_eq!((log.len(), log.bytes(), log.allocated()), (0, 0, 0));
    }
}
