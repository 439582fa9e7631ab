//! The `threads` driver: one OS thread and one blocking [`Client`] per
//! connection, the straightforward design.

use std::collections::VecDeque;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use lojinha_server::client::Reply;
use lojinha_server::{Client, ClientOptions};
use serde_json::Value;

use crate::args::{Args, Driver, pick};
use crate::plan::{Generator, Plan};
use crate::report::Report;
use crate::stats::{Stats, join_all};

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

pub fn connect_client(addr: &str) -> Result<Client> {
    let mut client =
        Client::connect(addr, client_options()).with_context(|| format!("cannot connect to {addr}"))?;
    client.wait_welcome(Duration::from_secs(10)).context("no welcome from the server")?;
    Ok(client)
}

pub fn run_threads(args: &Args, plan: &Plan) -> Result<Report> {
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
    let client = connect_client(&pick(addr, index));
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
