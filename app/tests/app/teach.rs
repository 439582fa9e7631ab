//! The teaching pieces inside the real app, driven headless (egui_kittest):
//! the lesson panel's actions against real servers on `127.0.0.1:0`, the
//! sequence diagram fed from the same events as the log, the raw console and
//! the import. Every wait is bounded (see `common::wait_for`).

use crate::common::*;
use egui_kittest::kittest::Queryable;
use lojinha::StartOptions;
use lojinha::client::fetch::FetchResult;
use lojinha::i18n::Language;
use lojinha_teach::steps::{Direction, Name as Step};
use lojinha_teach::threads_demo::RunMode;

/// A quiet app whose server (when the lesson starts it) uses a free port and memory.
fn lesson_app() -> App {
    let options = StartOptions { threads_time_scale: Some(0.05), ..Default::default() };
    let mut h = app(options);
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "In memory (lost when stopped)");
    click(&mut h, None, "Lesson");
    h
}

/// Goes to lesson step `n` (1-based) and presses "Do it".
pub(crate) fn do_step(h: &mut App, n: usize) {
    let prefix = format!("{n}. ");
    let listed = |h: &App| {
        let prefix = prefix.clone();
        h.query_by(move |node| node.label().is_some_and(|l| l.starts_with(prefix.as_str()))).is_some()
    };
    if !listed(h) {
        h.get_by_label("All steps").click_accesskit();
        for _ in 0..3 {
            h.step();
        }
    }
    let prefix_owned = prefix.clone();
    h.get_by(move |node| node.label().is_some_and(|l| l.starts_with(prefix_owned.as_str())))
        .click_accesskit();
    for _ in 0..3 {
        h.step();
    }
    click(h, None, "Do it");
}

fn entries(h: &App, index: usize) -> Vec<Row> {
    rows(&lock(&window(h, index).unwrap()).steps)
}

fn connected(h: &App, index: usize) -> bool {
    window(h, index).is_some_and(|w| lock(&w).conn.connected())
}

/// "Connect with no server": the server is stopped, a client window tries to
/// connect, its log shows the refusal, and the diagram marks it on the
/// client's lifeline.
#[test]
fn lesson_connect_without_server_shows_refusal() {
    let mut h = lesson_app();
    do_step(&mut h, 2);
    wait_for(&mut h, "the refusal in the log", |h| {
        window(h, 0).is_some() && entries(h, 0).iter().any(|e| e.step == Step::Error)
    });
    assert!(h.state().server_address().is_none(), "no server runs");
    assert!(shows(&h, Some(1), "No server is listening"), "the window says why");
    assert!(shows(&h, Some(1), "connection refused (no server there)"), "the diagram marks it");
}

/// "Start the server, then connect", then "the server speaks first": a real
/// server starts, a window connects, and its log shows welcome then hello.
#[test]
fn lesson_start_server_connect_and_hello() {
    let mut h = lesson_app();
    do_step(&mut h, 3);
    wait_for(&mut h, "server up and window connected", |h| connected(h, 0));
    assert!(h.state().server_address().is_some());
    assert!(shows(&h, None, "Running on 127.0.0.1:"));

    lock(&window(&h, 0).unwrap()).steps.clear();
    do_step(&mut h, 4);
    wait_for(&mut h, "welcome and hello again", |h| {
        let log = entries(h, 0);
        let welcome = log.iter().position(|e| e.step == Step::Welcome);
        let hello =
            log.iter().position(|e| e.step == Step::Hello && e.direction == Some(Direction::ToServer));
        connected(h, 0) && matches!((welcome, hello), (Some(w), Some(x)) if w < x)
    });
    assert_eq!(h.state().client_windows().len(), 1, "the same window reconnected");
    let log = entries(&h, 0);
    let tcp = log.iter().rposition(|e| e.step == Step::Connected).unwrap();
    let welcome = log.iter().skip(tcp).find(|e| e.step == Step::Welcome).unwrap();
    assert!(
        (welcome.at - log[tcp].at).as_secs_f64() > 1.0,
        "the paused server held its welcome while the client waited"
    );
    let server_log: Vec<String> = rows(h.state().server_log()).into_iter().map(|row| row.describe).collect();
    assert!(server_log.iter().any(|d| d.contains("server speaks first")), "the note: {server_log:?}");
    let controls = h.state().server_controls().expect("the server runs");
    assert!(!controls.paused, "the lesson put the controls back when it ended");
}

/// "Add a product" and "list, then quit" go through the server over the window's connection.
#[test]
fn lesson_add_then_list_and_quit() {
    let mut h = lesson_app();
    do_step(&mut h, 5);
    wait_for(&mut h, "product.add answered", |h| {
        window(h, 0).is_some()
            && entries(h, 0)
                .iter()
                .any(|e| e.step == Step::Response && e.method.as_deref() == Some("product.add"))
    });
    let step = lojinha_teach::lesson::steps()
        .iter()
        .position(|s| s.action == Some(lojinha_teach::LessonAction::ListAndQuit))
        .unwrap();
    do_step(&mut h, step + 1);
    wait_for(&mut h, "quit answered and connection closed", |h| {
        let log = entries(h, 0);
        log.iter().any(|e| e.method.as_deref() == Some("quit") && e.direction == Some(Direction::ToServer))
            && log.iter().any(|e| e.step == Step::Closed)
    });
}

/// The threads demo runs for real: four tasks one after another, then on four threads.
#[test]
fn lesson_threads_demo_runs() {
    let mut h = lesson_app();
    let step = position_of(lojinha_teach::LessonAction::RunThreadsDemo);
    do_step(&mut h, step);
    assert!(shows(&h, None, "Threads demo"), "the demo's window opened");
    wait_for(&mut h, "both runs finished", |h| {
        let demo = h.state().threads_demo();
        [RunMode::Sequential, RunMode::Concurrent]
            .iter()
            .all(|m| demo.run(*m).is_some_and(|r| r.is_finished()))
    });
    let demo = h.state().threads_demo();
    let sequential = demo.run(RunMode::Sequential).unwrap().total().unwrap();
    let concurrent = demo.run(RunMode::Concurrent).unwrap().total().unwrap();
    assert!(concurrent < sequential, "threads overlap: {concurrent:?} < {sequential:?}");
}

pub(crate) fn position_of(action: lojinha_teach::LessonAction) -> usize {
    lojinha_teach::lesson::steps().iter().position(|s| s.action == Some(action)).unwrap() + 1
}

/// Sequential server: the second window's TCP connection is accepted by the
/// system but its welcome waits until the first client leaves; then a
/// threaded server serves both at once.
#[test]
fn lesson_sequential_versus_threaded() {
    let mut h = lesson_app();
    do_step(&mut h, position_of(lojinha_teach::LessonAction::SequentialVersusThreaded));
    wait_for(&mut h, "two windows", |h| h.state().client_windows().len() == 2);
    let log = entries(&h, 1);
    assert!(!log.iter().any(|e| e.step == Step::Welcome), "the second window has no welcome yet");
    wait_for(&mut h, "both connected to the threaded server", |h| {
        connected(h, 0)
            && connected(h, 1)
            && entries(h, 1).iter().filter(|e| e.step == Step::Welcome).count() >= 2
    });
    let log = entries(&h, 1);
    let tcp = log.iter().find(|e| e.step == Step::Connected).unwrap();
    let welcome = log.iter().find(|e| e.step == Step::Welcome).unwrap();
    assert!(
        (welcome.at - tcp.at).as_secs_f64() > 1.0,
        "on the sequential server the welcome waited for the first client"
    );
    let server_log: Vec<String> = rows(h.state().server_log()).into_iter().map(|row| row.describe).collect();
    assert!(server_log.iter().any(|d| d.contains("threaded")), "{server_log:?}");
    let held = rows(h.state().server_log()).iter().filter(|row| row.step == Step::Owner).count();
    assert!(held >= 2, "window 1's answer was held, then released: {server_log:?}");
    assert!(server_log.iter().any(|d| d.contains("cannot turn to anyone else")), "the note: {server_log:?}");
}

/// "Show reads": with a big catalog one `product.list` answer arrives in
/// several read() chunks, each logged before the message.
#[test]
fn lesson_show_reads_shows_several_reads_for_one_message() {
    let mut h = lesson_app();
    do_step(&mut h, position_of(lojinha_teach::LessonAction::ShowReadsWithBigList));
    wait_for(&mut h, "big catalog loaded", |h| {
        window(h, 0).is_some_and(|w| {
            let w = lock(&w);
            w.conn.connected() && w.progress.is_none() && w.catalog.len() >= 3000
        })
    });
    let log = entries(&h, 0);
    let list = log
        .iter()
        .position(|e| e.direction == Some(Direction::ToClient) && e.method.as_deref() == Some("product.list"))
        .unwrap();
    // Reads since the previous message from the server (the request's own
    // `sent` record may land among them: the answer can start arriving first).
    let reads = log[..list]
        .iter()
        .rev()
        .take_while(|e| e.direction != Some(Direction::ToClient))
        .filter(|e| e.step == Step::Read)
        .count();
    let steps: Vec<_> = log.iter().map(|e| (e.step, e.bytes, e.method.clone())).collect();
    assert!(reads >= 2, "one product.list answer took {reads} reads: {steps:?}");
    assert!(shows(&h, Some(1), "read"), "the read steps are in the log");

    wait_for(&mut h, "the fetch in pieces answered", |h| {
        entries(h, 0).iter().any(|e| e.step == Step::Response && e.method.as_deref() == Some("product.get"))
    });
    let log = entries(&h, 0);
    let get = log.iter().position(|e| e.step == Step::Response && e.method.as_deref() == Some("product.get"));
    let reads = log[..get.unwrap()]
        .iter()
        .rev()
        .take_while(|e| e.direction != Some(Direction::ToClient))
        .filter(|e| e.step == Step::Read)
        .count();
    assert!(reads >= 4, "the short answer, sent in 4 pieces, took {reads} reads");
    wait_for(&mut h, "the controls put back", |h| h.state().server_controls().is_some_and(|c| c.pieces == 1));
}

/// "Fetch by code": a code that exists is found, a missing one gets "not found".
#[test]
fn lesson_fetch_by_code() {
    let mut h = lesson_app();
    do_step(&mut h, position_of(lojinha_teach::LessonAction::FetchByCode));
    wait_for(&mut h, "second fetch answered", |h| {
        window(h, 0).is_some_and(
            |w| matches!(&lock(&w).fetch.result, Some(FetchResult::NotFound(c)) if c == "NAO-EXISTE-999"),
        )
    });
    let log = entries(&h, 0);
    let gets = log.iter().filter(|e| e.method.as_deref() == Some("product.get"));
    let steps: Vec<Step> = gets.map(|e| e.step).collect();
    assert!(steps.contains(&Step::Response), "the first code was found: {steps:?}");
    assert!(steps.contains(&Step::ErrorResponse), "the second was not: {steps:?}");
    assert!(shows(&h, Some(1), "Not found: no product has code NAO-EXISTE-999"));
}

/// The raw console sends garbage as typed; the server's -32700 shows in the
/// log and the diagram, and the connection stays open.
#[test]
fn console_garbage_gets_parse_error() {
    let mut h = served_and_connected();
    set_text(&mut h, Some(1), "Raw message", "this is not json");
    click(&mut h, Some(1), "Send raw");
    wait_for(&mut h, "the -32700 answer", |h| {
        entries(h, 0)
            .iter()
            .any(|e| e.step == Step::ErrorResponse && e.raw.as_deref().is_some_and(|r| r.contains("-32700")))
    });
    let w = window(&h, 0).unwrap();
    let w = lock(&w);
    assert!(w.conn.connected(), "garbage does not break the connection");
    let all = rows(&w.steps);
    assert!(all.iter().any(|e| e.label.contains("-32700")), "the diagram labels the error: {all:?}");
    assert!(all.iter().any(|e| e.raw.as_deref() == Some("this is not json")), "sent as typed");
}

/// A ready-made example (a batch) goes out as-is; the batch answer, whose
/// ids this client never sent, shows in the log instead of being dropped.
#[test]
fn console_batch_example_answer_is_logged() {
    let mut h = served_and_connected();
    click(&mut h, Some(1), "batch");
    click(&mut h, Some(1), "Send raw");
    wait_for(&mut h, "the batch answer", |h| {
        entries(h, 0).iter().any(|e| e.direction == Some(Direction::ToClient) && e.step == Step::Batch)
    });
    assert!(connected(&h, 0));
    click(&mut h, Some(1), "unknown method");
    click(&mut h, Some(1), "Send raw");
    wait_for(&mut h, "method not found", |h| {
        entries(h, 0).iter().any(|e| e.raw.as_deref().is_some_and(|r| r.contains("-32601")))
    });
}

/// The diagram gets the same messages as the log: each request is paired
/// with its response, also when requests are pipelined (the import keeps
/// several `product.add` on the wire before reading answers).
#[test]
fn diagram_pairs_requests_and_responses_pipelined() {
    let mut h = served_and_connected();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.csv");
    let mut csv = String::from("code,name,price_cents,quantity\n");
    for i in 0..10 {
        csv.push_str(&format!("PIP-{i:03},Item {i},{},1\n", 100 + i));
    }
    std::fs::write(&path, csv).unwrap();
    set_text(&mut h, Some(1), "File to import", path.to_str().unwrap());
    click(&mut h, Some(1), "Import");
    wait_for(&mut h, "import done", |h| lock(&window(h, 0).unwrap()).import.added == Some(10));

    let w = window(&h, 0).unwrap();
    let w = lock(&w);
    let all = rows(&w.steps);
    let label_of = |seq: u64| all.iter().find(|e| e.seq == seq).map(|e| e.label.clone());
    let adds: Vec<&Row> = all.iter().filter(|e| e.label.starts_with("product.add")).collect();
    assert_eq!(adds.len(), 10);
    for request in &adds {
        let response = request.pair.expect("every request has its response");
        assert!(response > request.seq);
        assert!(label_of(response).unwrap().starts_with("result"));
    }
    let first_answer = adds[0].pair.unwrap();
    assert!(adds[1].seq < first_answer, "the second request went out before the first answer (pipelined)");
}

/// Export then import: the products written by one app are added to a second
/// server, empty at first; a second import of the same file reports every
/// product as refused (1002, the code exists); a spreadsheet's CSV (`;`,
/// decimal commas) works and a bad row is skipped with its reason.
#[test]
fn export_then_import_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.csv");
    let mut first = served_and_connected();
    set_text(&mut first, Some(1), "File", path.to_str().unwrap());
    click_prefix(&mut first, Some(1), "Export ");
    wait_for(&mut first, "export done", |h| shows(h, Some(1), "Wrote "));
    let exported = lojinha_server::sample::sample_products().len();

    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "In memory (lost when stopped)");
    click(&mut h, None, "Add sample products when empty");
    click(&mut h, None, "Start server");
    wait_for(&mut h, "server running", |h| h.state().server_address().is_some());
    click(&mut h, None, "New client window");
    click_prefix(&mut h, Some(1), "Connect to this app's server");
    wait_for(&mut h, "connected", |h| connected(h, 0) && lock(&window(h, 0).unwrap()).progress.is_none());
    assert!(lock(&window(&h, 0).unwrap()).catalog.is_empty());

    set_text(&mut h, Some(1), "File to import", path.to_str().unwrap());
    click(&mut h, Some(1), "Import");
    wait_for(&mut h, "import done", |h| lock(&window(h, 0).unwrap()).import.added.is_some());
    let added = lock(&window(&h, 0).unwrap()).import.added;
    assert_eq!(added, Some(exported));
    wait_for(&mut h, "catalog filled", |h| lock(&window(h, 0).unwrap()).catalog.len() == exported);
    assert!(shows(&h, Some(1), &format!("Import done: {exported} added, 0 skipped")));

    click(&mut h, Some(1), "Import");
    wait_for(&mut h, "second import done", |h| {
        let w = window(h, 0).unwrap();
        let w = lock(&w);
        w.import.added == Some(0) && w.import.refused.count == exported
    });
    {
        let w = window(&h, 0).unwrap();
        let first = &lock(&w).import.refused.first;
        assert_eq!(first.len(), exported.min(8), "the errors of the first refusals are kept");
        assert!(first.iter().all(|(_, e)| e.say(Language::En).starts_with("1002")), "each says why");
    }
    assert!(shows(&h, Some(1), &format!("Import done: 0 added, {exported} skipped")), "all are counted");

    let sheet = dir.path().join("planilha.csv");
    std::fs::write(
        &sheet,
        "código;nome;preço;quantidade\r\nPLA-001;Papel A4;R$ 25,90;10\r\nPLA-002;Sem preço;abc;1\r\n",
    )
    .unwrap();
    set_text(&mut h, Some(1), "File to import", sheet.to_str().unwrap());
    click(&mut h, Some(1), "Import");
    wait_for(&mut h, "spreadsheet import done and reloaded", |h| {
        let w = window(h, 0).unwrap();
        let w = lock(&w);
        w.import.added == Some(1) && w.catalog.get("PLA-001").is_some()
    });
    let w = window(&h, 0).unwrap();
    let w = lock(&w);
    assert_eq!(w.import.skipped.len(), 1, "{:?}", w.import.skipped);
    assert_eq!(w.catalog.get("PLA-001").map(|p| p.price_cents), Some(2590));
}

/// The log's "Clear" also clears the window's diagram: both draw one record.
#[test]
fn clearing_the_log_clears_the_diagram() {
    let mut h = served_and_connected();
    assert!(lock(&window(&h, 0).unwrap()).diagram.row_count() > 0, "the connection's messages are drawn");
    click(&mut h, Some(1), "Clear");
    h.step();
    let w = window(&h, 0).unwrap();
    assert!(lock(&w).steps.is_empty() && lock(&w).diagram.row_count() == 0);
}

/// Selections are linked: a click on an arrow selects its log row, and
/// moving the log's selection (here "Go to its response") highlights the arrow.
#[test]
fn diagram_click_selects_the_log_row_and_back() {
    let mut h = served_and_connected();
    let request = entries(&h, 0)
        .iter()
        .find(|e| e.method.as_deref() == Some("product.list") && e.direction == Some(Direction::ToServer))
        .map(|e| (e.seq, e.pair.unwrap()))
        .unwrap();
    let (request_seq, response_seq) = request;
    let request_label = format!(
        "product.list #{}",
        entries(&h, 0).iter().find(|e| e.seq == request_seq).unwrap().id.clone().unwrap()
    );
    click(&mut h, Some(1), &request_label);
    {
        let w = window(&h, 0).unwrap();
        let w = lock(&w);
        assert_eq!(w.log_view.selected(), Some(request_seq), "the arrow's log row is selected");
        assert_eq!(w.diagram.selected(), Some(request_seq));
    }
    client_window(&h, 1).get_by_label("Go to its response").click_accesskit();
    for _ in 0..3 {
        h.step();
    }
    let w = window(&h, 0).unwrap();
    let w = lock(&w);
    assert_eq!(w.log_view.selected(), Some(response_seq));
    assert_eq!(w.diagram.selected(), Some(response_seq), "the diagram follows the log");
}

/// The bytes view: a request with a `ç`, selected from the diagram, shows
/// the two bytes UTF-8 spends on it and the `0a` that ends the line.
#[test]
fn bytes_view_shows_utf8_and_the_newline() {
    let mut h = served_and_connected();
    let request = r#"{"jsonrpc":"2.0","id":77,"method":"product.get","params":{"code":"maçã"}}"#;
    set_text(&mut h, Some(1), "Raw message", request);
    click(&mut h, Some(1), "Send raw");
    wait_for(&mut h, "the answer to id 77", |h| {
        entries(h, 0).iter().any(|e| e.step == Step::ErrorResponse && e.id.as_deref() == Some("77"))
    });
    click(&mut h, Some(1), "product.get #77");
    click(&mut h, Some(1), "Bytes");
    assert!(shows(&h, Some(1), "61 c3 a7 c3 a3 22"), "ç and ã as two bytes each");
    assert!(shows(&h, Some(1), "7d 7d 0a"), "the line ends in 0a, its \\n");
}

/// "Show reads" ticked on a window already connected takes effect at once:
/// the next answer's reads are in its log, with no reconnection.
#[test]
fn show_reads_switches_on_while_connected() {
    let mut h = served_and_connected();
    let sessions = |h: &App| entries(h, 0).iter().filter(|e| e.step == Step::Welcome).count();
    assert!(entries(&h, 0).iter().all(|e| e.step != Step::Read), "off: no reads logged");
    click(&mut h, Some(1), "Show reads");
    click(&mut h, Some(1), "Reload");
    wait_for(&mut h, "the reads of the reloaded list", |h| {
        entries(h, 0).iter().any(|e| e.step == Step::Read)
    });
    assert_eq!(sessions(&h), 1, "the same connection");
}
