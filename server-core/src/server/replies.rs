//! A session's answers on their way to its socket.
//!
//! Answers to pipelined requests that arrived together are buffered and
//! leave in one `write`. A batch's answer is one line that may be far larger
//! than anything worth holding (a thousand pages of ten thousand products):
//! it is written as it is made, in chunks of [`CHUNK`] bytes, while the
//! session holds its socket so that no notification can land inside the
//! line. Memory per session stays one chunk plus one entry's answer.

use std::io::{self, Write};
use std::net::TcpStream;

use super::events::preview;
use super::outbox::Line;
use super::sessions::Session;
use crate::protocol::Encoded;

/// A long line is written to the socket each time this much has been made.
pub const CHUNK: usize = 64 * 1024;

pub struct Replies<'a> {
    buffer: Vec<u8>,
    session: &'a Session,
    stream: &'a TcpStream,
    /// The long line being written through, while the socket is held.
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
    pub fn new(session: &'a Session, stream: &'a TcpStream) -> Self {
        Replies { buffer: Vec::new(), session, stream, held: None }
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
        self.session.outbox.respond(self.stream, line)
    }

    /// Sends what commits queued for this session, when nobody else is
    /// writing (the answer to its write, right after the commit).
    pub fn flush_queued(&mut self) -> io::Result<()> {
        self.session.outbox.flush_queued(self.stream)
    }

    /// Starts a long line: what is buffered leaves first, then the line is
    /// written with [`Write`] and ended with [`Replies::end_long_line`].
    pub fn begin_long_line(&mut self) -> io::Result<()> {
        self.flush()
    }

    /// Ends the long line with its newline. A line that stayed small leaves
    /// like any answer; one that was written through releases the socket.
    pub fn end_long_line(&mut self) -> io::Result<()> {
        self.buffer.push(b'\n');
        if self.held.is_none() {
            return self.flush();
        }
        self.write_through()?;
        self.release();
        Ok(())
    }

    /// Writes the buffered part of the long line, taking the socket first.
    fn write_through(&mut self) -> io::Result<()> {
        if self.held.is_none() {
            self.session.outbox.hold(self.stream)?;
            self.held = Some(LongLine { start: Vec::new(), bytes: 0 });
        }
        let held = self.held.as_mut().expect("held above");
        if held.start.len() < super::events::RAW_LIMIT {
            let room = super::events::RAW_LIMIT - held.start.len();
            held.start.extend_from_slice(&self.buffer[..room.min(self.buffer.len())]);
        }
        held.bytes += self.buffer.len();
        let result = self.session.outbox.write_held(self.stream, &self.buffer);
        self.buffer.clear();
        result
    }

    /// Gives the socket back and tells the log about the whole line.
    fn release(&mut self) {
        if let Some(line) = self.held.take() {
            let text = line.start.strip_suffix(b"\n").unwrap_or(&line.start);
            self.session.outbox.released(preview(text), line.bytes);
        }
    }
}

impl Write for Replies<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
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

/// A long line cut short (an error, a stop) still gives the socket back, so
/// the session's writer thread can send its `goodbye` and end.
impl Drop for Replies<'_> {
    fn drop(&mut self) {
        self.release();
    }
}
