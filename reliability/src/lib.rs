//! Shared helpers for the reliability tests: servers on loopback, raw connections, the server binary.
//!
//! The tests in `tests/` use real sockets on `127.0.0.1:0` and real SQLite files
//! in temp dirs. This file owns the plumbing they share: starting an in-process
//! server ([`start_server`]), talking raw bytes to it ([`Conn`]), finding and
//! spawning the real `lojinha-server` binary ([`SpawnedServer`]), a reference
//! model of the line framing ([`frame_model`]) and a few readers of `/proc`.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use lojinha_server::protocol::frame::Frame;
use lojinha_server::{DbLocation, ServerConfig, ServerHandle};
use serde_json::{Value, json};

/// How long a test waits for something that should happen "at once".
pub const PATIENCE: Duration = Duration::from_secs(15);

/// A config for a server on `127.0.0.1:0` with its catalog in `db`.
pub fn config_with_db(db: &Path) -> ServerConfig {
    ServerConfig {
        listen: "127.0.0.1:0".into(),
        db: DbLocation::File(db.to_path_buf()),
        ..Default::default()
    }
}

/// A config for a server on `127.0.0.1:0` with an in-memory catalog.
pub fn memory_config() -> ServerConfig {
    ServerConfig { listen: "127.0.0.1:0".into(), db: DbLocation::Memory, ..Default::default() }
}

/// Starts an in-process server on a fresh loopback port.
pub fn start_server(config: ServerConfig) -> ServerHandle {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    lojinha_server::start_on(listener, config).expect("the server starts")
}

/// A fresh temp dir and the path of a catalog file inside it.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.db");
    (dir, path)
}

/// Waits until `condition` holds or `PATIENCE` passes; returns whether it held.
pub fn wait_until(mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if condition() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    condition()
}

/// A product as the protocol writes it.
pub fn product(code: &str, name: &str, price_cents: i64, quantity: i64) -> Value {
    json!({"code": code, "name": name, "price_cents": price_cents, "quantity": quantity})
}

/// A JSON-RPC request line (without newline).
pub fn request(id: impl Into<Value>, method: &str, params: Value) -> String {
    json!({"jsonrpc": "2.0", "id": id.into(), "method": method, "params": params}).to_string()
}

/// A raw line-oriented connection: exact bytes out, whole lines in.
pub struct Conn {
    stream: TcpStream,
    reader: BufReader<TcpStream>,
    /// Notifications met while waiting for responses, in arrival order.
    pub notifications: Vec<Value>,
}

impl Conn {
    /// Connects with TCP_NODELAY and a read timeout of `PATIENCE`.
    pub fn connect(addr: SocketAddr) -> Conn {
        Self::try_connect(addr).expect("connect to the server")
    }

    pub fn try_connect(addr: SocketAddr) -> io::Result<Conn> {
        let stream = TcpStream::connect_timeout(&addr, PATIENCE)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(PATIENCE))?;
        let reader = BufReader::new(stream.try_clone()?);
        Ok(Conn { stream, reader, notifications: Vec::new() })
    }

    /// Connects and reads up to the `welcome`. Change notifications read before
    /// it (a protocol violation that `tests/session_start.rs` guards against)
    /// are kept in `notifications`, so other tests stay about their own subject.
    pub fn welcomed(addr: SocketAddr) -> Conn {
        let mut conn = Conn::connect(addr);
        loop {
            let line = conn.read_json().expect("a welcome line");
            match line["method"].as_str() {
                Some("welcome") => return conn,
                Some(m) if m.starts_with("product.") => conn.notifications.push(line),
                _ => panic!("expected welcome, got {line}"),
            }
        }
    }

    /// Wraps an already connected stream (read timeout `PATIENCE`).
    pub fn from_stream(stream: TcpStream) -> Conn {
        stream.set_read_timeout(Some(PATIENCE)).expect("set read timeout");
        let reader = BufReader::new(stream.try_clone().expect("clone the stream"));
        Conn { stream, reader, notifications: Vec::new() }
    }

    pub fn stream(&self) -> &TcpStream {
        &self.stream
    }

    pub fn set_read_timeout(&self, timeout: Duration) {
        self.stream.set_read_timeout(Some(timeout)).expect("set read timeout");
    }

    /// Writes bytes as given.
    pub fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.write_all(bytes)
    }

    /// Writes a line, adding the newline.
    pub fn send_line(&mut self, line: &str) {
        let mut bytes = line.as_bytes().to_vec();
        bytes.push(b'\n');
        self.send(&bytes).expect("send a line");
    }

    /// The next line without its `\n`; `Ok(None)` when the server closed.
    pub fn read_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let n = self.reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(None);
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        Ok(Some(line))
    }

    /// The next line parsed as JSON; `None` when the server closed.
    pub fn read_json(&mut self) -> Option<Value> {
        let line = self.read_line().expect("read from the server")?;
        Some(serde_json::from_slice(&line).expect("the server sends JSON"))
    }

    /// The next response or batch, keeping notifications aside; `None` on close.
    pub fn read_reply(&mut self) -> Option<Value> {
        loop {
            let value = self.read_json()?;
            if value.get("method").is_some() {
                self.notifications.push(value);
            } else {
                return Some(value);
            }
        }
    }

    /// Sends one request line and returns its response.
    pub fn call(&mut self, id: impl Into<Value>, method: &str, params: Value) -> Value {
        self.send_line(&request(id, method, params));
        self.read_reply().expect("a response before close")
    }

    /// Whether the server has closed the connection (after draining what is left).
    pub fn closed_by_server(&mut self) -> bool {
        loop {
            match self.read_line() {
                Ok(None) => return true,
                Ok(Some(_)) => continue,
                Err(e) if e.kind() == io::ErrorKind::ConnectionReset => return true,
                Err(_) => return false,
            }
        }
    }

    pub fn shutdown(&self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

/// What the line framing must produce for `input` with limit `max_frame`: the
/// protocol's rules written as plainly as possible (split on `\n`, drop one
/// `\r`, skip blank lines, lines over the limit are `TooLarge`).
///
/// The last line, when no newline ends it, is judged as the reader sees it
/// before EOF: more than `max_frame` bytes is too large even if blank (the
/// reader reports a long line before its end arrives), except exactly one byte
/// over when that byte is the `\r` of a line ending cut short.
pub fn frame_model(input: &[u8], max_frame: usize) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut parts: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    let tail = parts.pop().unwrap_or_default();
    for raw in parts {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.len() > max_frame {
            frames.push(Frame::TooLarge);
        } else if !is_blank(line) {
            frames.push(Frame::Line(line.to_vec()));
        }
    }
    let cut_crlf = tail.len() == max_frame.saturating_add(1) && tail.ends_with(b"\r");
    let line = tail.strip_suffix(b"\r").unwrap_or(tail);
    if tail.len() > max_frame && !cut_crlf {
        frames.push(Frame::TooLarge);
    } else if !is_blank(line) {
        frames.push(Frame::Line(line.to_vec()));
    }
    frames
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

/// A reader that hands out `data` in the given chunk sizes (cycled), with an
/// `Interrupted` error before every chunk when `interrupt` is set.
pub struct ChunkedReader {
    data: Vec<u8>,
    pos: usize,
    chunks: Vec<usize>,
    next_chunk: usize,
    interrupt: bool,
    interrupted: bool,
}

impl ChunkedReader {
    pub fn new(data: Vec<u8>, chunks: Vec<usize>, interrupt: bool) -> Self {
        let chunks = if chunks.is_empty() { vec![1] } else { chunks };
        ChunkedReader { data, pos: 0, chunks, next_chunk: 0, interrupt, interrupted: false }
    }
}

impl Read for ChunkedReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.interrupt && !self.interrupted {
            self.interrupted = true;
            return Err(io::Error::from(io::ErrorKind::Interrupted));
        }
        self.interrupted = false;
        let chunk = self.chunks[self.next_chunk % self.chunks.len()].max(1);
        self.next_chunk += 1;
        let n = chunk.min(buf.len()).min(self.data.len() - self.pos);
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

// ----- the real binary --------------------------------------------------------

/// The `lojinha-server` binary next to this test binary, built once if needed
/// (so `cargo test --workspace` works on a clean clone).
pub fn server_binary() -> PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| build_binary("lojinha-server")).clone()
}

/// The `lojinha-bench` binary, built like [`server_binary`].
pub fn bench_binary() -> PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| build_binary("lojinha-bench")).clone()
}

/// Builds one of `lojinha-server`'s binaries into this test binary's target
/// directory and profile, and returns its path.
fn build_binary(name: &str) -> PathBuf {
    // The test binary lives in <target>/<profile>/deps/.
    let exe = std::env::current_exe().expect("current exe");
    let profile_dir = exe.parent().and_then(Path::parent).expect("<target>/<profile>");
    let target_dir = profile_dir.parent().expect("<target>");
    let release = profile_dir.file_name().is_some_and(|n| n == "release");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["build", "--quiet", "-p", "lojinha-server", "--bin", name])
        .env("CARGO_TARGET_DIR", target_dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if release {
        command.arg("--release");
    }
    let status = command.status().unwrap_or_else(|e| panic!("run cargo build for {name}: {e}"));
    assert!(status.success(), "cargo build -p lojinha-server --bin {name} failed: {status}");
    let binary = profile_dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(binary.exists(), "no {name} binary at {}", binary.display());
    binary
}

/// A `lojinha-server` process; killed (SIGKILL) when dropped.
pub struct SpawnedServer {
    pub child: Child,
    pub addr: SocketAddr,
}

impl SpawnedServer {
    /// Spawns the binary with `--listen 127.0.0.1:0` and `args`, waits for `listening on`.
    pub fn spawn(args: &[&str]) -> SpawnedServer {
        Self::try_spawn(args).unwrap_or_else(|stderr| panic!("the server did not start: {stderr}"))
    }

    /// Like [`SpawnedServer::spawn`]; on failure returns the server's stderr.
    pub fn try_spawn(args: &[&str]) -> Result<SpawnedServer, String> {
        let mut child = Command::new(server_binary())
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn lojinha-server");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok);
        let addr =
            first.as_deref().and_then(|l| l.strip_prefix("listening on ")).and_then(|a| a.parse().ok());
        let Some(addr) = addr else {
            let _ = child.kill();
            let output = child.wait_with_output().expect("collect server output");
            return Err(String::from_utf8_lossy(&output.stderr).into_owned());
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Ok(SpawnedServer { child, addr })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// kill -9, and reap the process.
    pub fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SpawnedServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary with `args` until it exits; returns (exit code, stderr).
pub fn run_server_to_exit(args: &[&str], timeout: Duration) -> (Option<i32>, String) {
    let mut child = Command::new(server_binary())
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lojinha-server");
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if child.try_wait().expect("poll the server").is_some() {
            let output = child.wait_with_output().expect("server output");
            return (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let output = child.wait_with_output().expect("server output");
    (None, format!("still running after {timeout:?}; stderr: {}", String::from_utf8_lossy(&output.stderr)))
}

// ----- /proc ---------------------------------------------------------------------

/// A field of `/proc/<pid>/status` in kB (`VmRSS`, `Threads`, ...).
pub fn proc_status_field(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(&format!("{field}:")))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The soft limit on open files of this process (`ulimit -n`).
pub fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Reads a `u64` from an environment variable, or `default`.
pub fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Every product in a SQLite catalog file, read directly, with `PRAGMA integrity_check`.
pub fn read_db_file(path: &Path) -> (String, Vec<(String, String, i64, i64)>) {
    let conn = rusqlite::Connection::open(path).expect("open the catalog file");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity_check");
    let mut statement =
        conn.prepare("SELECT code, name, price_cents, quantity FROM products ORDER BY code").expect("select");
    let rows = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    (check, rows)
}

// ----- fuzzing ---------------------------------------------------------------------

/// The checks the fuzz targets run, shared with the corpus-replay tests.
pub mod fuzzing {
    use std::net::SocketAddr;

    use lojinha_server::protocol::frame::{Frame, FrameReader, READ_BUFFER_SIZE};
    use lojinha_server::protocol::message::{Message, encode_error, parse_batch_entry, parse_message};
    use lojinha_server::protocol::{MethodCall, RpcError};
    use serde_json::Value;

    use super::{ChunkedReader, Conn, frame_model};

    /// Frames `data[2..]` with a limit and read sizes taken from `data[0..2]`,
    /// checks them against [`frame_model`] and the buffer bound, then parses
    /// every line into a message and every request into a command. Panics on
    /// any broken promise.
    pub fn check_frames_and_parse(data: &[u8]) {
        let [limit_byte, chunk_byte, rest @ ..] = data else { return };
        let max_frame = 1 + usize::from(*limit_byte) * 8;
        let chunks = vec![1 + usize::from(chunk_byte & 0x3f), 1 + usize::from(chunk_byte >> 6) * 977];
        let interrupt = chunk_byte & 1 == 1;
        let mut reader = FrameReader::new(ChunkedReader::new(rest.to_vec(), chunks, interrupt), max_frame);
        let mut frames = Vec::new();
        loop {
            let frame = reader.next_frame().expect("in-memory reads never fail");
            assert!(reader.buffered() <= max_frame + 1 + READ_BUFFER_SIZE, "buffer over the bound");
            match frame {
                Frame::Closed => break,
                Frame::Line(line) => {
                    check_parse(&line);
                    frames.push(Frame::Line(line));
                }
                other => frames.push(other),
            }
        }
        assert_eq!(frames, frame_model(rest, max_frame), "frames differ from the model");
        // The whole input as one line too (it may be a valid request).
        check_parse(rest);
    }

    /// Parses one line as the server does; checks ids and error codes are valid.
    pub fn check_parse(line: &[u8]) {
        match parse_message(line) {
            Message::Unanswerable(error) => {
                assert!(matches!(error.code, -32700 | -32600), "{error:?}");
                check_encodes(&Value::Null, &error);
            }
            Message::Single(entry) => check_entry(entry),
            Message::Batch(entries) => {
                assert!(!entries.is_empty() && entries.len() <= 1000, "batch of {}", entries.len());
                entries.into_iter().map(parse_batch_entry).for_each(check_entry);
            }
        }
    }

    fn check_entry(entry: lojinha_server::protocol::message::Entry) {
        match entry {
            Ok(request) => {
                let id = request.id.clone().unwrap_or(Value::Null);
                assert!(id.is_null() || id.is_string() || id.is_i64() || id.is_u64(), "bad id {id}");
                if let Err(error) = MethodCall::from_request(request) {
                    assert!(matches!(error.code, -32601 | -32602), "{error:?}");
                    check_encodes(&id, &error);
                }
            }
            Err((id, error)) => {
                assert!(id.is_null() || id.is_string() || id.is_i64() || id.is_u64(), "bad id {id}");
                assert_eq!(error.code, -32600, "{error:?}");
                check_encodes(&id, &error);
            }
        }
    }

    fn check_encodes(id: &Value, error: &RpcError) {
        let encoded = encode_error(id, error).0;
        assert!(!encoded.contains(&b'\n'), "a response with a newline inside");
        let back: Value = serde_json::from_slice(&encoded).expect("responses are JSON");
        assert_eq!(&back["id"], id);
    }

    /// A request the server answers last: when its answer comes, all else was answered.
    pub const SENTINEL: &[u8] =
        b"\n{\"jsonrpc\":\"2.0\",\"id\":\"sentinel\",\"method\":\"product.list\",\"params\":{\"limit\":1}}\n";

    /// Sends `data` then the sentinel to a live server; returns every line it
    /// answered until the sentinel's answer or the close. Panics if the server
    /// hangs, sends something that is not one JSON value per line, or stops
    /// accepting connections.
    pub fn check_server_lines(addr: SocketAddr, data: &[u8]) -> Vec<Vec<u8>> {
        let mut conn = Conn::connect(addr);
        // A write may fail if the server already closed (oversized line): that is allowed.
        let _ = conn.send(data).and_then(|()| conn.send(SENTINEL));
        let mut lines = Vec::new();
        loop {
            match conn.read_line() {
                Ok(Some(line)) => {
                    let value: Value = serde_json::from_slice(&line).expect("the server sends JSON lines");
                    lines.push(line);
                    if value["id"] == "sentinel" {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
                Err(e) => panic!("the server did not answer: {e}"),
            }
        }
        lines
    }
}
