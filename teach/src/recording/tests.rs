//! The recording's specification: what is saved is what is read back,
//! step for step; bounds and malformed files give errors, never panics.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use lojinha_server::server::{CloseReason, OwnerAct, Release};
use lojinha_server::{ConnectionEnd, GoodbyeReason, Mode};

use super::*;
use crate::closing::ConnectFailure;
use crate::i18n::Language;
use crate::steps::{Direction, Lane, Message, Note, Said, What, classify_line};

/// Words of the app's own, different in each language.
struct Words;

impl Note for Words {
    fn say(&self, language: Language) -> String {
        format!("palavras «{}» | 1", language.tag())
    }
}

fn addr(text: &str) -> SocketAddr {
    text.parse().unwrap()
}

/// A server panel's record with every kind of step: lines of every kind
/// (paired, an error with a code, garbage with a `|`), connects, reads,
/// every ending, the app's own notes, two sessions (one named and closed).
pub(crate) fn class_steps() -> Steps {
    let origin = Instant::now();
    let mut steps = Steps::new(origin);
    let mut at = 0;
    let mut push = |steps: &mut Steps, lane: Lane, what: What| {
        at += 7;
        steps.push(origin + Duration::from_micros(at * 1000 + 3), SystemTime::now(), lane, what)
    };
    push(&mut steps, Lane::Server, What::Listening { addr: addr("127.0.0.1:5050"), mode: Mode::Sequential });
    push(&mut steps, Lane::Session(1), What::Accepted { peer: addr("127.0.0.1:40000") });
    push(&mut steps, Lane::Session(2), What::Accepted { peer: addr("[::1]:40001") });
    let lines = [
        (1, Direction::ToClient, r#"{"jsonrpc":"2.0","method":"welcome","params":{"server":"x"}}"#),
        (1, Direction::ToServer, r#"{"jsonrpc":"2.0","id":1,"method":"hello","params":{"client":"Maria"}}"#),
        (1, Direction::ToClient, r#"{"jsonrpc":"2.0","id":1,"result":{"session":1}}"#),
        (
            2,
            Direction::ToServer,
            r#"{"jsonrpc":"2.0","id":"a","method":"product.get","params":{"code":"<a&b>"}}"#,
        ),
        (
            2,
            Direction::ToClient,
            r#"{"jsonrpc":"2.0","id":"a","error":{"code":1001,"message":"não existe"}}"#,
        ),
        (
            2,
            Direction::ToServer,
            r#"[{"jsonrpc":"2.0","id":5,"method":"product.list"},{"jsonrpc":"2.0","id":6,"method":"product.list"}]"#,
        ),
        (2, Direction::ToServer, "oi | tudo bem?\tação"),
        (1, Direction::ToClient, r#"{"jsonrpc":"2.0","method":"product.added","params":{"code":"X"}}"#),
    ];
    for (i, (session, direction, raw)) in lines.into_iter().enumerate() {
        let when = origin + Duration::from_millis(1000 + 5 * i as u64);
        steps.push_line(
            when,
            SystemTime::now(),
            Lane::Session(session),
            classify_line(direction, raw),
            raw,
            raw.len() + 1,
        );
    }
    let last = r#"{"jsonrpc":"2.0","id":9,"method":"ping"}"#;
    let unterminated = Message { unterminated: true, ..classify_line(Direction::ToServer, last) };
    steps.push_line(
        origin + Duration::from_millis(1100),
        SystemTime::now(),
        Lane::Session(2),
        unterminated,
        last,
        40,
    );
    push(&mut steps, Lane::Session(1), What::Owner(OwnerAct::Held { held: 2 }));
    push(&mut steps, Lane::Session(1), What::Owner(OwnerAct::Released(Release::Next)));
    push(&mut steps, Lane::Session(1), What::Owner(OwnerAct::Delayed { ms: 1500 }));
    let piece = push(&mut steps, Lane::Session(1), What::Piece { n: 2, of: 4 });
    assert!(piece > 0);
    push(&mut steps, Lane::Session(1), What::Named { client: "Maria".into() });
    let read = push(&mut steps, Lane::Session(2), What::Read);
    assert!(read > 0);
    let said = Said(Arc::new(Words));
    push(&mut steps, Lane::Server, What::Note { said: said.clone(), problem: true });
    push(&mut steps, Lane::Server, What::Note { said: said.clone(), problem: false });
    push(
        &mut steps,
        Lane::Server,
        What::Refused { peer: addr("10.0.0.9:1"), reason: GoodbyeReason::AddressFull },
    );
    push(
        &mut steps,
        Lane::Server,
        What::Refused { peer: addr("10.0.0.9:2"), reason: GoodbyeReason::Other("made up".into()) },
    );
    push(
        &mut steps,
        Lane::Session(1),
        What::SessionClosed(CloseReason::Error {
            kind: ErrorKind::ConnectionReset,
            detail: "reset by peer".into(),
        }),
    );
    push(&mut steps, Lane::Session(2), What::SessionClosed(CloseReason::DroppedByOwner));
    push(&mut steps, Lane::Server, What::Stopped);
    steps
}

/// A client window's record: connect, fail, connect, end every way.
pub(crate) fn client_steps() -> Steps {
    let origin = Instant::now();
    let mut steps = Steps::new(origin);
    let said = Said(Arc::new(Words));
    let whats = [
        What::Connecting { addr: "localhost:5050".into() },
        What::ConnectFailed { failure: ConnectFailure::Refused, said: said.clone() },
        What::Connecting { addr: "localhost:5050".into() },
        What::Connected { local: addr("127.0.0.1:50000"), peer: addr("127.0.0.1:5050") },
        What::ConnectionEnded(ConnectionEnd::Goodbye(GoodbyeReason::IdleTimeout)),
        What::ConnectionEnded(ConnectionEnd::ReadFailed { kind: ErrorKind::TimedOut, detail: "t".into() }),
        What::ConnectionEnded(ConnectionEnd::SendFailed { kind: ErrorKind::BrokenPipe, detail: "p".into() }),
        What::ConnectionEnded(ConnectionEnd::ByThisClient),
        What::ConnectFailed { failure: ConnectFailure::GaveUp, said },
    ];
    for (i, what) in whats.into_iter().enumerate() {
        steps.push(
            origin + Duration::from_nanos(1_234_567 * i as u64),
            SystemTime::now(),
            Lane::Client,
            what,
        );
    }
    let raw = r#"{"jsonrpc":"2.0","id":2,"method":"product.list"}"#;
    steps.push_line(
        origin,
        SystemTime::now(),
        Lane::Client,
        classify_line(Direction::ToServer, raw),
        raw,
        raw.len() + 3,
    );
    steps
}

fn saved(steps: &Steps, view: View) -> Vec<u8> {
    let mut file = Vec::new();
    assert_eq!(write(&mut file, steps, view, "Janela 2").unwrap(), steps.len());
    file
}

fn assert_same(read: &Steps, written: &Steps) {
    let (a, b): (Vec<_>, Vec<_>) = (read.entries().iter().collect(), written.entries().iter().collect());
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a, b, "step {} read back differs", b.seq);
    }
    let lanes = |steps: &Steps| steps.lanes().iter().map(|(s, i)| (s, i.clone())).collect::<Vec<_>>();
    assert_eq!(lanes(read), lanes(written));
}

/// Save → open gives the same steps, field by field (times to the
/// nanosecond, pairs, notes in every language, every ending), and the same
/// lifelines with their names; saving again gives the same bytes.
#[test]
fn a_recording_round_trips_exactly() {
    for (steps, view) in [(class_steps(), View::Server), (client_steps(), View::Client)] {
        let file = saved(&steps, view);
        let recording = read(&file[..], STEPS_BYTES).unwrap();
        assert_eq!((recording.view, recording.title.as_str(), recording.left_out), (view, "Janela 2", 0));
        assert_same(&recording.steps, &steps);
        assert_eq!(saved(&recording.steps, view), file, "saved again, the same bytes");
    }
}

/// Through a real file on disk, too; a cleared and trimmed record (steps
/// not starting at 1) round-trips as well.
#[test]
fn a_recording_round_trips_through_a_file() {
    let mut steps = Steps::with_limits(Instant::now(), 5, STEPS_BYTES);
    for step in class_steps().entries() {
        steps.push(Instant::now(), step.wall, step.lane, step.what.clone());
    }
    assert_eq!(steps.first_seq(), steps.next_seq() - 5);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aula.lojinha");
    std::fs::write(&path, saved(&steps, View::Server)).unwrap();
    let recording = open(&path, STEPS_BYTES).unwrap();
    assert_same(&recording.steps, &steps);
}

/// Steps that do not fit the budget given: the oldest are left out, and counted.
#[test]
fn a_recording_larger_than_the_budget_keeps_the_newest_steps() {
    let steps = class_steps();
    let file = saved(&steps, View::Server);
    let budget = 4 * std::mem::size_of::<crate::steps::Step>();
    let recording = read(&file[..], budget).unwrap();
    assert!(recording.left_out > 0 && recording.steps.len() < steps.len());
    assert_eq!(recording.left_out + recording.steps.len(), steps.len());
    assert_eq!(recording.steps.entries().back(), steps.entries().back());
}

/// A record whose file would pass the bound is saved without its oldest
/// steps, so the file always opens again: the newest steps, equal.
#[test]
fn a_recording_too_big_to_open_is_saved_without_its_oldest_steps() {
    let steps = client_steps();
    let whole = saved(&steps, View::Client);
    let mut file = Vec::new();
    let bound = whole.len() as u64 - 300;
    let written = write_within(&mut file, &steps, View::Client, "Janela 2", bound).unwrap();
    assert!(written < steps.len() && written > 0, "{written}");
    assert!(file.len() as u64 <= bound);
    let read = read(&file[..], STEPS_BYTES).unwrap();
    let newest: Vec<_> = steps.entries().iter().skip(steps.len() - written).collect();
    assert_eq!(read.steps.entries().iter().collect::<Vec<_>>(), newest);
}

/// Malformed files: each an error that says what is wrong, never a panic.
#[test]
fn malformed_recordings_are_errors() {
    let file = String::from_utf8(saved(&client_steps(), View::Client)).unwrap();
    let lines: Vec<&str> = file.lines().collect();
    let err = |text: &str| read(text.as_bytes(), STEPS_BYTES).unwrap_err();
    assert!(matches!(err(""), ReadError::NotARecording));
    assert!(matches!(err("produto,preço\n"), ReadError::NotARecording));
    assert!(matches!(
        err("{\"format\":\"other\",\"version\":1,\"view\":\"client\",\"lanes\":0,\"steps\":0}\n"),
        ReadError::NotARecording
    ));
    let newer = lines[0].replace("\"version\":1", "\"version\":99");
    assert!(matches!(err(&newer), ReadError::NewerVersion { version: 99 }));
    let cut = lines[..4].join("\n");
    assert!(matches!(err(&cut), ReadError::Incomplete { found: 3, .. }), "{:?}", err(&cut));
    let mut bad = lines.clone();
    bad[2] = "{\"seq\":\"três\"}";
    assert!(matches!(err(&bad.join("\n")), ReadError::BadLine { line: 3, .. }));
    let header = lines[0].replace("\"steps\":10", "\"steps\":1");
    let step = lines[1].replacen("\"seq\":1,", &format!("\"seq\":{},", u64::MAX), 1);
    let single = format!("{header}\n{step}\n");
    assert!(
        matches!(err(&single), ReadError::OutOfOrder { line: 2 }),
        "the last seq there is: {:?}",
        err(&single)
    );
    let mut swapped = lines.clone();
    swapped.swap(2, 3);
    assert!(matches!(err(&swapped.join("\n")), ReadError::OutOfOrder { line: 3 }));
    let extra = format!("{file}{}\n", lines[1]);
    assert!(matches!(err(&extra), ReadError::BadLine { .. }));
    let long = format!("{}\n{}", lines[0], "x".repeat(MAX_LINE_BYTES + 10));
    assert!(matches!(err(&long), ReadError::LineTooLong { line: 2 }));
    assert!(matches!(err("\u{0}\u{1}\u{2}"), ReadError::NotARecording));
    let huge = format!(
        "{{\"format\":\"lojinha-recording\",\"version\":1,\"view\":\"server\",\"lanes\":{},\"steps\":{}}}\n",
        usize::MAX,
        usize::MAX
    );
    assert!(matches!(err(&huge), ReadError::Incomplete { found: 0, .. }));
}

/// A file larger than the bound is refused before it is read.
#[test]
fn a_file_over_the_bound_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.lojinha");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    assert!(
        matches!(open(&path, STEPS_BYTES), Err(ReadError::TooLarge { bytes, max }) if bytes == MAX_FILE_BYTES + 1 && max == MAX_FILE_BYTES)
    );
    assert!(
        matches!(open(&dir.path().join("none"), STEPS_BYTES), Err(ReadError::Io(e)) if e.kind() == ErrorKind::NotFound)
    );
}

/// A recording cut at any byte, or with any byte changed, reads as a
/// recording or as an error: never a panic.
#[test]
fn any_cut_or_damaged_recording_is_read_without_panic() {
    let file = saved(&client_steps(), View::Client);
    for at in 0..file.len() {
        let _ = read(&file[..at], STEPS_BYTES);
        for byte in [b'"', b'}', b'9', 0xff] {
            let mut damaged = file.clone();
            damaged[at] = byte;
            let _ = read(&damaged[..], STEPS_BYTES);
        }
    }
}
