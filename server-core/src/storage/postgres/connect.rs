//! Connecting to PostgreSQL: the connection string, the password from it
//! or `PGPASSWORD`, libpq's usual defaults, and error messages that name
//! the database and the problem (never the password).

use std::time::Duration;

use postgres::{Client, Config, NoTls};

use crate::storage::error::StoreError;

/// How long one connection attempt may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A parsed connection string, ready to connect again and again.
#[derive(Clone)]
pub struct Target {
    config: Config,
    /// How messages name the database (no password).
    pub shown: String,
}

impl Target {
    /// Parses `conninfo` (URL or key=value) and fills in what libpq would.
    pub fn parse(conninfo: &str, shown: String) -> Result<Target, StoreError> {
        let mut config: Config =
            conninfo.parse().map_err(|e| StoreError::Open { path: shown.clone(), detail: format!("{e}") })?;
        fill_defaults(&mut config);
        Ok(Target { config, shown })
    }

    pub fn connect(&self, role: &str) -> Result<Client, postgres::Error> {
        let mut config = self.config.clone();
        config.application_name(&format!("lojinha-server {role}"));
        config.connect(NoTls)
    }

    /// The error a failed start reports, in PostgreSQL's own words.
    pub fn open_error(&self, error: &postgres::Error) -> StoreError {
        StoreError::Open { path: self.shown.clone(), detail: describe(error) }
    }
}

fn fill_defaults(config: &mut Config) {
    let env = |key: &str| std::env::var(key).ok().filter(|v| !v.is_empty());
    if config.get_password().is_none()
        && let Some(password) = env("PGPASSWORD")
    {
        config.password(password);
    }
    if config.get_hosts().is_empty() {
        config.host(&env("PGHOST").unwrap_or_else(|| "localhost".into()));
    }
    if config.get_ports().is_empty()
        && let Some(port) = env("PGPORT").and_then(|p| p.parse().ok())
    {
        config.port(port);
    }
    if config.get_user().is_none()
        && let Some(user) = env("PGUSER").or_else(|| env("USER"))
    {
        config.user(&user);
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    // A dead peer is noticed within about 20 s, not the kernel's two hours:
    // keepalive probes while idle, and a limit on unacknowledged data while
    // a call waits for its answer.
    config.keepalives_idle(Duration::from_secs(5));
    config.keepalives_interval(Duration::from_secs(5));
    config.keepalives_retries(3);
    config.tcp_user_timeout(Duration::from_secs(20));
}

/// PostgreSQL's message ("password authentication failed for user …",
/// "database … does not exist"), or why the connection itself failed.
pub fn describe(error: &postgres::Error) -> String {
    if let Some(db) = error.as_db_error() {
        return db.message().to_owned();
    }
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    format!("the catalog database cannot be reached ({text})")
}
