//! The lesson's programs in Python (`examples/python/`), run for real:
//! the v5 server and the exercise's pass every check; each deliberately
//! broken server fails the check it was built to fail; the clients work
//! against `lojinha-server`; each step's client works with its own server.
//!
//! Python 3 is needed. Without it these tests say so and pass, except in
//! CI (`CI` set), where a missing `python3` fails them: CI must run them.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use crossbeam_channel::bounded;
use lojinha_check::Status;
use lojinha_test_support::{ServerProcess, WAIT};
use lojinha_words::Language;

use crate::{assert_first_failure, check_all};

/// `examples/python/<path>`.
fn example(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/python").join(path)
}

/// Whether `python3` runs; fails the test in CI when it does not.
fn have_python() -> bool {
    let found = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "python3 is missing, and CI must run the Python examples");
        eprintln!("python3 not found: the Python examples are not tested");
    }
    found
}

/// A Python server on a port the system chose; killed when dropped.
struct PythonServer {
    child: Option<Child>,
    address: String,
}

impl PythonServer {
    /// Starts `python3 <script> 0 <args>` and waits for its `Servidor ouvindo em HOST:PORT` line.
    fn spawn(script: &str, args: &[&str]) -> PythonServer {
        let mut child = Command::new("python3")
            .arg("-u")
            .arg(example(script))
            .arg("0")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start python3");
        let address = listening_address(&mut child).unwrap_or_else(|| {
            child.kill().ok();
            panic!("{script} did not say where it listens within {WAIT:?}")
        });
        PythonServer { child: Some(child), address }
    }

    /// Waits (bounded by `WAIT`) for the server to end by itself; whether it ended well.
    fn ended_well(mut self) -> bool {
        let mut child = self.child.take().expect("a running server");
        let (tx, rx) = bounded(1);
        std::thread::spawn(move || tx.send(child.wait()).ok());
        rx.recv_timeout(WAIT).is_ok_and(|status| status.is_ok_and(|s| s.success()))
    }
}

impl Drop for PythonServer {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            child.kill().ok();
            child.wait().ok();
        }
    }
}

/// The address in the server's first line, read on a thread so the wait is bounded.
fn listening_address(child: &mut Child) -> Option<String> {
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = bounded(1);
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        tx.send(first).ok();
        lines.for_each(drop); // keep draining, so the server never blocks on a full pipe
    });
    let line = rx.recv_timeout(WAIT).ok()?;
    line.rsplit(' ').next().filter(|a| a.contains(':')).map(str::to_owned)
}

/// Runs a Python client with `input` on its stdin until it exits (bounded by `WAIT`).
fn run_client(script: &str, address: &str, input: &str) -> Output {
    let (host, port) = address.rsplit_once(':').expect("HOST:PORT");
    let mut child = Command::new("python3")
        .arg(example(script))
        .args([host, port])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the client");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write the client's input");
    let (tx, rx) = bounded(1);
    std::thread::spawn(move || tx.send(child.wait_with_output()).ok());
    rx.recv_timeout(WAIT).unwrap_or_else(|_| panic!("{script} did not finish within {WAIT:?}")).expect("wait")
}

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The lesson's final server (v5) passes every check.
#[test]
fn v5_server_passes_every_check() {
    if !have_python() {
        return;
    }
    let server = PythonServer::spawn("v5/servidor.py", &[]);
    let report = check_all(&server.address, Language::PtBr);
    let failed: Vec<_> = report.checks.iter().filter(|c| c.status != Status::Passed).collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

/// The exercise's server (products in SQLite) passes every check, and keeps
/// its products in the file across a restart.
#[test]
fn exercise_server_passes_every_check_and_keeps_its_products() {
    if !have_python() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("catalogo.db");
    let db = db.to_str().expect("a UTF-8 path");
    let server = PythonServer::spawn("exercicio/servidor.py", &[db]);
    let report = check_all(&server.address, Language::En);
    assert!(report.passed, "{report:#?}");
    drop(server);
    let again = PythonServer::spawn("exercicio/servidor.py", &[db]);
    let listed = stdout_of(&run_client("v5/cliente.py", &again.address, "2\n0\n"));
    assert!(listed.contains("-BIG "), "the big product of the first run is still there: {listed}");
}

/// Each deliberately broken server fails first the check built to catch its mistake.
#[test]
fn broken_servers_fail_their_checks() {
    if !have_python() {
        return;
    }
    let cases = [
        ("quebrados/sem_newline.py", "welcome", "check-hint-no_newline"),
        ("quebrados/um_recv.py", "big-product", "check-hint-big_cut"),
        ("quebrados/um_cliente_por_vez.py", "two-clients", "check-hint-one_at_a_time"),
        ("quebrados/id_errado.py", "json-lines", "check-hint-wrong_id"),
        ("quebrados/cai_com_json_invalido.py", "parse-error", "check-hint-crashed"),
    ];
    for (script, check, hint) in cases {
        let server = PythonServer::spawn(script, &[]);
        let report = check_all(&server.address, Language::En);
        assert_first_failure(&report, check, hint);
    }
}

/// The v5 client adds and lists against `lojinha-server`, and ends cleanly.
#[test]
fn v5_client_adds_and_lists_on_lojinha_server() {
    if !have_python() {
        return;
    }
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    let input = "1\nCAN-001\nCaneta azul\n2,50\n40\n2\n0\n";
    let output = run_client("v5/cliente.py", &server.addr().to_string(), input);
    let text = stdout_of(&output);
    assert!(output.status.success(), "{output:?}");
    assert!(text.contains("Conectado a lojinha/"), "{text}");
    let rows = text
        .lines()
        .filter(|l| l.contains("CAN-001") && l.contains("R$       2,50") && l.ends_with("40"))
        .count();
    assert_eq!(rows, 2, "the added product, then the listed one: {text}");
    assert!(text.ends_with("Fim do cliente.\n"), "{text}");
}

/// The exercise's client fetches a product by code from `lojinha-server`,
/// and says "not found" for a code that does not exist.
#[test]
fn exercise_client_fetches_by_code_on_lojinha_server() {
    if !have_python() {
        return;
    }
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    let input = "1\nLAP-7\nLápis preto\n0,90\n3\n3\nLAP-7\n3\nNADA-1\n0\n";
    let output = run_client("exercicio/cliente.py", &server.addr().to_string(), input);
    let text = stdout_of(&output);
    assert!(output.status.success(), "{output:?}");
    let found = text.lines().filter(|l| l.contains("LAP-7") && l.contains("Lápis preto")).count();
    assert_eq!(found, 2, "added, then fetched: {text}");
    assert!(text.contains("Não encontrado: NADA-1"), "{text}");
}

/// Each step's client (v1 to v4) talks to its own server, and both end.
#[test]
fn each_step_client_talks_to_its_server() {
    if !have_python() {
        return;
    }
    let steps = [
        ("v1", "", "Fim do cliente."),
        ("v2", "", "Resposta: {'session': 1"),
        ("v3", "", "O servidor guardou: {'code': 'CAN-001'"),
        ("v4", "1\nCAN-001\nCaneta azul\n2,50\n40\n2\n0\n", "CAN-001    Caneta azul"),
    ];
    for (step, input, said) in steps {
        let server = PythonServer::spawn(&format!("{step}/servidor.py"), &[]);
        let output = run_client(&format!("{step}/cliente.py"), &server.address, input);
        let text = stdout_of(&output);
        assert!(output.status.success() && text.contains(said), "{step}: {output:?}");
        assert!(server.ended_well(), "{step}'s server did not end by itself, or ended with an error");
    }
}
