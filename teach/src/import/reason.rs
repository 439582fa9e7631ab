//! Why a record was skipped, or a whole file refused: kinds with the values
//! they quote, so the app can say them in its user's language. `Display`
//! gives the English sentence, from the words files like every other.

use std::fmt;

use crate::i18n::{Language, tr, trf};

use lojinha_server::protocol::FieldError;

use crate::money::PriceError;

/// Where a duplicate's first copy is: a CSV line or a JSON array item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Line,
    Item,
}

/// Why one record of a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A rule of the protocol (the same the server would answer with).
    Rule(FieldError),
    /// The price in reais, as written (`raw`), was not read.
    Price {
        error: PriceError,
        raw: String,
    },
    /// `column` holds something other than a whole number.
    NotWholeNumber {
        column: &'static str,
        raw: String,
    },
    /// A required number column is empty in this row.
    ColumnEmpty {
        column: &'static str,
    },
    /// The row is shorter than the header.
    FieldCount {
        has: usize,
        header: usize,
    },
    UnclosedQuote,
    /// Both price columns are filled and say different prices (one was
    /// edited in a spreadsheet, the other not): `price` as written, and
    /// `price_cents`.
    PriceMismatch {
        price: String,
        price_cents: i64,
    },
    /// The code already appeared at `first` (a line or an item).
    Duplicate {
        code: String,
        unit: Unit,
        first: usize,
    },
}

/// The English sentence, from the same messages the app says in the user's
/// language (`skip-*` in the words files), with fields and columns by their
/// wire names and rules in the protocol's own words.
impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let en = Language::En;
        let text = match self {
            SkipReason::Rule(error) => {
                trf(en, "skip-rule", &[("field", &error.field), ("reason", &error.reason.to_string())])
            }
            SkipReason::Price { error, raw } => trf(en, price_id(*error), &[("raw", raw)]),
            SkipReason::NotWholeNumber { column, raw } => {
                trf(en, "skip-not_whole", &[("column", column), ("raw", raw)])
            }
            SkipReason::ColumnEmpty { column } => trf(en, "skip-column_empty", &[("column", column)]),
            SkipReason::FieldCount { has, header } => {
                trf(en, "skip-field_count", &[("has", has), ("header", header)])
            }
            SkipReason::UnclosedQuote => tr(en, "skip-unclosed_quote"),
            SkipReason::PriceMismatch { price, price_cents } => {
                trf(en, "skip-price_mismatch", &[("price", price), ("cents", &price_cents.to_string())])
            }
            SkipReason::Duplicate { code, unit, first } => {
                trf(en, unit.duplicate_id(), &[("code", code), ("first", &first.to_string())])
            }
        };
        f.write_str(&text)
    }
}

impl SkipReason {
    /// A price that was not read: why, and what was written.
    pub fn price(error: PriceError, raw: &str) -> SkipReason {
        SkipReason::Price { error, raw: raw.to_owned() }
    }
}

/// The message for a price that was not read (it quotes the price as `raw`).
pub fn price_id(error: PriceError) -> &'static str {
    match error {
        PriceError::Empty => "skip-price_empty",
        PriceError::NotANumber => "skip-price_not_number",
        PriceError::Negative => "skip-price_negative",
        PriceError::TooManyDecimals => "skip-price_decimals",
        PriceError::Ambiguous => "skip-price_ambiguous",
        PriceError::TooLarge => "skip-price_too_large",
    }
}

impl Unit {
    /// The message for a duplicate first seen in this unit.
    pub fn duplicate_id(self) -> &'static str {
        match self {
            Unit::Line => "skip-duplicate_line",
            Unit::Item => "skip-duplicate_item",
        }
    }
}

/// A column the importer needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Code,
    Name,
    /// `price_cents` or `price` (in reais).
    Price,
}

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but blank lines.
    Empty,
    /// Not JSON: the parser's complaint (`trailing comma`), and where.
    NotJson { cause: String, line: usize, column: usize },
    /// JSON, but neither an array of products nor an object with one.
    NotAnArray,
    /// The header lacks a needed column; `header` is what it has.
    MissingColumn { column: Column, header: Vec<String> },
}

/// The English sentence, from the same messages the app uses (`skip-*`).
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let en = Language::En;
        let text = match self {
            ImportError::Empty => tr(en, "skip-file_empty"),
            ImportError::NotJson { cause, line, column } => trf(
                en,
                "skip-not_json",
                &[("what", cause), ("line", &line.to_string()), ("column", &column.to_string())],
            ),
            ImportError::NotAnArray => tr(en, "skip-not_array"),
            ImportError::MissingColumn { column, header } => {
                let column = tr(en, column.name_id());
                trf(en, "skip-missing_column", &[("column", &column), ("header", &header.join(", "))])
            }
        };
        f.write_str(&text)
    }
}

impl Column {
    /// The message that names this column in a "missing column" sentence.
    pub fn name_id(self) -> &'static str {
        match self {
            Column::Code => "skip-column_code",
            Column::Name => "skip-column_name",
            Column::Price => "skip-column_price",
        }
    }
}

impl std::error::Error for ImportError {}
