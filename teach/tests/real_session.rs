//! The diagram fed from a real server and real clients on 127.0.0.1:0:
//! the converters and the pairing agree with what actually crosses the wire.

use std::time::{Duration, Instant};

use lojinha_server::{Client, ClientOptions, Product, ServerConfig, start};
use lojinha_teach::diagram::{Diagram, Direction, Kind, from_client_event, from_server_event};
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
    let mut diagram = Diagram::client();
    for (i, record) in client_events.try_iter().enumerate() {
        if let Some(message) = from_client_event(&record.event, record.at.saturating_duration_since(started))
        {
            diagram.push(message.with_log_index(i));
        }
    }
    assert_answers_pair(&diagram, 6);
    let labels: Vec<&str> = (0..diagram.len()).filter_map(|row| diagram.label(row)).collect();
    assert!(labels.contains(&"welcome"), "{labels:?}");
    assert!(labels.contains(&"product.added"), "{labels:?}");
    assert!(labels.iter().any(|l| l.starts_with("error 1001 #")), "{labels:?}");

    // The server reports both sessions; give its event thread a moment to catch up.
    let mut server_diagram = Diagram::server();
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut closed = 0;
    while closed < 2 && Instant::now() < deadline {
        if let Ok(record) = server_events.recv_timeout(Duration::from_millis(50)) {
            closed += usize::from(matches!(record.event, lojinha_server::ServerEvent::SessionClosed { .. }));
            if let Some(message) =
                from_server_event(&record.event, record.at.saturating_duration_since(started))
            {
                server_diagram.push(message);
            }
        }
    }
    assert_eq!(closed, 2);
    assert_answers_pair(&server_diagram, 8);
    server.stop();
}

/// Every response or batch sent to a client pairs with an earlier request on the same lane.
fn assert_answers_pair(diagram: &Diagram, at_least: usize) {
    let mut answers = 0;
    for (row, message) in diagram.messages().iter().enumerate() {
        let is_answer = matches!(message.kind, Kind::Response | Kind::ErrorResponse | Kind::Batch)
            && message.direction == Direction::ToClient;
        if !is_answer {
            continue;
        }
        answers += 1;
        let request = diagram.partner(row).unwrap_or_else(|| panic!("row {row} unpaired: {}", message.raw));
        assert!(request < row);
        assert_eq!(diagram.messages()[request].lane, message.lane);
        assert!(diagram.round_trip(row).is_some());
    }
    assert!(answers >= at_least, "only {answers} answers");
}
