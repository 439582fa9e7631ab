//! `product.add`: a new product. Answered with the product as stored.

use serde::Serialize;

use super::method::Method;
use super::params::{by_name, take_product};
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;
use crate::protocol::product::Product;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddProduct {
    pub product: Product,
}

impl Method for AddProduct {
    const NAME: &'static str = "product.add";
    type Output = Product;
}

impl AddProduct {
    pub(super) fn parse(params: Params) -> Result<AddProduct, FieldError> {
        Ok(AddProduct { product: take_product(&mut by_name(params, &["product"])?)? })
    }
}
