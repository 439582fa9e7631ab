//! The record of steps fed from a real server and real clients on
//! 127.0.0.1:0: its classification and pairing agree with what actually
//! crosses the wire, on both sides.

use std::time::{Duration, Instant};

use lojinha_server::{Client, ClientOptions, Product, ServerConfig, start};
use lojinha_teach::Language;
use lojinha_teach::steps::{Direction, Kind, Steps, words};
use serde_json::json;

fn product(code: &str) -> Product {
    Product { code: code.into(), name: format!("Produto {code}"), price_cents: 250, quantity: 1, version: 0 }
}

/// Every answer a real client receives (single, error, pipelined, batch) pairs
/// with its request, and the server's view of both sessions pairs the same way.
#[test]
fn real_conversation_pairs_on_both_sides() {
    let config =
        ServerConfig { listen: "127.0.0.1:0".into(), event_capacity: 10_000, ..ServerConfig::default() };
    let server = start(config).unwrap();
    let server_events = server.events().unwrap();
    let addr = server.local_addr().to_string();
    let (tx, client_events) = crossbeam_channel::unbounded();
    let options = ClientOptions { events: Some(tx), ..ClientOptions::default() };
    let mut client = Client::connect(&addr, options).unwrap();
    let mut other = Client::connect(&addr, ClientOptions::default()).unwrap();
    client.wait_welcome(Duration::from_secs(5)).unwrap();
    other.wait_welcome(Duration::from_secs(5)).unwrap();
    client.hello("Window 1").unwrap();
    other.add(&product("B-1")).unwrap(); // `client` gets a product.added notification
    assert!(client.get("NOPE").is_err());
    client.pipeline(&[("product.get", json!({"code":"B-1"})), ("product.list", json!({}))]).unwrap();
    client.send_batch(&[("product.get", json!(["B-1"])), ("product.list", json!({"limit": 1}))]).unwrap();
    client.recv_reply().unwrap();
    client.quit().unwrap();
    other.quit().unwrap();

    let started = Instant::now() - Duration::from_secs(1);
    let mut steps = Steps::new(started);
    for record in client_events.try_iter() {
        steps.record_client(&record);
    }
    assert_answers_pair(&steps, 6);
    let labels: Vec<String> = steps.entries().iter().map(|step| words::label(step, Language::En)).collect();
    assert!(labels.iter().any(|l| l == "welcome"), "{labels:?}");
    assert!(labels.iter().any(|l| l == "product.added"), "{labels:?}");
    assert!(labels.iter().any(|l| l.starts_with("error 1001 #")), "{labels:?}");

    // The server reports both sessions; give its event thread a moment to catch up.
    let mut server_steps = Steps::new(started);
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut closed = 0;
    while closed < 2 && Instant::now() < deadline {
        if let Ok(record) = server_events.recv_timeout(Duration::from_millis(50)) {
            closed += usize::from(matches!(record.event, lojinha_server::ServerEvent::SessionClosed { .. }));
            server_steps.record_server(&record);
        }
    }
    assert_eq!(closed, 2);
    assert_answers_pair(&server_steps, 8);
    server.stop();
}

/// Every response or batch sent to a client pairs with an earlier request on the same lane.
fn assert_answers_pair(steps: &Steps, at_least: usize) {
    let mut answers = 0;
    for step in steps.entries() {
        let Some(message) = step.message() else { continue };
        let is_answer = matches!(message.kind, Kind::Response | Kind::Error { .. } | Kind::Batch)
            && message.direction == Direction::ToClient;
        if !is_answer {
            continue;
        }
        answers += 1;
        let request = step.pair.unwrap_or_else(|| panic!("step {} unpaired: {:?}", step.seq, step.raw()));
        assert!(request < step.seq);
        assert_eq!(steps.get(request).unwrap().lane, step.lane);
        assert!(step.round_trip.is_some());
    }
    assert!(answers >= at_least, "only {answers} answers");
}

/// With every `read()` reported, a request is recorded before the read that
/// brings its answer: over a thousand round trips on a real socket, the last
/// read before each answer comes after that answer's request.
#[test]
fn reads_are_recorded_after_the_request_that_caused_them() {
    let server = start(ServerConfig { listen: "127.0.0.1:0".into(), ..ServerConfig::default() }).unwrap();
    let (tx, events) = crossbeam_channel::unbounded();
    let options = ClientOptions {
        events: Some(tx),
        background_reader: true,
        report_reads: true,
        ..ClientOptions::default()
    };
    let mut client = Client::connect(&server.local_addr().to_string(), options).unwrap();
    client.wait_welcome(Duration::from_secs(5)).unwrap();
    for _ in 0..1_000 {
        client.ping().unwrap();
    }
    client.quit().unwrap();
    let mut steps = Steps::new(Instant::now());
    for record in events.try_iter() {
        steps.record_client(&record);
    }
    let mut answers = 0;
    let mut last_read = None;
    for step in steps.entries() {
        match step.message() {
            None if step.bytes.is_some() && step.line.is_none() => last_read = Some(step.seq),
            Some(message) if message.kind == Kind::Response => {
                let request = step.pair.expect("every answer pairs");
                let read = last_read.expect("a read before every answer");
                assert!(
                    read > request,
                    "the read #{read} of an answer was recorded before its request #{request}"
                );
                answers += 1;
            }
            _ => {}
        }
    }
    assert!(answers >= 1_000, "{answers} answers");
    server.stop();
}
