//! Big answers take turns at the processors.
//!
//! A page of ten thousand products, or a batch of a thousand of them, is
//! mostly serialization: pure processor time. Two hundred sessions making
//! such answers at once would leave a bystander's one-line `product.get`
//! waiting behind two hundred runnable threads. So an answer, once it has
//! grown past one chunk, makes each further chunk only while it holds a
//! turn; there are as many turns as processors. A turn is given back before
//! the chunk goes to the socket, so a client that reads slowly never keeps
//! anyone else waiting, and small answers never ask for a turn at all.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// How often a session waiting for a turn looks whether it is closing.
const RECHECK: Duration = Duration::from_millis(50);

pub struct Turns {
    free: Mutex<usize>,
    freed: Condvar,
}

impl Turns {
    /// One turn per processor the system gives this process.
    pub fn per_processor() -> Turns {
        let processors = std::thread::available_parallelism().map_or(1, |n| n.get());
        Turns { free: Mutex::new(processors), freed: Condvar::new() }
    }

    /// Waits for a turn; gives up (false) once `closing` says so.
    pub fn take(&self, closing: impl Fn() -> bool) -> bool {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            if closing() {
                return false;
            }
            free = self.freed.wait_timeout(free, RECHECK).unwrap_or_else(|e| e.into_inner()).0;
        }
        *free -= 1;
        true
    }

    pub fn give_back(&self) {
        *self.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Turns run out, come back, and a closing session stops waiting.
    #[test]
    fn turns_are_counted_and_closing_stops_the_wait() {
        let turns = Turns { free: Mutex::new(1), freed: Condvar::new() };
        assert!(turns.take(|| false));
        assert!(!turns.take(|| true), "no turn left and closing: give up");
        turns.give_back();
        assert!(turns.take(|| false));
    }
}
