//! Typed commands: a JSON-RPC request checked against the method table.
//!
//! Parsing never touches the store; the dispatcher applies a [`Command`].

use serde_json::{Map, Value};

use super::error::{FieldError, RpcError};
use super::message::{Params, Request};
use super::product::{Product, check_shown_text, validate_code};
use super::reason::Reason;

/// Default and largest page size of `product.list`.
pub const DEFAULT_PAGE: usize = 1000;
pub const MAX_PAGE: usize = 10_000;
const MAX_CLIENT_NAME: usize = 64;
const MAX_TOKEN_LEN: usize = 256;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Hello {
        client: Option<String>,
        token: Option<String>,
    },
    Add(Product),
    Get {
        code: String,
    },
    List {
        after: Option<String>,
        limit: usize,
    },
    /// `expected_version` (protocol 1.1): write only if the stored version is this one.
    Update {
        product: Product,
        expected_version: Option<i64>,
    },
    Delete {
        code: String,
        expected_version: Option<i64>,
    },
    Quit,
    /// Protocol 1.1: answered `{"pong": true}`; keeps an idle session alive.
    Ping,
}

impl Command {
    pub fn from_request(request: Request) -> Result<Command, RpcError> {
        let Request { method, params, .. } = request;
        let invalid = |e: FieldError| RpcError::invalid_params(&e);
        match method.as_str() {
            "hello" => parse_hello(params).map_err(invalid),
            "product.add" => parse_product(params).map(Command::Add).map_err(invalid),
            "product.update" => parse_update(params).map_err(invalid),
            "product.get" => parse_code(params).map(|code| Command::Get { code }).map_err(invalid),
            "product.delete" => parse_delete(params).map_err(invalid),
            "product.list" => parse_list(params).map_err(invalid),
            "quit" => parse_no_params(params).map(|_| Command::Quit).map_err(invalid),
            "ping" => parse_no_params(params).map(|_| Command::Ping).map_err(invalid),
            other => Err(RpcError::method_not_found(other)),
        }
    }

    /// Whether this command changes the catalog.
    pub fn is_write(&self) -> bool {
        matches!(self, Command::Add(_) | Command::Update { .. } | Command::Delete { .. })
    }
}

/// Named or positional parameters resolved to one map keyed by name.
fn by_name(params: Params, names: &[&str]) -> Result<Map<String, Value>, FieldError> {
    match params {
        Params::None => Ok(Map::new()),
        Params::ByName(map) => {
            if let Some(unknown) = map.keys().find(|k| !names.contains(&k.as_str())) {
                return Err(FieldError::new(unknown, Reason::UnknownParameter));
            }
            Ok(map)
        }
        Params::ByPosition(list) => {
            if list.len() > names.len() {
                let why = Reason::TooManyPositional { max: names.len() };
                return Err(FieldError::new("params", why));
            }
            Ok(names.iter().map(|n| n.to_string()).zip(list).collect())
        }
    }
}

fn parse_hello(params: Params) -> Result<Command, FieldError> {
    let mut map = by_name(params, &["client", "token"])?;
    let client = match map.remove("client") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => Some(check_client_name(&name)?),
        Some(_) => return Err(FieldError::new("client", Reason::NotAString)),
    };
    let token = match map.remove("token") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) if t.len() <= MAX_TOKEN_LEN => Some(t),
        Some(_) => return Err(FieldError::new("token", Reason::TokenTooLong { max: MAX_TOKEN_LEN })),
    };
    if client.is_none() && token.is_none() {
        // A hello says who is calling or brings the token; an empty one says nothing.
        return Err(FieldError::new("client", Reason::Required));
    }
    Ok(Command::Hello { client, token })
}

fn check_client_name(name: &str) -> Result<String, FieldError> {
    let chars = name.chars().count();
    if !(1..=MAX_CLIENT_NAME).contains(&chars) {
        let why = Reason::LengthRange { min: 1, max: MAX_CLIENT_NAME };
        return Err(FieldError::new("client", why));
    }
    check_shown_text(name).map_err(|reason| FieldError::new("client", reason))?;
    Ok(name.to_owned())
}

fn parse_product(params: Params) -> Result<Product, FieldError> {
    take_product(&mut by_name(params, &["product"])?)
}

fn parse_update(params: Params) -> Result<Command, FieldError> {
    let mut map = by_name(params, &["product", "expected_version"])?;
    let product = take_product(&mut map)?;
    Ok(Command::Update { product, expected_version: take_version(&mut map)? })
}

fn parse_delete(params: Params) -> Result<Command, FieldError> {
    let mut map = by_name(params, &["code", "expected_version"])?;
    let code = take_code(&mut map)?;
    Ok(Command::Delete { code, expected_version: take_version(&mut map)? })
}

fn take_product(map: &mut Map<String, Value>) -> Result<Product, FieldError> {
    match map.remove("product") {
        Some(value @ Value::Object(_)) => Product::from_json(value),
        Some(_) => Err(FieldError::new("product", Reason::NotAnObject)),
        None => Err(FieldError::new("product", Reason::Required)),
    }
}

/// `expected_version`: absent or null for an unconditional write, else a version (1 or more).
fn take_version(map: &mut Map<String, Value>) -> Result<Option<i64>, FieldError> {
    let range = || FieldError::new("expected_version", Reason::IntegerRange { min: 1, max: i64::MAX });
    match map.remove("expected_version") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().filter(|v| *v >= 1).map(Some).ok_or_else(range),
        Some(_) => Err(range()),
    }
}

fn parse_code(params: Params) -> Result<String, FieldError> {
    take_code(&mut by_name(params, &["code"])?)
}

fn take_code(map: &mut Map<String, Value>) -> Result<String, FieldError> {
    let code = match map.remove("code") {
        Some(Value::String(code)) => code,
        Some(_) => return Err(FieldError::new("code", Reason::NotAString)),
        None => return Err(FieldError::new("code", Reason::Required)),
    };
    validate_code(&code).map_err(|reason| FieldError::new("code", reason))?;
    Ok(code)
}

fn parse_list(params: Params) -> Result<Command, FieldError> {
    let mut map = by_name(params, &["after", "limit"])?;
    let after = match map.remove("after") {
        None | Some(Value::Null) => None,
        Some(Value::String(code)) => Some(code),
        Some(_) => return Err(FieldError::new("after", Reason::NotAString)),
    };
    let limit = match map.remove("limit") {
        None | Some(Value::Null) => DEFAULT_PAGE,
        Some(Value::Number(n)) => match n.as_u64() {
            Some(n) if (1..=MAX_PAGE as u64).contains(&n) => n as usize,
            _ => return Err(FieldError::new("limit", page_range())),
        },
        Some(_) => return Err(FieldError::new("limit", page_range())),
    };
    Ok(Command::List { after, limit })
}

fn page_range() -> Reason {
    Reason::IntegerRange { min: 1, max: MAX_PAGE as i64 }
}

fn parse_no_params(params: Params) -> Result<(), FieldError> {
    by_name(params, &[]).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::parse_entry;
    use serde_json::json;

    fn command(method: &str, params: Value) -> Result<Command, RpcError> {
        let request = json!({"jsonrpc":"2.0","id":1,"method":method,"params":params});
        Command::from_request(parse_entry(request).unwrap())
    }

    /// Positional and named parameters mean the same command.
    #[test]
    fn positional_equals_named() {
        assert_eq!(command("product.get", json!(["A-1"])), command("product.get", json!({"code":"A-1"})));
        assert_eq!(
            command("product.list", json!(["B", 5])).unwrap(),
            Command::List { after: Some("B".into()), limit: 5 }
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
}
