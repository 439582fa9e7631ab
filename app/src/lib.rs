//! Lojinha's desktop app: start a server with one click, open client windows
//! that talk to it (or to any server), and watch every protocol step.
//!
//! The binary (`main.rs`) only parses the command line and runs
//! [`LojinhaApp`]; tests build the very same app headless.

mod app;
pub mod check;
pub mod client;
pub mod describe_file;
pub mod export;
pub mod frame_stats;
pub mod i18n;
pub mod log;
mod options;
pub mod phrase;
pub mod recording;
pub mod server;
pub mod settings;
pub mod theme;
pub mod waker;
pub mod window_name;

pub use app::{AppIntent, LojinhaApp};
pub use options::{StartOptions, generated_products};
