//! Applies requests: turns a parsed message into responses, reading from the
//! catalog mirror and sending writes to the storage writer.

use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;

use crossbeam_channel::bounded;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::commits::Completion;
use super::context::ServerContext;
use super::events::CloseReason;
use super::outbox::Line;
use super::replies::Replies;
use super::sessions::Session;
use crate::protocol::message::{self, Entry, encode_error, encode_notification, encode_success};
use crate::protocol::{Command, Encoded, Message, PROTOCOL_VERSION, Product, Request, RpcError, server_name};
use crate::storage::{WriteJob, WriteOp, WriteOutcome};

/// A successful result, serialized straight from the typed value.
#[derive(Serialize)]
#[serde(untagged)]
enum Answer {
    Product(Product),
    Shared(Arc<Product>),
    Page(crate::storage::Page<Arc<Product>>),
    Json(Value),
}

/// Wrong tokens a connection may try before it is closed.
pub const MAX_WRONG_TOKENS: u32 = 3;
/// The wait after each wrong token, so guessing costs time.
const WRONG_TOKEN_PAUSE: Duration = Duration::from_millis(200);

/// Methods a client may call before it gives the token.
const OPEN_METHODS: [&str; 3] = ["hello", "quit", "ping"];

/// Additions of protocol 1.1 this server has, as `welcome` names them.
const FEATURES: [&str; 2] = ["ping", "version"];

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
}

impl SessionState {
    pub fn new(session: Arc<Session>, token_required: bool) -> Self {
        SessionState { session, authorized: !token_required, wrong_tokens: 0 }
    }

    /// The flow after a request: closing once too many tokens were wrong.
    fn after(&self, flow: Flow) -> Flow {
        if self.wrong_tokens >= MAX_WRONG_TOKENS { Flow::Close(CloseReason::WrongToken) } else { flow }
    }
}

#[derive(Serialize)]
struct Welcome {
    server: String,
    protocol: u32,
    session: u64,
    features: [&'static str; FEATURES.len()],
}

pub fn welcome_line(session: u64) -> Line {
    let params = Welcome { server: server_name(), protocol: PROTOCOL_VERSION, session, features: FEATURES };
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
            replies.push(encode_error(&id, &error));
            return Ok(Flow::Continue);
        }
    };
    let id = request.id.clone();
    if let Some(error) = authorization_error(ctx, state, &request.method) {
        return answer(id.as_ref(), Err(error), Flow::Continue, replies);
    }
    let command = match Command::from_request(request) {
        Ok(command) => command,
        Err(error) => return answer(id.as_ref(), Err(error), Flow::Continue, replies),
    };
    let flow = if command == Command::Quit { Flow::Quit } else { Flow::Continue };
    match (write_op(command), id) {
        (Ok(op), Some(id)) => queue_write(ctx, state, op, id, replies).map(|()| Flow::Continue),
        (Ok(op), None) => answer(None, wait_for_write(ctx, state, op), flow, replies),
        (Err(command), id) => answer(id.as_ref(), execute(ctx, state, command), flow, replies),
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
        replies.push(encode_error(&id, &RpcError::internal("storage is shut down")));
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
        let (id, result) = match message::parse_batch_entry(entry) {
            Ok(request) => {
                let id = request.id.clone();
                let command = check_request(ctx, state, request);
                if command.as_ref() == Ok(&Command::Quit) {
                    flow = Flow::Quit;
                }
                (id, command.and_then(|c| execute_any(ctx, state, c)))
            }
            Err((id, error)) => (Some(id), Err(error)),
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
fn check_request(ctx: &ServerContext, state: &SessionState, request: Request) -> Result<Command, RpcError> {
    match authorization_error(ctx, state, &request.method) {
        Some(error) => Err(error),
        None => Command::from_request(request),
    }
}

/// Serializes one answer straight into the batch line being written.
fn write_answer(out: &mut impl io::Write, id: &Value, result: Result<Answer, RpcError>) -> io::Result<()> {
    match result {
        Ok(value) => message::write_success(out, id, &value),
        Err(error) => message::write_error(out, id, &error),
    }
}

/// Executes any command, waiting for writes to commit.
fn execute_any(ctx: &ServerContext, state: &mut SessionState, command: Command) -> Result<Answer, RpcError> {
    match write_op(command) {
        Ok(op) => wait_for_write(ctx, state, op),
        Err(other) => execute(ctx, state, other),
    }
}

/// The storage operation of a write command, or the command back.
fn write_op(command: Command) -> Result<WriteOp, Command> {
    match command {
        Command::Add(p) => Ok(WriteOp::Add(p)),
        Command::Update { product, expected_version } => Ok(WriteOp::Update { product, expected_version }),
        Command::Delete { code, expected_version } => Ok(WriteOp::Delete { code, expected_version }),
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
        Command::Ping => Ok(Answer::Json(json!({ "pong": true }))),
        Command::Add(_) | Command::Update { .. } | Command::Delete { .. } => {
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

fn write_result(outcome: WriteOutcome) -> Result<Answer, RpcError> {
    match outcome {
        WriteOutcome::Added(p) | WriteOutcome::Updated(p) => Ok(Answer::Product(p)),
        WriteOutcome::Deleted(code) => Ok(Answer::Json(json!({ "deleted": code }))),
        WriteOutcome::Exists(code) => Err(RpcError::already_exists(&code)),
        WriteOutcome::NotFound(code) => Err(RpcError::not_found(&code)),
        WriteOutcome::Changed(current) => Err(RpcError::changed(&current)),
        WriteOutcome::CatalogFull { max } => {
            Err(RpcError::internal(&format!("catalog full: at most {max} products")))
        }
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
