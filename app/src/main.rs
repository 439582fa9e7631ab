//! `lojinha`: the desktop app. Parses the command line, sets up logging and
//! runs the app; errors (such as no display) are reported, never a panic.

use clap::Parser;
use lojinha::{LojinhaApp, StartOptions};

/// jemalloc on Linux: under a class's load it gives memory back where
/// glibc's allocator keeps it (see `trim/`).
#[global_allocator]
static ALLOCATOR: lojinha_trim::Allocator = lojinha_trim::Allocator;

/// Lojinha: see client-server programming work.
///
/// Start a server with one click, open client windows that talk to it, and
/// watch every protocol step. Options put a class in a known state at start.
#[derive(Debug, Parser)]
#[command(
    version,
    about,
    long_about,
    after_help = "Examples:\n  lojinha                                   the app; press \"Start server\"\n  lojinha --serve 127.0.0.1:5050 --connect 127.0.0.1:5050\n                                            server running, one client window connected\n  lojinha --connect 192.168.0.10:5050       a client of the teacher's server\n  lojinha --serve 127.0.0.1:5050 --db :memory: --fill 100000\n                                            a big in-memory catalog\n  lojinha --check 127.0.0.1:6000            check a student's server\n  lojinha --open aula.lojinha               replay a class recording"
)]
struct Cli {
    /// Start the server at once, listening on ADDR (e.g. 127.0.0.1:5050).
    #[arg(long, value_name = "ADDR")]
    serve: Option<String>,
    /// Open a client window connected to ADDR (use the --serve address for this app's server).
    #[arg(long, value_name = "ADDR")]
    connect: Option<String>,
    /// The server's database file, or :memory: for a catalog that lives only in memory.
    #[arg(long, value_name = "PATH")]
    db: Option<String>,
    /// Settings file (default: settings.json in your config directory).
    #[arg(long, value_name = "PATH")]
    settings: Option<std::path::PathBuf>,
    /// Fill an empty catalog with N generated products (shows the big table at work).
    #[arg(long, value_name = "N", default_value_t = 0)]
    fill: usize,
    /// The longest message client windows accept from a server, in MiB; a
    /// longer one ends the connection (protects the app from a hostile server).
    #[arg(long, value_name = "MIB", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=1024))]
    max_frame_mib: u32,
    /// Open the "Check a server" window and run lojinha-check's checks
    /// against the server at ADDR (a student's, say) at once.
    #[arg(long, value_name = "ADDR")]
    check: Option<String>,
    /// Open a class recording (a .lojinha file saved from a log's "Save…")
    /// in a read-only window: its log and diagram as they were.
    #[arg(long, value_name = "FILE")]
    open: Option<std::path::PathBuf>,
}

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,wgpu=warn,naga=warn,eframe=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let options = StartOptions {
        serve: cli.serve,
        connect: cli.connect,
        db: cli.db,
        settings_path: cli.settings.or_else(lojinha::settings::default_settings_path),
        fill: cli.fill,
        threads_time_scale: None,
        max_frame: Some(cli.max_frame_mib as usize * 1024 * 1024),
        check: cli.check,
        open_recording: cli.open,
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Lojinha")
            .with_app_id("lojinha")
            .with_inner_size([1200.0, 760.0])
            .with_min_inner_size([720.0, 480.0]),
        // glow, not eframe's default wgpu: on a machine without a GPU
        // (Mesa's llvmpipe) an empty frame costs 11 ms of CPU with glow and
        // 72 ms with wgpu over GL (scripts/frame-floor.sh), and on a GPU
        // both are cheap.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result =
        eframe::run_native("Lojinha", native, Box::new(move |cc| Ok(Box::new(LojinhaApp::new(cc, options)))));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lojinha: cannot open a window: {e}");
            eprintln!("(is there a display? set DISPLAY or WAYLAND_DISPLAY, or run under Xvfb)");
            std::process::ExitCode::FAILURE
        }
    }
}
