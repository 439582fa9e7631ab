//! A connection's protocol steps on their way to the window. A thread of
//! their own hands each one over as it happens, so a request the network
//! thread is blocked on (an answer a paused server holds back) shows as
//! sent at once, not when its answer comes. Before the network thread
//! reports anything else it takes what is still queued, and steps only
//! ever leave the queue under one lock, so the window gets the steps of an
//! answer before the answer's outcome.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crossbeam_channel::{Receiver, Select, Sender, TryRecvError};
use lojinha_server::client::{ClientEventRecord, DropCount};

use super::event::NetEvent;
use crate::waker::Waker;

/// The steps of one connection attempt.
#[derive(Clone)]
pub(super) struct StepsOut {
    rx: Receiver<ClientEventRecord>,
    /// Held while a step leaves the queue and is handed over.
    turn: Arc<Mutex<()>>,
    /// Cleared when the attempt is given up on: nothing more reaches the log.
    live: Arc<AtomicBool>,
    ui: Sender<NetEvent>,
    waker: Waker,
    not_shown: DropCount,
}

impl StepsOut {
    /// Starts handing over what `rx` brings; the thread ends when the
    /// connection's client (the sending side) is gone.
    pub(super) fn start(
        rx: Receiver<ClientEventRecord>,
        ui: Sender<NetEvent>,
        waker: Waker,
        not_shown: DropCount,
    ) -> std::io::Result<StepsOut> {
        let live = Arc::new(AtomicBool::new(true));
        let steps = StepsOut { rx, turn: Arc::default(), live, ui, waker, not_shown };
        let forwarder = steps.clone();
        std::thread::Builder::new().name("net-steps".into()).spawn(move || forwarder.run())?;
        Ok(steps)
    }

    /// Hands over every step queued now (before an outcome is reported).
    pub(super) fn take_all(&self) {
        let _turn = self.turn.lock().unwrap_or_else(|e| e.into_inner());
        let mut any = false;
        for record in self.rx.try_iter() {
            any |= self.offer(record);
        }
        if any {
            self.waker.wake_soon();
        }
    }

    /// The attempt was given up on: what it logs from now on is not shown.
    pub(super) fn stop(&self) {
        self.live.store(false, Ordering::Relaxed);
    }

    fn run(self) {
        loop {
            // Wait without taking: a step leaves the queue only under the turn.
            let mut ready = Select::new();
            ready.recv(&self.rx);
            ready.ready();
            let _turn = self.turn.lock().unwrap_or_else(|e| e.into_inner());
            match self.rx.try_recv() {
                Ok(record) => {
                    if self.offer(record) {
                        self.waker.wake_soon();
                    }
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }

    /// Offers one step to the window (counted when it has no room); whether
    /// it was shown at all.
    fn offer(&self, record: ClientEventRecord) -> bool {
        if !self.live.load(Ordering::Relaxed) {
            return false;
        }
        let bytes = record.text_bytes();
        self.not_shown.taken(bytes);
        self.not_shown.offer_sized(&self.ui, NetEvent::Log(record), bytes);
        true
    }
}
