//! The figures of one run, printed as text or as one JSON object.

use std::time::Duration;

use serde_json::{Value, json};

use crate::args::{Args, Driver, Op, value_name};
use crate::interrupt;
use crate::list::LIST_PAGE;
use crate::stats::Stats;

/// The figures of one run.
pub struct Report {
    pub stats: Stats,
    pub elapsed: Duration,
    pub driver: Driver,
    pub threads: usize,
    /// Ctrl-C ended the run before its tickets were all used.
    pub interrupted: bool,
}

impl Report {
    pub fn new(stats: Stats, elapsed: Duration, driver: Driver, threads: usize) -> Report {
        Report { stats, elapsed, driver, threads, interrupted: interrupt::requested() }
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

    pub fn print(&self, args: &Args) {
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
        if self.interrupted {
            println!("  interrupted by Ctrl-C: figures up to then");
        }
    }

    pub fn to_json(&self, args: &Args) -> Value {
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
            "interrupted": self.interrupted,
            "errors": self.stats.errors.iter().map(|(c, n)| (c.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
        })
    }
}
