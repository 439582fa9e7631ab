//! Why the store could not open.

/// Why the store could not open.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path} is locked by another process (is another server using it?)")]
    Locked { path: String },
    #[error("database {path} is corrupt or not a Lojinha database: {detail}")]
    Corrupt { path: String, detail: String },
    #[error("cannot open database {path}: {detail}")]
    Open { path: String, detail: String },
    #[error("cannot start the storage writer thread: {0}")]
    Thread(std::io::Error),
}
