//! PostgreSQL itself stopped hard and started again while a server writes
//! to it: writes meanwhile fail with -32603 "the catalog database cannot
//! be reached" (never a false success), reads go on, the server reconnects
//! by itself, and every acknowledged write is in the database, in its
//! catalog and in another server's. Its own test binary: it restarts the
//! binary's cluster. Skipped where PostgreSQL cannot start (not under `CI`).

use lojinha_reliability::shared::{Writes, listed, start_writers, stored_codes};
use lojinha_test_support::{ServerProcess, postgres_cluster, wait_until};

/// Writers on two servers; the database restarts mid-run.
#[test]
fn a_database_restart_loses_no_acknowledged_write() {
    let Some(cluster) = postgres_cluster() else { return };
    let url = cluster.fresh_database();
    let a = ServerProcess::spawn(&["--db", &url]);
    let b = ServerProcess::spawn(&["--db", &url]);
    let writes = Writes::default();
    let writers = start_writers(&[a.addr(), b.addr()], 400, &writes);
    assert!(wait_until(|| writes.acknowledged() >= 100), "the writers got going");
    let before = writes.acknowledged();
    cluster.restart();
    assert!(listed(a.addr()).len() >= before.min(1), "reads go on from the mirror");
    let acknowledged = writes.join(writers);
    assert!(acknowledged.len() > before, "writes succeed again after the restart");
    assert!(writes.refusals_all_unreachable(), "every refusal said the database cannot be reached");
    let in_db = stored_codes(cluster.connect(&url));
    let missing: Vec<&String> = acknowledged.iter().filter(|code| !in_db.contains(*code)).collect();
    assert!(missing.is_empty(), "acknowledged but not in the database: {missing:?}");
    let converged =
        wait_until(|| listed(a.addr()).len() == in_db.len() && listed(b.addr()).len() == in_db.len());
    assert!(converged, "both servers caught up with the database");
}
