//! Persistence: the catalog survives a restart on a real file, and every
//! acknowledged write survives `kill -9` of the real server binary.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use lojinha_server::Product;
use lojinha_test_support::{ServerProcess, temp_db, typed_product, typed_stored};
use lojinha_tests::{TestServer, client_options_connect, on_each_backend};

on_each_backend! {
    /// Adds, updates and deletes are all there after a clean restart on the same file.
    fn the_catalog_survives_a_restart(catalog: Catalog) {
        let mut server = TestServer::start_on(&catalog);
        let mut client = server.client();
        for i in 0..20 {
            client.add(&typed_product(&format!("R-{i:02}"), "r", i, i)).expect("add");
        }
        client.update(&typed_product("R-05", "changed", 55, 0)).expect("update");
        client.delete("R-07").expect("delete");
        drop(client);
        server.restart();
        let mut client = server.client();
        let all = client.list_all(100, |_, _| {}).expect("list");
        assert_eq!(all.len(), 19);
        assert_eq!(client.get("R-05").expect("updated"), typed_stored("R-05", "changed", 55, 0, 2));
        assert!(client.get("R-07").expect_err("deleted").is_not_found());
        if let lojinha_tests::Catalog::Sqlite = catalog {
            assert!(server.db_path().exists(), "a real file on disk");
        }
    }
}

/// The last acknowledged step of one product: it is added, then updated,
/// then (for some) deleted, in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Added,
    Updated,
    Deleted,
}

fn stage_of(stored: Option<&Product>) -> Stage {
    match stored {
        None => Stage::Deleted,
        Some(p) if p.quantity == 0 => Stage::Added,
        Some(_) => Stage::Updated,
    }
}

/// Several clients write at once; the server is killed with SIGKILL while
/// writes are in flight; restarted on the same file, it has every write that
/// was acknowledged (a later, unacknowledged step may or may not be there).
#[test]
fn acknowledged_writes_survive_kill_9() {
    const WRITERS: usize = 4;
    const KILL_AFTER: usize = 300;
    let (_dir, db) = temp_db();
    let db_arg = db.to_str().expect("a UTF-8 temp path");
    let server = ServerProcess::spawn(&["--db", db_arg]);
    let acked: Arc<Mutex<HashMap<String, Stage>>> = Arc::default();
    let count = Arc::new(AtomicUsize::new(0));
    let (enough_tx, enough_rx) = crossbeam_channel::bounded::<()>(WRITERS);
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (acked, count, enough_tx, addr) =
                (acked.clone(), count.clone(), enough_tx.clone(), server.addr());
            std::thread::spawn(move || {
                let mut client = client_options_connect(addr);
                let record = |code: &str, stage: Stage| {
                    acked.lock().expect("the ack map").insert(code.to_owned(), stage);
                    if count.fetch_add(1, Ordering::SeqCst) + 1 == KILL_AFTER {
                        let _ = enough_tx.send(());
                    }
                };
                for i in 0.. {
                    let code = format!("K{w}-{i:05}");
                    if client.add(&typed_product(&code, "kill", 1, 0)).is_err() {
                        return;
                    }
                    record(&code, Stage::Added);
                    if client.update(&typed_product(&code, "kill", 2, 1)).is_err() {
                        return;
                    }
                    record(&code, Stage::Updated);
                    if i % 3 == 0 {
                        if client.delete(&code).is_err() {
                            return;
                        }
                        record(&code, Stage::Deleted);
                    }
                }
            })
        })
        .collect();
    enough_rx.recv_timeout(lojinha_test_support::WAIT).expect("enough writes acknowledged");
    server.kill();
    for writer in writers {
        writer.join().expect("a writer thread");
    }
    let acked = acked.lock().expect("the ack map").clone();
    assert!(acked.len() >= KILL_AFTER / 3);
    let restarted = ServerProcess::spawn(&["--db", db_arg]);
    let mut client = client_options_connect(restarted.addr());
    let stored: HashMap<String, Product> =
        client.list_all(10_000, |_, _| {}).expect("list").into_iter().map(|p| (p.code.clone(), p)).collect();
    for (code, stage) in &acked {
        let found = stage_of(stored.get(code));
        assert!(found >= *stage, "{code}: acknowledged {stage:?}, found {found:?} after kill -9");
    }
    for p in stored.values() {
        assert!(
            p == &typed_stored(&p.code, "kill", 1, 0, 1) || p == &typed_stored(&p.code, "kill", 2, 1, 2),
            "{p:?}"
        );
    }
}
