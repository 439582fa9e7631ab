//! The protocol's errors: invalid JSON (-32700), an unknown method
//! (-32601), bad parameters (-32602). After an error the session goes on.

use lojinha_server::protocol::error::{INVALID_PARAMS, METHOD_NOT_FOUND, PARSE_ERROR};
use serde_json::{Value, json};

use crate::context::Context;
use crate::problem::Problem;
use crate::session::{Session, expect_error};

/// A line that is not JSON gets -32700 with `id: null`, and the next request is still served.
pub fn parse_error(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    session.wire().send(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"product.list\"\n")?;
    let answer = session.answer(&Value::Null).map_err(crashed)?;
    expect_error(&answer, PARSE_ERROR)?;
    session.call("product.list", json!({})).map_err(crashed).map(drop)
}

/// A method the protocol does not have gets -32601.
pub fn unknown_method(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let answer = session.call_raw("product.fly", json!({}))?;
    expect_error(&answer, METHOD_NOT_FOUND).map(drop)
}

/// A product with a negative price gets -32602.
pub fn bad_params(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let mut product = context.product("BAD");
    product["price_cents"] = json!(-5);
    let answer = session.call_raw("product.add", json!({"product": product}))?;
    expect_error(&answer, INVALID_PARAMS).map(drop)
}

/// A server that closes or goes quiet after a bad line most likely crashed on it.
fn crashed(problem: Problem) -> Problem {
    match problem {
        problem @ Problem::Closed => problem.hinted("check-hint-crashed"),
        other => other,
    }
}
