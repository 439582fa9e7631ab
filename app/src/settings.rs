//! The settings a user expects to find again next time (addresses, names,
//! theme), and how they are saved without two `lojinha` processes clobbering
//! each other.
//!
//! Why not eframe's `app.ron`: every process of the app shares that one file
//! and the last to exit overwrites the other's choices wholesale. Instead we
//! keep `settings.json` in the config directory and save *only the fields this
//! process changed*, merged into whatever is on disk at that moment, under an
//! exclusive lock so no other process reads or writes the file in between.
//! Two windows of a class demo can each change their own things and both stick.
//! The file is read once at start (before the first frame) and written by a
//! named thread, so the UI thread never waits on the disk.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crossbeam_channel::Sender;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::theme::Theme;

/// Everything that persists across runs. Missing fields take their default,
/// so old files keep working when fields are added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where the in-process server listens (`host:port`).
    pub listen: String,
    /// Listen on every interface (other computers can connect).
    pub allow_remote: bool,
    /// Serve one client at a time (the lesson's sequential server).
    pub sequential: bool,
    pub db_in_memory: bool,
    /// The database file; empty means the default in the data directory.
    /// (A connection string typed here is saved without its password too.)
    #[serde(serialize_with = "without_password")]
    pub db_path: String,
    /// Keep the catalog in a PostgreSQL database shared with other servers
    /// (wins over `db_in_memory` and `db_path`).
    pub db_shared: bool,
    /// The shared database's connection string (`postgres://…` or
    /// `host=… dbname=…`). Saved without its password, which is kept for
    /// this run only (or comes from `PGPASSWORD`).
    #[serde(serialize_with = "without_password")]
    pub postgres: String,
    /// Add the sample products when the catalog is empty at start.
    pub seed_sample: bool,
    /// The access token the in-process server asks for (empty: none).
    /// A secret: kept for this run only, never written to the settings file.
    #[serde(skip)]
    pub server_token: String,
    /// The address client windows connect to by default.
    pub connect_addr: String,
    /// The name new client windows give in `hello` (a number is appended);
    /// empty means who and where, such as `maria@lab-07` ([`crate::window_name`]).
    pub client_name: String,
    pub auto_reconnect: bool,
    pub theme: Theme,
    /// UI zoom, for projecting in class.
    pub zoom: f32,
    /// The last export path typed or chosen.
    pub export_path: String,
    /// The user's language; `None` until chosen (the system's locale decides).
    pub language: Option<lojinha_teach::Language>,
    /// The in-process server's idle timeout, in seconds.
    pub idle_timeout_secs: u64,
    /// Whether the lesson panel is open.
    pub lesson_open: bool,
    /// The lesson step the student is on.
    pub lesson: lojinha_teach::LessonPanel,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            listen: lojinha_server::server::DEFAULT_LISTEN.into(),
            allow_remote: false,
            sequential: false,
            db_in_memory: false,
            db_path: String::new(),
            db_shared: false,
            postgres: String::new(),
            seed_sample: true,
            server_token: String::new(),
            connect_addr: lojinha_server::server::DEFAULT_LISTEN.into(),
            client_name: String::new(),
            auto_reconnect: true,
            theme: Theme::default(),
            zoom: 1.0,
            export_path: String::new(),
            language: None,
            idle_timeout_secs: lojinha_server::server::DEFAULT_IDLE_TIMEOUT.as_secs(),
            lesson_open: false,
            lesson: lojinha_teach::LessonPanel::default(),
        }
    }
}

/// Which catalog the in-process server keeps, as the panel offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogChoice {
    Memory,
    File,
    Shared,
}

impl Settings {
    pub fn catalog(&self) -> CatalogChoice {
        match (self.db_shared, self.db_in_memory) {
            (true, _) => CatalogChoice::Shared,
            (false, true) => CatalogChoice::Memory,
            (false, false) => CatalogChoice::File,
        }
    }

    pub fn set_catalog(&mut self, choice: CatalogChoice) {
        self.db_shared = choice == CatalogChoice::Shared;
        self.db_in_memory = choice == CatalogChoice::Memory;
    }
}

/// A connection string without its password; any other text as it is.
fn without_password<S: serde::Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match lojinha_server::DbLocation::parse(text.trim()) {
        lojinha_server::DbLocation::Postgres(conninfo) => {
            serializer.serialize_str(&lojinha_server::storage::conninfo_without_password(&conninfo))
        }
        _ => serializer.serialize_str(text),
    }
}

/// The settings file of this user, in the platform's config directory.
pub fn default_settings_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "Lojinha", "lojinha")?;
    Some(dirs.config_dir().join("settings.json"))
}

/// The writer thread and the channel that feeds it changed fields.
type Writer = (Sender<Map<String, Value>>, std::thread::JoinHandle<()>);

/// Loads settings and saves this process's changes in the background.
pub struct SettingsStore {
    /// What this process last loaded or saved, to tell which fields changed.
    baseline: Value,
    writer: Option<Writer>,
}

impl SettingsStore {
    /// A store that neither reads nor writes (tests, or no config directory).
    pub fn none() -> (SettingsStore, Settings) {
        let settings = Settings::default();
        let baseline = to_value(&settings);
        (SettingsStore { baseline, writer: None }, settings)
    }

    /// Reads `path` (a missing or broken file gives the defaults) and starts the writer.
    pub fn open(path: PathBuf) -> (SettingsStore, Settings) {
        let settings = read(&path).unwrap_or_default();
        let baseline = to_value(&settings);
        let (tx, rx) = crossbeam_channel::unbounded::<Map<String, Value>>();
        let thread = std::thread::Builder::new().name("settings-writer".into()).spawn(move || {
            for changes in rx {
                if let Err(e) = merge_into_file(&path, changes) {
                    tracing::warn!("cannot save settings to {}: {e}", path.display());
                }
            }
        });
        let writer = match thread {
            Ok(thread) => Some((tx, thread)),
            Err(e) => {
                tracing::warn!("settings will not be saved: {e}");
                None
            }
        };
        (SettingsStore { baseline, writer }, settings)
    }

    /// Takes `settings` as saved without writing them (start-up overrides from
    /// the command line are for this run only).
    pub fn accept(&mut self, settings: &Settings) {
        self.baseline = to_value(settings);
    }

    /// Queues the fields that differ from the last save; returns at once.
    pub fn save_changes(&mut self, settings: &Settings) {
        let current = to_value(settings);
        let changes = changed_fields(&self.baseline, &current);
        if changes.is_empty() {
            return;
        }
        self.baseline = current;
        if let Some((tx, _)) = &self.writer {
            let _ = tx.send(changes);
        }
    }
}

impl Drop for SettingsStore {
    /// Lets the writer finish the last save before the process exits.
    fn drop(&mut self) {
        if let Some((tx, thread)) = self.writer.take() {
            drop(tx);
            let _ = thread.join();
        }
    }
}

fn to_value(settings: &Settings) -> Value {
    serde_json::to_value(settings).unwrap_or(Value::Null)
}

fn read(path: &Path) -> Option<Settings> {
    let text = std::fs::read_to_string(path).ok()?;
    match serde_json::from_str(&text) {
        Ok(settings) => Some(settings),
        Err(e) => {
            tracing::warn!("ignoring unreadable settings {}: {e}", path.display());
            None
        }
    }
}

/// The top-level fields of `new` whose value differs from `old`.
fn changed_fields(old: &Value, new: &Value) -> Map<String, Value> {
    let Value::Object(new) = new else { return Map::new() };
    new.iter()
        .filter(|(key, value)| old.get(key.as_str()) != Some(value))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Reads the file as it is now, overwrites only `changes`, and replaces it
/// atomically, all while holding the settings lock: another process (or
/// store) that merges at the same moment waits, then reads what this one
/// wrote, so neither loses the other's change.
fn merge_into_file(path: &Path, changes: Map<String, Value>) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let _locked = lock_settings(path)?;
    let mut on_disk = read_fields(path);
    on_disk.extend(changes);
    let temp = path.with_extension(format!("json.{}.tmp", std::process::id()));
    std::fs::write(&temp, serde_json::to_vec_pretty(&on_disk)?)?;
    std::fs::rename(&temp, path)
}

/// Waits for the exclusive lock on `<settings>.lock`, beside the settings
/// file; it is released when the returned file is dropped. The lock is on a
/// file of its own because each save replaces the settings file, and a lock
/// on a replaced file would guard nothing.
fn lock_settings(path: &Path) -> io::Result<File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock = File::options().create(true).truncate(false).write(true).open(PathBuf::from(name))?;
    lock.lock()?;
    Ok(lock)
}

/// The settings file's fields as they are now (none when it is missing or broken).
fn read_fields(path: &Path) -> Map<String, Value> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str::<Map<String, Value>>(&text).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two processes that change different fields both keep their change.
    #[test]
    fn two_processes_do_not_clobber_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let (mut first, mut first_settings) = SettingsStore::open(path.clone());
        let (mut second, mut second_settings) = SettingsStore::open(path.clone());
        first_settings.listen = "127.0.0.1:6000".into();
        first.save_changes(&first_settings);
        drop(first);
        second_settings.client_name = "Aluno".into();
        second.save_changes(&second_settings);
        drop(second);
        let (_, loaded) = SettingsStore::open(path);
        assert_eq!(loaded.listen, "127.0.0.1:6000");
        assert_eq!(loaded.client_name, "Aluno");
    }

    /// Two writers merging at the same time, each its own fields one save
    /// at a time, lose nothing: every field either wrote is in the file.
    #[test]
    fn concurrent_merges_keep_every_change() {
        const SAVES: usize = 150;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let writers: Vec<_> = ["first", "second"]
            .into_iter()
            .map(|writer| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for n in 0..SAVES {
                        let change = Map::from_iter([(format!("{writer}-{n}"), Value::from(n))]);
                        merge_into_file(&path, change).unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().unwrap();
        }
        let saved = read_fields(&path);
        let lost: Vec<String> = ["first", "second"]
            .iter()
            .flat_map(|writer| (0..SAVES).map(move |n| format!("{writer}-{n}")))
            .filter(|key| !saved.contains_key(key))
            .collect();
        assert!(lost.is_empty(), "{} of {} changes lost: {lost:?}", lost.len(), 2 * SAVES);
    }

    /// The shared database's password stays in this run: the file keeps
    /// the connection string without it.
    #[test]
    fn the_database_password_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let (mut store, mut settings) = SettingsStore::open(path.clone());
        settings.set_catalog(CatalogChoice::Shared);
        settings.postgres = "postgres://ana:s3cret@db.lab/lojinha".into();
        store.save_changes(&settings);
        drop(store);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("s3cret"), "{text}");
        let (_, loaded) = SettingsStore::open(path);
        assert_eq!(loaded.postgres, "postgres://ana@db.lab/lojinha");
        assert_eq!(loaded.catalog(), CatalogChoice::Shared);
    }
}
