//! What a stream of protocol steps discards because its reader lags behind:
//! a shared count, so whoever shows the stream can say "N not shown" instead
//! of holding everything a fast peer sends, and a shared budget of the text
//! waiting in its channels, so huge lines cannot pile up either.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use crossbeam_channel::{Sender, TrySendError};

/// A count of discarded items and of the bytes of text waiting, shared by
/// clones: the client, a network thread and a user interface all offer to,
/// take from, and read the same numbers. Every channel an item crosses on
/// its way counts it once: offered, it adds its bytes; taken, it gives them
/// back.
#[derive(Debug, Clone)]
pub struct DropCount(Arc<Counts>);

#[derive(Debug)]
struct Counts {
    dropped: AtomicU64,
    waiting_bytes: AtomicUsize,
    max_bytes: usize,
}

impl Default for DropCount {
    fn default() -> Self {
        DropCount::with_byte_budget(usize::MAX)
    }
}

impl DropCount {
    /// A count whose streams hold at most `max_bytes` of text in their channels.
    pub fn with_byte_budget(max_bytes: usize) -> Self {
        DropCount(Arc::new(Counts {
            dropped: AtomicU64::new(0),
            waiting_bytes: AtomicUsize::new(0),
            max_bytes,
        }))
    }

    pub fn add(&self, n: u64) {
        self.0.dropped.fetch_add(n, Ordering::Relaxed);
    }

    /// Everything discarded since the count began (or was last reset).
    pub fn get(&self) -> u64 {
        self.0.dropped.load(Ordering::Relaxed)
    }

    /// Starts counting again from zero (a log that is cleared starts afresh).
    pub fn reset(&self) {
        self.0.dropped.store(0, Ordering::Relaxed);
    }

    /// Bytes of text offered and not yet taken.
    pub fn waiting_bytes(&self) -> usize {
        self.0.waiting_bytes.load(Ordering::Relaxed)
    }

    /// Sends without waiting; a full channel drops `item` and counts it.
    /// Returns whether the receiver is still there.
    pub fn offer<T>(&self, tx: &Sender<T>, item: T) -> bool {
        self.offer_sized(tx, item, 0)
    }

    /// Like [`DropCount::offer`] for an item holding `bytes` of text: it is
    /// also dropped (and counted) when the text waiting would pass the budget.
    pub fn offer_sized<T>(&self, tx: &Sender<T>, item: T, bytes: usize) -> bool {
        let waiting = &self.0.waiting_bytes;
        if waiting.load(Ordering::Relaxed).saturating_add(bytes) > self.0.max_bytes {
            // Not sent, so not known to be gone: the next offer finds out.
            self.add(1);
            return true;
        }
        waiting.fetch_add(bytes, Ordering::Relaxed);
        match tx.try_send(item) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) => {
                self.taken(bytes);
                self.add(1);
                true
            }
            Err(TrySendError::Disconnected(_)) => {
                self.taken(bytes);
                false
            }
        }
    }

    /// An item of `bytes` of text left a channel.
    pub fn taken(&self, bytes: usize) {
        let _ = self
            .0
            .waiting_bytes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |w| Some(w.saturating_sub(bytes)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items past the byte budget are dropped and counted; taking one makes room.
    #[test]
    fn the_byte_budget_holds_and_frees() {
        let count = DropCount::with_byte_budget(10);
        let (tx, rx) = crossbeam_channel::bounded(100);
        assert!(count.offer_sized(&tx, "a", 6));
        assert!(count.offer_sized(&tx, "b", 6), "over the budget: dropped, the receiver is still there");
        assert_eq!((count.get(), count.waiting_bytes(), rx.len()), (1, 6, 1));
        rx.recv().unwrap();
        count.taken(6);
        assert!(count.offer_sized(&tx, "c", 6));
        assert_eq!((count.get(), rx.len()), (1, 1));
    }
}
