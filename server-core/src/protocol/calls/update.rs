//! `product.update`: replaces a product's fields; with `expected_version`
//! (protocol 1.1) only if the stored version is that one.

use serde::Serialize;

use super::method::Method;
use super::params::{by_name, take_product, take_version};
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;
use crate::protocol::product::Product;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpdateProduct {
    pub product: Product,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_version: Option<i64>,
}

impl Method for UpdateProduct {
    const NAME: &'static str = "product.update";
    type Output = Product;
}

impl UpdateProduct {
    pub(super) fn parse(params: Params) -> Result<UpdateProduct, FieldError> {
        let mut map = by_name(params, &["product", "expected_version"])?;
        let product = take_product(&mut map)?;
        Ok(UpdateProduct { product, expected_version: take_version(&mut map)? })
    }
}
