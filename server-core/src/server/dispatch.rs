//! Applies requests: turns a parsed message into responses, reading from the
//! catalog mirror and sending writes to the storage writer.
//!
//! No socket here: answers go into the session's [`Replies`], and every
//! line is built by [`lines`](super::lines) from the protocol's types.

use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;

use crossbeam_channel::bounded;
use serde_json::Value;
use serde_json::value::RawValue;

use super::commits::Completion;
use super::context::ServerContext;
use super::events::{CloseReason, ServerEvent};
use super::lines::{Answer, write_answer, write_result};
use super::registry::Session;
use super::replies::Replies;
use crate::protocol::calls::{Bye, HelloResult, MethodCall, OPEN_METHODS, Pong};
use crate::protocol::error::RpcError;
use crate::protocol::message::{self, Entry, Message, Request, encode_error};
use crate::protocol::mistake::Mistake;
use crate::protocol::server_name;
use crate::storage::{StorageFailure, WriteJob, WriteOp, WriteOutcome};

/// Wrong tokens a connection may try before it is closed.
pub const MAX_WRONG_TOKENS: u32 = 3;
/// The wait after each wrong token, so guessing costs time.
const WRONG_TOKEN_PAUSE: Duration = Duration::from_millis(200);

/// What a session does after handling one line.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// `quit` was received: close after the reply (if any) is sent.
    Quit,
    /// Close after the reply is sent, for this reason (too many wrong tokens).
    Close(CloseReason),
}

/// Per-session state the dispatcher reads and changes.
pub struct SessionState {
    pub session: Arc<Session>,
    /// Whether `hello` carried the right token (always true without a token).
    pub authorized: bool,
    /// `hello`s with a wrong token so far.
    pub wrong_tokens: u32,
    /// `hello`s answered so far (a second one is a mistake).
    hellos: u32,
}

impl SessionState {
    pub fn new(session: Arc<Session>, token_required: bool) -> Self {
        SessionState { session, authorized: !token_required, wrong_tokens: 0, hellos: 0 }
    }

    /// The flow after a request: closing once too many tokens were wrong.
    fn after(&self, flow: Flow) -> Flow {
        if self.wrong_tokens >= MAX_WRONG_TOKENS { Flow::Close(CloseReason::WrongToken) } else { flow }
    }
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
            state.session.card.error(&error);
            replies.push(encode_error(&Value::Null, &error));
            Ok(Flow::Continue)
        }
        Message::Single(entry) => handle_single(ctx, state, entry, replies).map(|flow| state.after(flow)),
        Message::Batch(entries) => handle_batch(ctx, state, entries, replies).map(|flow| state.after(flow)),
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
            state.session.card.error(&error);
            replies.push(encode_error(&id, &error));
            return Ok(Flow::Continue);
        }
    };
    let id = request.id.clone();
    let card = &state.session.card;
    if let Some(error) = authorization_error(ctx, state, &request.method) {
        return answer(id.as_ref(), Err(error), Flow::Continue, replies);
    }
    let call = match MethodCall::from_request(request) {
        Ok(call) => call,
        Err(error) => {
            card.error(&error);
            return answer(id.as_ref(), Err(error), Flow::Continue, replies);
        }
    };
    if id.is_none() {
        card.mistake(Mistake::NoId);
    }
    let flow = if matches!(call, MethodCall::Quit(_)) { Flow::Quit } else { Flow::Continue };
    match (write_op(call), id) {
        (Ok(op), Some(id)) => {
            card.good();
            queue_write(ctx, state, op, id, replies).map(|()| Flow::Continue)
        }
        (Ok(op), None) => answer(None, wait_for_write(ctx, state, op), flow, replies),
        (Err(call), id) => {
            let result = execute(ctx, state, call);
            if id.is_some() {
                state.session.card.answered(&result);
            }
            answer(id.as_ref(), result, flow, replies)
        }
    }
}

/// Adds the answer to a request; a notification (no id) gets nothing.
fn answer(
    id: Option<&Value>,
    result: Result<Answer, RpcError>,
    flow: Flow,
    replies: &mut Replies<'_>,
) -> io::Result<Flow> {
    if let Some(id) = id {
        replies.begin_line();
        write_answer(replies, id, result)?;
        replies.end_line()?;
    }
    Ok(flow)
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
        replies.push(encode_error(&id, &RpcError::internal(&StorageFailure::ShutDown.to_string())));
        return Ok(());
    }
    // Waiting keeps this session's answers in request order.
    let _ = done_rx.recv();
    replies.flush_queued()
}

/// Runs a batch's entries in order. Its answer is one line, made entry by
/// entry and written as it grows (see [`Replies`]), so a batch of a thousand
/// large pages never sits whole in memory; a stop or a closed connection
/// ends it between entries.
fn handle_batch(
    ctx: &ServerContext,
    state: &mut SessionState,
    entries: Vec<&RawValue>,
    replies: &mut Replies<'_>,
) -> io::Result<Flow> {
    let mut answered = 0;
    let mut flow = Flow::Continue;
    for entry in entries {
        if state.session.outbox.closing_reason().is_some() || ctx.is_stopping() {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "session is closing"));
        }
        let card = &state.session.card;
        let (id, result) = match message::parse_batch_entry(entry) {
            Ok(request) => {
                let id = request.id.clone();
                let call = check_request(ctx, state, request);
                if matches!(call, Ok(MethodCall::Quit(_))) {
                    flow = Flow::Quit;
                }
                match (&call, &id) {
                    (Err(error), _) => card.error(error),
                    (Ok(_), None) => card.mistake(Mistake::NoId),
                    (Ok(_), Some(_)) => {}
                }
                let checked = call.is_ok();
                let result = call.and_then(|c| execute_any(ctx, state, c));
                if checked && id.is_some() {
                    state.session.card.answered(&result);
                }
                (id, result)
            }
            Err((id, error)) => {
                card.error(&error);
                (Some(id), Err(error))
            }
        };
        if let Some(id) = id {
            if answered == 0 {
                replies.begin_line();
            }
            replies.write_all(if answered == 0 { b"[" } else { b"," })?;
            write_answer(replies, &id, result)?;
            answered += 1;
        }
        if flow == Flow::Quit || state.wrong_tokens >= MAX_WRONG_TOKENS {
            break;
        }
    }
    if answered > 0 {
        replies.write_all(b"]")?;
        replies.end_line()?;
    }
    Ok(flow)
}

/// A request's method allowed in this session, then its parameters checked.
fn check_request(
    ctx: &ServerContext,
    state: &SessionState,
    request: Request,
) -> Result<MethodCall, RpcError> {
    match authorization_error(ctx, state, &request.method) {
        Some(error) => Err(error),
        None => MethodCall::from_request(request),
    }
}

/// Executes any call, waiting for writes to commit.
fn execute_any(ctx: &ServerContext, state: &mut SessionState, call: MethodCall) -> Result<Answer, RpcError> {
    match write_op(call) {
        Ok(op) => wait_for_write(ctx, state, op),
        Err(other) => execute(ctx, state, other),
    }
}

/// The storage operation of a write, or the call back.
fn write_op(call: MethodCall) -> Result<WriteOp, MethodCall> {
    match call {
        MethodCall::Add(add) => Ok(WriteOp::Add(add.product)),
        MethodCall::Update(update) => {
            Ok(WriteOp::Update { product: update.product, expected_version: update.expected_version })
        }
        MethodCall::Delete(delete) => {
            Ok(WriteOp::Delete { code: delete.code, expected_version: delete.expected_version })
        }
        other => Err(other),
    }
}

/// Submits a write and waits for its commit.
fn wait_for_write(ctx: &ServerContext, state: &SessionState, op: WriteOp) -> Result<Answer, RpcError> {
    let (done_tx, done_rx) = bounded(1);
    let job = WriteJob { op, origin: state.session.id, token: Completion::Return(done_tx) };
    if ctx.store.submit(job).is_err() {
        return Err(RpcError::internal(&StorageFailure::ShutDown.to_string()));
    }
    let outcome = done_rx.recv().unwrap_or(WriteOutcome::Failed(StorageFailure::Stopped));
    write_result(outcome)
}

/// Executes a call that does not write.
fn execute(ctx: &ServerContext, state: &mut SessionState, call: MethodCall) -> Result<Answer, RpcError> {
    let session = state.session.clone();
    match call {
        MethodCall::Hello(hello) => {
            check_token(ctx, state, hello.token.as_deref())?;
            state.hellos += 1;
            if state.hellos > 1 {
                session.card.mistake(Mistake::HelloAgain);
            }
            if let Some(name) = hello.client {
                *session.client.lock().unwrap_or_else(|e| e.into_inner()) = Some(name.clone());
                let id = session.id;
                ctx.events.emit_with(|| ServerEvent::SessionNamed { session: id, client: name });
            }
            Ok(Answer::Hello(HelloResult { session: session.id, server: server_name() }))
        }
        MethodCall::Get(get) => match ctx.store.catalog().get(&get.code) {
            Some(product) => Ok(Answer::Shared(product)),
            None => Err(RpcError::not_found(&get.code)),
        },
        MethodCall::List(list) => {
            Ok(Answer::Page(ctx.store.catalog().page(list.after.as_deref(), list.page_size())))
        }
        MethodCall::Quit(_) => Ok(Answer::Bye(Bye { bye: true })),
        MethodCall::Ping(_) => Ok(Answer::Pong(Pong { pong: true })),
        MethodCall::Add(_) | MethodCall::Update(_) | MethodCall::Delete(_) => {
            Err(RpcError::internal("writes go through the storage writer"))
        }
    }
}

/// Without the token only the open methods are served; the method's name is
/// all that is looked at, so a client learns nothing else before the token.
fn authorization_error(ctx: &ServerContext, state: &SessionState, method: &str) -> Option<RpcError> {
    let open = OPEN_METHODS.contains(&method);
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
        Some(_) => {
            state.wrong_tokens += 1;
            std::thread::sleep(WRONG_TOKEN_PAUSE);
            Err(RpcError::token_required(true))
        }
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
