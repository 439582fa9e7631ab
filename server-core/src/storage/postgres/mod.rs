//! The PostgreSQL backend: one catalog shared by many servers.
//!
//! - [`connect`]: the connection string and error messages.
//! - [`schema`]: the tables, the write lock, the notification channel.
//! - [`statements`]: the writes, each with its row in `changes`.
//! - [`changes`]: reading the log and the start-up snapshot.
//! - [`sequencer`]: this server's groups and the log's changes in one order.
//! - [`writer`]: the writer thread's backend (group commit, `NOTIFY`).
//! - [`listener`]: the thread that follows the log (`LISTEN`).
//! - [`probe`]: whether a database could be used, changing nothing.

mod changes;
mod connect;
mod listener;
mod probe;
mod schema;
mod sequencer;
mod statements;
mod writer;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use listener::ListenerHandle;
pub use probe::{Probe, ProbedCatalog, probe};

use super::backend::{Backend, GroupSink};
use super::catalog::CatalogMirror;
use super::error::StoreError;
use connect::Target;
use schema::SchemaProblem;
use sequencer::Sequencer;

/// What the store needs from an opened PostgreSQL catalog.
pub struct Opened<T> {
    pub catalog: Arc<CatalogMirror>,
    pub backend: Box<dyn Backend<T>>,
    pub listener: ListenerHandle,
}

/// Connects, creates or checks the schema, loads the catalog and the last
/// change id in one snapshot, and starts the listener.
pub fn open<T: Send + 'static>(
    conninfo: &str,
    shown: String,
    sink: GroupSink<T>,
) -> Result<Opened<T>, StoreError> {
    let target = Target::parse(conninfo, shown)?;
    let mut client = target.connect("start").map_err(|e| target.open_error(&e))?;
    schema::prepare(&mut client).map_err(|problem| match problem {
        SchemaProblem::Database(e) => target.open_error(&e),
        SchemaProblem::Newer(version) => StoreError::Open {
            path: target.shown.clone(),
            detail: format!(
                "its schema is version {version}, newer than this server's ({}): update lojinha-server",
                schema::SCHEMA_VERSION
            ),
        },
    })?;
    let snapshot = changes::snapshot(&mut client).map_err(|e| target.open_error(&e))?;
    let catalog = Arc::new(CatalogMirror::new(snapshot.products));
    let sequencer = Arc::new(Sequencer::new(sink, catalog.clone(), snapshot.last_change));
    let writer = writer::PgWriter::new(target.clone(), client, sequencer.clone(), server_name())
        .map_err(|e| target.open_error(&e))?;
    let listener = listener::spawn(target, sequencer, catalog.clone())?;
    let backend = Box::new(writer);
    Ok(Opened { catalog, backend, listener })
}

/// A name for this server in the log's `server` column: process and start time.
fn server_name() -> String {
    static STARTED: AtomicU64 = AtomicU64::new(0);
    let nth = STARTED.fetch_add(1, Ordering::Relaxed);
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    format!("{}:{}#{nth}", host.trim(), std::process::id())
}
