//! Clients that misbehave on purpose, as a class full of half-finished
//! programs does: huge batches, trickled lines, many connections from one
//! address, pipelining without reading, repeated keys, spoofing names,
//! guessed tokens. Each test holds the server to a bound and checks that an
//! honest client is still served. Figures are printed, never asserted on
//! time; the long versions are `#[ignore]`d (see docs/reliability.md).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lojinha_reliability::env_u64;
use lojinha_server::protocol::Product;
use lojinha_server::server::ServerConfig;
use lojinha_test_support::{
    Conn, ServerProcess, WAIT, config_with_db, memory_config, proc_status_field, product, request,
    start_server, temp_db, wait_until,
};
use serde_json::{Value, json};

/// `n` products with names of about 40 characters.
fn products(n: usize) -> Vec<Product> {
    (0..n)
        .map(|i| Product {
            code: format!("P{i:07}"),
            name: format!("Produto de teste número {i} da lojinha"),
            price_cents: 100 + i as i64,
            quantity: 1,
            version: 0,
        })
        .collect()
}

/// Fills a spawned server's catalog through the protocol, 1,000 adds a batch.
fn seed_over_the_wire(addr: SocketAddr, n: usize) {
    let mut conn = Conn::welcomed(addr);
    for start in (0..n).step_by(1000) {
        let batch: Vec<Value> = (start..(start + 1000).min(n))
            .map(|i| {
                let name = format!("Produto de teste número {i} da lojinha");
                json!({"jsonrpc":"2.0","id":i,"method":"product.add",
                       "params":{"product": product(&format!("P{i:07}"), &name, 100, 1)}})
            })
            .collect();
        conn.send_line(&Value::Array(batch).to_string());
        let answer = conn.read_reply().expect("the batch's answer");
        assert!(
            answer.as_array().is_some_and(|a| a.iter().all(|r| r.get("result").is_some())),
            "seeding failed"
        );
    }
}

/// A batch of `entries` `product.list` calls of `limit` each.
fn list_batch(entries: usize, limit: usize) -> String {
    let calls: Vec<Value> = (0..entries)
        .map(|i| json!({"jsonrpc":"2.0","id":i,"method":"product.list","params":{"limit":limit}}))
        .collect();
    Value::Array(calls).to_string()
}

/// Reads one batch answer as it arrives, keeping nothing: returns its entry
/// count and size.
fn read_batch_answer(stream: &TcpStream) -> (usize, u64) {
    struct Counting<R> {
        inner: R,
        bytes: u64,
    }
    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.bytes += n as u64;
            Ok(n)
        }
    }
    let mut reader = Counting { inner: BufReader::with_capacity(1 << 16, stream), bytes: 0 };
    let mut de = serde_json::Deserializer::from_reader(&mut reader);
    let entries: Vec<serde::de::IgnoredAny> = serde::Deserialize::deserialize(&mut de).expect("a JSON array");
    (entries.len(), reader.bytes)
}

/// Samples a process's resident memory until told to stop; returns the peak in kB.
fn sample_peak_rss(pid: u32, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<u64> {
    std::thread::spawn(move || {
        let mut peak = 0;
        while !stop.load(Ordering::Relaxed) {
            peak = peak.max(proc_status_field(pid, "VmRSS").unwrap_or(0));
            std::thread::sleep(Duration::from_millis(20));
        }
        peak
    })
}

/// Milliseconds one `product.get` takes on a fresh connection.
fn bystander_call(addr: SocketAddr) -> f64 {
    let mut conn = Conn::welcomed(addr);
    let started = Instant::now();
    let answer = conn.call_reply(1, "product.get", json!({"code": "P0000001"}));
    assert_eq!(answer["result"]["code"], "P0000001", "{answer}");
    started.elapsed().as_secs_f64() * 1000.0
}

/// A batch whose answer is hundreds of megabytes is written as it is made:
/// the server's memory grows by a small fraction of the answer, the answer
/// arrives whole, and another client is served meanwhile.
#[test]
fn huge_batch_answer_streams_in_bounded_memory() {
    let (catalog, entries) =
        (env_u64("BATCH_CATALOG", 20_000) as usize, env_u64("BATCH_ENTRIES", 100) as usize);
    let server = ServerProcess::spawn(&["--db", ":memory:"]);
    seed_over_the_wire(server.addr(), catalog);
    let pid = server.pid();
    let before = proc_status_field(pid, "VmRSS").expect("VmRSS");
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = sample_peak_rss(pid, stop.clone());
    let mut conn = Conn::welcomed(server.addr());
    conn.send_line(&list_batch(entries, 10_000));
    let bystander = std::thread::spawn({
        let addr = server.addr();
        move || (0..20).map(|_| bystander_call(addr)).fold(0.0, f64::max)
    });
    let started = Instant::now();
    let (answered, bytes) = read_batch_answer(conn.stream());
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let peak = sampler.join().expect("sampler");
    let slowest = bystander.join().expect("bystander");
    let grown_mb = peak.saturating_sub(before) as f64 / 1024.0;
    let answer_mb = bytes as f64 / 1e6;
    println!(
        "batch of {entries} x product.list(10,000) over {catalog} products: {answer_mb:.0} MB answer in {elapsed:.1?}; \
         server VmRSS {before} kB before, peak {peak} kB (+{grown_mb:.0} MB); slowest bystander get {slowest:.1} ms"
    );
    assert_eq!(answered, entries, "every entry answered");
    assert!(
        grown_mb < answer_mb / 4.0,
        "the answer was held in memory: +{grown_mb:.0} MB for {answer_mb:.0} MB"
    );
}

/// `stop()` in the middle of a large batch, with a client that does not
/// read, ends every session and returns (the time is printed).
#[test]
fn stop_in_the_middle_of_a_large_batch_returns() {
    let server = start_server(memory_config());
    server.seed(products(20_000));
    let mut conn = Conn::welcomed(server.local_addr());
    conn.send_line(&list_batch(1000, 10_000));
    std::thread::sleep(Duration::from_millis(300));
    let (done_tx, done_rx) = crossbeam_channel::bounded(1);
    let started = Instant::now();
    std::thread::spawn(move || {
        server.stop();
        let _ = done_tx.send(());
    });
    assert!(done_rx.recv_timeout(WAIT).is_ok(), "stop() did not return");
    println!("stop() during a 1,000-page batch took {:?}", started.elapsed());
}

/// How many durable adds per second one client makes, with `watchers`
/// connected clients that never read (their notifications pile up in their
/// socket buffers). Returns the rate and the watchers.
fn adds_per_second(addr: SocketAddr, watchers: usize, adds: usize, prefix: &str) -> (f64, Vec<Conn>) {
    let idle: Vec<Conn> = (0..watchers).map(|_| Conn::welcomed(addr)).collect();
    let mut adder = Conn::welcomed(addr);
    let started = Instant::now();
    for i in 0..adds {
        let code = format!("{prefix}{i}");
        let answer =
            adder.call_reply(i as u64, "product.add", json!({"product": product(&code, "Caderno", 990, 1)}));
        assert_eq!(answer["result"]["code"], code.as_str(), "{answer}");
    }
    (adds as f64 / started.elapsed().as_secs_f64(), idle)
}

/// Every watcher receives every change, in commit order.
fn assert_watchers_heard(watchers: &mut [Conn], prefix: &str, adds: usize) {
    for (w, conn) in watchers.iter_mut().enumerate() {
        for i in 0..adds {
            let line = conn.read_json().expect("a notification");
            assert_eq!(line["method"], "product.added", "watcher {w}: {line}");
            assert_eq!(line["params"]["product"]["code"], format!("{prefix}{i}"), "watcher {w} out of order");
        }
    }
}

/// With hundreds of connected clients, adds keep flowing (the rates are
/// printed) and every client hears every change, in order.
#[test]
fn many_watchers_hear_every_change_in_order() {
    let watchers = env_u64("FANOUT_WATCHERS", 200) as usize;
    let adds = env_u64("FANOUT_ADDS", 1000) as usize;
    let mut run = compare_add_rates(watchers, adds);
    assert_watchers_heard(&mut run.watchers, "B", adds);
}

/// A fan-out run: its watchers, its server and the catalog's folder (dropped in that order).
struct FanOutRun {
    watchers: Vec<Conn>,
    _server: lojinha_server::ServerHandle,
    _dir: tempfile::TempDir,
}

/// On a fresh server with a catalog file, the durable add rate alone and
/// with `watchers` connected clients, printed.
fn compare_add_rates(watchers: usize, adds: usize) -> FanOutRun {
    let (dir, db) = temp_db();
    let config = ServerConfig {
        max_connections: watchers + 10,
        max_per_address: watchers + 10,
        ..config_with_db(&db)
    };
    let server = start_server(config);
    let (alone, _) = adds_per_second(server.local_addr(), 0, adds, "A");
    let (watched, idle) = adds_per_second(server.local_addr(), watchers, adds, "B");
    println!(
        "durable adds/s: {alone:.0} with nobody else connected, {watched:.0} with {watchers} connected clients \
         ({:.0} %)",
        100.0 * watched / alone
    );
    FanOutRun { watchers: idle, _server: server, _dir: dir }
}

/// Long version of the fan-out figure: 200 and 1,000 connected clients.
#[test]
#[ignore]
fn fan_out_figures() {
    for watchers in [0, 200, 1000] {
        compare_add_rates(watchers, 5000);
    }
}

/// Connections that trickle a byte now and then, never finishing a line,
/// are cut by the line timeout; an honest client is served meanwhile.
#[test]
fn trickled_lines_are_cut_and_honest_clients_served() {
    let config = ServerConfig {
        line_timeout: Duration::from_secs(1),
        idle_timeout: Duration::from_secs(60),
        ..memory_config()
    };
    let server = start_server(config);
    let addr = server.local_addr();
    let mut tricklers: Vec<Conn> = (0..50).map(|_| Conn::welcomed(addr)).collect();
    let mut slowest: f64 = 0.0;
    for _ in 0..8 {
        for conn in &mut tricklers {
            conn.try_send(b" ").ok();
        }
        let mut honest = Conn::welcomed(addr);
        let started = Instant::now();
        assert_eq!(honest.call_reply(1, "product.list", json!({}))["result"]["total"], 0);
        slowest = slowest.max(started.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(300));
    }
    println!("50 trickling connections: slowest honest answer {slowest:.1} ms");
    for conn in &mut tricklers {
        let last = last_line(conn);
        assert!(last.contains("goodbye") && last.contains("line timeout"), "{last}");
    }
    assert!(wait_until(|| server.sessions().is_empty()), "still open: {}", server.sessions().len());
}

/// The last line a connection receives before it is closed.
fn last_line(conn: &mut Conn) -> String {
    let mut last = String::new();
    while let Ok(Some(line)) = conn.read_line() {
        last = String::from_utf8_lossy(&line).into_owned();
    }
    last
}

/// One address cannot take every place: past `max_per_address` it is told
/// why and closed, and a place it frees can be taken again.
#[test]
fn one_address_cannot_fill_the_server() {
    let server = start_server(ServerConfig { max_per_address: 4, max_connections: 100, ..memory_config() });
    let addr = server.local_addr();
    let mut held: Vec<Conn> = (0..4).map(|_| Conn::welcomed(addr)).collect();
    let mut refused = Conn::connect(addr);
    let goodbye = refused.read_json().expect("a goodbye");
    assert_eq!(goodbye["method"], "goodbye");
    assert_eq!(goodbye["params"]["reason"], "too many connections from your address");
    assert!(refused.closed_by_server());
    held.pop();
    assert!(wait_until(|| server.sessions().len() == 3));
    let mut again = Conn::welcomed(addr);
    assert_eq!(again.call_reply(1, "product.list", json!({}))["result"]["total"], 0);
    assert_eq!(held[0].call_reply(2, "product.list", json!({}))["result"]["total"], 0);
}

/// A client that pipelines requests and never reads its answers is dropped
/// after the write timeout, long before the idle timeout.
#[test]
fn a_client_that_never_reads_is_dropped_after_the_write_timeout() {
    let config = ServerConfig {
        write_timeout: Duration::from_secs(1),
        idle_timeout: Duration::from_secs(300),
        ..memory_config()
    };
    let server = start_server(config);
    server.seed(products(200));
    let stream = TcpStream::connect(server.local_addr()).expect("connect");
    let sent = Arc::new(AtomicU64::new(0));
    let pipeliner = std::thread::spawn({
        let (mut stream, sent) = (stream.try_clone().expect("clone"), sent.clone());
        move || {
            let line = request(1, "product.list", json!({"limit": 200})).to_string() + "\n";
            while stream.write_all(line.as_bytes()).is_ok() {
                sent.fetch_add(1, Ordering::Relaxed);
            }
        }
    });
    let started = Instant::now();
    assert!(
        wait_until(|| sent.load(Ordering::Relaxed) > 100 && server.sessions().is_empty()),
        "still connected"
    );
    println!(
        "a non-reading pipeliner was dropped after {:?} ({} requests sent)",
        started.elapsed(),
        sent.load(Ordering::Relaxed)
    );
    drop(stream);
    pipeliner.join().expect("the pipeliner ends once the server closes");
}

/// A key written twice is an invalid request: nothing is executed.
#[test]
fn repeated_keys_are_refused_and_not_executed() {
    let server = start_server(memory_config());
    server.seed(products(1));
    let mut conn = Conn::welcomed(server.local_addr());
    let two_methods = r#"{"jsonrpc":"2.0","id":7,"method":"product.get","method":"product.delete","params":{"code":"P0000000"}}"#;
    conn.send_line(two_methods);
    let answer = conn.read_reply().expect("an answer");
    assert_eq!(answer["id"], 7, "{answer}");
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    let nested = r#"{"jsonrpc":"2.0","id":8,"method":"product.add","params":{"product":{"code":"X-1","code":"X-2","name":"n","price_cents":1}}}"#;
    conn.send_line(nested);
    assert_eq!(conn.read_reply().expect("an answer")["error"]["code"], -32600);
    assert_eq!(server.product_count(), 1, "nothing was deleted or added");
}

/// Names that would spoof what others see are refused with the field named.
#[test]
fn spoofing_names_are_refused() {
    let server = start_server(memory_config());
    let mut conn = Conn::welcomed(server.local_addr());
    let cases = [
        ("product.add", json!({"product": product("A-1", "Caneta \u{202E}lua", 1, 1)}), "name"),
        ("product.add", json!({"product": product("A-2", "\u{200B}\u{200D}", 1, 1)}), "name"),
        ("hello", json!({"client": "aluno\u{2066}"}), "client"),
        ("hello", json!({"client": "\u{200B}"}), "client"),
    ];
    for (i, (method, params, field)) in cases.into_iter().enumerate() {
        let answer = conn.call_reply(i as u64, method, params);
        assert_eq!(answer["error"]["code"], -32602, "{answer}");
        assert_eq!(answer["error"]["data"]["field"], field, "{answer}");
    }
    assert_eq!(server.product_count(), 0);
}

/// With a token, nothing but the open methods is looked at before the
/// token; `ping` works; three wrong tokens end the connection.
#[test]
fn the_token_comes_first_and_guessing_is_cut_short() {
    let server = start_server(ServerConfig { token: Some("s3cret".into()), ..memory_config() });
    let mut conn = Conn::welcomed(server.local_addr());
    assert_eq!(conn.call_reply(1, "product.fly", json!({}))["error"]["code"], 1003, "unknown method");
    assert_eq!(
        conn.call_reply(2, "product.get", json!({"code": "a b"}))["error"]["code"],
        1003,
        "bad params"
    );
    assert_eq!(conn.call_reply(3, "ping", json!({}))["result"], json!({"pong": true}));
    for id in 4..7 {
        let answer = conn.call_reply(id, "hello", json!({"client": "x", "token": "guess"}));
        assert_eq!(answer["error"]["code"], 1003, "{answer}");
    }
    let goodbye = conn.read_json().expect("a goodbye");
    assert_eq!(goodbye["params"]["reason"], "wrong token", "{goodbye}");
    assert!(conn.closed_by_server());
    let mut honest = Conn::welcomed(server.local_addr());
    assert!(honest.call_reply(1, "hello", json!({"client": "x", "token": "s3cret"}))["result"].is_object());
    assert_eq!(honest.call_reply(2, "product.list", json!({}))["result"]["total"], 0);
}

/// Long version of the batch figure: 256 connections each send the
/// 1,000-page batch over a 50,000-product catalog; the server's peak memory
/// and a bystander's slowest answer are printed.
#[test]
#[ignore]
fn many_huge_batches_at_once() {
    let connections = env_u64("BATCH_CONNECTIONS", 256) as usize;
    let server =
        ServerProcess::spawn(&["--db", ":memory:", "--max-connections", "300", "--max-per-address", "300"]);
    seed_over_the_wire(server.addr(), 50_000);
    let pid = server.pid();
    let before = proc_status_field(pid, "VmRSS").expect("VmRSS");
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = sample_peak_rss(pid, stop.clone());
    let batch = Arc::new(list_batch(1000, 10_000));
    let readers: Vec<_> = (0..connections)
        .map(|_| {
            let (addr, batch) = (server.addr(), batch.clone());
            std::thread::spawn(move || {
                let mut conn = Conn::welcomed(addr);
                conn.send_line(&batch);
                // Read slowly: a few KiB at a time, so answers back up.
                let mut reader = BufReader::new(conn.stream());
                let mut bytes = 0u64;
                loop {
                    let buf = reader.fill_buf().map(|b| b.len()).unwrap_or(0);
                    if buf == 0 {
                        return bytes;
                    }
                    reader.consume(buf);
                    bytes += buf as u64;
                    if bytes > 64 * 1024 * 1024 {
                        return bytes;
                    }
                }
            })
        })
        .collect();
    let mut latencies: Vec<f64> = Vec::new();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(env_u64("BATCH_SECS", 30)) {
        latencies.push(bystander_call(server.addr()));
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::Relaxed);
    let peak = sampler.join().expect("sampler");
    let stopping = Instant::now();
    server.terminate();
    let exit = server.wait_exit();
    let stopped_in = stopping.elapsed();
    let read: u64 = readers.into_iter().map(|r| r.join().unwrap_or(0)).sum();
    latencies.sort_by(f64::total_cmp);
    let p99 = latencies[(latencies.len() * 99 / 100).min(latencies.len() - 1)];
    println!(
        "{connections} connections x 1,000-page batch: VmRSS {before} kB -> peak {peak} kB; {} MB read by the \
         clients; bystander get p50 {:.1} ms, p99 {p99:.1} ms, max {:.1} ms over {} calls; SIGTERM in the \
         middle: exited ({exit}) after {stopped_in:.2?}",
        read / 1_000_000,
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1],
        latencies.len()
    );
}

/// The catalog a peer can fill is bounded: adds past `max_products` are
/// refused (-32603 "catalog full"), also inside a batch, and a delete makes
/// room again.
#[test]
fn the_catalog_cannot_grow_past_its_bound() {
    let server = start_server(ServerConfig { max_products: 3, ..memory_config() });
    let mut conn = Conn::welcomed(server.local_addr());
    let add = |conn: &mut Conn, id: u64, code: &str| {
        conn.call_reply(id, "product.add", json!({"product": product(code, "Lápis", 150, 1)}))
    };
    for (id, code) in [(1, "K-1"), (2, "K-2"), (3, "K-3")] {
        assert!(add(&mut conn, id, code)["result"].is_object());
    }
    let full = add(&mut conn, 4, "K-4");
    assert_eq!(full["error"]["code"], -32603, "{full}");
    assert!(full["error"]["message"].as_str().unwrap_or_default().contains("catalog full"), "{full}");
    assert!(conn.call_reply(5, "product.delete", json!({"code": "K-1"}))["result"].is_object());
    let batch: Vec<Value> = (0..3)
        .map(|i| {
            json!({"jsonrpc":"2.0","id":10 + i,"method":"product.add",
                        "params":{"product": product(&format!("B-{i}"), "Borracha", 90, 1)}})
        })
        .collect();
    conn.send_line(&Value::Array(batch).to_string());
    let answers = conn.read_reply().expect("the batch's answer");
    let stored = answers.as_array().expect("an array").iter().filter(|a| a.get("result").is_some()).count();
    assert_eq!(stored, 1, "one place was free: {answers}");
    assert_eq!(server.product_count(), 3);
}
