//! v5's threads: two clients at once, and a change made by one reaching the other.

use serde_json::{Value, json};

use crate::checks::catalog::add_one;
use crate::context::Context;
use crate::problem::Problem;
use crate::session::Session;

/// While a first client is connected and quiet, a second one is greeted and
/// served; then the first one is served too.
pub fn two_clients(context: &Context) -> Result<(), Problem> {
    let mut first = Session::open(context, 1)?;
    let mut second = Session::open(context, 2).map_err(one_at_a_time)?;
    second.call("product.list", json!({})).map_err(one_at_a_time)?;
    first.call("product.list", json!({}))?;
    Ok(())
}

/// A product added by one client reaches another as a `product.added` notification.
pub fn notify(context: &Context) -> Result<(), Problem> {
    let mut watcher = Session::open(context, 1)?;
    let mut writer = Session::open(context, 2).map_err(one_at_a_time)?;
    let product = context.product("N");
    add_one(&mut writer, &product)?;
    loop {
        let message = watcher.next_message().map_err(no_notification)?;
        if is_added(&message, &product["code"]) {
            return Ok(());
        }
    }
}

fn is_added(message: &Value, code: &Value) -> bool {
    message.get("method") == Some(&json!("product.added"))
        && message.pointer("/params/product/code") == Some(code)
}

/// The second client waiting for its welcome is the sign of a server that
/// serves one client at a time.
fn one_at_a_time(problem: Problem) -> Problem {
    match problem {
        problem @ Problem::Silent => problem.hinted("check-hint-one_at_a_time"),
        other => other,
    }
}

fn no_notification(problem: Problem) -> Problem {
    match problem {
        problem @ Problem::Silent => problem.hinted("check-hint-no_notification"),
        other => other,
    }
}
