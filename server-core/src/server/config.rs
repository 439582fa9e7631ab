//! Server settings, with the defaults the protocol names.

use std::time::Duration;

use crate::protocol::pieces::MAX_PIECES;
use crate::storage::{DbLocation, SyncMode};

pub const DEFAULT_LISTEN: &str = "127.0.0.1:5050";
pub const DEFAULT_MAX_CONNECTIONS: usize = 256;
pub const DEFAULT_MAX_FRAME: usize = 1024 * 1024;
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(300);
/// Unsent output a session may hold before it is dropped as too slow.
pub const DEFAULT_OUTBOX_LIMIT: usize = 8 * 1024 * 1024;
/// How long a line may take from its first byte to its newline.
pub const DEFAULT_LINE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a write may wait for the client to read before it is dropped.
pub const DEFAULT_WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Products the catalog may hold: about 200 MB of memory with ordinary
/// names, 1 GB at the longest names the protocol allows.
pub const DEFAULT_MAX_PRODUCTS: usize = 1_000_000;
/// Connections one address may hold at once (a whole lab behind one NAT
/// address counts as one: raise it there).
pub const DEFAULT_MAX_PER_ADDRESS: usize = 64;

/// How connections are served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// One thread per connection: many clients at once (the lesson's v5).
    #[default]
    Threaded,
    /// One client at a time, served in the accept loop (the lesson's v4).
    Sequential,
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Mode::Threaded => "threaded",
            Mode::Sequential => "sequential",
        })
    }
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: String,
    pub db: DbLocation,
    pub sync: SyncMode,
    pub mode: Mode,
    pub max_connections: usize,
    pub max_frame: usize,
    pub idle_timeout: Duration,
    /// A line must be complete this long after its first byte arrived.
    pub line_timeout: Duration,
    /// A client that accepts no byte of our output for this long is dropped.
    pub write_timeout: Duration,
    /// Most connections from one IP address (loopback included).
    pub max_per_address: usize,
    /// Most products the catalog holds; adds past it are refused.
    pub max_products: usize,
    pub outbox_limit: usize,
    /// Send `welcome` on connect (off for one-shot JSON-RPC clients).
    pub welcome: bool,
    /// When set, every method but `hello` and `quit` needs this token first.
    pub token: Option<String>,
    /// Capacity of the event stream for a GUI log; 0 turns events off.
    pub event_capacity: usize,
    /// Report each `read()` and its byte count as an event ("show reads").
    pub report_reads: bool,
    /// The owner's controls at start (all off by default); change them with
    /// [`ServerHandle::controls`](super::ServerHandle::controls).
    pub controls: ControlSettings,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: DEFAULT_LISTEN.into(),
            db: DbLocation::Memory,
            sync: SyncMode::default(),
            mode: Mode::default(),
            max_connections: DEFAULT_MAX_CONNECTIONS,
            max_frame: DEFAULT_MAX_FRAME,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            line_timeout: DEFAULT_LINE_TIMEOUT,
            write_timeout: DEFAULT_WRITE_TIMEOUT,
            max_per_address: DEFAULT_MAX_PER_ADDRESS,
            max_products: DEFAULT_MAX_PRODUCTS,
            outbox_limit: DEFAULT_OUTBOX_LIMIT,
            welcome: true,
            token: None,
            event_capacity: 0,
            report_reads: false,
            controls: ControlSettings::default(),
        }
    }
}

/// The owner's controls (`controls.rs`): the longest slow motion.
pub const MAX_SLOW: Duration = Duration::from_secs(5);
/// The longest pause between two pieces of a line.
pub const MAX_PIECE_PAUSE: Duration = Duration::from_secs(2);

/// What the owner asks of the server's output. The default is a well-behaved
/// server: nothing held, nothing slowed, each line in one piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlSettings {
    /// Hold every line until the owner releases it.
    pub paused: bool,
    /// Wait this long before each line (at most [`MAX_SLOW`]).
    pub slow: Duration,
    /// Write each line in this many pieces (1 to [`MAX_PIECES`]).
    pub pieces: usize,
    /// Wait this long between two pieces (at most [`MAX_PIECE_PAUSE`]).
    pub piece_pause: Duration,
}

impl Default for ControlSettings {
    fn default() -> Self {
        ControlSettings { paused: false, slow: Duration::ZERO, pieces: 1, piece_pause: Duration::ZERO }
    }
}

impl ControlSettings {
    /// The same settings within the bounds.
    pub fn clamped(self) -> ControlSettings {
        ControlSettings {
            paused: self.paused,
            slow: self.slow.min(MAX_SLOW),
            pieces: self.pieces.clamp(1, MAX_PIECES),
            piece_pause: self.piece_pause.min(MAX_PIECE_PAUSE),
        }
    }

    /// Whether any control changes what the server writes or when.
    pub fn acting(&self) -> bool {
        self.paused || !self.slow.is_zero() || self.pieces > 1
    }
}

/// The default database file, in the platform's data directory.
pub fn default_db_path() -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "Lojinha", "lojinha")?;
    Some(dirs.data_dir().join("catalog.db"))
}
