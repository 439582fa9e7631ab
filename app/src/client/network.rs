//! One network thread per client window. It owns the window's [`Client`],
//! takes [`Command`]s from the window (each a [`Control`] or a [`Request`]),
//! and sends back [`NetEvent`]s, waking that window's viewport after each
//! one. It waits on the command channel,
//! the socket (through the client's background reader) and a reconnect timer
//! at once, so the UI never waits on the network.
//!
//! Every channel is bounded. Lines from the socket wait in the client's
//! reader channel, so a flooding server is slowed by TCP flow control. Events
//! for the window go on one channel of [`EVENT_CAPACITY`]: protocol steps
//! for the log are offered and, when it is full, dropped and counted (the
//! window says "N events not shown"); everything else (answers to the
//! user's requests, pages, notifications, connection states) waits for
//! room, so none is lost. Message text on its way to the window has a byte
//! budget ([`TEXT_IN_FLIGHT`]) shared by both channels. Reconnects after
//! lost or failed connections wait longer each time ([`retry_delay`]), and a
//! window that has sent nothing for [`KEEP_ALIVE`] pings, so a server's idle
//! timeout never takes it for a dead peer.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, SendTimeoutError, Sender, never, select};
use lojinha_server::client::{DropCount, Incoming, NotificationSink};
use lojinha_server::{Client, ClientError, ClientOptions, ConnectionEnd, Notification, Product};
use lojinha_teach::closing::ConnectFailure;

use super::catalog::{MAX_ROWS, within_rules};
use super::describe::{describe, describe_reason};
use crate::phrase::Phrase;
use crate::waker::Waker;
use lojinha_server::protocol::calls::{DeleteProduct, UpdateProduct};
use lojinha_server::protocol::product::MAX_CODE_LEN;

mod command;
mod event;
mod handshake;
mod import;
mod outcome;
mod steps;

pub use event::NetEvent;

pub use command::{Command, Control, RawSend, Request};
pub use outcome::{Outcome, RequestError};

/// Products asked for per `product.list` page.
pub const PAGE_SIZE: usize = 1000;
/// The longest line the app accepts from a server, unless told otherwise.
pub const DEFAULT_MAX_FRAME: usize = 4 * 1024 * 1024;
/// Commands waiting for the network thread (the window's clicks).
pub const COMMAND_CAPACITY: usize = 256;
/// Events waiting for the window to take them.
pub const EVENT_CAPACITY: usize = 1024;
/// Protocol steps the client may hold before the network thread forwards them.
pub const STEP_CAPACITY: usize = 4096;
/// Most bytes of message text on their way from a client to its window
/// (both channels together); steps past it are dropped and counted like
/// those that find a channel full, so a server sending huge lines cannot
/// fill them with hundreds of megabytes.
pub const TEXT_IN_FLIGHT: usize = 32 * 1024 * 1024;
/// The first reconnect waits this long; each further one twice as long …
const FIRST_RETRY: Duration = Duration::from_secs(1);
/// … up to this.
const MAX_RETRY: Duration = Duration::from_secs(30);
/// A connection that lasted this long was a good one: the next reconnect
/// starts again at [`FIRST_RETRY`].
pub const LASTING: Duration = Duration::from_secs(10);
/// A window that has sent nothing for this long pings (when the server has
/// `ping`), so a server's idle timeout (300 s by default) never takes a
/// window that only watches for a dead peer.
pub const KEEP_ALIVE: Duration = Duration::from_secs(60);

/// How long to wait before reconnect attempt number `failures` (1, 2, …)
/// of a run of failed or at once lost connections: 1 s, 2 s, 4 s, … 30 s.
pub fn retry_delay(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(16);
    FIRST_RETRY.saturating_mul(1 << doublings).min(MAX_RETRY)
}

/// The window's ends of its network thread's channels.
pub struct Link {
    pub commands: Sender<Command>,
    pub events: Receiver<NetEvent>,
    /// Events dropped on their way to the window (log steps, notifications).
    pub not_shown: DropCount,
}

/// Starts the thread; it ends when the command sender is dropped. Lines
/// longer than `max_frame` bytes end a connection.
pub fn spawn(window: u32, waker: Waker, max_frame: usize) -> std::io::Result<Link> {
    let (command_tx, command_rx) = crossbeam_channel::bounded(COMMAND_CAPACITY);
    let (event_tx, event_rx) = crossbeam_channel::bounded(EVENT_CAPACITY);
    let not_shown = DropCount::with_byte_budget(TEXT_IN_FLIGHT);
    let worker = Worker {
        commands: command_rx,
        deferred: VecDeque::new(),
        client: None,
        steps: None,
        ui: event_tx,
        waker,
        target: None,
        auto_reconnect: true,
        report_reads: false,
        retry: None,
        failures: 0,
        connected_since: None,
        max_frame,
        not_shown: not_shown.clone(),
    };
    std::thread::Builder::new().name(format!("net-window-{window}")).spawn(move || worker.run())?;
    Ok(Link { commands: command_tx, events: event_rx, not_shown })
}

struct Retry {
    at: Instant,
    attempt: u32,
}

struct Worker {
    commands: Receiver<Command>,
    /// Commands that arrived while a connection was being set up, run next.
    deferred: VecDeque<Command>,
    client: Option<Client>,
    /// The protocol steps of the current connection (each connection
    /// attempt has its own, so one given up on stays out of the log).
    steps: Option<steps::StepsOut>,
    ui: Sender<NetEvent>,
    waker: Waker,
    /// Where to (re)connect, with the name and token for `hello`; `None`
    /// after a deliberate disconnect.
    target: Option<(String, String, Option<String>)>,
    auto_reconnect: bool,
    report_reads: bool,
    retry: Option<Retry>,
    /// Connections failed or lost at once, in a row (sets the retry delay).
    failures: u32,
    /// When the current connection was set up.
    connected_since: Option<Instant>,
    max_frame: usize,
    /// Shared with the window and the client: what the window never got.
    not_shown: DropCount,
}

impl Worker {
    fn run(mut self) {
        loop {
            match self.deferred.pop_front() {
                Some(command) => self.handle(command),
                None => {
                    if !self.wait_and_handle() {
                        break;
                    }
                }
            }
            self.flush();
        }
        self.disconnect_quietly();
    }

    /// Waits for a command, a line or the reconnect timer and handles it;
    /// `false` when the window is gone.
    fn wait_and_handle(&mut self) -> bool {
        let incoming = self.client.as_ref().and_then(Client::incoming_channel).unwrap_or_else(never);
        let timer = self.retry.as_ref().map_or_else(never, |r| crossbeam_channel::at(r.at));
        let quiet = match self.client.as_ref() {
            Some(c) if c.server_has("ping") => {
                crossbeam_channel::after(KEEP_ALIVE.saturating_sub(c.quiet_for()))
            }
            _ => never(),
        };
        select! {
            recv(self.commands) -> command => match command {
                Ok(command) => self.handle(command),
                Err(_) => return false,
            },
            recv(incoming) -> item => self.on_incoming(item.ok()),
            recv(timer) -> _ => self.reconnect(),
            recv(quiet) -> _ => self.keep_alive(),
        }
        true
    }

    /// Pings a server that has heard nothing from this window for a while.
    fn keep_alive(&mut self) {
        let Some(client) = self.client.as_mut() else { return };
        if let Err(e) = client.keep_alive(KEEP_ALIVE)
            && e.is_disconnect()
        {
            self.lost(Phrase::of(e, describe));
        }
    }

    fn handle(&mut self, command: Command) {
        match command {
            Command::Control(control) => self.control(control),
            Command::Request(request) => self.request(request),
        }
    }

    fn control(&mut self, control: Control) {
        match control {
            Control::Connect { addr, name, token } => {
                self.disconnect_quietly();
                self.target = Some((addr, name, token));
                self.retry = None;
                self.failures = 0;
                self.connect(0);
            }
            Control::Disconnect => {
                self.target = None;
                self.retry = None;
                if self.client.is_some() {
                    self.disconnect_quietly();
                    let reason = Phrase::key("client-disconnected_by_you");
                    self.send(NetEvent::Disconnected { reason, retry_in: None });
                }
            }
            Control::Reload => self.load(),
            Control::Raw(raw) => self.send_raw(&raw),
            Control::SetReportReads(on) => {
                self.report_reads = on;
                if let Some(client) = &self.client {
                    client.set_report_reads(on);
                }
            }
            Control::Import(products) => self.import(products),
            Control::SetAutoReconnect(on) => {
                self.auto_reconnect = on;
                if !on {
                    self.retry = None;
                }
            }
        }
    }

    fn connect(&mut self, attempt: u32) {
        let Some((addr, name, token)) = self.target.clone() else { return };
        self.send(NetEvent::Connecting { addr: addr.clone(), attempt });
        let (log_tx, log_rx) = crossbeam_channel::bounded(STEP_CAPACITY);
        let (ui, waker, not_shown) = (self.ui.clone(), self.waker.clone(), self.not_shown.clone());
        match steps::StepsOut::start(log_rx, ui, waker, not_shown) {
            Ok(steps) => self.steps = Some(steps),
            Err(e) => {
                let retry_in = self.schedule_retry(attempt);
                let message = Phrase::of(ClientError::Io(e), describe);
                self.send(NetEvent::ConnectFailed { message, failure: ConnectFailure::Other, retry_in });
                return;
            }
        }
        let options = ClientOptions {
            background_reader: true,
            events: Some(log_tx),
            report_reads: self.report_reads,
            max_frame: self.max_frame,
            dropped: self.not_shown.clone(),
            notification_sink: Some(self.notification_sink(self.steps.clone())),
            ..Default::default()
        };
        let mut client = match self.open(&addr, options) {
            Ok(Some(client)) => client,
            // The user disconnected or connected elsewhere meanwhile: that command runs next.
            Ok(None) => return self.forget_attempt(addr),
            Err(e) => {
                let retry_in = self.schedule_retry(attempt);
                let failure = match e {
                    ClientError::NoServer { .. } => ConnectFailure::Refused,
                    ClientError::Resolve { .. } => ConnectFailure::NameLookup,
                    _ => ConnectFailure::Other,
                };
                let message = Phrase::of(e, describe);
                self.send(NetEvent::ConnectFailed { message, failure, retry_in });
                return;
            }
        };
        let peer = client.peer_addr().to_string();
        match self.handshake(&mut client, &name, token.as_deref()) {
            Ok(Some(hello)) => {
                self.client = Some(client);
                self.retry = None;
                self.connected_since = Some(Instant::now());
                self.send(NetEvent::Connected { peer, session: hello.session });
                self.load();
            }
            // The user disconnected or connected elsewhere meanwhile: that command runs next.
            Ok(None) => client.close(),
            Err(e) => {
                self.client = Some(client);
                self.lost(Phrase::of(e, describe));
            }
        }
    }

    /// Shows what a connection attempt given up on logged so far, and that
    /// it was given up; no more: its thread may still finish, but nothing it
    /// does reaches the log.
    fn forget_attempt(&mut self, addr: String) {
        self.flush();
        if let Some(steps) = self.steps.take() {
            steps.stop();
        }
        self.send(NetEvent::ConnectLeft { addr, at: Instant::now() });
    }

    /// Only reconnects that follow a lost connection (attempt > 0) retry on
    /// failure; each retry in a row waits longer ([`retry_delay`]).
    fn schedule_retry(&mut self, attempt: u32) -> Option<Duration> {
        if attempt == 0 || !self.auto_reconnect || self.target.is_none() {
            self.retry = None;
            return None;
        }
        self.failures = self.failures.saturating_add(1);
        let delay = retry_delay(self.failures);
        self.retry = Some(Retry { at: Instant::now() + delay, attempt: self.failures });
        Some(delay)
    }

    /// Whether the connection that just ended lasted (then retries start afresh).
    fn connection_lasted(&mut self) -> bool {
        self.connected_since.take().is_some_and(|since| since.elapsed() >= LASTING)
    }

    fn reconnect(&mut self) {
        let attempt = self.retry.take().map_or(1, |r| r.attempt);
        self.connect(attempt);
    }

    /// Loads the whole catalog page by page, sending each page as it comes.
    fn load(&mut self) {
        let mut after: Option<String> = None;
        let mut loaded = 0;
        loop {
            let Some(client) = self.client.as_mut() else { return };
            let page = match client.list(after.as_deref(), Some(PAGE_SIZE)) {
                Ok(page) => page,
                Err(e) if e.is_disconnect() => return self.lost(Phrase::of(e, describe)),
                Err(e) => return self.send(NetEvent::LoadFailed(Phrase::of(e, describe))),
            };
            loaded += page.products.len();
            let first = after.is_none();
            let total = page.total;
            let more = page.next.is_some() && loaded < MAX_ROWS;
            let (products, malformed): (Vec<Product>, Vec<Product>) =
                page.products.into_iter().partition(within_rules);
            if !malformed.is_empty() {
                self.send(NetEvent::Malformed(malformed.len()));
            }
            self.send(NetEvent::Page { products, loaded, total, first, more });
            match page.next {
                // A server that pages on and on is not followed past the table's size.
                Some(_) if loaded >= MAX_ROWS => {
                    return self.send(NetEvent::LoadStopped { loaded, total });
                }
                Some(next) => after = Some(next),
                None => return,
            }
        }
    }

    fn send_raw(&mut self, raw: &RawSend) {
        let Some(client) = self.client.as_mut() else {
            return self.send(NetEvent::RawFailed(Phrase::key("client-not_connected")));
        };
        let sent = if raw.whole() { client.send_raw(&raw.text) } else { self.send_pieces(raw) };
        if let Err(e) = sent {
            let disconnected = e.is_disconnect();
            let reason = Phrase::of(e, describe);
            self.send(NetEvent::RawFailed(reason.clone()));
            if disconnected {
                self.lost(reason);
            }
        }
    }

    /// Writes what the raw console sends piece by piece, each piece its own
    /// `write()` and its own step in the log, pausing between them without
    /// going deaf: a Disconnect or Connect meanwhile stops the rest.
    fn send_pieces(&mut self, raw: &RawSend) -> Result<(), ClientError> {
        let bytes = raw.bytes();
        let pieces = lojinha_server::protocol::pieces::cut(&bytes, raw.pieces);
        let of = pieces.len();
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 && !self.pause_between_pieces(raw.pause) {
                return Ok(());
            }
            let Some(client) = self.client.as_mut() else { return Ok(()) };
            client.send_piece(piece, i + 1, of)?;
            self.flush();
        }
        Ok(())
    }

    /// Waits `pause` between two pieces; commands that come meanwhile wait
    /// their turn, except one that leaves the connection: then `false`.
    fn pause_between_pieces(&mut self, pause: Duration) -> bool {
        let until = crossbeam_channel::at(Instant::now() + pause);
        loop {
            select! {
                recv(self.commands) -> command => match command {
                    Ok(Command::Control(leave @ (Control::Disconnect | Control::Connect { .. }))) => {
                        self.deferred.push_front(leave.into());
                        return false;
                    }
                    Ok(other) => self.deferred.push_back(other),
                    Err(_) => return false,
                },
                recv(until) -> _ => return true,
            }
        }
    }

    /// Handles lines that already arrived (answers to raw messages), so the
    /// next call reads its own answer and the log keeps them in order. Only
    /// those there now: a flooding server would otherwise keep this going.
    fn take_arrived(&mut self) {
        let Some(rx) = self.client.as_ref().and_then(Client::incoming_channel) else { return };
        for _ in 0..rx.len() {
            let Ok(item) = rx.try_recv() else { return };
            self.on_incoming(Some(item));
            if self.client.is_none() {
                return;
            }
        }
    }

    fn request(&mut self, request: Request) {
        self.take_arrived();
        let Some(client) = self.client.as_mut() else {
            return self.send(NetEvent::Outcome(request.failed(RequestError::not_connected())));
        };
        let (outcome, error) = run_request(client, request);
        self.send(NetEvent::Outcome(outcome));
        if let Some(reason) = error {
            self.lost(reason);
        }
    }

    fn on_incoming(&mut self, item: Option<Incoming>) {
        let Some(client) = self.client.as_mut() else { return };
        let item = item.unwrap_or(Incoming::End { reason: ConnectionEnd::ReaderStopped });
        if let Err(e) = client.handle_incoming(item) {
            let reason = match e {
                ClientError::Closed { reason } => Phrase::of(reason, describe_reason),
                other => Phrase::of(other, describe),
            };
            self.lost(reason);
        }
    }

    /// The connection ended without the user asking: say why, maybe retry.
    fn lost(&mut self, reason: Phrase) {
        if let Some(mut client) = self.client.take() {
            client.close();
        }
        if self.connection_lasted() {
            self.failures = 0;
        }
        let retry_in = if self.target.is_some() { self.schedule_retry(1) } else { None };
        self.send(NetEvent::Disconnected { reason, retry_in });
    }

    fn disconnect_quietly(&mut self) {
        if let Some(mut client) = self.client.take() {
            let _ = client.quit();
            client.close();
        }
    }

    /// Where the client hands each notification as it reads it: straight to
    /// the window (after the steps logged before it, its own line among
    /// them), waiting for room. Never dropped: while the window catches up,
    /// this thread stops reading and TCP slows the server down.
    fn notification_sink(&self, steps: Option<steps::StepsOut>) -> NotificationSink {
        let (ui, waker) = (self.ui.clone(), self.waker.clone());
        NotificationSink::new(move |notification| {
            let event = match notification {
                // Shown in the log as a step; the window has nothing else to do with it.
                Notification::Other { .. } => return,
                Notification::ProductAdded(p) | Notification::ProductUpdated(p) if !within_rules(&p) => {
                    NetEvent::Malformed(1)
                }
                Notification::ProductDeleted(code) if code.len() > MAX_CODE_LEN => NetEvent::Malformed(1),
                other => NetEvent::Notification(other),
            };
            if let Some(steps) = &steps {
                steps.take_all();
            }
            hand_over(&ui, &waker, event);
        })
    }

    /// Sends the pending log records, then `event`, in the order they
    /// happened. `event` waits for room: it is never dropped (the window
    /// takes a frame's worth of events each frame, so room comes).
    fn send(&self, event: NetEvent) {
        self.flush();
        hand_over(&self.ui, &self.waker, event);
    }

    /// Hands over the steps still queued (those the window has no room for
    /// are counted), so the log is never behind what is reported next.
    fn flush(&self) {
        if let Some(steps) = &self.steps {
            steps.take_all();
        }
    }
}

/// How often a thread waiting for room in the window's channel wakes the
/// window again.
const NUDGE: Duration = Duration::from_millis(100);

/// Gives `event` to the window, waiting for room, and wakes the window. While
/// it waits it wakes the window again every [`NUDGE`]: a window that missed a
/// wake-up (or was not drawn) still takes its events, so this thread can
/// never wait for good.
fn hand_over(ui: &Sender<NetEvent>, waker: &Waker, mut event: NetEvent) {
    waker.wake_soon();
    loop {
        match ui.send_timeout(event, NUDGE) {
            Ok(()) => break,
            Err(SendTimeoutError::Timeout(again)) => {
                waker.wake();
                event = again;
            }
            Err(SendTimeoutError::Disconnected(_)) => return,
        }
    }
    waker.wake_soon();
}

/// Runs one request; returns its outcome and, when the connection broke, why.
fn run_request(client: &mut Client, request: Request) -> (Outcome, Option<Phrase>) {
    let mut broken = None;
    let mut check = |e: ClientError| {
        let e = Arc::new(e);
        if e.is_disconnect() {
            broken = Some(Phrase::of(e.clone(), |e, lang| describe(e, lang)));
        }
        RequestError::from_client(e)
    };
    let outcome = match request {
        Request::Add(product) => Outcome::Added(client.add(&product).map_err(&mut check)),
        Request::Update(product) => {
            let expected_version = Some(product.version).filter(|&v| v > 0);
            Outcome::Updated(client.request(&UpdateProduct { product, expected_version }).map_err(&mut check))
        }
        Request::Delete(code, expected_version) => {
            let call = DeleteProduct { code: code.clone(), expected_version };
            let result = client.request(&call).map(|_| ()).map_err(&mut check);
            Outcome::Deleted { code, result }
        }
        Request::Get(code) => {
            let result = client.get(&code).map_err(&mut check);
            Outcome::Fetched { code, result }
        }
    };
    (outcome, broken)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reconnect delays double from 1 s and stop growing at 30 s.
    #[test]
    fn retry_delay_doubles_up_to_thirty_seconds() {
        let delays: Vec<u64> = (1..=8).map(|n| retry_delay(n).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(retry_delay(u32::MAX), MAX_RETRY);
    }
}
