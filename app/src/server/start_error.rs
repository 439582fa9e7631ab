//! Why the in-process server could not start, in the user's language: the
//! address cannot be bound (with what to do about it), or the database
//! cannot be opened.

use std::io::ErrorKind;

use lojinha_server::server::ServerError;
use lojinha_server::storage::StoreError;
use lojinha_teach::closing::socket_error;

use crate::i18n::{language, tr, trf};

/// One sentence for a failed start.
pub fn describe_start_error(error: &ServerError) -> String {
    let why = match error {
        ServerError::Bind { addr, source, .. } => {
            let detail = match source.kind() {
                ErrorKind::AddrInUse => tr("server.bind_in_use").to_owned(),
                ErrorKind::PermissionDenied => tr("server.bind_privileged").to_owned(),
                ErrorKind::AddrNotAvailable => tr("server.bind_no_such_address").to_owned(),
                ErrorKind::InvalidInput => tr("server.bind_bad_address").to_owned(),
                kind => socket_error(kind, &source.to_string(), language()),
            };
            trf("server.bind_failed", &[("addr", addr), ("detail", &detail)])
        }
        ServerError::Store(store) => describe_store_error(store),
        ServerError::Thread(e) => trf("server.no_thread", &[("detail", &e.to_string())]),
    };
    trf("server.err_start", &[("error", &why)])
}

fn describe_store_error(error: &StoreError) -> String {
    match error {
        StoreError::Locked { path } => trf("server.db_locked", &[("path", path)]),
        StoreError::Corrupt { path, detail } => {
            trf("server.db_corrupt", &[("path", path), ("detail", detail)])
        }
        StoreError::Open { path, detail } => trf("server.db_open", &[("path", path), ("detail", detail)]),
        StoreError::Thread(e) => trf("server.no_thread", &[("detail", &e.to_string())]),
    }
}
