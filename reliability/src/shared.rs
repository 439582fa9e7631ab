//! Writers for the fault tests of servers sharing one PostgreSQL catalog:
//! each adds its own codes through the client library and records which
//! adds were acknowledged and why others were refused; readers of a
//! server's catalog and of the database's.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use lojinha_server::{Client, ClientOptions, Product};
use lojinha_test_support::WAIT;

/// What every writer recorded, shared.
#[derive(Clone, Default)]
pub struct Writes {
    acknowledged: Arc<Mutex<Vec<(SocketAddr, String)>>>,
    refusals: Arc<Mutex<Vec<String>>>,
}

impl Writes {
    pub fn acknowledged(&self) -> usize {
        self.acknowledged.lock().expect("not poisoned").len()
    }

    /// Adds acknowledged by the server at `addr`.
    pub fn acknowledged_on(&self, addr: &SocketAddr) -> usize {
        self.acknowledged.lock().expect("not poisoned").iter().filter(|(a, _)| a == addr).count()
    }

    /// Whether every refused add was refused because the database could not be reached.
    pub fn refusals_all_unreachable(&self) -> bool {
        let refusals = self.refusals.lock().expect("not poisoned");
        refusals.iter().all(|why| why.contains("the catalog database cannot be reached"))
    }

    /// Waits for the writers; returns every acknowledged code.
    pub fn join(&self, writers: Vec<JoinHandle<()>>) -> BTreeSet<String> {
        for writer in writers {
            writer.join().expect("a writer");
        }
        self.acknowledged.lock().expect("not poisoned").iter().map(|(_, code)| code.clone()).collect()
    }

    fn acknowledge(&self, addr: SocketAddr, code: String) {
        self.acknowledged.lock().expect("not poisoned").push((addr, code));
    }

    fn refuse(&self, why: String) {
        self.refusals.lock().expect("not poisoned").push(why);
    }
}

/// One writer per address, each adding `each` codes of its own; a writer
/// stops when its server is gone, and waits a moment after a refusal.
pub fn start_writers(addrs: &[SocketAddr], each: usize, writes: &Writes) -> Vec<JoinHandle<()>> {
    addrs
        .iter()
        .enumerate()
        .map(|(w, &addr)| {
            let writes = writes.clone();
            std::thread::spawn(move || write_codes(addr, w, each, &writes))
        })
        .collect()
}

fn write_codes(addr: SocketAddr, writer: usize, each: usize, writes: &Writes) {
    let options = ClientOptions { response_timeout: Some(WAIT), ..ClientOptions::default() };
    let Ok(mut client) = Client::connect(&addr.to_string(), options) else { return };
    for i in 0..each {
        let code = format!("K-{writer}-{i}");
        let product =
            Product { code: code.clone(), name: "k".into(), price_cents: 1, quantity: 1, version: 0 };
        match client.add(&product) {
            Ok(_) => writes.acknowledge(addr, code),
            Err(e) if e.is_disconnect() => return,
            Err(e) => {
                writes.refuse(e.to_string());
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// Every code a server lists.
pub fn listed(addr: SocketAddr) -> BTreeSet<String> {
    let options = ClientOptions { response_timeout: Some(WAIT), ..ClientOptions::default() };
    let Ok(mut client) = Client::connect(&addr.to_string(), options) else { return BTreeSet::new() };
    let all = client.list_all(10_000, |_, _| {}).unwrap_or_default();
    all.into_iter().map(|p| p.code).collect()
}

/// Every code in the database's `products` table.
pub fn stored_codes(mut client: postgres::Client) -> BTreeSet<String> {
    let rows = client.query("SELECT code FROM products", &[]).expect("read the products");
    rows.iter().map(|row| row.get(0)).collect()
}
