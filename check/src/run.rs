//! Running the chosen checks in order, skipping those whose prerequisite
//! failed, and collecting the report.

use std::collections::HashMap;

use crate::checks::Check;
use crate::context::{Context, Settings, run_tag};
use crate::report::{CheckReport, Report, Status, Wording};
use lojinha_words::Language;

/// Runs `chosen` (kept in the checks' own order) against the server in
/// `settings`; `each` sees every result as soon as it is known.
pub fn run(
    settings: &Settings,
    chosen: &[Check],
    language: Language,
    mut each: impl FnMut(&CheckReport),
) -> Report {
    let wording = Wording { language, seconds: settings.timeout.as_secs_f64() };
    let tag = run_tag();
    let mut statuses: HashMap<Check, Status> = HashMap::new();
    let mut reports = Vec::new();
    for check in Check::ALL.into_iter().filter(|c| chosen.contains(c)) {
        let report = match blocker(check, &statuses) {
            Some(blocker) => CheckReport::not_reached(check, blocker, language),
            None => run_one(check, settings, &tag, wording),
        };
        statuses.insert(check, report.status);
        each(&report);
        reports.push(report);
    }
    Report::new(&settings.address, wording, reports)
}

fn run_one(check: Check, settings: &Settings, tag: &str, wording: Wording) -> CheckReport {
    let context = Context::new(settings, tag);
    let outcome = check.run(&context);
    CheckReport::ran(check, outcome, context.transcript.entries(), wording)
}

/// The first prerequisite of `check` that ran and did not pass (a check that
/// was not chosen does not block).
fn blocker(check: Check, statuses: &HashMap<Check, Status>) -> Option<Check> {
    check.needs().iter().copied().find(|need| statuses.get(need).is_some_and(|s| *s != Status::Passed))
}

/// The checks to run: all of them, or only those in `only`, minus those in
/// `skip`. Unknown names are returned as the error.
pub fn choose(only: &[String], skip: &[String]) -> Result<Vec<Check>, String> {
    let parse = |names: &[String]| -> Result<Vec<Check>, String> {
        names.iter().map(|n| Check::from_name(n).ok_or_else(|| n.clone())).collect()
    };
    let only = parse(only)?;
    let skip = parse(skip)?;
    let base = if only.is_empty() { Check::ALL.to_vec() } else { only };
    Ok(base.into_iter().filter(|c| !skip.contains(c)).collect())
}
