//! Why a field broke a rule: the `reason` of a `-32602` error.
//!
//! The wire carries the English sentence ([`Display`](std::fmt::Display));
//! [`Reason::parse`] reads such a sentence back into its kind, so a client can
//! say the same thing in its user's language without the protocol changing.

use std::fmt;

/// One broken rule, with the numbers that describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The field is missing.
    Required,
    /// The text is empty (after trimming, for names).
    Empty,
    NotAString,
    NotAnObject,
    /// More characters than `max`.
    TooLong {
        max: usize,
    },
    /// More characters than `max`, saying how many it has.
    TooLongHas {
        max: usize,
        has: usize,
    },
    /// A character outside `A-Z a-z 0-9 . _ -`, as Rust quotes it (`' '`).
    CharacterNotAllowed {
        quoted: String,
    },
    ControlCharacters,
    /// A bidirectional control (U+202A–U+202E, U+2066–U+2069): it would
    /// reorder what the sessions list and the table show.
    BidiControls,
    /// Nothing but invisible characters (zero-width spaces, joiners).
    NothingVisible,
    /// Not an integer, or outside `min..=max`.
    IntegerRange {
        min: i64,
        max: i64,
    },
    /// A text whose length in characters is outside `min..=max`.
    LengthRange {
        min: usize,
        max: usize,
    },
    /// The access token is not a string, or longer than `max` bytes.
    TokenTooLong {
        max: usize,
    },
    /// A product field the protocol does not know.
    UnknownField,
    /// A named parameter the method does not take.
    UnknownParameter,
    /// More positional parameters than the method takes.
    TooManyPositional {
        max: usize,
    },
}

const ALLOWED_CHARACTERS: &str = "(use A-Z a-z 0-9 . _ -)";

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Required => f.write_str("is required"),
            Reason::Empty => f.write_str("must not be empty"),
            Reason::NotAString => f.write_str("must be a string"),
            Reason::NotAnObject => f.write_str("must be an object"),
            Reason::TooLong { max } => write!(f, "must be at most {max} characters"),
            Reason::TooLongHas { max, has } => write!(f, "must be at most {max} characters (has {has})"),
            Reason::CharacterNotAllowed { quoted } => {
                write!(f, "character {quoted} is not allowed {ALLOWED_CHARACTERS}")
            }
            Reason::ControlCharacters => f.write_str("must not contain control characters"),
            Reason::BidiControls => f.write_str("must not contain bidirectional control characters"),
            Reason::NothingVisible => f.write_str("must contain a visible character"),
            Reason::IntegerRange { min, max } => write!(f, "must be an integer from {min} to {max}"),
            Reason::LengthRange { min, max } => write!(f, "must be {min} to {max} characters"),
            Reason::TokenTooLong { max } => write!(f, "must be a string of at most {max} bytes"),
            Reason::UnknownField => f.write_str("unknown field"),
            Reason::UnknownParameter => f.write_str("unknown parameter"),
            Reason::TooManyPositional { max } => write!(f, "at most {max} positional parameters"),
        }
    }
}

impl Reason {
    /// A character that is not allowed in a code.
    pub fn character_not_allowed(bad: char) -> Reason {
        Reason::CharacterNotAllowed { quoted: format!("{bad:?}") }
    }

    /// The reason a sentence on the wire names; `None` for a sentence this
    /// version does not write (another server's own words).
    pub fn parse(text: &str) -> Option<Reason> {
        let exact = match text {
            "is required" => Some(Reason::Required),
            "must not be empty" => Some(Reason::Empty),
            "must be a string" => Some(Reason::NotAString),
            "must be an object" => Some(Reason::NotAnObject),
            "must not contain control characters" => Some(Reason::ControlCharacters),
            "must not contain bidirectional control characters" => Some(Reason::BidiControls),
            "must contain a visible character" => Some(Reason::NothingVisible),
            "unknown field" => Some(Reason::UnknownField),
            "unknown parameter" => Some(Reason::UnknownParameter),
            _ => None,
        };
        exact
            .or_else(|| parse_too_long(text))
            .or_else(|| {
                let quoted = between(text, "character ", &format!(" is not allowed {ALLOWED_CHARACTERS}"))?;
                Some(Reason::CharacterNotAllowed { quoted: quoted.to_owned() })
            })
            .or_else(|| {
                let (min, max) = two_numbers(between(text, "must be an integer from ", "")?)?;
                Some(Reason::IntegerRange { min, max })
            })
            .or_else(|| {
                let (min, max) = two_numbers(between(text, "must be ", " characters")?)?;
                Some(Reason::LengthRange { min, max })
            })
            .or_else(|| {
                let max = between(text, "must be a string of at most ", " bytes")?.parse().ok()?;
                Some(Reason::TokenTooLong { max })
            })
            .or_else(|| {
                let max = between(text, "at most ", " positional parameters")?.parse().ok()?;
                Some(Reason::TooManyPositional { max })
            })
    }
}

/// `must be at most N characters`, with or without ` (has M)`.
fn parse_too_long(text: &str) -> Option<Reason> {
    let rest = text.strip_prefix("must be at most ")?;
    let (max, tail) = rest.split_once(" characters")?;
    let max = max.parse().ok()?;
    if tail.is_empty() {
        return Some(Reason::TooLong { max });
    }
    let has = between(tail, " (has ", ")")?.parse().ok()?;
    Some(Reason::TooLongHas { max, has })
}

/// The text between `prefix` and `suffix`, when `text` is exactly that.
fn between<'a>(text: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?.strip_suffix(suffix)
}

/// `A to B` as two numbers.
fn two_numbers<T: std::str::FromStr>(text: &str) -> Option<(T, T)> {
    let (low, high) = text.split_once(" to ")?;
    Some((low.parse().ok()?, high.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind (keep in step with the enum: the match below fails
    /// to compile when a kind is added and not listed).
    fn one_of_each() -> Vec<Reason> {
        let all = vec![
            Reason::Required,
            Reason::Empty,
            Reason::NotAString,
            Reason::NotAnObject,
            Reason::TooLong { max: 32 },
            Reason::TooLongHas { max: 200, has: 201 },
            Reason::character_not_allowed(' '),
            Reason::character_not_allowed('\''),
            Reason::character_not_allowed('\u{7}'),
            Reason::character_not_allowed('ç'),
            Reason::ControlCharacters,
            Reason::BidiControls,
            Reason::NothingVisible,
            Reason::IntegerRange { min: 0, max: 1_000_000_000_000 },
            Reason::LengthRange { min: 1, max: 64 },
            Reason::TokenTooLong { max: 256 },
            Reason::UnknownField,
            Reason::UnknownParameter,
            Reason::TooManyPositional { max: 2 },
        ];
        for reason in &all {
            match reason {
                Reason::Required
                | Reason::Empty
                | Reason::NotAString
                | Reason::NotAnObject
                | Reason::TooLong { .. }
                | Reason::TooLongHas { .. }
                | Reason::CharacterNotAllowed { .. }
                | Reason::ControlCharacters
                | Reason::BidiControls
                | Reason::NothingVisible
                | Reason::IntegerRange { .. }
                | Reason::LengthRange { .. }
                | Reason::TokenTooLong { .. }
                | Reason::UnknownField
                | Reason::UnknownParameter
                | Reason::TooManyPositional { .. } => {}
            }
        }
        all
    }

    /// Every kind reads back from the sentence it writes.
    #[test]
    fn every_reason_reads_back_from_its_sentence() {
        for reason in one_of_each() {
            let sentence = reason.to_string();
            assert_eq!(Reason::parse(&sentence), Some(reason), "{sentence}");
        }
    }

    /// The sentences are the ones the protocol has always sent.
    #[test]
    fn sentences_on_the_wire() {
        assert_eq!(
            Reason::character_not_allowed(' ').to_string(),
            "character ' ' is not allowed (use A-Z a-z 0-9 . _ -)"
        );
        assert_eq!(
            Reason::TooLongHas { max: 200, has: 201 }.to_string(),
            "must be at most 200 characters (has 201)"
        );
        assert_eq!(
            Reason::IntegerRange { min: 1, max: 10000 }.to_string(),
            "must be an integer from 1 to 10000"
        );
    }

    /// Other servers' words, and near misses, are not mistaken for a kind.
    #[test]
    fn unknown_sentences_are_none() {
        for text in [
            "",
            "is wrong",
            "must be at most many characters",
            "must be at most 3 characters (has x)",
            "must be an integer from 0 to",
            "must be a to b characters",
            "at most -1 positional parameters",
            "must be at most 3 characters and more",
        ] {
            assert_eq!(Reason::parse(text), None, "{text:?}");
        }
    }
}
