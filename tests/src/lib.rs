//! What only the end-to-end tests need on top of `lojinha-test-support`: a
//! [`TestServer`] on `127.0.0.1:0` over a real SQLite file in its own temp
//! dir (or a fresh PostgreSQL database, [`Catalog`]), which can be stopped
//! and started again on that catalog, its event stream read with bounded
//! waits ([`Events`]), a typed [`Client`] factory, and
//! [`on_each_backend!`], which runs one test body on both engines.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Instant;

use crossbeam_channel::Receiver;
use lojinha_server::server::{ServerEvent, ServerEventRecord};
use lojinha_server::{Client, ClientOptions, DbLocation, ServerConfig, ServerHandle};
use lojinha_test_support::{Conn, WAIT, config_with_db, postgres_cluster, start_server, temp_db, wait_until};
use tempfile::TempDir;

/// A server started in this process on `127.0.0.1:0` over a SQLite file in
/// its own temp dir. It can be stopped and started again on the same file.
pub struct TestServer {
    handle: Option<ServerHandle>,
    config: ServerConfig,
    db: PathBuf,
    _dir: TempDir,
}

impl TestServer {
    /// A server with default settings (threaded, welcome on, no token).
    pub fn start() -> TestServer {
        TestServer::start_with(|_| {})
    }

    /// A server whose config `adjust` changes first (`listen` and `db` are set here).
    pub fn start_with(adjust: impl FnOnce(&mut ServerConfig)) -> TestServer {
        TestServer::start_with_on(&Catalog::Sqlite, adjust)
    }

    /// A server with default settings on `catalog`.
    pub fn start_on(catalog: &Catalog) -> TestServer {
        TestServer::start_with_on(catalog, |_| {})
    }

    /// [`TestServer::start_with`] on `catalog`.
    pub fn start_with_on(catalog: &Catalog, adjust: impl FnOnce(&mut ServerConfig)) -> TestServer {
        let (dir, db) = temp_db();
        let mut config = config_with_db(&db);
        if let Catalog::Postgres(url) = catalog {
            config.db = DbLocation::Postgres(url.clone());
        }
        adjust(&mut config);
        let handle = start_server(config.clone());
        TestServer { handle: Some(handle), config, db, _dir: dir }
    }

    pub fn handle(&self) -> &ServerHandle {
        self.handle.as_ref().expect("the server is running")
    }

    pub fn addr(&self) -> SocketAddr {
        self.handle().local_addr()
    }

    pub fn db_path(&self) -> PathBuf {
        self.db.clone()
    }

    /// The event stream (`event_capacity` must be above 0).
    pub fn events(&self) -> Events {
        Events(self.handle().events().expect("events are on (event_capacity > 0)"))
    }

    /// Stops the server (every session gets its `goodbye`); the file stays.
    pub fn stop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.stop();
        }
    }

    /// Stops the server if it runs, then starts it again on the same file
    /// (on a new port).
    pub fn restart(&mut self) {
        self.stop();
        self.handle = Some(start_server(self.config.clone()));
    }

    /// A raw connection, nothing read yet.
    pub fn connect(&self) -> Conn {
        Conn::connect(self.addr())
    }

    /// A raw connection whose `welcome` was read and checked; returns the session number too.
    pub fn connect_welcomed(&self) -> (Conn, u64) {
        let mut conn = self.connect();
        let session = conn.expect_welcome();
        (conn, session)
    }

    /// A library client whose `welcome` was read.
    pub fn client(&self) -> Client {
        let mut client = client_options_connect(self.addr());
        client.wait_welcome(WAIT).expect("a welcome");
        client
    }

    /// Waits until the server lists exactly `count` sessions.
    pub fn wait_sessions(&self, count: usize) {
        let settled = wait_until(|| self.handle().sessions().len() == count);
        assert!(settled, "the session count did not settle at {count}");
    }
}

/// Connects a [`Client`] with a bounded response timeout.
pub fn client_options_connect(addr: SocketAddr) -> Client {
    let options = ClientOptions { response_timeout: Some(WAIT), ..ClientOptions::default() };
    Client::connect(&addr.to_string(), options).expect("the client connects")
}

/// The server's event stream, read with bounded waits.
pub struct Events(pub Receiver<ServerEventRecord>);

impl Events {
    /// The next event; fails the test after [`WAIT`].
    pub fn next(&self) -> ServerEvent {
        match self.0.recv_timeout(WAIT) {
            Ok(record) => record.event,
            Err(e) => panic!("no server event within {WAIT:?}: {e}"),
        }
    }

    /// Skips events until one matches; returns it.
    pub fn find(&self, what: &str, mut matches: impl FnMut(&ServerEvent) -> bool) -> ServerEvent {
        let deadline = Instant::now() + WAIT;
        loop {
            match self.0.recv_deadline(deadline) {
                Ok(record) if matches(&record.event) => return record.event,
                Ok(_) => {}
                Err(_) => panic!("no event {what} within {WAIT:?}"),
            }
        }
    }
}

/// The engine a test's server keeps its catalog in.
#[derive(Debug, Clone)]
pub enum Catalog {
    /// A SQLite file in the server's own temp dir.
    Sqlite,
    /// A fresh database (this URL) in the test binary's throwaway PostgreSQL.
    Postgres(String),
}

impl Catalog {
    /// A fresh PostgreSQL database; `None` where PostgreSQL cannot run here
    /// (the reason is printed; under `CI` this fails instead).
    pub fn postgres() -> Option<Catalog> {
        postgres_cluster().map(|cluster| Catalog::Postgres(cluster.fresh_database()))
    }
}

/// Runs one test body on both engines: `mod name { fn sqlite(); fn postgres() }`.
/// The body names its catalog (`catalog: Catalog`) and starts its servers on it.
#[macro_export]
macro_rules! on_each_backend {
    ($(#[$meta:meta])* fn $name:ident($catalog:ident: Catalog) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn body($catalog: $crate::Catalog) $body

            /// On a SQLite file.
            #[test]
            fn sqlite() {
                body($crate::Catalog::Sqlite);
            }

            /// On a shared PostgreSQL database.
            #[test]
            fn postgres() {
                if let Some(catalog) = $crate::Catalog::postgres() {
                    body(catalog);
                }
            }
        }
    };
}
