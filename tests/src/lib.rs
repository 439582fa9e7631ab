//! Shared helpers for the end-to-end tests: a server on `127.0.0.1:0` over a
//! real SQLite file in a temp dir, a raw line-based connection that sends
//! exact bytes and reads lines with a timeout, a typed [`Client`] factory, and
//! the real `lojinha-server` binary as a child process.
//!
//! Every wait here is bounded (read timeouts, channel timeouts), so a server
//! that hangs fails a test instead of hanging the suite.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use lojinha_server::server::{ServerEvent, ServerEventRecord};
use lojinha_server::{Client, ClientOptions, DbLocation, ServerConfig, ServerHandle, start_on};
use serde_json::{Value, json};
use tempfile::TempDir;

/// How long any single wait in a test may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(10);

/// The server name announced in `welcome` and `hello`.
pub const SERVER_NAME: &str = "lojinha/0.1.0";

// ----- products -------------------------------------------------------------

/// A valid product as JSON.
pub fn product(code: &str, name: &str, price_cents: i64, quantity: i64) -> Value {
    json!({"code": code, "name": name, "price_cents": price_cents, "quantity": quantity})
}

/// `product` as the server returns it, with its version (protocol 1.1:
/// 1 when added, +1 with every update).
pub fn at_version(mut product: Value, version: i64) -> Value {
    product["version"] = json!(version);
    product
}

/// A product as the server returns it right after adding it.
pub fn added(code: &str, name: &str, price_cents: i64, quantity: i64) -> Value {
    at_version(product(code, name, price_cents, quantity), 1)
}

/// A valid product as the library type.
pub fn typed_product(code: &str, name: &str, price_cents: i64, quantity: i64) -> lojinha_server::Product {
    lojinha_server::Product { code: code.into(), name: name.into(), price_cents, quantity, version: 0 }
}

/// [`typed_product`] as the server returns it, at `version`.
pub fn typed_stored(
    code: &str,
    name: &str,
    price_cents: i64,
    quantity: i64,
    version: i64,
) -> lojinha_server::Product {
    lojinha_server::Product { version, ..typed_product(code, name, price_cents, quantity) }
}

/// A request object (`id` given) as JSON.
pub fn request(id: impl Into<Value>, method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id.into(), "method": method, "params": params})
}

/// A notification object (no `id`) as JSON.
pub fn notification(method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "method": method, "params": params})
}

/// The success response the server must send.
pub fn success(id: impl Into<Value>, result: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id.into(), "result": result})
}

// ----- an in-process server -------------------------------------------------

/// A server started in this process on `127.0.0.1:0` over a SQLite file in
/// its own temp dir. It can be stopped and started again on the same file.
pub struct TestServer {
    handle: Option<ServerHandle>,
    config: ServerConfig,
    dir: TempDir,
}

impl TestServer {
    /// A server with default settings (threaded, welcome on, no token).
    pub fn start() -> TestServer {
        TestServer::start_with(|_| {})
    }

    /// A server whose config `adjust` changes first (`listen` and `db` are set here).
    pub fn start_with(adjust: impl FnOnce(&mut ServerConfig)) -> TestServer {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut config = ServerConfig {
            listen: "127.0.0.1:0".into(),
            db: DbLocation::File(dir.path().join("catalog.db")),
            ..ServerConfig::default()
        };
        adjust(&mut config);
        let handle = start_on(bind_loopback(), config.clone()).expect("the server starts");
        TestServer { handle: Some(handle), config, dir }
    }

    pub fn handle(&self) -> &ServerHandle {
        self.handle.as_ref().expect("the server is running")
    }

    pub fn addr(&self) -> SocketAddr {
        self.handle().local_addr()
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("catalog.db")
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
        let handle = start_on(bind_loopback(), self.config.clone()).expect("the server starts again");
        self.handle = Some(handle);
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
        wait_until(|| self.handle().sessions().len() == count, "the session count to settle");
    }
}

/// Connects a [`Client`] with a bounded response timeout.
pub fn client_options_connect(addr: SocketAddr) -> Client {
    let options = ClientOptions { response_timeout: Some(WAIT), ..ClientOptions::default() };
    Client::connect(&addr.to_string(), options).expect("the client connects")
}

/// A listener on a free loopback port.
pub fn bind_loopback() -> TcpListener {
    TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0")
}

/// Polls `condition` until it holds, for state that has no event to wait on
/// (such as the session registry); fails the test after [`WAIT`].
pub fn wait_until(mut condition: impl FnMut() -> bool, what: &str) {
    let deadline = Instant::now() + WAIT;
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

// ----- the event stream -----------------------------------------------------

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
            let left = deadline.saturating_duration_since(Instant::now());
            match self.0.recv_timeout(left) {
                Ok(record) if matches(&record.event) => return record.event,
                Ok(_) => {}
                Err(_) => panic!("no event {what} within {WAIT:?}"),
            }
        }
    }
}

// ----- a raw line connection ------------------------------------------------

/// What a raw read ended with.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadOutcome {
    /// One line, without its `\n`.
    Line(Vec<u8>),
    /// The server closed the connection (EOF or reset).
    Closed,
    /// Nothing arrived before the timeout.
    Silent,
}

/// A raw TCP connection to the server: exact bytes out, lines in.
pub struct Conn {
    stream: TcpStream,
    reader: BufReader<TcpStream>,
}

impl Conn {
    pub fn connect(addr: SocketAddr) -> Conn {
        let stream = TcpStream::connect_timeout(&addr, WAIT).expect("connect to the server");
        stream.set_read_timeout(Some(WAIT)).expect("set a read timeout");
        stream.set_write_timeout(Some(WAIT)).expect("set a write timeout");
        let reader = BufReader::new(stream.try_clone().expect("clone the stream"));
        Conn { stream, reader }
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.stream.local_addr().expect("a local address")
    }

    /// Sends exactly these bytes.
    pub fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).expect("send to the server");
    }

    /// Sends `text` and a `\n`.
    pub fn send_line(&mut self, text: &str) {
        let mut bytes = text.as_bytes().to_vec();
        bytes.push(b'\n');
        self.send(&bytes);
    }

    /// Sends one JSON value, compact, and a `\n`.
    pub fn send_json(&mut self, value: &Value) {
        self.send_line(&value.to_string());
    }

    /// Reads one line, waiting at most `timeout`.
    pub fn read_within(&mut self, timeout: Duration) -> ReadOutcome {
        self.stream.set_read_timeout(Some(timeout)).expect("set a read timeout");
        let mut line = Vec::new();
        let outcome = match self.reader.read_until(b'\n', &mut line) {
            Ok(0) => ReadOutcome::Closed,
            Ok(_) if line.ends_with(b"\n") => {
                line.pop();
                ReadOutcome::Line(line)
            }
            Ok(_) => panic!("the connection ended inside a line: {:?}", String::from_utf8_lossy(&line)),
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                assert!(line.is_empty(), "a line was cut short: {:?}", String::from_utf8_lossy(&line));
                ReadOutcome::Silent
            }
            Err(e) if is_reset(&e) => ReadOutcome::Closed,
            Err(e) => panic!("reading from the server failed: {e}"),
        };
        self.stream.set_read_timeout(Some(WAIT)).expect("set a read timeout");
        outcome
    }

    /// The next line as raw bytes; fails the test on close or timeout.
    pub fn recv_raw(&mut self) -> Vec<u8> {
        match self.read_within(WAIT) {
            ReadOutcome::Line(line) => line,
            other => panic!("expected a line from the server, got {other:?}"),
        }
    }

    /// The next line, parsed as JSON; checks it is compact (one line, no `\r`).
    pub fn recv(&mut self) -> Value {
        let line = self.recv_raw();
        assert!(!line.ends_with(b"\r"), "the server ends lines with \\n only");
        serde_json::from_slice(&line).unwrap_or_else(|e| {
            panic!("the server sent invalid JSON ({e}): {}", String::from_utf8_lossy(&line))
        })
    }

    /// Sends a request and returns the next line.
    pub fn call(&mut self, id: impl Into<Value>, method: &str, params: Value) -> Value {
        self.send_json(&request(id, method, params));
        self.recv()
    }

    /// Sends a request and returns its `result`; fails the test on an error response.
    pub fn call_ok(&mut self, id: impl Into<Value>, method: &str, params: Value) -> Value {
        let id = id.into();
        let response = self.call(id.clone(), method, params);
        assert_eq!(response["id"], id, "the response echoes the id: {response}");
        match response.get("result") {
            Some(result) => result.clone(),
            None => panic!("{method} failed: {response}"),
        }
    }

    /// Reads the `welcome`, checks its shape, returns the session number.
    pub fn expect_welcome(&mut self) -> u64 {
        let welcome = self.recv();
        let session = welcome["params"]["session"].as_u64().unwrap_or_else(|| panic!("welcome: {welcome}"));
        let expected = json!({"jsonrpc": "2.0", "method": "welcome",
            "params": {"server": SERVER_NAME, "protocol": 1, "session": session, "features": ["ping", "version"]}});
        assert_eq!(welcome, expected);
        session
    }

    /// Reads a `goodbye` with this reason, then the end of the connection.
    pub fn expect_goodbye_and_close(&mut self, reason: &str) {
        let goodbye = self.recv();
        assert_eq!(goodbye, json!({"jsonrpc": "2.0", "method": "goodbye", "params": {"reason": reason}}));
        self.expect_closed();
    }

    /// Asserts the server closes the connection with nothing more sent.
    pub fn expect_closed(&mut self) {
        match self.read_within(WAIT) {
            ReadOutcome::Closed => {}
            other => panic!("expected the server to close the connection, got {other:?}"),
        }
    }

    /// Asserts nothing arrives for a short while (for things that must not
    /// happen yet, where no later event can prove it).
    pub fn expect_silence(&mut self, window: Duration) {
        match self.read_within(window) {
            ReadOutcome::Silent => {}
            ReadOutcome::Line(line) => {
                panic!("expected silence, got a line: {}", String::from_utf8_lossy(&line))
            }
            ReadOutcome::Closed => panic!("expected silence, but the connection closed"),
        }
    }

    /// Proves nothing else is queued for us: a harmless round trip whose
    /// response must be the very next line (the server answers in order).
    pub fn ping(&mut self) {
        let id = "ping";
        let response = self.call(id, "product.get", json!({"code": "ping-probe"}));
        assert_eq!(response["id"], json!(id), "the next line answers the ping, not {response}");
    }

    /// Closes our sending side: the server reads EOF, we can still read.
    pub fn finish_sending(&self) {
        self.stream.shutdown(std::net::Shutdown::Write).expect("shut down the sending side");
    }

    /// Reads everything until the connection ends (for tests that expect no more lines).
    pub fn drain_to_end(&mut self) -> Vec<u8> {
        let mut rest = Vec::new();
        match self.reader.read_to_end(&mut rest) {
            Ok(_) => rest,
            Err(e) if is_reset(&e) => rest,
            Err(e) => panic!("reading to the end failed: {e}"),
        }
    }
}

fn is_reset(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted)
}

/// The error object of an error response, checked for shape and id.
pub fn error_of(response: &Value, id: &Value) -> Value {
    assert_eq!(response["jsonrpc"], json!("2.0"), "{response}");
    assert_eq!(&response["id"], id, "the error echoes the id: {response}");
    assert!(response.get("result").is_none(), "an error response has no result: {response}");
    let error = response.get("error").unwrap_or_else(|| panic!("expected an error: {response}"));
    assert!(error["message"].is_string(), "an error has a message: {response}");
    error.clone()
}

/// The error code of an error response with this id.
pub fn error_code(response: &Value, id: &Value) -> i64 {
    error_of(response, id)["code"].as_i64().expect("an integer code")
}

// ----- the real binary ------------------------------------------------------

/// The `lojinha-server` binary, built once per test process.
///
/// Test binaries live in `<target>/<profile>/deps/`; the server binary goes
/// in `<target>/<profile>/`. It is (re)built there with `cargo build`, which
/// does nothing when it is fresh, so a clean clone and `cargo test
/// --workspace` both work and a stale binary is never tested.
pub fn server_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(build_server_binary)
}

fn build_server_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    let profile_dir = exe.parent().and_then(Path::parent).expect("<target>/<profile>/deps/<test>");
    let target_dir = profile_dir.parent().expect("<target>/<profile>");
    let binary = profile_dir.join(format!("lojinha-server{}", std::env::consts::EXE_SUFFIX));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root");
    let mut build = Command::new(cargo);
    build
        .current_dir(workspace)
        .args(["build", "--quiet", "-p", "lojinha-server", "--bin", "lojinha-server", "--target-dir"])
        .arg(target_dir);
    match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => {}
        Some("release") => {
            build.arg("--release");
        }
        Some(profile) => {
            build.args(["--profile", profile]);
        }
    }
    let status = build.status().expect("run cargo build for lojinha-server");
    assert!(status.success(), "building lojinha-server failed: {status}");
    assert!(binary.exists(), "no binary at {} after cargo build", binary.display());
    binary
}

/// The real server binary running as a child process.
pub struct ServerProcess {
    child: Child,
    addr: SocketAddr,
    stdout: Receiver<String>,
}

impl ServerProcess {
    /// Starts `lojinha-server --listen 127.0.0.1:0 --db <db> <extra>` and
    /// waits for its `listening on <addr>` line.
    pub fn spawn(db: &Path, extra: &[&str]) -> ServerProcess {
        let log = db.with_extension("log");
        let stderr = std::fs::OpenOptions::new().create(true).append(true).open(&log).expect("a log file");
        let mut command = Command::new(server_binary());
        command.arg("--listen").arg("127.0.0.1:0").arg("--db").arg(db).args(extra);
        ServerProcess::spawn_command(command, stderr)
    }

    /// Starts a prepared command (stdout is read here, stderr goes to `stderr`).
    pub fn spawn_command(mut command: Command, stderr: std::fs::File) -> ServerProcess {
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(stderr).env_remove("LOJINHA_TOKEN");
        let mut child = command.spawn().expect("start lojinha-server");
        let stdout = child.stdout.take().expect("its stdout");
        let (tx, rx) = crossbeam_channel::unbounded();
        std::thread::Builder::new()
            .name("server-stdout".into())
            .spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            })
            .expect("a stdout reader thread");
        let mut process =
            ServerProcess { child, addr: "127.0.0.1:0".parse().expect("an address"), stdout: rx };
        process.addr = process.wait_listening();
        process
    }

    fn wait_listening(&mut self) -> SocketAddr {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) => {
                    if let Some(addr) = line.strip_prefix("listening on ") {
                        return addr.trim().parse().expect("a socket address after `listening on`");
                    }
                }
                Err(_) => {
                    panic!("lojinha-server did not print `listening on` (status {:?})", self.try_wait())
                }
            }
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    fn try_wait(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Kills the process hard (SIGKILL on Unix) and reaps it.
    pub fn kill(mut self) {
        self.child.kill().expect("kill the server");
        self.child.wait().expect("reap the server");
    }

    /// Sends SIGTERM with the system's `kill` command.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill -TERM");
        assert!(status.success(), "kill -TERM failed: {status}");
    }

    /// Waits for the process to exit by itself (bounded).
    pub fn wait_exit(mut self) -> ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.try_wait() {
                return status;
            }
            assert!(Instant::now() < deadline, "lojinha-server did not exit within {WAIT:?}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if self.try_wait().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
