//! The harness every Lojinha test suite shares (`tests`, `reliability`, the
//! app's tests): one definition of each helper, so the suites cannot drift.
//!
//! - [`wait`]: the one bound on every wait ([`WAIT`]) and [`wait_until`].
//! - [`messages`]: products and JSON-RPC messages as the tests write them.
//! - [`server`]: in-process servers on `127.0.0.1:0` and their configs.
//! - [`conn`] and [`expect`]: a raw line connection ([`Conn`]) and the
//!   checks tests make with it.
//! - [`binary`] and [`process`]: the real `lojinha-server` and
//!   `lojinha-bench` binaries, built once, run as child processes, and
//!   what `/proc` says about a process ([`proc`]).
//! - [`postgres`]: a throwaway PostgreSQL cluster per test binary.
//!
//! Every wait is bounded, so a server that hangs fails a test instead of
//! hanging the suite. What only one suite needs stays in that suite.

pub mod binary;
pub mod conn;
pub mod expect;
pub mod messages;
pub mod postgres;
pub mod proc;
pub mod process;
pub mod server;
pub mod wait;

pub use binary::{bench_binary, server_binary};
pub use conn::{Conn, ReadOutcome};
pub use messages::{
    SERVER_NAME, added, at_version, error_code, error_of, notification, product, request, success,
    typed_product, typed_stored,
};
pub use postgres::{PgCluster, postgres_cluster};
pub use proc::proc_status_field;
pub use process::{ServerProcess, run_server_to_exit};
pub use server::{bind_loopback, config_with_db, memory_config, start_server, temp_db};
pub use wait::{WAIT, wait_until};
