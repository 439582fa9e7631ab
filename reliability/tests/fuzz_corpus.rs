//! Replays the fuzzers' inputs as regression tests: every file in
//! `fuzz/regressions/<target>.hex` (the minimized corpus, checked in) and, when
//! present, in `fuzz/corpus/<target>/` (a local run's working corpus) goes
//! through the same checks as the fuzz targets: the framing model and parsers
//! in memory, and the `server_lines` inputs through a real server.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use lojinha_reliability::fuzzing::{check_frames_and_parse, check_server_lines};
use lojinha_server::{DbLocation, ServerConfig};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every input of one fuzz target: the checked-in bundle
/// `fuzz/regressions/<target>.hex` (one hex-encoded input per line), then the
/// files of a local run's `fuzz/corpus/<target>/` and `fuzz/artifacts/<target>/`.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let bundle = fuzz_dir().join("regressions").join(format!("{target}.hex"));
    let text = std::fs::read_to_string(&bundle).unwrap_or_default();
    let mut inputs: Vec<(String, Vec<u8>)> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#'))
        .map(|(n, line)| (format!("{}:{}", bundle.display(), n + 1), decode_hex(line)))
        .collect();
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join(dir).join(target)) else { continue };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        files.sort();
        for path in files {
            inputs.push((path.display().to_string(), std::fs::read(&path).expect("read a corpus file")));
        }
    }
    inputs
}

fn decode_hex(line: &str) -> Vec<u8> {
    (0..line.len() / 2).map(|i| u8::from_str_radix(&line[2 * i..2 * i + 2], 16).expect("hex")).collect()
}

/// Every `frame_parse` input frames as the model says and parses without panicking.
#[test]
fn frame_parse_corpus_replays_clean() {
    let files = inputs("frame_parse");
    assert!(!files.is_empty(), "no inputs in fuzz/regressions/frame_parse.hex");
    for (path, data) in &files {
        let result = std::panic::catch_unwind(|| check_frames_and_parse(data));
        assert!(result.is_ok(), "{path} fails the frame_parse checks");
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
        max_per_address: 10_000,
        ..Default::default()
    };
    let server = lojinha_server::start_on(listener, config).expect("server starts");
    let mut files = inputs("server_lines");
    assert!(!files.is_empty(), "no inputs in fuzz/regressions/server_lines.hex");
    files.extend(
        inputs("frame_parse").into_iter().filter(|(_, d)| d.len() > 2).map(|(p, d)| (p, d[2..].to_vec())),
    );
    let addr = server.local_addr();
    for (path, data) in &files {
        let result = std::panic::catch_unwind(|| check_server_lines(addr, data));
        assert!(result.is_ok(), "{path} fails against the server");
    }
    println!("server: {} inputs replayed", files.len());
    server.stop();
}
