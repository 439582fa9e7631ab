//! One connection, from `welcome` to close: the session's reader loop and
//! its writer thread.
//!
//! The reader thread owns the socket's read side and answers requests; the
//! writer thread sends what others queue (notifications) and the `goodbye`.

use std::io::{self, Read};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};

use super::context::ServerContext;
use super::dispatch::{self, Flow, SessionState};
use super::events::{CloseReason, ServerEvent};
use super::lines::{unanswerable_line, welcome_line};
use super::outbox::Outbox;
use super::registry::Session;
use super::replies::{self, Replies};
use crate::protocol::error::RpcError;
use crate::protocol::frame::{BeforeRead, Frame, FrameReader};
use crate::protocol::mistake::Mistake;
use crate::protocol::raw::raw_prefix;

/// How long, and how much, a closing session reads to let its last answer arrive.
const LINGER_TIME: Duration = Duration::from_secs(1);
const LINGER_BYTES: usize = 64 * 1024 * 1024;

/// Serves one accepted connection until it ends. Runs on the session's thread
/// (threaded mode) or on the accept thread (sequential mode). The connection
/// holds a slot reserved by the accept loop; it is given back here.
pub fn serve(ctx: &Arc<ServerContext>, stream: TcpStream, peer: SocketAddr) {
    let session = match register(ctx, &stream, peer) {
        Ok(session) => session,
        Err(e) => {
            tracing::warn!("cannot set up connection from {peer}: {e}");
            ctx.release_slot(peer.ip());
            return;
        }
    };
    let writer = spawn_writer(&session);
    let reason = match writer {
        Ok(_) => read_loop(ctx, &session, &stream),
        Err(ref e) => {
            CloseReason::Error { kind: e.kind(), detail: format!("cannot start writer thread: {e}") }
        }
    };
    // Leave the registry and free the place before the socket is shut, so a
    // client that sees the close can connect again at once.
    ctx.registry.remove(session.id);
    ctx.release_slot(peer.ip());
    let linger = matches!(reason, CloseReason::Quit | CloseReason::FrameTooLarge);
    session.outbox.close(reason);
    if let Ok(writer) = writer {
        let _ = writer.join();
    }
    if linger {
        drain_before_close(&stream);
    }
    let reason = session.outbox.closing_reason().unwrap_or(CloseReason::ClientClosed);
    tracing::info!(session = session.id, %peer, "session closed: {reason}; report card: {}", session.card.snapshot());
    ctx.events.emit(ServerEvent::SessionClosed { session: session.id, reason });
}

fn register(ctx: &ServerContext, stream: &TcpStream, peer: SocketAddr) -> io::Result<Arc<Session>> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(ctx.config.idle_timeout))?;
    stream.set_write_timeout(Some(ctx.config.write_timeout))?;
    let id = ctx.registry.next_id();
    let session = Arc::new(Session {
        id,
        peer,
        connected_since: SystemTime::now(),
        client: Default::default(),
        requests: Default::default(),
        card: Default::default(),
        outbox: Outbox::new(
            id,
            stream.try_clone()?,
            ctx.config.outbox_limit,
            ctx.events.clone(),
            ctx.registry.open_count(),
            ctx.controls.clone(),
        ),
        stream: stream.try_clone()?,
    });
    tracing::info!(session = id, %peer, "session opened");
    ctx.events.emit(ServerEvent::SessionOpened { session: id, peer });
    // The welcome is queued first and the session joins the broadcast right
    // after: the welcome comes before any notification, and every change
    // committed after it reaches this client.
    if ctx.config.welcome {
        session.outbox.push_lines(vec![welcome_line(id)], true);
    }
    session.outbox.hear_after(ctx.progress.answered());
    ctx.registry.insert(session.clone());
    // A stop that began before the insert did not see this session: close it now.
    if ctx.stopping.load(Ordering::SeqCst) {
        session.outbox.close(CloseReason::ServerShutdown);
    }
    Ok(session)
}

fn spawn_writer(session: &Arc<Session>) -> io::Result<std::thread::JoinHandle<()>> {
    let session = session.clone();
    std::thread::Builder::new()
        .name(format!("session-{}-writer", session.id))
        .spawn(move || session.outbox.run_writer(&session.stream))
}

/// Reads frames and answers them until the connection should end.
fn read_loop(ctx: &Arc<ServerContext>, session: &Arc<Session>, stream: &TcpStream) -> CloseReason {
    let mut reader = FrameReader::new(stream, ctx.config.max_frame);
    match read_deadline(ctx, stream) {
        Ok(hook) => reader.set_before_read(hook),
        Err(e) => return CloseReason::io(&e),
    }
    if ctx.config.report_reads && ctx.events.enabled() {
        let (events, id) = (ctx.events.clone(), session.id);
        reader.set_read_observer(Box::new(move |bytes| {
            events.emit(ServerEvent::Read { session: id, bytes });
        }));
    }
    let mut state = SessionState::new(session.clone(), ctx.config.token.is_some());
    let mut replies = Replies::new(session, stream, &ctx.turns, &ctx.progress);
    loop {
        let line = match reader.next_frame() {
            Ok(Frame::Line(line)) => line,
            Ok(Frame::Closed) => return flushed(&mut replies, CloseReason::ClientClosed),
            Ok(Frame::TooLarge) => {
                let _ = replies.flush();
                return reject_oversized(ctx, session, stream);
            }
            Err(e) => return flushed(&mut replies, read_error_reason(&e, reader.line_started().is_some())),
        };
        session.requests.fetch_add(1, Ordering::Relaxed);
        if reader.ended_without_newline() {
            session.card.mistake(Mistake::NoNewline);
        }
        ctx.events.emit_with(|| ServerEvent::MessageIn {
            session: session.id,
            raw: raw_prefix(&line),
            bytes: line.len(),
            unterminated: reader.ended_without_newline(),
        });
        let flow = match dispatch::handle_line(ctx, &mut state, &line, &mut replies) {
            Ok(flow) => flow,
            Err(e) => {
                return session.outbox.closing_reason().unwrap_or_else(|| CloseReason::write_failed(&e));
            }
        };
        // Answers to requests that arrived together leave together.
        let more_waiting = reader.has_buffered_line();
        if (flow != Flow::Continue || !more_waiting || replies.buffered_bytes() >= replies::MAX_BUFFERED)
            && let Err(e) = replies.flush()
        {
            return CloseReason::write_failed(&e);
        }
        match flow {
            Flow::Continue => {}
            Flow::Quit => return CloseReason::Quit,
            Flow::Close(reason) => return reason,
        }
    }
}

/// The socket's read timeout before each `read()`: the idle timeout between
/// lines; inside a line, whatever is left of the line timeout counted from
/// its first byte (a byte now and then does not buy more time).
fn read_deadline(ctx: &ServerContext, stream: &TcpStream) -> io::Result<BeforeRead> {
    let stream = stream.try_clone()?;
    let (idle, line) = (ctx.config.idle_timeout, ctx.config.line_timeout);
    let mut current = Some(idle);
    Ok(Box::new(move |line_started: Option<Instant>| {
        let timeout = match line_started {
            None => idle,
            Some(started) => line.saturating_sub(started.elapsed()).min(idle),
        };
        if timeout.is_zero() {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "line timeout"));
        }
        if current != Some(timeout) {
            stream.set_read_timeout(Some(timeout))?;
            current = Some(timeout);
        }
        Ok(())
    }))
}

/// Reads and drops what the client still sends (bounded in time and bytes),
/// so closing with unread input does not reset the connection and destroy
/// the answer just sent.
fn drain_before_close(mut stream: &TcpStream) {
    let deadline = Instant::now() + LINGER_TIME;
    let mut buffer = [0u8; 8192];
    let mut drained = 0;
    while drained < LINGER_BYTES {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// Sends what is still buffered, then closes for `reason`.
fn flushed(replies: &mut Replies<'_>, reason: CloseReason) -> CloseReason {
    let _ = replies.flush();
    reason
}

fn reject_oversized(ctx: &ServerContext, session: &Session, stream: &TcpStream) -> CloseReason {
    let error = RpcError::frame_too_large(ctx.config.max_frame);
    let _ = session.outbox.respond(stream, unanswerable_line(&error));
    CloseReason::FrameTooLarge
}

/// Why a failed read ends the session: a timeout inside a line is the line
/// timeout, between lines the idle timeout.
fn read_error_reason(error: &io::Error, inside_line: bool) -> CloseReason {
    match error.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut if inside_line => CloseReason::LineTimeout,
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => CloseReason::IdleTimeout,
        _ => CloseReason::io(error),
    }
}
