//! File problems in the user's language: why an imported record was
//! skipped, why a whole file was refused, and why a file could not be read
//! or written.

use lojinha_teach::import::{ImportError, SkipReason, price_id};

use crate::client::describe::{describe_field, describe_json_complaint, describe_rule};
use crate::i18n::{Language, tr, trf};

/// Why one record of an imported file was left out.
pub fn describe_skip(reason: &SkipReason, lang: Language) -> String {
    match reason {
        SkipReason::Rule(error) => {
            let field = describe_field(&error.field, lang);
            trf(lang, "skip-rule", &[("field", &field), ("reason", &describe_rule(&error.reason, lang))])
        }
        SkipReason::Price { error, raw } => trf(lang, price_id(*error), &[("raw", raw)]),
        SkipReason::NotWholeNumber { column, raw } => {
            trf(lang, "skip-not_whole", &[("column", &describe_field(column, lang)), ("raw", raw)])
        }
        SkipReason::ColumnEmpty { column } => {
            trf(lang, "skip-column_empty", &[("column", &describe_field(column, lang))])
        }
        SkipReason::FieldCount { has, header } => {
            trf(lang, "skip-field_count", &[("has", &has), ("header", &header)])
        }
        SkipReason::UnclosedQuote => tr(lang, "skip-unclosed_quote"),
        SkipReason::PriceMismatch { price, price_cents } => {
            trf(lang, "skip-price_mismatch", &[("price", price), ("cents", &price_cents.to_string())])
        }
        SkipReason::Duplicate { code, unit, first } => {
            trf(lang, unit.duplicate_id(), &[("code", code), ("first", &first.to_string())])
        }
    }
}

/// Why a whole file could not be imported.
pub fn describe_import_error(error: &ImportError, lang: Language) -> String {
    match error {
        ImportError::Empty => tr(lang, "skip-file_empty"),
        ImportError::NotJson { cause, line, column } => trf(
            lang,
            "skip-not_json",
            &[
                ("what", &describe_json_complaint(cause, lang)),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
            ],
        ),
        ImportError::NotAnArray => tr(lang, "skip-not_array"),
        ImportError::MissingColumn { column, header } => {
            let column = tr(lang, column.name_id());
            trf(lang, "skip-missing_column", &[("column", &column), ("header", &header.join(", "))])
        }
    }
}

/// A file that could not be opened, read or written.
pub fn describe_io(error: &std::io::Error, lang: Language) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => tr(lang, "file-not_found"),
        ErrorKind::PermissionDenied => tr(lang, "file-permission"),
        ErrorKind::IsADirectory => tr(lang, "file-is_directory"),
        ErrorKind::StorageFull => tr(lang, "file-disk_full"),
        _ => trf(lang, "file-other", &[("detail", &error.to_string())]),
    }
}
