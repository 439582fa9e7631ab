//! The real binaries of `lojinha-server`, built once per test process.
//!
//! Test binaries live in `<target>/<profile>/deps/`; the server's binaries
//! go in `<target>/<profile>/`. They are (re)built there with `cargo build`,
//! which does nothing when they are fresh, so a clean clone and `cargo test
//! --workspace` both work and a stale binary is never tested.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The `lojinha-server` binary.
pub fn server_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| build_binary("lojinha-server"))
}

/// The `lojinha-bench` binary.
pub fn bench_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| build_binary("lojinha-bench"))
}

/// Builds binary `name` of `lojinha-server` into this test binary's target
/// directory and profile; returns its path.
fn build_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    let profile_dir = exe.parent().and_then(Path::parent).expect("<target>/<profile>/deps/<test>");
    let target_dir = profile_dir.parent().expect("<target>/<profile>");
    let status = cargo_build(name, profile_dir, target_dir).status().expect("run cargo build");
    assert!(status.success(), "cargo build -p lojinha-server --bin {name} failed: {status}");
    let binary = profile_dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(binary.exists(), "no {name} binary at {} after cargo build", binary.display());
    binary
}

/// `cargo build` of one binary, for the profile whose directory is `profile_dir`.
fn cargo_build(name: &str, profile_dir: &Path, target_dir: &Path) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root");
    let mut build = Command::new(cargo);
    build
        .current_dir(workspace)
        .args(["build", "--quiet", "-p", "lojinha-server", "--bin", name, "--target-dir"])
        .arg(target_dir);
    match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => {}
        Some("release") => {
            build.arg("--release");
        }
        Some(profile) => {
            build.args(["--profile", profile]);
        }
    }
    build
}
