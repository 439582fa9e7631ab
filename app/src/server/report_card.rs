//! A report card per session, for a teacher who watches 30 students'
//! clients at once: how many requests were answered well, and how many of
//! each protocol mistake the client made: those the server answered with an
//! error (a line that is not JSON, an invalid request, an unknown method,
//! bad params) and those it cannot answer (a request sent without an `id`,
//! which gets no answer, and a second `hello`).
//!
//! The cards are read from the server panel's record of steps, the same one
//! its log and diagram draw: every line is classified there once. Only steps
//! not seen yet are read each frame, and a session's card goes when its lane
//! leaves the record (the cards stay as bounded as the record).

use std::collections::HashMap;

use lojinha_teach::Steps;
use lojinha_teach::steps::{Direction, Kind, Lane, Message, Mistake};

use crate::i18n::{Language, tr, trf};

/// One session's card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportCard {
    /// Answers that were results (or application errors such as 1001: the request was right).
    pub good: u64,
    pub mistakes: HashMap<Mistake, u64>,
    /// `hello`s seen on this session.
    hellos: u64,
}

impl ReportCard {
    /// Counts one line of the session: an answer, or a mistake.
    fn note(&mut self, message: &Message) {
        let answered = matches!(
            (message.direction, message.kind),
            (Direction::ToClient, Kind::Response | Kind::Error { .. })
        );
        let hello = message.direction == Direction::ToServer && message.method.as_deref() == Some("hello");
        self.hellos += u64::from(hello && message.kind == Kind::Request);
        let mistake = match Mistake::of_line(message) {
            None if hello && self.hellos > 1 => Some(Mistake::HelloAgain),
            other => other,
        };
        self.good += u64::from(answered && mistake.is_none());
        if let Some(mistake) = mistake {
            *self.mistakes.entry(mistake).or_default() += 1;
        }
    }

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
            Some(format!("{n} × {}", tr(language, m.words_id())))
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
    /// Reads the steps recorded since the last call; forgets the cards of
    /// sessions the record no longer holds.
    pub fn update(&mut self, steps: &Steps) {
        let new = steps.entries().iter().rev().take_while(|step| step.seq > self.last_seq);
        let new: Vec<_> = new.collect();
        if new.is_empty() {
            return;
        }
        for step in new.into_iter().rev() {
            self.last_seq = step.seq;
            let (Lane::Session(session), Some(message)) = (step.lane, step.message()) else { continue };
            self.cards.entry(session).or_default().note(message);
        }
        self.cards.retain(|session, _| steps.lanes().get(*session).is_some());
    }

    pub fn get(&self, session: u64) -> Option<&ReportCard> {
        self.cards.get(&session)
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Instant, SystemTime};

    use lojinha_server::server::{CloseReason, ServerEvent, ServerEventRecord};

    use super::*;

    fn event(steps: &mut Steps, event: ServerEvent) {
        steps.record_server(&ServerEventRecord { at: Instant::now(), wall: SystemTime::now(), event });
    }

    fn line(steps: &mut Steps, session: u64, raw: &str, incoming: bool) {
        let (raw, bytes) = (raw.to_owned(), raw.len() + 1);
        let message = match incoming {
            true => ServerEvent::MessageIn { session, raw, bytes, unterminated: false },
            false => ServerEvent::MessageOut { session, raw, bytes },
        };
        event(steps, message);
    }

    /// A struggling client's card counts each kind of mistake, those the
    /// server answered and those it could not; a good client's card counts
    /// its answers; a card goes with its session's lane.
    #[test]
    fn cards_count_answers_and_each_mistake() {
        let mut steps = Steps::with_limits(Instant::now(), 100, usize::MAX);
        let hello = r#"{"jsonrpc":"2.0","id":1,"method":"hello","params":{"client":"Ana"}}"#;
        line(&mut steps, 1, hello, true);
        line(&mut steps, 1, r#"{"jsonrpc":"2.0","id":1,"result":{"session":1}}"#, false);
        line(&mut steps, 1, hello, true);
        line(&mut steps, 1, r#"{"jsonrpc":"2.0","method":"product.get","params":{"code":"A"}}"#, true);
        line(
            &mut steps,
            1,
            r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}"#,
            false,
        );
        line(&mut steps, 1, r#"{"jsonrpc":"2.0","id":4,"error":{"code":1001,"message":"not found"}}"#, false);
        line(&mut steps, 2, r#"{"jsonrpc":"2.0","id":1,"result":{"pong":true}}"#, false);
        let mut cards = ReportCards::default();
        cards.update(&steps);
        let ana = cards.get(1).unwrap();
        assert_eq!(ana.good, 2, "a result and a 1001 (the request was right)");
        for mistake in [Mistake::HelloAgain, Mistake::NoId, Mistake::NotJson] {
            assert_eq!(ana.mistakes.get(&mistake), Some(&1), "{mistake:?}");
        }
        assert_eq!(ana.mistakes_total(), 3);
        assert_eq!(cards.get(2).unwrap().mistakes_total(), 0);

        let last = r#"{"jsonrpc":"2.0","id":5,"method":"ping"}"#.to_owned();
        let unterminated =
            ServerEvent::MessageIn { session: 3, bytes: last.len(), raw: last, unterminated: true };
        event(&mut steps, unterminated);
        cards.update(&steps);
        assert_eq!(
            cards.get(3).unwrap().mistakes.get(&Mistake::NoNewline),
            Some(&1),
            "no \\n before the close"
        );

        event(&mut steps, ServerEvent::SessionClosed { session: 2, reason: CloseReason::Quit });
        for _ in 0..100 {
            line(&mut steps, 1, r#"{"jsonrpc":"2.0","id":9,"result":{}}"#, false);
        }
        cards.update(&steps);
        assert!(cards.get(2).is_none(), "the closed session's card left with its steps");
        assert_eq!(cards.get(1).unwrap().good, 102);
    }
}
