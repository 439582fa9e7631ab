//! Exact money and whole-number parsing for imported files: `2.50`, `2,50`,
//! `R$ 1.234,56`, `1,234.56` all become integer cents, without floats.

use super::reason::SkipReason;

/// Which mark a file uses for decimals; it only settles the one ambiguous
/// case, a single mark followed by three digits (`1.234`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `2.50`, thousands `1,234.50` (the app's own CSV).
    Point,
    /// `2,50`, thousands `1.234,50` (Brazilian spreadsheets).
    Comma,
}

impl DecimalMark {
    fn thousands(self) -> char {
        match self {
            DecimalMark::Point => ',',
            DecimalMark::Comma => '.',
        }
    }
}

/// A price in reais (`R$ 1.234,56`, `2.5`, `3`) to cents.
pub fn parse_price(raw: &str, hint: DecimalMark) -> Result<i64, SkipReason> {
    let not_a_number = || SkipReason::PriceNotANumber { raw: raw.to_owned() };
    let too_large = || SkipReason::PriceTooLarge { raw: raw.to_owned() };
    let text = strip_currency(raw);
    let (negative, digits) = split_sign(&text);
    if digits.is_empty() {
        return Err(if raw.trim().is_empty() { SkipReason::PriceEmpty } else { not_a_number() });
    }
    if !digits.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(not_a_number());
    }
    let (whole, fraction) = match decimal_mark_position(digits, hint) {
        Some(at) => (&digits[..at], &digits[at + 1..]),
        None => (digits, ""),
    };
    if whole.chars().filter(char::is_ascii_digit).count() > 15 {
        return Err(too_large());
    }
    let thousands = if whole.contains('.') { '.' } else { ',' };
    let reais = parse_grouped(whole, thousands).ok_or_else(not_a_number)?;
    if fraction.len() > 2 {
        return Err(SkipReason::PriceTooManyDecimals { raw: raw.to_owned() });
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(not_a_number());
    }
    let cents: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let total = reais.checked_mul(100).and_then(|r| r.checked_add(cents)).ok_or_else(too_large)?;
    Ok(if negative { -total } else { total })
}

/// A whole number (`40`, `1.000` with a comma mark, `-3`); empty gives `None`.
pub fn parse_whole(raw: &str, column: &'static str, hint: DecimalMark) -> Result<Option<i64>, SkipReason> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = split_sign(text);
    let value = parse_grouped(digits, hint.thousands())
        .ok_or_else(|| SkipReason::NotWholeNumber { column, raw: raw.to_owned() })?;
    Ok(Some(if negative { -value } else { value }))
}

/// Drops `R$`, `$` and every kind of space (spreadsheets use no-break spaces),
/// wherever they are: `R$ -2,50` and `-R$ 2,50` both read.
fn strip_currency(raw: &str) -> String {
    let without_symbol = raw.replace("R$", "").replace("r$", "").replace('$', "");
    without_symbol.chars().filter(|c| !c.is_whitespace()).collect()
}

fn split_sign(text: &str) -> (bool, &str) {
    match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    }
}

/// Where the decimal mark is, if there is one. With both marks the last one
/// is decimal; a single mark is decimal unless it groups thousands.
fn decimal_mark_position(digits: &str, hint: DecimalMark) -> Option<usize> {
    let (comma, point) = (digits.rfind(','), digits.rfind('.'));
    let last = match (comma, point) {
        (Some(c), Some(p)) => return Some(c.max(p)),
        (Some(at), None) | (None, Some(at)) => at,
        (None, None) => return None,
    };
    let mark = digits[last..].chars().next()?;
    let occurrences = digits.matches(mark).count();
    let after = digits.len() - last - 1;
    let groups_thousands = occurrences > 1 || (after == 3 && mark == hint.thousands());
    if groups_thousands { None } else { Some(last) }
}

/// Digits, optionally grouped by threes with `thousands` (`1.234.567`).
fn parse_grouped(text: &str, thousands: char) -> Option<i64> {
    if text.is_empty() {
        return Some(0);
    }
    let groups: Vec<&str> = text.split(thousands).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped {
        return None;
    }
    let mut value: i64 = 0;
    for c in groups.concat().chars() {
        let digit = i64::from(c.to_digit(10)?);
        value = value.checked_mul(10)?.checked_add(digit)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::DecimalMark::{Comma, Point};
    use super::*;

    /// Every common way of writing a price becomes the exact number of cents.
    #[test]
    fn prices_in_many_styles() {
        let cases = [
            ("2.50", Point, 250),
            ("2,50", Comma, 250),
            ("2,5", Comma, 250),
            ("2.5", Comma, 250),
            ("R$ 1.234,56", Comma, 123_456),
            ("R$\u{a0}1.234,56", Comma, 123_456),
            ("1,234.56", Point, 123_456),
            ("1.234", Comma, 123_400),
            ("1.234.567", Comma, 123_456_700),
            ("3", Point, 300),
            (" 0,01 ", Comma, 1),
            (",99", Comma, 99),
            ("0.1", Point, 10),
            ("19.99", Point, 1999),
            ("10000000000", Point, 1_000_000_000_000),
        ];
        for (text, hint, cents) in cases {
            assert_eq!(parse_price(text, hint), Ok(cents), "{text}");
        }
    }

    /// Money never goes through a float: 0.29 and 1.15 stay exact (floats give 28 and 114).
    #[test]
    fn prices_are_exact() {
        assert_eq!(parse_price("0.29", Point), Ok(29));
        assert_eq!(parse_price("1,15", Comma), Ok(115));
        assert_eq!(parse_price("4.35", Point), Ok(435));
    }

    /// Bad prices get a reason that quotes the text.
    #[test]
    fn bad_prices_are_explained() {
        let why = |text: &str, hint| parse_price(text, hint).unwrap_err().to_string();
        assert_eq!(why("abc", Comma), "price is not a number: 'abc'");
        assert_eq!(parse_price("", Comma), Err(SkipReason::PriceEmpty));
        assert_eq!(why("2,505", Comma), "price has more than 2 decimal places: '2,505'");
        assert_eq!(why("1.234", Point), "price has more than 2 decimal places: '1.234'");
        assert!(parse_price("1.23.4", Comma).is_err());
        assert!(parse_price("2,50,1", Comma).is_err());
        assert!(why("99999999999999999999", Point).contains("too large"));
        assert_eq!(parse_price("-2,50", Comma), Ok(-250));
        assert_eq!(parse_price("-R$ 2,50", Comma), Ok(-250));
        assert_eq!(parse_price("R$ -2,50", Comma), Ok(-250));
        assert_eq!(why("R$", Comma), "price is not a number: 'R$'");
    }

    /// Quantities accept thousands groups of the file's style and nothing fractional.
    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("40", "quantity", Point), Ok(Some(40)));
        assert_eq!(parse_whole("1.000", "quantity", Comma), Ok(Some(1000)));
        assert_eq!(parse_whole("1,000", "quantity", Point), Ok(Some(1000)));
        assert_eq!(parse_whole("  ", "quantity", Point), Ok(None));
        assert_eq!(
            parse_whole("2,5", "quantity", Comma),
            Err(SkipReason::NotWholeNumber { column: "quantity", raw: "2,5".into() })
        );
        assert_eq!(parse_whole("-1", "quantity", Point), Ok(Some(-1)));
    }
}
