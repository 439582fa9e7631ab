//! The record itself: steps numbered, timed on one clock, paired, and kept
//! within their bounds (see the module's header in `steps/mod.rs`).

use std::collections::VecDeque;
use std::time::{Duration, Instant, SystemTime};

use lojinha_server::client::RAW_KEPT;

use super::lanes::Lanes;
use super::pairing::Pairing;
use super::step::{Lane, Line, Message, Step, What};

/// Most steps a record keeps.
pub const STEPS_MAX: usize = 100_000;
/// Most bytes a record's steps may hold, lines included, unless its owner
/// sets another bound ([`Steps::set_max_bytes`]).
pub const STEPS_BYTES: usize = 48 * 1024 * 1024;
/// What a step costs besides its texts (its fields, the deque's slot).
const STEP_OVERHEAD: usize = std::mem::size_of::<Step>();

/// The steps of one window or of the server panel, bounded, paired.
/// A clone is a snapshot: an export works on one, off the UI thread.
#[derive(Debug, Clone)]
pub struct Steps {
    origin: Instant,
    entries: VecDeque<Step>,
    next_seq: u64,
    pairing: Pairing,
    lanes: Lanes,
    max_steps: usize,
    max_bytes: usize,
    /// What the kept steps hold, by [`cost`].
    bytes: usize,
}

impl Steps {
    /// A record whose clock starts at `origin` (when its window opened).
    pub fn new(origin: Instant) -> Steps {
        Steps::with_limits(origin, STEPS_MAX, STEPS_BYTES)
    }

    /// A record of at most `max_steps` steps holding at most `max_bytes`.
    pub fn with_limits(origin: Instant, max_steps: usize, max_bytes: usize) -> Steps {
        Steps {
            origin,
            entries: VecDeque::new(),
            next_seq: 1,
            pairing: Pairing::default(),
            lanes: Lanes::default(),
            max_steps: max_steps.max(1),
            max_bytes,
            bytes: 0,
        }
    }

    /// The record's time of an instant (zero before the record began).
    pub fn since_start(&self, at: Instant) -> Duration {
        at.saturating_duration_since(self.origin)
    }

    /// Adds a step that happened `at` on `lane`: numbers it, times it,
    /// pairs it and keeps the record within its bounds. Returns its `seq`.
    pub fn push(&mut self, at: Instant, wall: SystemTime, lane: Lane, what: What) -> u64 {
        let step = self.step(at, wall, lane, what);
        self.push_step(step, true)
    }

    /// Adds a line (sent or received, `bytes` on the wire with its newline).
    pub fn push_line(
        &mut self,
        at: Instant,
        wall: SystemTime,
        lane: Lane,
        message: Message,
        raw: &str,
        bytes: usize,
    ) -> u64 {
        let mut step = self.step(at, wall, lane, What::Message(message));
        step.bytes = Some(bytes);
        step.line = Some(keep(raw, bytes));
        self.push_step(step, true)
    }

    /// Adds one `read()` of `bytes` bytes.
    pub fn push_read(&mut self, at: Instant, wall: SystemTime, lane: Lane, bytes: usize) -> u64 {
        let mut step = self.step(at, wall, lane, What::Read);
        step.bytes = Some(bytes);
        self.push_step(step, true)
    }

    /// Adds a step as it was recorded earlier (read back from a recording):
    /// its `seq`, time, pair and round trip are kept, not made again. Steps
    /// come in `seq` order, one after the other; a step out of that order is
    /// refused with the `seq` that was due. Bounds apply as to any step
    /// (oldest first).
    pub fn push_recorded(&mut self, step: Step) -> Result<(), u64> {
        let in_order = self.entries.is_empty() || step.seq == self.next_seq;
        if !in_order || step.seq == u64::MAX {
            return Err(self.next_seq);
        }
        self.next_seq = step.seq;
        self.push_step(step, false);
        Ok(())
    }

    /// Records one `write()` of a line sent in pieces: piece `n` of `of`, `bytes` long.
    pub fn push_piece(
        &mut self,
        at: Instant,
        wall: SystemTime,
        lane: Lane,
        (n, of): (usize, usize),
        bytes: usize,
    ) -> u64 {
        let mut step = self.step(at, wall, lane, What::Piece { n, of });
        step.bytes = Some(bytes);
        self.push_step(step, true)
    }

    fn step(&self, at: Instant, wall: SystemTime, lane: Lane, what: What) -> Step {
        let at = self.since_start(at);
        Step { seq: 0, at, wall, lane, what, bytes: None, line: None, pair: None, round_trip: None }
    }

    /// Numbers `step`, notes its lane, pairs it (unless it comes paired
    /// from a recording) and keeps it within the bounds.
    fn push_step(&mut self, mut step: Step, pair: bool) -> u64 {
        step.seq = self.next_seq;
        self.next_seq += 1;
        self.lanes.saw(step.lane, step.seq);
        match &step.what {
            What::Named { client } => self.lanes.name(step.lane, client),
            _ if step.ends_lane() => {
                self.pairing.close_lane(step.lane);
                self.lanes.close(step.lane, step.seq);
            }
            _ => {}
        }
        if pair {
            self.pair(&mut step);
        }
        let seq = step.seq;
        self.bytes += cost(&step);
        self.entries.push_back(step);
        while self.entries.len() > self.max_steps || (self.bytes > self.max_bytes && self.entries.len() > 1) {
            self.evict_oldest();
        }
        seq
    }

    fn pair(&mut self, step: &mut Step) {
        let What::Message(message) = &mut step.what else { return };
        let Some(request_seq) = self.pairing.observe(step.seq, step.lane, message) else { return };
        let Some(request) = get_mut(&mut self.entries, request_seq) else { return };
        request.pair = Some(step.seq);
        step.pair = Some(request_seq);
        step.round_trip = Some(step.at.saturating_sub(request.at));
        if let (None, What::Message(asked)) = (&message.method, &request.what) {
            message.method = asked.method.clone();
        }
    }

    /// Drops the oldest step, its waiting request and its lane if it was the last.
    fn evict_oldest(&mut self) {
        let Some(old) = self.entries.pop_front() else { return };
        self.bytes -= cost(&old);
        if let (What::Message(message), None) = (&old.what, old.pair) {
            self.pairing.forget(old.seq, old.lane, message);
        }
        self.lanes.left(old.lane, old.seq);
    }

    /// Holds at most `max_bytes` from now on, forgetting the oldest steps
    /// at once when it holds more (the app shares one budget between its
    /// records and gives each a new share when windows open or close).
    pub fn set_max_bytes(&mut self, max_bytes: usize) {
        self.max_bytes = max_bytes;
        while self.bytes > self.max_bytes && self.entries.len() > 1 {
            self.evict_oldest();
        }
        if self.entries.capacity() > 2 * self.entries.len().max(1024) {
            self.entries.shrink_to_fit();
        }
    }

    pub fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    pub fn get(&self, seq: u64) -> Option<&Step> {
        let first = self.entries.front()?.seq;
        self.entries.get(usize::try_from(seq.checked_sub(first)?).ok()?)
    }

    pub fn entries(&self) -> &VecDeque<Step> {
        &self.entries
    }

    /// The sessions with steps in the record (the server panel's lanes).
    pub fn lanes(&self) -> &Lanes {
        &self.lanes
    }

    /// The lanes, to put back lanes as a recording saved them.
    pub fn lanes_mut(&mut self) -> &mut Lanes {
        &mut self.lanes
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes the kept steps hold, about (bounded by the byte limit).
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Forgets every step and gives their memory back. Numbering and the
    /// clock go on, so views notice and times stay comparable.
    pub fn clear(&mut self) {
        self.entries = VecDeque::new();
        self.pairing.clear();
        self.lanes.clear();
        self.bytes = 0;
    }

    /// Slots the record has allocated (falls to 0 after [`Steps::clear`]).
    pub fn allocated(&self) -> usize {
        self.entries.capacity()
    }

    /// The `seq` the next step will get: views use it to notice changes.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// The `seq` of the oldest step kept (the next one when empty).
    pub fn first_seq(&self) -> u64 {
        self.entries.front().map_or(self.next_seq, |step| step.seq)
    }
}

fn get_mut(entries: &mut VecDeque<Step>, seq: u64) -> Option<&mut Step> {
    let first = entries.front()?.seq;
    entries.get_mut(usize::try_from(seq.checked_sub(first)?).ok()?)
}

/// At most [`RAW_KEPT`] bytes of `raw` (on a character boundary), and how
/// many bytes of the line (`bytes` with its newline) that leaves out.
fn keep(raw: &str, bytes: usize) -> Line {
    let mut end = raw.len().min(RAW_KEPT);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let whole = bytes.saturating_sub(1).max(raw.len());
    Line { text: raw[..end].into(), cut: whole - end }
}

/// Bytes a step holds in memory, about.
fn cost(step: &Step) -> usize {
    let text = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let what = match &step.what {
        What::Message(m) => text(&m.id) + text(&m.method),
        What::Connecting { addr } => addr.len(),
        What::Named { client } => client.len(),
        _ => 0,
    };
    STEP_OVERHEAD + step.line.as_ref().map_or(0, |line| line.text.len()) + what
}
