//! The frame limit over a real socket: a client that sends a line far past
//! the limit in one go (as `nc` with a big paste does) gets the promised
//! `-32600` "frame too large" answer before the server closes (PROTOCOL.md,
//! "Transport and framing").

use lojinha_server::ServerConfig;
use lojinha_test_support::{Conn, memory_config, start_server};
use serde_json::Value;

/// While another session writes, 20 connections each send an 8 MiB line (1 MiB limit) in one write: each reads the error, then the close.
#[test]
fn oversized_line_gets_its_error_before_the_close() {
    let server = start_server(ServerConfig { ..memory_config() });
    let addr = server.local_addr();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let busy = {
        let stop = stop.clone();
        std::thread::spawn(move || -> Option<String> {
            let mut writer = Conn::welcomed(addr);
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                i += 1;
                writer.call_reply(
                    i,
                    "product.add",
                    serde_json::json!({"product": lojinha_test_support::product(&format!("N{i}"), "n", 1, 1)}),
                );
            }
            None
        })
    };
    let mut line = vec![b'x'; 8 * 1024 * 1024];
    line.push(b'\n');
    let mut outcomes = Vec::new();
    for _ in 0..20 {
        let mut conn = Conn::welcomed(server.local_addr());
        let sent = conn.try_send(&line).map_err(|e| e.kind());
        let answer = loop {
            match conn.read_line() {
                Ok(Some(bytes)) => {
                    let Ok(v) = serde_json::from_slice::<Value>(&bytes) else {
                        break Some(Value::from(format!("not JSON: {}", String::from_utf8_lossy(&bytes))));
                    };
                    if v.get("method").is_none() {
                        break Some(v["error"]["code"].clone());
                    }
                }
                Ok(None) => break None,
                Err(_) => break None,
            }
        };
        outcomes.push((sent, answer));
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let busy = busy.join().expect("the busy writer");
    assert!(busy.is_none(), "{busy:?}");
    let lost = outcomes.iter().filter(|(_, answer)| *answer != Some(Value::from(-32600))).count();
    println!("oversized lines whose error answer was lost: {lost} of 20; outcomes: {outcomes:?}");
    assert_eq!(lost, 0, "the promised -32600 answer never arrived: {outcomes:?}");
}

/// 50 connections at once stream 16 MiB lines with no newline at the real binary: its memory stays flat.
#[test]
fn endless_lines_do_not_grow_server_memory() {
    use lojinha_test_support::{ServerProcess, proc_status_field};
    use std::io::Write;

    let server = ServerProcess::spawn(&["--db", ":memory:", "--max-frame", "65536"]);
    let pid = server.pid();
    let mut probe = Conn::welcomed(server.addr());
    let before = proc_status_field(pid, "VmRSS").expect("VmRSS");
    let addr = server.addr();
    let senders: Vec<_> = (0..50)
        .map(|_| {
            std::thread::spawn(move || {
                let mut stream = std::net::TcpStream::connect(addr).expect("connect");
                let chunk = vec![b'y'; 64 * 1024];
                let mut sent = 0;
                while sent < 16 * 1024 * 1024 && stream.write_all(&chunk).is_ok() {
                    sent += chunk.len();
                }
                sent
            })
        })
        .collect();
    let mut peak = before;
    while senders.iter().any(|s| !s.is_finished()) {
        peak = peak.max(proc_status_field(pid, "VmRSS").unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let sent: usize = senders.into_iter().map(|s| s.join().expect("sender")).sum();
    println!(
        "VmRSS {before} kB before, peak {peak} kB while 50 peers sent {} MiB of endless lines",
        sent >> 20
    );
    assert!(peak < before + 50 * 1024, "server memory grew by {} kB", peak - before);
    assert!(probe.call_reply(1, "product.list", serde_json::json!({}))["result"]["total"] == 0);
}
