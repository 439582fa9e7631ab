//! A hostile server for trying a client by hand: it greets, answers `hello`
//! and `product.list` (an empty page: its catalog starts empty), and from
//! its first page on floods `product.added` notifications, each with a new
//! code, as fast as the client takes them (so a client's table should end
//! up with every code it was told of).
//!
//! ```text
//! cargo run --release -p lojinha-server --example flood-server -- 127.0.0.1:5099
//! ```
//!
//! Then point the app (or any client) at that address and watch its memory.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:5099".into());
    let listener = TcpListener::bind(&addr)?;
    println!("flooding every client of {}", listener.local_addr()?);
    for (n, stream) in listener.incoming().enumerate() {
        let stream = stream?;
        std::thread::Builder::new().name(format!("flood-{n}")).spawn(move || serve(stream, n))?;
    }
    Ok(())
}

/// Greets, then answers on this thread while another one floods.
fn serve(stream: TcpStream, session: usize) {
    let out = Arc::new(Mutex::new(stream.try_clone().expect("clone the socket")));
    let welcome = json!({"jsonrpc":"2.0","method":"welcome",
                         "params":{"server":"flood/1","protocol":1,"session":session}});
    if send(&out, &welcome).is_err() {
        return;
    }
    let mut flooding = false;
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { return };
        let Ok(request) = serde_json::from_str::<Value>(&line) else { continue };
        let Some(id) = request.get("id").cloned() else { continue };
        let answer = match request["method"].as_str() {
            Some("hello") => json!({"jsonrpc":"2.0","id":id,"result":{"session":session,"server":"flood/1"}}),
            Some("product.list") => {
                json!({"jsonrpc":"2.0","id":id,"result":{"products":[],"next":null,"total":0}})
            }
            _ => json!({"jsonrpc":"2.0","id":id,"error":{"code":-32601,"message":"method not found"}}),
        };
        if send(&out, &answer).is_err() {
            return;
        }
        if !flooding && request["method"] == "product.list" {
            flooding = true;
            let flooder = out.clone();
            std::thread::spawn(move || flood(&flooder, session));
        }
    }
}

fn flood(out: &Mutex<TcpStream>, session: usize) {
    for i in 0u64.. {
        let product = json!({"code":format!("F{session}-{i}"),"name":format!("Enchente {i}"),
                             "price_cents":100,"quantity":1});
        let line = json!({"jsonrpc":"2.0","method":"product.added","params":{"product":product}});
        if send(out, &line).is_err() {
            return;
        }
    }
}

fn send(out: &Mutex<TcpStream>, message: &Value) -> std::io::Result<()> {
    let mut line = message.to_string();
    line.push('\n');
    out.lock().unwrap_or_else(|e| e.into_inner()).write_all(line.as_bytes())
}
