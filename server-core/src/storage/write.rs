//! A write to the catalog and what it did, as the writer thread and the
//! server see them.

use super::failure::StorageFailure;
use crate::protocol::product::Product;

/// A change to the catalog. An update or delete may name the version it
/// expects to find (protocol 1.1): when the stored one differs, nothing is
/// written and the outcome is [`WriteOutcome::Changed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOp {
    Add(Product),
    Update { product: Product, expected_version: Option<i64> },
    Delete { code: String, expected_version: Option<i64> },
}

/// What a write did, once committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    Added(Product),
    Updated(Product),
    Deleted(String),
    Exists(String),
    NotFound(String),
    /// The stored product is not the version the write expected; here it is.
    Changed(Product),
    /// An add that would take the catalog past its size (`--max-products`).
    CatalogFull {
        max: usize,
    },
    /// The transaction failed; nothing of this write was stored.
    Failed(StorageFailure),
}

impl WriteOutcome {
    /// Whether the catalog changed (and other sessions must hear of it).
    pub fn changed(&self) -> bool {
        matches!(self, WriteOutcome::Added(_) | WriteOutcome::Updated(_) | WriteOutcome::Deleted(_))
    }
}
