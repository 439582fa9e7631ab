//! `product.added`, `product.updated`, `product.deleted`: a change another
//! session committed. The server sends its shared products (`P = &Product`);
//! a client reads them as plain products.

use serde::{Deserialize, Serialize};

use super::notice::Notice;
use crate::protocol::product::Product;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAdded<P = Product> {
    pub product: P,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductUpdated<P = Product> {
    pub product: P,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDeleted {
    pub code: String,
}

impl<P: Serialize> Notice for ProductAdded<P> {
    const METHOD: &'static str = "product.added";
}

impl<P: Serialize> Notice for ProductUpdated<P> {
    const METHOD: &'static str = "product.updated";
}

impl Notice for ProductDeleted {
    const METHOD: &'static str = "product.deleted";
}
