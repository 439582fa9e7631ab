//! Money as people write it, converted to and from the protocol's integer
//! cents exactly, never through a float: one parser ([`parse_price`]) for
//! every place a person or a file gives a price (the product form, CSV and
//! JSON imports), and the formats the app shows.

mod parse;

pub use parse::{PriceError, parse_price};

/// How an amount's digits are grouped and split from the cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `1,234.56`
    English,
    /// `1.234,56`
    Portuguese,
}

impl Style {
    fn marks(self) -> (char, char) {
        match self {
            Style::English => (',', '.'),
            Style::Portuguese => ('.', ','),
        }
    }
}

/// `123456` → `"1.234,56"` (Portuguese) or `"1,234.56"` (English): thousands
/// grouped, always two decimals.
pub fn format_amount(cents: u64, style: Style) -> String {
    let (thousands, decimal) = style.marks();
    format!("{}{decimal}{:02}", group_thousands(cents / 100, thousands), cents % 100)
}

/// `250` → `"R$ 2,50"`; thousands grouped with dots, as in Brazil.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}R$ {}", format_amount(cents.unsigned_abs(), Style::Portuguese))
}

/// `250` → `"2,50"`: what the form shows when it edits a price.
pub fn cents_to_input(cents: i64) -> String {
    let cents = cents.unsigned_abs();
    format!("{},{:02}", cents / 100, cents % 100)
}

/// `1234567` → `"1.234.567"` with `separator` between groups of three.
pub fn group_thousands(mut n: u64, separator: char) -> String {
    let mut groups = Vec::new();
    loop {
        groups.push(n % 1000);
        n /= 1000;
        if n == 0 {
            break;
        }
    }
    let mut text = groups.pop().map(|g| g.to_string()).unwrap_or_default();
    while let Some(group) = groups.pop() {
        text.push_str(&format!("{separator}{group:03}"));
    }
    text
}

#[cfg(test)]
mod tests;
