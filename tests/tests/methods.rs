//! Every method of the protocol, over raw sockets (exact JSON) and through
//! the `Client` library: welcome, hello, product.add/get/list/update/delete,
//! quit, with named and positional params and every kind of id.

use lojinha_server::Notification;
use lojinha_test_support::{
    Conn, SERVER_NAME, added, at_version, error_code, product, success, typed_product, typed_stored,
};
use lojinha_tests::{TestServer, on_each_backend};
use serde_json::json;

/// The server speaks first: a `welcome` with its name, protocol 1 and a
/// session number unique within the run.
#[test]
fn welcome_comes_first_with_a_unique_session() {
    let server = TestServer::start();
    let (_a, first) = server.connect_welcomed();
    let (_b, second) = server.connect_welcomed();
    assert_ne!(first, second);
}

/// `hello` answers with the session number of the welcome and the server name.
#[test]
fn hello_answers_session_and_server() {
    let server = TestServer::start();
    let (mut conn, session) = server.connect_welcomed();
    let response = conn.call(1, "hello", json!({"client": "Window 2"}));
    assert_eq!(response, success(1, json!({"session": session, "server": SERVER_NAME})));
}

/// `hello`'s name may be 1 to 64 code points (multi-byte ones count once).
#[test]
fn hello_name_counts_code_points() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let longest = "ç".repeat(64);
    assert!(conn.call(1, "hello", json!({"client": longest})).get("result").is_some());
}

on_each_backend! {
    /// `product.add` stores and returns the product normalized: name trimmed,
    /// absent quantity 0; `product.get` then returns the same.
    fn add_then_get_returns_the_normalized_product(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        let given = json!({"code": "CAN-001", "name": "  Caneta azul \t", "price_cents": 250});
        let stored =
            json!({"code": "CAN-001", "name": "Caneta azul", "price_cents": 250, "quantity": 0, "version": 1});
        assert_eq!(conn.call(1, "product.add", json!({"product": given})), success(1, stored.clone()));
        assert_eq!(conn.call(2, "product.get", json!({"code": "CAN-001"})), success(2, stored));
    }
}

on_each_backend! {
    /// The rule edges are allowed: a 32-character code, a 200-code-point name,
    /// price 0 and 1,000,000,000,000, quantity 1,000,000,000.
    fn add_accepts_every_rule_edge(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        let edges = [
            product(&"Az09._-".repeat(4)[..28], &"ã".repeat(200), 0, 0),
            product(&"x".repeat(32), "y", 1_000_000_000_000, 1_000_000_000),
        ];
        for (id, edge) in edges.into_iter().enumerate() {
            let response = conn.call(id, "product.add", json!({"product": edge}));
            assert_eq!(response, success(id, at_version(edge, 1)));
        }
    }
}

on_each_backend! {
    /// Codes are case-sensitive keys: `a` and `A` are two products.
    fn codes_are_case_sensitive(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        conn.call_ok(1, "product.add", json!({"product": product("a", "lower", 1, 1)}));
        conn.call_ok(2, "product.add", json!({"product": product("A", "upper", 2, 2)}));
        assert_eq!(conn.call_ok(3, "product.get", json!({"code": "a"}))["name"], "lower");
        assert_eq!(conn.call_ok(4, "product.get", json!({"code": "A"}))["name"], "upper");
    }
}

on_each_backend! {
    /// `product.update` replaces the whole product: an absent quantity becomes 0.
    fn update_replaces_the_whole_product(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        conn.call_ok(1, "product.add", json!({"product": product("P-1", "Old", 100, 7)}));
        let change = json!({"code": "P-1", "name": " New ", "price_cents": 150});
        let stored = at_version(product("P-1", "New", 150, 0), 2);
        assert_eq!(conn.call(2, "product.update", json!({"product": change})), success(2, stored.clone()));
        assert_eq!(conn.call(3, "product.get", json!({"code": "P-1"})), success(3, stored));
    }
}

on_each_backend! {
    /// `product.delete` answers `{"deleted": code}` and the product is gone.
    fn delete_removes_the_product(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        conn.call_ok(1, "product.add", json!({"product": product("P-1", "Gone soon", 1, 1)}));
        assert_eq!(conn.call(2, "product.delete", json!({"code": "P-1"})), success(2, json!({"deleted": "P-1"})));
        assert_eq!(error_code(&conn.call(3, "product.get", json!({"code": "P-1"})), &json!(3)), 1001);
    }
}

/// `quit` answers `{"bye": true}` and then the server closes the connection.
#[test]
fn quit_says_bye_and_closes() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    assert_eq!(conn.call(9, "quit", json!([])), success(9, json!({"bye": true})));
    conn.expect_closed();
}

/// `quit` without params is answered the same.
#[test]
fn quit_without_params() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    conn.send_line(r#"{"jsonrpc":"2.0","id":"q","method":"quit"}"#);
    assert_eq!(conn.recv(), success("q", json!({"bye": true})));
    conn.expect_closed();
}

/// Params given by position mean the same as by name, for every method.
#[test]
fn positional_params_equal_named_params() {
    let server = TestServer::start();
    let (mut conn, session) = server.connect_welcomed();
    let hello = conn.call(1, "hello", json!(["Window 2"]));
    assert_eq!(hello, success(1, json!({"session": session, "server": SERVER_NAME})));
    let p = product("POS-1", "Positional", 10, 1);
    assert_eq!(conn.call(2, "product.add", json!([p])), success(2, at_version(p.clone(), 1)));
    assert_eq!(conn.call(3, "product.get", json!(["POS-1"])), success(3, at_version(p.clone(), 1)));
    conn.call_ok(4, "product.add", json!({"product": product("POS-2", "Named", 20, 2)}));
    let positional_page = conn.call_ok(5, "product.list", json!(["POS-1", 1]));
    let named_page = conn.call_ok(5, "product.list", json!({"after": "POS-1", "limit": 1}));
    assert_eq!(positional_page, named_page);
    assert_eq!(positional_page["products"], json!([added("POS-2", "Named", 20, 2)]));
    let changed = product("POS-1", "Changed", 11, 3);
    assert_eq!(conn.call(6, "product.update", json!([changed])), success(6, at_version(changed, 2)));
    assert_eq!(conn.call(7, "product.delete", json!(["POS-1"])), success(7, json!({"deleted": "POS-1"})));
}

/// `id` may be a string or any integer and is echoed unchanged.
#[test]
fn ids_are_echoed_unchanged() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    for id in [json!("abc"), json!(""), json!(0), json!(-7), json!(u64::MAX), json!(i64::MIN), json!("ção")]
    {
        let response = conn.call(id.clone(), "product.list", json!({}));
        assert_eq!(response["id"], id, "{response}");
        assert!(response.get("result").is_some());
    }
}

on_each_backend! {
    /// A product survives a round trip of the raw JSON exactly (Unicode included).
    fn unicode_names_round_trip(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        let p = product("UNI-1", "Pão de queijo 🧀 \"quoted\" \\ back", 350, 12);
        conn.call_ok(1, "product.add", json!({"product": p}));
        assert_eq!(conn.call(2, "product.get", json!(["UNI-1"])), success(2, at_version(p, 1)));
    }
}

on_each_backend! {
    /// The `Client` library does every method and reports errors by kind.
    fn client_library_does_every_method(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let mut client = server.client();
        let welcome = client.welcome().expect("welcome read").clone();
        assert_eq!((welcome.server.as_str(), welcome.protocol), (SERVER_NAME, 1));
        let hello = client.hello("tests").expect("hello");
        assert_eq!((hello.session, hello.server.as_str()), (welcome.session, SERVER_NAME));
        let p = typed_product("CAN-001", "Caneta azul", 250, 40);
        assert_eq!(client.add(&p).expect("add"), typed_stored("CAN-001", "Caneta azul", 250, 40, 1));
        assert!(client.add(&p).expect_err("a duplicate").is_already_exists());
        let stored = typed_stored("CAN-001", "Caneta azul", 250, 40, 1);
        assert_eq!(client.get("CAN-001").expect("get"), stored);
        let page = client.list(None, Some(10)).expect("list");
        assert_eq!((page.products, page.next, page.total), (vec![stored], None, 1));
        let changed = typed_product("CAN-001", "Caneta preta", 300, 1);
        assert_eq!(client.update(&changed).expect("update"), typed_stored("CAN-001", "Caneta preta", 300, 1, 2));
        assert_eq!(client.delete("CAN-001").expect("delete"), "CAN-001");
        assert!(client.get("CAN-001").expect_err("gone").is_not_found());
        let bad = typed_product("bad code", "x", 1, 1);
        assert_eq!(client.add(&bad).expect_err("a bad code").field(), Some("code"));
        client.quit().expect("quit");
        let notifications: Vec<Notification> = client.notifications().try_iter().collect();
        assert!(notifications.iter().all(|n| matches!(n, Notification::Welcome(_))), "{notifications:?}");
    }
}

/// A raw connection and the library see the same catalog.
#[test]
fn raw_and_library_clients_share_the_catalog() {
    let server = TestServer::start();
    let mut client = server.client();
    client.add(&typed_product("SHARED", "Shared", 5, 5)).expect("add");
    let mut conn = Conn::connect(server.addr());
    conn.expect_welcome();
    assert_eq!(
        conn.call(1, "product.get", json!({"code": "SHARED"})),
        success(1, added("SHARED", "Shared", 5, 5))
    );
}

/// `quit` sent as a notification closes the connection without a reply, and
/// nothing the client pipelined after it runs.
#[test]
fn quit_notification_closes_silently_and_drops_what_follows() {
    let server = TestServer::start();
    let (mut conn, _) = server.connect_welcomed();
    let mut burst = String::new();
    burst.push_str("{\"jsonrpc\":\"2.0\",\"method\":\"quit\"}\n");
    burst.push_str(&format!(
        "{}\n",
        serde_json::json!({"jsonrpc":"2.0","id":2,"method":"product.add","params":{"product":product("AFTER-QUIT","a",1,1)}})
    ));
    conn.send(burst.as_bytes());
    conn.expect_closed();
    let (mut other, _) = server.connect_welcomed();
    assert_eq!(error_code(&other.call(1, "product.get", json!(["AFTER-QUIT"])), &json!(1)), 1001);
}
