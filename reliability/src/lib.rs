//! What only the reliability tests need on top of `lojinha-test-support`:
//! a reference model of the line framing ([`frame_model`]) and a reader
//! that hands out bytes in awkward chunks ([`ChunkedReader`]), readers of
//! `/proc/self/limits` and of a catalog file, and the checks the fuzz targets share
//! with the corpus-replay tests ([`fuzzing`]), and the writers of the
//! shared-PostgreSQL fault tests ([`shared`]).
//!
//! The tests in `tests/` use real sockets on `127.0.0.1:0` and real SQLite
//! files in temp dirs.

use std::io::{self, Read};
use std::path::Path;

use lojinha_server::protocol::frame::Frame;

pub mod fuzzing;
pub mod shared;

/// What the line framing must produce for `input` with limit `max_frame`: the
/// protocol's rules written as plainly as possible (split on `\n`, drop one
/// `\r`, skip blank lines, lines over the limit are `TooLarge`).
///
/// The last line, when no newline ends it, is judged as the reader sees it
/// before EOF: more than `max_frame` bytes is too large even if blank (the
/// reader reports a long line before its end arrives), except exactly one byte
/// over when that byte is the `\r` of a line ending cut short.
pub fn frame_model(input: &[u8], max_frame: usize) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut parts: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    let tail = parts.pop().unwrap_or_default();
    for raw in parts {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.len() > max_frame {
            frames.push(Frame::TooLarge);
        } else if !is_blank(line) {
            frames.push(Frame::Line(line.to_vec()));
        }
    }
    let cut_crlf = tail.len() == max_frame.saturating_add(1) && tail.ends_with(b"\r");
    let line = tail.strip_suffix(b"\r").unwrap_or(tail);
    if tail.len() > max_frame && !cut_crlf {
        frames.push(Frame::TooLarge);
    } else if !is_blank(line) {
        frames.push(Frame::Line(line.to_vec()));
    }
    frames
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

/// A reader that hands out `data` in the given chunk sizes (cycled), with an
/// `Interrupted` error before every chunk when `interrupt` is set.
pub struct ChunkedReader {
    data: Vec<u8>,
    pos: usize,
    chunks: Vec<usize>,
    next_chunk: usize,
    interrupt: bool,
    interrupted: bool,
}

impl ChunkedReader {
    pub fn new(data: Vec<u8>, chunks: Vec<usize>, interrupt: bool) -> Self {
        let chunks = if chunks.is_empty() { vec![1] } else { chunks };
        ChunkedReader { data, pos: 0, chunks, next_chunk: 0, interrupt, interrupted: false }
    }
}

impl Read for ChunkedReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.interrupt && !self.interrupted {
            self.interrupted = true;
            return Err(io::Error::from(io::ErrorKind::Interrupted));
        }
        self.interrupted = false;
        let chunk = self.chunks[self.next_chunk % self.chunks.len()].max(1);
        self.next_chunk += 1;
        let n = chunk.min(buf.len()).min(self.data.len() - self.pos);
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// The soft limit on open files of this process (`ulimit -n`).
pub fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Reads a `u64` from an environment variable, or `default`.
pub fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Every product in a SQLite catalog file, read directly, with `PRAGMA integrity_check`.
pub fn read_db_file(path: &Path) -> (String, Vec<(String, String, i64, i64)>) {
    let conn = rusqlite::Connection::open(path).expect("open the catalog file");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity_check");
    let mut statement =
        conn.prepare("SELECT code, name, price_cents, quantity FROM products ORDER BY code").expect("select");
    let rows = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    (check, rows)
}
