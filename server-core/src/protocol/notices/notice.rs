//! What every notification is: a method on the wire and parameters (the
//! type itself); and how the server encodes one.

use serde::Serialize;

use crate::protocol::message::{Encoded, encode_notification};

/// One notification: its method on the wire; the type is its `params`.
pub trait Notice: Serialize {
    const METHOD: &'static str;
}

/// Encodes a notification from its typed parameters (the server's side).
pub fn encode_notice<N: Notice>(notice: &N) -> Encoded {
    encode_notification(N::METHOD, notice)
}
