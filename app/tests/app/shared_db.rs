//! The server panel's third catalog: a PostgreSQL database shared with other
//! servers, with a "Test" button that says whether the server could use it.
//! Needs PostgreSQL: where it cannot start these print why and pass without
//! running, except under `CI`, where they fail.

use crate::common::*;
use crate::teach::{do_step, position_of};
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

/// The lesson's "many servers, one database" step without a shared database
/// says how to get one, and starts nothing.
#[test]
fn the_many_servers_step_says_how_to_get_postgresql() {
    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "In memory (lost when stopped)");
    click(&mut h, None, "Lesson");
    do_step(&mut h, position_of(lojinha_teach::LessonAction::TwoServersOneDatabase));
    wait_for(&mut h, "the explanation", |h| shows(h, None, "This step needs a PostgreSQL database"));
    assert!(h.state().server_address().is_none(), "no server was started");
    assert!(h.state().client_windows().is_empty(), "no window was opened");
}

/// With a shared database: two servers on it, a window on each; the product
/// added through the first server reaches the window of the second as a
/// `product.added` it never asked for, and a note on the server's lifeline
/// says so.
#[test]
fn the_many_servers_step_shows_a_change_crossing_servers() {
    let Some(cluster) = postgres_cluster() else { return };
    let url = cluster.fresh_database();
    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "Shared PostgreSQL (many servers, one catalog)");
    set_text(&mut h, None, "Connection string", &url);
    click(&mut h, None, "Lesson");
    do_step(&mut h, position_of(lojinha_teach::LessonAction::TwoServersOneDatabase));
    let added = |h: &mut App| {
        window(h, 1)
            .is_some_and(|w| lock(&w).catalog.shown_products().iter().any(|p| p.code.starts_with("AULA-")))
    };
    wait_for(&mut h, "the product on the other server's window", added);
    let main = h.state().server_address().expect("the lesson's server A runs");
    let peer = |h: &App, n: usize| match &lock(&window(h, n).unwrap()).conn {
        lojinha::client::connection::ConnState::Connected { peer, .. } => peer.clone(),
        other => panic!("window {n} is not connected: {other:?}"),
    };
    assert_eq!(peer(&h, 0), main, "the first window is on server A");
    assert_ne!(peer(&h, 1), main, "the second window is on server B");
    let second: Vec<Row> = rows(&lock(&window(&h, 1).unwrap()).steps);
    assert!(
        second.iter().any(|r| r.method.as_deref() == Some("product.added")),
        "B pushed the change to its window"
    );
    assert!(
        !second.iter().any(|r| r.method.as_deref() == Some("product.add")),
        "the second window never asked for it"
    );
    wait_for(&mut h, "the note", |h| shows(h, None, "through server B"));
}
