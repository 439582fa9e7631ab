//! `ping` (protocol 1.1): answered `{"pong": true}`; keeps an idle session
//! alive.

use serde::{Deserialize, Serialize, Serializer};

use super::method::Method;
use super::params::{empty_list, no_params};
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;

/// Sent with an empty parameter list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ping;

impl Serialize for Ping {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        empty_list(serializer)
    }
}

/// The result of `ping`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pong {
    pub pong: bool,
}

impl Method for Ping {
    const NAME: &'static str = "ping";
    type Output = Pong;
}

impl Ping {
    pub(super) fn parse(params: Params) -> Result<Ping, FieldError> {
        no_params(params).map(|()| Ping)
    }
}
