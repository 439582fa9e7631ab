//! A class recording: everything a client window or the server panel saw,
//! in one file a teacher replays later (or a student hands in), with no
//! server running.
//!
//! The file is JSON Lines, UTF-8:
//! 1. a header: `{"format":"lojinha-recording","version":1,"view":"client",
//!    "title":"…","lanes":N,"steps":M}`;
//! 2. `N` lines, one per session lifeline (its number, its client's name,
//!    whether it was open);
//! 3. `M` lines, one per step, every field ([`StepData`]), oldest first.
//!
//! Reading it back gives the same steps (equal, field by field) and the same
//! lifelines. Reading is bounded: a file larger than [`MAX_FILE_BYTES`] is
//! refused before it is read, a line longer than [`MAX_LINE_BYTES`] is
//! refused, and the steps read go into a record with the byte budget the
//! app gives it: when they do not fit, the oldest are left out and
//! [`Recording::left_out`] says how many. A malformed file is an error that
//! says which line, never a panic. Writing keeps within the same bound (the
//! oldest steps left out, rarely: only lines full of characters JSON
//! escapes take that much), so every recording saved opens again.

use std::io::{self, BufRead, Read, Write};
use std::path::Path;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::steps::data::{LaneInfoData, StepData};
use crate::steps::{RAW_KEPT, STEPS_BYTES, STEPS_MAX, Steps};

/// What the header's `format` says.
pub const FORMAT: &str = "lojinha-recording";
/// The version this app writes and reads.
pub const VERSION: u32 = 1;
/// The file name's extension.
pub const EXTENSION: &str = "lojinha";
/// Largest file opened: a record's whole byte budget ([`STEPS_BYTES`])
/// written as JSON takes at most about twice as much.
pub const MAX_FILE_BYTES: u64 = 2 * STEPS_BYTES as u64;
/// Longest line read: a step's kept text ([`RAW_KEPT`]) escaped in JSON
/// (at most six bytes a byte), with room for its other fields.
pub const MAX_LINE_BYTES: usize = 6 * RAW_KEPT + 64 * 1024;

/// Whose steps a recording holds: a client window's, or the server panel's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Client,
    Server,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    view: View,
    #[serde(default)]
    title: String,
    lanes: usize,
    steps: usize,
}

/// A recording read back.
#[derive(Debug)]
pub struct Recording {
    pub view: View,
    /// The window's title when it was saved ("Client window 2", "Server").
    pub title: String,
    pub steps: Steps,
    /// Steps of the file left out (the oldest) to stay within the budget.
    pub left_out: usize,
}

/// Why a recording could not be read. Data, not sentences: the app says
/// each in the user's language.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        bytes: u64,
        max: u64,
    },
    /// The first line is not a recording's header.
    NotARecording,
    /// Written by a newer version of the app.
    NewerVersion {
        version: u32,
    },
    /// Line `line` (counting from 1) is longer than [`MAX_LINE_BYTES`].
    LineTooLong {
        line: usize,
    },
    /// Line `line` is not what it should be (the parser's words).
    BadLine {
        line: usize,
        error: String,
    },
    /// Line `line` holds a step out of order.
    OutOfOrder {
        line: usize,
    },
    /// The file ends after `found` of its `expected` lines.
    Incomplete {
        expected: usize,
        found: usize,
    },
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> ReadError {
        ReadError::Io(error)
    }
}

/// Writes `steps` as a recording; returns how many steps it wrote. The
/// file always opens again: when the whole record would pass
/// [`MAX_FILE_BYTES`] (lines full of characters JSON escapes), the oldest
/// steps are left out.
pub fn write(out: &mut (impl Write + ?Sized), steps: &Steps, view: View, title: &str) -> io::Result<usize> {
    write_within(out, steps, view, title, MAX_FILE_BYTES)
}

/// [`write`], in at most `max_bytes` (and at least the header and the lanes).
fn write_within(
    out: &mut (impl Write + ?Sized),
    steps: &Steps,
    view: View,
    title: &str,
    max_bytes: u64,
) -> io::Result<usize> {
    let lanes: Vec<Vec<u8>> = steps
        .lanes()
        .iter()
        .map(|(session, info)| serde_json::to_vec(&LaneInfoData::of(session, info)))
        .collect::<Result<_, _>>()?;
    // The header's size does not depend on the count much: leave room for its digits.
    let header_room = 200 + title.len() as u64 * 6;
    let mut room =
        max_bytes.saturating_sub(header_room + lanes.iter().map(|l| l.len() as u64 + 1).sum::<u64>());
    let mut kept = Vec::new();
    for step in steps.entries().iter().rev() {
        let line = serde_json::to_vec(&StepData::of(step))?;
        let Some(left) = room.checked_sub(line.len() as u64 + 1) else { break };
        room = left;
        kept.push(line);
    }
    let header = Header {
        format: FORMAT.to_owned(),
        version: VERSION,
        view,
        title: title.to_owned(),
        lanes: lanes.len(),
        steps: kept.len(),
    };
    line(out, &header)?;
    for text in lanes.iter().chain(kept.iter().rev()) {
        out.write_all(text)?;
        out.write_all(b"\n")?;
    }
    Ok(kept.len())
}

fn line(out: &mut (impl Write + ?Sized), value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Opens the recording at `path`, its steps within `max_bytes` (see the module's header).
pub fn open(path: &Path, max_bytes: usize) -> Result<Recording, ReadError> {
    let file = std::fs::File::open(path)?;
    let bytes = file.metadata()?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes, max: MAX_FILE_BYTES });
    }
    // The file may grow while it is read: read no more than the bound.
    read(io::BufReader::new(file.take(MAX_FILE_BYTES)), max_bytes)
}

/// Reads a recording, its steps within `max_bytes`.
pub fn read(mut input: impl BufRead, max_bytes: usize) -> Result<Recording, ReadError> {
    let mut lines = Lines { input: &mut input, number: 0, buffer: Vec::new() };
    if !lines.next()? {
        return Err(ReadError::NotARecording);
    }
    let header = serde_json::from_slice::<Header>(&lines.buffer).map_err(|_| ReadError::NotARecording)?;
    if header.format != FORMAT {
        return Err(ReadError::NotARecording);
    }
    if header.version > VERSION {
        return Err(ReadError::NewerVersion { version: header.version });
    }
    // Counts are the file's word: a huge one only runs out of lines.
    let expected = header.lanes.saturating_add(header.steps);
    let mut lanes = Vec::new();
    for found in 0..header.lanes {
        if !lines.next()? {
            return Err(ReadError::Incomplete { expected, found });
        }
        lanes.push(lines.parse::<LaneInfoData>()?);
    }
    let mut steps = Steps::with_limits(Instant::now(), STEPS_MAX, max_bytes);
    let mut read_steps = 0;
    for found in header.lanes..expected {
        if !lines.next()? {
            return Err(ReadError::Incomplete { expected, found });
        }
        let step = lines.parse::<StepData>()?.step();
        steps.push_recorded(step).map_err(|_| ReadError::OutOfOrder { line: lines.number })?;
        read_steps += 1;
    }
    if lines.next()? {
        return Err(ReadError::BadLine {
            line: lines.number,
            error: "more lines than the header says".into(),
        });
    }
    for lane in lanes {
        steps.lanes_mut().restore(lane.session, lane.info());
    }
    let left_out = read_steps - steps.len();
    Ok(Recording { view: header.view, title: header.title, steps, left_out })
}

/// The file's lines, each at most [`MAX_LINE_BYTES`].
struct Lines<'a, R> {
    input: &'a mut R,
    /// The number of the line last read, from 1.
    number: usize,
    buffer: Vec<u8>,
}

impl<R: BufRead> Lines<'_, R> {
    /// Reads the next line into the buffer, without its newline; `false`
    /// at the end of the file.
    fn next(&mut self) -> Result<bool, ReadError> {
        self.buffer.clear();
        let limit = (MAX_LINE_BYTES + 1) as u64;
        let read = (&mut *self.input).take(limit).read_until(b'\n', &mut self.buffer)?;
        if read == 0 {
            return Ok(false);
        }
        self.number += 1;
        if self.buffer.last() == Some(&b'\n') {
            self.buffer.pop();
        } else if read as u64 == limit {
            return Err(ReadError::LineTooLong { line: self.number });
        }
        Ok(true)
    }

    /// The line read last, as a `T`.
    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ReadError> {
        serde_json::from_slice(&self.buffer)
            .map_err(|e| ReadError::BadLine { line: self.number, error: e.to_string() })
    }
}

#[cfg(test)]
pub(crate) mod tests;
