//! The two languages of the teaching widgets and every short string they show.
//!
//! One [`Texts`] struct holds the strings; the compiler checks that both
//! languages fill every field. Long lesson texts live in `lesson::steps`.

use serde::{Deserialize, Serialize};

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    En,
    PtBr,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::PtBr];

    /// A POSIX locale name (`pt_BR.UTF-8`, `pt`, `en_US`, `C`) to a language:
    /// any Portuguese is [`Language::PtBr`], everything else English.
    pub fn from_locale(locale: &str) -> Language {
        let language = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("pt") { Language::PtBr } else { Language::En }
    }

    /// The language of the user's session, from `LC_ALL`, then `LC_MESSAGES`,
    /// then `LANG` (the POSIX order of precedence); English when none is set.
    pub fn system() -> Language {
        Language::from_env(|name| std::env::var(name).ok())
    }

    /// Like [`Language::system`] with the environment given as a lookup
    /// function, so tests need not change the process environment.
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| lookup(name))
            .find(|value| !value.trim().is_empty())
            .map_or(Language::En, |value| Language::from_locale(value.trim()))
    }

    /// The language's own name, for a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::PtBr => "Português (Brasil)",
        }
    }

    /// A number written with a decimal point (`6.50 s`) in this language's
    /// style: Portuguese writes a decimal comma (`6,50 s`).
    pub fn decimal(self, text: String) -> String {
        match self {
            Language::En => text,
            Language::PtBr => text.replace('.', ","),
        }
    }

    /// Every short string of the teaching widgets in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Language::En => &EN,
            Language::PtBr => &PT_BR,
        }
    }
}

/// The short strings of the teaching widgets. Labels that take a number are
/// written as a prefix or a suffix and joined in code.
#[derive(Debug)]
pub struct Texts {
    // Sequence diagram.
    pub client: &'static str,
    pub server: &'static str,
    pub session: &'static str,
    pub no_messages: &'static str,
    pub click_to_select: &'static str,
    pub show_closed_sessions: &'static str,
    pub time: &'static str,
    pub bytes: &'static str,
    pub legend_request: &'static str,
    pub legend_response: &'static str,
    pub legend_error: &'static str,
    pub legend_notification: &'static str,
    pub legend_batch: &'static str,
    pub legend_event: &'static str,
    // Threads demo.
    pub task: &'static str,
    pub run_sequential: &'static str,
    pub run_concurrent: &'static str,
    pub sequential_title: &'static str,
    pub concurrent_title: &'static str,
    pub total: &'static str,
    pub running: &'static str,
    pub not_run_yet: &'static str,
    pub finished_first: &'static str,
    pub finish_order: &'static str,
    // Lesson panel.
    pub previous: &'static str,
    pub next: &'static str,
    pub step: &'static str,
    pub of: &'static str,
    pub all_steps: &'static str,
    pub do_it: &'static str,
    pub what_to_look_at: &'static str,
    pub no_action: &'static str,
}

#[cfg(test)]
impl Texts {
    /// Every string, for tests that check them all.
    pub(crate) fn all(&self) -> Vec<&'static str> {
        vec![
            self.client,
            self.server,
            self.session,
            self.no_messages,
            self.click_to_select,
            self.show_closed_sessions,
            self.time,
            self.bytes,
            self.legend_request,
            self.legend_response,
            self.legend_error,
            self.legend_notification,
            self.legend_batch,
            self.legend_event,
            self.task,
            self.run_sequential,
            self.run_concurrent,
            self.sequential_title,
            self.concurrent_title,
            self.total,
            self.running,
            self.not_run_yet,
            self.finished_first,
            self.finish_order,
            self.previous,
            self.next,
            self.step,
            self.of,
            self.all_steps,
            self.do_it,
            self.what_to_look_at,
            self.no_action,
        ]
    }
}

const EN: Texts = Texts {
    client: "Client",
    server: "Server",
    session: "Session",
    no_messages: "No messages yet.",
    click_to_select: "Click to select this message in the log.",
    show_closed_sessions: "Show closed sessions",
    time: "Time",
    bytes: "bytes",
    legend_request: "request",
    legend_response: "response",
    legend_error: "error",
    legend_notification: "notification",
    legend_batch: "batch",
    legend_event: "event",
    task: "Task",
    run_sequential: "Run one after another",
    run_concurrent: "Run each on its own thread",
    sequential_title: "One after another (sequential)",
    concurrent_title: "Each on its own thread (concurrent)",
    total: "total",
    running: "running…",
    not_run_yet: "not run yet",
    finished_first: "finished first",
    finish_order: "Finish order",
    previous: "Previous",
    next: "Next",
    step: "Step",
    of: "of",
    all_steps: "All steps",
    do_it: "Do it",
    what_to_look_at: "What to look at",
    no_action: "Nothing to run in this step: read it and go on.",
};

const PT_BR: Texts = Texts {
    client: "Cliente",
    server: "Servidor",
    session: "Sessão",
    no_messages: "Nenhuma mensagem ainda.",
    click_to_select: "Clique para selecionar esta mensagem no registro.",
    show_closed_sessions: "Mostrar sessões fechadas",
    time: "Tempo",
    bytes: "bytes",
    legend_request: "requisição",
    legend_response: "resposta",
    legend_error: "erro",
    legend_notification: "notificação",
    legend_batch: "lote",
    legend_event: "evento",
    task: "Tarefa",
    run_sequential: "Executar uma após a outra",
    run_concurrent: "Executar cada uma na sua thread",
    sequential_title: "Uma após a outra (sequencial)",
    concurrent_title: "Cada uma na sua thread (concorrente)",
    total: "total",
    running: "executando…",
    not_run_yet: "ainda não executado",
    finished_first: "terminou primeiro",
    finish_order: "Ordem de término",
    previous: "Anterior",
    next: "Próximo",
    step: "Passo",
    of: "de",
    all_steps: "Todos os passos",
    do_it: "Fazer",
    what_to_look_at: "O que observar",
    no_action: "Nada para executar neste passo: leia e siga em frente.",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Any Portuguese locale name selects Portuguese; others select English.
    #[test]
    fn locale_names_map_to_languages() {
        for pt in ["pt_BR.UTF-8", "pt", "pt_BR", "pt-BR", "PT_br.utf8", "pt_PT@euro"] {
            assert_eq!(Language::from_locale(pt), Language::PtBr, "{pt}");
        }
        for en in ["en_US.UTF-8", "C", "POSIX", "C.UTF-8", "", "de_DE", "portuguese"] {
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
        assert_eq!(Language::from_env(env(&[])), Language::En);
    }

    /// Both languages give different, non-empty strings for the buttons.
    #[test]
    fn both_languages_are_filled() {
        for lang in Language::ALL {
            let t = lang.texts();
            assert!(!t.do_it.is_empty() && !t.next.is_empty() && !t.run_concurrent.is_empty());
        }
        assert_ne!(Language::En.texts().do_it, Language::PtBr.texts().do_it);
    }
}
