//! Asking a PostgreSQL database whether a server could use it, changing
//! nothing: the app's "Test" button, before anyone presses Start.

use super::connect::Target;
use super::schema::SCHEMA_VERSION;
use crate::storage::error::StoreError;

/// What a reachable database holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// PostgreSQL's version (`SHOW server_version`), such as `15.8`.
    pub server_version: String,
    pub catalog: ProbedCatalog,
}

/// The Lojinha catalog found in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbedCatalog {
    /// No Lojinha tables yet: the first server to start creates them.
    NotYetCreated,
    /// A catalog this server can use, with this many products.
    Products(i64),
    /// A schema newer than this server's: it would refuse to start.
    Newer(i64),
}

/// Connects, reads the server's version and the catalog's schema version and
/// size, and disconnects. Errors name the database and the problem, as a
/// failed start does.
pub fn probe(conninfo: &str, shown: String) -> Result<Probe, StoreError> {
    let target = Target::parse(conninfo, shown)?;
    let mut client = target.connect("test").map_err(|e| target.open_error(&e))?;
    let fail = |e: postgres::Error| target.open_error(&e);
    // A database that accepts the connection but leaves a query waiting
    // (a lock) must not keep the button's thread forever.
    client.batch_execute("SET statement_timeout = 5000").map_err(fail)?;
    let server_version: String = client.query_one("SHOW server_version", &[]).map_err(fail)?.get(0);
    let created: bool =
        client.query_one("SELECT to_regclass('lojinha_meta') IS NOT NULL", &[]).map_err(fail)?.get(0);
    let catalog = if created {
        let version: i64 = client
            .query_one("SELECT value FROM lojinha_meta WHERE key = 'schema_version'", &[])
            .map_err(fail)?
            .get(0);
        if version > SCHEMA_VERSION {
            ProbedCatalog::Newer(version)
        } else {
            ProbedCatalog::Products(
                client.query_one("SELECT count(*) FROM products", &[]).map_err(fail)?.get(0),
            )
        }
    } else {
        ProbedCatalog::NotYetCreated
    };
    Ok(Probe { server_version, catalog })
}
