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
//!
//! Traffic asks egui for a frame only when no frame it asked for is still
//! to take the messages: thousands of steps a second cost a few calls into
//! egui, not one each (each call takes egui's lock, which the window's
//! frame holds too, and notes its cause until the next frame).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How soon traffic after a quiet spell is drawn: a lone step shows at once.
pub const QUICK: Duration = Duration::from_millis(30);

/// The least time between two frames that steady traffic asks for.
pub const PACE: Duration = Duration::from_millis(250);

/// Traffic that comes again within this is steady.
pub const STEADY: Duration = Duration::from_secs(1);

/// A frame asked for that has not taken the messages after this long is
/// asked for again (a frame can be skipped, say while a window closes).
pub const UNANSWERED: Duration = Duration::from_secs(1);

/// When traffic last came to one window and whether a frame it asked for
/// is still to come, shared by every thread that wakes that window.
#[derive(Clone, Default)]
pub struct Pace(Arc<Mutex<PaceState>>);

#[derive(Default)]
struct PaceState {
    last: Option<Instant>,
    /// When traffic asked for the frame that has not taken the messages yet.
    asked: Option<Instant>,
}

impl Pace {
    /// How long the frame for traffic arriving now may wait: [`QUICK`]
    /// after a quiet spell, [`PACE`] while traffic keeps coming; `None`
    /// when a frame asked for earlier has not taken the messages yet (that
    /// frame takes this one too: the message was sent before this call).
    pub fn next(&self) -> Option<Duration> {
        let now = Instant::now();
        let mut state = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let steady = state.last.is_some_and(|at| now.duration_since(at) < STEADY);
        state.last = Some(now);
        if state.asked.is_some_and(|at| now.duration_since(at) < UNANSWERED) {
            return None;
        }
        state.asked = Some(now);
        Some(if steady { PACE } else { QUICK })
    }

    /// The window is about to take its messages: traffic that comes after
    /// this asks for a frame of its own.
    pub fn taking(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).asked = None;
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

    /// Asks egui to draw this waker's viewport at traffic's [`Pace`],
    /// unless a frame asked for earlier is still to take the messages.
    /// Call it after sending the message.
    pub fn wake_soon(&self) {
        if let Some(delay) = self.pace.next() {
            self.ctx.request_repaint_after_for(delay, self.viewport);
        }
    }

    /// The window's frame is about to take the messages this waker's
    /// senders sent: call it first, then take them all.
    pub fn taking(&self) {
        self.pace.taking();
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
        assert_eq!(pace.next(), Some(QUICK));
        pace.taking();
        assert_eq!(pace.next(), Some(PACE));
        pace.taking();
        assert_eq!(pace.clone().next(), Some(PACE), "clones share the pace");
        pace.taking();
        std::thread::sleep(STEADY + Duration::from_millis(50));
        assert_eq!(pace.next(), Some(QUICK));
    }

    /// Traffic asks for one frame until a frame takes the messages; a frame
    /// asked for that never came is asked for again.
    #[test]
    fn traffic_asks_once_until_a_frame_takes_it() {
        let pace = Pace::default();
        assert!(pace.next().is_some());
        assert_eq!(pace.next(), None, "the frame asked for takes this message too");
        assert_eq!(pace.clone().next(), None, "whichever thread sends it");
        pace.taking();
        assert!(pace.next().is_some(), "after the frame took them, traffic asks again");
        std::thread::sleep(UNANSWERED + Duration::from_millis(50));
        assert!(pace.next().is_some(), "a frame that never came is asked for again");
    }

    /// Traffic before the window's frame begins asks egui once, not once
    /// per step; after the frame began taking, it asks again.
    #[test]
    fn traffic_before_the_frame_asks_egui_once() {
        let ctx = egui::Context::default();
        let asked = Arc::new(Mutex::new(0));
        ctx.set_repaint_observer({
            let asked = asked.clone();
            Box::new(move |_| *asked.lock().unwrap() += 1)
        });
        let waker = Waker::new(ctx.clone(), egui::ViewportId::from_hash_of("client window 1"));
        for _ in 0..1_000 {
            waker.clone().wake_soon();
        }
        assert_eq!(*asked.lock().unwrap(), 1, "a thousand steps, one request");
        waker.taking();
        waker.wake_soon();
        assert_eq!(*asked.lock().unwrap(), 2, "after the frame took them, one more");
    }
}
