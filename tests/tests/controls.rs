//! The owner's controls (issue #13): pause and step, slow motion, send in
//! pieces, drop a session; and the client's twin, a line sent in pieces or
//! without its newline. Real sockets on `127.0.0.1:0`; the only timing
//! checked is "not before it was released".

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use lojinha_server::server::{CloseReason, ControlSettings, OwnerAct, Release, ServerEvent};
use lojinha_server::{ClientError, ClientEvent, ClientOptions, ConnectionEnd, Mode};
use lojinha_test_support::{
    Conn, ReadOutcome, ServerProcess, WAIT, product, request, run_server_to_exit, typed_product, wait_until,
};
use lojinha_tests::TestServer;
use serde_json::json;

/// Long enough for an answer that was free to go to arrive on loopback.
const QUIET: Duration = Duration::from_millis(300);

fn with_events() -> TestServer {
    TestServer::start_with(|c| c.event_capacity = 10_000)
}

fn paused() -> ControlSettings {
    ControlSettings { paused: true, ..ControlSettings::default() }
}

fn ping(id: u64) -> String {
    request(id, "ping", json!({})).to_string()
}

/// Waits until the server holds exactly `n` lines.
fn wait_held(server: &TestServer, n: usize) {
    let controls = server.handle().controls();
    assert!(wait_until(|| controls.held() == n), "the server never held {n} line(s)");
}

fn is_pong(line: &[u8], id: u64) -> bool {
    let value: serde_json::Value = serde_json::from_slice(line).expect("JSON");
    value["id"] == id && value["result"]["pong"] == true
}

/// While paused, an answer is not sent; once released, it arrives.
#[test]
fn a_paused_answer_waits_until_released() {
    let server = with_events();
    let events = server.events();
    let (mut conn, session) = server.connect_welcomed();
    server.handle().controls().set(paused());
    conn.send_line(&ping(1));
    wait_held(&server, 1);
    assert_eq!(conn.read_within(QUIET), ReadOutcome::Silent, "a held answer is not sent");
    let held = events.find("held", |e| matches!(e, ServerEvent::Owner { act: OwnerAct::Held { .. }, .. }));
    assert_eq!(held, ServerEvent::Owner { session, act: OwnerAct::Held { held: 1 } });
    assert!(server.handle().controls().next());
    assert!(is_pong(&conn.recv_raw(), 1));
    let released =
        events.find("released", |e| matches!(e, ServerEvent::Owner { act: OwnerAct::Released(_), .. }));
    assert_eq!(released, ServerEvent::Owner { session, act: OwnerAct::Released(Release::Next) });
}

/// "Next" releases the oldest held answer and only it, across sessions and
/// within one session's pipelined answers; unpausing releases the rest.
#[test]
fn next_releases_exactly_one() {
    let server = TestServer::start();
    let controls = server.handle().controls();
    let (mut first, _) = server.connect_welcomed();
    let (mut second, _) = server.connect_welcomed();
    controls.set(paused());
    first.send_line(&ping(1));
    wait_held(&server, 1);
    second.send_line(&ping(2));
    wait_held(&server, 2);
    assert!(controls.next());
    assert!(is_pong(&first.recv_raw(), 1), "the oldest goes first");
    assert_eq!(second.read_within(QUIET), ReadOutcome::Silent, "the other stays held");
    assert_eq!(controls.held(), 1);
    assert_eq!(controls.release_all(), 1);
    assert!(is_pong(&second.recv_raw(), 2));
    // Three pipelined answers leave one line per "Next".
    first.send_line(&format!("{}\n{}\n{}", ping(3), ping(4), ping(5)));
    wait_held(&server, 1);
    assert!(controls.next());
    assert!(is_pong(&first.recv_raw(), 3));
    assert_eq!(first.read_within(QUIET), ReadOutcome::Silent, "one line per Next");
    wait_held(&server, 1);
    controls.set(ControlSettings::default());
    assert!(is_pong(&first.recv_raw(), 4), "unpausing releases every line");
    assert!(is_pong(&first.recv_raw(), 5));
    assert_eq!(controls.held(), 0);
}

/// An answer too big for one buffer (written through in 64 KiB chunks)
/// is held as a whole too, and arrives whole once released.
#[test]
fn a_long_answer_is_held_as_a_whole() {
    let server = TestServer::start();
    let products =
        (0..2000).map(|i| typed_product(&format!("LONG-{i:04}"), "A long name for a long page", 100, 1));
    assert_eq!(server.handle().seed(products.collect()).added, 2000);
    let (mut conn, _) = server.connect_welcomed();
    server.handle().controls().set(paused());
    conn.send_json(&request(1, "product.list", json!({"limit": 2000})));
    wait_held(&server, 1);
    assert_eq!(conn.read_within(QUIET), ReadOutcome::Silent, "nothing of it before the release");
    server.handle().controls().set(ControlSettings::default());
    let page = conn.recv();
    assert_eq!(page["result"]["products"].as_array().map(Vec::len), Some(2000));
}

/// Reads one line with a small buffer; returns it and how many reads it took.
fn read_line_counting_reads(stream: &mut TcpStream) -> (Vec<u8>, usize) {
    stream.set_read_timeout(Some(WAIT)).expect("read timeout");
    let (mut line, mut reads, mut buffer) = (Vec::new(), 0, [0u8; 16]);
    while !line.ends_with(b"\n") {
        let n = stream.read(&mut buffer).expect("a read");
        assert!(n > 0, "the connection ended inside a line");
        line.extend_from_slice(&buffer[..n]);
        reads += 1;
    }
    (line, reads)
}

/// "Send in pieces" writes each line in several writes, with a pause between
/// them: the client reads the welcome in more than one read, and the log
/// says piece 1 of 4 … 4 of 4.
#[test]
fn pieces_arrive_in_separate_reads() {
    let server = with_events();
    let events = server.events();
    let settings =
        ControlSettings { pieces: 4, piece_pause: Duration::from_millis(100), ..ControlSettings::default() };
    server.handle().controls().set(settings);
    let mut stream = TcpStream::connect(server.addr()).expect("connect");
    let (line, reads) = read_line_counting_reads(&mut stream);
    let welcome: serde_json::Value = serde_json::from_slice(&line).expect("the pieces make one line");
    assert_eq!(welcome["method"], "welcome");
    assert!(reads > 1, "one line, {reads} read(s)");
    let mut total = 0;
    for n in 1..=4 {
        let piece =
            events.find("a piece", |e| matches!(e, ServerEvent::Owner { act: OwnerAct::Piece { .. }, .. }));
        let ServerEvent::Owner { act: OwnerAct::Piece { n: got, of, bytes }, .. } = piece else {
            unreachable!()
        };
        assert_eq!((got, of), (n, 4));
        total += bytes;
    }
    assert_eq!(total, line.len(), "the pieces add up to the line");
}

/// Slow motion: an answer does not arrive before its delay is over, and the
/// log says how long it waits.
#[test]
fn slow_motion_delays_each_answer() {
    let server = with_events();
    let events = server.events();
    let (mut conn, session) = server.connect_welcomed();
    let slow = ControlSettings { slow: Duration::from_secs(2), ..ControlSettings::default() };
    server.handle().controls().set(slow);
    conn.send_line(&ping(1));
    assert_eq!(conn.read_within(QUIET), ReadOutcome::Silent, "not before the delay");
    assert!(is_pong(&conn.recv_raw(), 1));
    let delayed =
        events.find("delayed", |e| matches!(e, ServerEvent::Owner { act: OwnerAct::Delayed { .. }, .. }));
    assert_eq!(delayed, ServerEvent::Owner { session, act: OwnerAct::Delayed { ms: 2000 } });
}

/// Settings past the bounds are clamped: at most 5 s of slow motion, 16
/// pieces, 2 s between pieces, and at least one piece.
#[test]
fn settings_are_clamped() {
    let server = TestServer::start();
    let controls = server.handle().controls();
    controls.set(ControlSettings {
        paused: false,
        slow: Duration::from_secs(60),
        pieces: 1000,
        piece_pause: Duration::from_secs(60),
    });
    let settings = controls.settings();
    assert_eq!(settings.slow, Duration::from_secs(5));
    assert_eq!(settings.pieces, 16);
    assert_eq!(settings.piece_pause, Duration::from_secs(2));
    controls.set(ControlSettings { pieces: 0, ..ControlSettings::default() });
    assert_eq!(controls.settings().pieces, 1);
}

/// "Drop": the session's socket is shut at once, without a goodbye; the
/// blocking client reports that the server closed the connection, and the
/// server's log says the owner dropped it.
#[test]
fn a_dropped_session_ends_without_goodbye() {
    let server = with_events();
    let events = server.events();
    let mut client = server.client();
    let session = client.welcome().expect("welcomed").session;
    let (mut raw, raw_session) = server.connect_welcomed();
    assert!(server.handle().drop_session(session));
    let ended = client.recv_reply().expect_err("the connection ends");
    assert!(
        matches!(ended, ClientError::Closed { reason: ConnectionEnd::ServerClosed }),
        "no goodbye: {ended:?}"
    );
    let closed = events.find("closed", |e| matches!(e, ServerEvent::SessionClosed { .. }));
    assert_eq!(closed, ServerEvent::SessionClosed { session, reason: CloseReason::DroppedByOwner });
    assert!(server.handle().drop_session(raw_session));
    assert!(raw.drain_to_end().is_empty(), "not a byte more: no goodbye");
    server.wait_sessions(0);
    assert!(!server.handle().drop_session(raw_session), "a closed session cannot be dropped again");
}

/// A paused server still stops at once: the held answer is thrown away and
/// the client gets its goodbye.
#[test]
fn a_paused_server_stops_promptly() {
    let mut server = with_events();
    let events = server.events();
    let (mut conn, session) = server.connect_welcomed();
    server.handle().controls().set(paused());
    conn.send_line(&ping(1));
    wait_held(&server, 1);
    server.stop();
    let goodbye = conn.recv();
    assert_eq!(goodbye["method"], "goodbye", "the held answer is not sent: {goodbye}");
    assert_eq!(goodbye["params"]["reason"], "server shutting down");
    let discarded =
        events.find("discarded", |e| matches!(e, ServerEvent::Owner { act: OwnerAct::Discarded, .. }));
    assert_eq!(discarded, ServerEvent::Owner { session, act: OwnerAct::Discarded });
}

/// A session that closes while a line for it is held lets go of it: here a
/// watching client leaves while the notification of another's add waits.
/// (A client that leaves while its own answer is held is noticed when the
/// answer is released: its session thread is the one waiting, not reading.)
#[test]
fn a_closing_session_lets_go_of_its_held_line() {
    let server = TestServer::start();
    let (mut writer, _) = server.connect_welcomed();
    let (watcher, _) = server.connect_welcomed();
    server.handle().controls().set(paused());
    writer.send_json(&request(1, "product.add", json!({"product": product("HELD-1", "Held", 100, 1)})));
    wait_held(&server, 2);
    watcher.shutdown();
    drop(watcher);
    wait_held(&server, 1);
    server.wait_sessions(1);
    server.handle().controls().release_all();
    assert_eq!(writer.recv()["result"]["code"], "HELD-1");
}

/// In sequential mode a held answer keeps the next client waiting in the
/// accept queue: not even its welcome comes until the first is done.
#[test]
fn sequential_mode_second_client_waits_behind_a_held_answer() {
    let server = TestServer::start_with(|c| c.mode = Mode::Sequential);
    let controls = server.handle().controls();
    let (mut first, _) = server.connect_welcomed();
    controls.set(paused());
    first.send_line(&ping(1));
    wait_held(&server, 1);
    let mut second = server.connect();
    assert_eq!(second.read_within(QUIET), ReadOutcome::Silent, "the second waits to be accepted");
    assert_eq!(server.handle().sessions().len(), 1);
    controls.set(ControlSettings::default());
    assert!(is_pong(&first.recv_raw(), 1));
    first.call_ok(2, "quit", json!([]));
    assert_eq!(second.recv()["method"], "welcome", "its turn came");
}

/// The client's twin: a line sent without its newline gets no answer until
/// the newline follows; the client reports each piece, and the whole line
/// once it is complete.
#[test]
fn a_line_without_newline_waits_for_it() {
    let server = TestServer::start();
    let (events_tx, events_rx) = crossbeam_channel::unbounded();
    let options =
        ClientOptions { response_timeout: Some(QUIET), events: Some(events_tx), ..ClientOptions::default() };
    let mut client = lojinha_server::Client::connect(&server.addr().to_string(), options).expect("connect");
    client.wait_welcome(WAIT).expect("welcome");
    let line = ping(7);
    let (start, end) = line.as_bytes().split_at(10);
    client.send_piece(start, 1, 2).expect("first piece");
    client.send_piece(end, 2, 2).expect("second piece");
    assert!(matches!(client.recv_reply(), Err(ClientError::Timeout)), "no newline, no answer");
    client.send_piece(b"\n", 1, 1).expect("the newline");
    let reply = client.recv_reply().expect("the answer once the line ends");
    assert!(format!("{reply:?}").contains("pong"), "{reply:?}");
    let steps: Vec<ClientEvent> = events_rx.try_iter().map(|r| r.event).collect();
    let pieces: Vec<(usize, usize, usize)> = steps
        .iter()
        .filter_map(|e| match e {
            ClientEvent::Piece { n, of, bytes } => Some((*n, *of, *bytes)),
            _ => None,
        })
        .collect();
    assert_eq!(pieces, vec![(1, 2, 10), (2, 2, line.len() - 10), (1, 1, 1)]);
    let sent: Vec<&ClientEvent> = steps.iter().filter(|e| matches!(e, ClientEvent::Sent { .. })).collect();
    assert_eq!(sent.len(), 1, "one line: {sent:?}");
    assert!(
        matches!(sent[0], ClientEvent::Sent { raw, bytes, .. } if *raw == line && *bytes == line.len() + 1),
        "{sent:?}"
    );
}

/// Connecting with the pause on holds the welcome too (everything a session
/// writes but its goodbye waits).
#[test]
fn the_welcome_is_held_too() {
    let server = TestServer::start_with(|c| c.controls = paused());
    let mut conn = server.connect();
    wait_held(&server, 1);
    assert_eq!(conn.read_within(QUIET), ReadOutcome::Silent);
    server.handle().controls().next();
    assert_eq!(conn.recv()["method"], "welcome");
}

/// The binary: `--paused --stdin-commands` holds the welcome until `next` is
/// typed; `--pieces` writes each line in several reads; `--paused` alone is
/// refused (nothing could release the answers).
#[test]
fn the_binary_takes_the_controls_as_flags_and_commands() {
    let db = ":memory:";
    let (server, mut stdin) = ServerProcess::spawn_with_stdin(&["--db", db, "--paused", "--stdin-commands"]);
    let mut conn = Conn::connect(server.addr());
    assert_eq!(conn.read_within(QUIET), ReadOutcome::Silent, "the welcome is held");
    writeln!(stdin, "next").expect("type next");
    assert_eq!(conn.recv()["method"], "welcome");
    writeln!(stdin, "resume").expect("type resume");
    conn.send_line(&ping(1));
    assert!(is_pong(&conn.recv_raw(), 1), "resumed: answers flow");
    writeln!(stdin, "drop 1").expect("type drop");
    assert!(conn.drain_to_end().is_empty(), "dropped without goodbye");

    let pieces = ServerProcess::spawn(&["--db", db, "--pieces", "3", "--piece-pause-ms", "100"]);
    let mut stream = TcpStream::connect(pieces.addr()).expect("connect");
    let (line, reads) = read_line_counting_reads(&mut stream);
    assert!(line.starts_with(b"{\"jsonrpc\""), "{line:?}");
    assert!(reads > 1, "one line, {reads} read(s)");

    let (code, stderr) = run_server_to_exit(&["--db", db, "--paused"], WAIT);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("--stdin-commands"), "{stderr}");
}
