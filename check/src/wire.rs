//! One raw connection to the server under check: bytes out, lines in.
//!
//! The checker reads bytes itself instead of using a JSON-RPC client, so it
//! can say what exactly arrived: a line without its `\n`, a `\r`, bytes that
//! are not UTF-8, or nothing at all within the timeout. Every read is bounded
//! by the timeout, so a stuck server never hangs the checker.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::problem::Problem;
use crate::transcript::{Direction, Transcript};

/// A connection, its unread bytes and the transcript it writes to.
pub struct Wire {
    stream: TcpStream,
    buffer: Vec<u8>,
    number: usize,
    transcript: Transcript,
    timeout: Duration,
}

impl Wire {
    /// Connects to `address` within `timeout`; connection `number` of the check.
    pub fn connect(
        address: &str,
        timeout: Duration,
        number: usize,
        transcript: &Transcript,
    ) -> Result<Wire, Problem> {
        let addr = resolve(address)?;
        let stream =
            TcpStream::connect_timeout(&addr, timeout).map_err(|e| Problem::Refused(e.to_string()))?;
        stream.set_nodelay(true).ok();
        transcript.push(number, Direction::Connected, address.as_bytes());
        Ok(Wire { stream, buffer: Vec::new(), number, transcript: transcript.clone(), timeout })
    }

    /// Writes `bytes` as they are (one line, several, or part of one).
    pub fn send(&mut self, bytes: &[u8]) -> Result<(), Problem> {
        self.transcript.push(self.number, Direction::Sent, bytes);
        self.stream.write_all(bytes).map_err(|_| Problem::Closed)
    }

    /// Writes one JSON value as a line.
    pub fn send_json(&mut self, value: &Value) -> Result<(), Problem> {
        self.send(format!("{value}\n").as_bytes())
    }

    /// The next line (without its `\n` and a `\r` before it), read within the timeout.
    pub fn read_line(&mut self) -> Result<Vec<u8>, Problem> {
        let deadline = Instant::now() + self.timeout;
        loop {
            if let Some(end) = self.buffer.iter().position(|b| *b == b'\n') {
                return Ok(self.take_line(end));
            }
            self.fill(deadline)?;
        }
    }

    /// The next line parsed as JSON.
    pub fn read_json(&mut self) -> Result<Value, Problem> {
        let line = self.read_line()?;
        let text = std::str::from_utf8(&line).map_err(|_| Problem::NotUtf8)?;
        serde_json::from_str(text).map_err(|e| Problem::NotJson(e.to_string()))
    }

    /// Waits, within the timeout, for the server to close the connection:
    /// `Ok(true)` when it did, `Ok(false)` when a line arrived instead (kept
    /// for [`Wire::read_line`]).
    pub fn closes(&mut self) -> Result<bool, Problem> {
        let deadline = Instant::now() + self.timeout;
        loop {
            match self.fill(deadline) {
                Err(Problem::Closed) => return Ok(true),
                Err(problem) => return Err(problem),
                Ok(()) if self.buffer.contains(&b'\n') => return Ok(false),
                Ok(()) => {}
            }
        }
    }

    fn take_line(&mut self, end: usize) -> Vec<u8> {
        let mut line: Vec<u8> = self.buffer.drain(..=end).collect();
        self.transcript.push(self.number, Direction::Received, &line);
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        line
    }

    /// Reads once more into the buffer, before `deadline`. A timeout or a
    /// close records what arrived without its `\n`.
    fn fill(&mut self, deadline: Instant) -> Result<(), Problem> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(self.unfinished(Problem::Silent));
        }
        self.stream.set_read_timeout(Some(left)).ok();
        let mut chunk = [0u8; 8192];
        match self.stream.read(&mut chunk) {
            Ok(0) => Err(self.unfinished(Problem::Closed)),
            Ok(n) => {
                self.buffer.extend_from_slice(&chunk[..n]);
                Ok(())
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                Err(self.unfinished(Problem::Silent))
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => Ok(()),
            Err(_) => Err(self.unfinished(Problem::Closed)),
        }
    }

    /// Records the bytes left without a `\n`; a timeout with some bytes is
    /// a missing `\n`, not silence.
    fn unfinished(&mut self, problem: Problem) -> Problem {
        if self.buffer.is_empty() {
            if problem == Problem::Closed {
                self.transcript.push(self.number, Direction::Closed, b"");
            }
            return problem;
        }
        let rest: Vec<u8> = std::mem::take(&mut self.buffer);
        self.transcript.push(self.number, Direction::Received, &rest);
        if problem == Problem::Closed {
            self.transcript.push(self.number, Direction::Closed, b"");
        }
        Problem::NoNewline
    }
}

fn resolve(address: &str) -> Result<SocketAddr, Problem> {
    let mut addrs = address.to_socket_addrs().map_err(|e| Problem::Refused(e.to_string()))?;
    addrs.next().ok_or_else(|| Problem::Refused(format!("{address}: no address")))
}
