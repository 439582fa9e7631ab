//! Why the in-process server could not start, in the user's language: the
//! address cannot be bound (with what to do about it), or the database
//! cannot be opened.

use std::io::ErrorKind;

use lojinha_server::server::ServerError;
use lojinha_server::storage::StoreError;
use lojinha_teach::closing::socket_error;

use crate::i18n::{Language, tr, trf};

/// One sentence for a failed start.
pub fn describe_start_error(error: &ServerError, lang: Language) -> String {
    let why = match error {
        ServerError::Bind { addr, source, .. } => {
            let detail = match source.kind() {
                ErrorKind::AddrInUse => tr(lang, "server-bind_in_use"),
                ErrorKind::PermissionDenied => tr(lang, "server-bind_privileged"),
                ErrorKind::AddrNotAvailable => tr(lang, "server-bind_no_such_address"),
                ErrorKind::InvalidInput => tr(lang, "server-bind_bad_address"),
                kind => socket_error(kind, &source.to_string(), lang),
            };
            trf(lang, "server-bind_failed", &[("addr", addr), ("detail", &detail)])
        }
        ServerError::Store(store) => describe_store_error(store, lang),
        ServerError::Thread(e) => trf(lang, "server-no_thread", &[("detail", &e.to_string())]),
    };
    trf(lang, "server-err_start", &[("error", &why)])
}

/// Why a database cannot be used (also what the "Test" button says).
pub fn describe_store_error(error: &StoreError, lang: Language) -> String {
    match error {
        StoreError::Locked { path } => trf(lang, "server-db_locked", &[("path", path)]),
        StoreError::Corrupt { path, detail } => {
            trf(lang, "server-db_corrupt", &[("path", path), ("detail", detail)])
        }
        StoreError::Open { path, detail } => {
            trf(lang, "server-db_open", &[("path", path), ("detail", detail)])
        }
        StoreError::Thread(e) => trf(lang, "server-no_thread", &[("detail", &e.to_string())]),
    }
}
