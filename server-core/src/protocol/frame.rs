//! Line framing: turns a byte stream into frames, one JSON message per line.
//!
//! The reader owns one fixed read buffer and one line buffer. A line that
//! grows past the frame limit is reported as [`Frame::TooLarge`] without being
//! kept, so a connection never holds more than the limit plus one read.

use std::io::{self, Read};
use std::time::Instant;

/// Size of the buffer handed to each `read()` call (the lesson's `recv(2048)`,
/// a little larger).
pub const READ_BUFFER_SIZE: usize = 8 * 1024;

/// One unit read off the wire.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A complete line, without its `\n` or `\r\n`. Never empty or blank.
    Line(Vec<u8>),
    /// A line longer than the limit; its bytes were discarded.
    TooLarge,
    /// The peer closed the connection cleanly between lines.
    Closed,
}

/// A hook run before each `read()`; an error ends the read with it.
pub type BeforeRead = Box<dyn FnMut(Option<Instant>) -> io::Result<()> + Send>;

/// Reads newline-terminated frames from any `Read` with a size limit.
pub struct FrameReader<R> {
    inner: R,
    max_frame: usize,
    read_buf: Box<[u8]>,
    /// Bytes received but not yet returned as a frame.
    pending: Vec<u8>,
    /// Start of the unconsumed part of `pending`.
    start: usize,
    /// Called with the byte count of every successful `read()`.
    on_read: Option<Box<dyn FnMut(usize) + Send>>,
    /// Called before every `read()` with when the unfinished line began
    /// (`None` between lines): the server sets its socket's deadline here.
    before_read: Option<BeforeRead>,
    /// When the first byte of the line not yet complete arrived.
    line_started: Option<Instant>,
    /// When the last `read()` returned data.
    last_read: Option<Instant>,
    /// The rest of an oversized line must be dropped before the next frame.
    skipping: bool,
    /// How many unconsumed bytes are known to hold no newline, so a long line
    /// arriving in many reads is scanned once, not once per read.
    searched: usize,
    /// The last line returned had no `\n`: the peer closed right after it.
    unterminated: bool,
}

impl<R: Read> FrameReader<R> {
    pub fn new(inner: R, max_frame: usize) -> Self {
        FrameReader {
            inner,
            max_frame,
            read_buf: vec![0; READ_BUFFER_SIZE].into_boxed_slice(),
            pending: Vec::new(),
            start: 0,
            on_read: None,
            before_read: None,
            line_started: None,
            last_read: None,
            skipping: false,
            searched: 0,
            unterminated: false,
        }
    }

    /// Like [`FrameReader::new`] with a read buffer of `size` bytes (clients
    /// reading large pages use a bigger one).
    pub fn with_read_buffer(inner: R, max_frame: usize, size: usize) -> Self {
        let mut reader = FrameReader::new(inner, max_frame);
        reader.read_buf = vec![0; size.max(1)].into_boxed_slice();
        reader
    }

    /// Observe each `read()` (for the "show reads" view of the log).
    pub fn set_read_observer(&mut self, observer: Box<dyn FnMut(usize) + Send>) {
        self.on_read = Some(observer);
    }

    /// Run `hook` before each `read()` with the time the unfinished line
    /// began, so a caller can hold a line to a deadline from its first byte.
    pub fn set_before_read(&mut self, hook: BeforeRead) {
        self.before_read = Some(hook);
    }

    /// When the first byte of the line still incomplete arrived (`None`
    /// between lines).
    pub fn line_started(&self) -> Option<Instant> {
        self.line_started
    }

    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Whether a complete line is already buffered (more pipelined requests
    /// wait, so answers can be held back and written together).
    pub fn has_buffered_line(&self) -> bool {
        !self.skipping && self.pending[self.start + self.searched..].contains(&b'\n')
    }

    /// Whether the last line returned ended at the close, without its `\n`
    /// (a client mistake the server still answers, and points out).
    pub fn ended_without_newline(&self) -> bool {
        self.unterminated
    }

    /// Bytes currently buffered (received, not yet framed).
    pub fn buffered(&self) -> usize {
        self.pending.len() - self.start
    }

    /// Reads the next non-blank frame.
    ///
    /// An EOF in the middle of a line is returned as that last line (a client
    /// that forgets the final newline still gets its answer).
    ///
    /// A line over the limit is reported as soon as it passes the limit, not
    /// when its newline arrives; the next call first skips the rest of it.
    pub fn next_frame(&mut self) -> io::Result<Frame> {
        if self.skipping {
            self.skip_rest_of_line()?;
        }
        loop {
            if let Some(frame) = self.take_buffered_line() {
                match frame {
                    Frame::Line(ref line) if is_blank(line) => continue,
                    other => return Ok(other),
                }
            }
            if self.unterminated_line_too_long() {
                self.pending = Vec::new();
                self.start = 0;
                self.searched = 0;
                self.line_started = None;
                self.skipping = true;
                return Ok(Frame::TooLarge);
            }
            let n = self.fill()?;
            if n == 0 {
                return Ok(self.take_tail_at_eof());
            }
        }
    }

    /// Splits one line off the buffer if a newline is there.
    fn take_buffered_line(&mut self) -> Option<Frame> {
        let unconsumed = &self.pending[self.start..];
        let Some(found) = unconsumed[self.searched..].iter().position(|&b| b == b'\n') else {
            self.searched = unconsumed.len();
            return None;
        };
        let newline = self.searched + found;
        self.searched = 0;
        self.unterminated = false;
        let line = trim_cr(&unconsumed[..newline]);
        let frame = if line.len() > self.max_frame { Frame::TooLarge } else { Frame::Line(line.to_vec()) };
        self.start += newline + 1;
        self.compact();
        // What followed the newline in the same read starts the next line.
        self.line_started = if self.start < self.pending.len() { self.last_read } else { None };
        Some(frame)
    }

    /// Whether the buffered part of a line (no newline yet) can no longer fit.
    /// One byte of slack is allowed only when it is a `\r`: a line of exactly
    /// the limit may still end in `\r\n`.
    fn unterminated_line_too_long(&self) -> bool {
        let unconsumed = &self.pending[self.start..];
        match unconsumed.len().checked_sub(self.max_frame) {
            None | Some(0) => false,
            Some(1) => unconsumed.last() != Some(&b'\r'),
            Some(_) => true,
        }
    }

    /// Reads and drops bytes until the end of an oversized line.
    fn skip_rest_of_line(&mut self) -> io::Result<()> {
        loop {
            let n = self.read_once()?;
            if n == 0 {
                self.skipping = false;
                return Ok(());
            }
            if let Some(pos) = self.read_buf[..n].iter().position(|&b| b == b'\n') {
                self.pending.extend_from_slice(&self.read_buf[pos + 1..n]);
                self.skipping = false;
                return Ok(());
            }
        }
    }

    fn take_tail_at_eof(&mut self) -> Frame {
        let tail = trim_cr(&self.pending[self.start..]).to_vec();
        self.pending.clear();
        self.start = 0;
        self.searched = 0;
        self.line_started = None;
        if is_blank(&tail) {
            Frame::Closed
        } else if tail.len() > self.max_frame {
            Frame::TooLarge
        } else {
            self.unterminated = true;
            Frame::Line(tail)
        }
    }

    fn fill(&mut self) -> io::Result<usize> {
        if let Some(hook) = self.before_read.as_mut() {
            hook(self.line_started)?;
        }
        let n = self.read_once()?;
        if n > 0 {
            let now = Instant::now();
            self.last_read = Some(now);
            self.line_started.get_or_insert(now);
        }
        self.reserve_bounded(n);
        self.pending.extend_from_slice(&self.read_buf[..n]);
        Ok(n)
    }

    /// Grows the line buffer by doubling, but never past limit + one read,
    /// so a long line cannot make the allocation overshoot the bound.
    fn reserve_bounded(&mut self, additional: usize) {
        let needed = self.pending.len() + additional;
        if needed <= self.pending.capacity() {
            return;
        }
        let ceiling = self.max_frame.saturating_add(2 * self.read_buf.len());
        let target = (self.pending.capacity() * 2).clamp(needed, ceiling.max(needed));
        self.pending.reserve_exact(target - self.pending.len());
    }

    fn read_once(&mut self) -> io::Result<usize> {
        let n = loop {
            match self.inner.read(&mut self.read_buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        if let Some(observer) = self.on_read.as_mut() {
            observer(n);
        }
        Ok(n)
    }

    /// Drops consumed bytes so the buffer does not creep.
    fn compact(&mut self) {
        if self.start == self.pending.len() {
            self.pending.clear();
            self.start = 0;
            if self.pending.capacity() > 4 * READ_BUFFER_SIZE {
                // A big message passed; give its memory back.
                self.pending = Vec::new();
            }
        } else if self.start > READ_BUFFER_SIZE {
            self.pending.drain(..self.start);
            self.start = 0;
        }
    }
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out its data in chunks of a fixed size.
    struct Chunked {
        data: Vec<u8>,
        pos: usize,
        chunk: usize,
    }

    impl Read for Chunked {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.chunk.min(buf.len()).min(self.data.len() - self.pos);
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    fn frames(data: &[u8], chunk: usize, max: usize) -> Vec<Frame> {
        let source = Chunked { data: data.to_vec(), pos: 0, chunk };
        let mut reader = FrameReader::new(source, max);
        let mut out = Vec::new();
        loop {
            match reader.next_frame().unwrap() {
                Frame::Closed => return out,
                f => out.push(f),
            }
        }
    }

    fn line(s: &str) -> Frame {
        Frame::Line(s.as_bytes().to_vec())
    }

    /// Lines come out whole whatever the read sizes; CRLF and blank lines are handled.
    #[test]
    fn splits_lines_across_any_chunking() {
        let data = b"{\"a\":1}\r\n\n   \r\n{\"b\":2}\nlast";
        for chunk in 1..data.len() + 1 {
            assert_eq!(frames(data, chunk, 100), vec![line("{\"a\":1}"), line("{\"b\":2}"), line("last")]);
        }
    }

    /// A line over the limit is reported once and the next line is read normally.
    #[test]
    fn oversized_line_is_reported_and_skipped() {
        let mut data = vec![b'x'; 50];
        data.extend_from_slice(b"\nok\n");
        for chunk in [1, 3, 7, 64] {
            assert_eq!(frames(&data, chunk, 10), vec![Frame::TooLarge, line("ok")]);
        }
    }

    /// A line that passes the limit is reported before its newline arrives.
    #[test]
    fn unterminated_oversized_line_is_reported_early() {
        struct Endless;
        impl Read for Endless {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                buf.fill(b'z');
                Ok(buf.len())
            }
        }
        let mut reader = FrameReader::new(Endless, 100);
        assert_eq!(reader.next_frame().unwrap(), Frame::TooLarge);
        assert_eq!(frames(b"abcdef", 2, 5), vec![Frame::TooLarge]);
        assert_eq!(frames(b"abcde\r", 1, 5), vec![line("abcde")]);
    }

    /// The limit excludes the line ending: exactly `max` bytes passes, `max + 1` does not.
    #[test]
    fn limit_is_exact_and_excludes_line_ending() {
        assert_eq!(frames(b"abcde\r\n", 2, 5), vec![line("abcde")]);
        assert_eq!(frames(b"abcdef\n", 2, 5), vec![Frame::TooLarge]);
    }

    /// The start of an unfinished line is remembered until the line is complete,
    /// and the hook sees it before each read.
    #[test]
    fn unfinished_line_start_is_tracked() {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let source = Chunked { data: b"ab\ncd".to_vec(), pos: 0, chunk: 1 };
        let mut reader = FrameReader::new(source, 100);
        let log = seen.clone();
        reader.set_before_read(Box::new(move |started| {
            log.lock().unwrap().push(started.is_some());
            Ok(())
        }));
        assert_eq!(reader.next_frame().unwrap(), line("ab"));
        assert_eq!(reader.line_started(), None);
        assert_eq!(reader.next_frame().unwrap(), line("cd"));
        // Reads: a, b, \n, c, d, EOF: the first read of each line starts it.
        assert_eq!(*seen.lock().unwrap(), vec![false, true, true, false, true, true]);
    }

    /// A hook's error ends the read with that error.
    #[test]
    fn hook_error_ends_the_read() {
        let source = Chunked { data: b"abc".to_vec(), pos: 0, chunk: 1 };
        let mut reader = FrameReader::new(source, 100);
        reader.set_before_read(Box::new(|started| match started {
            Some(_) => Err(io::Error::new(io::ErrorKind::TimedOut, "line took too long")),
            None => Ok(()),
        }));
        assert_eq!(reader.next_frame().unwrap_err().kind(), io::ErrorKind::TimedOut);
    }

    /// The buffer never holds much more than the limit plus one read.
    #[test]
    fn memory_stays_bounded_on_endless_line() {
        let data = vec![b'y'; 200_000];
        let source = Chunked { data, pos: 0, chunk: 4096 };
        let mut reader = FrameReader::new(source, 1000);
        assert_eq!(reader.next_frame().unwrap(), Frame::TooLarge);
        assert!(reader.pending.capacity() <= 1000 + 2 * READ_BUFFER_SIZE);
    }
}
