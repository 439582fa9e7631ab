//! A session's report card in words, for a teacher who watches 30 students'
//! clients at once: how many requests were right, and how many of each
//! protocol mistake the client made: those the server answered with an error
//! (a line that is not JSON, an invalid request, an unknown method, bad
//! params) and those it cannot answer (a request sent without an `id`, a
//! second `hello`, a last line without its `\n`).
//!
//! The server counts them where it meets them ([`ReportCard`], in each
//! session's [`SessionInfo`](lojinha_server::server::SessionInfo)); this
//! file only says them.

use lojinha_server::server::ReportCard;
use lojinha_teach::steps::mistake;

use crate::i18n::{Language, tr, trf};

/// "12 ok" or "12 ok, 3 mistakes".
pub fn summary(card: &ReportCard, language: Language) -> String {
    let (good, mistakes) = (card.good, card.mistakes_total());
    match mistakes {
        0 => trf(language, "sessions-card_ok", &[("good", &good)]),
        _ => trf(language, "sessions-card_mistakes", &[("good", &good), ("mistakes", &mistakes)]),
    }
}

/// One line per kind of mistake, in words for a student.
pub fn details(card: &ReportCard, language: Language) -> String {
    let lines = card.mistakes.iter().map(|&(m, n)| format!("{n} × {}", tr(language, mistake::words_id(m))));
    lines.collect::<Vec<_>>().join("\n")
}
