//! Why a connection ended, in either language: as the client saw it
//! ([`ConnectionEnd`]) and as the server saw it ([`CloseReason`]). The
//! diagram draws these, and the app shows them in its logs and status line.
//! Protocol words (`quit`, `idle timeout`, a `goodbye` reason the server
//! made up) stay as they are on the wire.

use std::io::ErrorKind;

use lojinha_server::server::CloseReason;
use lojinha_server::{ConnectionEnd, GoodbyeReason};

use crate::i18n::Language;

/// The client's view: why its connection is gone.
pub fn connection_end(end: &ConnectionEnd, language: Language) -> String {
    let pick = |en: &'static str, pt: &'static str| choose(language, en, pt).to_owned();
    match end {
        ConnectionEnd::Goodbye(reason) => match reason {
            GoodbyeReason::IdleTimeout => pick(
                "the server closed the connection after too long without a message (idle timeout)",
                "o servidor fechou a conexão depois de muito tempo sem mensagens (idle timeout)",
            ),
            GoodbyeReason::TooSlow => pick(
                "the server dropped this client for not reading its messages (too slow)",
                "o servidor desligou este cliente por não ler as mensagens (too slow)",
            ),
            GoodbyeReason::ServerShutdown => {
                pick("the server is shutting down", "o servidor está sendo desligado")
            }
            GoodbyeReason::ServerFull => {
                pick("the server is full (too many clients)", "o servidor está cheio (clientes demais)")
            }
            GoodbyeReason::AddressFull => pick(
                "the server allows no more connections from this computer's address",
                "o servidor não aceita mais conexões do endereço deste computador",
            ),
            GoodbyeReason::LineTimeout => pick(
                "the server waited too long for the rest of a line (line timeout)",
                "o servidor esperou demais pelo resto de uma linha (line timeout)",
            ),
            GoodbyeReason::WrongToken => pick(
                "the server closed the connection after too many wrong tokens",
                "o servidor fechou a conexão depois de tokens errados demais",
            ),
            GoodbyeReason::Other(other) => {
                format!("{}: {other}", choose(language, "the server said goodbye", "o servidor se despediu"))
            }
        },
        ConnectionEnd::ServerClosed => {
            pick("the server closed the connection", "o servidor fechou a conexão")
        }
        ConnectionEnd::TooLarge => pick(
            "the server sent a message larger than the limit",
            "o servidor enviou uma mensagem maior que o limite",
        ),
        ConnectionEnd::ReaderStopped => pick("the connection's reader stopped", "a leitura da conexão parou"),
        ConnectionEnd::SendFailed { kind, detail } => format!(
            "{}: {}",
            choose(language, "cannot send", "não foi possível enviar"),
            socket_error(*kind, detail, language)
        ),
        ConnectionEnd::ReadFailed { kind, detail } => format!(
            "{}: {}",
            choose(language, "connection error", "erro na conexão"),
            socket_error(*kind, detail, language)
        ),
        ConnectionEnd::ByThisClient => pick("closed by this client", "fechada por este cliente"),
    }
}

/// The server's view: why it closed a session.
pub fn session_closed(reason: &CloseReason, language: Language) -> String {
    let pick = |en: &'static str, pt: &'static str| choose(language, en, pt).to_owned();
    match reason {
        CloseReason::ClientClosed => pick("the client closed the connection", "o cliente fechou a conexão"),
        CloseReason::Quit => pick("the client sent quit", "o cliente enviou quit"),
        CloseReason::IdleTimeout => {
            pick("no message for too long (idle timeout)", "tempo demais sem mensagens (idle timeout)")
        }
        CloseReason::LineTimeout => pick(
            "a line took too long to arrive (line timeout)",
            "uma linha demorou demais para chegar (line timeout)",
        ),
        CloseReason::WrongToken => pick("too many wrong tokens", "tokens errados demais"),
        CloseReason::TooSlow => pick(
            "the client did not read its messages (too slow)",
            "o cliente não lia as mensagens (too slow)",
        ),
        CloseReason::FrameTooLarge => pick(
            "a message longer than the limit (frame too large)",
            "uma mensagem maior que o limite (frame too large)",
        ),
        CloseReason::ServerShutdown => pick("the server is shutting down", "o servidor está sendo desligado"),
        CloseReason::Error { kind, detail } => {
            format!(
                "{}: {}",
                choose(language, "socket error", "erro no socket"),
                socket_error(*kind, detail, language)
            )
        }
    }
}

/// How a connection attempt ended without a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectFailure {
    /// Nothing listened at the address (`connect()` was refused).
    Refused,
    /// The host name gave no address, so `connect()` never ran.
    NameLookup,
    /// `connect()` failed otherwise (timed out, unreachable network).
    Other,
    /// The user left (Disconnect, or another address) before it ended.
    GaveUp,
}

/// The mark a connection that was never made leaves on the client's lifeline.
pub fn connect_failed(failure: ConnectFailure, language: Language) -> String {
    let (en, pt) = match failure {
        ConnectFailure::Refused => {
            ("connection refused (no server there)", "conexão recusada (nenhum servidor ali)")
        }
        ConnectFailure::NameLookup => {
            ("name lookup failed (connect() never ran)", "nome não encontrado (connect() nem começou)")
        }
        ConnectFailure::Other => ("connect() failed", "connect() falhou"),
        ConnectFailure::GaveUp => ("connect() given up: you left", "connect() abandonado: você saiu"),
    };
    choose(language, en, pt).to_owned()
}

/// A refused connection's reason.
pub fn refusal(reason: &GoodbyeReason, language: Language) -> String {
    match reason {
        GoodbyeReason::ServerFull => {
            choose(language, "the server is full", "o servidor está cheio").to_owned()
        }
        GoodbyeReason::AddressFull => {
            choose(language, "too many connections from this address", "conexões demais deste endereço")
                .to_owned()
        }
        other => other.to_string(),
    }
}

/// A socket error by its kind; the system's own words when the kind says little.
pub fn socket_error(kind: ErrorKind, detail: &str, language: Language) -> String {
    let text = match kind {
        ErrorKind::ConnectionReset => {
            choose(language, "the other side reset the connection", "o outro lado interrompeu a conexão")
        }
        ErrorKind::ConnectionAborted => {
            choose(language, "the connection was aborted", "a conexão foi abortada")
        }
        ErrorKind::BrokenPipe => {
            choose(language, "the other side had already closed", "o outro lado já tinha fechado a conexão")
        }
        ErrorKind::TimedOut => choose(language, "timed out", "tempo esgotado"),
        ErrorKind::HostUnreachable => {
            choose(language, "the host cannot be reached", "o host está inalcançável")
        }
        ErrorKind::NetworkUnreachable => {
            choose(language, "the network cannot be reached", "a rede está inalcançável")
        }
        ErrorKind::NetworkDown => choose(language, "the network is down", "a rede está fora do ar"),
        ErrorKind::AddrNotAvailable => {
            choose(language, "that address is not available", "esse endereço não está disponível")
        }
        _ => return detail.to_owned(),
    };
    text.to_owned()
}

fn choose(language: Language, en: &'static str, pt: &'static str) -> &'static str {
    match language {
        Language::En => en,
        Language::PtBr => pt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way a connection ends reads in Portuguese, keeping protocol words.
    #[test]
    fn endings_in_portuguese() {
        let pt = |end: ConnectionEnd| connection_end(&end, Language::PtBr);
        assert_eq!(pt(ConnectionEnd::ByThisClient), "fechada por este cliente");
        assert!(pt(ConnectionEnd::Goodbye("idle timeout".into())).ends_with("sem mensagens (idle timeout)"));
        assert_eq!(pt(ConnectionEnd::Goodbye("maintenance".into())), "o servidor se despediu: maintenance");
        let reset = std::io::Error::from(ErrorKind::ConnectionReset);
        assert_eq!(
            pt(ConnectionEnd::read_failed(&reset)),
            "erro na conexão: o outro lado interrompeu a conexão"
        );
        assert_eq!(session_closed(&CloseReason::Quit, Language::PtBr), "o cliente enviou quit");
        assert_eq!(refusal(&GoodbyeReason::ServerFull, Language::PtBr), "o servidor está cheio");
    }

    /// In English the client's endings read as the client library writes them.
    #[test]
    fn english_matches_the_library_where_it_is_plain() {
        for end in [ConnectionEnd::ServerClosed, ConnectionEnd::TooLarge, ConnectionEnd::ByThisClient] {
            assert_eq!(connection_end(&end, Language::En), end.to_string());
        }
    }
}
