//! How background work (a window's network thread, a file import or
//! export) wakes the viewport that shows its results: each sends its
//! message first, then asks egui to draw that viewport again, so the UI
//! takes the message with `try_recv` on its next frame and never polls.
//!
//! Traffic (log steps, notifications) wakes a viewport at most every
//! [`PACE`]: a class's load then costs at most ten frames a second, and
//! the CPU left over keeps the frames that answer the user's input quick.
//! What the user is waiting for (an answer, a connection) wakes it at once.

use std::time::Duration;

/// The least time between two frames that traffic asks for.
pub const PACE: Duration = Duration::from_millis(100);

/// Wakes one viewport: the main window's or a client window's.
#[derive(Clone)]
pub struct Waker {
    pub ctx: egui::Context,
    pub viewport: egui::ViewportId,
}

impl Waker {
    /// Asks egui to draw this waker's viewport again soon.
    pub fn wake(&self) {
        self.ctx.request_repaint_of(self.viewport);
    }

    /// Asks egui to draw this waker's viewport within [`PACE`] (traffic):
    /// many calls before that frame still make one frame.
    pub fn wake_soon(&self) {
        self.ctx.request_repaint_after_for(PACE, self.viewport);
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
        Waker { ctx: ctx.clone(), viewport: window }.wake();
        assert!(ctx.has_requested_repaint_for(&window));
        assert!(!ctx.has_requested_repaint_for(&other));
    }
}
