//! lojinha-check against the real `lojinha-server`.

use lojinha_check::Status;
use lojinha_test_support::ServerProcess;
use lojinha_words::Language;

use crate::{assert_first_failure, check_all, status};

/// The reference server passes every check, in order, with nothing left out.
#[test]
fn lojinha_server_passes_every_check() {
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    let report = check_all(&server.addr().to_string(), Language::En);
    let failed: Vec<_> = report.checks.iter().filter(|c| c.status != Status::Passed).collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert_eq!(report.checks.len(), lojinha_check::Check::ALL.len());
    assert!(report.passed);
}

/// A server that serves one client at a time (`--mode sequential`) fails the
/// two-clients check with the threads hint; the notification check, which
/// needs two clients, is not reached; the others pass.
#[test]
fn sequential_server_fails_two_clients() {
    let server = ServerProcess::spawn(&["--db", ":memory:", "--mode", "sequential"]);
    let report = check_all(&server.addr().to_string(), Language::En);
    assert_first_failure(&report, "two-clients", "check-hint-one_at_a_time");
    assert_eq!(status(&report, "notify"), Status::NotReached);
    let others_failed = report.checks.iter().filter(|c| c.status == Status::Failed).count();
    assert_eq!(others_failed, 1, "{report:#?}");
}

/// A server that does not greet (`--no-welcome`) fails the welcome check with
/// the "the server speaks first" hint, and later checks are not reached.
#[test]
fn server_without_welcome_fails_the_welcome_check() {
    let server = ServerProcess::spawn(&["--db", ":memory:", "--no-welcome"]);
    let report = check_all(&server.addr().to_string(), Language::PtBr);
    assert_first_failure(&report, "welcome", "check-hint-not_welcome");
    let welcome = report.check("welcome").expect("welcome");
    assert!(welcome.hint.as_deref().is_some_and(|h| h.contains("O servidor fala primeiro")), "{welcome:#?}");
    assert_eq!(welcome.problem.as_deref(), Some("nenhuma resposta em 2 s"));
    assert_eq!(report.counts.not_reached, report.checks.len() - 2);
}

/// Nothing listening: the first check fails with the "is your server running" hint.
#[test]
fn nothing_listening_fails_connect() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let report = check_all(&addr.to_string(), Language::En);
    assert_first_failure(&report, "connect", "check-hint-refused");
    assert_eq!(report.counts.not_reached, report.checks.len() - 1);
}
