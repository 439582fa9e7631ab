//! The real `lojinha-server` binary as a child process: started on
//! `127.0.0.1:0`, found through its `listening on <addr>` line, stopped
//! hard, politely, or left to exit by itself. Its stdout and stderr are
//! drained on their own threads, so it never blocks on a full pipe.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;

use crate::binary::server_binary;
use crate::wait::WAIT;

/// A running server process; killed (SIGKILL) when dropped.
pub struct ServerProcess {
    child: Child,
    addr: SocketAddr,
    stderr: Stderr,
}

impl ServerProcess {
    /// Starts `lojinha-server --listen 127.0.0.1:0 <args>` and waits for its
    /// `listening on` line; fails the test, with the server's stderr, if it
    /// does not come.
    pub fn spawn(args: &[&str]) -> ServerProcess {
        ServerProcess::try_spawn(args).unwrap_or_else(|why| panic!("the server did not start: {why}"))
    }

    /// [`ServerProcess::spawn`]; on failure the server's stderr and exit status.
    pub fn try_spawn(args: &[&str]) -> Result<ServerProcess, String> {
        let mut command = Command::new(server_binary());
        command.args(["--listen", "127.0.0.1:0"]).args(args);
        ServerProcess::spawn_command(command)
    }

    /// [`ServerProcess::spawn`] with a pipe to the server's standard input
    /// (for `--stdin-commands`).
    pub fn spawn_with_stdin(args: &[&str]) -> (ServerProcess, ChildStdin) {
        let mut command = Command::new(server_binary());
        command.args(["--listen", "127.0.0.1:0"]).args(args);
        let mut server = ServerProcess::launch(command, Stdio::piped())
            .unwrap_or_else(|why| panic!("the server did not start: {why}"));
        let stdin = server.child.stdin.take().expect("piped stdin");
        (server, stdin)
    }

    /// Starts a prepared command that runs the server (through a shell, say)
    /// and waits for its `listening on` line.
    pub fn spawn_command(command: Command) -> Result<ServerProcess, String> {
        ServerProcess::launch(command, Stdio::null())
    }

    fn launch(mut command: Command, stdin: Stdio) -> Result<ServerProcess, String> {
        command.stdin(stdin).stdout(Stdio::piped()).stderr(Stdio::piped());
        // Quiet unless the test asked for a log level.
        if !command.get_envs().any(|(key, _)| key == "RUST_LOG") {
            command.env("RUST_LOG", "warn");
        }
        command.env_remove("LOJINHA_TOKEN");
        let mut child = command.spawn().map_err(|e| format!("cannot start the server: {e}"))?;
        let stderr = Stderr::drain(child.stderr.take().expect("piped stderr"));
        let stdout = stdout_lines(child.stdout.take().expect("piped stdout"));
        match wait_listening(&stdout) {
            Some(addr) => Ok(ServerProcess { child, addr, stderr }),
            None => Err(stop_and_explain(child, stderr)),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
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

    /// Waits for the process to exit by itself (bounded by [`WAIT`]).
    pub fn wait_exit(mut self) -> ExitStatus {
        let status = wait_for_exit(&mut self.child, WAIT);
        status.unwrap_or_else(|| panic!("lojinha-server did not exit within {WAIT:?}"))
    }

    /// What the server wrote to stderr so far (its last [`STDERR_KEPT`] bytes).
    pub fn stderr(&self) -> String {
        self.stderr.text()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            self.child.kill().ok();
            self.child.wait().ok();
        }
    }
}

/// Runs `lojinha-server <args>` until it exits; returns its exit code and
/// stderr, or `None` and a note when it still ran after `timeout`.
pub fn run_server_to_exit(args: &[&str], timeout: Duration) -> (Option<i32>, String) {
    let mut child = Command::new(server_binary())
        .args(args)
        .env("RUST_LOG", "warn")
        .env_remove("LOJINHA_TOKEN")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lojinha-server");
    let stderr = Stderr::drain(child.stderr.take().expect("piped stderr"));
    match wait_for_exit(&mut child, timeout) {
        Some(status) => (status.code(), stderr.finish()),
        None => {
            child.kill().ok();
            child.wait().ok();
            (None, format!("still running after {timeout:?}; stderr: {}", stderr.finish()))
        }
    }
}

/// The most of a server's stderr kept in memory (the end of it).
pub const STDERR_KEPT: usize = 64 * 1024;

/// A server's stderr, read on its own thread; the last [`STDERR_KEPT`] bytes kept.
struct Stderr {
    text: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
}

impl Stderr {
    fn drain(mut pipe: impl Read + Send + 'static) -> Stderr {
        let text = Arc::new(Mutex::new(Vec::new()));
        let kept = text.clone();
        let reader = std::thread::Builder::new()
            .name("server-stderr".into())
            .spawn(move || {
                let mut chunk = [0u8; 4096];
                while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                    let mut kept = kept.lock().expect("the stderr buffer");
                    kept.extend_from_slice(&chunk[..n]);
                    let over = kept.len().saturating_sub(STDERR_KEPT);
                    kept.drain(..over);
                }
            })
            .expect("a stderr reader thread");
        Stderr { text, reader: Some(reader) }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.text.lock().expect("the stderr buffer")).into_owned()
    }

    /// All of it, once the process has exited (its end of the pipe closed).
    fn finish(mut self) -> String {
        if let Some(reader) = self.reader.take() {
            reader.join().ok();
        }
        self.text()
    }
}

/// The child's stdout, line by line, on a channel (so reads can be bounded).
fn stdout_lines(stdout: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("server-stdout".into())
        .spawn(move || {
            // Read to the end even when nobody listens any more, so the server never blocks.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                tx.send(line).ok();
            }
        })
        .expect("a stdout reader thread");
    rx
}

/// The address in the `listening on <addr>` line, if it comes within [`WAIT`].
fn wait_listening(stdout: &Receiver<String>) -> Option<SocketAddr> {
    let deadline = Instant::now() + WAIT;
    loop {
        let line = stdout.recv_deadline(deadline).ok()?;
        if let Some(addr) = line.strip_prefix("listening on ") {
            return addr.trim().parse().ok();
        }
    }
}

/// Stops a server that never said where it listens; says what it said.
fn stop_and_explain(mut child: Child, stderr: Stderr) -> String {
    let status = child.try_wait().ok().flatten();
    if status.is_none() {
        child.kill().ok();
    }
    let status = child.wait().map_or_else(|e| e.to_string(), |s| s.to_string());
    format!("no `listening on` line (exit: {status}); stderr: {}", stderr.finish())
}

/// The child's exit status, if it exits within `limit`.
fn wait_for_exit(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("poll the server") {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
