//! kill -9 during heavy concurrent writes, many rounds, with the real binary:
//! every acknowledged write is in the file afterwards, `PRAGMA
//! integrity_check` is ok, and the server starts again on it. Both
//! `--sync normal` and `--sync full`.
//!
//! The fast set runs 3 rounds per mode; `CRASH_ROUNDS=50 cargo test -p
//! lojinha-reliability --test crash -- --ignored` runs the long version.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use lojinha_reliability::{env_u64, read_db_file};
use lojinha_test_support::{Conn, ServerProcess, product, request, temp_db};
use serde_json::{Value, json};

type Row = (String, String, i64, i64);

/// What one writer knows about each of its codes: the state after its last
/// acknowledged write, and the state its unanswered write (if any) would leave.
#[derive(Default)]
struct WriterModel {
    acknowledged: BTreeMap<String, Option<Row>>,
    in_flight: Option<(String, Option<Row>)>,
    acks: u64,
}

/// One writer: adds, updates and deletes its own codes until the connection dies.
fn writer(addr: std::net::SocketAddr, writer_id: usize, round: usize, stop: Arc<AtomicBool>) -> WriterModel {
    let mut model = WriterModel::default();
    let Ok(mut conn) = Conn::try_connect(addr) else { return model };
    conn.set_read_timeout(Duration::from_secs(10));
    for i in 0u64.. {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let code = format!("R{round}-W{writer_id}-{}", i / 3);
        let name = format!("round {round} writer {writer_id} op {i}");
        let (line, after) = match i % 3 {
            0 => (
                request(i, "product.add", json!({"product": product(&code, &name, i as i64, 1)})).to_string(),
                Some((code.clone(), name, i as i64, 1)),
            ),
            1 => (
                request(i, "product.update", json!({"product": product(&code, &name, i as i64, 2)}))
                    .to_string(),
                Some((code.clone(), name, i as i64, 2)),
            ),
            _ if i % 2 == 0 => (request(i, "product.delete", json!({"code": code})).to_string(), None),
            _ => (
                request(i, "product.get", json!({"code": code})).to_string(),
                model.acknowledged.get(&code).cloned().flatten(),
            ),
        };
        model.in_flight = Some((code.clone(), after.clone()));
        if conn.try_send(format!("{line}\n").as_bytes()).is_err() {
            break;
        }
        let Some(answer) = read_answer(&mut conn) else { break };
        assert!(answer.get("result").is_some(), "writer {writer_id}: {line} -> {answer}");
        model.acknowledged.insert(code, after);
        model.in_flight = None;
        model.acks += 1;
    }
    model
}

fn read_answer(conn: &mut Conn) -> Option<Value> {
    loop {
        let line = conn.read_line().ok()??;
        let value: Value = serde_json::from_slice(&line).ok()?;
        if value.get("id").is_some() {
            return Some(value);
        }
    }
}

/// Checks the file against every writer's model; returns the acknowledged writes checked.
fn check_file(db: &Path, models: &[WriterModel]) -> u64 {
    let (integrity, rows) = read_db_file(db);
    assert_eq!(integrity, "ok");
    let stored: BTreeMap<&str, &Row> = rows.iter().map(|r| (r.0.as_str(), r)).collect();
    let mut lost = Vec::new();
    for model in models {
        for (code, expected) in &model.acknowledged {
            let got = stored.get(code.as_str()).copied();
            let in_flight =
                model.in_flight.as_ref().filter(|(c, _)| c == code).map(|(_, after)| after.as_ref());
            if got != expected.as_ref() && in_flight.is_none_or(|after| got != after) {
                lost.push(format!(
                    "{code}: expected {expected:?} (or in-flight {in_flight:?}), file has {got:?}"
                ));
            }
        }
    }
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:#?}");
    models.iter().map(|m| m.acks).sum()
}

/// Rounds of: start the binary, hammer it with writers, kill -9, check the file.
fn crash_rounds(sync: &str, rounds: usize, writers: usize) {
    let (_dir, db) = temp_db();
    let db_arg = db.to_str().expect("a UTF-8 temp path").to_owned();
    let mut all_models: Vec<WriterModel> = Vec::new();
    let mut total_acks = 0;
    for round in 0..rounds {
        let server = ServerProcess::spawn(&["--db", &db_arg, "--sync", sync, "--max-connections", "64"]);
        let addr = server.addr();
        if round > 0 {
            // The restarted server serves what the file holds.
            let mut conn = Conn::welcomed(addr);
            let page = conn.call_reply(0, "product.list", json!({"limit": 1}));
            assert!(page["result"]["total"].as_u64().is_some(), "{page}");
        }
        let stop = Arc::new(AtomicBool::new(false));
        let threads: Vec<_> = (0..writers)
            .map(|w| {
                let stop = stop.clone();
                std::thread::spawn(move || writer(addr, w, round, stop))
            })
            .collect();
        std::thread::sleep(Duration::from_millis(150 + (round as u64 * 37) % 250));
        server.kill();
        stop.store(true, Ordering::SeqCst);
        let models: Vec<WriterModel> =
            threads.into_iter().map(|t| t.join().expect("writer thread")).collect();
        all_models.extend(models);
        total_acks += check_file(&db, &all_models[all_models.len() - writers..]);
        // Earlier rounds' writes must survive later crashes too.
        check_file(&db, &all_models);
    }
    println!(
        "--sync {sync}: {rounds} rounds of kill -9, {writers} writers, {total_acks} acknowledged writes checked, lost 0"
    );
}

/// `--sync normal`: kill -9 under load loses no acknowledged write (3 rounds).
#[test]
fn kill9_loses_nothing_sync_normal() {
    crash_rounds("normal", 3, 8);
}

/// `--sync full`: kill -9 under load loses no acknowledged write (3 rounds).
#[test]
fn kill9_loses_nothing_sync_full() {
    crash_rounds("full", 3, 8);
}

/// The long version: `CRASH_ROUNDS` (default 50) rounds per sync mode.
#[test]
#[ignore = "long: minutes; run with --ignored"]
fn kill9_many_rounds_both_modes() {
    let rounds = env_u64("CRASH_ROUNDS", 50) as usize;
    crash_rounds("normal", rounds, 16);
    crash_rounds("full", rounds, 16);
}
