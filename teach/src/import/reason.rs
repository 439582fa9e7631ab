//! Why a record was skipped, or a whole file refused: kinds with the values
//! they quote, so the app can say them in its user's language. `Display`
//! gives the English sentence.

use std::fmt;

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

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Rule(error) => write!(f, "{error}"),
            SkipReason::Price { error, raw } => write_price_error(f, *error, raw),
            SkipReason::NotWholeNumber { column, raw } => {
                write!(f, "{column} is not a whole number: '{raw}'")
            }
            SkipReason::ColumnEmpty { column } => write!(f, "{column} is empty"),
            SkipReason::FieldCount { has, header } => {
                write!(f, "the row has {has} fields but the header has {header}")
            }
            SkipReason::UnclosedQuote => f.write_str("a quoted field is never closed"),
            SkipReason::PriceMismatch { price, price_cents } => {
                write!(f, "price '{price}' and price_cents '{price_cents}' disagree")
            }
            SkipReason::Duplicate { code, unit, first } => {
                let unit = match unit {
                    Unit::Line => "line",
                    Unit::Item => "item",
                };
                write!(f, "duplicate code '{code}' (first on {unit} {first})")
            }
        }
    }
}

impl SkipReason {
    /// A price that was not read: why, and what was written.
    pub fn price(error: PriceError, raw: &str) -> SkipReason {
        SkipReason::Price { error, raw: raw.to_owned() }
    }
}

/// The English words for a price that was not read.
fn write_price_error(f: &mut fmt::Formatter<'_>, error: PriceError, raw: &str) -> fmt::Result {
    match error {
        PriceError::Empty => f.write_str("price is empty"),
        PriceError::NotANumber => write!(f, "price is not a number: '{raw}'"),
        PriceError::Negative => write!(f, "price is negative: '{raw}'"),
        PriceError::TooManyDecimals => write!(f, "price has more than 2 decimal places: '{raw}'"),
        PriceError::Ambiguous => write!(f, "price is ambiguous (thousands or decimals?): '{raw}'"),
        PriceError::TooLarge => write!(f, "price is too large: '{raw}'"),
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

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("the file is empty"),
            ImportError::NotJson { cause, line, column } => {
                write!(f, "the file is not valid JSON: {cause} (line {line}, column {column})")
            }
            ImportError::NotAnArray => f.write_str("expected a JSON array of products"),
            ImportError::MissingColumn { column, header } => {
                let name = match column {
                    Column::Code => "'code'",
                    Column::Name => "'name'",
                    Column::Price => "'price_cents' or 'price'",
                };
                write!(f, "the header has no {name} column (it has: {})", header.join(", "))
            }
        }
    }
}

impl std::error::Error for ImportError {}
