//! What every session thread shares: settings, store, registry, events.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::config::ServerConfig;
use super::events::EventSink;
use super::sessions::Registry;
use crate::storage::Store;

pub struct ServerContext {
    pub config: ServerConfig,
    pub store: Store,
    pub registry: Arc<Registry>,
    pub events: Arc<EventSink>,
    /// Set by `stop()`; the accept loop checks it after every wake-up.
    pub stopping: AtomicBool,
}
