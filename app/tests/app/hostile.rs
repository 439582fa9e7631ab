//! A client window's network layer against hostile servers (issue 9, the
//! app's side): reconnects back off against a server that accepts and hangs
//! up at once, and a window under a flood of notifications applies at most a
//! frame's budget of events per frame. The servers are a few lines here, on
//! `127.0.0.1:0`; the window and its network thread are the app's own.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use lojinha::client::connection::ConnIntent;
use lojinha::client::network::{self, Control, DEFAULT_MAX_FRAME, EVENT_CAPACITY, NetEvent, TEXT_IN_FLIGHT};
use lojinha::client::{ClientWindow, EVENTS_PER_FRAME, Intent};
use lojinha::i18n::Language;
use lojinha::waker::Waker;
use lojinha_test_support::{bind_loopback, proc_status_field};
use serde_json::{Value, json};

fn waker() -> Waker {
    Waker::new(egui::Context::default(), egui::ViewportId::ROOT)
}

const WELCOME: &str =
    r#"{"jsonrpc":"2.0","method":"welcome","params":{"server":"hostile","protocol":1,"session":1}}"#;

/// A listener on a free port whose first connection `serve` handles on a named thread.
fn serve_one(name: &str, serve: impl FnOnce(TcpStream) + Send + 'static) -> SocketAddr {
    let listener = bind_loopback();
    let addr = listener.local_addr().unwrap();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            if let Some(stream) = listener.incoming().flatten().next() {
                serve(stream);
            }
        })
        .unwrap();
    addr
}

/// Client window `number`, told to connect to `addr`.
fn window_at(number: u32, addr: SocketAddr) -> ClientWindow {
    let mut window =
        ClientWindow::new(number, "t".into(), addr.to_string(), false, waker(), DEFAULT_MAX_FRAME).unwrap();
    window.apply(vec![Intent::Conn(ConnIntent::Connect(addr.to_string()))], Language::En);
    window
}

/// Draws frames (drains events) until `done` or `deadline`.
fn drain_until(window: &mut ClientWindow, deadline: Instant, done: impl Fn(&ClientWindow) -> bool) {
    while !done(window) && Instant::now() < deadline {
        window.drain();
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A listener that accepts every connection and closes it at once; the
/// returned channel gets one item per accepted connection.
fn hang_up_server() -> (SocketAddr, Receiver<Instant>) {
    let listener = bind_loopback();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("hang-up-server".into())
        .spawn(move || {
            for stream in listener.incoming() {
                drop(stream);
                if tx.send(Instant::now()).is_err() {
                    return;
                }
            }
        })
        .unwrap();
    (addr, rx)
}

/// Against a server that accepts and closes at once, each reconnect waits
/// longer than the one before (1 s, 2 s, 4 s), and the listener sees no more
/// connection attempts than that schedule allows.
#[test]
fn reconnects_back_off_against_a_server_that_hangs_up() {
    let (addr, accepted) = hang_up_server();
    let link = network::spawn(90, waker(), DEFAULT_MAX_FRAME).unwrap();
    let connect = Control::Connect { addr: addr.to_string(), name: "t".into(), token: None };
    link.commands.send(connect.into()).unwrap();
    let mut delays = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while delays.len() < 3 && Instant::now() < deadline {
        if let Ok(NetEvent::Disconnected { retry_in, .. }) =
            link.events.recv_timeout(Duration::from_millis(100))
        {
            delays.push(retry_in.expect("a reconnect is scheduled"));
        }
    }
    let secs: Vec<u64> = delays.iter().map(Duration::as_secs).collect();
    assert_eq!(secs, [1, 2, 4], "the delays after each lost connection");
    // Three connections were lost; the fourth attempt is 4 s away.
    let attempts = accepted.try_iter().count();
    assert!(attempts <= 3, "{attempts} connection attempts for 3 lost connections");
}

// ----- a server that floods notifications ---------------------------------

const ADDED: &str = r#"{"jsonrpc":"2.0","method":"product.added","params":{"product":{"code":"F","name":"flood","price_cents":1,"quantity":1}}}"#;

/// The answer a polite server would give, by method.
fn answer(id: &Value, method: &str) -> String {
    let result = match method {
        "hello" => json!({"session": 1, "server": "hostile"}),
        "product.list" => json!({"products": [], "total": 0, "next": null}),
        _ => json!({"code": "A", "name": "a", "price_cents": 1, "quantity": 1}),
    };
    format!("{}\n", json!({"jsonrpc": "2.0", "id": id, "result": result}))
}

/// Reads requests and passes (id, method) on.
fn read_requests(stream: TcpStream, tx: Sender<(Value, String)>) {
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { return };
        let Ok(request) = serde_json::from_str::<Value>(&line) else { continue };
        let method = request["method"].as_str().unwrap_or_default().to_owned();
        if tx.send((request["id"].clone(), method)).is_err() {
            return;
        }
    }
}

/// Welcomes, answers every request, and otherwise writes `product.added`
/// without end; counts the notifications the socket took.
fn flood(mut stream: TcpStream, sent: &AtomicU64) {
    let (tx, requests) = crossbeam_channel::unbounded();
    let reader = stream.try_clone().unwrap();
    std::thread::Builder::new()
        .name("flood-requests".into())
        .spawn(move || read_requests(reader, tx))
        .unwrap();
    let chunk = format!("{ADDED}\n").repeat(64);
    if writeln!(stream, "{WELCOME}").is_err() {
        return;
    }
    loop {
        for (id, method) in requests.try_iter() {
            if stream.write_all(answer(&id, &method).as_bytes()).is_err() {
                return;
            }
        }
        if stream.write_all(chunk.as_bytes()).is_err() {
            return;
        }
        sent.fetch_add(64, Ordering::Relaxed);
    }
}

/// A server that floods every connection it accepts, each on a named thread.
fn flooding_server() -> (SocketAddr, Arc<AtomicU64>) {
    let listener = bind_loopback();
    let addr = listener.local_addr().unwrap();
    let sent = Arc::new(AtomicU64::new(0));
    let counter = sent.clone();
    std::thread::Builder::new()
        .name("flooding-server".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                let counter = counter.clone();
                std::thread::Builder::new()
                    .name("flood".into())
                    .spawn(move || flood(stream, &counter))
                    .unwrap();
            }
        })
        .unwrap();
    (addr, sent)
}

/// A client window connected to a flooding server.
fn flooded_window(number: u32) -> (ClientWindow, Arc<AtomicU64>) {
    let (addr, sent) = flooding_server();
    (window_at(number, addr), sent)
}

/// Under a flood of notifications the window's channel fills to its bound
/// and no further, one frame applies at most its budget of events, and the
/// answers the window waits for (here: its connection made) still arrive.
#[test]
fn a_frame_applies_at_most_its_budget_under_a_flood() {
    let (mut window, _sent) = flooded_window(91);
    let deadline = Instant::now() + Duration::from_secs(20);
    while window.waiting() < EVENT_CAPACITY && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(window.waiting(), EVENT_CAPACITY, "the flood fills the window's channel, and no more");
    // Frames go on until the window has seen its connection made.
    while !window.conn.connected() && Instant::now() < deadline {
        let applied = window.drain();
        assert!(applied <= EVENTS_PER_FRAME, "one frame applied {applied} events");
        assert!(window.waiting() <= EVENT_CAPACITY);
    }
    assert!(window.conn.connected(), "the window is connected through the flood");
}

/// The long version: a window drained at 60 frames a second under a flood
/// for HOSTILE_SECS (default 60) seconds; prints the RSS it sampled, the
/// notifications the server got out, and what the window applied and
/// dropped. Run with `cargo test --workspace --test app -- --ignored --nocapture flood_for_a_minute`.
#[test]
#[ignore]
fn flood_for_a_minute() {
    let secs = std::env::var("HOSTILE_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let (mut window, sent) = flooded_window(92);
    let started = Instant::now();
    let (mut applied, mut max_rss, mut frames, mut slowest) = (0usize, 0u64, 0u64, Duration::ZERO);
    let mut next_sample = Instant::now();
    while started.elapsed() < Duration::from_secs(secs) {
        let frame = Instant::now();
        applied += window.drain();
        slowest = slowest.max(frame.elapsed());
        frames += 1;
        if Instant::now() >= next_sample {
            let rss = proc_status_field(std::process::id(), "VmRSS").unwrap_or(0);
            max_rss = max_rss.max(rss);
            println!(
                "t={:>3} s  rss={:>7} KiB  server sent={:>10}  applied={:>10}  not shown={:>10}  log={} entries / {} KiB",
                started.elapsed().as_secs(),
                rss,
                sent.load(Ordering::Relaxed),
                applied,
                window.not_shown(),
                window.steps.len(),
                window.steps.bytes() / 1024,
            );
            next_sample += Duration::from_secs(1);
        }
        std::thread::sleep(Duration::from_millis(16));
    }
    let rate = applied as f64 / started.elapsed().as_secs_f64();
    println!(
        "{secs} s: max rss {max_rss} KiB, {frames} frames, slowest drain {slowest:?}, {rate:.0} events/s applied"
    );
    assert!(window.conn.connected());
}

// ----- notifications that arrive while an answer is awaited ---------------

/// How many distinct products the bursting server announces before answering a `get`.
const BURST: usize = 5000;

/// Welcomes, answers `hello` and `product.list` (an empty catalog) at once,
/// and answers `product.get` only after sending `BURST` `product.added`
/// notifications, each for a new product.
fn burst_then_answer(mut stream: TcpStream) {
    if writeln!(stream, "{WELCOME}").is_err() {
        return;
    }
    let requests = BufReader::new(stream.try_clone().unwrap());
    for line in requests.lines() {
        let Ok(line) = line else { return };
        let Ok(request) = serde_json::from_str::<Value>(&line) else { continue };
        let method = request["method"].as_str().unwrap_or_default().to_owned();
        if method == "product.get" {
            let burst: String = (0..BURST)
                .map(|i| {
                    let product =
                        json!({"code": format!("B-{i}"), "name": "burst", "price_cents": 1, "quantity": 1});
                    format!(
                        "{}\n",
                        json!({"jsonrpc":"2.0","method":"product.added","params":{"product":product}})
                    )
                })
                .collect();
            if stream.write_all(burst.as_bytes()).is_err() {
                return;
            }
        }
        if stream.write_all(answer(&request["id"], &method).as_bytes()).is_err() {
            return;
        }
    }
}

/// Notifications that arrive while the window waits for an answer are never
/// dropped: after thousands arrive ahead of a `product.get`'s answer, the
/// table holds every product they announced.
#[test]
fn notifications_arriving_during_a_request_all_reach_the_table() {
    let mut window = window_at(92, serve_one("bursting-server", burst_then_answer));
    let deadline = Instant::now() + Duration::from_secs(30);
    drain_until(&mut window, deadline, |w| w.conn.connected());
    window.apply(vec![Intent::Fetch("NOPE".into())], Language::En);
    drain_until(&mut window, deadline, |w| w.catalog.len() >= BURST);
    assert_eq!(window.catalog.len(), BURST, "every announced product is in the table");
}

// ----- a catalog that changes while it is paged ----------------------------

/// Answers `hello`, and pages a catalog whose `total` grows between pages
/// (others adding while this client pages): two pages, the last with `next: null`.
fn growing_catalog(stream: TcpStream) {
    let mut out = stream.try_clone().unwrap();
    if writeln!(out, "{WELCOME}").is_err() {
        return;
    }
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { return };
        let Ok(request) = serde_json::from_str::<Value>(&line) else { continue };
        let id = &request["id"];
        let reply = match request["method"].as_str() {
            Some("product.list") if request["params"]["after"].is_null() => json!({"jsonrpc":"2.0","id":id,
                "result":{"products":[{"code":"A","name":"a","price_cents":1,"quantity":1}],"next":"A","total":5}}),
            Some("product.list") => json!({"jsonrpc":"2.0","id":id,
                "result":{"products":[{"code":"B","name":"b","price_cents":1,"quantity":1}],"next":null,"total":7}}),
            _ => json!({"jsonrpc":"2.0","id":id,"result":{"session":1,"server":"hostile"}}),
        };
        if writeln!(out, "{reply}").is_err() {
            return;
        }
    }
}

/// The last page ends a load even when the catalog grew meanwhile (its
/// `total` is above what was loaded): no progress bar stays behind.
#[test]
fn the_last_page_ends_the_load_of_a_growing_catalog() {
    let mut window = window_at(93, serve_one("growing-catalog", growing_catalog));
    drain_until(&mut window, Instant::now() + Duration::from_secs(20), |w| w.catalog.len() >= 2);
    assert_eq!(window.catalog.len(), 2, "both pages arrived");
    assert_eq!(window.progress, None, "the load is over");
}

// ----- huge lines nobody reads ---------------------------------------------

/// Welcomes, then sends `count` lines of about 3 MiB each (an unknown
/// notification padded out), under the window's 4 MiB frame limit.
fn huge_lines(mut stream: TcpStream, count: usize, sent: &AtomicU64) {
    let line =
        format!("{}\n", json!({"jsonrpc":"2.0","method":"noise","params":{"pad":"x".repeat(3 << 20)}}));
    if writeln!(stream, "{WELCOME}").is_err() {
        return;
    }
    for _ in 0..count {
        if stream.write_all(line.as_bytes()).is_err() {
            return;
        }
        sent.fetch_add(1, Ordering::Relaxed);
    }
}

/// A server sending huge lines to a window that does not draw: the text on
/// its way to the window stays within its byte budget, and what does not
/// fit is counted as not shown.
#[test]
fn huge_lines_cannot_fill_a_window_that_does_not_draw() {
    let sent = Arc::new(AtomicU64::new(0));
    let counter = sent.clone();
    let window = window_at(94, serve_one("huge-lines", move |stream| huge_lines(stream, 300, &counter)));
    let deadline = Instant::now() + Duration::from_secs(60);
    while sent.load(Ordering::Relaxed) < 300 && Instant::now() < deadline {
        assert!(window.text_waiting() <= TEXT_IN_FLIGHT, "{} bytes waiting", window.text_waiting());
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    println!(
        "{} huge lines sent; {} bytes of text waiting; {} not shown",
        sent.load(Ordering::Relaxed),
        window.text_waiting(),
        window.not_shown()
    );
    assert!(window.text_waiting() <= TEXT_IN_FLIGHT);
    assert!(window.not_shown() > 0, "what did not fit is counted");
}

/// A thread's name and nice value, from its `/proc` directory (Linux).
#[cfg(target_os = "linux")]
fn name_and_nice(task: &std::path::Path) -> Option<(String, i64)> {
    let name = std::fs::read_to_string(task.join("comm")).ok()?.trim().to_owned();
    let stat = std::fs::read_to_string(task.join("stat")).ok()?;
    // Fields after the name in parentheses: state is field 3, nice field 19.
    let after = &stat[stat.rfind(')')? + 2..];
    let nice = after.split(' ').nth(16)?.parse().ok()?;
    Some((name, nice))
}

/// The in-app server runs below the window's priority: its threads (each
/// session, the storage writer) are 10 nicer than the thread that draws, so
/// a busy class cannot starve the window (Linux).
#[cfg(target_os = "linux")]
#[test]
fn the_in_app_server_runs_below_the_window() {
    let h = crate::common::served_and_connected();
    let (_, ui_nice) = name_and_nice(std::path::Path::new("/proc/thread-self")).unwrap();
    let tasks = std::fs::read_dir("/proc/self/task").unwrap();
    let threads: Vec<(String, i64)> = tasks.filter_map(|t| name_and_nice(&t.ok()?.path())).collect();
    let server: Vec<&(String, i64)> =
        threads.iter().filter(|(name, _)| name.starts_with("session-") || name == "storage-writer").collect();
    assert!(!server.is_empty(), "the server's threads are there: {threads:?}");
    for (name, nice) in server {
        assert_eq!(*nice, ui_nice + 10, "{name} runs at nice {nice}, the window at {ui_nice}");
    }
    drop(h);
}
