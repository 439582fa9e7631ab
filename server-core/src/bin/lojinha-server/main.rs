//! `lojinha-server`: the catalog server without a window.
//!
//! Parses the command line, starts the server, prints `listening on <addr>`,
//! and stops gracefully on Ctrl-C or SIGTERM (every session gets `goodbye`).
//! With `--stdin-commands` the owner steers the teacher's controls by typing
//! on its standard input (`pause`, `next`, `drop 3`: see `help`).

mod owner;

use std::io::{IsTerminal, Write};
use std::net::ToSocketAddrs;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use lojinha_server::server::{self, ControlSettings, DEFAULT_LISTEN, ServerConfig};
use lojinha_server::{DbLocation, Mode, SyncMode, sample};

/// Lojinha's catalog server: JSON-RPC 2.0 over TCP, one JSON message per line.
///
/// Try it by hand with `nc 127.0.0.1 5050` and type
/// {"jsonrpc":"2.0","id":1,"method":"product.list"}
#[derive(Parser, Debug)]
#[command(name = "lojinha-server", version)]
struct Args {
    /// Address to listen on. Anything but a loopback address lets other computers
    /// change the catalog.
    #[arg(long, default_value = DEFAULT_LISTEN, value_name = "ADDR")]
    listen: String,
    /// Where the catalog lives. A path: a SQLite file this server owns (created if
    /// missing); `:memory:`: a catalog that vanishes on exit. A PostgreSQL connection
    /// string, `postgres://user[:password]@host[:port]/dbname` or libpq's
    /// `host=… user=… dbname=…`: one catalog shared by every server started with it,
    /// each pushing every change to its own clients (password from the string or
    /// PGPASSWORD). Default: catalog.db in the platform's data directory.
    #[arg(long, value_name = "PATH|URL")]
    db: Option<PathBuf>,
    /// Most clients connected at once; others get `goodbye` "server full".
    #[arg(long, default_value_t = server::DEFAULT_MAX_CONNECTIONS, value_name = "N")]
    max_connections: usize,
    /// Longest accepted line, in bytes (newline excluded).
    #[arg(long, default_value_t = server::DEFAULT_MAX_FRAME, value_name = "BYTES")]
    max_frame: usize,
    /// Seconds a client may stay silent before it is disconnected.
    #[arg(long, default_value_t = server::DEFAULT_IDLE_TIMEOUT.as_secs(), value_name = "SECS")]
    idle_timeout: u64,
    /// Seconds a line may take from its first byte to its newline; a client that
    /// trickles a byte now and then is disconnected ("line timeout"). Raise it for
    /// students typing by hand in a telnet that sends each key as it is pressed.
    #[arg(long, default_value_t = server::DEFAULT_LINE_TIMEOUT.as_secs(), value_name = "SECS")]
    line_timeout: u64,
    /// Seconds the server waits for a client to read what it was sent; a client that
    /// stops reading is disconnected ("too slow").
    #[arg(long, default_value_t = server::DEFAULT_WRITE_TIMEOUT.as_secs(), value_name = "SECS")]
    write_timeout: u64,
    /// Most connections from one IP address, loopback included. A lab whose computers
    /// reach the server through one NAT address shares this: raise it there.
    #[arg(long, default_value_t = server::DEFAULT_MAX_PER_ADDRESS, value_name = "N")]
    max_per_address: usize,
    /// Most products the catalog may hold; adds past it are refused with -32603
    /// "catalog full" (a bound on the memory and disk clients can make it use).
    #[arg(long, default_value_t = server::DEFAULT_MAX_PRODUCTS, value_name = "N")]
    max_products: usize,
    /// `threaded`: one thread per client (many at once). `sequential`: one client at a
    /// time, the others wait in the accept queue.
    #[arg(long, value_enum, default_value_t = ModeArg::Threaded)]
    mode: ModeArg,
    /// `normal`: commits survive a crash of the server. `full`: also a power cut
    /// (an fsync per group commit).
    #[arg(long, value_enum, default_value_t = SyncArg::Normal)]
    sync: SyncArg,
    /// Do not send `welcome` on connect (for one-shot JSON-RPC clients).
    #[arg(long)]
    no_welcome: bool,
    /// Require this access token in `hello` before any other method.
    /// Also read from the LOJINHA_TOKEN environment variable.
    #[arg(long, env = "LOJINHA_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    token: Option<String>,
    /// Load the sample catalog (a few dozen products) when the database is empty.
    #[arg(long)]
    seed_sample: bool,
    /// Start paused. Every line the server writes (welcome,
    /// answers, notifications; never a goodbye) waits until released with `next`
    /// or `release` typed on standard input (needs --stdin-commands).
    #[arg(long, help_heading = "Teacher's controls (misbehave on purpose)")]
    paused: bool,
    /// Wait this long before writing each line (0 to 5000).
    #[arg(long, default_value_t = 0, value_name = "MS", help_heading = "Teacher's controls (misbehave on purpose)",
          value_parser = clap::value_parser!(u64).range(0..=5000))]
    slow_ms: u64,
    /// Write each line in N pieces, each its own write(), so a
    /// client sees one message arrive in several reads (1 to 16).
    #[arg(long, default_value_t = 1, value_name = "N", help_heading = "Teacher's controls (misbehave on purpose)",
          value_parser = clap::value_parser!(u64).range(1..=16))]
    pieces: u64,
    /// Pause between two pieces of a line (0 to 2000).
    #[arg(long, default_value_t = 0, value_name = "MS", help_heading = "Teacher's controls (misbehave on purpose)",
          value_parser = clap::value_parser!(u64).range(0..=2000))]
    piece_pause_ms: u64,
    /// Read the teacher's commands from standard input, one a line: pause, resume,
    /// next, release, slow MS, pieces N [MS], drop SESSION, sessions, help.
    #[arg(long, help_heading = "Teacher's controls (misbehave on purpose)")]
    stdin_commands: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ModeArg {
    Threaded,
    Sequential,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SyncArg {
    Normal,
    Full,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "lojinha_server=info".into()),
        )
        .with_writer(std::io::stderr)
        // Colours for a person at a terminal; none in a file or a pipe.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lojinha-server: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let config = config_from(&args)?;
    warn_if_exposed(&config.listen);
    let (stop_tx, stop_rx) = crossbeam_channel::bounded(1);
    ctrlc::set_handler(move || {
        let _ = stop_tx.try_send(());
    })
    .map_err(|e| format!("cannot watch for Ctrl-C: {e}"))?;
    let db = config.db.clone();
    let handle = server::start(config).map_err(|e| e.to_string())?;
    if args.seed_sample && handle.product_count() == 0 {
        let seeded = handle.seed(sample::sample_products());
        tracing::info!("loaded {} sample products", seeded.added);
        if seeded.not_stored > 0 {
            tracing::warn!("{} sample products were not stored (see the errors above)", seeded.not_stored);
        }
    }
    // Written, not printed: whoever reads our output (a script waiting for
    // "listening on") may close it after the first line, and a server must
    // not panic over that.
    let mut out = std::io::stdout().lock();
    let said = writeln!(out, "listening on {}", handle.local_addr())
        .and_then(|()| writeln!(out, "catalog: {db} ({} products)", handle.product_count()))
        .and_then(|()| out.flush());
    drop(out);
    if let Err(e) = said {
        tracing::debug!("standard output closed: {e}");
    }
    let commands = if args.stdin_commands { owner::read_stdin()? } else { crossbeam_channel::never() };
    owner::serve_until_stopped(&handle, &stop_rx, &commands);
    writeln!(std::io::stderr(), "shutting down: saying goodbye to {} session(s)", handle.sessions().len())
        .ok();
    handle.stop();
    Ok(())
}

fn config_from(args: &Args) -> Result<ServerConfig, String> {
    let db = match &args.db {
        Some(path) => DbLocation::parse(&path.to_string_lossy()),
        None => DbLocation::File(
            server::default_db_path().ok_or("no data directory on this system: pass --db PATH")?,
        ),
    };
    let at_least_one =
        [args.max_connections as u64, args.idle_timeout, args.line_timeout, args.write_timeout];
    if at_least_one.contains(&0) || args.max_per_address == 0 || args.max_products == 0 || args.max_frame < 64
    {
        return Err(
            "--max-connections, --max-per-address, --max-products and the timeouts must be at least 1, \
                    --max-frame at least 64"
                .into(),
        );
    }
    if args.paused && !args.stdin_commands {
        return Err("--paused needs --stdin-commands: nothing else could release the held answers".into());
    }
    Ok(ServerConfig {
        listen: args.listen.clone(),
        db,
        sync: match args.sync {
            SyncArg::Normal => SyncMode::Normal,
            SyncArg::Full => SyncMode::Full,
        },
        mode: match args.mode {
            ModeArg::Threaded => Mode::Threaded,
            ModeArg::Sequential => Mode::Sequential,
        },
        max_connections: args.max_connections,
        max_frame: args.max_frame,
        idle_timeout: Duration::from_secs(args.idle_timeout),
        line_timeout: Duration::from_secs(args.line_timeout),
        write_timeout: Duration::from_secs(args.write_timeout),
        max_per_address: args.max_per_address,
        max_products: args.max_products,
        welcome: !args.no_welcome,
        token: args.token.clone().filter(|t| !t.is_empty()),
        controls: ControlSettings {
            paused: args.paused,
            slow: Duration::from_millis(args.slow_ms),
            pieces: args.pieces as usize,
            piece_pause: Duration::from_millis(args.piece_pause_ms),
        },
        ..ServerConfig::default()
    })
}

fn warn_if_exposed(listen: &str) {
    let exposed = listen.to_socket_addrs().map(|mut addrs| addrs.any(|a| !a.ip().is_loopback()));
    if exposed.unwrap_or(false) {
        eprintln!(
            "warning: listening on {listen}: anyone on the network can connect and change the catalog \
             (use --token to require an access token)"
        );
    }
}
