//! What a client discards because a reader of its channels lags behind: a
//! shared count, so whoever shows the stream can say "N not shown" instead
//! of holding everything a fast server sends.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crossbeam_channel::{Sender, TrySendError};

/// A count of discarded items, shared by clones (the client, its reader
/// thread and a user interface all add to, and read, the same number).
#[derive(Debug, Clone, Default)]
pub struct DropCount(Arc<AtomicU64>);

impl DropCount {
    pub fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    /// Everything discarded since the count began (or was last reset).
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    /// Starts counting again from zero (a log that is cleared starts afresh).
    pub fn reset(&self) {
        self.0.store(0, Ordering::Relaxed);
    }

    /// Sends without waiting; a full channel drops `item` and counts it.
    /// Returns whether the receiver is still there.
    pub fn offer<T>(&self, tx: &Sender<T>, item: T) -> bool {
        match tx.try_send(item) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) => {
                self.add(1);
                true
            }
            Err(TrySendError::Disconnected(_)) => false,
        }
    }
}
