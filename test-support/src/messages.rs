//! Products and JSON-RPC messages as the tests write them, and the checks
//! of an error response's shape.

use serde_json::{Value, json};

/// The server name announced in `welcome` and `hello`.
pub const SERVER_NAME: &str = "lojinha/0.1.0";

/// A valid product as JSON.
pub fn product(code: &str, name: &str, price_cents: i64, quantity: i64) -> Value {
    json!({"code": code, "name": name, "price_cents": price_cents, "quantity": quantity})
}

/// `product` as the server returns it, with its version (protocol 1.1:
/// 1 when added, +1 with every update).
pub fn at_version(mut product: Value, version: i64) -> Value {
    product["version"] = json!(version);
    product
}

/// A product as the server returns it right after adding it.
pub fn added(code: &str, name: &str, price_cents: i64, quantity: i64) -> Value {
    at_version(product(code, name, price_cents, quantity), 1)
}

/// A valid product as the library type.
pub fn typed_product(code: &str, name: &str, price_cents: i64, quantity: i64) -> lojinha_server::Product {
    lojinha_server::Product { code: code.into(), name: name.into(), price_cents, quantity, version: 0 }
}

/// [`typed_product`] as the server returns it, at `version`.
pub fn typed_stored(
    code: &str,
    name: &str,
    price_cents: i64,
    quantity: i64,
    version: i64,
) -> lojinha_server::Product {
    lojinha_server::Product { version, ..typed_product(code, name, price_cents, quantity) }
}

/// A request object (`id` given) as JSON; `.to_string()` is its line.
pub fn request(id: impl Into<Value>, method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id.into(), "method": method, "params": params})
}

/// A notification object (no `id`) as JSON.
pub fn notification(method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "method": method, "params": params})
}

/// The success response the server must send.
pub fn success(id: impl Into<Value>, result: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id.into(), "result": result})
}

/// The error object of an error response, checked for shape and id.
pub fn error_of(response: &Value, id: &Value) -> Value {
    assert_eq!(response["jsonrpc"], json!("2.0"), "{response}");
    assert_eq!(&response["id"], id, "the error echoes the id: {response}");
    assert!(response.get("result").is_none(), "an error response has no result: {response}");
    let error = response.get("error").unwrap_or_else(|| panic!("expected an error: {response}"));
    assert!(error["message"].is_string(), "an error has a message: {response}");
    error.clone()
}

/// The error code of an error response with this id.
pub fn error_code(response: &Value, id: &Value) -> i64 {
    error_of(response, id)["code"].as_i64().expect("an integer code")
}
