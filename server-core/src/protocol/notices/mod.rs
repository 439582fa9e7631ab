//! The notifications a server sends on its own, one type per method: the
//! server serializes it as the notification's `params`, the client reads
//! it back. Each method's name is written only here, in its own file.

mod changes;
mod goodbye;
mod welcome;

use serde::Serialize;

pub use changes::{ProductAdded, ProductDeleted, ProductUpdated};
pub use goodbye::{Goodbye, GoodbyeReason};
pub use welcome::{FEATURES, Welcome};

/// One notification: its method on the wire; the type is its `params`.
pub trait Notice: Serialize {
    const METHOD: &'static str;
}
