//! Input-to-frame latency, measured by the app itself when the environment
//! variable `LOJINHA_FRAME_STATS` is set (the load harness,
//! `scripts/app-under-load.sh`, sets it); otherwise nothing is measured.
//!
//! For each frame that handled input (a key, a click, a pointer move), the
//! figure is the time from the start of the previous frame of the same
//! window to the end of this one: an input that arrived any time after the
//! previous frame began is shown by this frame at the latest, so this
//! bounds its wait from above (after more than a second without frames, the
//! input itself woke the window, and the frame's own time is counted). Every [`REPORT_EVERY`] the app prints one
//! line to standard error with the frames counted since the last line:
//! `frame-stats: frames=.. with_input=.. input_to_frame_ms p50=.. p99=.. max=..`.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// A gap between frames this long means the window was idle, not busy.
const QUIET: Duration = Duration::from_secs(1);

/// How often a line is printed.
pub const REPORT_EVERY: Duration = Duration::from_secs(10);

#[derive(Default)]
struct Stats {
    /// Per window: when its current frame began, and when its previous one did.
    frames: HashMap<egui::ViewportId, (Instant, Option<Instant>)>,
    latencies: Vec<Duration>,
    /// Time spent in the app's own code per frame (draining, drawing).
    work: Vec<Duration>,
    count: u64,
    since: Option<Instant>,
}

fn stats() -> Option<&'static Mutex<Stats>> {
    static STATS: OnceLock<Option<Mutex<Stats>>> = OnceLock::new();
    STATS.get_or_init(|| std::env::var_os("LOJINHA_FRAME_STATS").map(|_| Mutex::default())).as_ref()
}

/// Call at the start of a window's frame.
pub fn frame_began(viewport: egui::ViewportId) {
    let Some(stats) = stats() else { return };
    let mut stats = stats.lock().unwrap_or_else(|e| e.into_inner());
    let now = Instant::now();
    let previous = stats.frames.get(&viewport).map(|(began, _)| *began);
    stats.frames.insert(viewport, (now, previous));
}

/// Call at the end of a window's frame, with whether it handled input.
pub fn frame_ended(viewport: egui::ViewportId, had_input: bool) {
    let Some(stats) = stats() else { return };
    let mut stats = stats.lock().unwrap_or_else(|e| e.into_inner());
    let now = Instant::now();
    stats.count += 1;
    if let Some(&(began, _)) = stats.frames.get(&viewport) {
        stats.work.push(now - began);
    }
    if let (true, Some(&(began, previous))) = (had_input, stats.frames.get(&viewport)) {
        // After a quiet spell the input itself woke the window: this frame's
        // own time is the wait.
        let since = previous.filter(|p| began - *p < QUIET).unwrap_or(began);
        stats.latencies.push(now - since);
    }
    let since = *stats.since.get_or_insert(now);
    if now - since >= REPORT_EVERY {
        report(&mut stats);
        stats.since = Some(now);
    }
}

fn report(stats: &mut Stats) {
    let latencies = sorted(std::mem::take(&mut stats.latencies));
    let work = sorted(std::mem::take(&mut stats.work));
    eprintln!(
        "frame-stats: frames={} with_input={} input_to_frame_ms p50={:.1} p99={:.1} max={:.1} \
         work_ms p50={:.1} p99={:.1}",
        std::mem::take(&mut stats.count),
        latencies.len(),
        quantile(&latencies, 0.5),
        quantile(&latencies, 0.99),
        quantile(&latencies, 1.0),
        quantile(&work, 0.5),
        quantile(&work, 0.99),
    );
}

fn sorted(mut durations: Vec<Duration>) -> Vec<Duration> {
    durations.sort_unstable();
    durations
}

/// The `q` quantile in milliseconds (0 for none).
fn quantile(sorted: &[Duration], q: f64) -> f64 {
    let i = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// The key the load harness presses to time the way from a real key press
/// to the frame that handled it (see [`probe`]).
pub const PROBE_KEY: egui::Key = egui::Key::F9;

/// When measuring, prints `frame-probe: <ms since the Unix epoch>` at the
/// end of a frame that handled [`PROBE_KEY`]: the harness, which noted when
/// it pressed the key (`xdotool`, through the X server like any key), takes
/// the difference. This is the real input-to-frame time, X included.
pub fn probe(ctx: &egui::Context) {
    if stats().is_none() {
        return;
    }
    let pressed = ctx.input(|input| input.key_pressed(PROBE_KEY));
    if pressed {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        eprintln!("frame-probe: {}", now.as_millis());
    }
}

/// Whether the frame's input holds anything a user did.
pub fn had_input(ctx: &egui::Context) -> bool {
    ctx.input(|input| {
        input.events.iter().any(|event| {
            matches!(
                event,
                egui::Event::Key { .. }
                    | egui::Event::Text(_)
                    | egui::Event::PointerMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::MouseWheel { .. }
            )
        })
    })
}
