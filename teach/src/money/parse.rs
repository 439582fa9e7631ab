//! Reading a price written by a person or a spreadsheet into cents, with
//! one set of rules wherever it comes from:
//!
//! - a price is never negative;
//! - `.` or `,` separates at most two decimal digits (`2,50`, `2.5`, `,99`);
//! - the other mark (or spaces, no-break ones too) may group thousands when
//!   that cannot be misread: `1.234,56`, `1,234.56`, `1.234.567`,
//!   `R$ 1 234,56`;
//! - one mark followed by exactly three digits (`2,505`, `1.234`) could be
//!   either, so it is refused as [`PriceError::Ambiguous`] rather than
//!   guessed.
//!
//! Failures are kinds ([`PriceError`]); the app says them in its user's words.

/// Why a written price was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceError {
    /// Nothing written.
    Empty,
    /// Not a number: letters, a misplaced mark, badly grouped thousands.
    NotANumber,
    /// Below zero (a leading `-`).
    Negative,
    /// More than two digits after the decimal mark.
    TooManyDecimals,
    /// One mark followed by exactly three digits: thousands or decimals?
    Ambiguous,
    /// More than fifteen digits of reais.
    TooLarge,
}

/// The most digits the reais may have (a total that fits in an `i64` of cents).
const MAX_WHOLE_DIGITS: usize = 15;

/// A price (`2,50`, `2.5`, `R$ 1.234,56`, `1,234.56`, `3`) in cents.
pub fn parse_price(text: &str) -> Result<i64, PriceError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(PriceError::Empty);
    }
    let (negative, amount) = split_sign_and_currency(&compact);
    let cents = parse_amount(amount)?;
    if negative { Err(PriceError::Negative) } else { Ok(cents) }
}

/// Takes off a sign and a currency symbol, in either order (`-R$2,50`,
/// `R$-2,50`); says whether the sign was a minus.
fn split_sign_and_currency(text: &str) -> (bool, &str) {
    let (negative, rest) = split_sign(text);
    let rest = strip_currency(rest);
    if negative {
        return (true, rest);
    }
    split_sign(rest)
}

fn split_sign(text: &str) -> (bool, &str) {
    match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    }
}

fn strip_currency(text: &str) -> &str {
    ["R$", "r$", "$"].iter().find_map(|symbol| text.strip_prefix(symbol)).unwrap_or(text)
}

/// Digits and marks only, no sign: the amount in cents.
fn parse_amount(text: &str) -> Result<i64, PriceError> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(PriceError::NotANumber);
    }
    let (whole, fraction) = split_decimal(text)?;
    let reais = parse_whole(whole)?;
    let cents = parse_fraction(fraction);
    reais.checked_mul(100).and_then(|r| r.checked_add(cents)).ok_or(PriceError::TooLarge)
}

/// Splits at the decimal mark, if there is one: the last mark, unless that
/// mark appears more than once (then it groups thousands).
fn split_decimal(text: &str) -> Result<(&str, &str), PriceError> {
    let Some(at) = text.rfind([',', '.']) else { return Ok((text, "")) };
    let (before, after) = (&text[..at], &text[at + 1..]);
    let mark = &text[at..=at];
    if before.contains(mark) {
        return Ok((text, ""));
    }
    match after.len() {
        0 => Err(PriceError::NotANumber),
        1 | 2 => Ok((before, after)),
        3 if could_group_thousands(before) => Err(PriceError::Ambiguous),
        _ => Err(PriceError::TooManyDecimals),
    }
}

/// Whether `before` could be the first group of a thousands grouping, that
/// is 1 to 3 digits, not starting with 0, and no other mark (`2` in `2,505`;
/// not `0` in `0,505`, `1.234` in `1.234,567` nor `1234` in `1234.567`).
fn could_group_thousands(before: &str) -> bool {
    (1..=3).contains(&before.len()) && !before.starts_with('0') && before.chars().all(|c| c.is_ascii_digit())
}

/// The reais: digits, maybe grouped by threes with one kind of mark.
fn parse_whole(text: &str) -> Result<i64, PriceError> {
    if text.is_empty() {
        return Ok(0);
    }
    if text.contains(',') && text.contains('.') {
        return Err(PriceError::NotANumber);
    }
    let groups: Vec<&str> = text.split([',', '.']).collect();
    let well_grouped =
        groups.len() == 1 || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped {
        return Err(PriceError::NotANumber);
    }
    let digits = groups.concat();
    if digits.len() > MAX_WHOLE_DIGITS {
        return Err(PriceError::TooLarge);
    }
    digits.parse().map_err(|_| PriceError::NotANumber)
}

/// One or two decimal digits (checked by [`split_decimal`]) as cents.
fn parse_fraction(fraction: &str) -> i64 {
    format!("{fraction:0<2}").parse().unwrap_or(0)
}
