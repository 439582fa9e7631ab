//! File problems in the user's language: why an imported record was
//! skipped, why a whole file was refused, and why a file could not be read
//! or written.

use lojinha_teach::import::{Column, ImportError, SkipReason, Unit};
use lojinha_teach::money::PriceError;

use crate::client::describe::{describe_field, describe_json_complaint, describe_rule};
use crate::i18n::{tr, trf};

/// Why one record of an imported file was left out.
pub fn describe_skip(reason: &SkipReason) -> String {
    match reason {
        SkipReason::Rule(error) => {
            let field = describe_field(&error.field);
            trf("skip.rule", &[("field", &field), ("reason", &describe_rule(&error.reason))])
        }
        SkipReason::Price { error, raw } => describe_price_skip(*error, raw),
        SkipReason::NotWholeNumber { column, raw } => {
            trf("skip.not_whole", &[("column", &describe_field(column)), ("raw", raw)])
        }
        SkipReason::ColumnEmpty { column } => {
            trf("skip.column_empty", &[("column", &describe_field(column))])
        }
        SkipReason::FieldCount { has, header } => {
            trf("skip.field_count", &[("has", &has.to_string()), ("header", &header.to_string())])
        }
        SkipReason::UnclosedQuote => tr("skip.unclosed_quote").to_owned(),
        SkipReason::PriceMismatch { price, price_cents } => {
            trf("skip.price_mismatch", &[("price", price), ("cents", &price_cents.to_string())])
        }
        SkipReason::Duplicate { code, unit, first } => {
            let key = match unit {
                Unit::Line => "skip.duplicate_line",
                Unit::Item => "skip.duplicate_item",
            };
            trf(key, &[("code", code), ("first", &first.to_string())])
        }
    }
}

/// Why a price in reais was not read, with what was written.
fn describe_price_skip(error: PriceError, raw: &str) -> String {
    let key = match error {
        PriceError::Empty => return tr("skip.price_empty").to_owned(),
        PriceError::NotANumber => "skip.price_not_number",
        PriceError::Negative => "skip.price_negative",
        PriceError::TooManyDecimals => "skip.price_decimals",
        PriceError::Ambiguous => "skip.price_ambiguous",
        PriceError::TooLarge => "skip.price_too_large",
    };
    trf(key, &[("raw", raw)])
}

/// Why a whole file could not be imported.
pub fn describe_import_error(error: &ImportError) -> String {
    match error {
        ImportError::Empty => tr("skip.file_empty").to_owned(),
        ImportError::NotJson { cause, line, column } => trf(
            "skip.not_json",
            &[
                ("what", &describe_json_complaint(cause)),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
            ],
        ),
        ImportError::NotAnArray => tr("skip.not_array").to_owned(),
        ImportError::MissingColumn { column, header } => {
            let column = match column {
                Column::Code => tr("skip.column_code"),
                Column::Name => tr("skip.column_name"),
                Column::Price => tr("skip.column_price"),
            };
            trf("skip.missing_column", &[("column", column), ("header", &header.join(", "))])
        }
    }
}

/// A file that could not be opened, read or written.
pub fn describe_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => tr("file.not_found").to_owned(),
        ErrorKind::PermissionDenied => tr("file.permission").to_owned(),
        ErrorKind::IsADirectory => tr("file.is_directory").to_owned(),
        ErrorKind::StorageFull => tr("file.disk_full").to_owned(),
        _ => trf("file.other", &[("detail", &error.to_string())]),
    }
}
