//! Each session's report card: how many requests it sent that were right
//! (answered with a result, or an application error such as 1001), and how
//! many of each protocol mistake. Counted by the dispatcher and the reader
//! where they meet them, read by the app's sessions list, the headless
//! server's `sessions` command and its "session closed" log line.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::protocol::error::RpcError;
use crate::protocol::mistake::Mistake;

/// The live counters of one session (shared by its threads).
#[derive(Debug, Default)]
pub struct Card {
    good: AtomicU64,
    mistakes: [AtomicU64; Mistake::ALL.len()],
}

impl Card {
    pub fn good(&self) {
        self.good.fetch_add(1, Ordering::Relaxed);
    }

    pub fn mistake(&self, mistake: Mistake) {
        self.mistakes[mistake.index()].fetch_add(1, Ordering::Relaxed);
    }

    /// An error the server answered: a mistake when its code says the
    /// client broke the protocol (not for 1001 and the like).
    pub fn error(&self, error: &RpcError) {
        if let Some(mistake) = Mistake::of_code(error.code) {
            self.mistake(mistake);
        }
    }

    /// The answer to a request with an `id`: good, unless it is a mistake's error.
    pub fn answered<T>(&self, result: &Result<T, RpcError>) {
        match result.as_ref().err().and_then(|e| Mistake::of_code(e.code)) {
            Some(mistake) => self.mistake(mistake),
            None => self.good(),
        }
    }

    pub fn snapshot(&self) -> ReportCard {
        let mistakes = Mistake::ALL
            .iter()
            .map(|&m| (m, self.mistakes[m.index()].load(Ordering::Relaxed)))
            .filter(|&(_, n)| n > 0)
            .collect();
        ReportCard { good: self.good.load(Ordering::Relaxed), mistakes }
    }
}

/// A session's card at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportCard {
    pub good: u64,
    /// Each kind of mistake made, in [`Mistake::ALL`]'s order, with its count.
    pub mistakes: Vec<(Mistake, u64)>,
}

impl ReportCard {
    pub fn mistakes_total(&self) -> u64 {
        self.mistakes.iter().map(|(_, n)| n).sum()
    }

    /// How many of `mistake`.
    pub fn count(&self, mistake: Mistake) -> u64 {
        self.mistakes.iter().find(|(m, _)| *m == mistake).map_or(0, |(_, n)| *n)
    }
}

/// "12 good" or "12 good, 3 mistakes (2 not JSON, 1 request without id)".
impl fmt::Display for ReportCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} good", self.good)?;
        if self.mistakes.is_empty() {
            return Ok(());
        }
        let each: Vec<String> = self.mistakes.iter().map(|(m, n)| format!("{n} {}", m.short())).collect();
        write!(f, ", {} mistakes ({})", self.mistakes_total(), each.join(", "))
    }
}
