//! What every session thread shares: settings, store, registry, events.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::commits::{Completion, Progress};
use super::config::ServerConfig;
use super::controls::Controls;
use super::events::EventSink;
use super::registry::Registry;
use super::turns::Turns;
use crate::protocol::notices::GoodbyeReason;
use crate::storage::Store;

pub struct ServerContext {
    pub config: ServerConfig,
    pub store: Store<Completion>,
    pub registry: Arc<Registry>,
    pub events: Arc<EventSink>,
    /// Set by `stop()`; the accept loop checks it after every wake-up.
    pub stopping: AtomicBool,
    /// Connections holding a place (reserved at accept, before any thread starts).
    pub connections: Mutex<Places>,
    /// Turns at the processors for sessions making big answers.
    pub turns: Turns,
    /// How far committed changes have reached the sessions.
    pub progress: Arc<Progress>,
    /// The owner's controls over every session's output.
    pub controls: Arc<Controls>,
}

/// Who holds the server's places: in all, and per address.
#[derive(Default)]
pub struct Places {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// Why a connection got no place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPlace {
    ServerFull,
    AddressFull,
}

impl NoPlace {
    /// The `goodbye` reason the refused client reads.
    pub fn goodbye(self) -> GoodbyeReason {
        match self {
            NoPlace::ServerFull => GoodbyeReason::ServerFull,
            NoPlace::AddressFull => GoodbyeReason::AddressFull,
        }
    }
}

impl ServerContext {
    /// Takes a place for a new connection from `ip`, or says why there is none.
    pub fn reserve_slot(&self, ip: IpAddr) -> Result<(), NoPlace> {
        let mut places = self.connections.lock().unwrap_or_else(|e| e.into_inner());
        if places.total >= self.config.max_connections {
            return Err(NoPlace::ServerFull);
        }
        let from_ip = places.by_address.entry(ip).or_default();
        if *from_ip >= self.config.max_per_address {
            return Err(NoPlace::AddressFull);
        }
        *from_ip += 1;
        places.total += 1;
        Ok(())
    }

    /// Gives a place back; called once per reserved slot.
    pub fn release_slot(&self, ip: IpAddr) {
        let mut places = self.connections.lock().unwrap_or_else(|e| e.into_inner());
        places.total -= 1;
        if let Some(from_ip) = places.by_address.get_mut(&ip) {
            *from_ip -= 1;
            if *from_ip == 0 {
                places.by_address.remove(&ip);
            }
        }
    }

    pub fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }
}
