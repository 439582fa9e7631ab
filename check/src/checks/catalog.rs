//! v3/v4 and the exercise: adding a product, listing it, fetching it by
//! code, and the error for a code that does not exist.

use lojinha_server::protocol::error::NOT_FOUND;
use serde_json::{Value, json};

use crate::context::Context;
use crate::problem::Problem;
use crate::session::{Session, expect_error};

/// `product.add` of a valid product answers with that product.
pub fn add(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    add_one(&mut session, &context.product("A")).map(drop)
}

/// After an add, `product.list` has the product in `products`.
pub fn list(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let product = context.product("L");
    add_one(&mut session, &product)?;
    let listed = session.call("product.list", json!({}))?;
    let products =
        listed.get("products").and_then(Value::as_array).ok_or(Problem::Wrong("check-hint-list_shape"))?;
    match products.iter().any(|p| same_product(p, &product)) {
        true => Ok(()),
        false => Err(Problem::Wrong("check-hint-list_missing")),
    }
}

/// `product.get` with an existing code answers with that product.
pub fn get(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let product = context.product("G");
    add_one(&mut session, &product)?;
    let found = session.call("product.get", json!({"code": product["code"]}))?;
    match same_product(&found, &product) {
        true => Ok(()),
        false => Err(Problem::Wrong("check-hint-get_differs")),
    }
}

/// `product.get` with a code nobody added answers error 1001.
pub fn get_missing(context: &Context) -> Result<(), Problem> {
    let mut session = Session::open(context, 1)?;
    let answer = session.call_raw("product.get", json!({"code": context.code("NONE")}))?;
    expect_error(&answer, NOT_FOUND).map(drop)
}

/// Adds `product`; the answer must be the product.
pub fn add_one(session: &mut Session, product: &Value) -> Result<Value, Problem> {
    let stored = session.call("product.add", json!({"product": product}))?;
    match same_product(&stored, product) {
        true => Ok(stored),
        false => Err(Problem::Wrong("check-hint-add_differs")),
    }
}

/// The four fields of the protocol agree (extra fields such as `version` are fine).
pub fn same_product(got: &Value, sent: &Value) -> bool {
    ["code", "name", "price_cents", "quantity"].iter().all(|field| got.get(field) == sent.get(field))
}
