//! The same bytes through a real server on loopback (framing, parsing and
//! dispatch, including writes to an in-memory catalog): the server answers
//! with JSON lines, never hangs, and keeps accepting connections.
#![no_main]

use std::net::{SocketAddr, TcpListener};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lojinha_server::{DbLocation, ServerConfig, ServerHandle};

fn server() -> SocketAddr {
    static SERVER: OnceLock<ServerHandle> = OnceLock::new();
    SERVER
        .get_or_init(|| {
            let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
            let config = ServerConfig {
                db: DbLocation::Memory,
                max_frame: 4096,
                max_connections: 10_000,
                ..ServerConfig::default()
            };
            lojinha_server::start_on(listener, config).expect("server starts")
        })
        .local_addr()
}

fuzz_target!(|data: &[u8]| {
    lojinha_reliability::fuzzing::check_server_lines(server(), data);
});
