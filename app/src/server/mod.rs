//! The in-process server: starting and stopping it off the UI thread, its
//! sessions, and its log fed by a forwarding thread that wakes the UI.
//!
//! The forwarding channel holds at most [`SERVER_EVENT_CAPACITY`] events;
//! when the panel falls behind, further events are dropped and counted
//! ("N events not shown"), and each frame applies at most a frame's budget.

pub mod addresses;
pub mod panel;
pub mod priority;
pub mod report_card;
pub mod start_error;
pub mod teacher;

use std::net::SocketAddr;

use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use lojinha_server::client::DropCount;
use lojinha_server::server::{ServerEventRecord, SessionInfo};
use lojinha_server::{DbLocation, Mode, Product, ServerConfig, ServerHandle};
use lojinha_teach::Diagram;

use self::addresses::StudentAddress;
use crate::describe_file::describe_io;
use crate::i18n::trf;
use crate::log::LogView;
use crate::phrase::Phrase;
use crate::settings::{CatalogChoice, Settings};

/// The idle timeouts the panel offers, in seconds: from a few seconds (to
/// watch a quiet client being dropped in class) to an hour.
pub const IDLE_TIMEOUT_SECS: std::ops::RangeInclusive<u64> = 2..=3600;

/// Server events waiting for the panel.
pub const SERVER_EVENT_CAPACITY: usize = 4096;
/// Most server events one frame applies …
pub const SERVER_EVENTS_PER_FRAME: usize = 5_000;
/// … in at most this long.
pub const SERVER_FRAME_BUDGET: Duration = Duration::from_millis(8);

/// What the app needs to start a server.
#[derive(Debug, Clone)]
pub struct StartRequest {
    pub listen: String,
    pub mode: Mode,
    pub db: DbLocation,
    /// Products to add when the catalog is empty (the sample catalog, or a big demo one).
    pub seed: Vec<Product>,
    /// Products to add even when the catalog is not empty (the lesson's big list).
    pub extra: Vec<Product>,
    /// Report every `read()` as an event ("show reads").
    pub report_reads: bool,
    /// Access token clients must send in `hello` (`None`: anyone may use the server).
    pub token: Option<String>,
    /// A connection silent this long is said goodbye and closed.
    pub idle_timeout: Duration,
}

impl StartRequest {
    /// The request the panel's settings describe.
    pub fn from_settings(settings: &Settings) -> StartRequest {
        StartRequest {
            listen: listen_address(&settings.listen, settings.allow_remote),
            mode: if settings.sequential { Mode::Sequential } else { Mode::Threaded },
            db: db_location(settings),
            seed: if settings.seed_sample { lojinha_server::sample::sample_products() } else { Vec::new() },
            extra: Vec::new(),
            report_reads: false,
            token: Some(settings.server_token.trim().to_owned()).filter(|t| !t.is_empty()),
            idle_timeout: Duration::from_secs(
                settings.idle_timeout_secs.clamp(*IDLE_TIMEOUT_SECS.start(), *IDLE_TIMEOUT_SECS.end()),
            ),
        }
    }
}

/// With "allow other computers" the port stays and the host becomes every
/// interface: every IPv4 one (`0.0.0.0`), or every IPv6 one (`[::]`) when
/// an IPv6 host (`[::1]:5090`) was typed.
pub fn listen_address(listen: &str, allow_remote: bool) -> String {
    let listen = listen.trim();
    if !allow_remote {
        return listen.to_owned();
    }
    let port = listen.rsplit_once(':').map_or(listen, |(_, port)| port);
    let every = if listen.starts_with('[') { "[::]" } else { "0.0.0.0" };
    format!("{every}:{port}")
}

/// The catalog the settings name: memory, the default file, a file, or a
/// PostgreSQL database shared with other servers (also when a `postgres://`
/// URL or `host=… dbname=…` is typed in the file field).
pub fn db_location(settings: &Settings) -> DbLocation {
    match settings.catalog() {
        CatalogChoice::Memory => DbLocation::Memory,
        CatalogChoice::Shared => DbLocation::Postgres(settings.postgres.trim().to_owned()),
        CatalogChoice::File => match settings.db_path.trim() {
            "" => lojinha_server::server::default_db_path().map_or(DbLocation::Memory, DbLocation::File),
            text => DbLocation::parse(text),
        },
    }
}

enum Phase {
    Stopped,
    Starting,
    Running(Box<ServerHandle>),
    Stopping,
}

enum Done {
    Started(Result<(ServerHandle, Vec<StudentAddress>), Phrase>),
    Stopped,
    Tested(DbTest),
}

/// What the "Test" button found out about a shared database.
pub struct DbTest {
    /// The connection string tested (a result is shown while it is still the one typed).
    pub conninfo: String,
    /// `None` while the test runs.
    pub outcome: Option<Result<lojinha_server::storage::Probe, Phrase>>,
}

pub struct ServerState {
    phase: Phase,
    pub error: Option<Phrase>,
    /// Every protocol step of every run since the panel opened: its log
    /// and its diagram draw it.
    pub steps: lojinha_teach::Steps,
    pub log_view: LogView,
    pub sessions: Vec<SessionInfo>,
    /// What students type to reach the running server from other
    /// computers (listed when it listens on every interface).
    pub student_addresses: Vec<StudentAddress>,
    /// The sequence diagram's view of `steps`.
    pub diagram: Diagram,
    done_tx: Sender<Done>,
    done_rx: Receiver<Done>,
    events_tx: Sender<ServerEventRecord>,
    events_rx: Receiver<ServerEventRecord>,
    /// Events dropped because the panel fell behind.
    pub not_shown: DropCount,
    /// The last test of a shared database.
    pub db_test: Option<DbTest>,
    /// Wakes the main window for server events (set when the server starts).
    waker: Option<crate::waker::Waker>,
}

impl Default for ServerState {
    fn default() -> Self {
        // A start, a stop and a database test can be under way at once, no more.
        let (done_tx, done_rx) = crossbeam_channel::bounded(4);
        let (events_tx, events_rx) = crossbeam_channel::bounded(SERVER_EVENT_CAPACITY);
        ServerState {
            phase: Phase::Stopped,
            error: None,
            steps: lojinha_teach::Steps::new(std::time::Instant::now()),
            log_view: LogView::new("server-log", true),
            sessions: Vec::new(),
            student_addresses: Vec::new(),
            diagram: Diagram::server(),
            done_tx,
            done_rx,
            events_tx,
            events_rx,
            not_shown: DropCount::with_byte_budget(crate::client::network::TEXT_IN_FLIGHT),
            db_test: None,
            waker: None,
        }
    }
}

impl ServerState {
    pub fn handle(&self) -> Option<&ServerHandle> {
        match &self.phase {
            Phase::Running(handle) => Some(handle),
            _ => None,
        }
    }

    pub fn busy(&self) -> bool {
        matches!(self.phase, Phase::Starting | Phase::Stopping)
    }

    pub fn starting(&self) -> bool {
        matches!(self.phase, Phase::Starting)
    }

    /// The address clients of this machine use to reach the server.
    pub fn connect_address(&self) -> Option<String> {
        let mut addr: SocketAddr = self.handle()?.local_addr();
        if addr.ip().is_unspecified() {
            addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
        }
        Some(addr.to_string())
    }

    /// Binds and opens the database on a thread; the result arrives in [`Self::poll`].
    pub fn start(&mut self, request: StartRequest, ctx: &egui::Context) {
        if !matches!(self.phase, Phase::Stopped) {
            return;
        }
        self.phase = Phase::Starting;
        self.error = None;
        let waker = crate::waker::Waker::new(ctx.clone(), egui::ViewportId::ROOT);
        self.waker = Some(waker.clone());
        let (done_tx, events_tx, ctx) = (self.done_tx.clone(), self.events_tx.clone(), ctx.clone());
        let not_shown = self.not_shown.clone();
        let spawned = std::thread::Builder::new().name("server-start".into()).spawn(move || {
            priority::lower_this_thread();
            let result = start_server(request, Forward { tx: events_tx, not_shown, waker });
            let _ = done_tx.send(Done::Started(result));
            ctx.request_repaint();
        });
        if let Err(e) = spawned {
            self.phase = Phase::Stopped;
            self.error = Some(Phrase::of(e, describe_io));
        }
    }

    /// Applies a teacher's control to the running server, if one runs.
    pub fn teach(&self, intent: teacher::TeacherIntent) {
        if let Some(handle) = self.handle() {
            teacher::apply(handle, intent);
        }
    }

    /// Empties the log and the diagram (their record of steps).
    pub fn clear_log(&mut self) {
        crate::log::clear(&mut self.steps, &self.not_shown);
    }

    /// Stops on a thread (goodbyes take up to two seconds).
    pub fn stop(&mut self, ctx: &egui::Context) {
        let Phase::Running(handle) = std::mem::replace(&mut self.phase, Phase::Stopping) else { return };
        let (done_tx, ctx) = (self.done_tx.clone(), ctx.clone());
        let spawned = std::thread::Builder::new().name("server-stop".into()).spawn(move || {
            handle.stop();
            let _ = done_tx.send(Done::Stopped);
            ctx.request_repaint();
        });
        if let Err(e) = spawned {
            self.error = Some(Phrase::of(e, describe_io));
        }
    }

    /// Asks a shared database whether the server could use it, on a thread
    /// (connecting may take seconds); the answer arrives in [`Self::poll`].
    pub fn test_database(&mut self, conninfo: String, ctx: &egui::Context) {
        if self.db_test.as_ref().is_some_and(|test| test.outcome.is_none()) {
            return;
        }
        self.db_test = Some(DbTest { conninfo: conninfo.clone(), outcome: None });
        let (done_tx, ctx) = (self.done_tx.clone(), ctx.clone());
        let spawned = std::thread::Builder::new().name("database-test".into()).spawn(move || {
            let outcome = lojinha_server::storage::probe_postgres(&conninfo)
                .map_err(|e| Phrase::of(e, start_error::describe_store_error));
            let _ = done_tx.send(Done::Tested(DbTest { conninfo, outcome: Some(outcome) }));
            ctx.request_repaint();
        });
        if let Err(e) = spawned {
            self.db_test = None;
            self.error = Some(Phrase::of(e, describe_io));
        }
    }

    /// Takes what the threads reported since the last frame.
    pub fn poll(&mut self) {
        while let Ok(done) = self.done_rx.try_recv() {
            match done {
                Done::Started(Ok((handle, addresses))) => {
                    self.phase = Phase::Running(Box::new(handle));
                    self.student_addresses = addresses;
                }
                Done::Started(Err(message)) => {
                    self.phase = Phase::Stopped;
                    self.error = Some(message);
                }
                Done::Stopped => {
                    self.phase = Phase::Stopped;
                    self.sessions.clear();
                    self.student_addresses.clear();
                }
                Done::Tested(test) => self.db_test = Some(test),
            }
        }
        self.take_events();
        if let Some(handle) = self.handle() {
            self.sessions = handle.sessions();
        }
    }
}

impl ServerState {
    /// Applies at most a frame's budget of server events; asks for another
    /// frame when more wait.
    fn take_events(&mut self) {
        if let Some(waker) = &self.waker {
            waker.taking();
        }
        let started = Instant::now();
        let mut applied = 0;
        while applied < SERVER_EVENTS_PER_FRAME && started.elapsed() < SERVER_FRAME_BUDGET {
            let Ok(record) = self.events_rx.try_recv() else { break };
            self.not_shown.taken(record.text_bytes());
            self.steps.record_server(&record);
            applied += 1;
        }
        if let (false, Some(waker)) = (self.events_rx.is_empty(), &self.waker) {
            waker.wake_soon();
        }
    }
}

/// Where the forwarding thread puts server events, and whom it wakes.
struct Forward {
    tx: Sender<ServerEventRecord>,
    not_shown: DropCount,
    waker: crate::waker::Waker,
}

/// Most products the in-app server keeps: far more than a class's catalog,
/// bounded so a student's loop of adds cannot grow the app without end
/// (the server and a client window showing it keep about 1 KB a product
/// between them); past it an add gets `-32603` "catalog full". `--fill N`
/// raises it to N. (The headless `lojinha-server` allows a million,
/// `--max-products`.)
pub const IN_APP_MAX_PRODUCTS: usize = 20_000;

/// Runs on the start thread: binds, seeds, starts forwarding events, and
/// lists the addresses students can type.
fn start_server(
    request: StartRequest,
    forward: Forward,
) -> Result<(ServerHandle, Vec<StudentAddress>), Phrase> {
    if let DbLocation::File(path) = &request.db
        && let Some(dir) = path.parent()
    {
        let dir = dir.display().to_string();
        std::fs::create_dir_all(&dir).map_err(|e| {
            Phrase::new(move |lang| {
                trf(lang, "server-err_db_dir", &[("path", &dir), ("error", &describe_io(&e, lang))])
            })
        })?;
    }
    let config = ServerConfig {
        listen: request.listen.clone(),
        db: request.db,
        mode: request.mode,
        event_capacity: 2_048,
        max_products: IN_APP_MAX_PRODUCTS.max(request.seed.len()),
        report_reads: request.report_reads,
        token: request.token.clone(),
        idle_timeout: request.idle_timeout,
        ..Default::default()
    };
    let handle =
        lojinha_server::start(config).map_err(|e| Phrase::of(e, start_error::describe_start_error))?;
    if let Some(events) = handle.events() {
        forward_events(events, forward).map_err(|e| Phrase::of(e, describe_io))?;
    }
    let mut not_stored = 0;
    if handle.product_count() == 0 && !request.seed.is_empty() {
        not_stored += handle.seed(request.seed).not_stored;
    }
    if !request.extra.is_empty() {
        not_stored += handle.seed(request.extra).not_stored;
    }
    if not_stored > 0 {
        tracing::warn!("{not_stored} products to load at start were not stored (see the errors above)");
    }
    let addresses = match addresses::machine_interfaces() {
        Ok(interfaces) => addresses::student_addresses(&interfaces, handle.local_addr()),
        Err(e) => {
            tracing::warn!("cannot list the network interfaces: {e}");
            Vec::new()
        }
    };
    Ok((handle, addresses))
}

/// The server's event channel cannot wake the UI by itself: this thread does.
/// It never waits for the panel: what finds the channel full is counted.
/// It ends when the server has stopped and dropped its side of the channel.
fn forward_events(events: Receiver<ServerEventRecord>, forward: Forward) -> std::io::Result<()> {
    std::thread::Builder::new().name("server-events".into()).spawn(move || {
        for record in events {
            let bytes = record.text_bytes();
            if !forward.not_shown.offer_sized(&forward.tx, record, bytes) {
                return;
            }
            forward.waker.wake_soon();
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Allow other computers" keeps the port and listens on every interface
    /// of the family typed.
    #[test]
    fn allow_remote_listens_everywhere_on_the_port() {
        assert_eq!(listen_address("127.0.0.1:5090", false), "127.0.0.1:5090");
        assert_eq!(listen_address(" 127.0.0.1:5090 ", true), "0.0.0.0:5090");
        assert_eq!(listen_address("[::1]:5090", true), "[::]:5090");
    }
}
