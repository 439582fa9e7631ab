//! What every session thread shares: settings, store, registry, events.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::commits::Completion;
use super::config::ServerConfig;
use super::events::EventSink;
use super::sessions::Registry;
use crate::storage::Store;

pub struct ServerContext {
    pub config: ServerConfig,
    pub store: Store<Completion>,
    pub registry: Arc<Registry>,
    pub events: Arc<EventSink>,
    /// Set by `stop()`; the accept loop checks it after every wake-up.
    pub stopping: AtomicBool,
    /// Connections holding a place (reserved at accept, before any thread starts).
    pub connections: AtomicUsize,
}

impl ServerContext {
    /// Takes a place for a new connection, or returns false when the server is full.
    pub fn reserve_slot(&self) -> bool {
        let max = self.config.max_connections;
        self.connections
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| (n < max).then_some(n + 1))
            .is_ok()
    }

    /// Gives a place back; called once per reserved slot.
    pub fn release_slot(&self) {
        self.connections.fetch_sub(1, Ordering::SeqCst);
    }
}
