//! The client's and the server's events, recorded as steps: the only place
//! that knows both event types.

use lojinha_server::client::{ClientEvent, ClientEventRecord};
use lojinha_server::server::{OwnerAct, ServerEvent, ServerEventRecord};

use super::classify::{classify, received, sent};
use super::record::Steps;
use super::step::{Direction, Lane, Message, What};

impl Steps {
    /// Records a client window's event; `Resolving` is not a step (the
    /// `connect()` that follows names the address). Returns the step's `seq`.
    pub fn record_client(&mut self, record: &ClientEventRecord) -> Option<u64> {
        let (at, wall, lane) = (record.at, record.wall, Lane::Client);
        let seq = match &record.event {
            ClientEvent::Resolving { .. } => return None,
            ClientEvent::Connecting { addr } => {
                self.push(at, wall, lane, What::Connecting { addr: addr.to_string() })
            }
            ClientEvent::Connected { local, peer } => {
                self.push(at, wall, lane, What::Connected { local: *local, peer: *peer })
            }
            ClientEvent::Sent { raw, bytes, id, method } => {
                let message = sent(raw, id.as_ref(), method.as_deref());
                self.push_line(at, wall, lane, message, raw, *bytes)
            }
            ClientEvent::Received { raw, bytes, kind, id, method, .. } => {
                // The round trip is measured by pairing (both ends of it seen by
                // the network thread): the library's own figure starts after the
                // write returns and can read 0 on a fast loopback.
                let message = received(raw, *kind, id.as_ref(), method.as_deref());
                self.push_line(at, wall, lane, message, raw, *bytes)
            }
            ClientEvent::Read { bytes } => self.push_read(at, wall, lane, *bytes),
            ClientEvent::Piece { n, of, bytes } => self.push_piece(at, wall, lane, (*n, *of), *bytes),
            ClientEvent::Closed { reason } => {
                self.push(at, wall, lane, What::ConnectionEnded(reason.clone()))
            }
        };
        Some(seq)
    }

    /// Records a server event (the server panel): session steps on their
    /// session's lane, server-wide ones on [`Lane::Server`].
    pub fn record_server(&mut self, record: &ServerEventRecord) -> u64 {
        let (at, wall) = (record.at, record.wall);
        match &record.event {
            ServerEvent::Listening { addr, mode } => {
                self.push(at, wall, Lane::Server, What::Listening { addr: *addr, mode: *mode })
            }
            ServerEvent::SessionOpened { session, peer } => {
                self.push(at, wall, Lane::Session(*session), What::Accepted { peer: *peer })
            }
            ServerEvent::SessionNamed { session, client } => {
                self.push(at, wall, Lane::Session(*session), What::Named { client: client.clone() })
            }
            ServerEvent::Rejected { peer, reason } => {
                self.push(at, wall, Lane::Server, What::Refused { peer: *peer, reason: reason.clone() })
            }
            ServerEvent::Read { session, bytes } => self.push_read(at, wall, Lane::Session(*session), *bytes),
            ServerEvent::MessageIn { session, raw, bytes, unterminated } => {
                let message = Message { unterminated: *unterminated, ..classify(Direction::ToServer, raw) };
                self.push_line(at, wall, Lane::Session(*session), message, raw, *bytes)
            }
            ServerEvent::MessageOut { session, raw, bytes } => {
                let message = classify(Direction::ToClient, raw);
                self.push_line(at, wall, Lane::Session(*session), message, raw, *bytes)
            }
            ServerEvent::SessionClosed { session, reason } => {
                self.push(at, wall, Lane::Session(*session), What::SessionClosed(reason.clone()))
            }
            ServerEvent::Owner { session, act: OwnerAct::Piece { n, of, bytes } } => {
                self.push_piece(at, wall, Lane::Session(*session), (*n, *of), *bytes)
            }
            ServerEvent::Owner { session, act } => {
                self.push(at, wall, Lane::Session(*session), What::Owner(*act))
            }
            ServerEvent::Stopped => self.push(at, wall, Lane::Server, What::Stopped),
        }
    }
}
