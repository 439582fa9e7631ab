//! lojinha-check against deliberately broken servers: each one fails the
//! check built to catch its mistake first, with that mistake's hint.

use lojinha_check::Status;
use lojinha_test_support::ServerProcess;
use lojinha_words::Language;

use crate::proxy::{Flaw, broken_server};
use crate::{assert_first_failure, check_all, status};

/// The report of a check run against the real server with `flaw` added.
fn check_flawed(flaw: Flaw) -> (ServerProcess, lojinha_check::Report) {
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    let broken = broken_server(server.addr(), flaw);
    (server, check_all(&broken.to_string(), Language::En))
}

/// A server that never greets fails "welcome", and says how to greet.
#[test]
fn never_greets() {
    let (_server, report) = check_flawed(Flaw::NoWelcome);
    assert_first_failure(&report, "welcome", "check-hint-not_welcome");
}

/// Answers without `\n`: "json-lines" fails, and what arrived is shown
/// without a `\n` at its end, with the hint about the missing newline.
#[test]
fn answers_without_newline() {
    let (_server, report) = check_flawed(Flaw::NoNewline);
    assert_first_failure(&report, "json-lines", "check-hint-no_newline");
    let check = report.check("json-lines").expect("json-lines");
    let last = check.arrived.last().expect("something arrived");
    assert!(last.ends_with('}') && !last.ends_with("\\n"), "{last}");
    assert!(check.hint.as_deref().is_some_and(|h| h.contains("without \\n at the end")), "{check:#?}");
}

/// A server that reads one `recv(2048)` per message fails "big-product".
#[test]
fn reads_one_recv() {
    let (_server, report) = check_flawed(Flaw::OneRecv);
    assert_first_failure(&report, "big-product", "check-hint-big_cut");
}

/// A server that serves one client at a time fails "two-clients".
#[test]
fn serves_one_client_at_a_time() {
    let (_server, report) = check_flawed(Flaw::OneAtATime);
    assert_first_failure(&report, "two-clients", "check-hint-one_at_a_time");
}

/// A server that answers a missing code with 404 fails "get-missing",
/// naming both codes.
#[test]
fn answers_1001_wrongly() {
    let (_server, report) = check_flawed(Flaw::Wrong1001);
    assert_first_failure(&report, "get-missing", "check-hint-wrong_code");
    let check = report.check("get-missing").expect("get-missing");
    assert_eq!(check.problem.as_deref(), Some("error 404 instead of 1001"));
    let failed = report.checks.iter().filter(|c| c.status == Status::Failed).count();
    assert_eq!(failed, 1, "{report:#?}");
}

/// A server that answers with another id fails "json-lines" with the id hint.
#[test]
fn answers_the_wrong_id() {
    let (_server, report) = check_flawed(Flaw::WrongId);
    assert_first_failure(&report, "json-lines", "check-hint-wrong_id");
}

/// A server that crashes on invalid JSON fails "parse-error" with the try/except hint.
#[test]
fn crashes_on_invalid_json() {
    let (_server, report) = check_flawed(Flaw::CrashOnBadJson);
    assert_first_failure(&report, "parse-error", "check-hint-crashed");
}

/// A server that tells nobody about changes fails "notify", and only that.
#[test]
fn sends_no_notifications() {
    let (_server, report) = check_flawed(Flaw::NoNotifications);
    assert_first_failure(&report, "notify", "check-hint-no_notification");
    assert_eq!(report.counts.failed, 1);
}

/// Lines ending in `\r\n` are allowed: every check passes, and the `\r` is
/// made visible in what arrived.
#[test]
fn crlf_is_allowed_and_shown() {
    let (_server, report) = check_flawed(Flaw::CrLf);
    assert!(report.passed, "{report:#?}");
    let welcome = report.check("welcome").expect("welcome");
    assert!(welcome.arrived[0].ends_with("}\\r\\n"), "{welcome:#?}");
    assert_eq!(status(&report, "notify"), Status::Passed);
}
