//! The shared database's tables, created by the first server that opens it,
//! and the check that refuses a schema newer than this server knows.
//!
//! `changes` is the log every server follows: one row per committed change,
//! its `id` increasing in commit order (rows are only added while holding
//! [`WRITE_LOCK`]). `lojinha_meta` holds the schema version and how far the
//! log has been pruned. The SQL is plain (identity column, `ON CONFLICT`);
//! advisory locks and `LISTEN`/`NOTIFY` are the PostgreSQL-only parts.

use postgres::Client;

/// The advisory lock every writing transaction takes (a transaction-level
/// lock: released by its commit or rollback). "LOJINHA1" in ASCII.
pub const WRITE_LOCK: i64 = 0x4C4F_4A49_4E48_4131;

/// The channel `NOTIFY` and `LISTEN` use.
pub const CHANNEL: &str = "lojinha_changes";

/// The schema this server writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

const TABLES: &str = "
CREATE TABLE IF NOT EXISTS lojinha_meta (
    key TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS products (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    price_cents BIGINT NOT NULL,
    quantity BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    server TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT,
    price_cents BIGINT,
    quantity BIGINT,
    version BIGINT
);
INSERT INTO lojinha_meta (key, value) VALUES ('schema_version', 1), ('pruned_through', 0)
    ON CONFLICT (key) DO NOTHING;
";

/// Why the schema cannot be used.
pub enum SchemaProblem {
    Database(postgres::Error),
    Newer(i64),
}

/// Creates the tables if missing (under the write lock, so two servers
/// starting at once do not race) and checks the schema version.
pub fn prepare(client: &mut Client) -> Result<(), SchemaProblem> {
    let mut tx = client.transaction().map_err(SchemaProblem::Database)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK]).map_err(SchemaProblem::Database)?;
    tx.batch_execute(TABLES).map_err(SchemaProblem::Database)?;
    let row = tx
        .query_one("SELECT value FROM lojinha_meta WHERE key = 'schema_version'", &[])
        .map_err(SchemaProblem::Database)?;
    let version: i64 = row.get(0);
    tx.commit().map_err(SchemaProblem::Database)?;
    if version > SCHEMA_VERSION { Err(SchemaProblem::Newer(version)) } else { Ok(()) }
}
