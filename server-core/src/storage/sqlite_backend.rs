//! The SQLite backend: one file, one writer, so a group is handed on the
//! moment it commits and the mirror is updated right here.

use std::sync::Arc;

use rusqlite::Connection;

use super::backend::{Backend, Committed, GroupSink, Room, WriteJob, all_failed};
use super::catalog::CatalogMirror;
use super::failure::StorageFailure;
use super::sqlite;
use super::write::WriteOutcome;

pub struct SqliteBackend<T> {
    conn: Connection,
    catalog: Arc<CatalogMirror>,
    sink: GroupSink<T>,
}

impl<T> SqliteBackend<T> {
    pub fn new(conn: Connection, catalog: Arc<CatalogMirror>, sink: GroupSink<T>) -> Self {
        SqliteBackend { conn, catalog, sink }
    }
}

impl<T: Send> Backend<T> for SqliteBackend<T> {
    fn commit_group(&mut self, group: Vec<WriteJob<T>>, room: Room) {
        let committed = match run_transaction(&mut self.conn, &group, room) {
            Ok(outcomes) => group.into_iter().zip(outcomes).map(|(j, o)| Committed::of_job(j, o)).collect(),
            Err(e) => {
                tracing::error!("storage write failed, {} writes refused: {e}", group.len());
                all_failed(group, &StorageFailure::of_transaction(&e))
            }
        };
        for item in &committed {
            self.catalog.apply(&item.outcome);
        }
        (self.sink)(committed);
    }
}

fn run_transaction<T>(
    conn: &mut Connection,
    group: &[WriteJob<T>],
    mut room: Room,
) -> rusqlite::Result<Vec<WriteOutcome>> {
    let tx = conn.transaction()?;
    let mut outcomes = Vec::with_capacity(group.len());
    for job in group {
        let outcome = match room.refuses(&job.op) {
            Some(full) => full,
            None => sqlite::apply(&tx, &job.op)?,
        };
        room.count(&outcome);
        outcomes.push(outcome);
    }
    tx.commit()?;
    Ok(outcomes)
}
