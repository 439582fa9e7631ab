//! The words files themselves: each language's Fluent source, compiled
//! into the program (`words/ftl/*.ftl`).

use crate::language::Language;

/// The Fluent source of each language, as compiled into the program.
pub fn source(language: Language) -> &'static str {
    match language {
        Language::En => include_str!("../ftl/en.ftl"),
        Language::PtBr => include_str!("../ftl/pt-BR.ftl"),
        Language::Es => include_str!("../ftl/es.ftl"),
    }
}
