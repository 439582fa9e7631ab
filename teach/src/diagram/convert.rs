//! Converters from the server crate's events to diagram messages, so the
//! app can feed the diagram straight from the events it already receives.

use std::time::Duration;

use lojinha_server::ClientEvent;
use lojinha_server::ServerEvent;

use super::Diagram;
use super::message::{DiagramMessage, Direction, SERVER_LANE};
use crate::closing;
use crate::i18n::Language;

impl Diagram {
    /// Converts and pushes a client's event (see [`from_client_event`]).
    pub fn push_client_event(&mut self, event: &ClientEvent, at: Duration, log_index: usize) {
        if let Some(message) = from_client_event(event, at) {
            self.push(message.with_pt_br(client_local_pt(event)).with_log_index(log_index));
        }
    }

    /// Converts and pushes a server's event (see [`from_server_event`]); a
    /// `hello` also names the session's lifeline ("Session 3: Window 2").
    pub fn push_server_event(&mut self, event: &ServerEvent, at: Duration, log_index: usize) {
        if let ServerEvent::SessionNamed { session, client } = event {
            self.set_lane_client(*session, client);
        }
        if let Some(message) = from_server_event(event, at) {
            self.push(message.with_pt_br(server_local_pt(event)).with_log_index(log_index));
        }
    }
}

/// The Portuguese text of a client's local event (the English is in [`from_client_event`]).
fn client_local_pt(event: &ClientEvent) -> Option<String> {
    Some(match event {
        ClientEvent::Connecting { addr } => format!("connect() para {addr}"),
        ClientEvent::Connected { local, .. } => format!("conectado como {local}"),
        ClientEvent::Read { bytes } => format!("read(): {bytes} bytes"),
        ClientEvent::Closed { reason } => closing::connection_end(reason, Language::PtBr),
        _ => return None,
    })
}

/// The Portuguese text of a server's local event (the English is in [`from_server_event`]).
fn server_local_pt(event: &ServerEvent) -> Option<String> {
    Some(match event {
        ServerEvent::Listening { addr, mode } => {
            let mode = match mode {
                lojinha_server::Mode::Sequential => "sequencial",
                lojinha_server::Mode::Threaded => "com threads",
            };
            format!("escutando em {addr} ({mode})")
        }
        ServerEvent::SessionOpened { peer, .. } => format!("accept() de {peer}"),
        ServerEvent::Rejected { peer, reason } => {
            format!("recusado {peer}: {}", closing::refusal(reason, Language::PtBr))
        }
        ServerEvent::Read { session, bytes } => format!("read(): {bytes} bytes (sessão {session})"),
        ServerEvent::Stopped => "parado".to_owned(),
        ServerEvent::SessionClosed { reason, .. } => closing::session_closed(reason, Language::PtBr),
        _ => return None,
    })
}

/// A client's event as a message on lane 0 (set the lane with
/// [`DiagramMessage::with_lane`] and the log index with
/// [`DiagramMessage::with_log_index`]). `Resolving` gives `None`.
pub fn from_client_event(event: &ClientEvent, at: Duration) -> Option<DiagramMessage> {
    let message = match event {
        ClientEvent::Resolving { .. } => return None,
        ClientEvent::Connecting { addr } => DiagramMessage::local(0, format!("connect() to {addr}"), at),
        ClientEvent::Connected { local, .. } => DiagramMessage::local(0, format!("connected as {local}"), at),
        ClientEvent::Sent { raw, .. } => DiagramMessage::from_raw(Direction::ToServer, raw, at),
        ClientEvent::Received { raw, .. } => DiagramMessage::from_raw(Direction::ToClient, raw, at),
        ClientEvent::Read { bytes } => DiagramMessage::local(0, format!("read(): {bytes} bytes"), at),
        ClientEvent::Closed { reason } => {
            DiagramMessage::closed(0, closing::connection_end(reason, Language::En), at)
        }
    };
    Some(message)
}

/// A server's event as a message on its session's lane; server-wide events
/// (listening, reads, stop) go on [`SERVER_LANE`].
pub fn from_server_event(event: &ServerEvent, at: Duration) -> Option<DiagramMessage> {
    let message = match event {
        ServerEvent::Listening { addr, mode } => {
            DiagramMessage::local(SERVER_LANE, format!("listening on {addr} ({mode})"), at)
        }
        ServerEvent::SessionOpened { session, peer } => {
            DiagramMessage::local(*session, format!("accept() from {peer}"), at)
        }
        ServerEvent::SessionNamed { session, client } => {
            DiagramMessage::local(*session, format!("hello: {client}"), at)
        }
        ServerEvent::Rejected { peer, reason } => {
            DiagramMessage::local(SERVER_LANE, format!("refused {peer}: {reason}"), at)
        }
        ServerEvent::Read { session, bytes } => {
            DiagramMessage::local(SERVER_LANE, format!("read(): {bytes} bytes (session {session})"), at)
        }
        ServerEvent::MessageIn { session, raw, .. } => {
            DiagramMessage::from_raw(Direction::ToServer, raw, at).with_lane(*session)
        }
        ServerEvent::MessageOut { session, raw, .. } => {
            DiagramMessage::from_raw(Direction::ToClient, raw, at).with_lane(*session)
        }
        ServerEvent::SessionClosed { session, reason } => {
            DiagramMessage::closed(*session, closing::session_closed(reason, Language::En), at)
        }
        ServerEvent::Stopped => DiagramMessage::local(SERVER_LANE, "stopped", at),
    };
    Some(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::Kind;
    use lojinha_server::server::CloseReason;

    /// Client events keep their direction and JSON-RPC meaning; resolving is not drawn.
    #[test]
    fn client_events_convert() {
        let at = Duration::from_millis(5);
        let sent = ClientEvent::Sent {
            raw: r#"{"jsonrpc":"2.0","id":1,"method":"hello","params":{"client":"W"}}"#.into(),
            bytes: 60,
            id: None,
            method: None,
        };
        let message = from_client_event(&sent, at).unwrap();
        assert_eq!(message.direction, Direction::ToServer);
        assert_eq!(message.kind, Kind::Request { method: "hello".into() });
        assert_eq!(message.id.as_deref(), Some("1"));
        assert_eq!(message.at, at);
        assert!(from_client_event(&ClientEvent::Resolving { addr: "x".into() }, at).is_none());
        let closed = from_client_event(
            &ClientEvent::Closed { reason: lojinha_server::ConnectionEnd::ServerClosed },
            at,
        )
        .unwrap();
        assert_eq!(closed.kind, Kind::Closed { reason: "the server closed the connection".into() });
    }

    /// `push_server_event` names a session's lifeline after its `hello`.
    #[test]
    fn hello_names_the_lifeline() {
        let mut diagram = Diagram::server();
        let named = ServerEvent::SessionNamed { session: 3, client: "Window 2".into() };
        diagram.push_server_event(&named, Duration::ZERO, 7);
        assert_eq!(diagram.lane_name(3), "Session 3: Window 2");
        assert_eq!(diagram.messages()[0].log_index, 7);
        assert_eq!(diagram.lane_name(4), "Session 4");
    }

    /// Server events land on their session's lane, server-wide ones on the server's.
    #[test]
    fn server_events_convert() {
        let at = Duration::ZERO;
        let out = ServerEvent::MessageOut {
            session: 4,
            raw: r#"{"jsonrpc":"2.0","method":"product.deleted","params":{"code":"A"}}"#.into(),
            bytes: 10,
        };
        let message = from_server_event(&out, at).unwrap();
        assert_eq!((message.lane, message.direction), (4, Direction::ToClient));
        assert_eq!(message.kind, Kind::Notification { method: "product.deleted".into() });
        let read = from_server_event(&ServerEvent::Read { session: 4, bytes: 2048 }, at).unwrap();
        assert_eq!(read.lane, SERVER_LANE);
        let closed = ServerEvent::SessionClosed { session: 4, reason: CloseReason::Quit };
        assert_eq!(
            from_server_event(&closed, at).unwrap().kind,
            Kind::Closed { reason: "the client sent quit".into() }
        );
    }
}
