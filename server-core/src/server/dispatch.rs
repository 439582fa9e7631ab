//! Applies requests: turns a parsed message into responses, reading from the
//! catalog mirror and sending writes to the storage writer.

use std::io;
use std::net::TcpStream;
use std::sync::Arc;

use crossbeam_channel::bounded;
use serde::Serialize;
use serde_json::{Value, json};

use super::commits::Completion;
use super::context::ServerContext;
use super::outbox::Line;
use super::sessions::Session;
use crate::protocol::message::{self, Entry, encode_error, encode_notification, encode_success};
use crate::protocol::{Command, Encoded, Message, PROTOCOL_VERSION, Product, RpcError, server_name};
use crate::storage::{WriteJob, WriteOp, WriteOutcome};

/// A successful result, serialized straight from the typed value.
#[derive(Serialize)]
#[serde(untagged)]
enum Answer {
    Product(Product),
    Shared(Arc<Product>),
    Page(crate::storage::Page),
    Json(Value),
}

/// What a session does after handling one line.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// `quit` was received: close after the reply (if any) is sent.
    Quit,
}

/// Answers waiting to be written, so the answers to pipelined requests that
/// arrived together leave in one `write`.
pub struct Replies<'a> {
    buffer: Vec<u8>,
    session: &'a Session,
    stream: &'a TcpStream,
}

impl<'a> Replies<'a> {
    pub fn new(session: &'a Session, stream: &'a TcpStream) -> Self {
        Replies { buffer: Vec::new(), session, stream }
    }

    fn push(&mut self, encoded: Encoded) {
        self.buffer.extend_from_slice(&encoded.0);
        self.buffer.push(b'\n');
    }

    pub fn buffered_bytes(&self) -> usize {
        self.buffer.len()
    }

    /// Writes what is buffered (or queues it behind lines already queued).
    pub fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let line: Line = std::mem::take(&mut self.buffer).into();
        self.session.outbox.respond(self.stream, line)
    }
}

/// Per-session state the dispatcher reads and changes.
pub struct SessionState {
    pub session: Arc<Session>,
    /// Whether `hello` carried the right token (always true without a token).
    pub authorized: bool,
}

#[derive(Serialize)]
struct Welcome {
    server: String,
    protocol: u32,
    session: u64,
}

pub fn welcome_line(session: u64) -> Line {
    let params = Welcome { server: server_name(), protocol: PROTOCOL_VERSION, session };
    to_line(encode_notification("welcome", &params))
}

pub fn goodbye_line(reason: &str) -> Line {
    to_line(encode_notification("goodbye", &json!({ "reason": reason })))
}

pub fn to_line(encoded: Encoded) -> Line {
    let mut bytes = encoded.0;
    bytes.push(b'\n');
    bytes.into()
}

/// Handles one line from the client; its answer goes to `replies`.
pub fn handle_line(
    ctx: &ServerContext,
    state: &mut SessionState,
    line: &[u8],
    replies: &mut Replies<'_>,
) -> io::Result<Flow> {
    match message::parse_message(line) {
        Message::Unanswerable(error) => {
            replies.push(encode_error(&Value::Null, &error));
            Ok(Flow::Continue)
        }
        Message::Single(entry) => handle_single(ctx, state, entry, replies),
        Message::Batch(entries) => Ok(handle_batch(ctx, state, entries, replies)),
    }
}

fn handle_single(
    ctx: &ServerContext,
    state: &mut SessionState,
    entry: Entry,
    replies: &mut Replies<'_>,
) -> io::Result<Flow> {
    let request = match entry {
        Ok(request) => request,
        Err((id, error)) => {
            replies.push(encode_error(&id, &error));
            return Ok(Flow::Continue);
        }
    };
    let id = request.id.clone();
    let command = match Command::from_request(request) {
        Ok(command) => command,
        Err(error) => return Ok(answer(id.as_ref(), Err(error), Flow::Continue, replies)),
    };
    let flow = if command == Command::Quit { Flow::Quit } else { Flow::Continue };
    if let Some(error) = authorization_error(ctx, state, &command) {
        return Ok(answer(id.as_ref(), Err(error), flow, replies));
    }
    match (write_op(command), id) {
        (Ok(op), Some(id)) => queue_write(ctx, state, op, id, replies).map(|()| Flow::Continue),
        (Ok(op), None) => Ok(answer(None, wait_for_write(ctx, state, op), flow, replies)),
        (Err(command), id) => Ok(answer(id.as_ref(), execute(ctx, state, command), flow, replies)),
    }
}

/// Adds the answer to a request; a notification (no id) gets nothing.
fn answer(
    id: Option<&Value>,
    result: Result<Answer, RpcError>,
    flow: Flow,
    replies: &mut Replies<'_>,
) -> Flow {
    if let Some(id) = id {
        replies.push(match result {
            Ok(value) => encode_success(id, &value),
            Err(error) => encode_error(id, &error),
        });
    }
    flow
}

/// A single write: its answer is queued by the group delivery right after
/// commit, in order with the notifications of other sessions' writes. The
/// answers buffered before it go out first.
fn queue_write(
    ctx: &ServerContext,
    state: &SessionState,
    op: WriteOp,
    id: Value,
    replies: &mut Replies<'_>,
) -> io::Result<()> {
    replies.flush()?;
    let (done_tx, done_rx) = bounded(1);
    let token = Completion::Respond { id, done: done_tx };
    if let Err(job) = ctx.store.submit(WriteJob { op, origin: state.session.id, token }) {
        let Completion::Respond { id, .. } = job.token else { unreachable!("built above") };
        replies.push(encode_error(&id, &RpcError::internal("storage is shut down")));
        return Ok(());
    }
    // Waiting keeps this session's answers in request order.
    let _ = done_rx.recv();
    state.session.outbox.flush_queued(replies.stream)
}

fn handle_batch(
    ctx: &ServerContext,
    state: &mut SessionState,
    entries: Vec<Entry>,
    replies: &mut Replies<'_>,
) -> Flow {
    let mut parts = Vec::new();
    let mut flow = Flow::Continue;
    for entry in entries {
        let (id, result) = match entry {
            Ok(request) => {
                let id = request.id.clone();
                let command = Command::from_request(request);
                if command.as_ref() == Ok(&Command::Quit) {
                    flow = Flow::Quit;
                }
                (id, command.and_then(|c| execute_any(ctx, state, c)))
            }
            Err((id, error)) => (Some(id), Err(error)),
        };
        if let Some(id) = id {
            parts.push(match result {
                Ok(value) => encode_success(&id, &value),
                Err(error) => encode_error(&id, &error),
            });
        }
        if flow == Flow::Quit {
            break;
        }
    }
    if !parts.is_empty() {
        replies.push(message::encode_batch(&parts));
    }
    flow
}

/// Executes any command, waiting for writes to commit.
fn execute_any(ctx: &ServerContext, state: &mut SessionState, command: Command) -> Result<Answer, RpcError> {
    if let Some(error) = authorization_error(ctx, state, &command) {
        return Err(error);
    }
    match write_op(command) {
        Ok(op) => wait_for_write(ctx, state, op),
        Err(other) => execute(ctx, state, other),
    }
}

/// The storage operation of a write command, or the command back.
fn write_op(command: Command) -> Result<WriteOp, Command> {
    match command {
        Command::Add(p) => Ok(WriteOp::Add(p)),
        Command::Update(p) => Ok(WriteOp::Update(p)),
        Command::Delete { code } => Ok(WriteOp::Delete(code)),
        other => Err(other),
    }
}

/// Submits a write and waits for its commit.
fn wait_for_write(ctx: &ServerContext, state: &SessionState, op: WriteOp) -> Result<Answer, RpcError> {
    let (done_tx, done_rx) = bounded(1);
    let job = WriteJob { op, origin: state.session.id, token: Completion::Return(done_tx) };
    if ctx.store.submit(job).is_err() {
        return Err(RpcError::internal("storage is shut down"));
    }
    let outcome = done_rx.recv().unwrap_or(WriteOutcome::Failed("storage stopped".into()));
    write_result(outcome)
}

/// Executes a command that does not write.
fn execute(ctx: &ServerContext, state: &mut SessionState, command: Command) -> Result<Answer, RpcError> {
    let session = state.session.clone();
    match command {
        Command::Hello { client, token } => {
            check_token(ctx, state, token.as_deref())?;
            if let Some(name) = client {
                *session.client.lock().unwrap_or_else(|e| e.into_inner()) = Some(name.clone());
                let id = session.id;
                ctx.events.emit_with(|| super::ServerEvent::SessionNamed { session: id, client: name });
            }
            Ok(Answer::Json(json!({ "session": session.id, "server": server_name() })))
        }
        Command::Get { code } => match ctx.store.catalog().get(&code) {
            Some(product) => Ok(Answer::Shared(product)),
            None => Err(RpcError::not_found(&code)),
        },
        Command::List { after, limit } => Ok(Answer::Page(ctx.store.catalog().page(after.as_deref(), limit))),
        Command::Quit => Ok(Answer::Json(json!({ "bye": true }))),
        Command::Add(_) | Command::Update(_) | Command::Delete { .. } => {
            Err(RpcError::internal("writes go through the storage writer"))
        }
    }
}

fn authorization_error(ctx: &ServerContext, state: &SessionState, command: &Command) -> Option<RpcError> {
    let open = matches!(command, Command::Hello { .. } | Command::Quit);
    (ctx.config.token.is_some() && !state.authorized && !open).then(|| RpcError::token_required(false))
}

/// Compares the token in constant time, so timing tells nothing about it.
fn check_token(ctx: &ServerContext, state: &mut SessionState, given: Option<&str>) -> Result<(), RpcError> {
    let Some(expected) = ctx.config.token.as_deref() else { return Ok(()) };
    match given {
        Some(given) if constant_time_eq(given.as_bytes(), expected.as_bytes()) => {
            state.authorized = true;
            Ok(())
        }
        Some(_) => Err(RpcError::token_required(true)),
        None => Err(RpcError::token_required(false)),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut difference = (a.len() ^ b.len()) as u8 | u8::from(a.len() != b.len());
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        difference |= x ^ y;
    }
    difference == 0
}

fn write_result(outcome: WriteOutcome) -> Result<Answer, RpcError> {
    match outcome {
        WriteOutcome::Added(p) | WriteOutcome::Updated(p) => Ok(Answer::Product(p)),
        WriteOutcome::Deleted(code) => Ok(Answer::Json(json!({ "deleted": code }))),
        WriteOutcome::Exists(code) => Err(RpcError::already_exists(&code)),
        WriteOutcome::NotFound(code) => Err(RpcError::not_found(&code)),
        WriteOutcome::Failed(why) => Err(RpcError::internal(&why)),
    }
}

pub fn encode_write_outcome(id: &Value, outcome: WriteOutcome) -> Encoded {
    match write_result(outcome) {
        Ok(value) => encode_success(id, &value),
        Err(error) => encode_error(id, &error),
    }
}

/// The notification other sessions receive for a committed change.
pub fn change_notification(outcome: &WriteOutcome) -> Option<Line> {
    let encoded = match outcome {
        WriteOutcome::Added(p) => encode_notification("product.added", &json!({ "product": p })),
        WriteOutcome::Updated(p) => encode_notification("product.updated", &json!({ "product": p })),
        WriteOutcome::Deleted(code) => encode_notification("product.deleted", &json!({ "code": code })),
        _ => return None,
    };
    Some(to_line(encoded))
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    /// The token comparison is right on equal, different and prefix inputs.
    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(!constant_time_eq(b"", b"x"));
        assert!(constant_time_eq(b"", b""));
    }
}
