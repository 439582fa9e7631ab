//! `welcome`: the first line of every session, before the client says anything.

use serde::{Deserialize, Serialize};

use super::notice::Notice;

/// Protocol 1.1: the server answers `ping`.
pub const FEATURE_PING: &str = "ping";
/// Protocol 1.1: products carry a `version`, and writes may name the one they expect.
pub const FEATURE_VERSION: &str = "version";

/// Additions of protocol 1.1 this server has, as `welcome` names them.
pub const FEATURES: [&str; 2] = [FEATURE_PING, FEATURE_VERSION];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub server: String,
    pub protocol: u32,
    pub session: u64,
    /// Protocol 1.1 additions the server has (`"ping"`, `"version"`); empty
    /// for a 1.0 server.
    #[serde(default)]
    pub features: Vec<String>,
}

impl Notice for Welcome {
    const METHOD: &'static str = "welcome";
}
