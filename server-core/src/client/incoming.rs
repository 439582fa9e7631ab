//! Where a client's incoming lines come from: read directly on the calling
//! thread, or by a background reader thread that forwards them on a channel
//! (so a GUI's network thread can wait on commands and the server at once).
//!
//! The reader's channel is bounded: when it is full the reader stops
//! reading, the socket's buffers fill, and TCP flow control slows the
//! server down. A flooding server costs the client at most the channel's
//! capacity in lines, never memory without end.

use std::io;
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, SendTimeoutError, Sender};

use super::dropped::DropCount;
use super::end::ConnectionEnd;
use super::events::{ClientEvent, ClientEventRecord};
use crate::protocol::frame::{Frame, FrameReader};

/// Read size of a client: large pages of `product.list` arrive in fewer reads.
const CLIENT_READ_BUFFER: usize = 64 * 1024;

/// One thing read off the connection.
#[derive(Debug, Clone)]
pub enum Incoming {
    /// A line (without its ending) and when it arrived.
    Line { bytes: Vec<u8>, at: Instant },
    /// The connection ended; why, as far as the reader can tell.
    End { reason: ConnectionEnd },
}

pub(super) enum Source {
    Direct { reader: FrameReader<TcpStream>, timeout: Option<Duration> },
    Background { rx: Receiver<Incoming>, thread: Option<JoinHandle<()>>, stop: Arc<AtomicBool> },
}

impl Source {
    pub fn direct(stream: TcpStream, max_frame: usize, reads: Option<ReadReports>) -> Self {
        let mut reader = FrameReader::with_read_buffer(stream, max_frame, CLIENT_READ_BUFFER);
        if let Some(events) = reads {
            reader.set_read_observer(read_observer(events));
        }
        Source::Direct { reader, timeout: None }
    }

    pub fn background(
        stream: TcpStream,
        max_frame: usize,
        capacity: usize,
        reads: Option<ReadReports>,
    ) -> io::Result<Self> {
        let (tx, rx) = crossbeam_channel::bounded(capacity.max(1));
        let mut reader = FrameReader::with_read_buffer(stream, max_frame, CLIENT_READ_BUFFER);
        if let Some(events) = reads {
            reader.set_read_observer(read_observer(events));
        }
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::Builder::new()
            .name("client-reader".into())
            .spawn(move || forward_lines(reader, &tx, &stopped))?;
        Ok(Source::Background { rx, thread: Some(thread), stop })
    }

    /// The channel a background reader fills, for `select!`.
    pub fn channel(&self) -> Option<&Receiver<Incoming>> {
        match self {
            Source::Background { rx, .. } => Some(rx),
            Source::Direct { .. } => None,
        }
    }

    /// The next incoming item, waiting at most until `deadline`.
    /// `Ok(None)` means the deadline passed.
    pub fn next(&mut self, deadline: Option<Instant>) -> io::Result<Option<Incoming>> {
        match self {
            Source::Direct { reader, timeout } => read_direct(reader, timeout, deadline),
            Source::Background { rx, .. } => Ok(receive(rx, deadline)),
        }
    }

    /// Waits for a background reader to end (after the socket is shut
    /// down). A reader waiting for room in a full channel is told to stop,
    /// and our receiver is let go, so it does not wait forever.
    pub fn join(&mut self) {
        if let Source::Background { rx, thread, stop } = self {
            stop.store(true, Ordering::SeqCst);
            *rx = crossbeam_channel::never();
            if let Some(thread) = thread.take() {
                let _ = thread.join();
            }
        }
    }
}

/// Where "show reads" reports go, while `on` (switched at any time).
/// Offered, never waited for: the reader must not block on a log nobody
/// is reading.
pub(super) struct ReadReports {
    pub events: Sender<ClientEventRecord>,
    pub dropped: DropCount,
    pub on: Arc<AtomicBool>,
}

fn read_observer(reports: ReadReports) -> Box<dyn FnMut(usize) + Send> {
    Box::new(move |bytes| {
        if reports.on.load(Ordering::Relaxed) {
            reports.dropped.offer(&reports.events, ClientEventRecord::now(ClientEvent::Read { bytes }));
        }
    })
}

fn read_direct(
    reader: &mut FrameReader<TcpStream>,
    current: &mut Option<Duration>,
    deadline: Option<Instant>,
) -> io::Result<Option<Incoming>> {
    let wanted = deadline.map(|d| d.saturating_duration_since(Instant::now()).max(Duration::from_millis(1)));
    if wanted != *current {
        reader.get_ref().set_read_timeout(wanted)?;
        *current = wanted;
    }
    match reader.next_frame() {
        Ok(frame) => Ok(Some(frame_to_incoming(frame))),
        Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => Ok(None),
        Err(e) => Err(e),
    }
}

fn receive(rx: &Receiver<Incoming>, deadline: Option<Instant>) -> Option<Incoming> {
    let ended = || Incoming::End { reason: ConnectionEnd::ReaderStopped };
    match deadline {
        None => Some(rx.recv().unwrap_or_else(|_| ended())),
        Some(deadline) => match rx.recv_deadline(deadline) {
            Ok(incoming) => Some(incoming),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(ended()),
        },
    }
}

fn frame_to_incoming(frame: Frame) -> Incoming {
    match frame {
        Frame::Line(bytes) => Incoming::Line { bytes, at: Instant::now() },
        Frame::Closed => Incoming::End { reason: ConnectionEnd::ServerClosed },
        Frame::TooLarge => Incoming::End { reason: ConnectionEnd::TooLarge },
    }
}

/// How often a reader waiting for room checks whether its client closed.
const STOP_CHECK: Duration = Duration::from_millis(100);

/// The background reader's body: forward every line until the connection
/// ends or the client stops it.
fn forward_lines(mut reader: FrameReader<TcpStream>, tx: &Sender<Incoming>, stop: &AtomicBool) {
    loop {
        let incoming = match reader.next_frame() {
            Ok(frame) => frame_to_incoming(frame),
            Err(e) => Incoming::End { reason: ConnectionEnd::read_failed(&e) },
        };
        let end = matches!(incoming, Incoming::End { .. });
        if !wait_for_room(tx, incoming, stop) || end {
            return;
        }
    }
}

/// Sends `incoming`, waiting while the channel is full (backpressure);
/// `false` when nobody will take it.
fn wait_for_room(tx: &Sender<Incoming>, mut incoming: Incoming, stop: &AtomicBool) -> bool {
    loop {
        match tx.send_timeout(incoming, STOP_CHECK) {
            Ok(()) => return true,
            Err(SendTimeoutError::Timeout(again)) if !stop.load(Ordering::SeqCst) => incoming = again,
            Err(_) => return false,
        }
    }
}
