//! The notifications a server sends on its own, one type per method: the
//! server serializes it as the notification's `params`, the client reads
//! it back. Each method's name is written only here, in its own file.

mod changes;
mod goodbye;
mod notice;
mod welcome;

pub use changes::{ProductAdded, ProductDeleted, ProductUpdated};
pub use goodbye::{Goodbye, GoodbyeReason};
pub use notice::{Notice, encode_notice};
pub use welcome::{FEATURE_PING, FEATURE_VERSION, FEATURES, Welcome};
