//! Storage faults: a full disk while writing, and database files that are
//! corrupt, unreadable or locked by another server.
//!
//! The disk-full test mounts a 4 MiB tmpfs (it needs root, as these tests
//! run; elsewhere it says so and passes without checking). The unreadable
//! test runs the binary as user `nobody` through `setpriv`, because root
//! reads a `chmod 000` file all the same.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use lojinha_reliability::read_db_file;
use lojinha_test_support::{
    Conn, ServerProcess, config_with_db, product, run_server_to_exit, start_server, temp_db,
};
use serde_json::{Value, json};

/// A small tmpfs, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file until the disk is full.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).expect("create filler");
        let block = vec![0u8; 4096];
        while file.write_all(&block).and_then(|()| file.sync_all()).is_ok() {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

fn add(conn: &mut Conn, id: u64, code: &str) -> Value {
    let name = format!("{code} {}", "x".repeat(150));
    conn.call_reply(id, "product.add", json!({"product": product(code, &name, id as i64, 1)}))
}

/// On a full disk writes fail with -32603 and a clear message, reads go on, nothing acknowledged is lost, and writes work again once there is space.
#[test]
fn disk_full_fails_writes_cleanly_and_recovers() {
    let Some(disk) = SmallDisk::mount("4m") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root); see docs/reliability.md");
        return;
    };
    let db = disk.path().join("catalog.db");
    let server = start_server(config_with_db(&db));
    let mut conn = Conn::welcomed(server.local_addr());
    let mut acknowledged = Vec::new();
    for i in 0..50 {
        let code = format!("BEFORE-{i}");
        assert!(add(&mut conn, i, &code).get("result").is_some());
        acknowledged.push(code);
    }
    let filler = disk.fill();
    let mut failures = Vec::new();
    for i in 0..400 {
        let code = format!("FULL-{i}");
        let answer = add(&mut conn, 1000 + i, &code);
        if answer.get("result").is_some() {
            acknowledged.push(code);
        } else {
            failures.push(answer);
        }
    }
    assert!(!failures.is_empty(), "no write failed on a full disk");
    for failure in &failures {
        assert_eq!(failure["error"]["code"], -32603, "{failure}");
        let message = failure["error"]["message"].as_str().unwrap_or_default();
        // The exact words: the app knows this sentence and says it in the user's language.
        assert_eq!(message, "internal error: storage write failed: database or disk is full");
    }
    println!(
        "disk full: {} writes refused with -32603 ({}); {} acknowledged",
        failures.len(),
        failures[0]["error"]["message"],
        acknowledged.len()
    );
    // Reads keep working and see every acknowledged write.
    for (i, code) in acknowledged.iter().enumerate() {
        let got = conn.call_reply(i as u64, "product.get", json!({"code": code}));
        assert_eq!(got["result"]["code"], code.as_str(), "{got}");
    }
    let page = conn.call_reply(0, "product.list", json!({"limit": 10_000}));
    assert_eq!(page["result"]["total"], acknowledged.len(), "the mirror holds only what was committed");
    // Space comes back: writes work again.
    std::fs::remove_file(filler).expect("remove the filler");
    for i in 0..20 {
        let code = format!("AFTER-{i}");
        let answer = add(&mut conn, 5000 + i, &code);
        assert!(answer.get("result").is_some(), "write after space came back: {answer}");
        acknowledged.push(code);
    }
    server.stop();
    let (integrity, rows) = read_db_file(&db);
    assert_eq!(integrity, "ok");
    let stored: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let lost: Vec<&String> = acknowledged.iter().filter(|c| !stored.contains(&c.as_str())).collect();
    assert!(lost.is_empty(), "lost after restart: {lost:?}");
    assert_eq!(stored.len(), acknowledged.len(), "nothing unacknowledged was stored");
}

/// The ways a catalog file can be broken, written into `path`.
fn corrupt_files(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, b"this is not a SQLite database, just some text\n".repeat(200)).unwrap();
    let zeros_header = dir.join("bad-header.db");
    let damaged_pages = dir.join("damaged-pages.db");
    for path in [&zeros_header, &damaged_pages] {
        let server = start_server(config_with_db(path));
        let mut conn = Conn::welcomed(server.local_addr());
        for i in 0..300 {
            add(&mut conn, i, &format!("P{i:04}"));
        }
        server.stop();
    }
    let mut bytes = std::fs::read(&zeros_header).unwrap();
    bytes[..16].fill(0);
    std::fs::write(&zeros_header, bytes).unwrap();
    let mut bytes = std::fs::read(&damaged_pages).unwrap();
    let page = 4096;
    for p in [2, 4, 7] {
        if bytes.len() > (p + 1) * page {
            bytes[p * page..p * page + 2000].iter_mut().for_each(|b| *b = 0xA5);
        }
    }
    std::fs::write(&damaged_pages, bytes).unwrap();
    vec![("garbage text", garbage), ("zeroed header", zeros_header), ("damaged b-tree pages", damaged_pages)]
}

/// A corrupt catalog file: `start` returns an error naming the file, the binary exits 1 saying so, and the file is left untouched.
#[test]
fn corrupt_database_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    for (what, path) in corrupt_files(dir.path()) {
        let before = std::fs::read(&path).unwrap();
        let error = match lojinha_server::start(config_with_db(&path)) {
            Ok(_) => panic!("{what}: the server started on a corrupt file"),
            Err(e) => e.to_string(),
        };
        assert!(error.contains(path.to_str().unwrap()), "{what}: the error names the file: {error}");
        assert!(error.contains("corrupt") || error.contains("not a"), "{what}: says what is wrong: {error}");
        let (code, stderr) = run_server_to_exit(
            &["--listen", "127.0.0.1:0", "--db", path.to_str().unwrap()],
            Duration::from_secs(20),
        );
        assert_eq!(code, Some(1), "{what}: exit code; stderr: {stderr}");
        assert!(stderr.contains(path.to_str().unwrap()) && stderr.contains("corrupt"), "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{what}: the file was changed");
        println!("{what}: {error}");
    }
}

/// A catalog file the server cannot read or open: it refuses to start and names the file.
#[test]
fn unreadable_database_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should be: the same for root and everyone.
    let directory = dir.path().join("is-a-directory.db");
    std::fs::create_dir(&directory).unwrap();
    let error = lojinha_server::start(config_with_db(&directory))
        .err()
        .expect("no server on a directory")
        .to_string();
    assert!(error.contains(directory.to_str().unwrap()), "{error}");
    println!("directory: {error}");
    // A file below a regular file: no directory can be created there.
    let blocker = dir.path().join("plain-file");
    std::fs::write(&blocker, b"x").unwrap();
    let below = blocker.join("catalog.db");
    let error =
        lojinha_server::start(config_with_db(&below)).err().expect("no server below a file").to_string();
    assert!(error.contains(below.to_str().unwrap()), "{error}");
    println!("below a file: {error}");
    // chmod 000, read by an unprivileged user (root ignores permission bits).
    let (_db_dir, db) = temp_db();
    drop(start_server(config_with_db(&db)));
    let setpriv = Command::new("setpriv").arg("--version").output().is_ok_and(|o| o.status.success());
    if !setpriv || !Path::new("/usr/bin/setpriv").exists() {
        eprintln!("skipped the chmod 000 case: no setpriv to drop root");
        return;
    }
    make_traversable(&db);
    std::fs::set_permissions(&db, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let output = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(lojinha_test_support::server_binary())
        .args(["--listen", "127.0.0.1:0", "--db"])
        .arg(&db)
        .output()
        .expect("run the server as nobody");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains(db.to_str().unwrap()), "names the file: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    println!("chmod 000 as nobody: {}", stderr.trim());
}

/// Lets `nobody` reach the file (temp dirs are 0700).
fn make_traversable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == Path::new("/") || d == std::env::temp_dir() {
            break;
        }
        let mode = std::fs::metadata(d).unwrap().permissions().mode();
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(mode | 0o711)).unwrap();
        dir = d.parent();
    }
}

/// A catalog file in use by another server (in-process or another process): the second refuses to start, saying it is locked.
#[test]
fn locked_database_refuses_a_second_server() {
    let (_dir, db) = temp_db();
    let db_arg = db.to_str().unwrap();
    let first = ServerProcess::spawn(&["--db", db_arg]);
    let mut conn = Conn::welcomed(first.addr());
    add(&mut conn, 1, "MINE");
    let error = lojinha_server::start(config_with_db(&db))
        .err()
        .expect("a second server on a locked file")
        .to_string();
    assert!(error.contains(db_arg) && error.contains("locked"), "{error}");
    let (code, stderr) =
        run_server_to_exit(&["--listen", "127.0.0.1:0", "--db", db_arg], Duration::from_secs(20));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains(db_arg) && stderr.contains("locked"), "{stderr}");
    println!("locked: {error}");
    // The first server is unharmed.
    assert_eq!(conn.call_reply(2, "product.get", json!({"code": "MINE"}))["result"]["code"], "MINE");
    // And an in-process owner locks out the binary the same way.
    drop(conn);
    first.kill();
    let owner = start_server(config_with_db(&db));
    let (code, stderr) =
        run_server_to_exit(&["--listen", "127.0.0.1:0", "--db", db_arg], Duration::from_secs(20));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("locked"), "{stderr}");
    owner.stop();
}
