//! Storage: the SQLite file, its in-memory mirror, and the single writer
//! thread that groups concurrent writes into one transaction.
//!
//! Reads go to the [`CatalogMirror`]. Writes go to [`Store::submit`]; the
//! writer commits them in groups and only then calls each job's completion,
//! so nothing is acknowledged before it is durable.

mod catalog;
mod error;
mod failure;
mod sqlite;
mod write;
mod writer;

use std::sync::Arc;

pub use catalog::CatalogMirror;
pub use error::StoreError;
pub use failure::StorageFailure;
pub use sqlite::{DbLocation, SyncMode};
pub use write::{WriteOp, WriteOutcome};
pub use writer::{GroupSink, WriteJob};

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
