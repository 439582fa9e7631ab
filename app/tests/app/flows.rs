//! The app's main flows, driven headless through its real UI (egui_kittest),
//! with real servers on `127.0.0.1:0`, in-memory catalogs and real network
//! threads. Each test reads as a specification of what a user sees.

use crate::common::*;
use lojinha::StartOptions;
use lojinha_teach::steps::{Direction, Name as Step};
use lojinha_test_support::{bind_loopback, memory_config, start_server};

/// Start the server from the panel, open a client window, connect to the
/// in-process server in one click, add a product and see it in the table;
/// the server's session list shows the client by name.
#[test]
fn start_server_connect_add_product_and_see_it() {
    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "In memory (lost when stopped)");
    click(&mut h, None, "Start server");
    wait_for(&mut h, "server running", |h| h.state().server_address().is_some());
    assert!(shows(&h, None, "Running on 127.0.0.1:"));

    click(&mut h, None, "New client window");
    click_prefix(&mut h, Some(1), "Connect to this app's server");
    wait_for(&mut h, "connected and loaded", |h| {
        window(h, 0).is_some_and(|w| {
            lock(&w).conn.connected() && !lock(&w).catalog.is_empty() && lock(&w).progress.is_none()
        })
    });
    assert!(shows(&h, Some(1), "Connected to 127.0.0.1:"));
    let name = format!("{} 1", h.state().default_client_base_name());
    assert!(shows(&h, None, &name), "the session list names the client");

    set_text(&mut h, Some(1), "Code", "TST-001");
    set_text(&mut h, Some(1), "Name", "Caderno de teste");
    set_text(&mut h, Some(1), "Price (R$)", "12,34");
    set_text(&mut h, Some(1), "Quantity", "7");
    click(&mut h, Some(1), "Add product");
    wait_for(&mut h, "the added product", |h| shows(h, Some(1), "Added TST-001"));

    set_text(&mut h, Some(1), "Filter", "TST-001");
    let total = lojinha_server::sample::sample_products().len() + 1;
    assert!(shows(&h, Some(1), &format!("1 of {total} products")), "the table holds the new row");
    assert!(shows(&h, Some(1), "R$ 12,34"), "its price is shown in reais");
}

/// "Fetch by code" shows a product that exists and says "not found" otherwise.
#[test]
fn fetch_by_code_found_and_not_found() {
    let mut h = served_and_connected();
    set_text(&mut h, Some(1), "Code to fetch", "CAN-001");
    click(&mut h, Some(1), "Fetch");
    wait_for(&mut h, "fetch result", |h| shows(h, Some(1), "Found CAN-001"));
    assert!(shows(&h, Some(1), "R$ 2,50"));

    set_text(&mut h, Some(1), "Code to fetch", "NOPE-999");
    click(&mut h, Some(1), "Fetch");
    wait_for(&mut h, "not found", |h| shows(h, Some(1), "Not found: no product has code NOPE-999"));
}

/// Invalid input is reported next to the field it concerns, before sending;
/// an error the server reports for a field (a code that exists) is shown there too.
#[test]
fn validation_errors_are_shown_by_their_field() {
    let mut h = served_and_connected();
    set_text(&mut h, Some(1), "Code", "bad code");
    set_text(&mut h, Some(1), "Price (R$)", "abc");
    click(&mut h, Some(1), "Add product");
    assert!(shows(&h, Some(1), "is not allowed"), "the code's error");
    assert!(shows(&h, Some(1), "Required"), "the empty name's error");
    assert!(shows(&h, Some(1), "Type a price such as 2,50"), "the price's error");
    let sent = |h: &App| {
        rows(&lock(&window(h, 0).unwrap()).steps).iter().any(|e| e.method.as_deref() == Some("product.add"))
    };
    assert!(!sent(&h), "nothing was sent");

    set_text(&mut h, Some(1), "Code", "CAN-001");
    set_text(&mut h, Some(1), "Name", "Duplicada");
    set_text(&mut h, Some(1), "Price (R$)", "1,00");
    click(&mut h, Some(1), "Add product");
    wait_for(&mut h, "the server's error by the code field", |h| shows(h, Some(1), "Server: "));
    assert!(sent(&h));
    let form_errors = lock(&window(&h, 0).unwrap()).form.errors.clone();
    assert_eq!(form_errors.keys().collect::<Vec<_>>(), [&lojinha::client::form::Field::Code]);
}

/// A product added in one window appears in another connected window through
/// the server's notification, without a reload.
#[test]
fn second_window_receives_live_update() {
    let mut h = served_and_connected();
    click(&mut h, None, "New client window");
    click_prefix(&mut h, Some(2), "Connect to this app's server");
    wait_for(&mut h, "window 2 connected", |h| {
        window(h, 1).is_some_and(|w| {
            lock(&w).conn.connected() && lock(&w).progress.is_none() && !lock(&w).catalog.is_empty()
        })
    });
    let list_requests = |h: &App| {
        rows(&lock(&window(h, 1).unwrap()).steps)
            .iter()
            .filter(|e| e.method.as_deref() == Some("product.list"))
            .count()
    };
    let lists_before = list_requests(&h);

    set_text(&mut h, Some(1), "Code", "LIVE-1");
    set_text(&mut h, Some(1), "Name", "Produto ao vivo");
    set_text(&mut h, Some(1), "Price (R$)", "3");
    click(&mut h, Some(1), "Add product");
    set_text(&mut h, Some(2), "Filter", "LIVE-1");
    // The table's own count (the log also quotes the notification's text).
    let total = lojinha_server::sample::sample_products().len() + 1;
    let count = format!("1 of {total} products");
    wait_for(&mut h, "window 2's table shows the new product", |h| shows(h, Some(2), &count));
    assert!(shows(&h, Some(2), "R$ 3,00"), "the row, with its price in reais");
    assert!(lock(&window(&h, 1).unwrap()).catalog.get("LIVE-1").is_some(), "window 2's own catalog has it");
    assert!(lock(&window(&h, 0).unwrap()).catalog.get("LIVE-1").is_some());
    assert_eq!(list_requests(&h), lists_before, "window 2 did not reload: a notification did it");
    let notified = rows(&lock(&window(&h, 1).unwrap()).steps)
        .iter()
        .any(|e| e.step == Step::Notification && e.method.as_deref() == Some("product.added"));
    assert!(notified);
}

/// Export with a typed path writes the shown products as CSV with a header.
#[test]
fn export_writes_the_expected_csv() {
    let mut h = served_and_connected();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("canetas.csv");
    set_text(&mut h, Some(1), "Filter", "CAN-");
    set_text(&mut h, Some(1), "File", path.to_str().unwrap());
    click_prefix(&mut h, Some(1), "Export ");
    wait_for(&mut h, "export done", |h| shows(h, Some(1), "Wrote "));

    let mut expected = String::from("\u{feff}code,name,price,price_cents,quantity\r\n");
    let mut pens: Vec<_> =
        lojinha_server::sample::sample_products().into_iter().filter(|p| p.code.contains("CAN-")).collect();
    pens.sort_by(|a, b| a.code.cmp(&b.code));
    assert!(!pens.is_empty());
    for p in &pens {
        let name = if p.name.contains(',') { format!("\"{}\"", p.name) } else { p.name.clone() };
        let price = format!("{}.{:02}", p.price_cents / 100, p.price_cents % 100);
        expected.push_str(&format!("{},{},{},{},{}\r\n", p.code, name, price, p.price_cents, p.quantity));
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
}

/// The client's log shows the protocol steps in order, with request and
/// response paired by id, and the server's log shows the same session.
#[test]
fn log_shows_protocol_steps_in_order() {
    let mut h = served_and_connected();
    set_text(&mut h, Some(1), "Code to fetch", "CAN-002");
    click(&mut h, Some(1), "Fetch");
    wait_for(&mut h, "fetch result", |h| shows(h, Some(1), "Found CAN-002"));

    let w = window(&h, 0).unwrap();
    let w = lock(&w);
    let steps: Vec<(Option<Direction>, Step, Option<String>)> =
        rows(&w.steps).iter().map(|e| (e.direction, e.step, e.method.clone())).collect();
    let position = |wanted: (Option<Direction>, Step, Option<&str>)| {
        steps
            .iter()
            .position(|(d, s, m)| (*d, *s, m.as_deref()) == wanted)
            .unwrap_or_else(|| panic!("{wanted:?} missing from {steps:?}"))
    };
    let order = [
        position((None, Step::Connecting, None)),
        position((None, Step::Connected, None)),
        position((Some(Direction::ToClient), Step::Welcome, Some("welcome"))),
        position((Some(Direction::ToServer), Step::Hello, Some("hello"))),
        position((Some(Direction::ToClient), Step::Response, Some("hello"))),
        position((Some(Direction::ToServer), Step::Request, Some("product.list"))),
        position((Some(Direction::ToServer), Step::Request, Some("product.get"))),
        position((Some(Direction::ToClient), Step::Response, Some("product.get"))),
    ];
    assert!(order.windows(2).all(|p| p[0] < p[1]), "steps out of order: {order:?} in {steps:?}");
    let all = rows(&w.steps);
    let get = all.iter().find(|e| e.method.as_deref() == Some("product.get")).unwrap();
    let answer = all.iter().find(|e| Some(e.seq) == get.pair).expect("the request is paired");
    assert_eq!(answer.id, get.id);
    assert!(answer.rtt.is_some() && answer.raw.as_deref().unwrap().contains("CAN-002"));
    drop(w);
    set_text(&mut h, Some(1), "Search the log", "welcome");
    assert!(shows(&h, Some(1), "welcome {"), "the filtered log view lists the welcome");
    assert!(!shows(&h, Some(1), "answer to product.get"), "the filter hides other steps");
    assert!(shows(&h, None, "product.get"), "the server's log lists the request");
}

/// Connecting where nothing listens says there is no server and suggests starting one.
#[test]
fn connection_refused_says_no_server() {
    let mut h = app(StartOptions::default());
    let free = bind_loopback().local_addr().unwrap().to_string();
    click(&mut h, None, "New client window");
    set_text(&mut h, Some(1), "Server", &free);
    click(&mut h, Some(1), "Connect");
    wait_for(&mut h, "the refusal", |h| shows(h, Some(1), "No server is listening at"));
    assert!(shows(&h, Some(1), "Start server"), "it suggests starting one");
    let w = window(&h, 0).unwrap();
    let w = lock(&w);
    let all = rows(&w.steps);
    let mark =
        all.iter().find(|e| e.label.contains("refused")).expect("the diagram marks the refused connect()");
    assert_eq!(mark.step, Step::Error, "the mark is the log's error line");
}

/// A port already in use gives a clear message, not a panic.
#[test]
fn port_in_use_is_reported() {
    let taken = bind_loopback();
    let addr = taken.local_addr().unwrap().to_string();
    let mut h = app(StartOptions { db: Some(":memory:".into()), ..Default::default() });
    set_text(&mut h, None, "Listen address", &addr);
    click(&mut h, None, "Start server");
    wait_for(&mut h, "the error", |h| shows(h, None, "Cannot start the server"));
    assert!(shows(&h, None, "in use"));
    assert!(h.state().server_address().is_none());
}

/// Stopping the server tells connected windows why (goodbye), and keeps their table.
#[test]
fn server_stop_keeps_table_and_says_why() {
    let mut h = served_and_connected();
    let rows = lock(&window(&h, 0).unwrap()).catalog.len();
    click(&mut h, Some(1), "Reconnect automatically");
    click(&mut h, None, "Stop server");
    // The log shows the goodbye a moment before the status line says why.
    wait_for(&mut h, "the goodbye's reason in the status line", |h| {
        shows(h, Some(1), "Connection lost: the server is shutting down")
    });
    assert!(
        shows(&h, Some(1), "goodbye {\"reason\":\"server shutting down\"}"),
        "and the goodbye in the log"
    );
    assert_eq!(lock(&window(&h, 0).unwrap()).catalog.len(), rows, "the table stays");
    assert!(shows(&h, Some(1), "CAN-001"));
}

/// Deleting asks for confirmation first; once confirmed the product is gone
/// here and, through the notification, in another connected window.
#[test]
fn delete_asks_then_removes_everywhere() {
    let mut h = served_and_connected();
    click(&mut h, None, "New client window");
    click_prefix(&mut h, Some(2), "Connect to this app's server");
    wait_for(&mut h, "window 2 loaded", |h| {
        window(h, 1).is_some_and(|w| lock(&w).conn.connected() && lock(&w).catalog.get("CAN-003").is_some())
    });
    set_text(&mut h, Some(1), "Code", "DEL-1");
    set_text(&mut h, Some(1), "Name", "Para excluir");
    set_text(&mut h, Some(1), "Price (R$)", "1");
    click(&mut h, Some(1), "Add product");
    wait_for(&mut h, "added, form in edit mode", |h| shows(h, Some(1), "Edit DEL-1"));
    wait_for(&mut h, "window 2 has it", |h| lock(&window(h, 1).unwrap()).catalog.get("DEL-1").is_some());

    click(&mut h, Some(1), "Delete…");
    assert!(shows(&h, Some(1), "Delete DEL-1 for everyone?"), "it asks first");
    assert!(lock(&window(&h, 0).unwrap()).catalog.get("DEL-1").is_some(), "nothing deleted yet");
    click(&mut h, Some(1), "Yes, delete");
    wait_for(&mut h, "deleted", |h| shows(h, Some(1), "Deleted DEL-1."));
    assert!(lock(&window(&h, 0).unwrap()).catalog.get("DEL-1").is_none());
    wait_for(&mut h, "gone from window 2", |h| lock(&window(h, 1).unwrap()).catalog.get("DEL-1").is_none());
}

/// On a sequential server a second window waits for the first; pressing
/// Disconnect while it waits really leaves: when the first client goes, the
/// server finds the second connection already closed, and the second window
/// does not come back as connected behind the user's back.
#[test]
fn disconnect_while_waiting_for_a_sequential_server_leaves() {
    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "In memory (lost when stopped)");
    click(&mut h, None, "sequential (one at a time)");
    click(&mut h, None, "Start server");
    wait_for(&mut h, "server running", |h| h.state().server_address().is_some());
    click(&mut h, None, "New client window");
    click_prefix(&mut h, Some(1), "Connect to this app's server");
    wait_for(&mut h, "window 1 connected", |h| window(h, 0).is_some_and(|w| lock(&w).conn.connected()));
    click(&mut h, None, "New client window");
    click_prefix(&mut h, Some(2), "Connect to this app's server");
    wait_for(&mut h, "window 2's TCP connection is up", |h| {
        window(h, 1).is_some_and(|w| rows(&lock(&w).steps).iter().any(|e| e.step == Step::Connected))
    });
    assert!(!lock(&window(&h, 1).unwrap()).conn.connected(), "the server is busy with window 1");

    click(&mut h, Some(2), "Disconnect");
    click(&mut h, Some(1), "Disconnect");
    let second_session_closed = |h: &mut App| {
        rows(h.state().server_log()).iter().any(|e| e.session == Some(2) && e.step == Step::Closed)
    };
    wait_for(&mut h, "the server reached window 2's connection", second_session_closed);
    for _ in 0..20 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!lock(&window(&h, 1).unwrap()).conn.connected(), "window 2 stays disconnected");
    let closed =
        rows(h.state().server_log()).into_iter().find(|e| e.session == Some(2) && e.step == Step::Closed);
    assert_eq!(closed.unwrap().describe, "the client closed the connection");
}

/// An address where `connect()` never completes does not hold the window:
/// Disconnect leaves the attempt at once (the log says so and the diagram
/// marks it), nothing of that attempt reaches the log when it does get
/// through later, and another address connects right away.
#[test]
fn disconnect_while_connect_hangs_leaves_at_once() {
    // A listener with a backlog of one, already taken: the kernel answers no
    // further SYN, so a connect() to it waits (and retries its SYN).
    let hanging = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    hanging.bind(&"127.0.0.1:0".parse::<std::net::SocketAddr>().unwrap().into()).unwrap();
    hanging.listen(0).unwrap();
    let hanging: std::net::TcpListener = hanging.into();
    let hanging_addr = hanging.local_addr().unwrap().to_string();
    let _queued = std::net::TcpStream::connect(&hanging_addr).unwrap();
    let server = start_server(memory_config());

    let mut h = app(StartOptions::default());
    click(&mut h, None, "New client window");
    set_text(&mut h, Some(1), "Server", &hanging_addr);
    click(&mut h, Some(1), "Connect");
    wait_for(&mut h, "connect() under way", |h| {
        rows(&lock(&window(h, 0).unwrap()).steps).iter().any(|e| e.step == Step::Connecting)
    });
    click(&mut h, Some(1), "Disconnect");
    let gave_up = format!("Stopped connecting to {hanging_addr}");
    let given_up = |e: &Row| e.step == Step::Closed && e.describe.starts_with(&gave_up);
    wait_for(&mut h, "the attempt given up", |h| {
        rows(&lock(&window(h, 0).unwrap()).steps).iter().any(&given_up)
    });
    let seen = {
        let w = window(&h, 0).unwrap();
        let w = lock(&w);
        let line = rows(&w.steps).into_iter().find(|e| given_up(e)).unwrap();
        assert!(line.label.contains("given up"), "the diagram marks it: {line:?}");
        w.steps.len()
    };

    // Make room in the backlog: the abandoned attempt's next SYN gets through,
    // its connect() succeeds on its own thread, and that thread drops it (EOF here).
    let _first = hanging.accept().unwrap();
    let mut late = accept_within(&hanging, std::time::Duration::from_secs(10));
    late.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    assert_eq!(std::io::Read::read(&mut late, &mut [0; 64]).unwrap(), 0, "the attempt left behind closes");
    // Any command makes the network thread pass its events on; none of that attempt's may come.
    click(&mut h, Some(1), "Show reads");
    for _ in 0..20 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let w = window(&h, 0).unwrap();
    let entries: Vec<Row> = rows(&lock(&w).steps);
    assert_eq!(entries.len(), seen, "nothing of the attempt left behind: {entries:?}");
    assert!(!lock(&w).conn.connected());

    set_text(&mut h, Some(1), "Server", &server.local_addr().to_string());
    click(&mut h, Some(1), "Connect");
    wait_for(&mut h, "connected to the real server", |h| lock(&window(h, 0).unwrap()).conn.connected());
}

/// The next connection `listener` accepts, waiting at most `limit`.
fn accept_within(listener: &std::net::TcpListener, limit: std::time::Duration) -> std::net::TcpStream {
    listener.set_nonblocking(true).unwrap();
    let deadline = std::time::Instant::now() + limit;
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                stream.set_nonblocking(false).unwrap();
                return stream;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => panic!("no connection within {limit:?}: {e}"),
        }
    }
}

/// The in-app catalog is bounded: past [`IN_APP_MAX_PRODUCTS`] an add over
/// the wire gets `-32603` "catalog full", and `--fill N` with a larger N
/// raises the bound to what the teacher asked for (and the sample catalog).
#[test]
fn the_in_app_catalog_stops_at_its_bound() {
    use lojinha::server::IN_APP_MAX_PRODUCTS;
    use lojinha_test_support::{Conn, error_code, product};
    use serde_json::json;
    for fill in [IN_APP_MAX_PRODUCTS - 100, IN_APP_MAX_PRODUCTS + 5] {
        let options = StartOptions {
            serve: Some("127.0.0.1:0".into()),
            db: Some(":memory:".into()),
            fill,
            ..Default::default()
        };
        let mut h = app(options);
        wait_for(&mut h, "the server runs", |h| h.state().server_address().is_some());
        let addr = h.state().server_address().unwrap().parse().unwrap();
        let mut conn = Conn::welcomed(addr);
        let total =
            |conn: &mut Conn| conn.call_ok(1, "product.list", json!({"limit": 1}))["total"].as_u64().unwrap();
        let seeded = total(&mut conn) as usize;
        assert!(seeded >= fill, "every generated product is there ({seeded} of {fill})");
        let bound = IN_APP_MAX_PRODUCTS.max(seeded);
        for i in seeded..bound {
            conn.call_ok(i, "product.add", json!({"product": product(&format!("ROOM-{i}"), "r", 1, 1)}));
        }
        let full = conn.call_reply(9, "product.add", json!({"product": product("ONE-TOO-MANY", "x", 1, 1)}));
        assert_eq!(error_code(&full, &json!(9)), -32603, "fill {fill}: {full}");
        assert_eq!(total(&mut conn) as usize, bound, "fill {fill}");
    }
}
