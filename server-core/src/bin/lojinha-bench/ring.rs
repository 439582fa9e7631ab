//! The `loop` driver: a few worker threads each own a ring of connections
//! and serve them in turn, like `redis-benchmark`. It speaks the protocol
//! through `lojinha_server::protocol` (the line framer, and the method and
//! notification types the server and the client use).

use std::collections::VecDeque;
use std::io::Write;
use std::net::TcpStream;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use lojinha_server::protocol::frame::{Frame, FrameReader};
use lojinha_server::protocol::notices::{Goodbye, Notice, Welcome};
use serde::Deserialize;

use crate::args::{Args, Driver, pick};
use crate::plan::{Generator, Plan};
use crate::report::Report;
use crate::stats::{Stats, join_all};

/// Largest line accepted from the server.
const MAX_FRAME: usize = 64 * 1024 * 1024;
/// How long a connection may wait for an answer before the run is abandoned.
const REPLY_TIMEOUT: Duration = Duration::from_secs(60);
/// Every notification the server sends starts like this (`jsonrpc`, then `method`).
const NOTIFICATION_PREFIX: &[u8] = br#"{"jsonrpc":"2.0","method":""#;

/// One connection of the `loop` driver.
struct Conn {
    writer: TcpStream,
    reader: FrameReader<TcpStream>,
    /// Ids and send times of the requests not yet answered, oldest first.
    in_flight: VecDeque<(u64, Instant)>,
    next_id: u64,
    /// Requests encoded and not yet written (written with one `write`).
    out: Vec<u8>,
}

/// What a line from the server turned out to be, as far as the benchmark cares.
enum Heard {
    Notification,
    Reply { id: u64, error: Option<i64> },
}

/// The parts of a line the benchmark looks at, read by serde_json in any
/// key order and spacing (the slow path).
#[derive(Deserialize)]
struct Head {
    id: Option<u64>,
    method: Option<String>,
    error: Option<ErrorHead>,
}

#[derive(Deserialize)]
struct ErrorHead {
    code: i64,
}

impl Conn {
    fn open(addr: &str) -> Result<Conn> {
        let stream = TcpStream::connect(addr).with_context(|| format!("cannot connect to {addr}"))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(REPLY_TIMEOUT))?;
        let reader = FrameReader::new(stream.try_clone()?, MAX_FRAME);
        let mut conn =
            Conn { writer: stream, reader, in_flight: VecDeque::new(), next_id: 1, out: Vec::new() };
        let first = conn.next_line()?;
        ensure!(is_welcome(&first), "expected welcome, got {}", String::from_utf8_lossy(&first));
        Ok(conn)
    }

    /// Encodes the next requests until `pipeline` are in flight; false when
    /// there is nothing left to send.
    fn top_up(&mut self, plan: &Plan, generator: &mut Generator) -> Result<bool> {
        let mut more = true;
        while self.in_flight.len() < plan.pipeline {
            let Some(call) = generator.next(plan) else {
                more = false;
                break;
            };
            call.encode_into(self.next_id, &mut self.out);
            self.in_flight.push_back((self.next_id, Instant::now()));
            self.next_id += 1;
        }
        if !self.out.is_empty() {
            self.writer.write_all(&self.out).context("cannot send")?;
            self.out.clear();
        }
        Ok(more)
    }

    /// Reads until the oldest request is answered, then takes every further
    /// answer already received. Notifications are counted and dropped.
    fn settle(&mut self, plan: &Plan, stats: &mut Stats) -> Result<()> {
        self.settle_one(plan, stats)?;
        while self.reader.buffered() > 0 && !self.in_flight.is_empty() {
            self.settle_one(plan, stats)?;
        }
        Ok(())
    }

    fn settle_one(&mut self, plan: &Plan, stats: &mut Stats) -> Result<()> {
        loop {
            let line = self.next_line()?;
            let at = Instant::now();
            let (id, error) = match classify(&line)? {
                Heard::Notification => {
                    stats.notifications += 1;
                    continue;
                }
                Heard::Reply { id, error } => (id, error),
            };
            let (expected, sent) = self.in_flight.pop_front().context("an answer to no request")?;
            ensure!(id == expected, "answer to request {id} while {expected} was the oldest");
            stats.record(at.saturating_duration_since(sent));
            if let Some(code) = error {
                stats.error(plan, code);
            }
            return Ok(());
        }
    }

    fn next_line(&mut self) -> Result<Vec<u8>> {
        match self.reader.next_frame().context("cannot read from the server")? {
            Frame::Line(line) => Ok(line),
            Frame::Closed => bail!("the server closed the connection"),
            Frame::TooLarge => bail!("the server sent a line over {MAX_FRAME} bytes"),
        }
    }
}

/// The server's first line: `welcome`, by its first bytes or, written
/// another way, by its `method`.
fn is_welcome(line: &[u8]) -> bool {
    let fast =
        line.strip_prefix(NOTIFICATION_PREFIX).is_some_and(|method| is_method(method, Welcome::METHOD));
    fast || serde_json::from_slice::<Head>(line).is_ok_and(|h| h.method.as_deref() == Some(Welcome::METHOD))
}

/// Whether the rest of a line after [`NOTIFICATION_PREFIX`] starts with this method's name.
fn is_method(rest: &[u8], method: &str) -> bool {
    rest.strip_prefix(method.as_bytes()).is_some_and(|after| after.starts_with(b"\""))
}

/// The fast path recognises notifications by their first bytes (what this
/// server writes: `jsonrpc`, then `method`) and does not decode them. Any
/// other line is decoded for `id`, `method` and `error.code`, so a server
/// that orders keys otherwise or adds spaces works too: a line with a
/// `method` and no `id` is a notification, and an answer needs a numeric id.
fn classify(line: &[u8]) -> Result<Heard> {
    if let Some(method) = line.strip_prefix(NOTIFICATION_PREFIX) {
        ensure_not_goodbye(is_method(method, Goodbye::METHOD), line)?;
        return Ok(Heard::Notification);
    }
    let head: Head = serde_json::from_slice(line)
        .with_context(|| format!("not a JSON-RPC message: {}", String::from_utf8_lossy(line)))?;
    match (head.id, head.method) {
        (Some(id), _) => Ok(Heard::Reply { id, error: head.error.map(|e| e.code) }),
        (None, Some(method)) => {
            ensure_not_goodbye(method == Goodbye::METHOD, line)?;
            Ok(Heard::Notification)
        }
        (None, None) => bail!("an answer without a numeric id: {}", String::from_utf8_lossy(line)),
    }
}

fn ensure_not_goodbye(goodbye: bool, line: &[u8]) -> Result<()> {
    ensure!(!goodbye, "the server said goodbye: {}", String::from_utf8_lossy(line));
    Ok(())
}

/// Runs `plan` with `clients` connections spread over `threads` worker threads.
pub fn run_loop(args: &Args, plan: &Plan, clients: usize, threads: usize) -> Result<Report> {
    let threads = threads.min(clients);
    let start = Arc::new(Barrier::new(threads + 1));
    let plan = Arc::new(Plan { nonce: plan.nonce.clone(), issued: AtomicU64::new(0), ..*plan });
    let mut workers = Vec::new();
    for worker in 0..threads {
        let share = clients / threads + usize::from(worker < clients % threads);
        let (plan, start, addr) = (plan.clone(), start.clone(), args.addr.clone());
        let handle = std::thread::Builder::new()
            .name(format!("bench-loop-{worker}"))
            .spawn(move || loop_worker(&addr, &plan, worker, share, &start))?;
        workers.push(handle);
    }
    start.wait();
    let began = Instant::now();
    let stats = join_all(workers)?;
    Ok(Report::new(stats, began.elapsed(), Driver::Loop, threads))
}

fn loop_worker(addr: &str, plan: &Plan, worker: usize, clients: usize, start: &Barrier) -> Result<Stats> {
    let conns: Result<Vec<Conn>> = (0..clients).map(|i| Conn::open(&pick(addr, worker + i))).collect();
    // Wait for the others even after a failure, so the main thread is released.
    start.wait();
    let mut conns = conns?;
    let mut generator = Generator::new(plan, worker);
    let mut stats = Stats::new();
    for conn in &mut conns {
        conn.top_up(plan, &mut generator)?;
    }
    let mut sending = true;
    loop {
        let mut busy = false;
        for conn in conns.iter_mut().filter(|c| !c.in_flight.is_empty()) {
            busy = true;
            conn.settle(plan, &mut stats)?;
            if sending {
                sending = conn.top_up(plan, &mut generator)?;
            }
        }
        if !busy {
            return Ok(stats);
        }
    }
}
