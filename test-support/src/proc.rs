//! What `/proc` says about a process (Linux): memory and thread counts
//! that tests print and bound.

/// A field of `/proc/<pid>/status` in kB (`VmRSS`, `Threads`, ...).
pub fn proc_status_field(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(&format!("{field}:")))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
