//! A report card per session, for a teacher who watches 30 students'
//! clients at once: how many requests were answered well, and how many of
//! each protocol mistake the server had to answer (a line that is not JSON,
//! an invalid request, an unknown method, bad params).
//!
//! The cards are read from the server panel's record of steps, the same one
//! its log and diagram draw: every error the server answered is classified
//! there with its code. Only steps not seen yet are read each frame.

use std::collections::HashMap;

use lojinha_teach::Steps;
use lojinha_teach::steps::{Direction, Kind, Lane};

use crate::i18n::{Language, tr, trf};

/// A protocol mistake of a client, by the error code the server answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mistake {
    /// -32700: a line that is not JSON (or not UTF-8).
    NotJson,
    /// -32600: JSON, but not a JSON-RPC 2.0 request (no `"jsonrpc":"2.0"`, no method...).
    InvalidRequest,
    /// -32601: a method the protocol does not have.
    UnknownMethod,
    /// -32602: parameters that break the rules.
    BadParams,
}

impl Mistake {
    pub const ALL: [Mistake; 4] =
        [Mistake::NotJson, Mistake::InvalidRequest, Mistake::UnknownMethod, Mistake::BadParams];

    fn of_code(code: i64) -> Option<Mistake> {
        match code {
            -32700 => Some(Mistake::NotJson),
            -32600 => Some(Mistake::InvalidRequest),
            -32601 => Some(Mistake::UnknownMethod),
            -32602 => Some(Mistake::BadParams),
            _ => None,
        }
    }

    /// The words for a student ("lines that are not JSON").
    fn key(self) -> &'static str {
        match self {
            Mistake::NotJson => "sessions-mistake_not_json",
            Mistake::InvalidRequest => "sessions-mistake_invalid_request",
            Mistake::UnknownMethod => "sessions-mistake_unknown_method",
            Mistake::BadParams => "sessions-mistake_bad_params",
        }
    }
}

/// One session's card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportCard {
    /// Answers that were results (or application errors such as 1001: the request was right).
    pub good: u64,
    pub mistakes: HashMap<Mistake, u64>,
}

impl ReportCard {
    pub fn mistakes_total(&self) -> u64 {
        self.mistakes.values().sum()
    }

    /// "12 ok" or "12 ok, 3 mistakes".
    pub fn summary(&self, language: Language) -> String {
        let (good, mistakes) = (self.good, self.mistakes_total());
        match mistakes {
            0 => trf(language, "sessions-card_ok", &[("good", &good)]),
            _ => trf(language, "sessions-card_mistakes", &[("good", &good), ("mistakes", &mistakes)]),
        }
    }

    /// One line per kind of mistake, in words for a student.
    pub fn details(&self, language: Language) -> String {
        let lines = Mistake::ALL.iter().filter_map(|m| {
            let n = *self.mistakes.get(m)?;
            Some(format!("{n} × {}", tr(language, m.key())))
        });
        lines.collect::<Vec<_>>().join("\n")
    }
}

/// Every session's card, kept up to date from the record.
#[derive(Debug, Default)]
pub struct ReportCards {
    cards: HashMap<u64, ReportCard>,
    /// The last step read.
    last_seq: u64,
}

impl ReportCards {
    /// Reads the steps recorded since the last call.
    pub fn update(&mut self, steps: &Steps) {
        let new = steps.entries().iter().rev().take_while(|step| step.seq > self.last_seq);
        let new: Vec<_> = new.collect();
        for step in new.into_iter().rev() {
            self.last_seq = step.seq;
            let (Lane::Session(session), Some(message)) = (step.lane, step.message()) else { continue };
            if message.direction != Direction::ToClient {
                continue;
            }
            let card = self.cards.entry(session).or_default();
            match message.kind {
                Kind::Response => card.good += 1,
                Kind::Error { code: Some(code) } => match Mistake::of_code(code) {
                    Some(mistake) => *card.mistakes.entry(mistake).or_default() += 1,
                    None => card.good += 1,
                },
                _ => {}
            }
        }
    }

    pub fn get(&self, session: u64) -> Option<&ReportCard> {
        self.cards.get(&session)
    }
}
