//! `hello`: the client says who it is and, when the server wants one, gives
//! the access token. Answered with the session number and the server's name.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::method::Method;
use super::params::by_name;
use crate::protocol::error::FieldError;
use crate::protocol::message::Params;
use crate::protocol::product::check_shown_text;
use crate::protocol::reason::Reason;

const MAX_CLIENT_NAME: usize = 64;
const MAX_TOKEN_LEN: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hello {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// The result of `hello`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelloResult {
    pub session: u64,
    pub server: String,
}

impl Method for Hello {
    const NAME: &'static str = "hello";
    type Output = HelloResult;
}

impl Hello {
    pub(super) fn parse(params: Params) -> Result<Hello, FieldError> {
        let mut map = by_name(params, &["client", "token"])?;
        let client = match map.remove("client") {
            None | Some(Value::Null) => None,
            Some(Value::String(name)) => Some(check_client_name(&name)?),
            Some(_) => return Err(FieldError::new("client", Reason::NotAString)),
        };
        let token = match map.remove("token") {
            None | Some(Value::Null) => None,
            Some(Value::String(t)) if t.len() <= MAX_TOKEN_LEN => Some(t),
            Some(_) => return Err(FieldError::new("token", Reason::TokenTooLong { max: MAX_TOKEN_LEN })),
        };
        if client.is_none() && token.is_none() {
            // A hello says who is calling or brings the token; an empty one says nothing.
            return Err(FieldError::new("client", Reason::Required));
        }
        Ok(Hello { client, token })
    }
}

fn check_client_name(name: &str) -> Result<String, FieldError> {
    let chars = name.chars().count();
    if !(1..=MAX_CLIENT_NAME).contains(&chars) {
        let why = Reason::LengthRange { min: 1, max: MAX_CLIENT_NAME };
        return Err(FieldError::new("client", why));
    }
    check_shown_text(name).map_err(|reason| FieldError::new("client", reason))?;
    Ok(name.to_owned())
}
