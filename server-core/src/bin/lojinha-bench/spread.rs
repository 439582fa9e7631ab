//! `--op spread`: how long a change takes to cross from one server to
//! another that shares its database. One client adds on the first address,
//! one add at a time; a client of the second address waits for each
//! `product.added`. The latency recorded is from sending the add to that
//! notification being read, so it includes the commit itself (the `add`
//! figure of one client shows that part alone).

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use lojinha_server::client::ClientOptions;
use lojinha_server::{Client, Notification, Product};

use crate::args::{Args, Driver, pick};
use crate::interrupt;
use crate::report::Report;
use crate::stats::Stats;
use crate::threads::connect_client;

/// Longest wait for one notification before the run is declared broken.
const PATIENCE: Duration = Duration::from_secs(10);

pub fn run_spread(args: &Args) -> Result<Report> {
    let (from, to) = (pick(&args.addr, 0), pick(&args.addr, 1));
    let options =
        ClientOptions { keep_notifications: true, background_reader: true, ..ClientOptions::default() };
    let mut watcher = Client::connect(&to, options).with_context(|| format!("cannot connect to {to}"))?;
    watcher.wait_welcome(PATIENCE).context("no welcome from the watched server")?;
    let notifications = watcher.notifications();
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
                Ok(Notification::ProductAdded(p)) if p.code == code => break,
                Ok(_) => {}
                Err(_) => bail!("{to} did not hear of {code} within {PATIENCE:?}"),
            }
        }
        stats.record(sent.elapsed());
    }
    Ok(Report::new(stats, began.elapsed(), Driver::Threads, 1))
}
