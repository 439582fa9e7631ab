//! v1 and v2 of the lesson: the server accepts a connection, speaks first
//! with a `welcome`, and answers with JSON-RPC 2.0 lines.

use serde_json::json;

use crate::context::Context;
use crate::problem::Problem;
use crate::session::{Session, welcome_of};

/// The server accepts a TCP connection.
pub fn connect(context: &Context) -> Result<(), Problem> {
    Session::connect(context, 1).map(drop)
}

/// The first line the server sends, unasked, is a `welcome` notification.
pub fn welcome(context: &Context) -> Result<(), Problem> {
    let mut session = Session::connect(context, 1)?;
    let first = session.wire().read_json().map_err(|problem| match problem {
        Problem::Silent => problem.hinted("check-hint-not_welcome"),
        other => other,
    })?;
    welcome_of(&first).map(drop)
}

/// A request gets a JSON-RPC 2.0 answer, on one line, with the request's `id`.
pub fn json_lines(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    session.call_raw("product.list", json!({})).map(drop)
}
