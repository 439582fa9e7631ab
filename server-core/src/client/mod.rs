//! A blocking client for the Lojinha protocol, used by the app's network
//! threads, the benchmark and the tests.
//!
//! [`Client::connect`] opens the connection; typed methods (`add`, `get`, …)
//! send one request and wait for its answer, built from the protocol's own
//! method types ([`crate::protocol::calls`], also callable through
//! [`Client::request`] and [`Client::send`]); [`Client::send_request`] and
//! [`Client::recv_reply`] pipeline. Server notifications go to the channel
//! from [`Client::notifications`]; every protocol step is reported as a
//! [`ClientEvent`] when an event sender is given.
//!
//! Nothing a server sends can make the client hold memory without end: a
//! line is at most [`ClientOptions::max_frame`] bytes, the background
//! reader's channel holds at most [`ClientOptions::incoming_capacity`]
//! lines (then the reader waits, and TCP slows the server), notifications
//! beyond [`ClientOptions::notification_capacity`] and protocol steps a full
//! event channel cannot take are dropped and counted in
//! [`ClientOptions::dropped`]. Answers to our own requests are never dropped.

mod dropped;
mod end;
mod error;
mod events;
mod incoming;
mod reply;

use std::collections::VecDeque;
use std::io::{self, Write};
use std::net::{Shutdown, SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

pub use dropped::DropCount;
pub use end::ConnectionEnd;
pub use error::ClientError;
pub use events::{ClientEvent, ClientEventRecord, RAW_KEPT, ReceivedKind, raw_prefix};
pub use incoming::Incoming;
pub use reply::{Notification, Reply, Response};

pub use crate::protocol::calls::HelloResult;
use crate::protocol::calls::{
    AddProduct, DeleteProduct, GetProduct, Hello, ListProducts, Method, Page, Ping, Quit, UpdateProduct,
    encode_call,
};
use crate::protocol::error::RpcError;
use crate::protocol::message::{Encoded, encode_request};
pub use crate::protocol::notices::{FEATURE_PING, FEATURE_VERSION, GoodbyeReason, Welcome};
use crate::protocol::product::Product;
use incoming::{ReadReports, Source};

/// Lines a background reader may hold before it stops reading.
pub const INCOMING_CAPACITY: usize = 32;
/// Notifications kept until taken; more are dropped and counted.
pub const NOTIFICATION_CAPACITY: usize = 1024;

#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub connect_timeout: Duration,
    /// How long a call waits for its answer; `None` waits forever.
    pub response_timeout: Option<Duration>,
    /// Where protocol steps are reported (for a connection log). They are
    /// offered, never waited for: when this channel is bounded and full, a
    /// step is dropped and counted in `dropped`.
    pub events: Option<Sender<ClientEventRecord>>,
    /// Read on a thread of its own, so [`Client::incoming_channel`] can be
    /// waited on together with other channels.
    pub background_reader: bool,
    /// Report every `read()` and its size.
    pub report_reads: bool,
    /// Largest line accepted from the server.
    pub max_frame: usize,
    /// Deliver server notifications on [`Client::notifications`]; when false
    /// they are read and dropped (the benchmark does not want them).
    pub keep_notifications: bool,
    /// Lines the background reader may hold before it waits (backpressure).
    pub incoming_capacity: usize,
    /// Notifications kept on [`Client::notifications`] until taken.
    pub notification_capacity: usize,
    /// Counts notifications and protocol steps dropped because their
    /// channel was full (share it to show "N not shown").
    pub dropped: DropCount,
    /// Hand each notification to this as it is read, instead of keeping it
    /// on [`Client::notifications`]. The sink may wait (for a user interface
    /// to make room): the client waits with it, stops reading, and TCP slows
    /// the server down, so nothing is dropped and nothing piles up.
    pub notification_sink: Option<NotificationSink>,
}

/// Where a client hands its notifications (see [`ClientOptions::notification_sink`]).
#[derive(Clone)]
pub struct NotificationSink(Arc<dyn Fn(Notification) + Send + Sync>);

impl NotificationSink {
    pub fn new(deliver: impl Fn(Notification) + Send + Sync + 'static) -> Self {
        NotificationSink(Arc::new(deliver))
    }
}

impl std::fmt::Debug for NotificationSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NotificationSink")
    }
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            connect_timeout: Duration::from_secs(5),
            response_timeout: Some(Duration::from_secs(30)),
            events: None,
            background_reader: false,
            report_reads: false,
            max_frame: 64 * 1024 * 1024,
            keep_notifications: true,
            incoming_capacity: INCOMING_CAPACITY,
            notification_capacity: NOTIFICATION_CAPACITY,
            dropped: DropCount::default(),
            notification_sink: None,
        }
    }
}

/// A request sent and not yet answered.
struct InFlight {
    id: Value,
    sent: Instant,
}

pub struct Client {
    stream: TcpStream,
    source: Source,
    peer: SocketAddr,
    next_id: u64,
    in_flight: VecDeque<InFlight>,
    notifications_tx: Sender<Notification>,
    notifications_rx: Receiver<Notification>,
    options: ClientOptions,
    welcome: Option<Welcome>,
    /// Whether each `read()` is reported ("show reads"), switched at any time.
    reads_on: Arc<AtomicBool>,
    goodbye: Option<GoodbyeReason>,
    /// When this client last wrote to the server.
    last_sent: Instant,
    closed: Option<ConnectionEnd>,
    /// A line sent in pieces whose newline has not gone yet.
    unended: Unended,
}

/// The start of a line sent in pieces (at most a little over what a log
/// keeps of a line) and its length so far.
#[derive(Default)]
struct Unended {
    start: Vec<u8>,
    bytes: usize,
}

impl Unended {
    fn extend(&mut self, part: &[u8]) {
        let room = (RAW_KEPT + 4).saturating_sub(self.start.len());
        self.start.extend_from_slice(&part[..room.min(part.len())]);
        self.bytes += part.len();
    }
}

impl Client {
    /// Connects to `addr` (`host:port`). Does not wait for `welcome`: it is
    /// delivered as a notification when the server sends it.
    pub fn connect(addr: &str, options: ClientOptions) -> Result<Client, ClientError> {
        let emit = |event| emit_to(&options.events, &options.dropped, event);
        emit(ClientEvent::Resolving { addr: addr.to_owned() });
        let stream = open_stream(addr, &options, emit)?;
        stream.set_nodelay(true)?;
        let peer = stream.peer_addr()?;
        emit(ClientEvent::Connected { local: stream.local_addr()?, peer });
        let reads_on = Arc::new(AtomicBool::new(options.report_reads));
        let reads = options.events.clone().map(|events| ReadReports {
            events,
            dropped: options.dropped.clone(),
            on: reads_on.clone(),
        });
        let reader_stream = stream.try_clone()?;
        let source = if options.background_reader {
            Source::background(reader_stream, options.max_frame, options.incoming_capacity, reads)?
        } else {
            Source::direct(reader_stream, options.max_frame, reads)
        };
        let (notifications_tx, notifications_rx) =
            crossbeam_channel::bounded(options.notification_capacity.max(1));
        Ok(Client {
            stream,
            source,
            peer,
            next_id: 1,
            in_flight: VecDeque::new(),
            notifications_tx,
            notifications_rx,
            options,
            welcome: None,
            reads_on,
            last_sent: Instant::now(),
            goodbye: None,
            closed: None,
            unended: Unended::default(),
        })
    }

    /// Reports each `read()` from now on, or stops ("show reads").
    pub fn set_report_reads(&self, on: bool) {
        self.reads_on.store(on, Ordering::Relaxed);
    }

    pub fn peer_addr(&self) -> SocketAddr {
        self.peer
    }

    /// The `welcome` the server sent, once it has been read.
    pub fn welcome(&self) -> Option<&Welcome> {
        self.welcome.as_ref()
    }

    /// Server notifications, in the order they arrived. At most
    /// [`ClientOptions::notification_capacity`] wait here; more are dropped
    /// and counted in [`Client::dropped`].
    pub fn notifications(&self) -> Receiver<Notification> {
        self.notifications_rx.clone()
    }

    /// Notifications and protocol steps dropped so far because their
    /// channel was full (shared with [`ClientOptions::dropped`]).
    pub fn dropped(&self) -> u64 {
        self.options.dropped.get()
    }

    /// Whether the connection has ended (and why).
    pub fn closed_reason(&self) -> Option<&ConnectionEnd> {
        self.closed.as_ref()
    }

    /// Reads until the server's `welcome` arrives.
    pub fn wait_welcome(&mut self, timeout: Duration) -> Result<Welcome, ClientError> {
        let deadline = Instant::now() + timeout;
        while self.welcome.is_none() {
            match self.next_incoming(Some(deadline))? {
                Some(Reply::Garbage(raw)) => return Err(ClientError::Protocol(raw)),
                Some(_) => return Err(ClientError::Protocol("a response before welcome".into())),
                None => {}
            }
        }
        Ok(self.welcome.clone().expect("welcome was just set"))
    }

    // ----- typed calls -------------------------------------------------

    pub fn hello(&mut self, client_name: &str) -> Result<HelloResult, ClientError> {
        self.hello_with_token(client_name, None)
    }

    pub fn hello_with_token(
        &mut self,
        client_name: &str,
        token: Option<&str>,
    ) -> Result<HelloResult, ClientError> {
        let id = self.send_hello(client_name, token)?;
        decode_result(self.reply_to(&id)?)
    }

    /// Sends `hello` without waiting; returns its id (for callers that wait
    /// on [`Client::incoming_channel`] together with other channels).
    pub fn send_hello(&mut self, client_name: &str, token: Option<&str>) -> Result<Value, ClientError> {
        self.send(&Hello { client: Some(client_name.to_owned()), token: token.map(str::to_owned) })
    }

    pub fn add(&mut self, product: &Product) -> Result<Product, ClientError> {
        self.request(&AddProduct { product: product.clone() })
    }

    pub fn get(&mut self, code: &str) -> Result<Product, ClientError> {
        self.request(&GetProduct { code: code.to_owned() })
    }

    pub fn list(&mut self, after: Option<&str>, limit: Option<usize>) -> Result<Page, ClientError> {
        self.request(&ListProducts { after: after.map(str::to_owned), limit })
    }

    /// Pages through the whole catalog; `progress(loaded, total)` after each page.
    pub fn list_all(
        &mut self,
        page_size: usize,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Vec<Product>, ClientError> {
        let mut products = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let page = self.list(after.as_deref(), Some(page_size))?;
            products.extend(page.products);
            progress(products.len(), page.total);
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(products),
            }
        }
    }

    pub fn update(&mut self, product: &Product) -> Result<Product, ClientError> {
        self.request(&UpdateProduct { product: product.clone(), expected_version: None })
    }

    pub fn delete(&mut self, code: &str) -> Result<String, ClientError> {
        let deleted = self.request(&DeleteProduct { code: code.to_owned(), expected_version: None })?;
        Ok(deleted.deleted)
    }

    /// Says goodbye: `quit`, then the server closes the connection.
    pub fn quit(&mut self) -> Result<(), ClientError> {
        self.request(&Quit).map(drop)
    }

    /// `ping` → `{"pong": true}` (protocol 1.1).
    pub fn ping(&mut self) -> Result<(), ClientError> {
        self.request(&Ping).map(drop)
    }

    /// Calls one method and waits for its typed result.
    pub fn request<M: Method>(&mut self, call: &M) -> Result<M::Output, ClientError> {
        let id = self.send(call)?;
        decode_result(self.reply_to(&id)?)
    }

    /// Sends one method call without waiting; returns its id.
    pub fn send<M: Method>(&mut self, call: &M) -> Result<Value, ClientError> {
        let id = self.take_id();
        let encoded = encode_call(&id, call);
        self.send_encoded(id, M::NAME, encoded)
    }

    /// Whether the server's `welcome` names this protocol 1.1 feature.
    pub fn server_has(&self, feature: &str) -> bool {
        self.welcome.as_ref().is_some_and(|w| w.features.iter().any(|f| f == feature))
    }

    /// How long since this client last sent anything.
    pub fn quiet_for(&self) -> Duration {
        self.last_sent.elapsed()
    }

    /// Keeps a session that only listens alive: when nothing was sent for
    /// `quiet` and the server has `ping` (its `welcome` says so), sends one
    /// and waits for the answer. Returns whether it pinged. A server's idle
    /// timeout counts from the last byte it received, so a window that only
    /// watches is never taken for a dead peer.
    pub fn keep_alive(&mut self, quiet: Duration) -> Result<bool, ClientError> {
        if !self.server_has(FEATURE_PING) || self.quiet_for() < quiet {
            return Ok(false);
        }
        self.ping()?;
        Ok(true)
    }

    // ----- generic calls and pipelining ---------------------------------

    /// Sends a request of any method and waits for its result, untyped.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, ClientError> {
        let id = self.send_request(method, params)?;
        self.reply_to(&id)
    }

    /// Waits for the answer to request `id` (the next reply must be it).
    fn reply_to(&mut self, id: &Value) -> Result<Value, ClientError> {
        match self.recv_reply()? {
            Reply::Single(response) if response.id == *id => response.result.map_err(ClientError::Rpc),
            other => Err(ClientError::Protocol(format!("expected the answer to {id}, got {other:?}"))),
        }
    }

    /// Sends a request of any method, with any params, without waiting (the
    /// raw console and tests); returns its id. `Value::Null` params are sent as `[]`.
    pub fn send_request(&mut self, method: &str, params: Value) -> Result<Value, ClientError> {
        let id = self.take_id();
        let encoded = if params.is_null() {
            encode_request(&id, method, &json!([]))
        } else {
            encode_request(&id, method, &params)
        };
        self.send_encoded(id, method, encoded)
    }

    fn take_id(&mut self) -> Value {
        let id = json!(self.next_id);
        self.next_id += 1;
        id
    }

    /// Writes one encoded request and remembers it until it is answered.
    fn send_encoded(&mut self, id: Value, method: &str, encoded: Encoded) -> Result<Value, ClientError> {
        let mut line = encoded.0;
        line.push(b'\n');
        // Timed before the write: a background reader may see the answer
        // before `write_line` returns.
        self.in_flight.push_back(InFlight { id: id.clone(), sent: Instant::now() });
        if let Err(e) = self.write_line(&line, Some(id.clone()), Some(method.to_owned())) {
            self.in_flight.pop_back();
            return Err(e);
        }
        Ok(id)
    }

    /// Sends a batch of calls in one message; returns the ids in order.
    pub fn send_batch(&mut self, calls: &[(&str, Value)]) -> Result<Vec<Value>, ClientError> {
        let mut ids = Vec::new();
        let mut parts = Vec::new();
        for (method, params) in calls {
            let id = self.take_id();
            parts.push(json!({"jsonrpc":"2.0","id":id,"method":method,"params":params}));
            ids.push(id);
        }
        let mut line = serde_json::to_vec(&parts).expect("a batch serializes");
        line.push(b'\n');
        let now = Instant::now();
        for id in &ids {
            self.in_flight.push_back(InFlight { id: id.clone(), sent: now });
        }
        if let Err(e) = self.write_line(&line, None, None) {
            self.in_flight.truncate(self.in_flight.len() - ids.len());
            return Err(e);
        }
        Ok(ids)
    }

    /// Sends `text` exactly as given, plus a newline if it has none (the raw console).
    pub fn send_raw(&mut self, text: &str) -> Result<(), ClientError> {
        let mut line = text.as_bytes().to_vec();
        if !line.ends_with(b"\n") {
            line.push(b'\n');
        }
        self.write_line(&line, None, None)
    }

    /// Writes `piece` in one `write()`, as piece `n` of `of` of what the raw
    /// console sends on purpose in pieces (a piece without the newline makes
    /// the server wait for the rest). Each piece is reported as
    /// [`ClientEvent::Piece`]; when a piece ends a line, the whole line (what
    /// the earlier pieces sent of it included) is reported as `Sent` before
    /// the write, so its answer pairs with it.
    pub fn send_piece(&mut self, piece: &[u8], n: usize, of: usize) -> Result<(), ClientError> {
        if let Some(reason) = &self.closed {
            return Err(ClientError::Closed { reason: reason.clone() });
        }
        self.emit_with(|| ClientEvent::Piece { n, of, bytes: piece.len() });
        for part in piece.split_inclusive(|&b| b == b'\n') {
            self.unended.extend(part);
            if part.ends_with(b"\n") {
                let line = std::mem::take(&mut self.unended);
                let text = line.start.strip_suffix(b"\n").unwrap_or(&line.start);
                let raw = raw_prefix(text);
                self.emit_with(|| ClientEvent::Sent { raw, bytes: line.bytes, id: None, method: None });
            }
        }
        self.write_bytes(piece)
    }

    /// Waits for the next response or batch of responses, handling any
    /// notifications that arrive first.
    pub fn recv_reply(&mut self) -> Result<Reply, ClientError> {
        let deadline = self.options.response_timeout.map(|t| Instant::now() + t);
        loop {
            if let Some(reply) = self.next_incoming(deadline)? {
                return Ok(reply);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Err(ClientError::Timeout);
            }
        }
    }

    /// Sends all calls back to back, then reads all answers (pipelining).
    pub fn pipeline(&mut self, calls: &[(&str, Value)]) -> Result<Vec<Result<Value, RpcError>>, ClientError> {
        for (method, params) in calls {
            self.send_request(method, params.clone())?;
        }
        let mut results = Vec::with_capacity(calls.len());
        for _ in calls {
            match self.recv_reply()? {
                Reply::Single(response) => results.push(response.result),
                other => return Err(ClientError::Protocol(format!("{other:?}"))),
            }
        }
        Ok(results)
    }

    // ----- background reading (GUI network threads) ----------------------

    /// With `background_reader`, the channel of incoming lines: wait on it
    /// with `select!` and pass what arrives to [`Client::handle_incoming`].
    pub fn incoming_channel(&self) -> Option<Receiver<Incoming>> {
        self.source.channel().cloned()
    }

    /// Handles one incoming item taken from [`Client::incoming_channel`]:
    /// notifications are delivered; a reply is returned.
    pub fn handle_incoming(&mut self, incoming: Incoming) -> Result<Option<Reply>, ClientError> {
        match incoming {
            Incoming::Line { bytes, at } => Ok(self.classify(&bytes, at)),
            Incoming::End { reason } => Err(self.mark_closed(reason)),
        }
    }

    /// Closes the connection without `quit`.
    pub fn close(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Both);
        self.source.join();
        if self.closed.is_none() {
            self.mark_closed(ConnectionEnd::ByThisClient);
        }
    }

    // ----- internals --------------------------------------------------------

    fn write_line(
        &mut self,
        line: &[u8],
        id: Option<Value>,
        method: Option<String>,
    ) -> Result<(), ClientError> {
        if let Some(reason) = &self.closed {
            return Err(ClientError::Closed { reason: reason.clone() });
        }
        // Reported before the write: the answer's read() (with "show reads",
        // on the reader thread) can come before write_all returns, and a read
        // must never be recorded before the request that caused it.
        self.emit_with(|| ClientEvent::Sent {
            raw: raw_prefix(line.strip_suffix(b"\n").unwrap_or(line)),
            bytes: line.len(),
            id,
            method,
        });
        // Whatever the raw console left unended is now part of this line.
        self.unended = Unended::default();
        self.write_bytes(line)
    }

    fn write_bytes(&mut self, line: &[u8]) -> Result<(), ClientError> {
        if let Err(e) = self.stream.write_all(line) {
            // The server may have said why it closed (a goodbye) before the
            // write failed: read what is left so the reason is not lost.
            self.read_remaining(Duration::from_millis(200));
            return Err(self.mark_closed(ConnectionEnd::send_failed(&e)));
        }
        self.last_sent = Instant::now();
        Ok(())
    }

    /// Handles whatever the server already sent, until the end of the
    /// stream or `patience` passes (after a failed write).
    fn read_remaining(&mut self, patience: Duration) {
        let deadline = Instant::now() + patience;
        while let Ok(Some(incoming)) = self.source.next(Some(deadline)) {
            if let Incoming::Line { bytes, at } = incoming {
                self.classify(&bytes, at);
            } else {
                return;
            }
        }
    }

    /// Reads one item; returns a reply, or `None` after a notification or a timeout.
    fn next_incoming(&mut self, deadline: Option<Instant>) -> Result<Option<Reply>, ClientError> {
        if let Some(reason) = &self.closed {
            return Err(ClientError::Closed { reason: reason.clone() });
        }
        match self.source.next(deadline) {
            Ok(Some(incoming)) => self.handle_incoming(incoming),
            Ok(None) => Err(ClientError::Timeout),
            Err(e) => Err(self.mark_closed(ConnectionEnd::read_failed(&e))),
        }
    }

    fn classify(&mut self, bytes: &[u8], at: Instant) -> Option<Reply> {
        let parsed = reply::parse_line(bytes);
        let (kind, id, method) = parsed.describe();
        let rtt = id.as_ref().and_then(|id| self.settle(id, at));
        let rtt = rtt.or_else(|| self.settle_batch(&parsed, at));
        self.emit_with(|| ClientEvent::Received {
            raw: raw_prefix(bytes),
            bytes: bytes.len() + 1,
            kind,
            id: id.clone(),
            method: method.clone(),
            rtt,
        });
        match parsed {
            reply::Parsed::Notification(notification) => {
                self.deliver(notification);
                None
            }
            reply::Parsed::Reply(reply) => Some(reply),
        }
    }

    /// Forgets an answered request; returns its round-trip time.
    fn settle(&mut self, id: &Value, at: Instant) -> Option<Duration> {
        let position = self.in_flight.iter().position(|f| &f.id == id)?;
        let request = self.in_flight.remove(position)?;
        Some(at.saturating_duration_since(request.sent))
    }

    fn settle_batch(&mut self, parsed: &reply::Parsed, at: Instant) -> Option<Duration> {
        let reply::Parsed::Reply(Reply::Batch(responses)) = parsed else { return None };
        responses.iter().filter_map(|r| self.settle(&r.id, at)).max()
    }

    fn deliver(&mut self, notification: Notification) {
        match &notification {
            Notification::Welcome(welcome) => self.welcome = Some(welcome.clone()),
            Notification::Goodbye { reason } => self.goodbye = Some(reason.clone()),
            _ => {}
        }
        if !self.options.keep_notifications {
            return;
        }
        match &self.options.notification_sink {
            Some(sink) => (sink.0)(notification),
            None => {
                self.options.dropped.offer(&self.notifications_tx, notification);
            }
        }
    }

    fn mark_closed(&mut self, reason: ConnectionEnd) -> ClientError {
        let reason = match (&self.closed, &self.goodbye) {
            (Some(first), _) => first.clone(),
            (None, Some(goodbye)) => ConnectionEnd::Goodbye(goodbye.clone()),
            (None, None) => reason,
        };
        if self.closed.is_none() {
            self.closed = Some(reason.clone());
            self.emit_with(|| ClientEvent::Closed { reason: reason.clone() });
        }
        ClientError::Closed { reason }
    }

    fn emit_with(&self, build: impl FnOnce() -> ClientEvent) {
        if self.options.events.is_some() {
            emit_to(&self.options.events, &self.options.dropped, build());
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Both);
        self.source.join();
    }
}

/// A call's `result` as the type it should be.
pub fn decode_result<T: DeserializeOwned>(result: Value) -> Result<T, ClientError> {
    reply::decode(result)
}

/// Offers a step to the event channel; a full one drops and counts it.
fn emit_to(events: &Option<Sender<ClientEventRecord>>, dropped: &DropCount, event: ClientEvent) {
    if let Some(tx) = events {
        let record = ClientEventRecord::now(event);
        let bytes = record.text_bytes();
        dropped.offer_sized(tx, record, bytes);
    }
}

/// Resolves and connects, trying each address; a refusal everywhere means no server.
fn open_stream(
    addr: &str,
    options: &ClientOptions,
    emit: impl Fn(ClientEvent),
) -> Result<TcpStream, ClientError> {
    let addrs: Vec<SocketAddr> = addr
        .to_socket_addrs()
        .map_err(|e| ClientError::Resolve { addr: addr.to_owned(), kind: e.kind(), detail: e.to_string() })?
        .collect();
    let mut last_error = None;
    for target in &addrs {
        emit(ClientEvent::Connecting { addr: *target });
        match TcpStream::connect_timeout(target, options.connect_timeout) {
            Ok(stream) => return Ok(stream),
            Err(e) => last_error = Some(e),
        }
    }
    let addr = addr.to_owned();
    Err(match last_error {
        Some(e) if e.kind() == io::ErrorKind::ConnectionRefused => ClientError::NoServer { addr },
        Some(source) => ClientError::Connect { addr, source },
        None => {
            ClientError::Resolve { addr, kind: io::ErrorKind::NotFound, detail: "no address found".into() }
        }
    })
}
