//! Numbers in each language's style: the one place that knows that English
//! writes `1,234.5` and Portuguese and Spanish `1.234,5`.
//!
//! Spanish follows the South American and Spanish custom (decimal comma,
//! point between thousands), which is also how Lojinha's prices in reais
//! are written.

use crate::language::Language;

impl Language {
    /// The mark between groups of three digits.
    pub fn group_separator(self) -> char {
        match self {
            Language::En => ',',
            Language::PtBr | Language::Es => '.',
        }
    }

    /// The mark before the decimals.
    pub fn decimal_separator(self) -> char {
        match self {
            Language::En => '.',
            Language::PtBr | Language::Es => ',',
        }
    }
}

/// A whole number with its thousands grouped: `1,000,000` (English),
/// `1.000.000` (Português, Español).
pub fn number(language: Language, n: i64) -> String {
    let digits = group(&n.unsigned_abs().to_string(), language.group_separator());
    if n < 0 { format!("-{digits}") } else { digits }
}

/// `value` with exactly `places` decimals, thousands grouped: `6.50`
/// (English), `6,50` (Português, Español).
pub fn decimal(language: Language, value: f64, places: usize) -> String {
    format_parts(language, value, places, places, true)
}

/// `value` with at least `min` and at most `max` decimals (trailing zeros
/// past `min` dropped), grouped when `grouping`.
pub(crate) fn format_parts(language: Language, value: f64, min: usize, max: usize, grouping: bool) -> String {
    let max = max.max(min);
    let text = format!("{:.*}", max, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut fraction = fraction.to_owned();
    while fraction.len() > min && fraction.ends_with('0') {
        fraction.pop();
    }
    let whole = if grouping { group(whole, language.group_separator()) } else { whole.to_owned() };
    let negative = value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{}{fraction}", language.decimal_separator())
    }
}

/// `1234567` → `1.234.567` with `separator` between groups of three.
fn group(digits: &str, separator: char) -> String {
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(separator);
        }
        text.push(digit);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Thousands are grouped with the language's mark, signs kept.
    #[test]
    fn whole_numbers_are_grouped() {
        assert_eq!(number(Language::En, 1_000_000), "1,000,000");
        assert_eq!(number(Language::PtBr, 1_000_000), "1.000.000");
        assert_eq!(number(Language::Es, -1234), "-1.234");
        assert_eq!(number(Language::En, 999), "999");
        assert_eq!(number(Language::En, 0), "0");
        assert_eq!(number(Language::En, i64::MIN), "-9,223,372,036,854,775,808");
    }

    /// Decimals take the language's decimal mark and keep their places.
    #[test]
    fn decimals_use_the_languages_mark() {
        assert_eq!(decimal(Language::En, 6.5, 2), "6.50");
        assert_eq!(decimal(Language::PtBr, 6.5, 2), "6,50");
        assert_eq!(decimal(Language::Es, 1234.125, 3), "1.234,125");
        assert_eq!(decimal(Language::En, 3.0, 0), "3");
        assert_eq!(decimal(Language::En, -0.0001, 2), "0.00");
        assert_eq!(format_parts(Language::En, 2.5, 0, 3, true), "2.5");
        assert_eq!(format_parts(Language::PtBr, 5050.0, 0, 0, false), "5050");
    }
}
