//! Input-to-frame latency, measured by the app itself when the environment
//! variable `LOJINHA_FRAME_STATS` is set (the load harness,
//! `scripts/app-under-load.sh`, sets it); otherwise nothing is measured.
//!
//! For each frame that handled input (a key, a click, a pointer move), the
//! figure is the time from the start of the previous frame of the same
//! window to the end of this one: an input that arrived any time after the
//! previous frame began is shown by this frame at the latest, so this
//! bounds its wait from above. Every [`REPORT_EVERY`] the app prints one
//! line to standard error with the frames counted since the last line:
//! `frame-stats: frames=.. with_input=.. input_to_frame_ms p50=.. p99=.. max=..`.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How often a line is printed.
pub const REPORT_EVERY: Duration = Duration::from_secs(10);

#[derive(Default)]
struct Stats {
    /// Per window: when its current frame began, and when its previous one did.
    frames: HashMap<egui::ViewportId, (Instant, Option<Instant>)>,
    latencies: Vec<Duration>,
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
    if let (true, Some(&(began, previous))) = (had_input, stats.frames.get(&viewport)) {
        stats.latencies.push(now - previous.unwrap_or(began));
    }
    let since = *stats.since.get_or_insert(now);
    if now - since >= REPORT_EVERY {
        report(&mut stats);
        stats.since = Some(now);
    }
}

fn report(stats: &mut Stats) {
    let mut latencies = std::mem::take(&mut stats.latencies);
    latencies.sort_unstable();
    let at = |q: f64| {
        let i = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len().max(1)) - 1;
        latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    eprintln!(
        "frame-stats: frames={} with_input={} input_to_frame_ms p50={:.1} p99={:.1} max={:.1}",
        std::mem::take(&mut stats.count),
        latencies.len(),
        at(0.5),
        at(0.99),
        at(1.0),
    );
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
