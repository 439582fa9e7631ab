//! The writer's one statement per group: every write of the group goes to
//! `lojinha_apply_group` (see `schema.rs`) as arrays, and comes back as one
//! row per write, so a group of fifty costs one round trip, not fifty.

use postgres::{Client, GenericClient, Row, Statement};

use crate::protocol::product::Product;
use crate::storage::write::{WriteOp, WriteOutcome};

const APPLY_GROUP: &str = "SELECT o_outcome, o_id, o_name, o_price, o_quantity, o_version, o_seen
    FROM lojinha_apply_group($1, $2, $3, $4, $5, $6, $7)";

/// The writer's prepared statement on one connection.
pub struct Statements {
    apply_group: Statement,
}

impl Statements {
    pub fn prepare(client: &mut Client) -> Result<Statements, postgres::Error> {
        Ok(Statements { apply_group: client.prepare(APPLY_GROUP)? })
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

/// What one call did: each write's outcome with its change id (when it
/// changed the catalog), and the last change id the transaction saw.
pub struct Applied {
    pub outcomes: Vec<(WriteOutcome, Option<i64>)>,
    pub seen: i64,
}

/// The group's writes as the function's array parameters, in order.
#[derive(Default)]
struct Columns<'a> {
    kinds: Vec<&'static str>,
    codes: Vec<&'a str>,
    names: Vec<Option<&'a str>>,
    prices: Vec<Option<i64>>,
    quantities: Vec<Option<i64>>,
    expected: Vec<Option<i64>>,
}

impl<'a> Columns<'a> {
    fn push(&mut self, op: &'a WriteOp) {
        let (kind, code, product, expected) = match op {
            WriteOp::Add(p) => ("add", p.code.as_str(), Some(p), None),
            WriteOp::Update { product, expected_version } => {
                ("update", product.code.as_str(), Some(product), *expected_version)
            }
            WriteOp::Delete { code, expected_version } => ("delete", code.as_str(), None, *expected_version),
        };
        self.kinds.push(kind);
        self.codes.push(code);
        self.names.push(product.map(|p| p.name.as_str()));
        self.prices.push(product.map(|p| p.price_cents));
        self.quantities.push(product.map(|p| p.quantity));
        self.expected.push(expected);
    }
}

/// Runs `ops`, in order, in one statement (in the group's transaction, or
/// as a transaction of its own).
pub fn apply_group(
    tx: &mut impl GenericClient,
    st: &Statements,
    server: &str,
    ops: &[&WriteOp],
) -> Result<Applied, postgres::Error> {
    let mut columns = Columns::default();
    ops.iter().for_each(|op| columns.push(op));
    let Columns { kinds, codes, names, prices, quantities, expected } = &columns;
    let rows = tx.query(&st.apply_group, &[&server, kinds, codes, names, prices, quantities, expected])?;
    let seen = rows.first().map_or(0, |row| row.get(6));
    let outcomes = rows.iter().zip(ops).map(|(row, op)| outcome_of(row, op)).collect();
    Ok(Applied { outcomes, seen })
}

/// One returned row as the write's outcome.
fn outcome_of(row: &Row, op: &WriteOp) -> (WriteOutcome, Option<i64>) {
    let version: Option<i64> = row.get(5);
    let outcome = match (row.get::<_, &str>(0), op) {
        ("added", WriteOp::Add(p)) => WriteOutcome::Added(Product { version: 1, ..p.clone() }),
        ("updated", WriteOp::Update { product: p, .. }) => {
            WriteOutcome::Updated(Product { version: version.unwrap_or(1), ..p.clone() })
        }
        ("deleted", _) => WriteOutcome::Deleted(code_of(op)),
        ("exists", _) => WriteOutcome::Exists(code_of(op)),
        ("changed", _) => WriteOutcome::Changed(Product {
            code: code_of(op),
            name: row.get(2),
            price_cents: row.get(3),
            quantity: row.get(4),
            version: version.unwrap_or(1),
        }),
        _ => WriteOutcome::NotFound(code_of(op)),
    };
    (outcome, row.get(1))
}

fn code_of(op: &WriteOp) -> String {
    match op {
        WriteOp::Add(p) | WriteOp::Update { product: p, .. } => p.code.clone(),
        WriteOp::Delete { code, .. } => code.clone(),
    }
}
