//! A message for the user that is put into words when it is shown, not when
//! it is made: it keeps what happened (an error, a product code) and says it
//! in the current language each time it is read. Status lines, form notices
//! and error labels hold a `Phrase`, so a language switch relabels them too.

use std::fmt;
use std::sync::Arc;

use crate::i18n::{tr, trf};

#[derive(Clone)]
pub struct Phrase(Arc<dyn Fn() -> String + Send + Sync>);

impl Phrase {
    /// The text `say` gives, in the language current when it is read.
    pub fn new(say: impl Fn() -> String + Send + Sync + 'static) -> Phrase {
        Phrase(Arc::new(say))
    }

    /// `value` described by `describe` whenever the phrase is read.
    pub fn of<T: Send + Sync + 'static>(value: T, describe: fn(&T) -> String) -> Phrase {
        Phrase::new(move || describe(&value))
    }

    /// One translation key ([`tr`]).
    pub fn key(key: &'static str) -> Phrase {
        Phrase::new(move || tr(key).to_owned())
    }

    /// A translation key with its placeholders ([`trf`]). The arguments are
    /// kept as given: words that read the same in every language (an
    /// address, a product code). Anything described in words goes through
    /// [`Phrase::new`] or [`Phrase::of`], so it is described when read.
    pub fn keyed(key: &'static str, args: &[(&'static str, &str)]) -> Phrase {
        let args: Vec<(&'static str, String)> = args.iter().map(|&(k, v)| (k, v.to_owned())).collect();
        Phrase::new(move || {
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            trf(key, &args)
        })
    }
}

/// A phrase a protocol step carries (see [`lojinha_teach::steps::Note`]).
impl lojinha_teach::steps::Note for Phrase {
    fn say(&self, _language: lojinha_teach::Language) -> String {
        self.to_string()
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(self.0)())
    }
}

impl fmt::Debug for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Phrase").field(&self.to_string()).finish()
    }
}
