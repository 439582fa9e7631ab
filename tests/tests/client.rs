//! The `Client` library against a real server: connection errors, the
//! background reader, its protocol log, and how it reports a goodbye.

use lojinha_server::client::{ClientEvent, Incoming, ReceivedKind, Reply};
use lojinha_server::{Client, ClientError, ClientOptions, ConnectionEnd, Notification};
use lojinha_test_support::{WAIT, bind_loopback, typed_product};
use lojinha_tests::TestServer;
use serde_json::json;

/// Connecting where nobody listens is `NoServer`, not a hang.
#[test]
fn no_server_is_reported() {
    let addr = bind_loopback().local_addr().expect("a free port");
    let error = Client::connect(&addr.to_string(), ClientOptions::default()).err().expect("an error");
    assert!(matches!(error, ClientError::NoServer { .. }), "{error:?}");
}

/// With a background reader, incoming lines arrive on a channel and
/// `handle_incoming` turns them into notifications and replies.
#[test]
fn background_reader_delivers_on_a_channel() {
    let server = TestServer::start();
    let options =
        ClientOptions { background_reader: true, response_timeout: Some(WAIT), ..Default::default() };
    let mut client = Client::connect(&server.addr().to_string(), options).expect("connect");
    let incoming = client.incoming_channel().expect("a channel");
    let first = incoming.recv_timeout(WAIT).expect("the welcome line");
    assert!(client.handle_incoming(first).expect("a line").is_none(), "the welcome is a notification");
    assert!(client.welcome().is_some());
    client.send_request("product.list", json!({})).expect("sent");
    let line = incoming.recv_timeout(WAIT).expect("the answer line");
    assert!(matches!(line, Incoming::Line { .. }));
    let Some(Reply::Single(response)) = client.handle_incoming(line).expect("a reply") else {
        panic!("a reply")
    };
    assert_eq!(response.result.expect("a page")["total"], 0);
    let p = typed_product("BG-1", "bg", 1, 1);
    client.add(&p).expect("the typed calls work with a background reader too");
}

/// The client's protocol log reports what was sent and received, raw,
/// with the request's id, method and a round-trip time for the answer.
#[test]
fn client_events_log_the_protocol() {
    let server = TestServer::start();
    let (tx, rx) = crossbeam_channel::unbounded();
    let options = ClientOptions { events: Some(tx), response_timeout: Some(WAIT), ..Default::default() };
    let mut client = Client::connect(&server.addr().to_string(), options).expect("connect");
    client.wait_welcome(WAIT).expect("welcome");
    client.get("NONE").expect_err("not found");
    let events: Vec<ClientEvent> = rx.try_iter().map(|r| r.event).collect();
    let sent = events.iter().find_map(|e| match e {
        ClientEvent::Sent { raw, id, method, .. } => Some((raw.clone(), id.clone(), method.clone())),
        _ => None,
    });
    let (raw, id, method) = sent.expect("a Sent event");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&raw).expect("JSON")["params"],
        json!({"code": "NONE"})
    );
    assert_eq!((id, method.as_deref()), (Some(json!(1)), Some("product.get")));
    let answer = events.iter().find(|e| matches!(e, ClientEvent::Received { kind: ReceivedKind::Error, .. }));
    let Some(ClientEvent::Received { id, rtt, .. }) = answer else {
        panic!("a Received error event: {events:?}")
    };
    assert_eq!((id.clone(), rtt.is_some()), (Some(json!(1)), true));
}

/// When the server stops, the client sees the goodbye and reports the
/// connection closed with that reason.
#[test]
fn client_reports_the_goodbye() {
    let mut server = TestServer::start();
    let mut client = server.client();
    server.stop();
    let error = client.list(None, None).expect_err("the server is gone");
    assert!(error.is_disconnect(), "{error:?}");
    let goodbye = client.notifications().try_iter().find(|n| matches!(n, Notification::Goodbye { .. }));
    assert_eq!(goodbye, Some(Notification::Goodbye { reason: "server shutting down".into() }));
    assert_eq!(client.closed_reason(), Some(&ConnectionEnd::Goodbye("server shutting down".into())));
}

/// A client that only listens keeps its session past the server's idle
/// timeout by pinging when it has been quiet (protocol 1.1), and does not
/// ping before that.
#[test]
fn keep_alive_pings_keep_a_listening_client_connected() {
    let server = TestServer::start_with(|c| c.idle_timeout = std::time::Duration::from_secs(1));
    let mut client = server.client();
    client.wait_welcome(std::time::Duration::from_secs(5)).expect("welcome");
    assert!(client.server_has("ping"));
    assert!(
        !client.keep_alive(std::time::Duration::from_secs(60)).expect("no ping yet"),
        "not quiet long enough"
    );
    let quiet = std::time::Duration::from_millis(300);
    let started = std::time::Instant::now();
    let mut pings = 0;
    while started.elapsed() < std::time::Duration::from_secs(3) {
        pings += usize::from(client.keep_alive(quiet).expect("ping answered"));
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(pings >= 3, "{pings} pings in 3 s");
    assert!(client.list(None, Some(1)).is_ok(), "still connected after three idle timeouts");
}
