//! What can go wrong for a client, in words a user understands.

use std::io;

use super::end::ConnectionEnd;
use crate::protocol::RpcError;
use crate::protocol::error::{ALREADY_EXISTS, NOT_FOUND};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(
        "no server is listening at {addr} (connection refused): start a server there or check the address"
    )]
    NoServer { addr: String },
    /// `kind` is `InvalidInput` when the address is not `host:port`.
    #[error("cannot find the host in {addr}: {detail}")]
    Resolve { addr: String, kind: io::ErrorKind, detail: String },
    #[error("cannot connect to {addr}: {source}")]
    Connect { addr: String, source: io::Error },
    #[error("the server did not answer in time")]
    Timeout,
    #[error("the connection is closed: {reason}")]
    Closed { reason: ConnectionEnd },
    #[error("connection error: {0}")]
    Io(#[from] io::Error),
    #[error("the server answered with an error: {0}")]
    Rpc(RpcError),
    #[error("the server sent something unexpected: {0}")]
    Protocol(String),
}

impl ClientError {
    /// The server's error object, when it answered with one.
    pub fn rpc(&self) -> Option<&RpcError> {
        match self {
            ClientError::Rpc(e) => Some(e),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.rpc().is_some_and(|e| e.code == NOT_FOUND)
    }

    pub fn is_already_exists(&self) -> bool {
        self.rpc().is_some_and(|e| e.code == ALREADY_EXISTS)
    }

    /// The field a `-32602` error names in `data.field`.
    pub fn field(&self) -> Option<&str> {
        self.rpc()?.data.as_ref()?.get("field")?.as_str()
    }

    /// Whether the connection is gone (as opposed to one request failing).
    pub fn is_disconnect(&self) -> bool {
        matches!(self, ClientError::Closed { .. } | ClientError::Io(_) | ClientError::Timeout)
    }
}
