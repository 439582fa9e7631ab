//! The registry of open sessions: who is connected, and the broadcast of
//! notifications to everyone but the writer.

use std::collections::HashMap;
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use super::events::CloseReason;
use super::outbox::Outbox;
use super::report_card::{Card, ReportCard};

/// What the server knows about one connected client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub id: u64,
    /// The name given in `hello`, if any.
    pub client: Option<String>,
    pub peer: SocketAddr,
    pub connected_since: SystemTime,
    pub requests: u64,
    /// Right requests and protocol mistakes so far.
    pub card: ReportCard,
}

/// A session's state shared between its threads, the registry and the writer.
pub struct Session {
    pub id: u64,
    pub peer: SocketAddr,
    pub connected_since: SystemTime,
    pub client: Mutex<Option<String>>,
    pub requests: AtomicU64,
    pub card: Card,
    pub outbox: Outbox,
    /// A handle to the socket, so the server can force it closed on stop.
    pub stream: TcpStream,
}

impl Session {
    pub fn info(&self) -> SessionInfo {
        SessionInfo {
            id: self.id,
            client: self.client.lock().unwrap_or_else(|e| e.into_inner()).clone(),
            peer: self.peer,
            connected_since: self.connected_since,
            requests: self.requests.load(Ordering::Relaxed),
            card: self.card.snapshot(),
        }
    }
}

#[derive(Default)]
pub struct Registry {
    sessions: Mutex<HashMap<u64, Arc<Session>>>,
    last_id: AtomicU64,
    /// How many sessions are open, shared with every outbox (the more
    /// sessions, the longer each lets notifications gather).
    open: Arc<AtomicUsize>,
}

impl Registry {
    /// A session number unique within this server's run.
    pub fn next_id(&self) -> u64 {
        self.last_id.fetch_add(1, Ordering::Relaxed) + 1
    }

    pub fn insert(&self, session: Arc<Session>) {
        let mut sessions = self.lock();
        sessions.insert(session.id, session);
        self.open.store(sessions.len(), Ordering::Relaxed);
    }

    pub fn remove(&self, id: u64) {
        let mut sessions = self.lock();
        sessions.remove(&id);
        self.open.store(sessions.len(), Ordering::Relaxed);
    }

    /// The count of open sessions, kept current.
    pub fn open_count(&self) -> Arc<AtomicUsize> {
        self.open.clone()
    }

    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    pub fn snapshot(&self) -> Vec<SessionInfo> {
        let mut list: Vec<SessionInfo> = self.lock().values().map(|s| s.info()).collect();
        list.sort_by_key(|s| s.id);
        list
    }

    /// Runs `f` for every open session, under the registry lock (keep it short
    /// and never block on a socket in it).
    pub fn for_each(&self, mut f: impl FnMut(&Session)) {
        for session in self.lock().values() {
            f(session);
        }
    }

    /// Runs `f` for each of these sessions still open.
    pub fn for_ids(&self, ids: &[u64], mut f: impl FnMut(&Session)) {
        let sessions = self.lock();
        for session in ids.iter().filter_map(|id| sessions.get(id)) {
            f(session);
        }
    }

    /// Asks every session to close (each sends its `goodbye`).
    pub fn close_all(&self, reason: &CloseReason) {
        for session in self.lock().values() {
            session.outbox.close(reason.clone());
        }
    }

    /// The owner drops session `id`: it closes without a `goodbye` and its
    /// socket is shut both ways at once. Whether it was open.
    pub fn drop_session(&self, id: u64) -> bool {
        let sessions = self.lock();
        let Some(session) = sessions.get(&id) else { return false };
        session.outbox.close(CloseReason::DroppedByOwner);
        let _ = session.stream.shutdown(Shutdown::Both);
        true
    }

    /// Shuts down every socket still open: for peers that would not let go.
    pub fn force_shutdown_all(&self) {
        for session in self.lock().values() {
            let _ = session.stream.shutdown(Shutdown::Both);
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Arc<Session>>> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }
}
