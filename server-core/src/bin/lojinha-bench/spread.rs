//! `--op spread`: how long a change takes to cross from one server to
//! another that shares its database. One client adds on the first address,
//! one add at a time; a client of the second address waits for each
//! `product.added`. The latency recorded is from sending the add to that
//! notification being read, so it includes the commit itself (the `add`
//! figure of one client shows that part alone).

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use crossbeam_channel::{Receiver, Sender};
use lojinha_server::Product;
use serde_json::Value;

use crate::args::{Args, Driver, pick};
use crate::interrupt;
use crate::report::Report;
use crate::stats::Stats;
use crate::threads::connect_client;

/// Longest wait for one notification before the run is declared broken.
const PATIENCE: Duration = Duration::from_secs(10);

pub fn run_spread(args: &Args) -> Result<Report> {
    let (from, to) = (pick(&args.addr, 0), pick(&args.addr, 1));
    let notifications = watch(&to)?;
    let mut writer = connect_client(&from)?;
    let run = format!("{:x}", std::process::id());
    let mut stats = Stats::new();
    let began = Instant::now();
    for i in 0..args.requests.unwrap_or(2_000) {
        if interrupt::requested() {
            break;
        }
        let code = format!("SPREAD-{run}-{i}");
        let sent = Instant::now();
        writer.add(&Product {
            code: code.clone(),
            name: "spread".into(),
            price_cents: 1,
            quantity: 1,
            version: 0,
        })?;
        loop {
            match notifications.recv_timeout(PATIENCE) {
                Ok(added) if added == code => break,
                Ok(_) => {}
                Err(_) => bail!("{to} did not hear of {code} within {PATIENCE:?}"),
            }
        }
        stats.record(sent.elapsed());
    }
    Ok(Report::new(stats, began.elapsed(), Driver::Threads, 1))
}

/// A raw connection to `addr` whose reader thread sends the code of every
/// `product.added` it reads, as soon as it reads it.
fn watch(addr: &str) -> Result<Receiver<String>> {
    let stream = TcpStream::connect(addr).with_context(|| format!("cannot connect to {addr}"))?;
    let (tx, rx) = crossbeam_channel::unbounded();
    let mut lines = BufReader::new(stream).lines();
    lines.next().context("no welcome from the watched server")??;
    std::thread::Builder::new().name("spread-watcher".into()).spawn(move || read_added(lines, &tx))?;
    Ok(rx)
}

fn read_added(lines: std::io::Lines<BufReader<TcpStream>>, tx: &Sender<String>) {
    for line in lines.map_while(Result::ok) {
        let Ok(message) = serde_json::from_str::<Value>(&line) else { continue };
        if message["method"] == "product.added"
            && let Some(code) = message["params"]["product"]["code"].as_str()
            && tx.send(code.to_owned()).is_err()
        {
            return;
        }
    }
}
