//! A JSON-RPC session with the server under check: connect, read the
//! `welcome`, send requests, read their answers and the notifications
//! between them.

use serde_json::{Value, json};

use crate::context::Context;
use crate::problem::Problem;
use crate::wire::Wire;

/// An open session whose `welcome` was read.
pub struct Session {
    wire: Wire,
    /// The session's number within the check (also the connection's).
    number: usize,
    next_id: u64,
}

impl Session {
    /// Connects (connection `number` of the check) and reads the `welcome`.
    pub fn open(context: &Context, number: usize) -> Result<Session, Problem> {
        let mut session = Session::connect(context, number)?;
        let first = session.wire.read_json()?;
        welcome_of(&first)?;
        Ok(session)
    }

    /// Connects without reading anything.
    pub fn connect(context: &Context, number: usize) -> Result<Session, Problem> {
        let wire = Wire::connect(&context.address, context.timeout, number, &context.transcript)?;
        Ok(Session { wire, number, next_id: 0 })
    }

    pub fn wire(&mut self) -> &mut Wire {
        &mut self.wire
    }

    /// A fresh request (`id` a string naming the connection and its count);
    /// `params` left out when null.
    pub fn request(&mut self, method: &str, params: Value) -> (Value, Value) {
        self.next_id += 1;
        let id = json!(format!("c{}-{}", self.number, self.next_id));
        let mut request = json!({"jsonrpc": "2.0", "id": id, "method": method});
        if !params.is_null() {
            request["params"] = params;
        }
        (id, request)
    }

    /// Sends a request and returns its answer's `result`.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, Problem> {
        let answer = self.call_raw(method, params)?;
        result_of(&answer)
    }

    /// Sends a request and returns its whole answer (a result or an error).
    pub fn call_raw(&mut self, method: &str, params: Value) -> Result<Value, Problem> {
        let (id, request) = self.request(method, params);
        self.wire.send_json(&request)?;
        self.answer(&id)
    }

    /// The next answer, which must carry `id`; notifications before it are skipped.
    pub fn answer(&mut self, id: &Value) -> Result<Value, Problem> {
        let answer = self.next_answer()?;
        if answer.get("id") != Some(id) {
            let got = answer.get("id").map_or_else(|| "—".to_owned(), Value::to_string);
            return Err(Problem::WrongId { expected: id.to_string(), got });
        }
        Ok(answer)
    }

    /// The next message that is not a notification, checked to be a
    /// JSON-RPC 2.0 answer.
    fn next_answer(&mut self) -> Result<Value, Problem> {
        loop {
            let message = self.next_message()?;
            if message.get("method").is_none() {
                return jsonrpc_answer(message);
            }
        }
    }

    /// The next message, whatever it is (an answer or a notification).
    pub fn next_message(&mut self) -> Result<Value, Problem> {
        let message = self.wire.read_json()?;
        if message.get("jsonrpc") != Some(&json!("2.0")) {
            return Err(Problem::NotJsonRpc);
        }
        Ok(message)
    }
}

/// A `welcome` notification's params, or why the message is not one.
pub fn welcome_of(message: &Value) -> Result<&Value, Problem> {
    let is_welcome = message.get("method") == Some(&json!("welcome")) && message.get("id").is_none();
    if !is_welcome {
        return Err(Problem::NotWelcome);
    }
    if message.get("jsonrpc") != Some(&json!("2.0")) {
        return Err(Problem::NotJsonRpc);
    }
    Ok(message.get("params").unwrap_or(&Value::Null))
}

/// An answer has `jsonrpc: "2.0"`, an `id`, and exactly one of `result` and `error`.
fn jsonrpc_answer(message: Value) -> Result<Value, Problem> {
    let has_result = message.get("result").is_some();
    let has_error = message.get("error").is_some();
    if message.get("id").is_none() || has_result == has_error {
        return Err(Problem::NotJsonRpc);
    }
    Ok(message)
}

/// The answer's `result`, or the error it carries as a problem.
pub fn result_of(answer: &Value) -> Result<Value, Problem> {
    match answer.get("error") {
        Some(error) => Err(Problem::ErrorAnswer { code: code_of(error), message: message_of(error) }),
        None => Ok(answer.get("result").cloned().unwrap_or(Value::Null)),
    }
}

/// The answer's error, which must have code `expected`.
pub fn expect_error(answer: &Value, expected: i64) -> Result<&Value, Problem> {
    let Some(error) = answer.get("error") else {
        return Err(Problem::ResultAnswer { expected: expected.to_string() });
    };
    if error.get("code") != Some(&json!(expected)) {
        return Err(Problem::WrongCode { expected: expected.to_string(), got: code_of(error) });
    }
    Ok(error)
}

fn code_of(error: &Value) -> String {
    error.get("code").map_or_else(|| "—".to_owned(), Value::to_string)
}

fn message_of(error: &Value) -> String {
    error.get("message").and_then(Value::as_str).unwrap_or("").to_owned()
}
