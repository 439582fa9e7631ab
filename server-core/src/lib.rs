//! Lojinha's catalog server and client.
//!
//! - [`protocol`]: the wire format (line framing, JSON-RPC 2.0, products), and
//!   one type per method and notification, shared by server and client.
//! - [`storage`]: SQLite with an in-memory mirror and group commit.
//! - [`server`]: thread-per-connection TCP server with a handle for in-process use.
//! - [`client`]: a blocking client with pipelining, notifications and a protocol log.
//! - [`sample`]: the sample catalog shipped in `assets/`.

pub mod client;
pub mod protocol;
pub mod sample;
pub mod server;
pub mod storage;

pub use client::{
    Client, ClientError, ClientEvent, ClientEventRecord, ClientOptions, ConnectionEnd, Notification,
};
pub use protocol::{GoodbyeReason, Product};
pub use server::{Mode, ServerConfig, ServerEvent, ServerHandle, SessionInfo, start, start_on};
pub use storage::{DbLocation, SyncMode};
