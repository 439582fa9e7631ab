//! The app's words come from the shared words layer (`lojinha-words`, files
//! `words/ftl/*.ftl`): message ids looked up in a [`Language`] that the app
//! keeps in its state and passes down to whatever draws or describes.

pub use lojinha_words::{Decimal, Language, ToArg, decimal, number, tr, trf};
