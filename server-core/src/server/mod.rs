//! The server: start it on a listener, watch its sessions and events, stop it.
//!
//! [`start`] binds and returns a [`ServerHandle`]; the accept loop runs on a
//! thread of its own and every connection gets its own threads (or, in
//! sequential mode, is served in the accept loop itself).

mod commits;
mod config;
mod connection;
mod context;
mod controls;
mod dispatch;
mod events;
mod lines;
mod listener;
mod outbox;
mod registry;
mod replies;
mod report_card;
mod turns;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::Receiver;

pub use config::{
    ControlSettings, DEFAULT_IDLE_TIMEOUT, DEFAULT_LINE_TIMEOUT, DEFAULT_LISTEN, DEFAULT_MAX_CONNECTIONS,
    DEFAULT_MAX_FRAME, DEFAULT_MAX_PER_ADDRESS, DEFAULT_MAX_PRODUCTS, DEFAULT_OUTBOX_LIMIT,
    DEFAULT_WRITE_TIMEOUT, MAX_PIECE_PAUSE, MAX_SLOW, Mode, ServerConfig, default_db_path,
};
pub use controls::{Controls, MAX_HELD, MAX_HELD_BYTES};
pub use events::{CloseReason, OwnerAct, Release, ServerEvent, ServerEventRecord};
pub use registry::SessionInfo;
pub use report_card::ReportCard;

use crate::storage::{Store, StoreError, WriteJob, WriteOp, WriteOutcome};
use commits::Completion;
use context::ServerContext;
use events::EventSink;
use registry::Registry;

/// How long `stop()` lets sessions send their `goodbye` before forcing
/// sockets closed (a whole stop stays under two seconds).
const STOP_GRACE: Duration = Duration::from_millis(1500);

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {addr}: {source}{hint}")]
    Bind { addr: String, source: std::io::Error, hint: &'static str },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot start a server thread: {0}")]
    Thread(std::io::Error),
}

/// What [`ServerHandle::seed`] did with the products it was given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seeded {
    pub added: usize,
    /// Codes the catalog held already.
    pub existing: usize,
    /// Not stored: the catalog was full, the store failed or was stopping.
    pub not_stored: usize,
}

/// A running server. Dropping it stops it.
pub struct ServerHandle {
    ctx: Arc<ServerContext>,
    local_addr: SocketAddr,
    started: Instant,
    started_wall: SystemTime,
    events: Option<Receiver<ServerEventRecord>>,
    accept_thread: Option<JoinHandle<Vec<JoinHandle<()>>>>,
}

/// Binds `config.listen` and starts serving.
pub fn start(config: ServerConfig) -> Result<ServerHandle, ServerError> {
    let listener = TcpListener::bind(&config.listen).map_err(|source| ServerError::Bind {
        hint: bind_hint(&source),
        addr: config.listen.clone(),
        source,
    })?;
    start_on(listener, config)
}

fn bind_hint(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::AddrInUse => {
            " (the port is in use: is another server running? pick another port)"
        }
        std::io::ErrorKind::PermissionDenied => {
            " (ports below 1024 need privileges: pick a port from 1024 to 65535)"
        }
        std::io::ErrorKind::AddrNotAvailable => " (this machine has no such address)",
        _ => "",
    }
}

/// Starts serving on an already bound listener (tests bind `127.0.0.1:0`).
pub fn start_on(listener: TcpListener, config: ServerConfig) -> Result<ServerHandle, ServerError> {
    let local_addr = listener.local_addr().map_err(ServerError::Thread)?;
    let (sink, events) = EventSink::new(config.event_capacity);
    let events_sink = Arc::new(sink);
    let registry = Arc::new(Registry::default());
    let progress = Arc::new(commits::Progress::default());
    let sink = commits::sink(registry.clone(), progress.clone()).map_err(ServerError::Thread)?;
    let store = Store::open(&config.db, config.sync, config.max_products, sink)?;
    let mode = config.mode;
    let controls = Arc::new(controls::Controls::new(config.controls, events_sink.clone()));
    let ctx = Arc::new(ServerContext {
        config,
        store,
        registry,
        events: events_sink,
        stopping: AtomicBool::new(false),
        connections: Default::default(),
        turns: turns::Turns::per_processor(),
        progress,
        controls,
    });
    let accept_ctx = ctx.clone();
    let accept_thread = std::thread::Builder::new()
        .name("accept-loop".into())
        .spawn(move || listener::accept_loop(&accept_ctx, &listener))
        .map_err(ServerError::Thread)?;
    tracing::info!("listening on {local_addr} ({mode})");
    ctx.events.emit(ServerEvent::Listening { addr: local_addr, mode });
    Ok(ServerHandle {
        ctx,
        local_addr,
        started: Instant::now(),
        started_wall: SystemTime::now(),
        events,
        accept_thread: Some(accept_thread),
    })
}

impl ServerHandle {
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    pub fn mode(&self) -> Mode {
        self.ctx.config.mode
    }

    pub fn config(&self) -> &ServerConfig {
        &self.ctx.config
    }

    pub fn uptime(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn started_at(&self) -> SystemTime {
        self.started_wall
    }

    /// The open sessions, by id.
    pub fn sessions(&self) -> Vec<SessionInfo> {
        self.ctx.registry.snapshot()
    }

    /// Number of products in the catalog.
    pub fn product_count(&self) -> usize {
        self.ctx.store.catalog().len()
    }

    /// The event stream (only when `event_capacity > 0`). Clones share one stream.
    pub fn events(&self) -> Option<Receiver<ServerEventRecord>> {
        self.events.clone()
    }

    /// The owner's controls: pause and step, slow motion, send in pieces.
    pub fn controls(&self) -> Arc<Controls> {
        self.ctx.controls.clone()
    }

    /// Drops session `id` as its owner: its socket is shut both ways at
    /// once, with no `goodbye` (the session ends with
    /// [`CloseReason::DroppedByOwner`]). Whether it was open.
    pub fn drop_session(&self, id: u64) -> bool {
        self.ctx.registry.drop_session(id)
    }

    /// Events dropped because the stream was full.
    pub fn dropped_events(&self) -> u64 {
        self.ctx.events.dropped()
    }

    /// Loads products into the catalog, skipping codes that exist (written
    /// in large groups, as writes submitted together are); says what
    /// became of them.
    pub fn seed(&self, products: Vec<crate::protocol::Product>) -> Seeded {
        let (done_tx, done_rx) = crossbeam_channel::unbounded();
        let mut seeded = Seeded::default();
        let mut submitted = 0;
        for product in products {
            let job =
                WriteJob { op: WriteOp::Add(product), origin: 0, token: Completion::Return(done_tx.clone()) };
            match self.ctx.store.submit(job) {
                Ok(()) => submitted += 1,
                Err(_) => seeded.not_stored += 1,
            }
        }
        for outcome in done_rx.iter().take(submitted) {
            match outcome {
                WriteOutcome::Added(_) => seeded.added += 1,
                WriteOutcome::Exists(_) => seeded.existing += 1,
                _ => seeded.not_stored += 1,
            }
        }
        seeded
    }

    /// Sends every session `goodbye`, joins every thread, closes the store.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let Some(accept_thread) = self.accept_thread.take() else { return };
        self.ctx.stopping.store(true, Ordering::SeqCst);
        self.ctx.registry.close_all(&CloseReason::ServerShutdown);
        // After the sessions know why they close: a held line let go now
        // ends its session with the shutdown's goodbye, not a write error.
        self.ctx.controls.stop();
        wake_accept_loop(self.local_addr);
        let deadline = Instant::now() + STOP_GRACE;
        while !self.ctx.registry.is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        self.ctx.registry.force_shutdown_all();
        let sessions = accept_thread.join().unwrap_or_default();
        // A session accepted just as the stop began is closed too.
        self.ctx.registry.close_all(&CloseReason::ServerShutdown);
        self.ctx.registry.force_shutdown_all();
        for session in sessions {
            let _ = session.join();
        }
        tracing::info!("server on {} stopped", self.local_addr);
        self.ctx.events.emit(ServerEvent::Stopped);
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// The accept loop blocks in `accept()`: a connection of our own wakes it.
fn wake_accept_loop(addr: SocketAddr) {
    let mut target = addr;
    if target.ip().is_unspecified() {
        target.set_ip(match addr {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    let _ = TcpStream::connect_timeout(&target, Duration::from_secs(1));
}
