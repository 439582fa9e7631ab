//! Money as the user sees it: reais with a comma (`R$ 1.234,56`), converted to
//! and from the protocol's integer cents exactly, never through a float.

/// `250` → `"R$ 2,50"`; thousands grouped with dots, as in Brazil. Prices
/// are in reais, so they are written the Brazilian way in every language.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let reais = crate::i18n::number(crate::i18n::Language::PtBr, (cents / 100) as i64);
    format!("{sign}R$ {reais},{:02}", cents % 100)
}

/// `250` → `"2,50"`: what the form shows when it edits a price.
pub fn cents_to_input(cents: i64) -> String {
    let cents = cents.unsigned_abs();
    format!("{},{:02}", cents / 100, cents % 100)
}

/// Why a typed price was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PriceError {
    Empty,
    Invalid,
    TooManyDecimals,
    TooLarge,
}

/// Reads a price typed by a person into cents: `2,50`, `2.50`, `R$ 1.234,56`,
/// `1,234.56`, `3`. The last `,` or `.` followed by one or two digits is the
/// decimal separator; other separators must group thousands.
pub fn parse_price(text: &str) -> Result<i64, PriceError> {
    let cleaned: String =
        text.trim().trim_start_matches("R$").chars().filter(|c| !c.is_whitespace()).collect();
    if cleaned.is_empty() {
        return Err(PriceError::Empty);
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(PriceError::Invalid);
    }
    let (whole, fraction) = split_decimal(&cleaned)?;
    let reais = parse_whole(whole)?;
    let cents = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| PriceError::Invalid)? * 10,
        2 => fraction.parse::<i64>().map_err(|_| PriceError::Invalid)?,
        _ => return Err(PriceError::TooManyDecimals),
    };
    reais.checked_mul(100).and_then(|r| r.checked_add(cents)).ok_or(PriceError::TooLarge)
}

/// Splits at the decimal separator, if there is one: the last separator when
/// both kinds appear; a lone separator followed by one or two digits; never a
/// separator followed by three digits (that one groups thousands).
fn split_decimal(text: &str) -> Result<(&str, &str), PriceError> {
    let Some(pos) = text.rfind([',', '.']) else { return Ok((text, "")) };
    let (before, after) = (&text[..pos], &text[pos + 1..]);
    let separator = text.as_bytes()[pos];
    let other = if separator == b',' { '.' } else { ',' };
    let repeated = before.bytes().any(|b| b == separator);
    match after.len() {
        1 | 2 if !repeated => Ok((before, after)),
        3 if !before.contains(other) => Ok((text, "")),
        n if n > 3 && !repeated => Err(PriceError::TooManyDecimals),
        _ => Err(PriceError::Invalid),
    }
}

/// The whole part, with optional thousands separators in groups of three.
fn parse_whole(text: &str) -> Result<i64, PriceError> {
    if text.is_empty() {
        return Ok(0);
    }
    let groups: Vec<&str> = text.split([',', '.']).collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok {
        return Err(PriceError::Invalid);
    }
    let digits: String = groups.concat();
    if digits.len() > 15 {
        return Err(PriceError::TooLarge);
    }
    digits.parse::<i64>().map_err(|_| PriceError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cents are shown as reais, Brazilian style.
    #[test]
    fn formats_reais() {
        assert_eq!(format_cents(250), "R$ 2,50");
        assert_eq!(format_cents(5), "R$ 0,05");
        assert_eq!(format_cents(123_456_789), "R$ 1.234.567,89");
        assert_eq!(cents_to_input(1999), "19,99");
    }

    /// Typed prices become exact cents, whichever separator the user likes.
    #[test]
    fn parses_typed_prices() {
        assert_eq!(parse_price("2,50"), Ok(250));
        assert_eq!(parse_price("2.50"), Ok(250));
        assert_eq!(parse_price("2,5"), Ok(250));
        assert_eq!(parse_price(" R$ 3 "), Ok(300));
        assert_eq!(parse_price("1.234,56"), Ok(123_456));
        assert_eq!(parse_price("1,234.56"), Ok(123_456));
        assert_eq!(parse_price("1.234"), Ok(123_400));
        assert_eq!(parse_price("0,10"), Ok(10));
        assert_eq!(parse_price("19.99"), Ok(1999));
        assert_eq!(parse_price(""), Err(PriceError::Empty));
        assert_eq!(parse_price("abc"), Err(PriceError::Invalid));
        assert_eq!(parse_price("-1"), Err(PriceError::Invalid));
        assert_eq!(parse_price("2,505"), Ok(250_500));
        assert_eq!(parse_price("2.5.0"), Err(PriceError::Invalid));
        assert_eq!(parse_price("1,2345"), Err(PriceError::TooManyDecimals));
        assert_eq!(parse_price("99999999999999999999"), Err(PriceError::TooLarge));
    }
}
