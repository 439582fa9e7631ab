//! Why a connection ended, in the user's language: as the client saw it
//! ([`ConnectionEnd`]) and as the server saw it ([`CloseReason`]). The
//! diagram draws these, and the app shows them in its logs and status line.
//! Protocol words (`quit`, `idle timeout`, a `goodbye` reason the server
//! made up) stay as they are on the wire.

use std::io::ErrorKind;

use lojinha_server::server::CloseReason;
use lojinha_server::{ConnectionEnd, GoodbyeReason};

use crate::i18n::{Language, tr, trf};

/// The client's view: why its connection is gone.
pub fn connection_end(end: &ConnectionEnd, language: Language) -> String {
    match end {
        ConnectionEnd::Goodbye(reason) => match goodbye_id(reason) {
            Some(id) => tr(language, id),
            None => trf(language, "closing-goodbye-other", &[("reason", &reason.to_string())]),
        },
        ConnectionEnd::ServerClosed => tr(language, "closing-server_closed"),
        ConnectionEnd::TooLarge => tr(language, "closing-too_large"),
        ConnectionEnd::ReaderStopped => tr(language, "closing-reader_stopped"),
        ConnectionEnd::SendFailed { kind, detail } => {
            let detail = socket_error(*kind, detail, language);
            trf(language, "closing-send_failed", &[("detail", &detail)])
        }
        ConnectionEnd::ReadFailed { kind, detail } => {
            let detail = socket_error(*kind, detail, language);
            trf(language, "closing-read_failed", &[("detail", &detail)])
        }
        ConnectionEnd::ByThisClient => tr(language, "closing-by_this_client"),
    }
}

/// The message for a goodbye's reason, one id per reason the server sends;
/// `None` for a reason this version does not know (it is shown as sent).
fn goodbye_id(reason: &GoodbyeReason) -> Option<&'static str> {
    Some(match reason {
        GoodbyeReason::IdleTimeout => "closing-goodbye-idle_timeout",
        GoodbyeReason::TooSlow => "closing-goodbye-too_slow",
        GoodbyeReason::ServerShutdown => "closing-goodbye-shutting_down",
        GoodbyeReason::ServerFull => "closing-goodbye-full",
        GoodbyeReason::AddressFull => "closing-goodbye-per_address",
        GoodbyeReason::LineTimeout => "closing-goodbye-line_timeout",
        GoodbyeReason::WrongToken => "closing-goodbye-wrong_token",
        GoodbyeReason::Other(_) => return None,
    })
}

/// The server's view: why it closed a session.
pub fn session_closed(reason: &CloseReason, language: Language) -> String {
    let id = match reason {
        CloseReason::ClientClosed => "closing-session-client_closed",
        CloseReason::Quit => "closing-session-quit",
        CloseReason::IdleTimeout => "closing-session-idle_timeout",
        CloseReason::LineTimeout => "closing-session-line_timeout",
        CloseReason::WrongToken => "closing-session-wrong_token",
        CloseReason::TooSlow => "closing-session-too_slow",
        CloseReason::FrameTooLarge => "closing-session-frame_too_large",
        CloseReason::ServerShutdown => "closing-session-shutting_down",
        CloseReason::DroppedByOwner => "closing-session-dropped_by_owner",
        CloseReason::Error { kind, detail } => {
            let detail = socket_error(*kind, detail, language);
            return trf(language, "closing-session-error", &[("detail", &detail)]);
        }
    };
    tr(language, id)
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
    let id = match failure {
        ConnectFailure::Refused => "closing-connect-refused",
        ConnectFailure::NameLookup => "closing-connect-name_lookup",
        ConnectFailure::Other => "closing-connect-other",
        ConnectFailure::GaveUp => "closing-connect-gave_up",
    };
    tr(language, id)
}

/// A refused connection's reason.
pub fn refusal(reason: &GoodbyeReason, language: Language) -> String {
    match reason {
        GoodbyeReason::ServerFull => tr(language, "closing-refusal-full"),
        GoodbyeReason::AddressFull => tr(language, "closing-refusal-per_address"),
        other => other.to_string(),
    }
}

/// A socket error by its kind; the system's own words when the kind says little.
pub fn socket_error(kind: ErrorKind, detail: &str, language: Language) -> String {
    let id = match kind {
        ErrorKind::ConnectionReset => "socket-reset",
        ErrorKind::ConnectionAborted => "socket-aborted",
        ErrorKind::BrokenPipe => "socket-broken_pipe",
        ErrorKind::TimedOut => "socket-timed_out",
        ErrorKind::HostUnreachable => "socket-host_unreachable",
        ErrorKind::NetworkUnreachable => "socket-network_unreachable",
        ErrorKind::NetworkDown => "socket-network_down",
        ErrorKind::AddrNotAvailable => "socket-address_not_available",
        _ => return detail.to_owned(),
    };
    tr(language, id)
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

    /// Every way a connection ends reads in Spanish too, keeping protocol words.
    #[test]
    fn endings_in_spanish() {
        let es = |end: ConnectionEnd| connection_end(&end, Language::Es);
        assert_eq!(es(ConnectionEnd::ByThisClient), "cerrada por este cliente");
        assert!(es(ConnectionEnd::Goodbye("too slow".into())).ends_with("(too slow)"));
        assert_eq!(es(ConnectionEnd::Goodbye("maintenance".into())), "el servidor se despidió: maintenance");
        assert_eq!(session_closed(&CloseReason::Quit, Language::Es), "el cliente envió quit");
        assert_eq!(
            connect_failed(ConnectFailure::Refused, Language::Es),
            "conexión rechazada (no hay ningún servidor ahí)"
        );
        assert_eq!(refusal(&GoodbyeReason::from("unknown words"), Language::Es), "unknown words");
    }

    /// In English the client's endings read as the client library writes them.
    #[test]
    fn english_matches_the_library_where_it_is_plain() {
        for end in [ConnectionEnd::ServerClosed, ConnectionEnd::TooLarge, ConnectionEnd::ByThisClient] {
            assert_eq!(connection_end(&end, Language::En), end.to_string());
        }
    }
}
