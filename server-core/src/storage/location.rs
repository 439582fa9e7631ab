//! Where the catalog lives: a SQLite file, memory, or a shared PostgreSQL
//! database, told apart by how the `--db` text looks.

use std::path::PathBuf;

/// Where the catalog lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbLocation {
    File(PathBuf),
    Memory,
    /// A PostgreSQL connection string: a `postgres://` URL or libpq's
    /// `key=value` form. The password comes from it or from `PGPASSWORD`.
    Postgres(String),
}

impl DbLocation {
    /// `postgres://…`, `postgresql://…` or `host=… dbname=…` is PostgreSQL;
    /// `:memory:` is memory; anything else is a SQLite file path.
    pub fn parse(text: &str) -> DbLocation {
        if text == ":memory:" {
            DbLocation::Memory
        } else if is_postgres(text) {
            DbLocation::Postgres(text.to_owned())
        } else {
            DbLocation::File(text.into())
        }
    }

    /// Whether several servers may share this catalog.
    pub fn is_shared(&self) -> bool {
        matches!(self, DbLocation::Postgres(_))
    }
}

fn is_postgres(text: &str) -> bool {
    let url = text.starts_with("postgres://") || text.starts_with("postgresql://");
    let keys = ["host=", "dbname=", "user=", "port="];
    // A file name with `=` in it stays a file unless it reads as libpq keys.
    let conninfo =
        text.split_whitespace().next().is_some_and(|first| keys.iter().any(|k| first.starts_with(k)));
    url || conninfo
}

/// Shown in logs and messages: a PostgreSQL password is never printed.
impl std::fmt::Display for DbLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbLocation::File(path) => write!(f, "{}", path.display()),
            DbLocation::Memory => f.write_str(":memory:"),
            DbLocation::Postgres(conninfo) => f.write_str(&redacted(conninfo)),
        }
    }
}

/// The connection string with its password replaced by `***`.
fn redacted(conninfo: &str) -> String {
    with_password(conninfo, Some("***"))
}

/// The connection string without its password (what may be saved to a
/// settings file); the password then comes from `PGPASSWORD` or is typed again.
pub fn conninfo_without_password(conninfo: &str) -> String {
    with_password(conninfo, None)
}

/// The connection string with its password replaced, or left out.
fn with_password(conninfo: &str, replacement: Option<&str>) -> String {
    if let Some(rest) = conninfo.split_once("://").map(|(_, rest)| rest) {
        let scheme = &conninfo[..conninfo.len() - rest.len()];
        let (authority, tail) = rest.split_once('/').map_or((rest, ""), |(a, t)| (a, t));
        let authority = match authority.rsplit_once('@') {
            Some((user_info, host)) => match (user_info.split_once(':'), replacement) {
                (Some((user, _)), Some(replacement)) => format!("{user}:{replacement}@{host}"),
                (Some((user, _)), None) => format!("{user}@{host}"),
                (None, _) => authority.to_owned(),
            },
            None => authority.to_owned(),
        };
        let slash = if rest.contains('/') { "/" } else { "" };
        return format!("{scheme}{authority}{slash}{tail}");
    }
    conninfo
        .split_whitespace()
        .filter_map(|pair| match (pair.starts_with("password="), replacement) {
            (false, _) => Some(pair.to_owned()),
            (true, Some(replacement)) => Some(format!("password={replacement}")),
            (true, None) => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// URLs and key=value strings are PostgreSQL; paths and `:memory:` stay SQLite.
    #[test]
    fn the_text_chooses_the_engine() {
        assert_eq!(DbLocation::parse(":memory:"), DbLocation::Memory);
        assert_eq!(DbLocation::parse("catalog.db"), DbLocation::File("catalog.db".into()));
        assert_eq!(DbLocation::parse("a=b.db"), DbLocation::File("a=b.db".into()));
        assert!(DbLocation::parse("postgres://u@h/db").is_shared());
        assert!(DbLocation::parse("postgresql://h/db").is_shared());
        assert!(DbLocation::parse("host=localhost dbname=lojinha").is_shared());
    }

    /// A password never reaches a log line or an error message.
    #[test]
    fn passwords_are_never_shown() {
        let url = DbLocation::parse("postgres://ana:s3cret@db.lab:5432/lojinha");
        assert_eq!(url.to_string(), "postgres://ana:***@db.lab:5432/lojinha");
        let keys = DbLocation::parse("host=db user=ana password=s3cret dbname=lojinha");
        assert_eq!(keys.to_string(), "host=db user=ana password=*** dbname=lojinha");
        assert_eq!(DbLocation::parse("postgres://ana@db/x").to_string(), "postgres://ana@db/x");
    }

    /// What is saved keeps everything but the password.
    #[test]
    fn the_password_can_be_left_out() {
        let url = conninfo_without_password("postgres://ana:s3cret@db.lab:5432/lojinha");
        assert_eq!(url, "postgres://ana@db.lab:5432/lojinha");
        let keys = conninfo_without_password("host=db user=ana password=s3cret dbname=lojinha");
        assert_eq!(keys, "host=db user=ana dbname=lojinha");
        assert_eq!(conninfo_without_password("postgres://db/x"), "postgres://db/x");
    }
}
