//! The start of a session under load: `welcome` is the first line a client
//! reads, even while other sessions are writing (PROTOCOL.md, "A session,
//! step by step", 2: "The server sends first, a notification: welcome").

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use lojinha_test_support::{Conn, memory_config, product, start_server};
use serde_json::json;

/// While another session writes non-stop, 300 new connections each read `welcome` first.
#[test]
fn welcome_is_the_first_line_even_during_writes() {
    let server = start_server(memory_config());
    let addr = server.local_addr();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut conn = Conn::welcomed(addr);
            conn.call_reply(0, "product.add", json!({"product": product("HOT", "hot", 1, 0)}));
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                i += 1;
                let answer =
                    conn.call_reply(i, "product.update", json!({"product": product("HOT", "hot", i, 0)}));
                assert!(answer.get("result").is_some(), "{answer}");
            }
            i
        })
    };
    let mut first_lines = Vec::new();
    for _ in 0..300 {
        let mut conn = Conn::connect(addr);
        let first = conn.read_json().expect("a first line");
        first_lines.push(first["method"].as_str().unwrap_or("?").to_owned());
    }
    stop.store(true, Ordering::SeqCst);
    let writes = writer.join().expect("the writer does not panic");
    let wrong: Vec<&String> = first_lines.iter().filter(|m| *m != "welcome").collect();
    println!("{writes} writes meanwhile; {} of 300 connections read something before welcome", wrong.len());
    assert!(wrong.is_empty(), "first lines that were not welcome: {wrong:?}");
}
