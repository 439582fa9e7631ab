//! `lojinha-bench`: a load generator for the Lojinha server, in the spirit of
//! `redis-benchmark`.
//!
//! It opens `--clients` connections, keeps `--pipeline` requests in flight on
//! each, and reports requests per second and the latency of every request,
//! from its send to its response (p50, p99, p99.9, max).
//!
//! Two drivers move the load. `loop` (the default) works like
//! `redis-benchmark`: a few worker threads each own a ring of connections and
//! serve them in turn, so 50 connections cost one thread, not 50; on a
//! two-core machine the load generator would otherwise eat the CPU the server
//! needs. It still speaks the protocol through `lojinha_server::protocol`
//! (the same line framer and request encoder the server and the client use).
//! `threads` is the straightforward design: one OS thread per connection,
//! each driving a blocking [`Client`]. `list` always uses the [`Client`].

use std::collections::{BTreeMap, VecDeque};
use std::io::Write;
use std::net::TcpStream;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail, ensure};
use clap::{Parser, ValueEnum};
use hdrhistogram::Histogram;
use lojinha_server::client::Reply;
use lojinha_server::protocol::Product;
use lojinha_server::protocol::calls::{AddProduct, GetProduct, UpdateProduct, encode_call};
use lojinha_server::protocol::error::ALREADY_EXISTS;
use lojinha_server::protocol::frame::{Frame, FrameReader};
use lojinha_server::protocol::notices::{Goodbye, Notice, Welcome};
use lojinha_server::{Client, ClientOptions};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// Load generator for a Lojinha server, like `redis-benchmark`.
///
/// Opens --clients connections, keeps --pipeline requests in flight on each
/// and prints requests/s and per-request latency (from send to response).
///
/// Operations:
///   get    `product.get` of random codes BENCH-000000.. (seeded first)
///   add    `product.add` of fresh codes (durable: answered after commit)
///   list   pages through the whole catalog with `product.list` (limit 10000);
///          --requests is then the number of full passes
///   mixed  80% get, 10% add, 10% update
///
/// Example: lojinha-bench --clients 50 --pipeline 16 --op get
#[derive(Parser, Debug, Clone)]
#[command(name = "lojinha-bench", version, verbatim_doc_comment)]
struct Args {
    /// Server address.
    #[arg(long, default_value = "127.0.0.1:5050", value_name = "ADDR")]
    addr: String,
    /// Connections opened at once (each one a protocol session).
    #[arg(short = 'c', long, default_value_t = 50, value_name = "N")]
    clients: usize,
    /// Requests in all (default 100000); for `list`, full passes (default 10).
    #[arg(short = 'n', long, value_name = "N")]
    requests: Option<u64>,
    /// What to measure.
    #[arg(long, value_enum, default_value_t = Op::Get)]
    op: Op,
    /// Requests kept in flight on each connection (1: no pipelining).
    #[arg(short = 'P', long, default_value_t = 1, value_name = "P")]
    pipeline: usize,
    /// Products BENCH-000000.. that `get`, `mixed` and `list` use; they are
    /// added first when missing (codes that exist are skipped).
    #[arg(short = 'r', long, default_value_t = 10_000, value_name = "K")]
    keyspace: u64,
    /// `loop`: worker threads each serve a ring of connections (like
    /// redis-benchmark). `threads`: one thread and one blocking Client per connection.
    #[arg(long, value_enum, default_value_t = Driver::Loop)]
    driver: Driver,
    /// Worker threads of the `loop` driver.
    #[arg(long, default_value_t = 1, value_name = "N")]
    threads: usize,
    /// Do not add the keyspace before measuring.
    #[arg(long)]
    no_seed: bool,
    /// Print one JSON object with the figures instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
enum Op {
    Get,
    Add,
    List,
    Mixed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
enum Driver {
    Loop,
    Threads,
}

/// What the request generator produces: the keyspace seeding or the measured op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Seed,
    Run(Op),
}

/// Page size of `product.list` passes (the protocol's largest).
const LIST_PAGE: usize = 10_000;
/// Connections that add the keyspace: enough for group commit to batch,
/// few enough that the `product.added` broadcast to each other stays cheap.
const SEED_CONNECTIONS: usize = 8;
/// Largest line accepted from the server.
const MAX_FRAME: usize = 64 * 1024 * 1024;
/// How long a connection may wait for an answer before the run is abandoned.
const REPLY_TIMEOUT: Duration = Duration::from_secs(60);
/// Every notification the server sends starts like this (`jsonrpc`, then `method`).
const NOTIFICATION_PREFIX: &[u8] = br#"{"jsonrpc":"2.0","method":""#;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(report) => {
            if args.json {
                println!("{}", report.to_json(&args));
            } else {
                report.print(&args);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lojinha-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<Report> {
    ensure!(
        args.clients > 0 && args.pipeline > 0 && args.threads > 0,
        "--clients, --pipeline, --threads must be ≥ 1"
    );
    ensure!(args.keyspace > 0 || args.op == Op::Add, "--keyspace must be at least 1");
    if args.op != Op::Add && !args.no_seed {
        seed(args)?;
    }
    match args.op {
        Op::List => run_list(args),
        op => {
            let requests = args.requests.unwrap_or(100_000);
            let plan = Plan::new(Phase::Run(op), requests, args.keyspace, args.pipeline);
            match args.driver {
                Driver::Loop => run_loop(args, &plan, args.clients, args.threads),
                Driver::Threads => run_threads(args, &plan),
            }
        }
    }
}

/// Adds BENCH-000000.. up to the keyspace, skipping codes that exist.
fn seed(args: &Args) -> Result<()> {
    let started = Instant::now();
    let plan = Plan::new(Phase::Seed, args.keyspace, args.keyspace, 1);
    let report = run_loop(args, &plan, SEED_CONNECTIONS, args.threads)?;
    let existed = report.stats.expected_errors;
    ensure!(report.stats.errors.is_empty(), "seeding failed: errors {:?}", report.stats.errors);
    eprintln!(
        "seeded keyspace of {}: {} added, {} already there ({:.2} s)",
        args.keyspace,
        args.keyspace - existed,
        existed,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

// ----- the requests ------------------------------------------------------

/// One request the benchmark sends.
enum Call {
    Get(GetProduct),
    Add(AddProduct),
    Update(UpdateProduct),
}

impl Call {
    fn get(code: String) -> Call {
        Call::Get(GetProduct { code })
    }

    fn add(product: Product) -> Call {
        Call::Add(AddProduct { product })
    }

    fn update(product: Product) -> Call {
        Call::Update(UpdateProduct { product, expected_version: None })
    }

    /// Appends the request line (with its newline) to `out`.
    fn encode_into(&self, id: u64, out: &mut Vec<u8>) {
        let id = Value::from(id);
        let encoded = match self {
            Call::Get(call) => encode_call(&id, call),
            Call::Add(call) => encode_call(&id, call),
            Call::Update(call) => encode_call(&id, call),
        };
        out.extend_from_slice(&encoded.0);
        out.push(b'\n');
    }

    /// Sends it on a blocking client; returns its id.
    fn send(&self, client: &mut Client) -> Result<Value, lojinha_server::ClientError> {
        match self {
            Call::Get(call) => client.send(call),
            Call::Add(call) => client.send(call),
            Call::Update(call) => client.send(call),
        }
    }
}

/// What every worker shares: the phase, and the tickets that bound the run.
struct Plan {
    phase: Phase,
    total: u64,
    keyspace: u64,
    pipeline: usize,
    /// Tickets handed out so far; a request is sent only with a ticket below `total`.
    issued: AtomicU64,
    /// Distinguishes this run's `add` codes from every earlier run's.
    nonce: String,
}

impl Plan {
    fn new(phase: Phase, total: u64, keyspace: u64, pipeline: usize) -> Plan {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        Plan { phase, total, keyspace, pipeline, issued: AtomicU64::new(0), nonce: base36(nanos, 7) }
    }

    fn ticket(&self) -> Option<u64> {
        let ticket = self.issued.fetch_add(1, Ordering::Relaxed);
        (ticket < self.total).then_some(ticket)
    }

    /// The error codes that count as a normal answer in this phase.
    fn accepts(&self, code: i64) -> bool {
        self.phase == Phase::Seed && code == ALREADY_EXISTS
    }
}

/// A worker's request generator: its random numbers and its own fresh codes.
struct Generator {
    rng: SplitMix64,
    /// Prefix of this worker's fresh codes: run nonce plus worker number.
    prefix: String,
    added: u64,
}

impl Generator {
    fn new(plan: &Plan, worker: usize) -> Generator {
        let seed = plan.nonce.bytes().fold(worker as u64, |h, b| h.wrapping_mul(31).wrapping_add(b.into()));
        Generator { rng: SplitMix64(seed), prefix: format!("A{}-{worker}-", plan.nonce), added: 0 }
    }

    /// The next request, or `None` when the run's tickets are all taken.
    fn next(&mut self, plan: &Plan) -> Option<Call> {
        let ticket = plan.ticket()?;
        Some(match plan.phase {
            Phase::Seed => Call::add(self.product(bench_code(ticket))),
            Phase::Run(Op::Get) => Call::get(self.existing_code(plan)),
            Phase::Run(Op::Add) => Call::add(self.fresh_product()),
            Phase::Run(Op::Mixed | Op::List) => match self.rng.next() % 10 {
                0 => Call::add(self.fresh_product()),
                1 => {
                    let code = self.existing_code(plan);
                    Call::update(self.product(code))
                }
                _ => Call::get(self.existing_code(plan)),
            },
        })
    }

    fn existing_code(&mut self, plan: &Plan) -> String {
        bench_code(self.rng.next() % plan.keyspace)
    }

    fn fresh_product(&mut self) -> Product {
        self.added += 1;
        let code = format!("{}{}", self.prefix, self.added);
        self.product(code)
    }

    fn product(&mut self, code: String) -> Product {
        let price_cents = (self.rng.next() % 100_000) as i64;
        Product { code, name: "Produto de teste do benchmark".into(), price_cents, quantity: 10, version: 0 }
    }
}

fn bench_code(index: u64) -> String {
    format!("BENCH-{index:06}")
}

fn base36(mut n: u128, digits: usize) -> String {
    let alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = vec![b'0'; digits];
    for slot in out.iter_mut().rev() {
        *slot = alphabet[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8(out).expect("base36 digits are ASCII")
}

/// A tiny, good-enough PRNG (SplitMix64): the benchmark needs no crypto.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The name of a flag value, as typed on the command line.
fn value_name(value: impl ValueEnum) -> String {
    value.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default()
}

// ----- what was measured -------------------------------------------------

/// Figures gathered by one worker; merged at the end.
struct Stats {
    /// Latency of every answered request, in microseconds.
    latency: Histogram<u64>,
    /// Answers that carried an error the phase does not accept, by code.
    errors: BTreeMap<i64, u64>,
    /// Answers with an error the phase expects (`already exists` while seeding).
    expected_errors: u64,
    /// Server notifications read and dropped.
    notifications: u64,
    /// Full `product.list` passes, in microseconds.
    passes: Histogram<u64>,
    /// Products seen in the last list pass.
    listed: usize,
}

impl Stats {
    fn new() -> Stats {
        let histogram = || Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds");
        Stats {
            latency: histogram(),
            errors: BTreeMap::new(),
            expected_errors: 0,
            notifications: 0,
            passes: histogram(),
            listed: 0,
        }
    }

    fn record(&mut self, latency: Duration) {
        self.latency.saturating_record(latency.as_micros().max(1) as u64);
    }

    fn error(&mut self, plan: &Plan, code: i64) {
        if plan.accepts(code) {
            self.expected_errors += 1;
        } else {
            *self.errors.entry(code).or_insert(0) += 1;
        }
    }

    fn merge(&mut self, other: Stats) {
        self.latency.add(&other.latency).expect("histograms with the same bounds");
        self.passes.add(&other.passes).expect("histograms with the same bounds");
        for (code, n) in other.errors {
            *self.errors.entry(code).or_insert(0) += n;
        }
        self.notifications += other.notifications;
        self.expected_errors += other.expected_errors;
        self.listed = self.listed.max(other.listed);
    }
}

/// The figures of one run.
struct Report {
    stats: Stats,
    elapsed: Duration,
    driver: Driver,
    threads: usize,
}

impl Report {
    fn new(stats: Stats, elapsed: Duration, driver: Driver, threads: usize) -> Report {
        Report { stats, elapsed, driver, threads }
    }

    fn answered(&self) -> u64 {
        self.stats.latency.len()
    }

    fn per_second(&self) -> f64 {
        self.answered() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The parameters of this run, as a command line that repeats it.
    fn command_line(&self, args: &Args) -> String {
        let mut line = format!(
            "lojinha-bench --addr {} --clients {} --op {} --pipeline {} --keyspace {}",
            args.addr,
            args.clients,
            value_name(args.op),
            args.pipeline,
            args.keyspace
        );
        if let Some(n) = args.requests {
            line.push_str(&format!(" --requests {n}"));
        }
        match (args.op, self.driver) {
            (Op::List, _) => {}
            (_, Driver::Loop) => line.push_str(&format!(" --driver loop --threads {}", self.threads)),
            (_, Driver::Threads) => line.push_str(" --driver threads"),
        }
        if args.no_seed {
            line.push_str(" --no-seed");
        }
        line
    }

    fn print(&self, args: &Args) {
        let h = &self.stats.latency;
        println!("{}", self.command_line(args));
        println!(
            "  {} requests in {:.3} s: {:.0} requests/s",
            self.answered(),
            self.elapsed.as_secs_f64(),
            self.per_second()
        );
        println!(
            "  latency µs: p50 {}  p99 {}  p99.9 {}  max {}",
            h.value_at_quantile(0.50),
            h.value_at_quantile(0.99),
            h.value_at_quantile(0.999),
            h.max()
        );
        if args.op == Op::List {
            let p = &self.stats.passes;
            println!(
                "  full pass over {} products (pages of {LIST_PAGE}): {} passes, min {:.3} s, median {:.3} s, max {:.3} s",
                self.stats.listed,
                p.len(),
                p.min() as f64 / 1e6,
                p.value_at_quantile(0.5) as f64 / 1e6,
                p.max() as f64 / 1e6
            );
        }
        if self.driver == Driver::Loop && self.stats.notifications > 0 {
            println!("  notifications read and dropped: {}", self.stats.notifications);
        }
        if !self.stats.errors.is_empty() {
            println!("  error answers by code: {:?}", self.stats.errors);
        }
    }

    fn to_json(&self, args: &Args) -> Value {
        let h = &self.stats.latency;
        let p = &self.stats.passes;
        let passes = (args.op == Op::List).then(|| {
            json!({
                "products": self.stats.listed,
                "passes": p.len(),
                "min_s": p.min() as f64 / 1e6,
                "median_s": p.value_at_quantile(0.5) as f64 / 1e6,
                "max_s": p.max() as f64 / 1e6,
            })
        });
        json!({
            "command": self.command_line(args),
            "addr": args.addr,
            "op": args.op,
            "clients": args.clients,
            "pipeline": args.pipeline,
            "keyspace": args.keyspace,
            "driver": self.driver,
            "threads": self.threads,
            "requests": self.answered(),
            "seconds": self.elapsed.as_secs_f64(),
            "requests_per_second": self.per_second(),
            "latency_us": {
                "p50": h.value_at_quantile(0.50),
                "p99": h.value_at_quantile(0.99),
                "p99_9": h.value_at_quantile(0.999),
                "max": h.max(),
            },
            "list_pass": passes,
            // The Client (threads driver) drops notifications without counting them.
            "notifications_dropped": (self.driver == Driver::Loop).then_some(self.stats.notifications),
            "errors": self.stats.errors.iter().map(|(c, n)| (c.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
        })
    }
}

// ----- the `loop` driver: rings of connections -------------------------

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
enum Incoming {
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
                Incoming::Notification => {
                    stats.notifications += 1;
                    continue;
                }
                Incoming::Reply { id, error } => (id, error),
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
fn classify(line: &[u8]) -> Result<Incoming> {
    if let Some(method) = line.strip_prefix(NOTIFICATION_PREFIX) {
        ensure_not_goodbye(is_method(method, Goodbye::METHOD), line)?;
        return Ok(Incoming::Notification);
    }
    let head: Head = serde_json::from_slice(line)
        .with_context(|| format!("not a JSON-RPC message: {}", String::from_utf8_lossy(line)))?;
    match (head.id, head.method) {
        (Some(id), _) => Ok(Incoming::Reply { id, error: head.error.map(|e| e.code) }),
        (None, Some(method)) => {
            ensure_not_goodbye(method == Goodbye::METHOD, line)?;
            Ok(Incoming::Notification)
        }
        (None, None) => bail!("an answer without a numeric id: {}", String::from_utf8_lossy(line)),
    }
}

fn ensure_not_goodbye(goodbye: bool, line: &[u8]) -> Result<()> {
    ensure!(!goodbye, "the server said goodbye: {}", String::from_utf8_lossy(line));
    Ok(())
}

/// Runs `plan` with `clients` connections spread over `threads` worker threads.
fn run_loop(args: &Args, plan: &Plan, clients: usize, threads: usize) -> Result<Report> {
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
    let conns: Result<Vec<Conn>> = (0..clients).map(|_| Conn::open(addr)).collect();
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

fn join_all(workers: Vec<JoinHandle<Result<Stats>>>) -> Result<Stats> {
    let mut total = Stats::new();
    let mut failure = None;
    for worker in workers {
        match worker.join() {
            Ok(Ok(stats)) => total.merge(stats),
            Ok(Err(e)) => failure = failure.or(Some(e)),
            Err(_) => failure = failure.or(Some(anyhow::anyhow!("a benchmark thread panicked"))),
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(total),
    }
}

// ----- the `threads` driver: one blocking Client per connection --------

fn client_options() -> ClientOptions {
    ClientOptions {
        keep_notifications: false,
        events: None,
        background_reader: false,
        // No per-call deadline: it would reset the socket timeout on every read.
        response_timeout: None,
        ..ClientOptions::default()
    }
}

fn connect_client(addr: &str) -> Result<Client> {
    let mut client =
        Client::connect(addr, client_options()).with_context(|| format!("cannot connect to {addr}"))?;
    client.wait_welcome(Duration::from_secs(10)).context("no welcome from the server")?;
    Ok(client)
}

fn run_threads(args: &Args, plan: &Plan) -> Result<Report> {
    let start = Arc::new(Barrier::new(args.clients + 1));
    let plan = Arc::new(Plan { nonce: plan.nonce.clone(), issued: AtomicU64::new(0), ..*plan });
    let mut workers = Vec::new();
    for index in 0..args.clients {
        let (plan, start, addr) = (plan.clone(), start.clone(), args.addr.clone());
        let handle = std::thread::Builder::new()
            .name(format!("bench-client-{index}"))
            .spawn(move || client_worker(&addr, &plan, index, &start))?;
        workers.push(handle);
    }
    start.wait();
    let began = Instant::now();
    let stats = join_all(workers)?;
    Ok(Report::new(stats, began.elapsed(), Driver::Threads, args.clients))
}

fn client_worker(addr: &str, plan: &Plan, index: usize, start: &Barrier) -> Result<Stats> {
    let client = connect_client(addr);
    start.wait();
    let mut client = client?;
    let mut generator = Generator::new(plan, index);
    let mut stats = Stats::new();
    let mut in_flight: VecDeque<(Value, Instant)> = VecDeque::new();
    loop {
        while in_flight.len() < plan.pipeline {
            let Some(call) = generator.next(plan) else { break };
            let sent = Instant::now();
            in_flight.push_back((call.send(&mut client)?, sent));
        }
        let Some((expected, sent)) = in_flight.pop_front() else { return Ok(stats) };
        let response = match client.recv_reply()? {
            Reply::Single(response) => response,
            other => bail!("expected one answer, got {other:?}"),
        };
        stats.record(sent.elapsed());
        ensure!(response.id == expected, "answer to {} while {expected} was the oldest", response.id);
        if let Err(error) = &response.result {
            stats.error(plan, error.code);
        }
    }
}

// ----- `list`: full passes over the catalog ----------------------------

fn run_list(args: &Args) -> Result<Report> {
    let passes = args.requests.unwrap_or(10);
    let plan = Arc::new(Plan::new(Phase::Run(Op::List), passes, args.keyspace, 1));
    let start = Arc::new(Barrier::new(args.clients + 1));
    let mut workers = Vec::new();
    for index in 0..args.clients {
        let (plan, start, addr) = (plan.clone(), start.clone(), args.addr.clone());
        let handle = std::thread::Builder::new()
            .name(format!("bench-list-{index}"))
            .spawn(move || list_worker(&addr, &plan, &start))?;
        workers.push(handle);
    }
    start.wait();
    let began = Instant::now();
    let stats = join_all(workers)?;
    Ok(Report::new(stats, began.elapsed(), Driver::Threads, args.clients))
}

/// Pages through the whole catalog once per ticket, decoding every product.
fn list_worker(addr: &str, plan: &Plan, start: &Barrier) -> Result<Stats> {
    let client = connect_client(addr);
    start.wait();
    let mut client = client?;
    let mut stats = Stats::new();
    while plan.ticket().is_some() {
        let pass = Instant::now();
        let mut after: Option<String> = None;
        let mut listed = 0;
        loop {
            let sent = Instant::now();
            let page = client.list(after.as_deref(), Some(LIST_PAGE))?;
            stats.record(sent.elapsed());
            listed += page.products.len();
            match page.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        stats.passes.saturating_record(pass.elapsed().as_micros().max(1) as u64);
        stats.listed = listed;
    }
    Ok(stats)
}
