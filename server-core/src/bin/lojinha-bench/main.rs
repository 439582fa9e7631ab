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
//! each driving a blocking `Client`. `list` always uses the `Client`.
//!
//! Ctrl-C stops the run: no new requests are sent, those in flight are
//! answered, and the figures measured so far are printed (exit status 130).
//!
//! - [`args`]: the command line.
//! - [`plan`]: the requests, the tickets that bound a run, the generators.
//! - [`ring`], [`threads`], [`list`]: the drivers; [`spread`]: the delay
//!   between servers sharing a database.
//! - [`stats`], [`report`]: what was measured, and how it is shown.
//! - [`interrupt`] catches Ctrl-C.

mod args;
mod interrupt;
mod list;
mod plan;
mod report;
mod ring;
mod spread;
mod stats;
mod threads;

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail, ensure};
use clap::Parser;

use args::{Args, Driver, Op};
use list::run_list;
use plan::{Phase, Plan};
use report::Report;
use ring::run_loop;
use spread::run_spread;
use threads::run_threads;

/// Connections that add the keyspace: enough for group commit to batch,
/// few enough that the `product.added` broadcast to each other stays cheap.
const SEED_CONNECTIONS: usize = 8;

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(e) = interrupt::install() {
        eprintln!("lojinha-bench: cannot catch Ctrl-C: {e}");
    }
    match run(&args) {
        Ok(report) => {
            if args.json {
                println!("{}", report.to_json(&args));
            } else {
                report.print(&args);
            }
            exit_code(report.interrupted)
        }
        Err(e) => {
            eprintln!("lojinha-bench: {e:#}");
            if interrupt::requested() { exit_code(true) } else { ExitCode::FAILURE }
        }
    }
}

fn exit_code(interrupted: bool) -> ExitCode {
    if interrupted { ExitCode::from(interrupt::EXIT_CODE as u8) } else { ExitCode::SUCCESS }
}

fn run(args: &Args) -> Result<Report> {
    ensure!(
        args.clients > 0 && args.pipeline > 0 && args.threads > 0,
        "--clients, --pipeline, --threads must be ≥ 1"
    );
    ensure!(args.keyspace > 0 || args.op == Op::Add, "--keyspace must be at least 1");
    if ![Op::Add, Op::Spread].contains(&args.op) && !args.no_seed {
        seed(args)?;
    }
    match args.op {
        Op::List => run_list(args),
        Op::Spread => run_spread(args),
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
    if report.interrupted {
        bail!("interrupted while adding the keyspace: nothing measured yet");
    }
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
