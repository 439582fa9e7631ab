//! The SQLite file: opening it safely, its schema, and the statements the
//! writer runs. Nothing here knows about sockets or sessions.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags, params};

use super::error::StoreError;
use super::location::DbLocation;
use super::write::{WriteOp, WriteOutcome};
use crate::protocol::product::Product;

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

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS products (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID";

/// Catalogs written before products had versions get the column; every
/// product they hold starts at version 1.
fn add_version_column(conn: &Connection) -> rusqlite::Result<()> {
    let has_version: bool = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('products') WHERE name = 'version'",
        [],
        |row| row.get::<_, i64>(0).map(|n| n > 0),
    )?;
    if !has_version {
        conn.execute_batch("ALTER TABLE products ADD COLUMN version INTEGER NOT NULL DEFAULT 1")?;
    }
    Ok(())
}

/// Opens (or creates) the database, checks it, and takes an exclusive lock
/// so a second server cannot write the same file.
pub fn open(location: &DbLocation, sync: SyncMode) -> Result<Connection, StoreError> {
    let describe = |e: rusqlite::Error| describe_open_error(location, e);
    let conn = match location {
        DbLocation::Memory => Connection::open_in_memory().map_err(describe)?,
        DbLocation::File(path) => open_file(path).map_err(describe)?,
        DbLocation::Postgres(_) => {
            return Err(StoreError::Open { path: location.to_string(), detail: "not a SQLite file".into() });
        }
    };
    let pragmas = format!(
        "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL;
         PRAGMA synchronous = {};",
        sync.pragma()
    );
    conn.execute_batch(&pragmas).map_err(describe)?;
    let check: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0)).map_err(describe)?;
    if check != "ok" {
        return Err(StoreError::Corrupt { path: location.to_string(), detail: check });
    }
    conn.execute_batch(SCHEMA).map_err(describe)?;
    add_version_column(&conn).map_err(describe)?;
    // Writing the schema in EXCLUSIVE mode takes the lock now, not at the first write.
    conn.execute_batch("BEGIN IMMEDIATE; COMMIT;").map_err(describe)?;
    Ok(conn)
}

fn open_file(path: &Path) -> rusqlite::Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // A missing data directory is created; failure shows up in the open error.
        let _ = std::fs::create_dir_all(dir);
    }
    let flags =
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags)
}

fn describe_open_error(location: &DbLocation, error: rusqlite::Error) -> StoreError {
    let path = location.to_string();
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path, detail: error.to_string() }
        }
        _ => StoreError::Open { path, detail: error.to_string() },
    }
}

/// Every product, for filling the in-memory mirror at start.
pub fn load_all(conn: &Connection) -> Result<Vec<Product>, rusqlite::Error> {
    let mut statement =
        conn.prepare("SELECT code, name, price_cents, quantity, version FROM products ORDER BY code")?;
    let rows = statement.query_map([], product_from_row)?;
    rows.collect()
}

fn product_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Product> {
    Ok(Product {
        code: row.get(0)?,
        name: row.get(1)?,
        price_cents: row.get(2)?,
        quantity: row.get(3)?,
        version: row.get(4)?,
    })
}

/// The stored product, if any (inside the writer's transaction).
fn stored(conn: &Connection, code: &str) -> rusqlite::Result<Option<Product>> {
    let mut select = conn
        .prepare_cached("SELECT code, name, price_cents, quantity, version FROM products WHERE code = ?1")?;
    let mut rows = select.query_map([code], product_from_row)?;
    rows.next().transpose()
}

/// Why a conditional write wrote nothing: the product is gone, or changed.
fn not_written(conn: &Connection, code: &str) -> rusqlite::Result<WriteOutcome> {
    Ok(match stored(conn, code)? {
        Some(current) => WriteOutcome::Changed(current),
        None => WriteOutcome::NotFound(code.to_owned()),
    })
}

/// Runs one write inside the open transaction. A constraint failure is an
/// answer (`Exists`), not an error; it does not abort the transaction.
pub fn apply(conn: &Connection, op: &WriteOp) -> rusqlite::Result<WriteOutcome> {
    match op {
        WriteOp::Add(p) => {
            let mut insert = conn.prepare_cached(
                "INSERT INTO products (code, name, price_cents, quantity) VALUES (?1, ?2, ?3, ?4)",
            )?;
            match insert.execute(params![p.code, p.name, p.price_cents, p.quantity]) {
                Ok(_) => Ok(WriteOutcome::Added(Product { version: 1, ..p.clone() })),
                Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                    Ok(WriteOutcome::Exists(p.code.clone()))
                }
                Err(e) => Err(e),
            }
        }
        WriteOp::Update { product: p, expected_version } => {
            let mut update = conn.prepare_cached(
                "UPDATE products SET name = ?2, price_cents = ?3, quantity = ?4, version = version + 1
                 WHERE code = ?1 AND (?5 IS NULL OR version = ?5) RETURNING version",
            )?;
            let params = params![p.code, p.name, p.price_cents, p.quantity, expected_version];
            let version = update.query_map(params, |row| row.get::<_, i64>(0))?.next().transpose()?;
            match version {
                Some(version) => Ok(WriteOutcome::Updated(Product { version, ..p.clone() })),
                None => not_written(conn, &p.code),
            }
        }
        WriteOp::Delete { code, expected_version } => {
            let mut delete =
                conn.prepare_cached("DELETE FROM products WHERE code = ?1 AND (?2 IS NULL OR version = ?2)")?;
            if delete.execute(params![code, expected_version])? == 1 {
                Ok(WriteOutcome::Deleted(code.clone()))
            } else {
                not_written(conn, code)
            }
        }
    }
}
