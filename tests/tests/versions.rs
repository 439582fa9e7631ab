//! Protocol 1.1: every product carries a version, and a write can say which
//! version it expects, so that two people editing the same product never
//! silently overwrite each other.

use lojinha_test_support::{added, at_version, error_of, notification, product};
use lojinha_tests::{TestServer, on_each_backend};
use serde_json::{Value, json};

/// The next response, past the notifications of the other client's writes.
fn answer(conn: &mut lojinha_test_support::Conn) -> Value {
    loop {
        let line = conn.recv();
        if line.get("id").is_some() {
            return line;
        }
    }
}

/// The `1004` error's data for `current`.
fn changed_data(current: Value) -> Value {
    json!({"code": current["code"].clone(), "current": current})
}

on_each_backend! {
    /// A product starts at version 1 and each update adds one, in answers,
    /// reads and the notifications others receive; a version sent by the
    /// client is ignored.
    fn versions_start_at_one_and_grow_with_each_update(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut writer, _) = server.connect_welcomed();
        let (mut watcher, _) = server.connect_welcomed();
        let given = at_version(product("V-1", "First", 100, 1), 77);
        assert_eq!(writer.call_ok(1, "product.add", json!({"product": given})), added("V-1", "First", 100, 1));
        let second = at_version(product("V-1", "Second", 200, 2), 1);
        let stored = at_version(product("V-1", "Second", 200, 2), 2);
        assert_eq!(writer.call_ok(2, "product.update", json!({"product": second})), stored);
        assert_eq!(writer.call_ok(3, "product.get", json!(["V-1"])), stored);
        assert_eq!(
            watcher.recv(),
            notification("product.added", json!({"product": added("V-1", "First", 100, 1)}))
        );
        assert_eq!(watcher.recv(), notification("product.updated", json!({"product": stored})));
        assert_eq!(server.handle().product_count(), 1);
    }
}

on_each_backend! {
    /// An update or delete that expects another version writes nothing and
    /// answers 1004 with the stored product; the right version writes.
    fn a_write_expecting_another_version_is_refused_with_the_current_product(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        conn.call_ok(1, "product.add", json!({"product": product("C-1", "Caderno", 990, 3)}));
        let v2 = conn.call_ok(2, "product.update", json!({"product": product("C-1", "Caderno A4", 990, 3)}));
        let stale = conn.call(
            3,
            "product.update",
            json!({"product": product("C-1", "Old", 1, 1), "expected_version": 1}),
        );
        let error = error_of(&stale, &json!(3));
        assert_eq!((error["code"].clone(), error["data"].clone()), (json!(1004), changed_data(v2.clone())));
        let stale_delete = conn.call(4, "product.delete", json!({"code": "C-1", "expected_version": 1}));
        assert_eq!(error_of(&stale_delete, &json!(4))["code"], 1004);
        assert_eq!(conn.call_ok(5, "product.get", json!(["C-1"])), v2, "nothing was written");
        let right = json!({"product": product("C-1", "Caderno A5", 990, 3), "expected_version": 2});
        assert_eq!(conn.call_ok(6, "product.update", right)["version"], 3);
        let deleted = conn.call_ok(7, "product.delete", json!({"code": "C-1", "expected_version": 3}));
        assert_eq!(deleted, json!({"deleted": "C-1"}));
        let gone =
            conn.call(8, "product.update", json!({"product": product("C-1", "x", 1, 1), "expected_version": 3}));
        assert_eq!(error_of(&gone, &json!(8))["code"], 1001, "a product that is gone is not found, as before");
    }
}

on_each_backend! {
    /// Two clients read version 1 and both save with it: exactly one wins, the
    /// other is told it changed and gets the winner's product.
    fn two_clients_racing_on_one_product_never_lose_an_update(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut first, _) = server.connect_welcomed();
        let (mut second, _) = server.connect_welcomed();
        first.call_ok(1, "product.add", json!({"product": product("R-1", "Régua", 300, 5)}));
        let save = |name: &str| json!({"product": product("R-1", name, 300, 5), "expected_version": 1});
        first.send_json(&lojinha_test_support::request(2, "product.update", save("by first")));
        second.send_json(&lojinha_test_support::request(2, "product.update", save("by second")));
        let answers = [answer(&mut first), answer(&mut second)];
        let winners: Vec<&Value> = answers.iter().filter(|a| a.get("result").is_some()).collect();
        assert_eq!(winners.len(), 1, "exactly one save wins: {answers:?}");
        let loser = answers.iter().find(|a| a.get("error").is_some()).expect("one is refused");
        assert_eq!(loser["error"]["code"], 1004);
        assert_eq!(loser["error"]["data"]["current"], winners[0]["result"]);
    }
}

on_each_backend! {
    /// `expected_version` must be an integer from 1 (or null for none).
    fn expected_version_is_checked(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        conn.call_ok(1, "product.add", json!({"product": product("E-1", "e", 1, 1)}));
        for (id, bad) in [(2, json!(0)), (3, json!("1")), (4, json!(1.5))] {
            let answer = conn.call(id, "product.delete", json!({"code": "E-1", "expected_version": bad}));
            let error = error_of(&answer, &json!(id));
            assert_eq!(
                (error["code"].clone(), error["data"]["field"].clone()),
                (json!(-32602), json!("expected_version"))
            );
        }
        let unconditional = json!({"product": product("E-1", "e2", 1, 1), "expected_version": null});
        assert_eq!(conn.call_ok(5, "product.update", unconditional)["version"], 2);
    }
}

/// A catalog written before versions existed opens with every product at
/// version 1, and updates go on from there.
#[test]
fn a_catalog_without_versions_is_upgraded() {
    let mut server = TestServer::start();
    server.stop();
    let path = server.db_path();
    std::fs::remove_file(&path).expect("remove the new catalog");
    let old = rusqlite::Connection::open(&path).expect("create an old catalog");
    old.execute_batch(
        "CREATE TABLE products (code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,
             price_cents INTEGER NOT NULL, quantity INTEGER NOT NULL) WITHOUT ROWID;
         INSERT INTO products VALUES ('OLD-1', 'Antigo', 500, 2);",
    )
    .expect("fill the old catalog");
    drop(old);
    server.restart();
    let (mut conn, _) = server.connect_welcomed();
    assert_eq!(conn.call_ok(1, "product.get", json!(["OLD-1"])), added("OLD-1", "Antigo", 500, 2));
    let update = json!({"product": product("OLD-1", "Antigo 2", 500, 2), "expected_version": 1});
    assert_eq!(conn.call_ok(2, "product.update", update)["version"], 2);
}
