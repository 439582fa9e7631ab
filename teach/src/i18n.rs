//! The widgets' words come from the shared words layer (`lojinha-words`):
//! [`Language`] and the message lookups, re-exported here where the widgets
//! and the app have always found them.

pub use lojinha_words::{Decimal, Language, ToArg, decimal, number, tr, trf};
