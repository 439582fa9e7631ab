//! Replays the fuzzers' inputs as regression tests: every file in
//! `fuzz/regressions/<target>/` (the minimized corpus, checked in) and, when
//! present, `fuzz/corpus/<target>/` (the working corpus of a local run) goes
//! through the same checks as the fuzz targets: the framing model and parsers
//! in memory, and the `server_lines` inputs through a real server.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use lojinha_reliability::fuzzing::{check_frames_and_parse, check_server_lines};
use lojinha_server::{DbLocation, ServerConfig};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every input file of one fuzz target, from the checked-in regressions and the local corpus.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for dir in ["regressions", "corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join(dir).join(target)) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                files.push((path.clone(), std::fs::read(&path).expect("read a corpus file")));
            }
        }
    }
    files.sort();
    files
}

/// Every `frame_parse` input frames as the model says and parses without panicking.
#[test]
fn frame_parse_corpus_replays_clean() {
    let files = inputs("frame_parse");
    assert!(!files.is_empty(), "no inputs under fuzz/regressions/frame_parse");
    for (path, data) in &files {
        let result = std::panic::catch_unwind(|| check_frames_and_parse(data));
        assert!(result.is_ok(), "{} fails the frame_parse checks", path.display());
    }
    println!("frame_parse: {} inputs replayed", files.len());
}

/// Every `server_lines` input (and every `frame_parse` input's wire bytes) is answered by a real server, which stays up.
#[test]
fn server_lines_corpus_replays_through_a_real_server() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let config = ServerConfig {
        db: DbLocation::Memory,
        max_frame: 4096,
        max_connections: 10_000,
        ..Default::default()
    };
    let server = lojinha_server::start_on(listener, config).expect("server starts");
    let mut files = inputs("server_lines");
    assert!(!files.is_empty(), "no inputs under fuzz/regressions/server_lines");
    files.extend(
        inputs("frame_parse").into_iter().filter(|(_, d)| d.len() > 2).map(|(p, d)| (p, d[2..].to_vec())),
    );
    let addr = server.local_addr();
    for (path, data) in &files {
        let result = std::panic::catch_unwind(|| check_server_lines(addr, data));
        assert!(result.is_ok(), "{} fails against the server", path.display());
    }
    println!("server: {} inputs replayed", files.len());
    server.stop();
}
