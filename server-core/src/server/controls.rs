//! The owner's controls: the server misbehaves on purpose, so a class can
//! see what a client must cope with. Only the server's owner reaches them
//! (the app's server panel, the `lojinha-server` flags and its standard
//! input); no client message can.
//!
//! - **Pause**: every line a session writes (welcome, answers,
//!   notifications; never the `goodbye`) waits before it is written until the
//!   owner lets it go: "Next" releases the oldest held line, "Release all"
//!   every one, and turning the pause off releases them all.
//! - **Slow motion**: each line waits this long before it is written.
//! - **Send in pieces**: each line is written in several `write()`s with a
//!   pause between them, so a reader sees one message arrive in several reads.
//! - **Drop** (in the registry): a session's socket shut both ways, no `goodbye`.
//!
//! Every line a session writes passes [`Controls::send`] while any control is
//! on (`outbox.rs` asks [`Controls::acting`], one atomic load, before each
//! write); with every control off the write path is the usual one.
//!
//! Bounds: a session writes one line at a time, so it holds at most one line
//! (a line already in its memory: holding copies nothing); in all at most
//! [`MAX_HELD`] lines and [`MAX_HELD_BYTES`] bytes are held, and a line past
//! either goes out at once ([`OwnerAct::HoldFull`]). A held or slowed line
//! waits on this module's condition variable, which a closing session
//! ([`Controls::wake`]) and a stopping server ([`Controls::stop`]) signal:
//! the line is then thrown away and the session ends as usual, so a paused
//! server stops as promptly as any other. What others queue for a session
//! while it waits counts against its outbox limit as usual ("too slow").

use std::collections::VecDeque;
use std::io::{self, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::config::ControlSettings;
use super::events::{EventSink, OwnerAct, Release, ServerEvent};
use crate::protocol::pieces;

/// Most lines held at once, in the whole server.
pub const MAX_HELD: usize = 1024;
/// Most bytes of held lines, in the whole server.
pub const MAX_HELD_BYTES: usize = 16 * 1024 * 1024;

/// A line waiting for the owner.
struct Held {
    ticket: u64,
    session: u64,
    bytes: usize,
}

#[derive(Default)]
struct State {
    settings: ControlSettings,
    /// Held lines, oldest first.
    held: VecDeque<Held>,
    held_bytes: usize,
    next_ticket: u64,
    /// Set once, by [`Controls::stop`]: nothing waits any more.
    stopping: bool,
}

/// The server's one set of controls, shared by every session.
pub struct Controls {
    state: Mutex<State>,
    /// Signalled when a line is released, a session closes, settings change
    /// or the server stops.
    changed: Condvar,
    /// A copy of `settings.acting()`, read without the lock on every write.
    acting: AtomicBool,
    events: Arc<EventSink>,
}

impl Controls {
    pub(super) fn new(settings: ControlSettings, events: Arc<EventSink>) -> Controls {
        let settings = settings.clamped();
        Controls {
            state: Mutex::new(State { settings, ..State::default() }),
            changed: Condvar::new(),
            acting: AtomicBool::new(settings.acting()),
            events,
        }
    }

    /// The settings now.
    pub fn settings(&self) -> ControlSettings {
        self.lock().settings
    }

    /// Changes the settings (clamped to the bounds). Turning the pause off
    /// releases every held line.
    pub fn set(&self, settings: ControlSettings) {
        let settings = settings.clamped();
        let mut state = self.lock();
        state.settings = settings;
        self.acting.store(settings.acting(), Ordering::SeqCst);
        if !settings.paused {
            self.release(&mut state, usize::MAX, Release::Unpaused);
        }
        // Waits in progress keep the length they started with; a wake-up lets
        // them see a pause turned off.
        self.changed.notify_all();
    }

    /// Lines held now.
    pub fn held(&self) -> usize {
        self.lock().held.len()
    }

    /// Releases the oldest held line; whether there was one.
    pub fn next(&self) -> bool {
        self.release(&mut self.lock(), 1, Release::Next) == 1
    }

    /// Releases every held line; how many there were.
    pub fn release_all(&self) -> usize {
        self.release(&mut self.lock(), usize::MAX, Release::All)
    }

    /// The server is stopping: every wait ends and nothing waits again.
    pub(super) fn stop(&self) {
        let mut state = self.lock();
        state.stopping = true;
        self.changed.notify_all();
    }

    /// A session began closing: its waits end. Called after its closing flag is set.
    pub(super) fn wake(&self) {
        let _state = self.lock();
        self.changed.notify_all();
    }

    /// Whether any control is on (the write path asks before each write).
    pub(super) fn acting(&self) -> bool {
        self.acting.load(Ordering::Relaxed)
    }

    /// Writes one line of session `session` as the controls say: held while
    /// paused, slowed, cut into pieces. Fails, writing nothing more, once
    /// `closing` is set or the server stops.
    pub(super) fn send(
        &self,
        mut stream: &TcpStream,
        session: u64,
        line: &[u8],
        closing: &AtomicBool,
    ) -> io::Result<()> {
        let settings = self.wait_turn(session, line.len(), closing)?;
        let pieces = pieces::cut(line, settings.pieces);
        let of = pieces.len();
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 {
                self.sleep(settings.piece_pause, closing)?;
            }
            if of > 1 {
                let act = OwnerAct::Piece { n: i + 1, of, bytes: piece.len() };
                self.events.emit(ServerEvent::Owner { session, act });
            }
            // The socket has TCP_NODELAY: each piece leaves in a segment of its own.
            stream.write_all(piece)?;
            stream.flush()?;
        }
        Ok(())
    }

    /// Holds a line of `bytes` while paused, then waits the slow motion;
    /// returns the settings the line is written with.
    pub(super) fn wait_turn(
        &self,
        session: u64,
        bytes: usize,
        closing: &AtomicBool,
    ) -> io::Result<ControlSettings> {
        self.hold(session, bytes, closing)?;
        let settings = self.settings();
        if !settings.slow.is_zero() {
            let act = OwnerAct::Delayed { ms: settings.slow.as_millis() as u64 };
            self.events.emit(ServerEvent::Owner { session, act });
            self.sleep(settings.slow, closing)?;
        }
        Ok(settings)
    }

    fn hold(&self, session: u64, bytes: usize, closing: &AtomicBool) -> io::Result<()> {
        let mut state = self.lock();
        if !state.settings.paused || state.stopping || closing.load(Ordering::SeqCst) {
            return Ok(());
        }
        if state.held.len() >= MAX_HELD || state.held_bytes + bytes > MAX_HELD_BYTES {
            self.events.emit(ServerEvent::Owner { session, act: OwnerAct::HoldFull });
            return Ok(());
        }
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        state.held.push_back(Held { ticket, session, bytes });
        state.held_bytes += bytes;
        let act = OwnerAct::Held { held: state.held.len() };
        self.events.emit(ServerEvent::Owner { session, act });
        loop {
            let Some(at) = state.held.iter().position(|h| h.ticket == ticket) else {
                return Ok(()); // released: the releaser said so
            };
            if state.stopping || closing.load(Ordering::SeqCst) {
                state.held.remove(at);
                state.held_bytes -= bytes;
                self.events.emit(ServerEvent::Owner { session, act: OwnerAct::Discarded });
                return Err(closing_error());
            }
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Waits `how_long`, unless the session closes or the server stops first.
    fn sleep(&self, how_long: Duration, closing: &AtomicBool) -> io::Result<()> {
        let deadline = Instant::now() + how_long;
        let mut state = self.lock();
        loop {
            if state.stopping || closing.load(Ordering::SeqCst) {
                return Err(closing_error());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(());
            }
            state = self.changed.wait_timeout(state, left).unwrap_or_else(|e| e.into_inner()).0;
        }
    }

    /// Lets the `most` oldest held lines go; how many went.
    fn release(&self, state: &mut State, most: usize, how: Release) -> usize {
        let count = most.min(state.held.len());
        for held in state.held.drain(..count) {
            state.held_bytes -= held.bytes;
            self.events.emit(ServerEvent::Owner { session: held.session, act: OwnerAct::Released(how) });
        }
        if count > 0 {
            self.changed.notify_all();
        }
        count
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn closing_error() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "session is closing")
}
