//! The accept loop: turns connections into sessions, enforces the
//! connection limit, and stops when asked.

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::Duration;

use super::config::Mode;
use super::connection;
use super::context::{NoPlace, ServerContext};
use super::events::ServerEvent;
use super::lines::goodbye_line;

/// Accepts until `ctx.stopping` is set (the stopper then wakes us with a
/// connection of its own). Returns the session threads still running.
pub fn accept_loop(ctx: &Arc<ServerContext>, listener: &TcpListener) -> Vec<JoinHandle<()>> {
    let mut sessions: Vec<JoinHandle<()>> = Vec::new();
    loop {
        let accepted = listener.accept();
        if ctx.stopping.load(Ordering::SeqCst) {
            return sessions;
        }
        let (stream, peer) = match accepted {
            Ok(connection) => connection,
            Err(e) => {
                // Out of file descriptors and the like: wait a moment, keep serving.
                tracing::warn!("accept failed: {e}");
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        // The place is taken here, not in the session's thread, so a burst of
        // connections cannot slip past the limit. The session gives it back.
        if let Err(why) = ctx.reserve_slot(peer.ip()) {
            reject(ctx, stream, peer, why);
            continue;
        }
        match ctx.config.mode {
            Mode::Sequential => connection::serve(ctx, stream, peer),
            Mode::Threaded => {
                sessions.retain(|t| !t.is_finished());
                match spawn_session(ctx, stream, peer) {
                    Some(thread) => sessions.push(thread),
                    None => ctx.release_slot(peer.ip()),
                }
            }
        }
    }
}

fn spawn_session(ctx: &Arc<ServerContext>, stream: TcpStream, peer: SocketAddr) -> Option<JoinHandle<()>> {
    let ctx = ctx.clone();
    let name = format!("session-{}", peer.port());
    let spawned = std::thread::Builder::new()
        .name(name)
        .stack_size(256 * 1024)
        .spawn(move || connection::serve(&ctx, stream, peer));
    match spawned {
        Ok(thread) => Some(thread),
        Err(e) => {
            tracing::error!("cannot start a thread for {peer}: {e}");
            None
        }
    }
}

/// Tells a client why it gets no place, then closes its connection.
fn reject(ctx: &ServerContext, mut stream: TcpStream, peer: SocketAddr, why: NoPlace) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let _ = stream.write_all(&goodbye_line(why.goodbye()));
    let reason = why.goodbye();
    tracing::warn!(%peer, "connection refused: {reason}");
    ctx.events.emit(ServerEvent::Rejected { peer, reason });
}
