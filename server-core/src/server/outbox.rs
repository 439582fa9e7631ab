//! A session's outgoing lines, and who may write them to the socket.
//!
//! Two parties write to one connection: the session's own thread answers its
//! requests, and the storage writer's group delivery queues notifications
//! (and the answers to this session's writes). Queued lines are only ever
//! queued — the storage writer must never block on a socket — and are sent
//! by the session's writer thread or by the session thread itself when it
//! is free. A response is written directly when nothing is queued or being
//! written, so the common request/response path costs no thread hand-off.
//! Either way lines leave in the order they were produced, which is commit
//! order for notifications.
//!
//! Wake-ups are only sent to a thread that is actually waiting: a futex call
//! and a context switch per line would cost more than the work itself.
//!
//! A session whose queue passes the limit is marked too slow and dropped: its
//! peer is not reading, and nobody else may wait for it.
//!
//! Every line leaves through [`Outbox::write_lines`] (the `goodbye` aside):
//! the one place where the owner's controls (`controls.rs`) hold, slow down
//! or cut a line.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::controls::Controls;
use super::events::{CloseReason, EventSink, ServerEvent};
use super::lines::{Line, goodbye_line};
use crate::protocol::raw::raw_prefix;

/// How long a closing session may take to send its `goodbye`.
const GOODBYE_TIMEOUT: Duration = Duration::from_secs(1);

/// After sending, the writer thread lets notifications gather this long
/// per open session (at most [`MAX_GATHER`]) before it sends again. A busy
/// catalog then costs each watching session at most one wake-up and one
/// `write` per pause, instead of one per commit: with hundreds of sessions
/// the wake-ups, not the bytes, are what costs, and scaling the pause with
/// the sessions keeps all of them together near 10,000 a second, while a
/// class of thirty waits 3 ms and two sessions a fifth of a millisecond.
const GATHER_PER_SESSION: Duration = Duration::from_micros(100);
const MAX_GATHER: Duration = Duration::from_millis(200);

#[derive(Default)]
struct State {
    queue: VecDeque<Line>,
    queued_bytes: usize,
    /// Someone is writing to the socket right now (without holding the lock).
    writing: bool,
    /// The writer thread is asleep waiting for work.
    writer_waiting: bool,
    /// Session threads waiting for the queue to shrink (backpressure) or
    /// for the socket to be free.
    responders_waiting: usize,
    /// A response waits in the queue: the writer sends it without pausing.
    response_queued: bool,
    /// The last fan-out pass whose changes are queued here (each pass is
    /// queued once, by whichever of the two delivery steps comes first).
    heard: u64,
    /// Set once; the first reason wins.
    closing: Option<CloseReason>,
}

impl State {
    fn writer_has_work(&self) -> bool {
        !self.writing && (!self.queue.is_empty() || self.closing.is_some())
    }
}

pub struct Outbox {
    session: u64,
    /// Shut down when the session is dropped as too slow while a write is
    /// blocked on it (a peer that does not read would hold it forever).
    stream: TcpStream,
    limit: usize,
    state: Mutex<State>,
    changed: Condvar,
    events: Arc<EventSink>,
    /// Open sessions in the server (sets the gathering pause).
    open_sessions: Arc<AtomicUsize>,
    controls: Arc<Controls>,
    /// Set with `State::closing`, read by the controls' waits without our lock.
    closing_now: AtomicBool,
}

/// What the writer thread should do next.
enum Next {
    Write(Vec<Line>),
    Finish(CloseReason),
}

impl Outbox {
    pub fn new(
        session: u64,
        stream: TcpStream,
        limit: usize,
        events: Arc<EventSink>,
        open_sessions: Arc<AtomicUsize>,
        controls: Arc<Controls>,
    ) -> Self {
        Outbox {
            session,
            stream,
            limit,
            state: Mutex::default(),
            changed: Condvar::new(),
            events,
            open_sessions,
            controls,
            closing_now: AtomicBool::new(false),
        }
    }

    /// Sends a response from the session's own thread, with what others
    /// queued before it. While the writer thread is sending, the session
    /// waits for it rather than queueing: a client that does not read then
    /// stops being read too (TCP pushes back on it), and a session never
    /// holds more of its own answers than the one in hand. The wait ends
    /// when the write goes through or times out (`--write-timeout`).
    pub fn respond(&self, stream: &TcpStream, line: Line) -> io::Result<()> {
        let mut lines = self.take_socket()?;
        lines.push(line);
        let result = self.write_lines(stream, &lines);
        self.finish_writing();
        result
    }

    /// Takes the socket for one long line written in pieces (a batch's
    /// answer): what is queued leaves first, then nothing else is sent until
    /// [`Outbox::released`]. Lines queued meanwhile wait, counted against
    /// the limit as usual. The owner's pause and slow motion apply to the
    /// long line as a whole (`bytes`: what of it is in memory now); it is
    /// not cut further, its chunks being pieces already.
    pub fn hold(&self, stream: &TcpStream, bytes: usize) -> io::Result<()> {
        let lines = self.take_socket()?;
        let written = self.write_lines(stream, &lines).and_then(|()| {
            if self.controls.acting() {
                self.controls.wait_turn(self.session, bytes, &self.closing_now)?;
            }
            Ok(())
        });
        match written {
            Ok(()) => Ok(()),
            Err(e) => {
                self.finish_writing();
                Err(e)
            }
        }
    }

    /// Waits until nobody writes, then marks the socket as ours and takes
    /// what is queued (it must leave first); fails once the session closes.
    fn take_socket(&self) -> io::Result<Vec<Line>> {
        let mut state = self.lock();
        while state.writing && state.closing.is_none() {
            state.responders_waiting += 1;
            state = self.wait(state);
            state.responders_waiting -= 1;
        }
        if state.closing.is_some() {
            return Err(closing_error());
        }
        Ok(take_queue(&mut state))
    }

    /// Writes a piece of the held long line; fails once the session is closing.
    pub fn write_held(&self, mut stream: &TcpStream, piece: &[u8]) -> io::Result<()> {
        if self.lock().closing.is_some() {
            return Err(closing_error());
        }
        stream.write_all(piece)
    }

    /// Gives back the socket taken by [`Outbox::hold`] and reports the long
    /// line (its start and its whole length) to the log.
    pub fn released(&self, start: String, bytes: usize) {
        self.events.emit_with(|| ServerEvent::MessageOut { session: self.session, raw: start, bytes });
        self.finish_writing();
    }

    /// Sends what is queued from the session's own thread, if nobody else is
    /// writing (saves waking the writer thread after a write commits).
    pub fn flush_queued(&self, stream: &TcpStream) -> io::Result<()> {
        let mut state = self.lock();
        if state.writing {
            // The writer thread is sending: it takes this answer next, at once.
            state.response_queued |= !state.queue.is_empty();
            return Ok(());
        }
        if state.queue.is_empty() || state.closing.is_some() {
            return Ok(());
        }
        let lines = take_queue(&mut state);
        drop(state);
        let result = self.write_lines(stream, &lines);
        self.finish_writing();
        result
    }

    /// Queues lines without blocking (the welcome). Drops the session when it
    /// is over the limit.
    pub fn push_lines(&self, lines: Vec<Line>, wake: bool) {
        let mut state = self.lock();
        if self.queue_all(&mut state, lines) && wake {
            self.wake_writer(&state);
        }
    }

    /// Queues what this session, a writer in fan-out pass `pass`, must hear:
    /// first the passes before it still on their way to everyone (`earlier`,
    /// oldest first), then `own` (its answers and the others' changes of this
    /// pass, in commit order). `wake` is false when the session thread will
    /// flush them itself.
    pub fn push_pass(&self, pass: u64, earlier: &[(u64, Line)], own: Vec<Line>, wake: bool) {
        let mut state = self.lock();
        let heard = state.heard;
        let mut lines: Vec<Line> =
            earlier.iter().filter(|(p, _)| *p > heard && *p < pass).map(|(_, l)| l.clone()).collect();
        lines.extend(own);
        state.heard = pass;
        if self.queue_all(&mut state, lines) && wake {
            self.wake_writer(&state);
        }
    }

    /// Makes this session hear only of passes after `pass` (it joins now:
    /// what was acknowledged before is in whatever it reads).
    pub fn hear_after(&self, pass: u64) {
        self.lock().heard = pass;
    }

    /// Queues the changes of fan-out pass `pass` for a session that did not
    /// write in it (unless it already has them), and wakes the writer thread
    /// if it waits. Never blocks; drops the session over the limit.
    pub fn push_broadcast(&self, pass: u64, line: Line) {
        let mut state = self.lock();
        if state.heard >= pass {
            return;
        }
        state.heard = pass;
        if self.queue_all(&mut state, vec![line]) {
            self.wake_writer(&state);
        }
    }

    /// Adds `lines` to the queue unless closing; marks the session too slow
    /// past the limit. Returns whether they were queued.
    fn queue_all(&self, state: &mut State, lines: Vec<Line>) -> bool {
        if state.closing.is_some() {
            return false;
        }
        let added: usize = lines.iter().map(|l| l.len()).sum();
        if state.queued_bytes + added > self.limit {
            self.mark_too_slow(state);
            return false;
        }
        state.queued_bytes += added;
        state.queue.extend(lines);
        true
    }

    /// Starts closing; the first reason given is the one that sticks.
    pub fn close(&self, reason: CloseReason) {
        let mut state = self.lock();
        if state.closing.is_none() {
            state.closing = Some(reason);
            self.closing_now.store(true, Ordering::SeqCst);
            self.changed.notify_all();
            self.controls.wake();
        }
    }

    /// The reason the session is closing, if it is.
    pub fn closing_reason(&self) -> Option<CloseReason> {
        self.lock().closing.clone()
    }

    /// The writer thread's body: sends queued lines until closing, then the
    /// `goodbye` if the reason has one, then shuts the socket down.
    pub fn run_writer(&self, stream: &TcpStream) {
        loop {
            match self.next() {
                Next::Write(lines) => {
                    let result = self.write_lines(stream, &lines);
                    self.finish_writing();
                    if let Err(e) = result {
                        self.close(CloseReason::write_failed(&e));
                    }
                    self.gather();
                }
                Next::Finish(reason) => {
                    self.send_goodbye(stream, &reason);
                    let _ = stream.shutdown(how_to_shut(&reason));
                    return;
                }
            }
        }
    }

    /// Lets notifications gather before the next send, unless a response
    /// is waiting or the session is closing.
    fn gather(&self) {
        let state = self.lock();
        if state.response_queued || state.closing.is_some() {
            return;
        }
        let sessions = u32::try_from(self.open_sessions.load(Ordering::Relaxed)).unwrap_or(u32::MAX);
        let pause = GATHER_PER_SESSION.saturating_mul(sessions).min(MAX_GATHER);
        if pause.is_zero() {
            return;
        }
        let (_state, _) = self.changed.wait_timeout(state, pause).unwrap_or_else(|e| e.into_inner());
    }

    fn next(&self) -> Next {
        let mut state = self.lock();
        loop {
            if !state.writing {
                if !state.queue.is_empty() && state.closing != Some(CloseReason::TooSlow) {
                    state.response_queued = false;
                    let lines = take_queue(&mut state);
                    if state.responders_waiting > 0 {
                        self.changed.notify_all();
                    }
                    return Next::Write(lines);
                }
                if let Some(reason) = state.closing.clone() {
                    return Next::Finish(reason);
                }
            }
            state.writer_waiting = true;
            state = self.wait(state);
            state.writer_waiting = false;
        }
    }

    fn mark_too_slow(&self, state: &mut State) {
        state.queue.clear();
        state.queued_bytes = 0;
        state.closing = Some(CloseReason::TooSlow);
        self.closing_now.store(true, Ordering::SeqCst);
        self.controls.wake();
        if state.writing {
            // The write in progress is stuck on a full socket: no goodbye can pass.
            let _ = self.stream.shutdown(Shutdown::Both);
        }
        self.changed.notify_all();
    }

    fn send_goodbye(&self, stream: &TcpStream, reason: &CloseReason) {
        let Some(why) = reason.goodbye() else { return };
        let goodbye = goodbye_line(why);
        let _ = stream.set_write_timeout(Some(GOODBYE_TIMEOUT));
        // Best effort: a peer that does not read may never get it. The owner's
        // controls never hold it: a paused server stops as promptly as any.
        let _ = self.write_plain(stream, &[goodbye]);
    }

    /// Writes `lines` as the owner's controls say, when any is on.
    fn write_lines(&self, stream: &TcpStream, lines: &[Line]) -> io::Result<()> {
        if !self.controls.acting() {
            return self.write_plain(stream, lines);
        }
        for line in lines.iter().flat_map(|chunk| chunk.split_inclusive(|&b| b == b'\n')) {
            self.controls.send(stream, self.session, line, &self.closing_now)?;
            if self.events.enabled() {
                self.report_line(line);
            }
        }
        Ok(())
    }

    /// Writes `lines` in one `write_all`.
    fn write_plain(&self, mut stream: &TcpStream, lines: &[Line]) -> io::Result<()> {
        if let [line] = lines {
            stream.write_all(line)?;
        } else {
            let mut joined = Vec::with_capacity(lines.iter().map(|l| l.len()).sum());
            for line in lines {
                joined.extend_from_slice(line);
            }
            stream.write_all(&joined)?;
        }
        if self.events.enabled() {
            self.report_sent(lines);
        }
        Ok(())
    }

    /// One `MessageOut` event per line sent.
    fn report_sent(&self, chunks: &[Line]) {
        for line in chunks.iter().flat_map(|chunk| chunk.split_inclusive(|&b| b == b'\n')) {
            self.report_line(line);
        }
    }

    fn report_line(&self, line: &[u8]) {
        let text = line.strip_suffix(b"\n").unwrap_or(line);
        self.events.emit(ServerEvent::MessageOut {
            session: self.session,
            raw: raw_prefix(text),
            bytes: line.len(),
        });
    }

    fn wake_writer(&self, state: &State) {
        if state.writer_waiting && state.writer_has_work() {
            self.changed.notify_all();
        }
    }

    fn finish_writing(&self) {
        let mut state = self.lock();
        state.writing = false;
        if state.responders_waiting > 0 {
            self.changed.notify_all();
        } else {
            self.wake_writer(&state);
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }
}

/// When the client ended the conversation (`quit`, an oversized line) the
/// session thread is no longer reading: only our side of the stream is shut,
/// and the session drains what the client still sends before closing, so the
/// kernel does not reset the connection and lose our last answer. Otherwise
/// both sides are shut, which also wakes a session thread blocked in `read()`.
fn how_to_shut(reason: &CloseReason) -> Shutdown {
    match reason {
        CloseReason::Quit | CloseReason::FrameTooLarge => Shutdown::Write,
        _ => Shutdown::Both,
    }
}

fn closing_error() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "session is closing")
}

/// Takes every queued line and marks the socket as being written.
fn take_queue(state: &mut State) -> Vec<Line> {
    state.writing = true;
    state.queued_bytes = 0;
    state.queue.drain(..).collect()
}
