//! Why a field broke a rule: the `reason` of a `-32602` error.
//!
//! The wire carries an English sentence. Each sentence is written once, as
//! data: `FIXED` for the sentences without numbers, and the pieces around
//! the numbers for the others. [`Display`](std::fmt::Display) writes them,
//! and [`Reason::parse`] reads a sentence back into its kind with the same
//! pieces, so a client can say the same thing in its user's language
//! without the protocol changing.

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

/// The sentences without numbers.
const FIXED: [(Reason, &str); 9] = [
    (Reason::Required, "is required"),
    (Reason::Empty, "must not be empty"),
    (Reason::NotAString, "must be a string"),
    (Reason::NotAnObject, "must be an object"),
    (Reason::ControlCharacters, "must not contain control characters"),
    (Reason::BidiControls, "must not contain bidirectional control characters"),
    (Reason::NothingVisible, "must contain a visible character"),
    (Reason::UnknownField, "unknown field"),
    (Reason::UnknownParameter, "unknown parameter"),
];

/// The pieces around one value: `before {value} after`.
type Around = (&'static str, &'static str);
/// The pieces around two values: `before {a} between {b} after`.
type AroundTwo = (&'static str, &'static str, &'static str);

const TOO_LONG: Around = ("must be at most ", " characters");
/// Follows [`TOO_LONG`] in [`Reason::TooLongHas`].
const HAS: Around = (" (has ", ")");
const CHARACTER: Around = ("character ", " is not allowed (use A-Z a-z 0-9 . _ -)");
const INTEGER_RANGE: AroundTwo = ("must be an integer from ", " to ", "");
const LENGTH_RANGE: AroundTwo = ("must be ", " to ", " characters");
const TOKEN_TOO_LONG: Around = ("must be a string of at most ", " bytes");
const TOO_MANY_POSITIONAL: Around = ("at most ", " positional parameters");

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::TooLong { max } => one(f, TOO_LONG, max),
            Reason::TooLongHas { max, has } => {
                one(f, TOO_LONG, max)?;
                one(f, HAS, has)
            }
            Reason::CharacterNotAllowed { quoted } => one(f, CHARACTER, quoted),
            Reason::IntegerRange { min, max } => two(f, INTEGER_RANGE, min, max),
            Reason::LengthRange { min, max } => two(f, LENGTH_RANGE, min, max),
            Reason::TokenTooLong { max } => one(f, TOKEN_TOO_LONG, max),
            Reason::TooManyPositional { max } => one(f, TOO_MANY_POSITIONAL, max),
            fixed => f.write_str(FIXED.iter().find(|(kind, _)| kind == fixed).map_or("", |(_, text)| text)),
        }
    }
}

fn one(f: &mut fmt::Formatter<'_>, (before, after): Around, value: impl fmt::Display) -> fmt::Result {
    write!(f, "{before}{value}{after}")
}

fn two(
    f: &mut fmt::Formatter<'_>,
    (before, between, after): AroundTwo,
    a: impl fmt::Display,
    b: impl fmt::Display,
) -> fmt::Result {
    write!(f, "{before}{a}{between}{b}{after}")
}

impl Reason {
    /// A character that is not allowed in a code.
    pub fn character_not_allowed(bad: char) -> Reason {
        Reason::CharacterNotAllowed { quoted: format!("{bad:?}") }
    }

    /// The reason a sentence on the wire names; `None` for a sentence this
    /// version does not write (another server's own words).
    pub fn parse(text: &str) -> Option<Reason> {
        let fixed = FIXED.iter().find(|(_, sentence)| *sentence == text).map(|(kind, _)| kind.clone());
        fixed
            .or_else(|| parse_too_long(text))
            .or_else(|| Some(Reason::CharacterNotAllowed { quoted: inside(text, CHARACTER)?.to_owned() }))
            .or_else(|| {
                let (min, max) = two_numbers(text, INTEGER_RANGE)?;
                Some(Reason::IntegerRange { min, max })
            })
            .or_else(|| {
                let (min, max) = two_numbers(text, LENGTH_RANGE)?;
                Some(Reason::LengthRange { min, max })
            })
            .or_else(|| Some(Reason::TokenTooLong { max: inside(text, TOKEN_TOO_LONG)?.parse().ok()? }))
            .or_else(|| {
                Some(Reason::TooManyPositional { max: inside(text, TOO_MANY_POSITIONAL)?.parse().ok()? })
            })
    }
}

/// [`TOO_LONG`], with or without [`HAS`] after it.
fn parse_too_long(text: &str) -> Option<Reason> {
    let rest = text.strip_prefix(TOO_LONG.0)?;
    let (max, tail) = rest.split_once(TOO_LONG.1)?;
    let max = max.parse().ok()?;
    if tail.is_empty() {
        return Some(Reason::TooLong { max });
    }
    let has = inside(tail, HAS)?.parse().ok()?;
    Some(Reason::TooLongHas { max, has })
}

/// The value between the pieces, when `text` is exactly that.
fn inside(text: &str, (before, after): Around) -> Option<&str> {
    text.strip_prefix(before)?.strip_suffix(after)
}

/// The two numbers between the pieces, when `text` is exactly that.
fn two_numbers<T: std::str::FromStr>(text: &str, (before, between, after): AroundTwo) -> Option<(T, T)> {
    let (low, high) = inside(text, (before, after))?.split_once(between)?;
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
