//! How the app starts: what the command line (or a test) asks for.

use std::path::PathBuf;

/// Start-up choices. `Default` is a quiet start: no server, no window, no
/// settings file (what tests want).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Start the server on this address right away.
    pub serve: Option<String>,
    /// Open a client window connected to this address (the server's own when equal to `serve`).
    pub connect: Option<String>,
    /// The database file, or `:memory:`.
    pub db: Option<String>,
    /// Where settings are read and saved; `None` keeps them in memory only.
    pub settings_path: Option<PathBuf>,
    /// Fill an empty catalog with this many generated products (a big-table demo).
    pub fill: usize,
    /// Multiplies the threads demo's task lengths (tests use 0.1).
    pub threads_time_scale: Option<f64>,
    /// The longest line client windows accept from a server, in bytes
    /// (`None`: [`crate::client::network::DEFAULT_MAX_FRAME`], 4 MiB).
    pub max_frame: Option<usize>,
    /// Open the "Check a server" window and check the server at this address.
    pub check: Option<String>,
    /// Open this recording (a `.lojinha` file) in a read-only window.
    pub open_recording: Option<PathBuf>,
}

/// `count` products with predictable codes, names, prices and stock.
pub fn generated_products(count: usize) -> Vec<lojinha_server::Product> {
    (1..=count)
        .map(|i| lojinha_server::Product {
            code: format!("GEN-{i:06}"),
            name: format!("Produto de exemplo {i}"),
            price_cents: ((i * 37) % 100_000) as i64 + 50,
            quantity: (i % 500) as i64,
            version: 0,
        })
        .collect()
}
