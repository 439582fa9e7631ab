//! The client against servers that misbehave (issue 9, the client side): a
//! server that floods notifications, one whose `welcome` never ends, and one
//! that writes valid JSON-RPC its own way (other key order, spaces). Each
//! hostile server is a few lines inside the test, on `127.0.0.1:0`.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use lojinha_server::client::{ClientEvent, INCOMING_CAPACITY, NOTIFICATION_CAPACITY};
use lojinha_server::{Client, ClientError, ClientOptions, ConnectionEnd};
use lojinha_test_support::bench_binary;
use serde_json::{Value, json};

/// A listener on a free port whose first connection is handed to `serve`
/// on a named thread.
fn hostile_server(
    name: &str,
    serve: impl FnOnce(TcpStream) + Send + 'static,
) -> (SocketAddr, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let thread = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            serve(stream);
        })
        .unwrap();
    (addr, thread)
}

const WELCOME: &str =
    r#"{"jsonrpc":"2.0","method":"welcome","params":{"server":"hostile","protocol":1,"session":1}}"#;
const ADDED: &str = r#"{"jsonrpc":"2.0","method":"product.added","params":{"product":{"code":"F","name":"flood","price_cents":1,"quantity":1}}}"#;

/// Reads request lines and passes each request's id on (ends with the connection).
fn read_requests(stream: TcpStream, ids: Sender<Value>) {
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { return };
        let Ok(request) = serde_json::from_str::<Value>(&line) else { continue };
        if ids.send(request["id"].clone()).is_err() {
            return;
        }
    }
}

/// Writes notifications without end, answering each request as it comes;
/// counts the bytes the socket took. Ends when the client is gone.
fn flood(mut stream: TcpStream, ids: &Receiver<Value>, written: &AtomicU64) {
    let mut chunk = String::new();
    for _ in 0..64 {
        chunk.push_str(ADDED);
        chunk.push('\n');
    }
    let mut write = |bytes: &[u8]| {
        let ok = stream.write_all(bytes).is_ok();
        written.fetch_add(bytes.len() as u64, Ordering::SeqCst);
        ok
    };
    if !write(format!("{WELCOME}\n").as_bytes()) {
        return;
    }
    loop {
        for id in ids.try_iter() {
            let answer = json!({"jsonrpc":"2.0","id":id,"result":{"code":"A","name":"a","price_cents":1,"quantity":1}});
            if !write(format!("{answer}\n").as_bytes()) {
                return;
            }
        }
        if !write(chunk.as_bytes()) {
            return;
        }
    }
}

/// Waits until `counter` stops growing for `quiet`, at most `limit`; returns its value.
fn settled(counter: &AtomicU64, quiet: Duration, limit: Duration) -> u64 {
    let deadline = Instant::now() + limit;
    let mut last = counter.load(Ordering::SeqCst);
    let mut still_since = Instant::now();
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        let now = counter.load(Ordering::SeqCst);
        if now != last {
            last = now;
            still_since = Instant::now();
        } else if still_since.elapsed() >= quiet {
            break;
        }
    }
    last
}

/// A server that floods notifications cannot fill the client's memory: the
/// background reader holds at most its channel's capacity and then stops
/// reading (the server's writes stall), notifications beyond their channel's
/// capacity are dropped and counted, and a request still gets its answer.
#[test]
fn a_flood_of_notifications_stays_bounded_and_the_answer_comes() {
    let written = Arc::new(AtomicU64::new(0));
    let counter = written.clone();
    let (addr, server) = hostile_server("flooding-server", move |stream| {
        let (ids_tx, ids_rx) = crossbeam_channel::unbounded();
        let reader = stream.try_clone().unwrap();
        std::thread::Builder::new()
            .name("flood-requests".into())
            .spawn(move || read_requests(reader, ids_tx))
            .unwrap();
        flood(stream, &ids_rx, &counter);
    });
    let options = ClientOptions { background_reader: true, ..Default::default() };
    let mut client = Client::connect(&addr.to_string(), options).unwrap();
    client.wait_welcome(Duration::from_secs(10)).unwrap();

    // The client takes nothing now: the reader fills its channel and stops.
    let stalled_at = settled(&written, Duration::from_millis(500), Duration::from_secs(20));
    let incoming = client.incoming_channel().unwrap();
    assert!(incoming.len() <= INCOMING_CAPACITY, "reader channel holds {} lines", incoming.len());
    assert!(
        stalled_at < 64 * 1024 * 1024,
        "the server wrote {stalled_at} bytes into a client that read nothing"
    );

    let answer = client.call("product.get", json!({"code":"A"})).unwrap();
    assert_eq!(answer["code"], "A");
    let waiting = client.notifications().len();
    assert!(waiting <= NOTIFICATION_CAPACITY, "{waiting} notifications held");
    assert!(client.dropped() > 0, "the notifications over capacity are counted");
    drop(client);
    server.join().unwrap();
}

/// A `welcome` of 200 MB without a newline: the client reads at most its
/// frame limit plus one read, then ends the connection as "too large" (and
/// the test ends: nothing hangs).
#[test]
fn an_endless_welcome_ends_at_the_frame_limit() {
    const MAX_FRAME: usize = 4 * 1024 * 1024;
    const CLIENT_READ: usize = 64 * 1024;
    let (addr, server) = hostile_server("endless-welcome", |mut stream| {
        let chunk = vec![b'x'; 1024 * 1024];
        for _ in 0..200 {
            if stream.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    let (events_tx, events_rx) = crossbeam_channel::unbounded();
    let options = ClientOptions {
        background_reader: true,
        max_frame: MAX_FRAME,
        report_reads: true,
        events: Some(events_tx),
        ..Default::default()
    };
    let mut client = Client::connect(&addr.to_string(), options).unwrap();
    let outcome = client.wait_welcome(Duration::from_secs(30));
    assert!(
        matches!(outcome, Err(ClientError::Closed { reason: ConnectionEnd::TooLarge })),
        "expected a too-large end, got {outcome:?}"
    );
    drop(client);
    server.join().unwrap();
    let read: usize = events_rx
        .try_iter()
        .filter_map(|r| match r.event {
            ClientEvent::Read { bytes } => Some(bytes),
            _ => None,
        })
        .sum();
    assert!(read <= MAX_FRAME + CLIENT_READ, "read {read} bytes with a {MAX_FRAME}-byte limit");
}

// ----- lojinha-bench against a server that writes JSON its own way ----------

/// Answers every request with its keys in another order and spaces, with a
/// notification written the same way before each answer.
fn answer_its_own_way(stream: TcpStream) {
    let mut writer = stream.try_clone().unwrap();
    let welcome = r#"{ "params" : { "session" : 1, "protocol" : 1, "server" : "odd" }, "method" : "welcome", "jsonrpc" : "2.0" }"#;
    if writeln!(writer, "{welcome}").is_err() {
        return;
    }
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { return };
        let Ok(request) = serde_json::from_str::<Value>(&line) else { return };
        let id = &request["id"];
        let note = r#"{ "params" : { "code" : "X" }, "method" : "product.deleted", "jsonrpc" : "2.0" }"#;
        let product = r#"{ "quantity" : 1, "price_cents" : 100, "name" : "Odd", "code" : "BENCH-000000" }"#;
        let answer = format!(r#"{{ "result" : {product} , "id" : {id}, "jsonrpc" : "2.0" }}"#);
        if writeln!(writer, "{note}\n{answer}").is_err() {
            return;
        }
    }
}

/// A listener that serves every connection its own way, each on a named thread.
fn odd_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::Builder::new()
        .name("odd-server".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::Builder::new()
                    .name("odd-session".into())
                    .spawn(move || answer_its_own_way(stream))
                    .unwrap();
            }
        })
        .unwrap();
    addr
}

/// `lojinha-bench` works against any valid server: answers and notifications
/// with other key orders and spaces are read as JSON (both drivers).
#[test]
fn bench_reads_json_written_any_way() {
    let addr = odd_server().to_string();
    let bench = bench_binary();
    for driver in ["loop", "threads"] {
        let output = Command::new(bench)
            .args(["--addr", &addr, "--clients", "2", "-n", "200", "--pipeline", "4", "--no-seed", "--json"])
            .args(["--driver", driver])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "bench ({driver}) failed: {stderr}");
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["requests"], 200, "bench ({driver}) report: {report}");
    }
}
