//! JSON-RPC error objects and the codes this protocol uses.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

pub use super::field::FieldError;
use super::problem::{MESSAGE_PREFIX, RequestProblem};
use super::product::Product;

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;
pub const NOT_FOUND: i64 = 1001;
pub const ALREADY_EXISTS: i64 = 1002;
pub const TOKEN_REQUIRED: i64 = 1003;
pub const CHANGED: i64 = 1004;

/// A JSON-RPC error object, as sent on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

impl std::fmt::Display for RpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (code {})", self.message, self.code)
    }
}

impl RpcError {
    fn new(code: i64, message: impl Into<String>, data: Option<Value>) -> Self {
        RpcError { code, message: message.into(), data }
    }

    pub fn parse_error(cause: &serde_json::Error) -> Self {
        let message = format!("parse error: {cause}");
        RpcError::new(PARSE_ERROR, message, None)
    }

    pub fn invalid_request(why: RequestProblem) -> Self {
        let data = match why {
            RequestProblem::FrameTooLarge { limit } => Some(json!({ "limit": limit })),
            _ => None,
        };
        RpcError::new(INVALID_REQUEST, format!("{MESSAGE_PREFIX}{why}"), data)
    }

    pub fn frame_too_large(limit: usize) -> Self {
        RpcError::invalid_request(RequestProblem::FrameTooLarge { limit })
    }

    /// 1004: a conditional write found another version; `data.current` is the stored product.
    pub fn changed(current: &Product) -> Self {
        let data = Some(json!({ "code": current.code, "current": current }));
        RpcError::new(CHANGED, "changed since you read it", data)
    }

    pub fn method_not_found(method: &str) -> Self {
        let data = Some(json!({ "method": method }));
        RpcError::new(METHOD_NOT_FOUND, format!("method not found: {method}"), data)
    }

    pub fn invalid_params(error: &FieldError) -> Self {
        let data = Some(json!({ "field": error.field, "reason": error.reason.to_string() }));
        RpcError::new(INVALID_PARAMS, format!("invalid params: {error}"), data)
    }

    pub fn internal(what: &str) -> Self {
        RpcError::new(INTERNAL_ERROR, format!("internal error: {what}"), None)
    }

    pub fn not_found(code: &str) -> Self {
        RpcError::new(NOT_FOUND, "product not found", Some(json!({ "code": code })))
    }

    pub fn already_exists(code: &str) -> Self {
        let data = Some(json!({ "code": code }));
        RpcError::new(ALREADY_EXISTS, "product already exists", data)
    }

    pub fn token_required(wrong: bool) -> Self {
        let message = if wrong {
            "access token is wrong: send the right one in hello"
        } else {
            "access token required: send it in hello as \"token\""
        };
        RpcError::new(TOKEN_REQUIRED, message, None)
    }
}
