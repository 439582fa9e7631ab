//! Storage: the SQLite file, its in-memory mirror, and the single writer
//! thread that groups concurrent writes into one transaction.
//!
//! Reads go to the [`CatalogMirror`]. Writes go to [`Store::submit`]; the
//! writer commits them in groups and only then calls each job's completion,
//! so nothing is acknowledged before it is durable.

mod catalog;
mod failure;
mod sqlite;
mod writer;

use std::sync::Arc;

pub use catalog::CatalogMirror;
pub use failure::StorageFailure;
pub use sqlite::DbLocation;
pub use writer::{GroupSink, WriteJob};

use crate::protocol::Product;

/// How hard SQLite works to keep a commit on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncMode {
    /// Commits survive a crash of the server process (kill -9); a power cut
    /// may lose the last moments. WAL with `synchronous = NORMAL`.
    #[default]
    Normal,
    /// Every commit is fsynced before it is acknowledged: survives power loss too.
    Full,
}

impl SyncMode {
    fn pragma(self) -> &'static str {
        match self {
            SyncMode::Normal => "NORMAL",
            SyncMode::Full => "FULL",
        }
    }
}

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

/// Why the store could not open.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path} is locked by another process (is another server using it?)")]
    Locked { path: String },
    #[error("database {path} is corrupt or not a Lojinha database: {detail}")]
    Corrupt { path: String, detail: String },
    #[error("cannot open database {path}: {detail}")]
    Open { path: String, detail: String },
    #[error("cannot start the storage writer thread: {0}")]
    Thread(std::io::Error),
}

/// The open store: a shared mirror for reads and a handle to the writer thread.
/// `T` is the token each write carries back to the sink (see [`WriteJob`]).
pub struct Store<T> {
    catalog: Arc<CatalogMirror>,
    writer: writer::WriterHandle<T>,
}

impl<T: Send + 'static> Store<T> {
    /// Opens the database, loads the mirror, and starts the writer thread,
    /// which hands every committed group to `sink`. Adds past `max_products`
    /// are refused (the catalog a peer can make the server hold is bounded).
    pub fn open(
        location: &DbLocation,
        sync: SyncMode,
        max_products: usize,
        sink: GroupSink<T>,
    ) -> Result<Store<T>, StoreError> {
        let conn = sqlite::open(location, sync)?;
        let products = sqlite::load_all(&conn)
            .map_err(|e| StoreError::Corrupt { path: location.to_string(), detail: e.to_string() })?;
        let catalog = Arc::new(CatalogMirror::new(products));
        let writer = writer::spawn(conn, catalog.clone(), max_products, sink)?;
        Ok(Store { catalog, writer })
    }

    pub fn catalog(&self) -> &Arc<CatalogMirror> {
        &self.catalog
    }

    /// Queues a write; the sink gets it back after its group commits.
    /// Returns the job if the writer has stopped.
    pub fn submit(&self, job: WriteJob<T>) -> Result<(), WriteJob<T>> {
        self.writer.submit(job)
    }
}
