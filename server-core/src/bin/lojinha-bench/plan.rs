//! The requests: the phase of a run, the tickets that bound it, and each
//! worker's generator of calls (built from the protocol's own method types).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use lojinha_server::protocol::Product;
use lojinha_server::protocol::calls::{AddProduct, GetProduct, UpdateProduct, encode_call};
use lojinha_server::protocol::error::ALREADY_EXISTS;
use lojinha_server::{Client, ClientError};
use serde_json::Value;

use crate::args::Op;
use crate::interrupt;

/// What the request generator produces: the keyspace seeding or the measured op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Seed,
    Run(Op),
}

/// One request the benchmark sends.
pub enum Call {
    Get(GetProduct),
    Add(AddProduct),
    Update(UpdateProduct),
}

impl Call {
    pub fn get(code: String) -> Call {
        Call::Get(GetProduct { code })
    }

    pub fn add(product: Product) -> Call {
        Call::Add(AddProduct { product })
    }

    pub fn update(product: Product) -> Call {
        Call::Update(UpdateProduct { product, expected_version: None })
    }

    /// Appends the request line (with its newline) to `out`.
    pub fn encode_into(&self, id: u64, out: &mut Vec<u8>) {
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
    pub fn send(&self, client: &mut Client) -> Result<Value, ClientError> {
        match self {
            Call::Get(call) => client.send(call),
            Call::Add(call) => client.send(call),
            Call::Update(call) => client.send(call),
        }
    }
}

/// What every worker shares: the phase, and the tickets that bound the run.
pub struct Plan {
    pub phase: Phase,
    pub total: u64,
    pub keyspace: u64,
    pub pipeline: usize,
    /// Tickets handed out so far; a request is sent only with a ticket below `total`.
    pub issued: AtomicU64,
    /// Distinguishes this run's `add` codes from every earlier run's.
    pub nonce: String,
}

impl Plan {
    pub fn new(phase: Phase, total: u64, keyspace: u64, pipeline: usize) -> Plan {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        Plan { phase, total, keyspace, pipeline, issued: AtomicU64::new(0), nonce: base36(nanos, 7) }
    }

    /// The next ticket; none once the run's tickets are all taken or Ctrl-C was pressed.
    pub fn ticket(&self) -> Option<u64> {
        if interrupt::requested() {
            return None;
        }
        let ticket = self.issued.fetch_add(1, Ordering::Relaxed);
        (ticket < self.total).then_some(ticket)
    }

    /// The error codes that count as a normal answer in this phase.
    pub fn accepts(&self, code: i64) -> bool {
        self.phase == Phase::Seed && code == ALREADY_EXISTS
    }
}

/// A worker's request generator: its random numbers and its own fresh codes.
pub struct Generator {
    rng: SplitMix64,
    /// Prefix of this worker's fresh codes: run nonce plus worker number.
    prefix: String,
    added: u64,
}

impl Generator {
    pub fn new(plan: &Plan, worker: usize) -> Generator {
        let seed = plan.nonce.bytes().fold(worker as u64, |h, b| h.wrapping_mul(31).wrapping_add(b.into()));
        Generator { rng: SplitMix64(seed), prefix: format!("A{}-{worker}-", plan.nonce), added: 0 }
    }

    /// The next request, or `None` when the run's tickets are all taken.
    pub fn next(&mut self, plan: &Plan) -> Option<Call> {
        let ticket = plan.ticket()?;
        Some(match plan.phase {
            Phase::Seed => Call::add(self.product(bench_code(ticket))),
            Phase::Run(Op::Get) => Call::get(self.existing_code(plan)),
            Phase::Run(Op::Add) => Call::add(self.fresh_product()),
            Phase::Run(Op::Mixed | Op::List | Op::Spread) => match self.rng.next() % 10 {
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

pub fn bench_code(index: u64) -> String {
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
