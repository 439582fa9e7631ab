//! A lesson without surprises, driven headless against real servers on
//! `127.0.0.1:0`: the lesson asks before it stops a server it did not start,
//! never writes its sample rows into the teacher's database file, reuses its
//! windows, can be reset, shows the sequential server's queue in the server
//! panel, and names the server's real address in its texts.

use std::path::Path;

use crate::common::*;
use crate::teach::{do_step, position_of};
use egui_kittest::kittest::Queryable;
use lojinha::StartOptions;
use lojinha_server::{DbLocation, ServerConfig};
use lojinha_teach::LessonAction;
use lojinha_teach::steps::Name as Step;

/// The teacher's server on a free port, the catalog in `db`, the lesson panel open.
fn teacher_app(db: &str) -> App {
    let options = StartOptions {
        serve: Some("127.0.0.1:0".into()),
        db: Some(db.into()),
        threads_time_scale: Some(0.05),
        ..Default::default()
    };
    let mut h = app(options);
    wait_for(&mut h, "the teacher's server runs", |h| h.state().server_address().is_some());
    click(&mut h, None, "Lesson");
    h
}

/// No server, the lesson panel open; the lesson's server will take a free port.
fn quiet_app() -> App {
    let options = StartOptions { threads_time_scale: Some(0.05), ..Default::default() };
    let mut h = app(options);
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "Lesson");
    h
}

fn step_done(h: &mut App, what: &str) {
    wait_for(h, what, |h| !h.state().lesson_busy());
}

/// The products a database file holds, read by a server of its own.
fn products_in(path: &Path) -> usize {
    let config = ServerConfig {
        listen: "127.0.0.1:0".into(),
        db: DbLocation::File(path.to_owned()),
        ..Default::default()
    };
    let server = lojinha_server::start(config).expect("a server on the file");
    let count = server.product_count();
    server.stop();
    count
}

/// "Connect with no server" while the teacher's server runs: the lesson
/// says it would stop it and waits; "Cancel" leaves it running; "Go ahead"
/// stops it and the step runs.
#[test]
fn asks_before_stopping_a_running_server() {
    let mut h = teacher_app(":memory:");
    do_step(&mut h, 2);
    assert!(h.state().lesson_asks(), "the lesson asks first");
    assert!(shows(&h, None, "it stops the server running on 127.0.0.1:"), "and says what it would do");
    h.run_steps(5);
    assert!(h.state().server_address().is_some(), "nothing stopped while it asks");
    assert!(h.state().client_windows().is_empty(), "nothing opened either");

    click(&mut h, None, "Cancel");
    assert!(!h.state().lesson_asks() && h.state().server_address().is_some(), "cancel keeps the server");

    click(&mut h, None, "Do it");
    click(&mut h, None, "Go ahead");
    step_done(&mut h, "the step ran");
    assert!(h.state().server_address().is_none(), "stopped once the teacher agreed");
    assert_eq!(h.state().client_windows().len(), 1);
}

/// Started on a database file holding products, the big-list step and the
/// sample product run on the lesson's own catalog in memory: the file
/// holds exactly as many products afterwards.
#[test]
fn never_writes_into_the_teachers_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("teacher.db");
    let first = {
        let config = ServerConfig {
            listen: "127.0.0.1:0".into(),
            db: DbLocation::File(path.clone()),
            ..Default::default()
        };
        let server = lojinha_server::start(config).unwrap();
        server.seed(lojinha_server::sample::sample_products());
        let count = server.product_count();
        server.stop();
        count
    };
    assert!(first > 0);

    let mut h = teacher_app(path.to_str().unwrap());
    do_step(&mut h, position_of(LessonAction::ShowReadsWithBigList));
    click(&mut h, None, "Go ahead");
    wait_for(&mut h, "the big list loaded", |h| {
        window(h, 0).is_some_and(|w| {
            let w = lock(&w);
            w.conn.connected() && w.progress.is_none() && w.catalog.len() >= 3000
        })
    });
    do_step(&mut h, position_of(LessonAction::AddSampleProduct));
    assert!(!h.state().lesson_asks(), "the lesson's own catalog: nothing to ask");
    step_done(&mut h, "the sample product added");
    click(&mut h, None, "Reset the lesson");
    wait_for(&mut h, "the lesson's server stopped", |h| h.state().server_address().is_none());
    assert_eq!(products_in(&path), first, "the file holds what it held");
}

/// Adding the sample product to a running server on a file asks first.
#[test]
fn asks_before_adding_to_a_catalog_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("teacher.db");
    let mut h = teacher_app(path.to_str().unwrap());
    let before = h.state().server_address();
    do_step(&mut h, position_of(LessonAction::AddSampleProduct));
    assert!(h.state().lesson_asks());
    let file = path.display().to_string();
    assert!(shows(&h, None, "it adds a sample product to the catalog"), "it says what it would do");
    assert!(shows(&h, None, &file), "and names the file");
    click(&mut h, None, "Cancel");
    assert_eq!(h.state().server_address(), before);
    assert!(h.state().client_windows().is_empty());
}

/// Every step from 2 to 10, in order: the lesson never has more than two
/// windows open (it reuses its own).
#[test]
fn steps_reuse_their_windows() {
    let mut h = quiet_app();
    for step in 2..=lojinha_teach::lesson::steps().len() {
        do_step(&mut h, step);
        if h.state().lesson_asks() {
            click(&mut h, None, "Go ahead");
        }
        step_done(&mut h, &format!("step {step}"));
        let open = h.state().client_windows().len();
        assert!(open <= 2, "step {step} left {open} windows open");
    }
}

/// "Reset the lesson" closes the windows the lesson opened, stops the
/// server it started and goes back to step 1.
#[test]
fn reset_closes_windows_stops_server_back_to_step_one() {
    let mut h = quiet_app();
    do_step(&mut h, position_of(LessonAction::SequentialVersusThreaded));
    step_done(&mut h, "both runs");
    assert_eq!(h.state().client_windows().len(), 2);
    assert!(h.state().server_address().is_some());
    click(&mut h, None, "Reset the lesson");
    wait_for(&mut h, "windows closed and server stopped", |h| {
        h.state().client_windows().is_empty() && h.state().server_address().is_none()
    });
    assert!(h.query_by_label("Step 1 of 11").is_some(), "back to step 1");
}

/// Reset leaves alone what the teacher started: their server keeps running.
#[test]
fn reset_keeps_the_teachers_server() {
    let mut h = teacher_app(":memory:");
    do_step(&mut h, position_of(LessonAction::SendHello));
    step_done(&mut h, "hello sent");
    assert_eq!(h.state().client_windows().len(), 1);
    click(&mut h, None, "Reset the lesson");
    h.run_steps(5);
    assert!(h.state().client_windows().is_empty(), "the lesson's window closed");
    assert!(h.state().server_address().is_some(), "the teacher's server still runs");
}

/// Step 8 shows the wait where the class looks: the server panel's record
/// keeps both runs (sequential, then threaded), with the lesson's notes of
/// the second client queued and of how long it waited.
#[test]
fn sequential_wait_shows_in_the_server_panel() {
    let mut h = quiet_app();
    do_step(&mut h, position_of(LessonAction::SequentialVersusThreaded));
    step_done(&mut h, "both runs");
    let log = rows(h.state().server_log());
    let listening: Vec<&str> =
        log.iter().filter(|r| r.step == Step::Listening).map(|r| r.describe.as_str()).collect();
    assert!(listening.len() >= 2, "both runs are in the record: {listening:?}");
    assert!(
        listening.iter().any(|d| d.contains("sequential"))
            && listening.iter().any(|d| d.contains("threaded"))
    );
    let queued = log.iter().position(|r| r.describe.contains("waits in the system's queue"));
    let waited =
        log.iter().position(|r| r.describe.contains("waited") && r.describe.contains("for its welcome"));
    assert!(matches!((queued, waited), (Some(q), Some(w)) if q < w), "{log:#?}");
    let notes = [queued.unwrap(), waited.unwrap()];
    assert!(notes.iter().all(|&i| log[i].session.is_none()), "on the server's own lifeline");
    assert!(notes.iter().all(|&i| log[i].step == Step::Note), "marked as notes, not as a close");
}

/// The texts name the server's real address: step 1 says where it listens.
#[test]
fn texts_use_the_real_address() {
    let h = teacher_app(":memory:");
    let address = h.state().server_address().unwrap();
    assert!(h.query_by_label("Step 1 of 11").is_some());
    assert!(shows(&h, None, &format!("listens on {address}.")), "step 1 names {address}");
    assert!(!shows(&h, None, "127.0.0.1:5050"), "no fixed address is left");
}
