//! The statements the writer runs, prepared once per connection. Each
//! write and its row in `changes` are one statement (a data-modifying
//! `WITH`), so a write costs one round trip; one that changes nothing adds
//! no row and its outcome is read back (`Exists`, `NotFound`, `Changed`).

use postgres::{Client, Row, Statement, Transaction};

use crate::protocol::product::Product;
use crate::storage::write::{WriteOp, WriteOutcome};

const ADD: &str = "WITH added AS (
    INSERT INTO products (code, name, price_cents, quantity, version) VALUES ($2, $3, $4, $5, 1)
    ON CONFLICT (code) DO NOTHING RETURNING code, name, price_cents, quantity, version)
  INSERT INTO changes (server, kind, code, name, price_cents, quantity, version)
  SELECT $1, 'added', code, name, price_cents, quantity, version FROM added RETURNING id";

const UPDATE: &str = "WITH updated AS (
    UPDATE products SET name = $3, price_cents = $4, quantity = $5, version = version + 1
    WHERE code = $2 AND ($6::BIGINT IS NULL OR version = $6::BIGINT)
    RETURNING code, name, price_cents, quantity, version)
  INSERT INTO changes (server, kind, code, name, price_cents, quantity, version)
  SELECT $1, 'updated', code, name, price_cents, quantity, version FROM updated RETURNING id, version";

const DELETE: &str = "WITH deleted AS (
    DELETE FROM products WHERE code = $2 AND ($3::BIGINT IS NULL OR version = $3::BIGINT) RETURNING code)
  INSERT INTO changes (server, kind, code) SELECT $1, 'deleted', code FROM deleted RETURNING id";

const STORED: &str = "SELECT code, name, price_cents, quantity, version FROM products WHERE code = $1";

const LAST_CHANGE: &str = "SELECT coalesce(max(id), 0) FROM changes";

/// The writer's prepared statements on one connection.
pub struct Statements {
    add: Statement,
    update: Statement,
    delete: Statement,
    stored: Statement,
    pub last_change: Statement,
}

impl Statements {
    pub fn prepare(client: &mut Client) -> Result<Statements, postgres::Error> {
        Ok(Statements {
            add: client.prepare(ADD)?,
            update: client.prepare(UPDATE)?,
            delete: client.prepare(DELETE)?,
            stored: client.prepare(STORED)?,
            last_change: client.prepare(LAST_CHANGE)?,
        })
    }
}

/// A product as a row of `products` (or `changes`) holds it, from column `at`.
pub fn product_at(row: &Row, at: usize) -> Product {
    Product {
        code: row.get(at),
        name: row.get(at + 1),
        price_cents: row.get(at + 2),
        quantity: row.get(at + 3),
        version: row.get(at + 4),
    }
}

/// Runs one write inside the group's transaction; returns its outcome and,
/// when it changed the catalog, the id of its row in `changes`.
pub fn apply(
    tx: &mut Transaction<'_>,
    st: &Statements,
    server: &str,
    op: &WriteOp,
) -> Result<(WriteOutcome, Option<i64>), postgres::Error> {
    match op {
        WriteOp::Add(p) => {
            let row = tx.query_opt(&st.add, &[&server, &p.code, &p.name, &p.price_cents, &p.quantity])?;
            Ok(match row {
                Some(row) => (WriteOutcome::Added(Product { version: 1, ..p.clone() }), Some(row.get(0))),
                None => (WriteOutcome::Exists(p.code.clone()), None),
            })
        }
        WriteOp::Update { product: p, expected_version } => {
            let params: [&(dyn postgres::types::ToSql + Sync); 6] =
                [&server, &p.code, &p.name, &p.price_cents, &p.quantity, expected_version];
            match tx.query_opt(&st.update, &params)? {
                Some(row) => {
                    let stored = Product { version: row.get(1), ..p.clone() };
                    Ok((WriteOutcome::Updated(stored), Some(row.get(0))))
                }
                None => Ok((not_written(tx, st, &p.code)?, None)),
            }
        }
        WriteOp::Delete { code, expected_version } => {
            match tx.query_opt(&st.delete, &[&server, code, expected_version])? {
                Some(row) => Ok((WriteOutcome::Deleted(code.clone()), Some(row.get(0)))),
                None => Ok((not_written(tx, st, code)?, None)),
            }
        }
    }
}

/// Why a conditional write wrote nothing: the product is gone, or changed.
fn not_written(
    tx: &mut Transaction<'_>,
    st: &Statements,
    code: &str,
) -> Result<WriteOutcome, postgres::Error> {
    Ok(match tx.query_opt(&st.stored, &[&code])? {
        Some(row) => WriteOutcome::Changed(product_at(&row, 0)),
        None => WriteOutcome::NotFound(code.to_owned()),
    })
}
