//! What every method is: a name on the wire, parameters (the type itself,
//! serialized as `params`) and a result; and how a client encodes a call.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::protocol::message::{Encoded, encode_request};

/// One method: its name on the wire, its parameters (the implementing type,
/// serialized as `params`) and its result.
pub trait Method: Serialize {
    const NAME: &'static str;
    type Output: DeserializeOwned;
}

/// Encodes a call of a method from its typed parameters (the client's side).
pub fn encode_call<M: Method>(id: &Value, call: &M) -> Encoded {
    encode_request(id, M::NAME, call)
}
