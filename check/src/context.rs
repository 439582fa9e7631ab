//! What every check is given: where the server is, how long to wait, a tag
//! that makes this run's product codes unique, and the transcript.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::transcript::Transcript;

/// The settings of one run of the checks.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `HOST:PORT` of the server under check.
    pub address: String,
    /// How long to wait for each connection and each answer.
    pub timeout: Duration,
}

impl Settings {
    pub fn new(address: impl Into<String>) -> Settings {
        Settings { address: address.into(), timeout: Duration::from_secs(2) }
    }
}

/// One check's context.
pub struct Context {
    pub address: String,
    pub timeout: Duration,
    /// `CHK` and a number from the clock: codes of this run do not collide
    /// with a catalog's own products, nor with an earlier run's.
    pub tag: String,
    pub transcript: Transcript,
}

impl Context {
    pub fn new(settings: &Settings, tag: &str) -> Context {
        Context {
            address: settings.address.clone(),
            timeout: settings.timeout,
            tag: tag.to_owned(),
            transcript: Transcript::default(),
        }
    }

    /// A product code of this run: `CHK1A2B3C-<suffix>`.
    pub fn code(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.tag)
    }

    /// A valid product with this run's code `suffix`.
    pub fn product(&self, suffix: &str) -> Value {
        json!({"code": self.code(suffix), "name": "Caneta azul", "price_cents": 250, "quantity": 40})
    }
}

/// A tag for a run, from the clock.
pub fn run_tag() -> String {
    let millis = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
    format!("CHK{:X}", millis & 0xFFFF_FFFF)
}
