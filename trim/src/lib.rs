//! Giving freed memory back to the system.
//!
//! glibc's allocator keeps what the program frees in its arenas (one per
//! busy thread, up to eight per core) to reuse it later, so after a large
//! drop (the log's Clear, after a class's load) the process's resident size
//! stays where its peak left it. `malloc_trim(0)` hands every whole free
//! page of every arena back to the kernel.
//!
//! This is the project's only `unsafe` code: one call into the C library,
//! with no pointer and no state of ours involved. Elsewhere (another libc,
//! another system) it does nothing.

/// Returns the allocator's free pages to the system; whether any were
/// returned. It walks every arena, taking each one's lock in turn: call it
/// after a large drop, from a thread of its own, not in a loop.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_back_freed_memory() -> bool {
    // SAFETY: `malloc_trim` takes a plain integer (the padding to keep at
    // the top of the heap) and only changes the allocator's own free lists;
    // it is thread-safe (it locks each arena) and has no preconditions.
    unsafe { libc::malloc_trim(0) == 1 }
}

/// Elsewhere the allocator keeps what it keeps.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back_freed_memory() -> bool {
    false
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;

    /// Resident pages of this process, from `/proc/self/statm`.
    fn resident_pages() -> u64 {
        let statm = std::fs::read_to_string("/proc/self/statm").expect("statm");
        statm.split_whitespace().nth(1).and_then(|f| f.parse().ok()).expect("a resident count")
    }

    /// Memory freed in small pieces by a thread of its own (so it sits in
    /// that thread's arena, which glibc does not shrink by itself) goes
    /// back to the system when trimmed.
    #[test]
    fn freed_memory_goes_back() {
        const PIECES: usize = 400_000;
        std::thread::spawn(|| {
            // Every other piece is kept until the end, so the freed ones
            // are holes glibc cannot give back by moving the heap's top.
            let pieces: Vec<Vec<u8>> = (0..PIECES).map(|i| vec![(i % 251) as u8; 512]).collect();
            let kept: Vec<Vec<u8>> = pieces.into_iter().step_by(64).collect();
            std::hint::black_box(&kept);
            let before = resident_pages();
            assert!(give_back_freed_memory(), "some pages were free");
            let after = resident_pages();
            let page_kib = 4;
            assert!(
                (before - after) * page_kib > 100 * 1024,
                "at least 100 MiB of the 195 MiB freed went back: {before} → {after} pages"
            );
            drop(kept);
        })
        .join()
        .expect("the allocating thread");
    }
}
