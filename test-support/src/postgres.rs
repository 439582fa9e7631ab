//! A real, throwaway PostgreSQL for the tests: one cluster per test binary,
//! started on first use (`initdb` and `pg_ctl` from Debian's `postgresql`
//! package, in a temp dir, on a free loopback port, as the `postgres` user
//! when the tests run as root), and a fresh database for every test.
//!
//! A small watcher process stops the cluster and removes its directory
//! when the test binary exits, however it exits.
//!
//! Where PostgreSQL is not installed the tests that need it print why and
//! pass without running; with `CI` set they fail instead, so a CI run can
//! never skip them silently.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::{Client, NoTls};

/// A running throwaway cluster.
#[derive(Debug)]
pub struct PgCluster {
    port: u16,
    bin: PathBuf,
    data: PathBuf,
    as_root: bool,
}

static CLUSTER: OnceLock<Result<PgCluster, String>> = OnceLock::new();

/// The cluster, started on first use; `None` (after printing why) where
/// PostgreSQL cannot start here. Panics instead when `CI` is set.
pub fn postgres_cluster() -> Option<&'static PgCluster> {
    match CLUSTER.get_or_init(PgCluster::start) {
        Ok(cluster) => Some(cluster),
        Err(why) if in_ci() => panic!("PostgreSQL is needed in CI and did not start: {why}"),
        Err(why) => {
            eprintln!("skipped: no PostgreSQL for this test ({why}); `apt-get install postgresql` runs it");
            None
        }
    }
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

impl PgCluster {
    /// A new, empty database; returns its connection URL.
    pub fn fresh_database(&self) -> String {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("lojinha_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let mut admin = self.admin();
        admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create a test database");
        self.url(&name)
    }

    /// The URL of database `name` in this cluster.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// A connection to the `postgres` database, for checks the tests make.
    pub fn admin(&self) -> Client {
        self.connect(&self.url("postgres"))
    }

    /// A connection to any database of the cluster.
    pub fn connect(&self, url: &str) -> Client {
        Client::connect(url, NoTls).expect("connect to the test cluster")
    }

    /// Stops the cluster at once (`-m immediate`, like a crash) and starts it
    /// again on the same port and data: every open connection is cut.
    pub fn restart(&self) {
        let pg_ctl = |action: &[&str]| {
            let mut command = postgres_command(self.as_root, &self.bin.join("pg_ctl"));
            command.arg("-D").arg(&self.data).args(action);
            run(&mut command).unwrap_or_else(|why| panic!("PostgreSQL did not {action:?}: {why}"));
        };
        pg_ctl(&["-m", "immediate", "-w", "stop"]);
        let log = self.data.with_file_name("log");
        let options = self.options();
        let mut command = postgres_command(self.as_root, &self.bin.join("pg_ctl"));
        command.arg("-D").arg(&self.data).arg("-l").arg(&log).args(["-o", &options, "-w", "start"]);
        run(&mut command).unwrap_or_else(|why| panic!("PostgreSQL did not start again: {why}"));
    }

    fn options(&self) -> String {
        let sockets = self.data.parent().unwrap_or(&self.data).display().to_string();
        server_options(self.port, &sockets)
    }

    fn start() -> Result<PgCluster, String> {
        let bin = bin_dir().ok_or("initdb and pg_ctl not found (Debian package `postgresql`)")?;
        let dir = tempfile::Builder::new().prefix("lojinha-pg-").tempdir().map_err(|e| e.to_string())?.keep();
        let as_root = std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false);
        if as_root {
            run(Command::new("chown").arg("postgres:").arg(&dir))?;
        }
        let data = dir.join("data");
        let port = free_port()?;
        let tool = |name: &str| postgres_command(as_root, &bin.join(name));
        run(tool("initdb")
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
            .arg("-D")
            .arg(&data))?;
        let options =
            format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300", dir.display());
        let log = dir.join("log");
        run(tool("pg_ctl").arg("-D").arg(&data).arg("-l").arg(&log).args(["-o", &options, "-w", "start"]))?;
        watch_for_exit(as_root, &bin, &dir)?;
        Ok(PgCluster { port, bin, data, as_root })
    }
}

/// The server's settings: a port, its socket directory, loopback only, and
/// room for many test servers (two connections each).
fn server_options(port: u16, sockets: &str) -> String {
    format!("-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c max_connections=300")
}

/// Where `initdb` and `pg_ctl` are: the newest Debian cluster version, or PATH.
fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort_by_key(|p| p.parent().and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok()));
    versions.pop()
}

/// A PostgreSQL tool, run as `postgres` when we are root (it refuses root).
fn postgres_command(as_root: bool, tool: &Path) -> Command {
    if as_root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(tool);
        command
    } else {
        Command::new(tool)
    }
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command.stdin(Stdio::null()).output().map_err(|e| format!("{command:?}: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!("{command:?} failed: {}", String::from_utf8_lossy(&output.stderr)))
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Starts a watcher that stops the cluster and removes `dir` once this
/// process is gone. Its output goes nowhere, so nobody waits on its pipes.
fn watch_for_exit(as_root: bool, bin: &Path, dir: &Path) -> Result<(), String> {
    let runner = if as_root { "runuser -u postgres -- " } else { "" };
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; \
         {runner}'{pg_ctl}' -D '{dir}/data' -m immediate stop; rm -rf '{dir}'",
        pid = std::process::id(),
        pg_ctl = bin.join("pg_ctl").display(),
        dir = dir.display(),
    );
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| format!("cannot start the cluster's watcher: {e}"))
}
