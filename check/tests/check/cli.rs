//! The `lojinha-check` binary: exit codes, `--json`, `--only`/`--skip`, `--lang`.

use std::process::{Command, Output};

use lojinha_test_support::ServerProcess;
use serde_json::Value;

use crate::proxy::{Flaw, broken_server};

fn lojinha_check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lojinha-check")).args(args).output().expect("run lojinha-check")
}

fn json_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {output:?}"))
}

/// `--json` against a good server: exit code 0, and a report whose every
/// check has the documented fields.
#[test]
fn json_report_of_a_good_server() {
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    let output = lojinha_check(&["--json", &server.addr().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let report = json_of(&output);
    assert_eq!(report["passed"], true);
    assert_eq!(report["counts"]["passed"], 15);
    let checks = report["checks"].as_array().expect("checks");
    assert_eq!(checks[0]["check"], "connect");
    for check in checks {
        for field in ["check", "title", "status", "expected", "sent", "arrived", "exchange", "hint"] {
            assert!(check.get(field).is_some(), "{field} missing in {check}");
        }
        assert_eq!(check["status"], "passed");
    }
}

/// `--json` against a broken server: exit code 1; the failed check carries
/// its problem, hint and hint id, in the language asked for.
#[test]
fn json_report_of_a_broken_server() {
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    let broken = broken_server(server.addr(), Flaw::Wrong1001);
    let output =
        lojinha_check(&["--json", "--lang", "es", "--only", "get-missing,quit", &broken.to_string()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report = json_of(&output);
    assert_eq!(report["language"], "es");
    let checks = report["checks"].as_array().expect("checks");
    let names: Vec<_> = checks.iter().map(|c| c["check"].as_str().unwrap_or("")).collect();
    assert_eq!(names, ["get-missing", "quit"]);
    assert_eq!(checks[0]["status"], "failed");
    assert_eq!(checks[0]["hint_id"], "check-hint-wrong_code");
    assert_eq!(checks[0]["problem"], "error 404 en lugar de 1001");
    assert_eq!(checks[1]["status"], "passed");
}

/// `--skip` leaves checks out; the text report ends with the summary.
#[test]
fn skip_leaves_checks_out() {
    let server = ServerProcess::spawn(&["--db", ":memory:", "--mode", "sequential"]);
    let output = lojinha_check(&["--lang", "en", "--skip", "two-clients,notify", &server.addr().to_string()]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("All 13 checks passed."), "{text}");
    assert!(!text.contains("Two clients"), "{text}");
}

/// A check name that does not exist is a usage error (exit code 2), named.
#[test]
fn unknown_check_name_is_a_usage_error() {
    let output = lojinha_check(&["--only", "telepathy", "127.0.0.1:1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("\"telepathy\""));
}

/// `--list` names every check in order; `--help` explains what is checked.
#[test]
fn list_and_help() {
    let list = String::from_utf8_lossy(&lojinha_check(&["--list"]).stdout).into_owned();
    assert_eq!(list.lines().next(), Some("connect"));
    assert_eq!(list.lines().count(), 15);
    let help = String::from_utf8_lossy(&lojinha_check(&["--help"]).stdout).into_owned();
    assert!(help.contains("--json") && help.contains("not reached"), "{help}");
}
