//! The command line: what to measure, against which server, how hard.

use clap::{Parser, ValueEnum};
use serde::Serialize;

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
///   spread one client adds on the first address, one at a time; the latency
///          is from sending each add to a client of the second address
///          reading its `product.added` (servers sharing one database)
///
/// Example: lojinha-bench --clients 50 --pipeline 16 --op get
///          lojinha-bench --addr 127.0.0.1:5050,127.0.0.1:5051 --op add
#[derive(Parser, Debug, Clone)]
#[command(name = "lojinha-bench", version, verbatim_doc_comment)]
pub struct Args {
    /// Server address; several, comma-separated (servers sharing one
    /// PostgreSQL catalog), get the connections in turn.
    #[arg(long, default_value = "127.0.0.1:5050", value_name = "ADDR[,ADDR…]")]
    pub addr: String,
    /// Connections opened at once (each one a protocol session).
    #[arg(short = 'c', long, default_value_t = 50, value_name = "N")]
    pub clients: usize,
    /// Requests in all (default 100000); for `list`, full passes (default 10).
    #[arg(short = 'n', long, value_name = "N")]
    pub requests: Option<u64>,
    /// What to measure.
    #[arg(long, value_enum, default_value_t = Op::Get)]
    pub op: Op,
    /// Requests kept in flight on each connection (1: no pipelining).
    #[arg(short = 'P', long, default_value_t = 1, value_name = "P")]
    pub pipeline: usize,
    /// Products BENCH-000000.. that `get`, `mixed` and `list` use; they are
    /// added first when missing (codes that exist are skipped).
    #[arg(short = 'r', long, default_value_t = 10_000, value_name = "K")]
    pub keyspace: u64,
    /// `loop`: worker threads each serve a ring of connections (like
    /// redis-benchmark). `threads`: one thread and one blocking Client per connection.
    #[arg(long, value_enum, default_value_t = Driver::Loop)]
    pub driver: Driver,
    /// Worker threads of the `loop` driver.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub threads: usize,
    /// Do not add the keyspace before measuring.
    #[arg(long)]
    pub no_seed: bool,
    /// Print one JSON object with the figures instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Get,
    Add,
    List,
    Mixed,
    Spread,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Driver {
    Loop,
    Threads,
}

/// The name of a flag value, as typed on the command line.
pub fn value_name(value: impl ValueEnum) -> String {
    value.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default()
}

/// The `index`-th connection's address: the list of `--addr`, in turn.
pub fn pick(addrs: &str, index: usize) -> String {
    let list: Vec<&str> = addrs.split(',').map(str::trim).filter(|a| !a.is_empty()).collect();
    list.get(index % list.len().max(1)).copied().unwrap_or(addrs).to_owned()
}
