//! The report as text for a terminal: one line per check, and for a check
//! that failed what was sent, expected and arrived, and the hint.

use std::fmt::Write;

use lojinha_words::{Language, tr, trf};

use crate::report::{CheckReport, Report, Status};

/// Longest piece of a sent or received line shown in the text report
/// (`--json` has them whole).
const SHOWN_CHARS: usize = 300;

/// One check's lines: `✔ 3. title`, and the details when it failed.
pub fn check_text(number: usize, report: &CheckReport, language: Language) -> String {
    let mark = match report.status {
        Status::Passed => "✔",
        Status::Failed => "✘",
        Status::NotReached => "–",
    };
    let mut text = format!("{mark} {number:>2}. {}", report.title);
    match report.status {
        Status::Passed => {}
        Status::NotReached => {
            let blocker = report.blocked_by.unwrap_or("");
            write!(text, "  ({})", trf(language, "check-not_reached", &[("check", &blocker)])).ok();
        }
        Status::Failed => failure_text(&mut text, report, language),
    }
    text.push('\n');
    text
}

fn failure_text(text: &mut String, report: &CheckReport, language: Language) {
    let label = |id: &str| format!("{:<10}", tr(language, id));
    for sent in &report.sent {
        write!(text, "\n      {} {}", label("check-sent"), shorten(sent)).ok();
    }
    write!(text, "\n      {} {}", label("check-expected"), report.expected).ok();
    for arrived in &report.arrived {
        write!(text, "\n      {} {}", label("check-arrived"), shorten(arrived)).ok();
    }
    if let Some(problem) = &report.problem {
        write!(text, "\n      {} {problem}", label("check-problem")).ok();
    }
    if let Some(hint) = &report.hint {
        write!(text, "\n      {} {hint}", label("check-hint")).ok();
    }
}

/// The first line and the summary at the end.
pub fn header(address: &str, language: Language) -> String {
    trf(language, "check-header", &[("address", &address)]) + "\n"
}

pub fn summary(report: &Report, language: Language) -> String {
    let c = report.counts;
    let args: [(&str, &dyn lojinha_words::ToArg); 3] =
        [("passed", &c.passed), ("failed", &c.failed), ("not_reached", &c.not_reached)];
    let id = if report.passed { "check-summary_all" } else { "check-summary" };
    trf(language, id, &args) + "\n"
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}… ({} chars)", &text[..end], text.chars().count()),
        None => text.to_owned(),
    }
}
