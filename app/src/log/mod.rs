//! The connection log shared by client windows and the server panel: a
//! view of the window's record of protocol steps ([`lojinha_teach::Steps`]),
//! and that view beside the sequence diagram, the record's other view
//! ([`linked`]).

pub mod bytes;
pub mod describe;
pub mod linked;
pub mod save;
pub mod shortcut;
pub mod view;

pub use view::LogView;

/// Bytes the app keeps of protocol steps in all: the server panel's record
/// and every client window's share it evenly ([`share`]).
pub const STEPS_BUDGET: usize = 40 * 1024 * 1024;

/// Clear in a log (the button or Ctrl+L): empties the record of steps (the
/// log and the diagram) and the count of steps not shown, then gives the
/// freed memory back to the system, on a thread of its own so the window
/// does not wait for the allocator.
pub fn clear(steps: &mut lojinha_teach::Steps, not_shown: &lojinha_server::client::DropCount) {
    steps.clear();
    not_shown.reset();
    let spawned = std::thread::Builder::new().name("memory-trim".into()).spawn(|| {
        lojinha_trim::give_back_freed_memory();
    });
    if let Err(e) = spawned {
        tracing::warn!("the cleared log's memory stays with the allocator: {e}");
    }
}

/// Each record's share of [`STEPS_BUDGET`] with `windows` client windows open.
pub fn share(windows: usize) -> usize {
    STEPS_BUDGET / (windows + 1)
}
