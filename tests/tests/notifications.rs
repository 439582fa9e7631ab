//! Server notifications between sessions: the writer gets its response,
//! every other session gets product.added/updated/deleted, in commit order,
//! and the writer never hears of its own change.

use std::collections::HashMap;

use lojinha_server::{Notification, Product};
use lojinha_test_support::{
    Conn, added, at_version, error_code, notification, product, request, success, typed_product,
};
use lojinha_tests::{TestServer, on_each_backend};
use serde_json::{Value, json};

on_each_backend! {
    /// Add, update and delete by one session reach another as exact
    /// notifications, in order; the writer gets only its responses.
    fn writes_notify_other_sessions_not_the_writer(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut writer, _) = server.connect_welcomed();
        let (mut watcher, _) = server.connect_welcomed();
        let p = product("N-1", "First", 100, 1);
        let changed = product("N-1", "Second", 200, 2);
        let (p, changed) = (at_version(p, 1), at_version(changed, 2));
        assert_eq!(writer.call(1, "product.add", json!({"product": p})), success(1, p.clone()));
        assert_eq!(writer.call(2, "product.update", json!({"product": changed})), success(2, changed.clone()));
        assert_eq!(writer.call(3, "product.delete", json!(["N-1"])), success(3, json!({"deleted": "N-1"})));
        writer.ping();
        assert_eq!(watcher.recv(), notification("product.added", json!({"product": p})));
        assert_eq!(watcher.recv(), notification("product.updated", json!({"product": changed})));
        assert_eq!(watcher.recv(), notification("product.deleted", json!({"code": "N-1"})));
        watcher.ping();
    }
}

on_each_backend! {
    /// Others hear of the product as stored (name trimmed, quantity defaulted), not as sent.
    fn notifications_carry_the_stored_product(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut writer, _) = server.connect_welcomed();
        let (mut watcher, _) = server.connect_welcomed();
        let sent = json!({"code": "TRIM", "name": "  spaced  ", "price_cents": 5});
        let missing = writer.call(1, "product.update", json!({"product": sent}));
        assert_eq!(error_code(&missing, &json!(1)), 1001, "not there yet, so nobody hears of it");
        writer.call_ok(2, "product.add", json!({"product": sent}));
        writer.call_ok(3, "product.update", json!({"product": sent}));
        let stored = product("TRIM", "spaced", 5, 0);
        let product_at = |version| json!({"product": at_version(stored.clone(), version)});
        assert_eq!(watcher.recv(), notification("product.added", product_at(1)));
        assert_eq!(watcher.recv(), notification("product.updated", product_at(2)));
    }
}

on_each_backend! {
    /// Failed writes (exists, not found, invalid) notify nobody.
    fn failed_writes_notify_nobody(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut writer, _) = server.connect_welcomed();
        let (mut watcher, _) = server.connect_welcomed();
        writer.call_ok(1, "product.add", json!({"product": product("F-1", "f", 1, 1)}));
        assert_eq!(watcher.recv()["method"], "product.added");
        assert_eq!(
            error_code(&writer.call(2, "product.add", json!({"product": product("F-1", "f", 1, 1)})), &json!(2)),
            1002
        );
        assert_eq!(error_code(&writer.call(3, "product.delete", json!(["F-2"])), &json!(3)), 1001);
        assert_eq!(
            error_code(
                &writer.call(4, "product.update", json!({"product": product("F-2", "f", 1, 1)})),
                &json!(4)
            ),
            1001
        );
        assert_eq!(
            error_code(
                &writer.call(5, "product.add", json!({"product": product("bad code", "f", 1, 1)})),
                &json!(5)
            ),
            -32602
        );
        watcher.ping();
    }
}

on_each_backend! {
    /// Writes sent as notifications and inside batches notify others too.
    fn notification_and_batch_writes_notify_others(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut writer, _) = server.connect_welcomed();
        let (mut watcher, _) = server.connect_welcomed();
        writer.send_json(&notification("product.add", json!({"product": product("Q-1", "q", 1, 1)})));
        writer.send_json(&json!([
            request(1, "product.add", json!({"product": product("Q-2", "q", 2, 2)})),
            notification("product.delete", json!(["Q-1"]))
        ]));
        assert_eq!(writer.recv(), json!([success(1, added("Q-2", "q", 2, 2))]));
        writer.ping();
        assert_eq!(watcher.recv(), notification("product.added", json!({"product": added("Q-1", "q", 1, 1)})));
        assert_eq!(watcher.recv(), notification("product.added", json!({"product": added("Q-2", "q", 2, 2)})));
        assert_eq!(watcher.recv(), notification("product.deleted", json!({"code": "Q-1"})));
    }
}

/// Reads the next `count` product notifications, skipping nothing else.
fn product_events(conn: &mut Conn, count: usize) -> Vec<Value> {
    (0..count)
        .map(|_| {
            let line = conn.recv();
            assert!(line["method"].as_str().is_some_and(|m| m.starts_with("product.")), "{line}");
            line
        })
        .collect()
}

on_each_backend! {
    /// Several sessions writing at once: every watcher sees the same order (the
    /// commit order); each writer's own changes appear in the order it sent them;
    /// each writer hears of everyone's changes but its own, in that same order.
    fn concurrent_writers_are_seen_in_one_commit_order(catalog: Catalog) {
        const WRITERS: usize = 3;
        const EACH: usize = 40;
        let server = TestServer::start_on(&catalog);
        let (mut watcher_a, _) = server.connect_welcomed();
        let (mut watcher_b, _) = server.connect_welcomed();
        let mut writers: Vec<Conn> = (0..WRITERS).map(|_| server.connect_welcomed().0).collect();
        for (w, conn) in writers.iter_mut().enumerate() {
            let mut burst = String::new();
            for i in 0..EACH {
                let p = product(&format!("W{w}-{i:02}"), "w", i as i64, w as i64);
                burst.push_str(&format!("{}\n", request(i, "product.add", json!({"product": p}))));
            }
            conn.send(burst.as_bytes());
        }
        let seen_a = product_events(&mut watcher_a, WRITERS * EACH);
        let seen_b = product_events(&mut watcher_b, WRITERS * EACH);
        assert_eq!(seen_a, seen_b, "every watcher sees one commit order");
        let code_of = |n: &Value| n["params"]["product"]["code"].as_str().expect("a code").to_owned();
        for w in 0..WRITERS {
            let own: Vec<String> =
                seen_a.iter().map(code_of).filter(|c| c.starts_with(&format!("W{w}-"))).collect();
            let sent: Vec<String> = (0..EACH).map(|i| format!("W{w}-{i:02}")).collect();
            assert_eq!(own, sent, "writer {w}'s changes commit in the order it sent them");
        }
        let position: HashMap<String, usize> = seen_a.iter().enumerate().map(|(i, n)| (code_of(n), i)).collect();
        for (w, conn) in writers.iter_mut().enumerate() {
            let mut heard = Vec::new();
            let mut answered = 0;
            while answered < EACH || heard.len() < (WRITERS - 1) * EACH {
                let line = conn.recv();
                if line.get("id").is_some() {
                    assert_eq!(line["id"], answered, "responses in request order");
                    answered += 1;
                } else {
                    let code = code_of(&line);
                    assert!(!code.starts_with(&format!("W{w}-")), "writer {w} heard of its own change {code}");
                    heard.push(position[&code]);
                }
            }
            assert!(heard.windows(2).all(|p| p[0] < p[1]), "writer {w} hears changes in commit order");
            conn.ping();
        }
    }
}

on_each_backend! {
    /// The library delivers other sessions' changes on its notifications channel.
    fn client_library_receives_notifications(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let mut writer = server.client();
        let mut watcher = server.client();
        let p = typed_product("LIB-1", "Library", 10, 1);
        writer.add(&p).expect("add");
        let changed = typed_product("LIB-1", "Library 2", 20, 2);
        writer.update(&changed).expect("update");
        writer.delete("LIB-1").expect("delete");
        watcher.list(None, None).expect("a round trip after the writes");
        let received: Vec<Notification> = watcher.notifications().try_iter().collect();
        let changes: Vec<Notification> =
            received.into_iter().filter(|n| !matches!(n, Notification::Welcome(_))).collect();
        assert_eq!(
            changes,
            vec![
                Notification::ProductAdded(Product { version: 1, ..p }),
                Notification::ProductUpdated(Product { version: 2, ..changed }),
                Notification::ProductDeleted("LIB-1".into())
            ]
        );
        let own: Vec<Notification> = writer.notifications().try_iter().collect();
        assert!(own.iter().all(|n| matches!(n, Notification::Welcome(_))), "the writer hears nothing: {own:?}");
    }
}

on_each_backend! {
    /// A client connecting while others write heavily still gets `welcome` as
    /// its very first line: no notification overtakes it.
    fn welcome_is_first_even_while_others_write(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut writer, _) = server.connect_welcomed();
        let mut burst = String::new();
        for i in 0..3000 {
            let p = product(&format!("H-{i:04}"), "h", 1, 1);
            burst.push_str(&format!("{}\n", notification("product.add", json!({"product": p}))));
        }
        writer.send(burst.as_bytes());
        let mut late_comers = Vec::new();
        while server.handle().product_count() < 3000 && late_comers.len() < 300 {
            let mut conn = Conn::connect(server.addr());
            let first = conn.recv();
            assert_eq!(first["method"], "welcome", "the first line is the welcome, got {first}");
            late_comers.push(conn);
            if late_comers.len() > 20 {
                late_comers.remove(0);
            }
        }
        writer.ping();
    }
}
