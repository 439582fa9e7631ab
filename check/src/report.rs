//! The report of a run: each check's result, what was sent, what was
//! expected, what arrived (bytes made visible) and the hint, in the
//! student's language; serializable for `--json`.

use serde::Serialize;

use crate::checks::Check;
use crate::problem::Problem;
use crate::transcript::{Direction, Exchanged, ShownExchange};
use crate::visible::visible;
use lojinha_words::{Language, tr};

/// How a check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Passed,
    Failed,
    /// Not run, because a check it needs failed or was not reached.
    NotReached,
}

/// One check's result.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// The check's name (`welcome`, `big-product`...).
    pub check: &'static str,
    pub title: String,
    pub status: Status,
    pub expected: String,
    /// Each write of the checker, made visible.
    pub sent: Vec<String>,
    /// Each line (or unfinished piece) that arrived, made visible.
    pub arrived: Vec<String>,
    /// The whole exchange in order, on every connection of the check.
    pub exchange: Vec<ShownExchange>,
    /// What went wrong, in a few words ("no answer within 2 s").
    pub problem: Option<String>,
    /// `silent`, `no_newline`, `wrong`... for scripts.
    pub problem_kind: Option<&'static str>,
    pub hint: Option<String>,
    /// The hint's message id (`check-hint-…`), the same in every language.
    pub hint_id: Option<&'static str>,
    /// For a check not reached: the check that stopped it.
    pub blocked_by: Option<&'static str>,
    /// The raw exchange, for the app's diagram; not in `--json`.
    #[serde(skip)]
    pub raw: Vec<Exchanged>,
    /// Why it failed, so a view can say it again in another language.
    #[serde(skip)]
    pub cause: Option<Problem>,
}

/// The whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub address: String,
    pub language: &'static str,
    pub timeout_seconds: f64,
    /// True when every check that was chosen passed.
    pub passed: bool,
    pub counts: Counts,
    pub checks: Vec<CheckReport>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub not_reached: usize,
}

/// The words a report is written with.
#[derive(Debug, Clone, Copy)]
pub struct Wording {
    pub language: Language,
    /// The timeout as said to people ("2", "0.5").
    pub seconds: f64,
}

impl CheckReport {
    /// The report of a check that ran.
    pub fn ran(
        check: Check,
        outcome: Result<(), Problem>,
        exchange: Vec<Exchanged>,
        wording: Wording,
    ) -> CheckReport {
        let mut report = CheckReport::blank(check, wording.language);
        report.status = if outcome.is_ok() { Status::Passed } else { Status::Failed };
        report.sent = shown(&exchange, Direction::Sent);
        report.arrived = shown(&exchange, Direction::Received);
        report.exchange = exchange.iter().map(Exchanged::shown).collect();
        report.raw = exchange;
        if let Err(problem) = outcome {
            let seconds = seconds_text(wording.seconds);
            report.problem = Some(problem.said(wording.language, &seconds));
            report.problem_kind = Some(problem.kind());
            report.hint = Some(problem.hint(wording.language, &seconds));
            report.hint_id = Some(problem.hint_id());
            report.cause = Some(problem);
        }
        report
    }

    /// The report of a check that was not run because of `blocker`.
    pub fn not_reached(check: Check, blocker: Check, language: Language) -> CheckReport {
        let mut report = CheckReport::blank(check, language);
        report.blocked_by = Some(blocker.name());
        report
    }

    fn blank(check: Check, language: Language) -> CheckReport {
        CheckReport {
            check: check.name(),
            title: tr(language, &check.title_id()),
            status: Status::NotReached,
            expected: tr(language, &check.expect_id()),
            sent: Vec::new(),
            arrived: Vec::new(),
            exchange: Vec::new(),
            problem: None,
            problem_kind: None,
            hint: None,
            hint_id: None,
            blocked_by: None,
            raw: Vec::new(),
            cause: None,
        }
    }
}

impl Report {
    pub fn new(address: &str, wording: Wording, checks: Vec<CheckReport>) -> Report {
        let count = |status| checks.iter().filter(|c| c.status == status).count();
        let counts = Counts {
            passed: count(Status::Passed),
            failed: count(Status::Failed),
            not_reached: count(Status::NotReached),
        };
        Report {
            address: address.to_owned(),
            language: wording.language.tag(),
            timeout_seconds: wording.seconds,
            passed: counts.failed == 0 && counts.not_reached == 0,
            counts,
            checks,
        }
    }

    /// The report of check `name`, if it was chosen.
    pub fn check(&self, name: &str) -> Option<&CheckReport> {
        self.checks.iter().find(|c| c.check == name)
    }
}

fn shown(exchange: &[Exchanged], direction: Direction) -> Vec<String> {
    exchange.iter().filter(|e| e.direction == direction).map(|e| visible(&e.bytes)).collect()
}

/// Seconds as people say them: `2`, `0.5`.
pub fn seconds_text(seconds: f64) -> String {
    format!("{}", (seconds * 1000.0).round() / 1000.0)
}
