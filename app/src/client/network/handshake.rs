//! Setting up a connection without going deaf: the client window's network
//! thread waits for `connect()`, for `welcome` and for the answer to `hello`
//! while still taking the window's commands, so an address that never
//! answers, or a server that keeps the client waiting (a sequential server
//! busy with someone else), can be left at once.

use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvError, select};
use lojinha_server::client::{HelloResult, Incoming, Reply, decode_result};
use lojinha_server::{Client, ClientError, ClientOptions, ConnectionEnd};

use super::{Command, Control, Worker};

/// How long to wait for `welcome` (a server started without it just times out).
const WELCOME_WAIT: Duration = Duration::from_secs(5);
/// How long `hello` may go unanswered (a sequential server answers only
/// when the client before this one has left).
const HELLO_WAIT: Duration = Duration::from_secs(30);

/// What a wait during the handshake came to.
enum Wait {
    Arrived(Incoming),
    TimedOut,
    /// The window asked for something else (disconnect, another address).
    Left,
}

/// The server's `hello` answer; `None` when the user left before it came.
pub(super) type HandshakeResult = Result<Option<HelloResult>, ClientError>;

/// The connection `connect()` made; `None` when the user left before it was made.
pub(super) type ConnectResult = Result<Option<Client>, ClientError>;

impl Worker {
    /// Connects to `addr` on a thread of its own while listening to the
    /// window: Disconnect or a new Connect leaves at once (`Ok(None)`). An
    /// attempt left behind ends by itself, and its socket is closed.
    pub(super) fn open(&mut self, addr: &str, options: ClientOptions) -> ConnectResult {
        let (done_tx, done_rx) = crossbeam_channel::bounded(1);
        let target = addr.to_owned();
        std::thread::Builder::new()
            .name("net-connect".into())
            .spawn(move || {
                // Nobody waits for an attempt the user left: the client is dropped (closed).
                let _ = done_tx.send(Client::connect(&target, options));
            })
            .map_err(ClientError::Io)?;
        // ("connect() to …" shows while we wait: the steps go by themselves.)
        loop {
            select! {
                recv(self.commands) -> command => if self.leaves_for(command) {
                    return Ok(None);
                },
                recv(done_rx) -> done => {
                    let stopped = || Err(ClientError::Io(std::io::Error::other("the connect() thread stopped")));
                    return done.unwrap_or_else(|_| stopped()).map(Some);
                }
            }
        }
    }

    /// `welcome`, then `hello` and its answer, still listening to the window:
    /// a server that keeps the client waiting (a sequential server busy with
    /// someone else) can be left with Disconnect. `Ok(None)` when left.
    pub(super) fn handshake(
        &mut self,
        client: &mut Client,
        name: &str,
        token: Option<&str>,
    ) -> HandshakeResult {
        // `Worker::connect` always asks for a background reader.
        let incoming = client.incoming_channel().expect("the window's client reads in the background");
        // The server speaks first (welcome); waiting for it keeps the log in
        // protocol order. A server started with --no-welcome just times out here.
        let welcome_by = Instant::now() + WELCOME_WAIT;
        while client.welcome().is_none() {
            match self.wait_for_line(&incoming, welcome_by) {
                Wait::Arrived(item) => {
                    if let Some(reply) = client.handle_incoming(item)? {
                        return Err(ClientError::Protocol(format!("a response before welcome: {reply:?}")));
                    }
                }
                Wait::TimedOut => break,
                Wait::Left => return Ok(None),
            }
        }
        let id = client.send_hello(name, token)?;
        let answer_by = Instant::now() + HELLO_WAIT;
        loop {
            match self.wait_for_line(&incoming, answer_by) {
                Wait::Arrived(item) => match client.handle_incoming(item)? {
                    Some(Reply::Single(response)) if response.id == id => {
                        return decode_result(response.result.map_err(ClientError::Rpc)?).map(Some);
                    }
                    Some(other) => {
                        return Err(ClientError::Protocol(format!(
                            "expected the answer to hello, got {other:?}"
                        )));
                    }
                    None => {}
                },
                Wait::TimedOut => return Err(ClientError::Timeout),
                Wait::Left => return Ok(None),
            }
        }
    }

    /// Waits for the next line until `deadline`, keeping the window's
    /// commands: Disconnect or a new Connect ends the wait (and runs next),
    /// any other command waits its turn.
    fn wait_for_line(&mut self, incoming: &Receiver<Incoming>, deadline: Instant) -> Wait {
        loop {
            // What happened so far (connected, welcome) shows while we wait.
            self.flush();
            select! {
                recv(self.commands) -> command => if self.leaves_for(command) {
                    return Wait::Left;
                },
                recv(incoming) -> item => {
                    return Wait::Arrived(item.unwrap_or(Incoming::End { reason: ConnectionEnd::ReaderStopped }));
                }
                recv(crossbeam_channel::at(deadline)) -> _ => return Wait::TimedOut,
            }
        }
    }

    /// Takes a command that came while a connection was being set up:
    /// settings apply at once, others run next. Returns whether it means
    /// leaving the set-up: Disconnect, a new Connect, or the window closed.
    fn leaves_for(&mut self, command: Result<Command, RecvError>) -> bool {
        match command {
            Ok(command @ Command::Control(Control::Disconnect | Control::Connect { .. })) => {
                self.deferred.push_back(command);
                true
            }
            Ok(Command::Control(setting @ (Control::SetAutoReconnect(_) | Control::SetReportReads(_)))) => {
                self.control(setting);
                false
            }
            Ok(command) => {
                self.deferred.push_back(command);
                false
            }
            Err(_) => true,
        }
    }
}
