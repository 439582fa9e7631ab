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
pub const STEPS_BUDGET: usize = 64 * 1024 * 1024;

/// Each record's share of [`STEPS_BUDGET`] with `windows` client windows open.
pub fn share(windows: usize) -> usize {
    STEPS_BUDGET / (windows + 1)
}
