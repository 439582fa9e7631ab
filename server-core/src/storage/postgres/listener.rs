//! The listener thread: its own connection, `LISTEN lojinha_changes`, and
//! after every notification (or a short tick, in case one was folded into
//! another) it reads `changes` after the last id applied and hands them to
//! the [`Sequencer`]. A missed notification therefore never loses a change.
//! A broken connection is opened again with backoff, and the catch-up from
//! `changes` brings the mirror to where the database is.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use fallible_iterator::FallibleIterator;
use postgres::Client;

use super::changes::{self, BATCH, LogReader};
use super::connect::{Target, describe};
use super::schema::CHANNEL;
use super::sequencer::Sequencer;
use crate::storage::catalog::CatalogMirror;
use crate::storage::error::StoreError;

/// Longest wait for a notification before the log is read anyway.
const TICK: Duration = Duration::from_millis(200);

/// First and longest pause between reconnection attempts.
const BACKOFF: (Duration, Duration) = (Duration::from_millis(100), Duration::from_secs(5));

/// Stops the listener (after a last catch-up) when dropped.
pub struct ListenerHandle {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for ListenerHandle {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Everything the listener thread works with.
struct Follower<T> {
    target: Target,
    sequencer: Arc<Sequencer<T>>,
    catalog: Arc<CatalogMirror>,
    stop: Arc<AtomicBool>,
}

pub fn spawn<T: Send + 'static>(
    target: Target,
    sequencer: Arc<Sequencer<T>>,
    catalog: Arc<CatalogMirror>,
) -> Result<ListenerHandle, StoreError> {
    let stop = Arc::new(AtomicBool::new(false));
    let follower = Follower { target, sequencer, catalog, stop: stop.clone() };
    let thread = std::thread::Builder::new()
        .name("pg-listener".into())
        .spawn(move || follower.run())
        .map_err(StoreError::Thread)?;
    Ok(ListenerHandle { stop, thread: Some(thread) })
}

impl<T> Follower<T> {
    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    fn run(&self) {
        let mut backoff = BACKOFF.0;
        loop {
            let followed = self.target.connect("listener").and_then(|mut client| {
                backoff = BACKOFF.0;
                self.follow(&mut client)
            });
            match followed {
                Ok(()) => return,
                Err(e) if self.stopping() => {
                    tracing::warn!("stopped without a last catch-up: {}", describe(&e));
                    return;
                }
                Err(e) => {
                    tracing::warn!("{}: {}; trying again in {backoff:?}", self.target.shown, describe(&e))
                }
            }
            self.pause(backoff);
            backoff = (backoff * 2).min(BACKOFF.1);
        }
    }

    fn pause(&self, length: Duration) {
        let step = Duration::from_millis(50);
        let mut waited = Duration::ZERO;
        while waited < length && !self.stopping() {
            std::thread::sleep(step);
            waited += step;
        }
    }

    /// Listens, catches up, then catches up after every notification;
    /// returns `Ok` after the last catch-up once asked to stop.
    fn follow(&self, client: &mut Client) -> Result<(), postgres::Error> {
        client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
        let reader = LogReader::prepare(client)?;
        loop {
            let stopping = self.stopping();
            self.catch_up(client, &reader)?;
            if stopping {
                return Ok(());
            }
            let mut notifications = client.notifications();
            notifications.timeout_iter(TICK).next()?;
            // Every notification waiting is covered by the one catch-up.
            while notifications.iter().next()?.is_some() {}
        }
    }

    /// Applies every change after the last one applied, in id order.
    fn catch_up(&self, client: &mut Client, reader: &LogReader) -> Result<(), postgres::Error> {
        loop {
            let applied = self.sequencer.lock().applied();
            let batch = reader.after(client, applied)?;
            let gap = batch.first().is_some_and(|c| c.id != applied + 1);
            if gap && changes::pruned_past(client, applied)? {
                self.reload(client)?;
                continue;
            }
            let full = batch.len() as i64 == BATCH;
            self.sequencer.lock().apply(batch);
            if !full {
                return Ok(());
            }
        }
    }

    /// Changes this server needed were pruned: load the mirror afresh.
    fn reload(&self, client: &mut Client) -> Result<(), postgres::Error> {
        let snapshot = changes::snapshot(client)?;
        tracing::warn!(
            "behind the pruned change log: reloading the catalog ({} products)",
            snapshot.products.len()
        );
        let mut state = self.sequencer.lock();
        self.catalog.replace_all(snapshot.products);
        state.reloaded(snapshot.last_change);
        Ok(())
    }
}
