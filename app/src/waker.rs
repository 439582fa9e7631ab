//! How background work (a window's network thread, a file import or
//! export) wakes the viewport that shows its results: each sends its
//! message first, then asks egui to draw that viewport again, so the UI
//! takes the message with `try_recv` on its next frame and never polls.
//!
//! Traffic (log steps, notifications) is drawn at its own [`Pace`]: the
//! first step after a quiet spell within [`QUICK`], steady traffic at most
//! every [`PACE`]. A class's load then costs at most four frames a second
//! per window, and the CPU left over keeps the frames that answer the
//! user's input quick (on a software renderer a frame costs tens of
//! milliseconds of CPU; see docs/benchmarks.md). What the user is waiting
//! for (an answer, a connection) wakes the window at once.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How soon traffic after a quiet spell is drawn: a lone step shows at once.
pub const QUICK: Duration = Duration::from_millis(30);

/// The least time between two frames that steady traffic asks for.
pub const PACE: Duration = Duration::from_millis(250);

/// Traffic that comes again within this is steady.
pub const STEADY: Duration = Duration::from_secs(1);

/// When traffic last asked one window for a frame, shared by every thread
/// that wakes it.
#[derive(Clone, Default)]
pub struct Pace(Arc<Mutex<Option<Instant>>>);

impl Pace {
    /// How long the frame for traffic arriving now may wait: [`QUICK`]
    /// after a quiet spell, [`PACE`] while traffic keeps coming.
    pub fn next(&self) -> Duration {
        let now = Instant::now();
        let mut last = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let steady = last.is_some_and(|at| now.duration_since(at) < STEADY);
        *last = Some(now);
        if steady { PACE } else { QUICK }
    }
}

/// Wakes one viewport: the main window's or a client window's.
#[derive(Clone)]
pub struct Waker {
    pub ctx: egui::Context,
    pub viewport: egui::ViewportId,
    pace: Pace,
}

impl Waker {
    pub fn new(ctx: egui::Context, viewport: egui::ViewportId) -> Waker {
        Waker { ctx, viewport, pace: Pace::default() }
    }

    /// Asks egui to draw this waker's viewport again soon.
    pub fn wake(&self) {
        self.ctx.request_repaint_of(self.viewport);
    }

    /// Asks egui to draw this waker's viewport at traffic's [`Pace`]:
    /// many calls before that frame still make one frame.
    pub fn wake_soon(&self) {
        self.ctx.request_repaint_after_for(self.pace.next(), self.viewport);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Waking asks for a repaint of the waker's own viewport, not of others.
    #[test]
    fn wake_asks_for_a_repaint_of_its_viewport() {
        let ctx = egui::Context::default();
        let window = egui::ViewportId::from_hash_of("client window 1");
        let other = egui::ViewportId::from_hash_of("client window 2");
        assert!(!ctx.has_requested_repaint_for(&window));
        Waker::new(ctx.clone(), window).wake();
        assert!(ctx.has_requested_repaint_for(&window));
        assert!(!ctx.has_requested_repaint_for(&other));
    }

    /// The first traffic after a quiet spell is drawn quickly, traffic that
    /// keeps coming at the slower pace, and quiet makes it quick again.
    #[test]
    fn traffic_is_quick_after_quiet_and_paced_while_steady() {
        let pace = Pace::default();
        assert_eq!(pace.next(), QUICK);
        assert_eq!(pace.next(), PACE);
        assert_eq!(pace.clone().next(), PACE, "clones share the pace");
        std::thread::sleep(STEADY + Duration::from_millis(50));
        assert_eq!(pace.next(), QUICK);
    }
}
