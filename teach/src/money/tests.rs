//! The price rules, one test each, and the round trip from formatted cents
//! back to cents in both styles.

use proptest::prelude::*;

use super::*;

fn parsed(texts: &[&str]) -> Vec<Result<i64, PriceError>> {
    texts.iter().map(|text| parse_price(text)).collect()
}

/// Cents are shown as reais, Brazilian style.
#[test]
fn formats_reais() {
    assert_eq!(format_cents(250), "R$ 2,50");
    assert_eq!(format_cents(5), "R$ 0,05");
    assert_eq!(format_cents(123_456_789), "R$ 1.234.567,89");
    assert_eq!(cents_to_input(1999), "19,99");
    assert_eq!(format_amount(123_456, Style::English), "1,234.56");
    assert_eq!(format_amount(123_456, Style::Portuguese), "1.234,56");
}

/// `.` and `,` both separate decimals, with one or two digits after them.
#[test]
fn either_mark_separates_decimals() {
    let texts = ["2,50", "2.50", "2,5", "2.5", "0,01", ",99", "0.1", "19.99", "3"];
    let cents = [250, 250, 250, 250, 1, 99, 10, 1999, 300];
    assert_eq!(parsed(&texts), cents.map(Ok));
}

/// Money never goes through a float: 0.29 and 1.15 stay exact (floats give 28 and 114).
#[test]
fn prices_are_exact() {
    assert_eq!(parsed(&["0.29", "1,15", "4.35"]), [Ok(29), Ok(115), Ok(435)]);
}

/// More than two decimal digits are refused, however they are written.
#[test]
fn at_most_two_decimals() {
    for text in ["1,2345", "0,505", ",505", "1234.567", "1.234,567", "1,234.567"] {
        assert_eq!(parse_price(text), Err(PriceError::TooManyDecimals), "{text}");
    }
}

/// Thousands may be grouped when the grouping cannot be misread: with the
/// other mark for decimals, with the same mark more than once, or with
/// spaces (no-break ones too).
#[test]
fn unambiguous_thousands_are_read() {
    let texts =
        ["1.234,56", "1,234.56", "1.234.567", "1,234,567", "1 234,56", "1\u{a0}234,56", "12.345.678,9"];
    let cents = [123_456, 123_456, 123_456_700, 123_456_700, 123_456, 123_456, 1_234_567_890];
    assert_eq!(parsed(&texts), cents.map(Ok));
}

/// One mark followed by exactly three digits could be thousands or
/// decimals: refused with a reason of its own, never guessed.
#[test]
fn one_mark_before_three_digits_is_ambiguous() {
    for text in ["2,505", "1.234", "123.456", "R$ 1.000"] {
        assert_eq!(parse_price(text), Err(PriceError::Ambiguous), "{text}");
    }
}

/// The currency symbol and spaces around it are allowed.
#[test]
fn currency_symbol_and_spaces_are_allowed() {
    let texts = [" R$ 3 ", "R$\u{a0}1.234,56", "R$1.234,56", "r$ 2,50", "$2.50", "+2,50"];
    assert_eq!(parsed(&texts), [300, 123_456, 123_456, 250, 250, 250].map(Ok));
}

/// A price is never negative, wherever the minus is written.
#[test]
fn negatives_are_refused() {
    for text in ["-1", "-2,50", "-R$ 2,50", "R$ -2,50", "-0"] {
        assert_eq!(parse_price(text), Err(PriceError::Negative), "{text}");
    }
}

/// Nothing written is empty; a symbol or a sign alone is not a number.
#[test]
fn empty_and_bare_symbols() {
    assert_eq!(parsed(&["", "   "]), [Err(PriceError::Empty), Err(PriceError::Empty)]);
    assert_eq!(parsed(&["R$", "-", "+"]), [Err(PriceError::NotANumber); 3]);
}

/// Letters, misplaced marks and bad grouping are not numbers.
#[test]
fn malformed_prices_are_not_numbers() {
    let texts = ["abc", "2.5.0", "1.23.4", "2,50,1", "12,34.567.890", "3.", "1.2,3", "2R$50", "1-2"];
    for text in texts {
        assert_eq!(parse_price(text), Err(PriceError::NotANumber), "{text}");
    }
}

/// More than fifteen digits of reais are too large; fifteen are not.
#[test]
fn too_large_prices() {
    assert_eq!(parse_price("99999999999999999999"), Err(PriceError::TooLarge));
    assert_eq!(parse_price("1.000.000.000.000.000"), Err(PriceError::TooLarge));
    assert_eq!(parse_price("999999999999999,99"), Ok(99_999_999_999_999_999));
    assert_eq!(parse_price("10000000000"), Ok(1_000_000_000_000));
}

proptest! {
    /// Any amount the app can hold, formatted in English or Portuguese
    /// style (with or without `R$`), reads back as the same cents.
    #[test]
    fn formatted_cents_read_back(cents in 0u64..100_000_000_000_000_000) {
        let signed = i64::try_from(cents).unwrap();
        prop_assert_eq!(parse_price(&format_amount(cents, Style::English)), Ok(signed));
        prop_assert_eq!(parse_price(&format_amount(cents, Style::Portuguese)), Ok(signed));
        prop_assert_eq!(parse_price(&format_cents(signed)), Ok(signed));
    }
}
