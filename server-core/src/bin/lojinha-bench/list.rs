//! `list`: full passes over the catalog with `product.list`, each worker a
//! blocking [`Client`](lojinha_server::Client).

use std::sync::{Arc, Barrier};
use std::time::Instant;

use anyhow::Result;

use crate::args::{Args, Driver, Op, pick};
use crate::interrupt;
use crate::plan::{Phase, Plan};
use crate::report::Report;
use crate::stats::{Stats, join_all};
use crate::threads::connect_client;

/// Page size of `product.list` passes (the protocol's largest).
pub const LIST_PAGE: usize = 10_000;

pub fn run_list(args: &Args) -> Result<Report> {
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
    let client = connect_client(&pick(addr, 0));
    start.wait();
    let mut client = client?;
    let mut stats = Stats::new();
    while plan.ticket().is_some() {
        let pass = Instant::now();
        let mut after: Option<String> = None;
        let mut listed = 0;
        loop {
            if interrupt::requested() {
                // A pass cut short is not a pass.
                return Ok(stats);
            }
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
