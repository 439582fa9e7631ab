//! Reading a request's parameters: named or positional, resolved to one map
//! keyed by name, and the fields several methods share (`code`, `product`,
//! `expected_version`).

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::protocol::error::FieldError;
use crate::protocol::message::Params;
use crate::protocol::product::{Product, validate_code};
use crate::protocol::reason::Reason;

/// The parameters by name; unknown names and extra positions are field errors.
pub(super) fn by_name(params: Params, names: &[&str]) -> Result<Map<String, Value>, FieldError> {
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

/// A method that takes no parameters (an empty list or object, or none).
pub(super) fn no_params(params: Params) -> Result<(), FieldError> {
    by_name(params, &[]).map(|_| ())
}

/// Serializes a method without parameters as `[]`, as clients have always sent it.
pub(super) fn empty_list<S: Serializer>(serializer: S) -> Result<S::Ok, S::Error> {
    [(); 0].serialize(serializer)
}

pub(super) fn take_product(map: &mut Map<String, Value>) -> Result<Product, FieldError> {
    match map.remove("product") {
        Some(value @ Value::Object(_)) => Product::from_json(value),
        Some(_) => Err(FieldError::new("product", Reason::NotAnObject)),
        None => Err(FieldError::new("product", Reason::Required)),
    }
}

/// `expected_version`: absent or null for an unconditional write, else a version (1 or more).
pub(super) fn take_version(map: &mut Map<String, Value>) -> Result<Option<i64>, FieldError> {
    let range = || FieldError::new("expected_version", Reason::IntegerRange { min: 1, max: i64::MAX });
    match map.remove("expected_version") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().filter(|v| *v >= 1).map(Some).ok_or_else(range),
        Some(_) => Err(range()),
    }
}

pub(super) fn take_code(map: &mut Map<String, Value>) -> Result<String, FieldError> {
    let code = match map.remove("code") {
        Some(Value::String(code)) => code,
        Some(_) => return Err(FieldError::new("code", Reason::NotAString)),
        None => return Err(FieldError::new("code", Reason::Required)),
    };
    validate_code(&code).map_err(|reason| FieldError::new("code", reason))?;
    Ok(code)
}
