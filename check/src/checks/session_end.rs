//! The end of a session: `quit` is answered, then the server closes.

use serde_json::{Value, json};

use crate::context::Context;
use crate::problem::Problem;
use crate::session::Session;

/// `quit` gets `{"bye": true}` and then the connection is closed by the server.
pub fn quit(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let result = session.call("quit", Value::Null)?;
    if result != json!({"bye": true}) {
        return Err(Problem::Wrong("check-hint-quit_answer"));
    }
    match session.wire().closes() {
        Ok(true) => Ok(()),
        Ok(false) => Err(Problem::Wrong("check-hint-quit_open")),
        Err(problem @ Problem::Silent) => Err(problem.hinted("check-hint-quit_open")),
        Err(other) => Err(other),
    }
}
