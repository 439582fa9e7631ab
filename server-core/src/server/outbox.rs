//! A session's outgoing lines, and who may write them to the socket.
//!
//! Two parties write to one connection: the session's own thread answers its
//! requests, and the storage writer broadcasts notifications. Notifications
//! are only ever queued (the storage writer must never block on a socket);
//! the session's writer thread sends them. A response is written directly
//! when nothing is queued or being written, so the common request/response
//! path costs no thread hand-off. Either way lines leave in the order they
//! were produced, which is commit order for notifications.
//!
//! A session whose queue passes the limit is marked too slow and dropped: its
//! peer is not reading, and nobody else may wait for it.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::events::{CloseReason, EventSink, ServerEvent};

/// One complete line, newline included; shared when broadcast to many sessions.
pub type Line = Arc<[u8]>;

/// How long a closing session may take to send its `goodbye`.
const GOODBYE_TIMEOUT: Duration = Duration::from_secs(1);

#[derive(Default)]
struct State {
    queue: VecDeque<Line>,
    queued_bytes: usize,
    /// Someone is writing to the socket right now (without holding the lock).
    writing: bool,
    /// Set once; the first reason wins.
    closing: Option<CloseReason>,
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
}

/// What the writer thread should do next.
enum Next {
    Write(Vec<Line>),
    Finish(CloseReason),
}

impl Outbox {
    pub fn new(session: u64, stream: TcpStream, limit: usize, events: Arc<EventSink>) -> Self {
        Outbox { session, stream, limit, state: Mutex::default(), changed: Condvar::new(), events }
    }

    /// Sends a response from the session's own thread. Waits while the queue
    /// is over the limit (backpressure on a client that pipelines without
    /// reading), writes directly when the socket is free.
    pub fn respond(&self, stream: &TcpStream, line: Line) -> io::Result<()> {
        let mut state = self.lock();
        while state.queued_bytes > self.limit && state.closing.is_none() {
            state = self.wait(state);
        }
        if state.closing.is_some() {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "session is closing"));
        }
        if state.writing || !state.queue.is_empty() {
            self.enqueue(&mut state, line);
            return Ok(());
        }
        state.writing = true;
        drop(state);
        let result = self.write_lines(stream, std::slice::from_ref(&line));
        self.finish_writing();
        result
    }

    /// Queues a line without blocking; the writer thread sends it.
    /// Used by the storage writer for the origin's own response.
    pub fn push(&self, line: Line) {
        let mut state = self.lock();
        if state.closing.is_none() {
            self.enqueue(&mut state, line);
        }
    }

    /// Queues a notification; drops the session when it is over the limit.
    pub fn push_notification(&self, line: Line) {
        let mut state = self.lock();
        if state.closing.is_some() {
            return;
        }
        if state.queued_bytes + line.len() > self.limit {
            state.queue.clear();
            state.queued_bytes = 0;
            state.closing = Some(CloseReason::TooSlow);
            if state.writing {
                // The write in progress is stuck on a full socket: no goodbye can pass.
                let _ = self.stream.shutdown(Shutdown::Both);
            }
            self.changed.notify_all();
            return;
        }
        self.enqueue(&mut state, line);
    }

    /// Starts closing; the first reason given is the one that sticks.
    pub fn close(&self, reason: CloseReason) {
        let mut state = self.lock();
        if state.closing.is_none() {
            state.closing = Some(reason);
            self.changed.notify_all();
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
                        self.close(CloseReason::Error(e.to_string()));
                    }
                }
                Next::Finish(reason) => {
                    self.send_goodbye(stream, &reason);
                    // Wakes the session's reader, which may be blocked in read().
                    let _ = stream.shutdown(Shutdown::Both);
                    return;
                }
            }
        }
    }

    fn next(&self) -> Next {
        let mut state = self.lock();
        loop {
            if !state.writing {
                if !state.queue.is_empty() && state.closing != Some(CloseReason::TooSlow) {
                    state.writing = true;
                    state.queued_bytes = 0;
                    return Next::Write(state.queue.drain(..).collect());
                }
                if let Some(reason) = state.closing.clone() {
                    return Next::Finish(reason);
                }
            }
            state = self.wait(state);
        }
    }

    fn send_goodbye(&self, stream: &TcpStream, reason: &CloseReason) {
        let Some(text) = reason.goodbye() else { return };
        let goodbye = crate::server::dispatch::goodbye_line(text);
        let _ = stream.set_write_timeout(Some(GOODBYE_TIMEOUT));
        // Best effort: a peer that does not read may never get it.
        let _ = self.write_lines(stream, &[goodbye]);
    }

    fn write_lines(&self, mut stream: &TcpStream, lines: &[Line]) -> io::Result<()> {
        if let [line] = lines {
            stream.write_all(line)?;
        } else {
            let joined: Vec<u8> = lines.iter().flat_map(|l| l.iter().copied()).collect();
            stream.write_all(&joined)?;
        }
        for line in lines {
            self.events.emit_with(|| ServerEvent::MessageOut {
                session: self.session,
                raw: String::from_utf8_lossy(line.strip_suffix(b"\n").unwrap_or(line)).into_owned(),
                bytes: line.len(),
            });
        }
        Ok(())
    }

    fn enqueue(&self, state: &mut State, line: Line) {
        state.queued_bytes += line.len();
        state.queue.push_back(line);
        self.changed.notify_all();
    }

    fn finish_writing(&self) {
        let mut state = self.lock();
        state.writing = false;
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }
}
