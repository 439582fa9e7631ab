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

/// The connection string with its password replaced, or left out: in a
/// URL, `user:password@` and a `password=` query parameter; in libpq's
/// `key = value` form, the `password` pair (its value quoted or not).
fn with_password(conninfo: &str, replacement: Option<&str>) -> String {
    match conninfo.split_once("://") {
        Some((scheme, rest)) => url_with_password(scheme, rest, replacement),
        None => keys_with_password(conninfo, replacement),
    }
}

fn url_with_password(scheme: &str, rest: &str, replacement: Option<&str>) -> String {
    let (before_query, query) = rest.split_once('?').map_or((rest, None), |(b, q)| (b, Some(q)));
    let (authority, tail) = before_query.split_once('/').map_or((before_query, None), |(a, t)| (a, Some(t)));
    let authority = match authority.rsplit_once('@') {
        Some((user_info, host)) => match (user_info.split_once(':'), replacement) {
            (Some((user, _)), Some(replacement)) => format!("{user}:{replacement}@{host}"),
            (Some((user, _)), None) => format!("{user}@{host}"),
            (None, _) => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    let mut url = format!("{scheme}://{authority}");
    if let Some(tail) = tail {
        url.push('/');
        url.push_str(tail);
    }
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .filter_map(|pair| match (pair.split('=').next() == Some("password"), replacement) {
                (false, _) => Some(pair.to_owned()),
                (true, Some(replacement)) => Some(format!("password={replacement}")),
                (true, None) => None,
            })
            .collect();
        if !pairs.is_empty() {
            url.push('?');
            url.push_str(&pairs.join("&"));
        }
    }
    url
}

/// libpq's `key = value` pairs, as written (a value may be quoted with
/// `'`, with `\'` and `\\` inside), the password's value replaced or the
/// pair left out.
fn keys_with_password(conninfo: &str, replacement: Option<&str>) -> String {
    let mut out = Vec::new();
    let mut rest = conninfo.trim_start();
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let key = &rest[..key_end];
        let after_key = rest[key_end..].trim_start();
        let Some(after_eq) = after_key.strip_prefix('=') else {
            // Not a pair: keep the word as it is.
            out.push(key.to_owned());
            rest = after_key;
            continue;
        };
        let value_start = after_eq.trim_start();
        let value_len = value_length(value_start);
        let value = &value_start[..value_len];
        match (key == "password", replacement) {
            (false, _) => out.push(format!("{key}={value}")),
            (true, Some(replacement)) => out.push(format!("password={replacement}")),
            (true, None) => {}
        }
        rest = value_start[value_len..].trim_start();
    }
    out.join(" ")
}

/// How long the value at the start of `text` is: up to the closing quote
/// of a quoted one, else up to whitespace.
fn value_length(text: &str) -> usize {
    if !text.starts_with('\'') {
        return text.find(char::is_whitespace).unwrap_or(text.len());
    }
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '\'') => return i + 1,
            _ => {}
        }
    }
    text.len()
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
        let query = conninfo_without_password("postgres://ana@db/lojinha?password=s3cret&sslmode=disable");
        assert_eq!(query, "postgres://ana@db/lojinha?sslmode=disable");
        let spaced = conninfo_without_password("host=db password = s3cret dbname=lojinha");
        assert_eq!(spaced, "host=db dbname=lojinha");
        let quoted = conninfo_without_password("host=db password='s3 cr\\'et' dbname=lojinha");
        assert_eq!(quoted, "host=db dbname=lojinha");
        let shown = DbLocation::parse("postgres://db/x?password=s3cret").to_string();
        assert_eq!(shown, "postgres://db/x?password=***");
    }
}
