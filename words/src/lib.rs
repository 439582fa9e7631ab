//! Every word Lojinha shows, in English, Português (Brasil) and Español.
//!
//! The texts live in Project Fluent files, one per language
//! (`words/ftl/en.ftl`, `words/ftl/pt-BR.ftl`, `words/ftl/es.ftl`), which
//! translators edit without touching Rust. They are compiled into the
//! program and parsed once per language, the first time that language is
//! used. Code asks for a message by its id, always naming the language:
//!
//! ```
//! use lojinha_words::{Language, tr, trf};
//!
//! assert_eq!(tr(Language::PtBr, "server-title"), "Servidor");
//! assert_eq!(trf(Language::Es, "export-button", &[("n", &1)]), "Exportar 1 producto");
//! assert_eq!(trf(Language::En, "export-button", &[("n", &1500)]), "Export 1,500 products");
//! ```
//!
//! Numbers given as numbers choose plural forms (`{ $n -> [one] … *[other] … }`)
//! and are written in the language's style ([`number`], [`decimal`]); text
//! given as text (an address, a port, a product code) is shown as it is.
//! There is no process-wide language: whoever draws passes it down.

mod bundle;
mod files;
mod language;
mod number;

pub use bundle::{Decimal, ToArg, has_message, message_ids, tr, trf};
pub use files::source;
pub use language::Language;
pub use number::{decimal, number};
