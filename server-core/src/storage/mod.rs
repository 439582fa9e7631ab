//! Storage: the database, its in-memory mirror, and the single writer
//! thread that groups concurrent writes into one transaction.
//!
//! Reads go to the [`CatalogMirror`]. Writes go to [`Store::submit`]; the
//! writer commits them in groups through a [`backend::Backend`] and only
//! then are they handed to the sink, so nothing is acknowledged before it
//! is durable. Two backends: a SQLite file this server owns, or a
//! PostgreSQL database many servers share (see `postgres/`).

mod backend;
mod catalog;
mod error;
mod failure;
mod location;
mod postgres;
mod sqlite;
mod sqlite_backend;
mod write;
mod writer;

use std::sync::Arc;

pub use backend::{Committed, GroupSink, WriteJob};
pub use catalog::CatalogMirror;
pub use error::StoreError;
pub use failure::StorageFailure;
pub use location::{DbLocation, conninfo_without_password};
pub use postgres::{Probe, ProbedCatalog};
pub use sqlite::SyncMode;
pub use write::{WriteOp, WriteOutcome};

/// The open store: a shared mirror for reads and a handle to the writer thread.
/// `T` is the token each write carries back to the sink (see [`WriteJob`]).
pub struct Store<T> {
    catalog: Arc<CatalogMirror>,
    writer: writer::WriterHandle<T>,
    /// PostgreSQL's listener thread; dropped after the writer, so it hands
    /// on the writer's last groups before it stops.
    _listener: Option<postgres::ListenerHandle>,
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
        if let DbLocation::Postgres(conninfo) = location {
            let opened = postgres::open(conninfo, location.to_string(), sink)?;
            let writer = writer::spawn(opened.backend, opened.catalog.clone(), max_products)?;
            return Ok(Store { catalog: opened.catalog, writer, _listener: Some(opened.listener) });
        }
        let conn = sqlite::open(location, sync)?;
        let products = sqlite::load_all(&conn)
            .map_err(|e| StoreError::Corrupt { path: location.to_string(), detail: e.to_string() })?;
        let catalog = Arc::new(CatalogMirror::new(products));
        let backend = Box::new(sqlite_backend::SqliteBackend::new(conn, catalog.clone(), sink));
        let writer = writer::spawn(backend, catalog.clone(), max_products)?;
        Ok(Store { catalog, writer, _listener: None })
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

/// Whether a shared PostgreSQL catalog could be used, without changing it
/// (what the app's "Test" button asks). `conninfo` as for
/// [`DbLocation::Postgres`].
pub fn probe_postgres(conninfo: &str) -> Result<Probe, StoreError> {
    let shown = DbLocation::Postgres(conninfo.to_owned()).to_string();
    postgres::probe(conninfo, shown)
}
