//! Whole numbers in imported files (quantities, `price_cents`): `40`,
//! `-3`, and thousands grouped in the file's style (`1.000` in a file that
//! writes decimals with a comma). Prices in reais are read by
//! [`crate::money::parse_price`].

use super::reason::SkipReason;

/// Which mark a file uses for decimals (its separator tells: `,`-separated
/// files write `2.50`, `;`-separated ones `2,50`); the other mark groups
/// thousands in its whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `2.50`, thousands `1,234` (the app's own CSV).
    Point,
    /// `2,50`, thousands `1.234` (Brazilian spreadsheets).
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

/// A whole number (`40`, `1.000` with a comma mark, `-3`); empty gives `None`.
pub fn parse_whole(raw: &str, column: &'static str, hint: DecimalMark) -> Result<Option<i64>, SkipReason> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let value = parse_grouped(digits, hint.thousands())
        .ok_or_else(|| SkipReason::NotWholeNumber { column, raw: raw.to_owned() })?;
    Ok(Some(if negative { -value } else { value }))
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
