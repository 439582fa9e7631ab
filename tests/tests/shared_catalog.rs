//! Many servers, one catalog: two servers on one PostgreSQL database, with
//! clients on both. Every change, from either server, reaches every session
//! on both, in one global order; conflicts across servers are answered as
//! on one server; every catalog converges to the database's.
//!
//! These need PostgreSQL: where it cannot start they print why and pass
//! without running, except under `CI`, where they fail.

use std::collections::BTreeMap;
use std::sync::{Arc, Barrier};
use std::thread;

use lojinha_test_support::{Conn, error_code, postgres_cluster, product, wait_until};
use lojinha_tests::{Catalog, TestServer};
use serde_json::{Value, json};

/// Two servers on one fresh database, and that database's URL.
fn two_servers() -> Option<(String, TestServer, TestServer)> {
    let catalog = Catalog::postgres()?;
    let Catalog::Postgres(url) = &catalog else { unreachable!("a PostgreSQL catalog") };
    Some((url.clone(), TestServer::start_on(&catalog), TestServer::start_on(&catalog)))
}

/// A small deterministic generator (xorshift), one per writer.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A change as the other sessions hear of it: the notification without `jsonrpc`.
fn event_of_notification(line: &Value) -> Value {
    json!({"method": line["method"], "params": line["params"]})
}

/// The notification other sessions get for a write this session made.
fn event_of_answer(method: &str, result: &Value) -> Value {
    match method {
        "product.add" => json!({"method": "product.added", "params": {"product": result}}),
        "product.update" => json!({"method": "product.updated", "params": {"product": result}}),
        _ => json!({"method": "product.deleted", "params": {"code": result["deleted"]}}),
    }
}

/// What one writer did: its connection and its acknowledged changes, in order.
struct Written {
    conn: Conn,
    own: Vec<Value>,
}

/// Random adds, updates and deletes over a few shared codes (so writers
/// collide: 1001 and 1002 are common), each answered before the next.
fn write_randomly(addr: std::net::SocketAddr, writer: u64, ops: usize) -> Written {
    let mut conn = Conn::welcomed(addr);
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15 ^ (writer + 1).wrapping_mul(0x1234_5678_9ABC));
    let mut own = Vec::new();
    for i in 0..ops {
        let code = format!("S-{}", dice.below(8));
        let name = format!("w{writer}-{i}");
        let (method, params) = match dice.below(3) {
            0 => ("product.add", json!({"product": product(&code, &name, dice.below(1000) as i64, 1)})),
            1 => ("product.update", json!({"product": product(&code, &name, dice.below(1000) as i64, 2)})),
            _ => ("product.delete", json!({"code": code})),
        };
        let response = conn.call_reply(i, method, params);
        if let Some(result) = response.get("result") {
            own.push(event_of_answer(method, result));
        } else {
            assert!([1001, 1002].contains(&error_code(&response, &json!(i))), "{response}");
        }
    }
    Written { conn, own }
}

/// Reads product notifications until `count` have arrived in all.
fn hear(conn: &mut Conn, count: usize) -> Vec<Value> {
    let mut heard: Vec<Value> = conn.notifications.drain(..).map(|n| event_of_notification(&n)).collect();
    while heard.len() < count {
        let line = conn.recv();
        assert!(line["method"].as_str().is_some_and(|m| m.starts_with("product.")), "{line}");
        heard.push(event_of_notification(&line));
    }
    heard
}

/// Whether `part` appears in `whole` in the same order.
fn is_subsequence(part: &[Value], whole: &[Value]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|item| rest.any(|w| w == item))
}

/// The catalog the global order of changes leaves, sorted by code.
fn replay(events: &[Value]) -> Vec<Value> {
    let mut catalog = BTreeMap::new();
    for event in events {
        let params = &event["params"];
        match event["method"].as_str() {
            Some("product.deleted") => catalog.remove(params["code"].as_str().expect("a code")),
            _ => catalog.insert(
                params["product"]["code"].as_str().expect("a code").to_owned(),
                params["product"].clone(),
            ),
        };
    }
    catalog.into_values().collect()
}

/// The whole catalog as one server lists it (notifications of changes
/// still arriving may come before the answer: they are set aside).
fn listed(server: &TestServer) -> Vec<Value> {
    let mut conn = Conn::welcomed(server.addr());
    let reply = conn.call_reply(1, "product.list", json!({"limit": 10_000}));
    reply["result"]["products"].as_array().unwrap_or_else(|| panic!("a page: {reply}")).clone()
}

/// The catalog as the database holds it, sorted by code in byte order.
fn in_database(url: &str) -> Vec<Value> {
    let cluster = postgres_cluster().expect("the cluster runs");
    let rows = cluster
        .connect(url)
        .query("SELECT code, name, price_cents, quantity, version FROM products", &[])
        .expect("read the products");
    let mut products: Vec<(String, Value)> = rows
        .iter()
        .map(|r| {
            let code: String = r.get(0);
            let p = json!({"code": code, "name": r.get::<_, String>(1), "price_cents": r.get::<_, i64>(2),
                           "quantity": r.get::<_, i64>(3), "version": r.get::<_, i64>(4)});
            (code, p)
        })
        .collect();
    products.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    products.into_iter().map(|(_, p)| p).collect()
}

/// Random writes from clients of both servers: both servers' watchers hear
/// one and the same order; each writer hears everyone's changes but its own,
/// exactly once and in that order; every catalog equals the database and
/// the catalog the acknowledged changes, replayed in that order, make.
#[test]
fn two_servers_converge_and_agree_on_one_order() {
    const WRITERS_EACH: u64 = 3;
    const OPS: usize = 60;
    let Some((url, a, b)) = two_servers() else { return };
    let mut watchers = [Conn::welcomed(a.addr()), Conn::welcomed(b.addr())];
    let writers: Vec<_> = (0..WRITERS_EACH * 2)
        .map(|w| {
            let addr = if w % 2 == 0 { a.addr() } else { b.addr() };
            thread::spawn(move || write_randomly(addr, w, OPS))
        })
        .collect();
    let mut written: Vec<Written> = writers.into_iter().map(|t| t.join().expect("a writer")).collect();
    let total: usize = written.iter().map(|w| w.own.len()).sum();
    assert!(total > 0, "some writes succeed");
    let order = hear(&mut watchers[0], total);
    assert_eq!(hear(&mut watchers[1], total), order, "both servers' sessions hear one order");
    for (w, writer) in written.iter_mut().enumerate() {
        let heard = hear(&mut writer.conn, total - writer.own.len());
        assert!(is_subsequence(&writer.own, &order), "writer {w}'s changes are in the global order");
        assert!(is_subsequence(&heard, &order), "writer {w} hears the others in the global order");
        writer.conn.ping();
        assert!(writer.conn.notifications.is_empty(), "writer {w} heard nothing twice");
    }
    let expected = replay(&order);
    assert_eq!(in_database(&url), expected, "the database holds what the acknowledged changes make");
    assert_eq!(listed(&a), expected, "server A's catalog converged");
    assert_eq!(listed(&b), expected, "server B's catalog converged");
}

/// The same code added through both servers at the same moment, many
/// times: each time exactly one add succeeds and the other gets 1002.
#[test]
fn the_same_add_on_both_servers_succeeds_once() {
    const ROUNDS: usize = 40;
    let Some((_url, a, b)) = two_servers() else { return };
    let barrier = Arc::new(Barrier::new(2));
    let racers: Vec<_> = [a.addr(), b.addr()]
        .into_iter()
        .map(|addr| {
            let barrier = barrier.clone();
            thread::spawn(move || {
                let mut conn = Conn::welcomed(addr);
                (0..ROUNDS)
                    .map(|round| {
                        barrier.wait();
                        let p = product(&format!("D-{round}"), "d", 1, 1);
                        let response = conn.call_reply(round, "product.add", json!({"product": p}));
                        response.get("result").is_some() || error_code(&response, &json!(round)) != 1002
                    })
                    .collect::<Vec<bool>>()
            })
        })
        .collect();
    let results: Vec<Vec<bool>> = racers.into_iter().map(|t| t.join().expect("a racer")).collect();
    for (round, (on_a, on_b)) in results[0].iter().zip(&results[1]).enumerate() {
        let winners = usize::from(*on_a) + usize::from(*on_b);
        assert_eq!(winners, 1, "round {round}: one add succeeds, the other gets 1002");
    }
}

/// Updates and deletes across servers meet what the other server did:
/// a code deleted through A is 1001 on B; a version A moved past is 1004 on B.
#[test]
fn conflicts_across_servers_are_answered_as_on_one() {
    let Some((_url, a, b)) = two_servers() else { return };
    let (mut on_a, mut on_b) = (Conn::welcomed(a.addr()), Conn::welcomed(b.addr()));
    on_a.call_ok(1, "product.add", json!({"product": product("X-1", "x", 1, 1)}));
    on_a.call_ok(2, "product.add", json!({"product": product("X-2", "x", 1, 1)}));
    on_a.call_ok(3, "product.delete", json!({"code": "X-1"}));
    on_a.call_ok(4, "product.update", json!({"product": product("X-2", "moved", 2, 1)}));
    let update = json!({"product": product("X-1", "y", 1, 1)});
    assert_eq!(error_code(&on_b.call_reply(5, "product.update", update), &json!(5)), 1001);
    let stale = json!({"product": product("X-2", "stale", 3, 1), "expected_version": 1});
    let refused = on_b.call_reply(6, "product.update", stale);
    assert_eq!(error_code(&refused, &json!(6)), 1004);
    assert_eq!(refused["error"]["data"]["current"]["name"], "moved", "the current product comes along");
}

/// Adds submitted together go in large groups, written in two statements
/// when their codes differ and one by one when a code repeats: either way
/// an existing or repeated code is refused and a client of the other
/// server hears the added ones in the order they were submitted.
#[test]
fn groups_of_adds_keep_their_order_and_their_refusals() {
    let Some((_url, a, b)) = two_servers() else { return };
    let (mut on_a, mut on_b) = (Conn::welcomed(a.addr()), Conn::welcomed(b.addr()));
    on_a.call_ok(1, "product.add", json!({"product": product("G-OLD", "old", 1, 1)}));
    assert_eq!(hear(&mut on_b, 1).len(), 1);
    let as_product = |code: &str| serde_json::from_value(product(code, "g", 1, 1)).expect("a product");
    for round in 0..2 {
        let mut codes: Vec<String> = (0..300).map(|i| format!("G-{round}{i:03}")).collect();
        codes.push("G-OLD".into()); // in the catalog already
        if round == 1 {
            codes.insert(150, "G-1010".into()); // twice in one submission
        }
        let added = a.handle().seed(codes.iter().map(|code| as_product(code)).collect()).added;
        assert_eq!(added, 300, "every new code added once");
        let mut expected: Vec<Value> = Vec::new();
        for code in &codes {
            if code != "G-OLD" && !expected.contains(&json!(code)) {
                expected.push(json!(code));
            }
        }
        let heard: Vec<Value> =
            hear(&mut on_b, 300).iter().map(|e| e["params"]["product"]["code"].clone()).collect();
        assert_eq!(heard, expected, "B hears the adds in the order they were submitted");
    }
    assert_eq!(listed(&a), listed(&b));
    assert_eq!(listed(&a).len(), 601);
}

/// Updates of the same few codes through both servers at once, by many
/// clients: a group changes its rows in the order of their codes before it
/// takes the write lock, so two servers' groups never wait on each other
/// in a circle (a deadlock would fail a whole group with -32603). Every
/// update succeeds, each code's version counts every update of it, and
/// both servers list what the database holds.
#[test]
fn crossing_updates_on_both_servers_all_succeed() {
    const CODES: usize = 5;
    const CLIENTS_EACH: usize = 16;
    const UPDATES: usize = 100;
    let Some((url, a, b)) = two_servers() else { return };
    let mut setup = Conn::welcomed(a.addr());
    for i in 0..CODES {
        setup.call_ok(i, "product.add", json!({"product": product(&format!("K-{i}"), "k", 1, 1)}));
    }
    assert!(wait_until(|| listed(&b).len() == CODES), "B has the codes");
    let clients: Vec<_> = (0..CLIENTS_EACH * 2)
        .map(|c| {
            let addr = if c % 2 == 0 { a.addr() } else { b.addr() };
            thread::spawn(move || {
                let mut conn = Conn::welcomed(addr);
                let mut dice = Dice(0x51_7CC1_B727_220A ^ (c as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
                let mut counts = [0_i64; CODES];
                for n in 0..UPDATES {
                    let code = dice.below(CODES as u64) as usize;
                    let p = product(&format!("K-{code}"), &format!("c{c}-{n}"), n as i64, 1);
                    let response = conn.call_reply(n, "product.update", json!({"product": p}));
                    assert!(response.get("result").is_some(), "client {c}, update {n}: {response}");
                    counts[code] += 1;
                }
                counts
            })
        })
        .collect();
    let mut updates = [0_i64; CODES];
    for client in clients {
        for (total, n) in updates.iter_mut().zip(client.join().expect("a client")) {
            *total += n;
        }
    }
    let expected = in_database(&url);
    let versions: Vec<i64> = expected.iter().map(|p| p["version"].as_i64().expect("a version")).collect();
    let counted: Vec<i64> = updates.iter().map(|n| n + 1).collect();
    assert_eq!(versions, counted, "each code's version is 1 plus its updates");
    assert!(wait_until(|| listed(&a) == expected && listed(&b) == expected), "both servers converged");
}

/// The same codes submitted together on both servers at once, in opposite
/// orders: each server's group inserts its rows in the order of the codes,
/// so neither waits for a row the other holds while holding one it wants (a
/// deadlock would fail a whole group). Each code is added once, the other
/// server finds it existing, and nothing fails.
#[test]
fn crossing_groups_of_adds_all_answer() {
    const ROUNDS: usize = 6;
    const CODES: usize = 500;
    let Some((_url, a, b)) = two_servers() else { return };
    let as_product = |code: &String| serde_json::from_value(product(code, "x", 1, 1)).expect("a product");
    for round in 0..ROUNDS {
        let codes: Vec<String> = (0..CODES).map(|i| format!("X-{round}-{i:03}")).collect();
        let forward: Vec<_> = codes.iter().map(as_product).collect();
        let backward: Vec<_> = codes.iter().rev().map(as_product).collect();
        let barrier = Barrier::new(2);
        let (on_a, on_b) = thread::scope(|s| {
            let on_b = s.spawn(|| {
                barrier.wait();
                b.handle().seed(backward)
            });
            barrier.wait();
            (a.handle().seed(forward), on_b.join().expect("B's group"))
        });
        assert_eq!(
            on_a.not_stored + on_b.not_stored,
            0,
            "round {round}: every write answered: {on_a:?} {on_b:?}"
        );
        assert_eq!(on_a.added + on_b.added, CODES, "round {round}: each code added once");
        assert_eq!(on_a.existing + on_b.existing, CODES, "round {round}: and found existing once");
    }
    assert!(wait_until(|| listed(&a).len() == ROUNDS * CODES && listed(&a) == listed(&b)), "both converged");
}

/// One group through `lojinha_apply_group` on its own connection, as a
/// server's writer sends it: each write's outcome and version.
fn apply_group(
    client: &mut impl postgres::GenericClient,
    server: &str,
    writes: &[(&str, &str)],
) -> Vec<(String, Option<i64>)> {
    let kinds: Vec<&str> = writes.iter().map(|w| w.0).collect();
    let codes: Vec<&str> = writes.iter().map(|w| w.1).collect();
    let names: Vec<Option<&str>> = writes.iter().map(|_| Some("n")).collect();
    let numbers: Vec<Option<i64>> = writes.iter().map(|_| Some(1)).collect();
    let expected: Vec<Option<i64>> = writes.iter().map(|_| None).collect();
    let sql = "SELECT o_outcome, o_version FROM lojinha_apply_group($1, $2, $3, $4, $5, $6, $7)";
    client
        .query(sql, &[&server, &kinds, &codes, &names, &numbers, &numbers, &expected])
        .expect("the group runs")
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect()
}

/// A group that writes a code another server's group has just added, and
/// not yet committed, waits for that commit and then sees the product, as
/// on one server: the first group holds its codes' locks to its commit.
/// Here that group is held open by hand, on a connection of its own.
#[test]
fn a_write_waits_for_another_servers_uncommitted_add() {
    let Some((url, a, _b)) = two_servers() else { return };
    Conn::welcomed(a.addr()).call_ok(1, "product.add", json!({"product": product("W-B", "b", 1, 1)}));
    let cluster = postgres_cluster().expect("the cluster runs");
    let mut held = cluster.connect(&url);
    let mut tx = held.transaction().expect("a transaction");
    let first = apply_group(&mut tx, "held", &[("add", "W-A"), ("update", "W-B")]);
    assert_eq!(first, [("added".to_owned(), Some(1)), ("updated".to_owned(), Some(2))]);
    let other = thread::spawn(move || {
        let mut client = postgres_cluster().expect("the cluster runs").connect(&url);
        apply_group(&mut client, "other", &[("update", "W-A"), ("update", "W-B")])
    });
    // Time for the other group to reach the held one's locks (were it not
    // to wait, it would be done by now, with the wrong outcome).
    thread::sleep(std::time::Duration::from_millis(300));
    tx.commit().expect("the held group commits");
    let second = other.join().expect("the other group");
    assert_eq!(
        second,
        [("updated".to_owned(), Some(2)), ("updated".to_owned(), Some(3))],
        "the other group comes after the held one and sees its add"
    );
}

/// A server started while another writes on the same database catches up:
/// once the writes end, both list the same catalog as the database.
#[test]
fn a_server_started_while_the_other_writes_catches_up() {
    const ADDS: usize = 300;
    let Some(catalog) = Catalog::postgres() else { return };
    let Catalog::Postgres(url) = &catalog else { unreachable!("a PostgreSQL catalog") };
    let a = TestServer::start_on(&catalog);
    let addr = a.addr();
    let writer = thread::spawn(move || {
        let mut conn = Conn::welcomed(addr);
        for i in 0..ADDS {
            conn.call_ok(i, "product.add", json!({"product": product(&format!("L-{i:04}"), "l", 1, 1)}));
        }
    });
    assert!(wait_until(|| a.handle().product_count() >= ADDS / 3), "the writer got going");
    let b = TestServer::start_on(&catalog);
    writer.join().expect("the writer");
    assert!(wait_until(|| b.handle().product_count() == ADDS), "server B caught up");
    let expected = in_database(url);
    assert_eq!(expected.len(), ADDS);
    assert_eq!(listed(&a), expected);
    assert_eq!(listed(&b), expected);
}

/// The database cutting every connection of the servers: reads go on from
/// the mirror; a write meanwhile either succeeds (after reconnecting) or
/// gets -32603 "the catalog database cannot be reached", never anything
/// else; both servers reconnect, writer and listener, and a later change
/// made through A reaches B's client.
#[test]
fn connections_cut_by_the_database_are_opened_again() {
    let Some((url, a, b)) = two_servers() else { return };
    let (mut on_a, mut on_b) = (Conn::welcomed(a.addr()), Conn::welcomed(b.addr()));
    on_a.call_ok(1, "product.add", json!({"product": product("C-0", "c", 1, 1)}));
    assert_eq!(hear(&mut on_b, 1)[0]["method"], "product.added");
    let database = url.rsplit('/').next().expect("a database name");
    let cluster = postgres_cluster().expect("the cluster runs");
    let cut = cluster
        .admin()
        .execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", &[&database])
        .expect("cut the servers' connections");
    assert!(cut >= 4, "each server had a writer and a listener connection ({cut} cut)");
    assert_eq!(on_b.call_ok(2, "product.get", json!({"code": "C-0"}))["code"], "C-0", "reads go on");
    let mut attempts = 0;
    loop {
        attempts += 1;
        let response =
            on_a.call_reply(attempts, "product.add", json!({"product": product("C-1", "c", 1, 1)}));
        if response.get("result").is_some() {
            break;
        }
        assert_eq!(error_code(&response, &json!(attempts)), -32603, "{response}");
        let message = response["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("the catalog database cannot be reached"), "{response}");
        assert!(attempts < 50, "the writer never reconnected");
        thread::sleep(std::time::Duration::from_millis(100));
    }
    let heard = hear(&mut on_b, 1);
    assert_eq!(heard[0]["params"]["product"]["code"], "C-1", "B's listener reconnected and caught up");
}

/// A database the server cannot use is refused at start, with a message
/// naming it and the problem: one that does not exist, one whose schema is
/// newer than this server's.
#[test]
fn an_unusable_database_is_refused_at_start() {
    let Some(cluster) = postgres_cluster() else { return };
    let missing = cluster.url("no_such_catalog");
    let why = lojinha_test_support::ServerProcess::try_spawn(&["--db", &missing]).err().expect("refused");
    assert!(why.contains("no_such_catalog") && why.contains("does not exist"), "{why}");
    let newer = cluster.fresh_database();
    drop(TestServer::start_on(&Catalog::Postgres(newer.clone())));
    cluster
        .connect(&newer)
        .execute("UPDATE lojinha_meta SET value = 99 WHERE key = 'schema_version'", &[])
        .expect("pretend a newer server wrote it");
    let why = lojinha_test_support::ServerProcess::try_spawn(&["--db", &newer]).err().expect("refused");
    assert!(why.contains("schema is version 99"), "{why}");
}

/// The "Test" button's probe says what a server would find, and changes
/// nothing: an empty database stays without tables, a used one reports its
/// products, a newer schema and a missing database are told apart.
#[test]
fn probing_a_database_changes_nothing_and_says_what_is_there() {
    use lojinha_server::storage::{ProbedCatalog, probe_postgres};
    let Some(cluster) = postgres_cluster() else { return };
    let empty = cluster.fresh_database();
    let probe = probe_postgres(&empty).expect("reachable");
    assert_eq!(probe.catalog, ProbedCatalog::NotYetCreated);
    assert!(probe.server_version.chars().next().is_some_and(|c| c.is_ascii_digit()), "{probe:?}");
    let tables: i64 = cluster
        .connect(&empty)
        .query_one("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", &[])
        .expect("count tables")
        .get(0);
    assert_eq!(tables, 0, "probing created nothing");

    let used = cluster.fresh_database();
    let server = TestServer::start_on(&Catalog::Postgres(used.clone()));
    let mut conn = Conn::welcomed(server.addr());
    for (id, code) in ["P-1", "P-2"].into_iter().enumerate() {
        conn.call_ok(id, "product.add", json!({"product": product(code, "Caneta", 250, 3)}));
    }
    assert_eq!(probe_postgres(&used).expect("reachable").catalog, ProbedCatalog::Products(2));
    cluster
        .connect(&used)
        .execute("UPDATE lojinha_meta SET value = 99 WHERE key = 'schema_version'", &[])
        .expect("pretend a newer server wrote it");
    assert_eq!(probe_postgres(&used).expect("reachable").catalog, ProbedCatalog::Newer(99));

    let why = probe_postgres(&cluster.url("no_such_catalog")).expect_err("missing").to_string();
    assert!(why.contains("no_such_catalog") && why.contains("does not exist"), "{why}");
}
