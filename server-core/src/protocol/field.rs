//! A field that broke a rule, and which rule: what a `-32602` error's
//! `data` carries (`field`, `reason`).

use super::reason::Reason;

/// A field that broke a rule: becomes `-32602` with `data: {field, reason}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: Reason,
}

impl FieldError {
    pub fn new(field: &str, reason: Reason) -> Self {
        FieldError { field: field.to_owned(), reason }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}
