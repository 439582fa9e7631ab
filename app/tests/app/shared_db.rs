//! The server panel's third catalog: a PostgreSQL database shared with other
//! servers, with a "Test" button that says whether the server could use it.
//! Needs PostgreSQL: where it cannot start these print why and pass without
//! running, except under `CI`, where they fail.

use crate::common::*;
use lojinha::StartOptions;
use lojinha_test_support::postgres_cluster;

/// Choose "Shared PostgreSQL", test a database that does not exist (the
/// answer names it and the problem), test a fresh one (reachable, no
/// catalog yet), start the server on it, and see which catalog it uses.
#[test]
fn a_shared_database_is_tested_then_used() {
    let Some(cluster) = postgres_cluster() else { return };
    let url = cluster.fresh_database();
    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "Shared PostgreSQL (many servers, one catalog)");
    assert!(shows(&h, None, "Type the shared database's connection string, then Test."));

    set_text(&mut h, None, "Connection string", &cluster.url("no_such_catalog"));
    click(&mut h, None, "Test");
    wait_for(&mut h, "the failed test", |h| shows(h, None, "does not exist"));
    assert!(shows(&h, None, "no_such_catalog"), "the answer names the database");

    set_text(&mut h, None, "Connection string", &url);
    click(&mut h, None, "Test");
    wait_for(&mut h, "the test", |h| shows(h, None, "No catalog there yet"));

    click(&mut h, None, "Start server");
    wait_for(&mut h, "server running", |h| h.state().server_address().is_some());
    assert!(shows(&h, None, &format!("database: {url}")), "the panel says which catalog it uses");
}
