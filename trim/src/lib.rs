//! The app's memory: the allocator it uses, and giving what it freed back
//! to the system.
//!
//! On Linux with glibc the app allocates with jemalloc. Under a class's
//! load the app allocates and frees millions of small pieces (protocol
//! steps, lines, products) on many threads; glibc's allocator spreads them
//! over one arena per busy thread and keeps every page that still holds one
//! live piece, so after Clear the app stayed at 1.4 × its idle size even
//! with `malloc_trim`. jemalloc groups pieces by size, and with the settings
//! below a thread of its own returns unused pages within a second: 1.15 ×
//! (docs/benchmarks.md, "The app under a class's load"). C libraries (the
//! GL driver, SQLite) keep glibc's `malloc`.
//!
//! This is the project's only `unsafe` code: jemalloc's settings, read by
//! jemalloc at its start, and the calls that hand freed pages back. None of
//! it touches memory of ours. Elsewhere (another libc, another system) the
//! app uses the system's allocator and this does nothing.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod jemalloc {
    use std::ffi::{CStr, c_char};
    use std::ptr::null_mut;

    pub use tikv_jemallocator::Jemalloc as Allocator;

    /// jemalloc's settings: a background thread gives pages unused for a
    /// second back to the system (`dirty_decay_ms`), at once rather than
    /// with `MADV_FREE` (`muzzy_decay_ms:0`; such pages still count in the
    /// process's resident size until the system runs short).
    pub const SETTINGS: &CStr = c"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";

    /// A C string's address, as jemalloc reads `malloc_conf`.
    #[repr(transparent)]
    pub struct Conf(*const c_char);

    // SAFETY: the pointer is to a constant C string that lives for the
    // whole program and is never written.
    unsafe impl Sync for Conf {}

    // SAFETY: jemalloc (built with the `_rjem_` prefix) reads this symbol
    // once, when it starts, as a `const char *` to a NUL-terminated string;
    // `Conf` is exactly one such pointer, to a `'static` C string. Its own
    // definition of the symbol is weak, so this one is used.
    #[unsafe(export_name = "_rjem_malloc_conf")]
    pub static MALLOC_CONF: Conf = Conf(SETTINGS.as_ptr());

    /// Hands every arena's unused pages back at once (4096 is jemalloc's
    /// `MALLCTL_ARENAS_ALL`: every arena).
    pub fn purge() -> bool {
        let name = c"arena.4096.purge";
        // SAFETY: `name` is a C string; a purge reads and writes nothing of
        // ours, so every other argument is null or zero.
        unsafe { tikv_jemalloc_sys::mallctl(name.as_ptr(), null_mut(), null_mut(), null_mut(), 0) == 0 }
    }

    /// The `N` bytes of one of jemalloc's values by name (its settings:
    /// `opt.*`), when the value is exactly `N` bytes long.
    #[cfg(test)]
    pub fn read<const N: usize>(name: &CStr) -> Option<[u8; N]> {
        let mut bytes = [0_u8; N];
        let mut len = N;
        // SAFETY: `name` is a C string and `bytes` has room for `len`
        // bytes; jemalloc writes at most `len` bytes there (fewer, with an
        // error, when the value has another size), and any bytes are a
        // valid `[u8; N]`.
        let rc = unsafe {
            tikv_jemalloc_sys::mallctl(name.as_ptr(), bytes.as_mut_ptr().cast(), &raw mut len, null_mut(), 0)
        };
        (rc == 0 && len == N).then_some(bytes)
    }
}

/// The allocator the app uses (`#[global_allocator]` in its `main.rs`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub use jemalloc::Allocator;

/// The allocator the app uses: elsewhere, the system's.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub use std::alloc::System as Allocator;

/// Returns the allocators' free pages to the system: jemalloc's arenas are
/// purged, then glibc's (which C libraries use) trimmed; false when neither
/// allocator took the request. Both walk every arena, taking each one's
/// lock in turn: call it after a large drop, from a thread of its own, not
/// in a loop.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_back_freed_memory() -> bool {
    let purged = jemalloc::purge();
    // SAFETY: `malloc_trim` takes a plain integer (the padding to keep at
    // the top of the heap) and only changes the allocator's own free lists;
    // it is thread-safe (it locks each arena) and has no preconditions.
    let trimmed = unsafe { libc::malloc_trim(0) == 1 };
    purged || trimmed
}

/// Elsewhere the allocator keeps what it keeps.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back_freed_memory() -> bool {
    false
}

/// The tests run on the app's allocator, as the app does.
#[cfg(test)]
#[global_allocator]
static ALLOCATOR: Allocator = Allocator;

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;

    /// This process's resident size in KiB, from `/proc/self/status`.
    fn resident_kib() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").expect("status");
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).expect("a VmRSS line");
        line.split_whitespace().nth(1).and_then(|f| f.parse().ok()).expect("a resident size")
    }

    /// jemalloc runs with the app's settings.
    #[test]
    fn the_allocator_has_the_apps_settings() {
        let background = jemalloc::read::<1>(c"opt.background_thread").map(|b| b[0] != 0);
        let dirty = jemalloc::read::<8>(c"opt.dirty_decay_ms").map(i64::from_ne_bytes);
        let muzzy = jemalloc::read::<8>(c"opt.muzzy_decay_ms").map(i64::from_ne_bytes);
        assert_eq!((background, dirty, muzzy), (Some(true), Some(1000), Some(0)));
    }

    /// Memory freed in small pieces by a thread of its own, while every
    /// 64th piece stays, goes back to the system when given back, at once.
    #[test]
    fn freed_memory_goes_back() {
        const PIECES: usize = 400_000;
        std::thread::spawn(|| {
            let pieces: Vec<Vec<u8>> = (0..PIECES).map(|i| vec![(i % 251) as u8; 512]).collect();
            let kept: Vec<Vec<u8>> = pieces.into_iter().step_by(64).collect();
            std::hint::black_box(&kept);
            let before = resident_kib();
            assert!(give_back_freed_memory(), "the allocators took the request");
            let after = resident_kib();
            assert!(
                before.saturating_sub(after) > 100 * 1024,
                "at least 100 MiB of the 195 MiB freed went back: {before} → {after} KiB"
            );
            drop(kept);
        })
        .join()
        .expect("the allocating thread");
    }
}
