//! `quit`: the client ends the conversation. Answered `{"bye": true}`, then
//! the server closes the connection.

use serde::{Deserialize, Serialize, Serializer};

use super::method::Method;
use super::params::{empty_list, no_params};
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;

/// Sent with an empty parameter list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quit;

impl Serialize for Quit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        empty_list(serializer)
    }
}

/// The result of `quit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bye {
    pub bye: bool,
}

impl Method for Quit {
    const NAME: &'static str = "quit";
    type Output = Bye;
}

impl Quit {
    pub(super) fn parse(params: Params) -> Result<Quit, FieldError> {
        no_params(params).map(|()| Quit)
    }
}
