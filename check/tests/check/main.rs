//! lojinha-check against real servers: the real `lojinha-server` (every
//! check passes; its `--mode sequential` and `--no-welcome` fail the checks
//! they should), deliberately broken servers built in front of it, and the
//! binary's command line (`--json`, exit codes, `--only`/`--skip`, `--lang`).

mod broken;
mod cli;
mod proxy;
mod python;
mod real_server;
mod words;

use std::time::Duration;

use lojinha_check::{Check, Report, Settings, Status, run};
use lojinha_words::Language;

/// Runs every check against `address` with the default 2 s timeout.
pub fn check_all(address: &str, language: Language) -> Report {
    let settings = Settings { address: address.to_owned(), timeout: Duration::from_secs(2) };
    run(&settings, &Check::ALL, language, |_| {})
}

/// The status of check `name`, failing the test if it is missing.
pub fn status(report: &Report, name: &str) -> Status {
    report.check(name).unwrap_or_else(|| panic!("no check {name} in {report:#?}")).status
}

/// Asserts that `failing` is the first check to fail, with hint `hint_id`;
/// every check before it passed.
pub fn assert_first_failure(report: &Report, failing: &str, hint_id: &str) {
    let first = report.checks.iter().find(|c| c.status != Status::Passed);
    let first = first.unwrap_or_else(|| panic!("every check passed, expected {failing} to fail"));
    assert_eq!(first.check, failing, "first failure: {first:#?}");
    assert_eq!(first.status, Status::Failed, "{first:#?}");
    assert_eq!(first.hint_id, Some(hint_id), "{first:#?}");
    assert!(!report.passed);
}
