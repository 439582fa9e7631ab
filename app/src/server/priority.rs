//! The in-app server never starves the window: the thread that starts it
//! lowers its own scheduling priority first, and every thread the server
//! then starts (listener, storage writer, fan-out, one or two per session)
//! inherits it. Fifty busy sessions then take only the CPU the window leaves,
//! and a click is drawn at once however hard the class pushes the server.
//!
//! Linux gives each thread its own nice value, inherited by the threads it
//! creates; elsewhere the server runs at the window's priority.

/// How much lower than the window the server runs (nice +10 of 19).
pub const NICE: i32 = 10;

/// Lowers the calling thread's priority by [`NICE`]; threads it starts from
/// now on inherit it. Failing leaves the priority as it was (and says so).
#[cfg(target_os = "linux")]
pub fn lower_this_thread() {
    let this = rustix::thread::gettid();
    if let Err(e) = rustix::process::setpriority_process(Some(this), NICE) {
        tracing::warn!("the server runs at the window's priority: cannot lower it ({e})");
    }
}

/// Elsewhere threads keep the process's priority.
#[cfg(not(target_os = "linux"))]
pub fn lower_this_thread() {}
