//! `product.delete`: removes a product by code; with `expected_version`
//! (protocol 1.1) only if the stored version is that one. Answered with
//! `{"deleted": code}`.

use serde::{Deserialize, Serialize};

use super::method::Method;
use super::params::{by_name, take_code, take_version};
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeleteProduct {
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_version: Option<i64>,
}

/// The result of `product.delete`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deleted {
    pub deleted: String,
}

impl Method for DeleteProduct {
    const NAME: &'static str = "product.delete";
    type Output = Deleted;
}

impl DeleteProduct {
    pub(super) fn parse(params: Params) -> Result<DeleteProduct, FieldError> {
        let mut map = by_name(params, &["code", "expected_version"])?;
        let code = take_code(&mut map)?;
        Ok(DeleteProduct { code, expected_version: take_version(&mut map)? })
    }
}
