//! The methods of the protocol, one type per method: the server parses a
//! request's parameters into it ([`MethodCall::from_request`]), the client
//! serializes it as the request's `params`, and [`Method::Output`] is the
//! `result` both sides agree on. Each method's name is written only here,
//! in its own file.
//!
//! Parsing never touches the store; the server's dispatcher applies a [`MethodCall`].

mod add;
mod delete;
mod get;
mod hello;
mod list;
mod method;
mod params;
mod ping;
mod quit;
mod update;

pub use add::AddProduct;
pub use delete::{DeleteProduct, Deleted};
pub use get::GetProduct;
pub use hello::{Hello, HelloResult};
pub use list::{DEFAULT_PAGE, ListProducts, MAX_PAGE, Page};
pub use method::{Method, encode_call};
pub use ping::{Ping, Pong};
pub use quit::{Bye, Quit};
pub use update::UpdateProduct;

use super::error::RpcError;
use super::field::FieldError;
use super::message::Request;

/// A request checked against the method table.
#[derive(Debug, Clone, PartialEq)]
pub enum MethodCall {
    Hello(Hello),
    Add(AddProduct),
    Get(GetProduct),
    List(ListProducts),
    Update(UpdateProduct),
    Delete(DeleteProduct),
    Quit(Quit),
    Ping(Ping),
}

/// Methods a client may call before it gives the token.
pub const OPEN_METHODS: [&str; 3] = [Hello::NAME, Quit::NAME, Ping::NAME];

impl MethodCall {
    pub fn from_request(request: Request) -> Result<MethodCall, RpcError> {
        let Request { method, params, .. } = request;
        let call = match method.as_str() {
            Hello::NAME => Hello::parse(params).map(MethodCall::Hello),
            AddProduct::NAME => AddProduct::parse(params).map(MethodCall::Add),
            UpdateProduct::NAME => UpdateProduct::parse(params).map(MethodCall::Update),
            GetProduct::NAME => GetProduct::parse(params).map(MethodCall::Get),
            DeleteProduct::NAME => DeleteProduct::parse(params).map(MethodCall::Delete),
            ListProducts::NAME => ListProducts::parse(params).map(MethodCall::List),
            Quit::NAME => Quit::parse(params).map(MethodCall::Quit),
            Ping::NAME => Ping::parse(params).map(MethodCall::Ping),
            other => return Err(RpcError::method_not_found(other)),
        };
        call.map_err(|e: FieldError| RpcError::invalid_params(&e))
    }

    /// Whether this call changes the catalog.
    pub fn is_write(&self) -> bool {
        matches!(self, MethodCall::Add(_) | MethodCall::Update(_) | MethodCall::Delete(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::parse_entry;
    use crate::protocol::product::Product;
    use serde_json::{Value, json};

    fn command(method: &str, params: Value) -> Result<MethodCall, RpcError> {
        let request = json!({"jsonrpc":"2.0","id":1,"method":method,"params":params});
        MethodCall::from_request(parse_entry(request).unwrap())
    }

    /// Positional and named parameters mean the same call.
    #[test]
    fn positional_equals_named() {
        assert_eq!(command("product.get", json!(["A-1"])), command("product.get", json!({"code":"A-1"})));
        assert_eq!(
            command("product.list", json!(["B", 5])).unwrap(),
            MethodCall::List(ListProducts { after: Some("B".into()), limit: Some(5) })
        );
    }

    /// Unknown methods and bad parameters get the right codes and fields.
    #[test]
    fn errors_name_their_cause() {
        assert_eq!(command("product.fly", json!({})).unwrap_err().code, -32601);
        let e = command("product.get", json!({"code":"a b"})).unwrap_err();
        assert_eq!((e.code, e.data.unwrap()["field"].clone()), (-32602, json!("code")));
        let e = command("product.add", json!({})).unwrap_err();
        assert_eq!(e.data.unwrap()["field"], json!("product"));
        let e = command("product.list", json!({"limit": 0})).unwrap_err();
        assert_eq!(e.data.unwrap()["field"], json!("limit"));
        let e = command("hello", json!({"client": ""})).unwrap_err();
        assert_eq!(e.data.unwrap()["field"], json!("client"));
        let e = command("product.get", json!({"code":"A","extra":1})).unwrap_err();
        assert_eq!(e.data.unwrap()["field"], json!("extra"));
    }

    /// What a client encodes, the server parses back to the same call, and
    /// the bytes are the ones clients have always sent.
    #[test]
    fn encoded_calls_parse_back() {
        let product =
            Product { code: "A-1".into(), name: "Pão".into(), price_cents: 5, quantity: 2, version: 0 };
        let calls = [
            MethodCall::Hello(Hello { client: Some("w".into()), token: Some("t".into()) }),
            MethodCall::Add(AddProduct { product: product.clone() }),
            MethodCall::Get(GetProduct { code: "A-1".into() }),
            MethodCall::List(ListProducts { after: Some("A".into()), limit: Some(3) }),
            MethodCall::List(ListProducts::default()),
            MethodCall::Update(UpdateProduct { product, expected_version: Some(4) }),
            MethodCall::Delete(DeleteProduct { code: "A-1".into(), expected_version: None }),
            MethodCall::Quit(Quit),
            MethodCall::Ping(Ping),
        ];
        for call in calls {
            let encoded = match &call {
                MethodCall::Hello(m) => encode_call(&json!(1), m),
                MethodCall::Add(m) => encode_call(&json!(1), m),
                MethodCall::Get(m) => encode_call(&json!(1), m),
                MethodCall::List(m) => encode_call(&json!(1), m),
                MethodCall::Update(m) => encode_call(&json!(1), m),
                MethodCall::Delete(m) => encode_call(&json!(1), m),
                MethodCall::Quit(m) => encode_call(&json!(1), m),
                MethodCall::Ping(m) => encode_call(&json!(1), m),
            };
            let value: Value = serde_json::from_slice(&encoded.0).unwrap();
            assert_eq!(MethodCall::from_request(parse_entry(value).unwrap()), Ok(call));
        }
        let get = encode_call(&json!(7), &GetProduct { code: "X".into() });
        assert_eq!(get.0, br#"{"jsonrpc":"2.0","id":7,"method":"product.get","params":{"code":"X"}}"#);
        let quit = encode_call(&json!(8), &Quit);
        assert_eq!(quit.0, br#"{"jsonrpc":"2.0","id":8,"method":"quit","params":[]}"#);
    }
}
