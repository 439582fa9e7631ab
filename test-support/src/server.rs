//! In-process servers: a listener on a free loopback port, configs over a
//! SQLite file in a temp dir or an in-memory catalog.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use lojinha_server::{DbLocation, ServerConfig, ServerHandle};

/// A listener on a free loopback port.
pub fn bind_loopback() -> TcpListener {
    TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0")
}

/// Starts an in-process server on a fresh loopback port.
pub fn start_server(config: ServerConfig) -> ServerHandle {
    lojinha_server::start_on(bind_loopback(), config).expect("the server starts")
}

/// A config for a server on `127.0.0.1:0` with its catalog in `db`.
pub fn config_with_db(db: &Path) -> ServerConfig {
    ServerConfig {
        listen: "127.0.0.1:0".into(),
        db: DbLocation::File(db.to_path_buf()),
        ..ServerConfig::default()
    }
}

/// A config for a server on `127.0.0.1:0` with an in-memory catalog.
pub fn memory_config() -> ServerConfig {
    ServerConfig { listen: "127.0.0.1:0".into(), db: DbLocation::Memory, ..ServerConfig::default() }
}

/// A fresh temp dir and the path of a catalog file inside it.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("catalog.db");
    (dir, path)
}
