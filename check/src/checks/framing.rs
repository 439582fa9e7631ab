//! v5's framing: a message longer than one `read()` arrives whole, and
//! several messages sent at once are each answered, in order.

use std::time::Duration;

use serde_json::{Value, json};

use crate::checks::catalog::same_product;
use crate::context::Context;
use crate::problem::Problem;
use crate::session::{Session, result_of};

/// The name of the big product: 200 code points (the most a name may have),
/// each written in the request as a `\uXXXX\uXXXX` escape pair, 12 bytes.
const BIG_NAME_CHARS: usize = 200;
const BIG_CHAR: char = '\u{1F6D2}';

/// How long the checker waits between the two halves of the big line, so
/// the server's first `read()` surely gets only the first half.
const HALF_PAUSE: Duration = Duration::from_millis(300);

/// A product of about 2.5 KiB (more than Python's classic `recv(2048)`),
/// sent in two writes, is stored and answered whole.
pub fn big_product(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let product = json!({"code": context.code("BIG"), "name": big_name(), "price_cents": 990, "quantity": 1});
    let (id, request) = session.request("product.add", json!({"product": product}));
    let line = escaped_line(&request);
    let (first, second) = line.split_at(line.len() / 2);
    session.wire().send(first.as_bytes())?;
    std::thread::sleep(HALF_PAUSE);
    session.wire().send(second.as_bytes())?;
    let stored = result_of(&session.answer(&id).map_err(big_hint)?)?;
    match same_product(&stored, &product) {
        true => Ok(()),
        false => Err(Problem::Wrong("check-hint-big_cut")),
    }
}

/// Three requests written at once: each gets its answer, in the order sent.
pub fn pipeline(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let requests = [
        session.request("product.add", json!({"product": context.product("P1")})),
        session.request("product.add", json!({"product": context.product("P2")})),
        session.request("product.list", json!({})),
    ];
    let bytes: String = requests.iter().map(|(_, request)| format!("{request}\n")).collect();
    session.wire().send(bytes.as_bytes())?;
    for (id, _) in &requests {
        session.answer(id).map_err(pipeline_hint)?;
    }
    Ok(())
}

fn big_name() -> String {
    std::iter::repeat_n(BIG_CHAR, BIG_NAME_CHARS).collect()
}

/// The request as one line, with every character outside ASCII escaped
/// (`\ud83d\uded2`), as Python's `json.dumps` writes by default.
fn escaped_line(request: &Value) -> String {
    let mut line = String::new();
    for c in request.to_string().chars() {
        match c.is_ascii() {
            true => line.push(c),
            false => c.encode_utf16(&mut [0; 2]).iter().for_each(|u| line.push_str(&format!("\\u{u:04x}"))),
        }
    }
    line.push('\n');
    line
}

/// Silence, a close or a parse error after the two halves all mean the
/// server handled the first `read()` as if it were the whole line.
fn big_hint(problem: Problem) -> Problem {
    match problem {
        problem @ (Problem::Silent | Problem::Closed | Problem::WrongId { .. }) => {
            problem.hinted("check-hint-big_cut")
        }
        other => other,
    }
}

/// Silence, a close, or a parse error (`id: null`) where an answer should
/// be: the server did not split what one read brought at each `\n`.
fn pipeline_hint(problem: Problem) -> Problem {
    match problem {
        problem @ (Problem::Silent | Problem::Closed) => problem.hinted("check-hint-pipeline_lost"),
        Problem::WrongId { expected, got } if got == "null" => {
            Problem::WrongId { expected, got }.hinted("check-hint-pipeline_lost")
        }
        problem @ Problem::WrongId { .. } => problem.hinted("check-hint-pipeline_order"),
        other => other,
    }
}
