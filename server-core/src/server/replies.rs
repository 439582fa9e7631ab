//! A session's answers on their way to its socket.
//!
//! Answers to pipelined requests that arrived together are buffered and
//! leave in one `write`. Every answer is serialized straight into the
//! buffer; one that grows past [`CHUNK`] bytes (a page of ten thousand
//! products, a batch of a thousand such pages: hundreds of megabytes) is
//! written as it is made, chunk by chunk, while the session holds its socket
//! so that no notification can land inside the line. Memory per session
//! stays [`MAX_BUFFERED`] plus one chunk, whatever the answer, and big
//! answers take turns at the processors ([`Turns`]).

use std::io::{self, Write};
use std::net::TcpStream;

use super::commits::Progress;
use super::lines::Line;
use super::registry::Session;
use super::turns::Turns;
use crate::protocol::Encoded;
use crate::protocol::raw::{RAW_KEPT, raw_prefix};

/// An answer is written to the socket each time this much of it has been made.
pub const CHUNK: usize = 64 * 1024;

/// Most bytes of complete answers held back while more pipelined requests wait.
pub const MAX_BUFFERED: usize = 256 * 1024;

pub struct Replies<'a> {
    buffer: Vec<u8>,
    session: &'a Session,
    stream: &'a TcpStream,
    turns: &'a Turns,
    progress: &'a Progress,
    /// Whether this session holds a turn (while it makes a chunk of a big answer).
    has_turn: bool,
    /// Where the answer being made starts in `buffer`.
    line_start: usize,
    /// The answer being written through, while the socket is held.
    held: Option<LongLine>,
}

/// What the log is told about a long line once it is complete.
struct LongLine {
    /// Its first bytes, for the log.
    start: Vec<u8>,
    /// Bytes written so far.
    bytes: usize,
}

impl<'a> Replies<'a> {
    pub fn new(
        session: &'a Session,
        stream: &'a TcpStream,
        turns: &'a Turns,
        progress: &'a Progress,
    ) -> Self {
        Replies {
            buffer: Vec::new(),
            session,
            stream,
            turns,
            progress,
            has_turn: false,
            line_start: 0,
            held: None,
        }
    }

    /// Adds one complete answer line.
    pub fn push(&mut self, encoded: Encoded) {
        self.buffer.extend_from_slice(&encoded.0);
        self.buffer.push(b'\n');
    }

    pub fn buffered_bytes(&self) -> usize {
        self.buffer.len()
    }

    /// Writes what is buffered (or queues it behind lines already queued).
    pub fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let line: Line = std::mem::take(&mut self.buffer).into();
        self.line_start = 0;
        self.progress.wait_for_acknowledged();
        self.session.outbox.respond(self.stream, line)
    }

    /// Sends what commits queued for this session, when nobody else is
    /// writing (the answer to its write, right after the commit).
    pub fn flush_queued(&mut self) -> io::Result<()> {
        self.session.outbox.flush_queued(self.stream)
    }

    /// Starts an answer, made with [`Write`] and ended with [`Replies::end_line`].
    pub fn begin_line(&mut self) {
        self.line_start = self.buffer.len();
    }

    /// Ends the answer with its newline. One that stayed small waits in the
    /// buffer like any answer; one that was written through releases the socket.
    pub fn end_line(&mut self) -> io::Result<()> {
        self.buffer.push(b'\n');
        self.line_start = self.buffer.len();
        if self.held.is_none() {
            return Ok(());
        }
        self.write_through()?;
        self.release();
        Ok(())
    }

    /// Writes the buffered part of the answer being made, taking the socket
    /// first (the complete answers before it leave as usual).
    fn write_through(&mut self) -> io::Result<()> {
        if self.held.is_none() {
            self.progress.wait_for_acknowledged();
            if self.line_start > 0 {
                let earlier: Line = self.buffer.drain(..self.line_start).collect::<Vec<u8>>().into();
                self.line_start = 0;
                self.session.outbox.respond(self.stream, earlier)?;
            }
            self.session.outbox.hold(self.stream, self.buffer.len())?;
            self.held = Some(LongLine { start: Vec::new(), bytes: 0 });
        }
        let held = self.held.as_mut().expect("held above");
        if held.start.len() < RAW_KEPT {
            let room = RAW_KEPT - held.start.len();
            held.start.extend_from_slice(&self.buffer[..room.min(self.buffer.len())]);
        }
        held.bytes += self.buffer.len();
        self.give_back_turn();
        let result = self.session.outbox.write_held(self.stream, &self.buffer);
        self.buffer.clear();
        result
    }

    /// A big answer makes its next chunk only in its turn.
    fn take_turn(&mut self) -> io::Result<()> {
        if !self.has_turn {
            let outbox = &self.session.outbox;
            if !self.turns.take(|| outbox.closing_reason().is_some()) {
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "session is closing"));
            }
            self.has_turn = true;
        }
        Ok(())
    }

    fn give_back_turn(&mut self) {
        if std::mem::take(&mut self.has_turn) {
            self.turns.give_back();
        }
    }

    /// Gives the socket back and tells the log about the whole line.
    fn release(&mut self) {
        self.give_back_turn();
        if let Some(line) = self.held.take() {
            let text = line.start.strip_suffix(b"\n").unwrap_or(&line.start);
            self.session.outbox.released(raw_prefix(text), line.bytes);
        }
    }
}

impl Write for Replies<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.held.is_some() {
            self.take_turn()?;
        }
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.write_through()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A long line cut short (an error, a stop) still gives the socket and the
/// turn back, so the session's writer thread can send its `goodbye` and end.
impl Drop for Replies<'_> {
    fn drop(&mut self) {
        self.release();
    }
}
