//! Ctrl-C (and SIGTERM): the run stops taking tickets, the requests in
//! flight are answered, and the figures measured so far are printed.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Catches Ctrl-C for the rest of the process. A second Ctrl-C ends it at once.
pub fn install() -> Result<(), ctrlc::Error> {
    ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(EXIT_CODE);
        }
        eprintln!("lojinha-bench: interrupted, finishing the requests in flight (Ctrl-C again to quit now)");
    })
}

/// Whether Ctrl-C was pressed.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The exit status of an interrupted run (128 + SIGINT, as shells report it).
pub const EXIT_CODE: i32 = 130;
