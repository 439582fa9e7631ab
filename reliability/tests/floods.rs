//! Floods and slow peers: a thousand connections held and served, the
//! connection limit, memory per connection of the real binary, slowloris
//! peers, and a session that never reads its notifications.

use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use lojinha_reliability::open_files_limit;
use lojinha_server::ServerConfig;
use lojinha_test_support::{
    Conn, ServerProcess, memory_config, proc_status_field, product, start_server, wait_until,
};
use serde_json::json;

const THOUSAND: usize = 1000;

/// Whether this process may open enough files for `connections` (about 4 descriptors each, both ends).
fn enough_files(connections: usize) -> bool {
    let limit = open_files_limit().unwrap_or(0);
    let enough = limit >= (connections as u64) * 5 + 100;
    if !enough {
        eprintln!("skipped: `ulimit -n` is {limit}; run `ulimit -n 8192` first");
    }
    enough
}

/// Opens `n` connections that each read `welcome` and get one answer.
fn open_served(addr: SocketAddr, n: usize) -> Vec<Conn> {
    (0..n)
        .map(|i| {
            let mut conn = Conn::welcomed(addr);
            let answer = conn.call_reply(i as u64, "product.get", json!({"code": format!("C{i}")}));
            assert_eq!(answer["error"]["code"], 1001, "connection {i}: {answer}");
            conn
        })
        .collect()
}

/// Connects and expects `goodbye` "server full" as the only line, then the close.
fn assert_rejected_full(addr: SocketAddr) {
    let mut conn = Conn::connect(addr);
    let first = conn.read_json().expect("a goodbye line");
    assert_eq!(first["method"], "goodbye", "{first}");
    assert_eq!(first["params"]["reason"], "server full", "{first}");
    assert!(conn.closed_by_server(), "the rejected connection is closed");
}

/// 1,000 connections are held at once, each served; the 1,001st gets "server full"; the server recovers as they leave.
#[test]
fn thousand_connections_held_served_and_limited() {
    if !enough_files(THOUSAND) {
        return;
    }
    let server = start_server(ServerConfig {
        max_connections: THOUSAND,
        max_per_address: THOUSAND,
        ..memory_config()
    });
    let addr = server.local_addr();
    let started = Instant::now();
    let mut held = open_served(addr, THOUSAND);
    assert_eq!(server.sessions().len(), THOUSAND);
    println!("{THOUSAND} connections opened and served in {:?}", started.elapsed());
    // All still alive: each answers again.
    for (i, conn) in held.iter_mut().enumerate().step_by(10) {
        let answer = conn.call_reply("again", "product.list", json!({"limit": 1}));
        assert_eq!(answer["result"]["total"], 0, "connection {i}: {answer}");
    }
    for _ in 0..20 {
        assert_rejected_full(addr);
    }
    held.truncate(THOUSAND / 2);
    assert!(wait_until(|| server.sessions().len() == THOUSAND / 2), "sessions: {}", server.sessions().len());
    let newcomers = open_served(addr, 100);
    assert_eq!(server.sessions().len(), THOUSAND / 2 + newcomers.len());
}

/// The real binary's resident memory per held connection (printed; no threshold).
#[test]
fn memory_per_connection_of_the_binary() {
    if !enough_files(THOUSAND) {
        return;
    }
    let server =
        ServerProcess::spawn(&["--db", ":memory:", "--max-connections", "1100", "--max-per-address", "1100"]);
    let pid = server.pid();
    let warm = open_served(server.addr(), 1);
    let before = proc_status_field(pid, "VmRSS").expect("VmRSS");
    let held = open_served(server.addr(), THOUSAND);
    let after = proc_status_field(pid, "VmRSS").expect("VmRSS");
    let threads = proc_status_field(pid, "Threads").expect("Threads");
    drop(held);
    let server_addr = server.addr();
    let mut probe = Conn::welcomed(server_addr);
    // Left: main, Ctrl-C, accept loop, storage writer, fan-out, broadcast,
    // and two per session still open (the warm-up and the probe).
    assert!(
        wait_until(|| proc_status_field(pid, "Threads").is_some_and(|t| t <= 10)),
        "threads are released"
    );
    let released = proc_status_field(pid, "VmRSS").expect("VmRSS");
    let per_connection = (after.saturating_sub(before)) as f64 / THOUSAND as f64;
    println!(
        "VmRSS before {before} kB, with {THOUSAND} connections {after} kB ({per_connection:.1} kB per connection, \
         {threads} threads), after they left {released} kB"
    );
    assert_eq!(probe.call_reply(1, "product.list", json!({}))["result"]["total"], 0);
    drop(warm);
}

/// Hundreds of silent or byte-dribbling connections do not keep a new client from being served; the idle timeout closes the silent ones and the line timeout the dribblers (a line begun and never finished).
#[test]
fn slowloris_peers_do_not_block_and_are_timed_out() {
    let idle = Duration::from_secs(4);
    let server = start_server(ServerConfig {
        idle_timeout: idle,
        max_connections: 400,
        max_per_address: 400,
        ..memory_config()
    });
    let addr = server.local_addr();
    let silent: Vec<TcpStream> = (0..150).map(|_| TcpStream::connect(addr).expect("connect")).collect();
    let mut dribblers: Vec<Conn> = (0..150).map(|_| Conn::connect(addr)).collect();
    let held = wait_until(|| server.sessions().len() >= 300);
    assert!(held, "the slow peers are held: {}", server.sessions().len());
    for round in 0..3 {
        for conn in &mut dribblers {
            conn.send(&[b"{\"j"[round]]);
        }
        // A newcomer is served at once while the 300 hold their connections.
        let mut newcomer = Conn::welcomed(addr);
        let answer = newcomer.call_reply(round as u64, "product.list", json!({}));
        assert_eq!(answer["result"]["total"], 0, "{answer}");
        std::thread::sleep(idle / 4);
    }
    assert!(wait_until(|| server.sessions().is_empty()), "still open: {}", server.sessions().len());
    for conn in dribblers.iter_mut().take(20) {
        let mut lines = Vec::new();
        while let Ok(Some(line)) = conn.read_line() {
            lines.push(String::from_utf8_lossy(&line).into_owned());
        }
        let last = lines.last().map(String::as_str).unwrap_or_default();
        assert!(last.contains("goodbye") && last.contains("line timeout"), "lines: {lines:?}");
    }
    drop(silent);
}

/// Silent peers filling every slot keep newcomers out ("server full") for at most one idle timeout.
#[test]
fn silent_peers_at_the_limit_are_cleared_by_the_idle_timeout() {
    let idle = Duration::from_secs(2);
    let server = start_server(ServerConfig { idle_timeout: idle, max_connections: 50, ..memory_config() });
    let addr = server.local_addr();
    let silent: Vec<TcpStream> = (0..50).map(|_| TcpStream::connect(addr).expect("connect")).collect();
    assert!(wait_until(|| server.sessions().len() == 50));
    assert_rejected_full(addr);
    assert!(wait_until(|| server.sessions().is_empty()), "still open: {}", server.sessions().len());
    let mut newcomer = Conn::welcomed(addr);
    assert_eq!(newcomer.call_reply(1, "product.list", json!({}))["result"]["total"], 0);
    drop(silent);
}

/// A connection with a tiny receive buffer, so a peer that does not read backs up fast.
fn non_reading_peer(addr: SocketAddr) -> TcpStream {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).expect("socket");
    socket.set_recv_buffer_size(4096).expect("SO_RCVBUF");
    socket.connect(&addr.into()).expect("connect");
    socket.into()
}

/// A session that never reads its notifications is dropped at the outbox bound; the writer is never held up.
///
/// The writer sends 12,000 updates (~6 MB of notifications for the sleeper:
/// more than loopback's 4 MiB send buffer plus the 64 KiB outbox bound).
#[test]
fn slow_reader_is_dropped_and_writers_go_on() {
    let limit = 64 * 1024;
    let idle = Duration::from_secs(lojinha_reliability::env_u64("SLOW_READER_IDLE", 300));
    let server = start_server(ServerConfig { outbox_limit: limit, idle_timeout: idle, ..memory_config() });
    let addr = server.local_addr();
    let sleeper = non_reading_peer(addr);
    assert!(wait_until(|| server.sessions().len() == 1));
    let mut writer = Conn::welcomed(addr);
    let name = "ç".repeat(200);
    writer.call_reply(0, "product.add", json!({"product": product("BIG", &name, 0, 0)}));
    let started = Instant::now();
    let (batches, per_batch) = (12, 1000);
    for b in 0..batches {
        let entries: Vec<_> = (0..per_batch)
            .map(|i| {
                let price = b * per_batch + i + 1;
                json!({"jsonrpc":"2.0","id":price,"method":"product.update","params":{"product":product("BIG", &name, price, 0)}})
            })
            .collect();
        writer.send_line(&serde_json::to_string(&entries).expect("a batch"));
        let answers = writer.read_reply().expect("the batch answer");
        let ok = answers.as_array().expect("an array").iter().filter(|a| a.get("result").is_some()).count();
        assert_eq!(ok, per_batch as usize, "batch {b}");
    }
    let writes_took = started.elapsed();
    println!("{} writes in {writes_took:?} with a non-reading peer", batches * per_batch);
    let dropped = wait_until(|| server.sessions().len() == 1);
    let left = server.sessions().len();
    assert!(
        dropped,
        "the non-reading session is still open {:?} after the writes ({left} sessions)",
        started.elapsed()
    );
    let mut sleeper = Conn::from_stream(sleeper);
    let mut last = String::new();
    while let Ok(Some(line)) = sleeper.read_line() {
        last = String::from_utf8_lossy(&line).into_owned();
    }
    println!("the last line the slow reader got: {}", &last[..last.len().min(120)]);
    assert!(!last.contains("goodbye") || last.contains("too slow"), "{last}");
}
