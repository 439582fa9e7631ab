//! The real binaries as a user runs them: `lojinha-bench` stopped with
//! Ctrl-C still prints its figures, and `lojinha-server` writes a log
//! without colour codes when its output goes to a file.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lojinha_test_support::{ServerProcess, bench_binary, server_binary};
use serde_json::Value;

/// The exit status of a run Ctrl-C ended (128 + SIGINT).
const INTERRUPTED: i32 = 130;

/// Sends SIGINT, as Ctrl-C at a terminal does.
fn interrupt(child: &Child) {
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("run kill");
    assert!(status.success(), "kill -INT failed: {status}");
}

/// Waits for `child` to exit within `timeout`; kills it and fails otherwise.
fn exit_within(child: &mut Child, timeout: Duration, what: &str) -> Option<i32> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("poll the process") {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("{what} still running {timeout:?} after SIGINT");
}

/// Starts the bench on a run far too long to finish, waits until it is
/// measuring, and interrupts it; returns its exit code, JSON report and stderr.
fn interrupted_bench(server: &ServerProcess, extra: &[&str]) -> (Option<i32>, Value, String) {
    let addr = server.addr().to_string();
    let mut bench = Command::new(bench_binary())
        .args(["--addr", &addr, "--clients", "2", "-n", "1000000000", "--keyspace", "50", "--json"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lojinha-bench");
    // The seeding line on stderr says the measured run is starting.
    let mut stderr = BufReader::new(bench.stderr.take().expect("piped stderr"));
    let mut seeded = String::new();
    stderr.read_line(&mut seeded).expect("read the bench's stderr");
    assert!(seeded.starts_with("seeded keyspace"), "bench said: {seeded}");
    std::thread::sleep(Duration::from_millis(700));
    interrupt(&bench);
    let code = exit_within(&mut bench, Duration::from_secs(20), "lojinha-bench");
    let mut rest = String::new();
    let _ = std::io::Read::read_to_string(&mut stderr, &mut rest);
    let mut stdout = String::new();
    let _ = std::io::Read::read_to_string(&mut bench.stdout.take().expect("piped stdout"), &mut stdout);
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("no JSON report ({e}): {stdout:?}"));
    (code, report, seeded + &rest)
}

/// Ctrl-C stops a run of a billion requests: the bench exits at once with
/// status 130 and prints the figures it measured until then (both drivers).
#[test]
fn bench_stops_on_ctrl_c_and_prints_what_it_measured() {
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    for driver in ["loop", "threads"] {
        let (code, report, stderr) = interrupted_bench(&server, &["--driver", driver, "--pipeline", "4"]);
        assert_eq!(code, Some(INTERRUPTED), "bench ({driver}); stderr: {stderr}");
        assert_eq!(report["interrupted"], true, "{report}");
        let requests = report["requests"].as_u64().expect("a request count");
        assert!(requests > 0 && requests < 1_000_000_000, "bench ({driver}) measured {requests}");
        assert!(report["latency_us"]["max"].as_u64().is_some_and(|max| max > 0), "{report}");
        assert!(report["errors"].as_object().is_some_and(|e| e.is_empty()), "{report}");
    }
}

/// `list` stops after Ctrl-C too, without counting a pass cut short.
#[test]
fn bench_list_stops_on_ctrl_c() {
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    let (code, report, stderr) = interrupted_bench(&server, &["--op", "list"]);
    assert_eq!(code, Some(INTERRUPTED), "stderr: {stderr}");
    assert_eq!(report["interrupted"], true, "{report}");
    let passes = report["list_pass"]["passes"].as_u64().expect("a pass count");
    assert!(passes > 0, "{report}");
    assert_eq!(report["list_pass"]["products"], 50, "a whole pass sees the whole keyspace: {report}");
}

/// A server whose log goes to a file writes plain text: no ANSI colour codes.
#[test]
fn server_log_in_a_file_has_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("server.log");
    let mut server = Command::new(server_binary())
        .args(["--listen", "127.0.0.1:0", "--db", ":memory:"])
        .env("RUST_LOG", "lojinha_server=info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(File::create(&log_path).unwrap())
        .spawn()
        .expect("spawn lojinha-server");
    let mut first = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("listening on "), "{first}");
    interrupt(&server);
    let code = exit_within(&mut server, Duration::from_secs(10), "lojinha-server");
    assert_eq!(code, Some(0));
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.contains("INFO") && log.contains("listening on"), "the log has its lines: {log:?}");
    assert!(!log.contains("\x1b["), "colour codes in a log file: {log:?}");
}
