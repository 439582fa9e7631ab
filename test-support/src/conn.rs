//! A raw TCP connection to a server: exact bytes out, whole lines in, every
//! read and write bounded by [`WAIT`]. Notifications met while waiting for a
//! reply are kept aside in [`Conn::notifications`].

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::Value;

use crate::messages::request;
use crate::wait::WAIT;

/// What a raw read ended with.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadOutcome {
    /// One line, without its `\n`.
    Line(Vec<u8>),
    /// The server closed the connection (EOF or reset).
    Closed,
    /// Nothing arrived before the timeout.
    Silent,
}

/// A raw line-oriented connection.
pub struct Conn {
    stream: TcpStream,
    reader: BufReader<TcpStream>,
    /// Notifications met while waiting for replies, in arrival order.
    pub notifications: Vec<Value>,
}

impl Conn {
    /// Connects (TCP_NODELAY, reads and writes bounded by [`WAIT`]).
    pub fn connect(addr: SocketAddr) -> Conn {
        Conn::try_connect(addr).expect("connect to the server")
    }

    /// [`Conn::connect`], for tests where the connection may be refused.
    pub fn try_connect(addr: SocketAddr) -> io::Result<Conn> {
        let stream = TcpStream::connect_timeout(&addr, WAIT)?;
        stream.set_nodelay(true)?;
        Conn::wrap(stream)
    }

    /// Wraps an already connected stream (reads and writes bounded by [`WAIT`]).
    pub fn from_stream(stream: TcpStream) -> Conn {
        Conn::wrap(stream).expect("set up the stream")
    }

    fn wrap(stream: TcpStream) -> io::Result<Conn> {
        stream.set_read_timeout(Some(WAIT))?;
        stream.set_write_timeout(Some(WAIT))?;
        let reader = BufReader::new(stream.try_clone()?);
        Ok(Conn { stream, reader, notifications: Vec::new() })
    }

    /// Connects and reads up to the `welcome`. Change notifications read before
    /// it (a protocol violation that reliability's `session_start` tests guard
    /// against) are kept in `notifications`, so other tests stay about their
    /// own subject.
    pub fn welcomed(addr: SocketAddr) -> Conn {
        let mut conn = Conn::connect(addr);
        loop {
            let line = conn.read_json().expect("a welcome line");
            match line["method"].as_str() {
                Some("welcome") => return conn,
                Some(m) if m.starts_with("product.") => conn.notifications.push(line),
                _ => panic!("expected welcome, got {line}"),
            }
        }
    }

    pub fn stream(&self) -> &TcpStream {
        &self.stream
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.stream.local_addr().expect("a local address")
    }

    pub fn set_read_timeout(&self, timeout: Duration) {
        self.stream.set_read_timeout(Some(timeout)).expect("set a read timeout");
    }

    /// Sends exactly these bytes; fails the test if they cannot be sent.
    pub fn send(&mut self, bytes: &[u8]) {
        self.try_send(bytes).expect("send to the server");
    }

    /// Sends exactly these bytes, for tests where the server may already
    /// have closed.
    pub fn try_send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.write_all(bytes)
    }

    /// Sends `text` and a `\n`.
    pub fn send_line(&mut self, text: &str) {
        let mut bytes = text.as_bytes().to_vec();
        bytes.push(b'\n');
        self.send(&bytes);
    }

    /// Sends one JSON value, compact, and a `\n`.
    pub fn send_json(&mut self, value: &Value) {
        self.send_line(&value.to_string());
    }

    /// The next line without its `\n`; `Ok(None)` when the server closed.
    pub fn read_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        if self.reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        Ok(Some(line))
    }

    /// The next line parsed as JSON; `None` when the server closed.
    pub fn read_json(&mut self) -> Option<Value> {
        let line = self.read_line().expect("read from the server")?;
        Some(serde_json::from_slice(&line).expect("the server sends JSON"))
    }

    /// The next response or batch, keeping notifications aside; `None` on close.
    pub fn read_reply(&mut self) -> Option<Value> {
        loop {
            let value = self.read_json()?;
            if value.get("method").is_none() {
                return Some(value);
            }
            self.notifications.push(value);
        }
    }

    /// Reads one line, waiting at most `timeout`.
    pub fn read_within(&mut self, timeout: Duration) -> ReadOutcome {
        self.set_read_timeout(timeout);
        let mut line = Vec::new();
        let outcome = match self.reader.read_until(b'\n', &mut line) {
            Ok(0) => ReadOutcome::Closed,
            Ok(_) if line.ends_with(b"\n") => {
                line.pop();
                ReadOutcome::Line(line)
            }
            Ok(_) => panic!("the connection ended inside a line: {:?}", String::from_utf8_lossy(&line)),
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                assert!(line.is_empty(), "a line was cut short: {:?}", String::from_utf8_lossy(&line));
                ReadOutcome::Silent
            }
            Err(e) if is_reset(&e) => ReadOutcome::Closed,
            Err(e) => panic!("reading from the server failed: {e}"),
        };
        self.set_read_timeout(WAIT);
        outcome
    }

    /// The next line as raw bytes; fails the test on close or timeout.
    pub fn recv_raw(&mut self) -> Vec<u8> {
        match self.read_within(WAIT) {
            ReadOutcome::Line(line) => line,
            other => panic!("expected a line from the server, got {other:?}"),
        }
    }

    /// The next line, parsed as JSON; checks it is compact (one line, no `\r`).
    pub fn recv(&mut self) -> Value {
        let line = self.recv_raw();
        assert!(!line.ends_with(b"\r"), "the server ends lines with \\n only");
        serde_json::from_slice(&line).unwrap_or_else(|e| {
            panic!("the server sent invalid JSON ({e}): {}", String::from_utf8_lossy(&line))
        })
    }

    /// Sends a request and returns the very next line (a notification too).
    pub fn call(&mut self, id: impl Into<Value>, method: &str, params: Value) -> Value {
        self.send_json(&request(id, method, params));
        self.recv()
    }

    /// Sends a request and returns its reply, keeping the notifications met
    /// on the way in [`Conn::notifications`].
    pub fn call_reply(&mut self, id: impl Into<Value>, method: &str, params: Value) -> Value {
        self.send_json(&request(id, method, params));
        self.read_reply().expect("a response before close")
    }

    /// Sends a request and returns its `result`; fails the test on an error response.
    pub fn call_ok(&mut self, id: impl Into<Value>, method: &str, params: Value) -> Value {
        let id = id.into();
        let response = self.call(id.clone(), method, params);
        assert_eq!(response["id"], id, "the response echoes the id: {response}");
        match response.get("result") {
            Some(result) => result.clone(),
            None => panic!("{method} failed: {response}"),
        }
    }

    /// Whether the server has closed the connection (after draining what is left).
    pub fn closed_by_server(&mut self) -> bool {
        loop {
            match self.read_line() {
                Ok(None) => return true,
                Ok(Some(_)) => continue,
                Err(e) => return is_reset(&e),
            }
        }
    }

    /// Reads everything until the connection ends (for tests that expect no more lines).
    pub fn drain_to_end(&mut self) -> Vec<u8> {
        let mut rest = Vec::new();
        match self.reader.read_to_end(&mut rest) {
            Ok(_) => rest,
            Err(e) if is_reset(&e) => rest,
            Err(e) => panic!("reading to the end failed: {e}"),
        }
    }

    /// Closes our sending side: the server reads EOF, we can still read.
    pub fn finish_sending(&self) {
        self.stream.shutdown(Shutdown::Write).expect("shut down the sending side");
    }

    /// Closes both sides (the server may have closed already).
    pub fn shutdown(&self) {
        self.stream.shutdown(Shutdown::Both).ok();
    }
}

/// Whether a read or write failed because the peer reset the connection.
pub fn is_reset(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted)
}
