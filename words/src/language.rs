//! The languages of the user interface and how the system's locale picks one.

use serde::{Deserialize, Serialize};

/// A language of the user interface. Settings files store the variant's
/// name (`"En"`, `"PtBr"`, `"Es"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    En,
    PtBr,
    Es,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::PtBr, Language::Es];

    /// A locale name, POSIX (`pt_BR.UTF-8`, `es_AR`, `C`) or BCP 47 (`pt-BR`,
    /// `es-419`): any Portuguese is [`Language::PtBr`], any Spanish
    /// [`Language::Es`], everything else English.
    pub fn from_locale(locale: &str) -> Language {
        let language = locale.trim().split(['_', '-', '.', '@']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("pt") {
            Language::PtBr
        } else if language.eq_ignore_ascii_case("es") {
            Language::Es
        } else {
            Language::En
        }
    }

    /// The language of the user's session. Where `LC_ALL`, `LC_MESSAGES` or
    /// `LANG` is set, the first of them decides (the POSIX order of
    /// precedence); else the system's own setting (Windows and macOS have
    /// no `LANG`); English when nothing is known.
    pub fn system() -> Language {
        Language::from_env_or(|name| std::env::var(name).ok(), sys_locale::get_locale)
    }

    /// Like [`Language::system`] with the environment given as a lookup
    /// function and no system setting, so tests need not change the process
    /// environment.
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> Language {
        Language::from_env_or(lookup, || None)
    }

    /// The first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (read through
    /// `lookup`), else what `system_locale` says, else English.
    pub fn from_env_or(
        lookup: impl Fn(&str) -> Option<String>,
        system_locale: impl FnOnce() -> Option<String>,
    ) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| lookup(name))
            .find(|value| !value.trim().is_empty())
            .or_else(system_locale)
            .map_or(Language::En, |value| Language::from_locale(&value))
    }

    /// The language's own name, for a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::PtBr => "Português (Brasil)",
            Language::Es => "Español",
        }
    }

    /// The language's tag, as the Fluent files are named.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::PtBr => "pt-BR",
            Language::Es => "es",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any Portuguese locale name selects Portuguese, any Spanish one Spanish; others English.
    #[test]
    fn locale_names_map_to_languages() {
        for pt in ["pt_BR.UTF-8", "pt", "pt_BR", "pt-BR", "PT_br.utf8", "pt_PT@euro"] {
            assert_eq!(Language::from_locale(pt), Language::PtBr, "{pt}");
        }
        for es in ["es", "es_AR.UTF-8", "es-419", "es_MX", "ES_es.utf8", "es_ES@euro"] {
            assert_eq!(Language::from_locale(es), Language::Es, "{es}");
        }
        for en in ["en_US.UTF-8", "C", "POSIX", "C.UTF-8", "", "de_DE", "portuguese", "espanol", "est"] {
            assert_eq!(Language::from_locale(en), Language::En, "{en}");
        }
    }

    /// LC_ALL wins over LC_MESSAGES, which wins over LANG; empty values are skipped.
    #[test]
    fn environment_follows_posix_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(Language::from_env(env(&[("LANG", "pt_BR.UTF-8")])), Language::PtBr);
        assert_eq!(Language::from_env(env(&[("LANG", "pt_BR.UTF-8"), ("LC_ALL", "C")])), Language::En);
        assert_eq!(
            Language::from_env(env(&[("LANG", "en_US"), ("LC_MESSAGES", "pt_BR.UTF-8")])),
            Language::PtBr
        );
        assert_eq!(Language::from_env(env(&[("LC_ALL", ""), ("LANG", "pt")])), Language::PtBr);
        assert_eq!(Language::from_env(env(&[("LANG", "es_CO.UTF-8")])), Language::Es);
        assert_eq!(Language::from_env(env(&[])), Language::En);
    }

    /// With no locale variable set (Windows, macOS) the system's setting
    /// decides; a variable that is set still wins over it.
    #[test]
    fn system_setting_fills_in_when_the_environment_is_silent() {
        let none = |_: &str| None;
        assert_eq!(Language::from_env_or(none, || Some("es-MX".into())), Language::Es);
        assert_eq!(Language::from_env_or(none, || Some("pt-BR".into())), Language::PtBr);
        assert_eq!(Language::from_env_or(none, || None), Language::En);
        let lang_en = |name: &str| (name == "LANG").then(|| "en_US.UTF-8".to_owned());
        assert_eq!(Language::from_env_or(lang_en, || Some("pt-BR".into())), Language::En);
        let blank = |_: &str| Some("  ".to_owned());
        assert_eq!(Language::from_env_or(blank, || Some("es".into())), Language::Es);
    }

    /// Settings files written before Spanish existed still read.
    #[test]
    fn settings_names_are_stable() {
        assert_eq!(serde_json::from_str::<Language>("\"En\"").unwrap(), Language::En);
        assert_eq!(serde_json::from_str::<Language>("\"PtBr\"").unwrap(), Language::PtBr);
        assert_eq!(serde_json::to_string(&Language::Es).unwrap(), "\"Es\"");
        assert_eq!(serde_json::from_str::<Language>("\"Es\"").unwrap(), Language::Es);
    }
}
