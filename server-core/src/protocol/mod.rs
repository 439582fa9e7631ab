//! The wire protocol: framing, JSON-RPC envelopes, products, and the
//! methods and notifications both sides speak.
//!
//! Layers never skip: bytes → [`frame`] → [`message`] → [`calls`] / [`notices`].

pub mod calls;
pub mod duplicates;
pub mod error;
pub mod field;
pub mod frame;
pub mod message;
pub mod mistake;
pub mod notices;
pub mod pieces;
pub mod problem;
pub mod product;
pub mod raw;
pub mod reason;

pub use calls::{Method, MethodCall, Page};
pub use error::{FieldError, RpcError};
pub use message::{Encoded, Message, Params, Request};
pub use notices::{GoodbyeReason, Notice, Welcome};
pub use problem::RequestProblem;
pub use product::Product;
pub use reason::Reason;

/// Version of the wire protocol announced in `welcome`.
pub const PROTOCOL_VERSION: u32 = 1;

/// `lojinha/<version>`, as announced in `welcome` and `hello`.
pub fn server_name() -> String {
    format!("lojinha/{}", env!("CARGO_PKG_VERSION"))
}
