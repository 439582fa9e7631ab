//! `product.list`: one page of the catalog in code order, after a code.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::method::Method;
use super::params::by_name;
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;
use crate::protocol::product::Product;
use crate::protocol::reason::Reason;

/// Default and largest page size of `product.list`.
pub const DEFAULT_PAGE: usize = 1000;
pub const MAX_PAGE: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ListProducts {
    /// Start after this code (`None`: from the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Page size (`None`: [`DEFAULT_PAGE`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
}

/// The result of `product.list`. The server's pages share the catalog's
/// products (`Page<Arc<Product>>`: a page of ten thousand copies nothing);
/// a client reads them as plain products.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<P = Product> {
    pub products: Vec<P>,
    pub next: Option<String>,
    pub total: usize,
}

impl Method for ListProducts {
    const NAME: &'static str = "product.list";
    type Output = Page;
}

impl ListProducts {
    /// How many products the page holds at most.
    pub fn page_size(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_PAGE)
    }

    pub(super) fn parse(params: Params) -> Result<ListProducts, FieldError> {
        let mut map = by_name(params, &["after", "limit"])?;
        let after = match map.remove("after") {
            None | Some(Value::Null) => None,
            Some(Value::String(code)) => Some(code),
            Some(_) => return Err(FieldError::new("after", Reason::NotAString)),
        };
        let limit = match map.remove("limit") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_u64() {
                Some(n) if (1..=MAX_PAGE as u64).contains(&n) => Some(n as usize),
                _ => return Err(FieldError::new("limit", page_range())),
            },
            Some(_) => return Err(FieldError::new("limit", page_range())),
        };
        Ok(ListProducts { after, limit })
    }
}

fn page_range() -> Reason {
    Reason::IntegerRange { min: 1, max: MAX_PAGE as i64 }
}
