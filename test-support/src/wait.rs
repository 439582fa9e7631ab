//! The one bound on every wait in the tests, and polling for state that has
//! no event to wait on.

use std::time::{Duration, Instant};

/// How long any single wait in a test may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// Polls `condition` until it holds or [`WAIT`] passes; returns whether it
/// held. For state that has no event to wait on (such as the session
/// registry); callers assert on the answer.
#[must_use = "assert on whether the condition held"]
pub fn wait_until(mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if condition() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    condition()
}
