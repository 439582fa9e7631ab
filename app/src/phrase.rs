//! A message for the user that is put into words when it is shown, not when
//! it is made: it keeps what happened (an error, a product code) and says it
//! in the language it is shown in. Status lines, form notices and error
//! labels hold a `Phrase`, so a language switch relabels them too.

use std::fmt;
use std::sync::Arc;

use crate::i18n::{Language, tr, trf};

#[derive(Clone)]
pub struct Phrase(Arc<dyn Fn(Language) -> String + Send + Sync>);

impl Phrase {
    /// The text `say` gives in the language it is shown in.
    pub fn new(say: impl Fn(Language) -> String + Send + Sync + 'static) -> Phrase {
        Phrase(Arc::new(say))
    }

    /// `value` described by `describe` whenever the phrase is shown.
    pub fn of<T: Send + Sync + 'static>(
        value: T,
        describe: impl Fn(&T, Language) -> String + Send + Sync + 'static,
    ) -> Phrase {
        Phrase::new(move |language| describe(&value, language))
    }

    /// One message id ([`tr`]).
    pub fn key(id: &'static str) -> Phrase {
        Phrase::new(move |language| tr(language, id))
    }

    /// A message id with its placeholders ([`trf`]). The arguments are kept
    /// as given: words that read the same in every language (an address, a
    /// product code). Anything described in words goes through
    /// [`Phrase::new`] or [`Phrase::of`], so it is described when shown.
    pub fn keyed(id: &'static str, args: &[(&'static str, &str)]) -> Phrase {
        let args: Vec<(&'static str, String)> = args.iter().map(|&(k, v)| (k, v.to_owned())).collect();
        Phrase::new(move |language| {
            let args: Vec<(&str, &dyn crate::i18n::ToArg)> =
                args.iter().map(|(k, v)| (*k, v as &dyn crate::i18n::ToArg)).collect();
            trf(language, id, &args)
        })
    }

    /// The phrase in `language`.
    pub fn say(&self, language: Language) -> String {
        (self.0)(language)
    }
}

impl fmt::Debug for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Phrase").field(&self.say(Language::En)).finish()
    }
}

/// A phrase a protocol step carries (see [`lojinha_teach::steps::Note`]).
impl lojinha_teach::steps::Note for Phrase {
    fn say(&self, language: Language) -> String {
        Phrase::say(self, language)
    }
}
