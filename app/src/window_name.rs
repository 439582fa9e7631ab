//! The default name of a new client window: who and where, such as
//! `maria@lab-07` (the window's number is appended), so that the server's
//! session list in a classroom tells whose window each session is. The user
//! comes from `USER` (`USERNAME` on Windows, or `LOGNAME`), the computer
//! from the system's host name (or `/etc/hostname`); both are read once, at
//! start. Each part is kept short and to characters anyone can read and
//! type; an unknown user reads as the language's word for "client".

/// The most characters kept of the user's name and of the computer's.
pub const MAX_PART: usize = 16;

/// The user and computer names found at start (sanitized; `None` when unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhoAndWhere {
    pub user: Option<String>,
    pub host: Option<String>,
}

impl WhoAndWhere {
    /// Reads the environment and the host name (once, at start).
    pub fn of_this_machine() -> WhoAndWhere {
        let user = ["USER", "USERNAME", "LOGNAME"].iter().find_map(|var| std::env::var(var).ok());
        let host = gethostname::gethostname()
            .into_string()
            .ok()
            .filter(|h| !h.trim().is_empty())
            .or_else(|| std::fs::read_to_string("/etc/hostname").ok());
        WhoAndWhere::from_raw(user.as_deref(), host.as_deref())
    }

    /// Sanitizes raw names: the host's first label only, lower case.
    pub fn from_raw(user: Option<&str>, host: Option<&str>) -> WhoAndWhere {
        let host = host.map(|h| h.trim().split('.').next().unwrap_or_default().to_lowercase());
        WhoAndWhere { user: user.and_then(sanitize), host: host.as_deref().and_then(sanitize) }
    }

    /// `user@host`; with the user unknown, `client_word@host`; with the host
    /// unknown, the user; with neither, `client_word`.
    pub fn base_name(&self, client_word: &str) -> String {
        match (&self.user, &self.host) {
            (Some(user), Some(host)) => format!("{user}@{host}"),
            (None, Some(host)) => format!("{client_word}@{host}"),
            (Some(user), None) => user.clone(),
            (None, None) => client_word.to_owned(),
        }
    }
}

/// Letters, digits, `-`, `_` and `.` only, at most [`MAX_PART`] of them;
/// `None` when nothing is left.
fn sanitize(raw: &str) -> Option<String> {
    let kept: String =
        raw.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')).take(MAX_PART).collect();
    let kept = kept.trim_matches(['-', '.']).to_owned();
    (!kept.is_empty()).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// User and short computer name, lower-cased host, with an `@`.
    #[test]
    fn user_at_short_host() {
        let names = WhoAndWhere::from_raw(Some("maria"), Some("LAB-07.escola.local\n"));
        assert_eq!(names.base_name("Client"), "maria@lab-07");
    }

    /// Odd characters are dropped and long names cut, so the name stays
    /// short and fits `hello` (at most 64 characters with its number).
    #[test]
    fn names_are_sanitized_and_short() {
        let names =
            WhoAndWhere::from_raw(Some("jo\u{202e}ão da silva\t"), Some("a-very-long-host-name-indeed"));
        assert_eq!(names.base_name("Client"), "joãodasilva@a-very-long-host");
        let longest = WhoAndWhere::from_raw(Some(&"u".repeat(100)), Some(&"h".repeat(100)));
        assert!(format!("{} 9999", longest.base_name("Client")).chars().count() <= 64);
    }

    /// Unknown parts fall back: the language's word for "client" stands for the user.
    #[test]
    fn unknown_parts_fall_back() {
        assert_eq!(WhoAndWhere::from_raw(None, Some("lab-07")).base_name("Cliente"), "Cliente@lab-07");
        assert_eq!(WhoAndWhere::from_raw(Some("maria"), Some("  ")).base_name("Client"), "maria");
        assert_eq!(WhoAndWhere::from_raw(Some("@@"), None).base_name("Client"), "Client");
    }
}
