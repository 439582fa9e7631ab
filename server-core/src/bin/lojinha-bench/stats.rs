//! What one worker measured: latencies, error answers, notifications and
//! list passes; merged at the end of a run.

use std::collections::BTreeMap;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Result;
use hdrhistogram::Histogram;

use crate::plan::Plan;

/// Figures gathered by one worker; merged at the end.
pub struct Stats {
    /// Latency of every answered request, in microseconds.
    pub latency: Histogram<u64>,
    /// Answers that carried an error the phase does not accept, by code.
    pub errors: BTreeMap<i64, u64>,
    /// Answers with an error the phase expects (`already exists` while seeding).
    pub expected_errors: u64,
    /// Server notifications read and dropped.
    pub notifications: u64,
    /// Full `product.list` passes, in microseconds.
    pub passes: Histogram<u64>,
    /// Products seen in the last list pass.
    pub listed: usize,
}

impl Stats {
    pub fn new() -> Stats {
        let histogram = || Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds");
        Stats {
            latency: histogram(),
            errors: BTreeMap::new(),
            expected_errors: 0,
            notifications: 0,
            passes: histogram(),
            listed: 0,
        }
    }

    pub fn record(&mut self, latency: Duration) {
        self.latency.saturating_record(latency.as_micros().max(1) as u64);
    }

    pub fn error(&mut self, plan: &Plan, code: i64) {
        if plan.accepts(code) {
            self.expected_errors += 1;
        } else {
            *self.errors.entry(code).or_insert(0) += 1;
        }
    }

    pub fn merge(&mut self, other: Stats) {
        self.latency.add(&other.latency).expect("histograms with the same bounds");
        self.passes.add(&other.passes).expect("histograms with the same bounds");
        for (code, n) in other.errors {
            *self.errors.entry(code).or_insert(0) += n;
        }
        self.notifications += other.notifications;
        self.expected_errors += other.expected_errors;
        self.listed = self.listed.max(other.listed);
    }
}

/// Waits for every worker and merges their figures; the first failure wins.
pub fn join_all(workers: Vec<JoinHandle<Result<Stats>>>) -> Result<Stats> {
    let mut total = Stats::new();
    let mut failure = None;
    for worker in workers {
        match worker.join() {
            Ok(Ok(stats)) => total.merge(stats),
            Ok(Err(e)) => failure = failure.or(Some(e)),
            Err(_) => failure = failure.or(Some(anyhow::anyhow!("a benchmark thread panicked"))),
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(total),
    }
}
