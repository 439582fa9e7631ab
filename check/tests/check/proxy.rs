//! Deliberately broken servers: a proxy in front of a real `lojinha-server`
//! that adds one student mistake (forgets the `\n`, reads one `recv(2048)`,
//! serves one client at a time, answers 1001 wrongly...). Everything else
//! the real server does right, so exactly the mistake's check should fail.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::thread;

use serde_json::{Value, json};

/// One student mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// Never sends the welcome.
    NoWelcome,
    /// Sends its answers without `\n` (the welcome keeps its `\n`).
    NoNewline,
    /// Handles each `recv(2048)` as one whole message.
    OneRecv,
    /// Serves the next client only after the current one leaves.
    OneAtATime,
    /// Answers "not found" with error 404 instead of 1001.
    Wrong1001,
    /// Answers with `id` 0 whatever the request's id was.
    WrongId,
    /// Closes the connection on a line that is not JSON (a crash in json.loads).
    CrashOnBadJson,
    /// Never tells other clients about changes.
    NoNotifications,
    /// Ends lines with `\r\n`: allowed, every check still passes.
    CrLf,
}

/// Starts the broken server on `127.0.0.1:0` in front of `upstream`; returns its address.
pub fn broken_server(upstream: SocketAddr, flaw: Flaw) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the broken server");
    let addr = listener.local_addr().expect("its address");
    let name = format!("broken-{flaw:?}");
    thread::Builder::new().name(name).spawn(move || accept_loop(&listener, upstream, flaw)).expect("spawn");
    addr
}

fn accept_loop(listener: &TcpListener, upstream: SocketAddr, flaw: Flaw) {
    for client in listener.incoming().flatten() {
        let Ok(server) = TcpStream::connect(upstream) else { continue };
        let (to_client, to_server) = connection(client, server, flaw);
        if flaw == Flaw::OneAtATime {
            to_client.join().ok();
            to_server.join().ok();
        }
    }
}

type Both = (thread::JoinHandle<()>, thread::JoinHandle<()>);

/// Two threads: the client's bytes up, the server's lines down.
fn connection(client: TcpStream, server: TcpStream, flaw: Flaw) -> Both {
    let (client_in, server_out) = (client.try_clone().expect("clone"), server.try_clone().expect("clone"));
    let up = thread::spawn(move || upstream(client_in, server_out, flaw));
    let down = thread::spawn(move || downstream(server, client, flaw));
    (down, up)
}

/// Client → server, line by line, or read by read for [`Flaw::OneRecv`].
fn upstream(client: TcpStream, mut server: TcpStream, flaw: Flaw) {
    if flaw == Flaw::OneRecv {
        return one_recv_upstream(client, server);
    }
    let mut reader = BufReader::new(client.try_clone().expect("clone"));
    let mut line = Vec::new();
    while reader.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
        if flaw == Flaw::CrashOnBadJson && serde_json::from_slice::<Value>(&line).is_err() {
            break;
        }
        if server.write_all(&line).is_err() {
            break;
        }
        line.clear();
    }
    client.shutdown(Shutdown::Both).ok();
    server.shutdown(Shutdown::Both).ok();
}

/// Each `recv(2048)` is forwarded as a line of its own, as a server that
/// decodes each `recv` would see it.
fn one_recv_upstream(mut client: TcpStream, mut server: TcpStream) {
    let mut chunk = [0u8; 2048];
    while let Ok(n @ 1..) = client.read(&mut chunk) {
        let mut line = chunk[..n].to_vec();
        if line.last() != Some(&b'\n') {
            line.push(b'\n');
        }
        if server.write_all(&line).is_err() {
            break;
        }
    }
    server.shutdown(Shutdown::Both).ok();
}

/// Server → client, line by line, with the flaw applied.
fn downstream(server: TcpStream, mut client: TcpStream, flaw: Flaw) {
    let mut reader = BufReader::new(server);
    let mut line = String::new();
    let mut first = true;
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        if let Some(out) = transform(line.trim_end(), flaw, first)
            && client.write_all(out.as_bytes()).is_err()
        {
            break;
        }
        first = false;
        line.clear();
    }
    client.shutdown(Shutdown::Both).ok();
}

/// What the broken server sends for one line of the real one (`None`: nothing).
fn transform(line: &str, flaw: Flaw, first: bool) -> Option<String> {
    let mut message: Value = serde_json::from_str(line).expect("the real server sends JSON");
    match flaw {
        Flaw::NoWelcome if first => return None,
        Flaw::NoNewline if !first => return Some(message.to_string()),
        Flaw::CrLf => return Some(format!("{message}\r\n")),
        Flaw::Wrong1001 if message.pointer("/error/code") == Some(&json!(1001)) => {
            message["error"]["code"] = json!(404);
        }
        Flaw::WrongId if message.get("id").is_some() => message["id"] = json!(0),
        Flaw::NoNotifications if message["method"].as_str().is_some_and(|m| m.starts_with("product.")) => {
            return None;
        }
        _ => {}
    }
    Some(format!("{message}\n"))
}
