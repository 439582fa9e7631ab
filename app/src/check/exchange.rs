//! A check's exchange as a [`Steps`] record, so the sequence diagram the
//! class already knows draws it: each connection of the check is a lane
//! that begins with its `connect()`, each line sent or received is an arrow,
//! a close ends its lane, and a failure ends the record with what went wrong.

use std::sync::Arc;
use std::time::{Instant, SystemTime};

use lojinha_check::report::seconds_text;
use lojinha_check::{CheckReport, Direction, Exchanged, Problem};
use lojinha_server::ConnectionEnd;
use lojinha_teach::Steps;
use lojinha_teach::steps::{self, Lane, Note, Said, What};

use crate::i18n::Language;

/// The record of `report`'s exchange, its clock starting at the first entry;
/// `timeout` is the run's, for the failure's words.
pub fn steps_of(report: &CheckReport, timeout: std::time::Duration) -> Steps {
    let origin = report.raw.first().map_or_else(Instant::now, |e| e.at);
    let mut record = Steps::new(origin);
    report.raw.iter().for_each(|entry| push(&mut record, entry));
    if let (Some(cause), Some(last)) = (&report.cause, report.raw.last()) {
        let said =
            Said(Arc::new(Failure { cause: cause.clone(), seconds: seconds_text(timeout.as_secs_f64()) }));
        let lane = Lane::Session(last.connection as u64);
        // A wait that ran out ended a timeout after the last thing seen.
        let waited = matches!(cause.kind(), "silent" | "no_newline");
        let at = if waited { last.at + timeout } else { last.at };
        record.push(at, SystemTime::now(), lane, What::Note { said, problem: true });
    }
    record
}

/// What went wrong, said in the language the diagram is drawn in.
struct Failure {
    cause: Problem,
    seconds: String,
}

impl Note for Failure {
    fn say(&self, language: Language) -> String {
        self.cause.said(language, &self.seconds)
    }
}

fn push(record: &mut Steps, entry: &Exchanged) {
    let lane = Lane::Session(entry.connection as u64);
    let wall = SystemTime::now();
    match entry.direction {
        Direction::Sent => push_lines(record, entry, lane, steps::Direction::ToServer),
        Direction::Received => push_lines(record, entry, lane, steps::Direction::ToClient),
        Direction::Closed => {
            record.push(entry.at, wall, lane, What::ConnectionEnded(ConnectionEnd::ServerClosed));
        }
        Direction::Connected => {
            let addr = String::from_utf8_lossy(&entry.bytes).into_owned();
            record.push(entry.at, wall, lane, What::Connecting { addr });
        }
    }
}

/// One arrow per line (a write may hold several: pipelined requests).
fn push_lines(record: &mut Steps, entry: &Exchanged, lane: Lane, direction: steps::Direction) {
    let text = String::from_utf8_lossy(&entry.bytes);
    for line in text.split_inclusive('\n') {
        let raw = line.trim_end_matches(['\n', '\r']);
        let message = steps::classify_line(direction, raw);
        record.push_line(entry.at, SystemTime::now(), lane, message, raw, line.len());
    }
}
