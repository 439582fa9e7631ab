//! Why a write was not stored: a kind, so the server (and its log) can tell
//! a full disk from any other failure without reading a sentence.

use std::fmt;

/// A write the storage could not commit; nothing of it was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageFailure {
    /// SQLite found the disk (or the database's size limit) full.
    DiskFull,
    /// The transaction failed for another reason, in SQLite's words.
    Transaction(String),
    /// The database server could not be reached (PostgreSQL), or the
    /// connection died before the commit was confirmed: nothing is claimed done.
    Unreachable,
    /// The writer thread stopped before it could answer.
    Stopped,
    /// The writer thread had already stopped: the write was never taken.
    ShutDown,
}

impl StorageFailure {
    /// The failure a transaction's error means.
    pub fn of_transaction(error: &rusqlite::Error) -> StorageFailure {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StorageFailure::DiskFull,
            _ => StorageFailure::Transaction(error.to_string()),
        }
    }

    /// The failure a PostgreSQL error means: a lost connection (or one the
    /// server is closing: SQLSTATE classes 08 and 57) is `Unreachable`.
    pub fn of_postgres(error: &postgres::Error) -> StorageFailure {
        let lost = match error.as_db_error() {
            None => true,
            Some(db) => ["08", "57"].iter().any(|class| db.code().code().starts_with(class)),
        };
        if lost || error.is_closed() {
            StorageFailure::Unreachable
        } else {
            StorageFailure::Transaction(error.to_string())
        }
    }
}

/// The words clients read after `internal error: `.
impl fmt::Display for StorageFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageFailure::DiskFull => f.write_str("storage write failed: database or disk is full"),
            StorageFailure::Transaction(detail) => write!(f, "storage write failed: {detail}"),
            StorageFailure::Unreachable => f.write_str("the catalog database cannot be reached"),
            StorageFailure::Stopped => f.write_str("storage stopped"),
            StorageFailure::ShutDown => f.write_str("storage is shut down"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite's "full" is a kind of its own, with the words clients have always read.
    #[test]
    fn a_full_disk_is_its_own_kind() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            Some("database or disk is full".into()),
        );
        assert_eq!(StorageFailure::of_transaction(&full), StorageFailure::DiskFull);
        assert_eq!(StorageFailure::DiskFull.to_string(), "storage write failed: database or disk is full");
        assert_eq!(StorageFailure::ShutDown.to_string(), "storage is shut down");
        let busy =
            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None);
        assert!(matches!(StorageFailure::of_transaction(&busy), StorageFailure::Transaction(_)));
    }
}
