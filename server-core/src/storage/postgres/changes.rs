//! Reading the `changes` log: the rows after the last one a server applied,
//! and the consistent snapshot (catalog + last change id) a server starts
//! from or reloads when it fell behind the pruning.

use postgres::{Client, IsolationLevel, Statement};

use super::statements::product_at;
use crate::protocol::product::Product;
use crate::storage::write::WriteOutcome;

/// Most rows read at once; a longer backlog is read in several passes.
pub const BATCH: i64 = 4096;

/// One committed change from the log.
pub struct Change {
    pub id: i64,
    pub outcome: WriteOutcome,
}

/// The catalog and the last change it includes, as of one instant.
pub struct Snapshot {
    pub products: Vec<Product>,
    pub last_change: i64,
}

/// Reads both in one REPEATABLE READ transaction: no change can be in the
/// catalog and after `last_change` too, or in neither.
pub fn snapshot(client: &mut Client) -> Result<Snapshot, postgres::Error> {
    let mut tx =
        client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start()?;
    let rows = tx.query("SELECT code, name, price_cents, quantity, version FROM products", &[])?;
    let products = rows.iter().map(|row| product_at(row, 0)).collect();
    let last_change: i64 = tx
        .query_one(
            "SELECT greatest(coalesce((SELECT max(id) FROM changes), 0),
                             (SELECT value FROM lojinha_meta WHERE key = 'pruned_through'))",
            &[],
        )?
        .get(0);
    tx.commit()?;
    Ok(Snapshot { products, last_change })
}

/// The listener's read of the log, prepared once per connection (a read
/// is then one round trip, without parsing and planning it again).
pub struct LogReader {
    after: Statement,
}

impl LogReader {
    pub fn prepare(client: &mut Client) -> Result<LogReader, postgres::Error> {
        let after = client.prepare(
            "SELECT id, kind, code, name, price_cents, quantity, version FROM changes
             WHERE id > $1 ORDER BY id LIMIT $2",
        )?;
        Ok(LogReader { after })
    }

    /// The changes after `after`, oldest first, at most [`BATCH`].
    pub fn after(&self, client: &mut Client, after: i64) -> Result<Vec<Change>, postgres::Error> {
        let rows = client.query(&self.after, &[&after, &BATCH])?;
        Ok(rows.iter().map(|row| Change { id: row.get(0), outcome: outcome_of(row) }).collect())
    }
}

/// Whether changes after `applied` were pruned (the server must reload).
pub fn pruned_past(client: &mut Client, applied: i64) -> Result<bool, postgres::Error> {
    let row = client.query_one("SELECT value FROM lojinha_meta WHERE key = 'pruned_through'", &[])?;
    Ok(row.get::<_, i64>(0) > applied)
}

fn outcome_of(row: &postgres::Row) -> WriteOutcome {
    let kind: &str = row.get(1);
    match kind {
        "deleted" => WriteOutcome::Deleted(row.get(2)),
        "updated" => WriteOutcome::Updated(product_at(row, 2)),
        _ => WriteOutcome::Added(product_at(row, 2)),
    }
}
