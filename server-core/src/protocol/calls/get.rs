//! `product.get`: one product by its code.

use serde::Serialize;

use super::method::Method;
use super::params::{by_name, take_code};
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;
use crate::protocol::product::Product;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetProduct {
    pub code: String,
}

impl Method for GetProduct {
    const NAME: &'static str = "product.get";
    type Output = Product;
}

impl GetProduct {
    pub(super) fn parse(params: Params) -> Result<GetProduct, FieldError> {
        Ok(GetProduct { code: take_code(&mut by_name(params, &["code"])?)? })
    }
}
