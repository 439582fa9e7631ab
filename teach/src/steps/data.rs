//! A step as plain data for a file: every field of a [`Step`], with the
//! kinds the server library reports (`ConnectionEnd`, `CloseReason`,
//! `GoodbyeReason`, `io::ErrorKind`) written as their names, and the app's
//! own words ([`Said`]) written in every language. A recording and the log's
//! JSON Lines both write steps this way, and a recording reads them back
//! into the same steps.
//!
//! Times are whole nanoseconds (`at_ns` on the record's clock, `wall_ns`
//! since 1970), so a step read back is equal to the one written.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use lojinha_server::server::{CloseReason, OwnerAct, Release};
use lojinha_server::{ConnectionEnd, GoodbyeReason, Mode};
use serde::{Deserialize, Serialize};

use super::lanes::LaneInfo;
use super::step::{Direction, Kind, Lane, Line, Message, Note, Said, Step, What};
use crate::closing::ConnectFailure;
use crate::i18n::Language;

/// One step, every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepData {
    pub seq: u64,
    pub at_ns: u64,
    pub wall_ns: u64,
    pub lane: LaneData,
    #[serde(flatten)]
    pub what: WhatData,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// The line's text as kept (at most `RAW_KEPT` bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
    /// Bytes of the line the text leaves out.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cut: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_trip_ns: Option<u64>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LaneData {
    Client,
    Session(u64),
    Server,
}

/// What happened, tagged by `"what"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum WhatData {
    Message {
        direction: DirectionData,
        kind: KindData,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        method: Option<String>,
        /// The line had no `\n`: the peer closed right after it.
        #[serde(default, skip_serializing_if = "is_false")]
        unterminated: bool,
    },
    Connecting {
        addr: String,
    },
    Connected {
        local: SocketAddr,
        peer: SocketAddr,
    },
    Read,
    ConnectionEnded {
        end: EndData,
    },
    ConnectFailed {
        failure: FailureData,
        said: SaidData,
    },
    Listening {
        addr: SocketAddr,
        mode: ModeData,
    },
    Accepted {
        peer: SocketAddr,
    },
    Named {
        client: String,
    },
    Refused {
        peer: SocketAddr,
        /// The `goodbye` reason as on the wire.
        reason: String,
    },
    SessionClosed {
        reason: CloseData,
    },
    Stopped,
    Note {
        said: SaidData,
        problem: bool,
    },
    /// One of the server owner's controls acted on a line.
    Owner {
        act: OwnerData,
    },
    /// Piece `n` of `of` of a line was written.
    Piece {
        n: usize,
        of: usize,
    },
}

/// What the owner's control did (`OwnerAct`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "act", rename_all = "snake_case")]
pub enum OwnerData {
    Held { held: usize },
    HoldFull,
    Released { by: ReleaseData },
    Discarded,
    Delayed { ms: u64 },
    Piece { n: usize, of: usize, bytes: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseData {
    Next,
    All,
    Unpaused,
}

impl OwnerData {
    fn of(act: OwnerAct) -> OwnerData {
        match act {
            OwnerAct::Held { held } => OwnerData::Held { held },
            OwnerAct::HoldFull => OwnerData::HoldFull,
            OwnerAct::Released(release) => OwnerData::Released {
                by: match release {
                    Release::Next => ReleaseData::Next,
                    Release::All => ReleaseData::All,
                    Release::Unpaused => ReleaseData::Unpaused,
                },
            },
            OwnerAct::Discarded => OwnerData::Discarded,
            OwnerAct::Delayed { ms } => OwnerData::Delayed { ms },
            OwnerAct::Piece { n, of, bytes } => OwnerData::Piece { n, of, bytes },
        }
    }

    fn act(self) -> OwnerAct {
        match self {
            OwnerData::Held { held } => OwnerAct::Held { held },
            OwnerData::HoldFull => OwnerAct::HoldFull,
            OwnerData::Released { by } => OwnerAct::Released(match by {
                ReleaseData::Next => Release::Next,
                ReleaseData::All => Release::All,
                ReleaseData::Unpaused => Release::Unpaused,
            }),
            OwnerData::Discarded => OwnerAct::Discarded,
            OwnerData::Delayed { ms } => OwnerAct::Delayed { ms },
            OwnerData::Piece { n, of, bytes } => OwnerAct::Piece { n, of, bytes },
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectionData {
    ToServer,
    ToClient,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindData {
    Request,
    Notification,
    Response,
    Error,
    Batch,
    Garbage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModeData {
    Threaded,
    Sequential,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureData {
    Refused,
    NameLookup,
    Other,
    GaveUp,
}

/// Why a client's connection ended (`ConnectionEnd`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "end", rename_all = "snake_case")]
pub enum EndData {
    Goodbye { reason: String },
    ServerClosed,
    TooLarge,
    ReaderStopped,
    SendFailed { kind: String, detail: String },
    ReadFailed { kind: String, detail: String },
    ByThisClient,
}

/// Why the server closed a session (`CloseReason`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum CloseData {
    ClientClosed,
    Quit,
    IdleTimeout,
    LineTimeout,
    TooSlow,
    WrongToken,
    FrameTooLarge,
    ServerShutdown,
    DroppedByOwner,
    Error { kind: String, detail: String },
}

/// The app's own words, in every language, by language tag (`en`, `pt-BR`, `es`).
pub type SaidData = BTreeMap<String, String>;

/// A session's lifeline, for a recording's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaneInfoData {
    pub session: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    pub open: bool,
    pub last_seq: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<u64>,
}

impl LaneInfoData {
    pub fn of(session: u64, info: &LaneInfo) -> LaneInfoData {
        LaneInfoData {
            session,
            client: info.client.clone(),
            open: info.open,
            last_seq: info.last_seq,
            closed_at: info.closed_at,
        }
    }

    pub fn info(&self) -> LaneInfo {
        LaneInfo {
            client: self.client.clone(),
            open: self.open,
            last_seq: self.last_seq,
            closed_at: self.closed_at,
        }
    }
}

impl StepData {
    /// Every field of `step`.
    pub fn of(step: &Step) -> StepData {
        StepData {
            seq: step.seq,
            at_ns: nanos(step.at),
            wall_ns: nanos(step.wall.duration_since(UNIX_EPOCH).unwrap_or_default()),
            lane: match step.lane {
                Lane::Client => LaneData::Client,
                Lane::Session(n) => LaneData::Session(n),
                Lane::Server => LaneData::Server,
            },
            what: WhatData::of(&step.what),
            bytes: step.bytes,
            line: step.line.as_ref().map(|line| line.text.to_string()),
            cut: step.line.as_ref().map_or(0, |line| line.cut),
            pair: step.pair,
            round_trip_ns: step.round_trip.map(nanos),
        }
    }

    /// The step this data describes.
    pub fn step(self) -> Step {
        Step {
            seq: self.seq,
            at: Duration::from_nanos(self.at_ns),
            wall: UNIX_EPOCH + Duration::from_nanos(self.wall_ns),
            lane: match self.lane {
                LaneData::Client => Lane::Client,
                LaneData::Session(n) => Lane::Session(n),
                LaneData::Server => Lane::Server,
            },
            what: self.what.what(),
            bytes: self.bytes,
            line: self.line.map(|text| Line { text: text.into(), cut: self.cut }),
            pair: self.pair,
            round_trip: self.round_trip_ns.map(Duration::from_nanos),
        }
    }
}

fn nanos(duration: Duration) -> u64 {
    u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX)
}

impl WhatData {
    fn of(what: &What) -> WhatData {
        match what {
            What::Message(m) => WhatData::Message {
                direction: match m.direction {
                    Direction::ToServer => DirectionData::ToServer,
                    Direction::ToClient => DirectionData::ToClient,
                },
                kind: match m.kind {
                    Kind::Request => KindData::Request,
                    Kind::Notification => KindData::Notification,
                    Kind::Response => KindData::Response,
                    Kind::Error { .. } => KindData::Error,
                    Kind::Batch => KindData::Batch,
                    Kind::Garbage => KindData::Garbage,
                },
                code: match m.kind {
                    Kind::Error { code } => code,
                    _ => None,
                },
                id: m.id.clone(),
                method: m.method.clone(),
                unterminated: m.unterminated,
            },
            What::Connecting { addr } => WhatData::Connecting { addr: addr.clone() },
            What::Connected { local, peer } => WhatData::Connected { local: *local, peer: *peer },
            What::Read => WhatData::Read,
            What::ConnectionEnded(end) => WhatData::ConnectionEnded { end: EndData::of(end) },
            What::ConnectFailed { failure, said } => {
                WhatData::ConnectFailed { failure: failure_data(*failure), said: said_data(said) }
            }
            What::Listening { addr, mode } => WhatData::Listening {
                addr: *addr,
                mode: match mode {
                    Mode::Threaded => ModeData::Threaded,
                    Mode::Sequential => ModeData::Sequential,
                },
            },
            What::Accepted { peer } => WhatData::Accepted { peer: *peer },
            What::Named { client } => WhatData::Named { client: client.clone() },
            What::Refused { peer, reason } => WhatData::Refused { peer: *peer, reason: reason.to_string() },
            What::SessionClosed(reason) => WhatData::SessionClosed { reason: CloseData::of(reason) },
            What::Stopped => WhatData::Stopped,
            What::Note { said, problem } => WhatData::Note { said: said_data(said), problem: *problem },
            What::Owner(act) => WhatData::Owner { act: OwnerData::of(*act) },
            What::Piece { n, of } => WhatData::Piece { n: *n, of: *of },
        }
    }

    fn what(self) -> What {
        match self {
            WhatData::Message { direction, kind, code, id, method, unterminated } => What::Message(Message {
                direction: match direction {
                    DirectionData::ToServer => Direction::ToServer,
                    DirectionData::ToClient => Direction::ToClient,
                },
                kind: match kind {
                    KindData::Request => Kind::Request,
                    KindData::Notification => Kind::Notification,
                    KindData::Response => Kind::Response,
                    KindData::Error => Kind::Error { code },
                    KindData::Batch => Kind::Batch,
                    KindData::Garbage => Kind::Garbage,
                },
                id,
                method,
                unterminated,
            }),
            WhatData::Connecting { addr } => What::Connecting { addr },
            WhatData::Connected { local, peer } => What::Connected { local, peer },
            WhatData::Read => What::Read,
            WhatData::ConnectionEnded { end } => What::ConnectionEnded(end.end()),
            WhatData::ConnectFailed { failure, said } => {
                What::ConnectFailed { failure: failure_of(failure), said: said_of(said) }
            }
            WhatData::Listening { addr, mode } => What::Listening {
                addr,
                mode: match mode {
                    ModeData::Threaded => Mode::Threaded,
                    ModeData::Sequential => Mode::Sequential,
                },
            },
            WhatData::Accepted { peer } => What::Accepted { peer },
            WhatData::Named { client } => What::Named { client },
            WhatData::Refused { peer, reason } => {
                What::Refused { peer, reason: GoodbyeReason::parse(&reason) }
            }
            WhatData::SessionClosed { reason } => What::SessionClosed(reason.reason()),
            WhatData::Stopped => What::Stopped,
            WhatData::Note { said, problem } => What::Note { said: said_of(said), problem },
            WhatData::Owner { act } => What::Owner(act.act()),
            WhatData::Piece { n, of } => What::Piece { n, of },
        }
    }
}

fn failure_data(failure: ConnectFailure) -> FailureData {
    match failure {
        ConnectFailure::Refused => FailureData::Refused,
        ConnectFailure::NameLookup => FailureData::NameLookup,
        ConnectFailure::Other => FailureData::Other,
        ConnectFailure::GaveUp => FailureData::GaveUp,
    }
}

fn failure_of(failure: FailureData) -> ConnectFailure {
    match failure {
        FailureData::Refused => ConnectFailure::Refused,
        FailureData::NameLookup => ConnectFailure::NameLookup,
        FailureData::Other => ConnectFailure::Other,
        FailureData::GaveUp => ConnectFailure::GaveUp,
    }
}

impl EndData {
    fn of(end: &ConnectionEnd) -> EndData {
        match end {
            ConnectionEnd::Goodbye(reason) => EndData::Goodbye { reason: reason.to_string() },
            ConnectionEnd::ServerClosed => EndData::ServerClosed,
            ConnectionEnd::TooLarge => EndData::TooLarge,
            ConnectionEnd::ReaderStopped => EndData::ReaderStopped,
            ConnectionEnd::SendFailed { kind, detail } => {
                EndData::SendFailed { kind: kind_name(*kind), detail: detail.clone() }
            }
            ConnectionEnd::ReadFailed { kind, detail } => {
                EndData::ReadFailed { kind: kind_name(*kind), detail: detail.clone() }
            }
            ConnectionEnd::ByThisClient => EndData::ByThisClient,
        }
    }

    fn end(self) -> ConnectionEnd {
        match self {
            EndData::Goodbye { reason } => ConnectionEnd::Goodbye(GoodbyeReason::parse(&reason)),
            EndData::ServerClosed => ConnectionEnd::ServerClosed,
            EndData::TooLarge => ConnectionEnd::TooLarge,
            EndData::ReaderStopped => ConnectionEnd::ReaderStopped,
            EndData::SendFailed { kind, detail } => {
                ConnectionEnd::SendFailed { kind: kind_of(&kind), detail }
            }
            EndData::ReadFailed { kind, detail } => {
                ConnectionEnd::ReadFailed { kind: kind_of(&kind), detail }
            }
            EndData::ByThisClient => ConnectionEnd::ByThisClient,
        }
    }
}

impl CloseData {
    fn of(reason: &CloseReason) -> CloseData {
        match reason {
            CloseReason::ClientClosed => CloseData::ClientClosed,
            CloseReason::Quit => CloseData::Quit,
            CloseReason::IdleTimeout => CloseData::IdleTimeout,
            CloseReason::LineTimeout => CloseData::LineTimeout,
            CloseReason::TooSlow => CloseData::TooSlow,
            CloseReason::WrongToken => CloseData::WrongToken,
            CloseReason::FrameTooLarge => CloseData::FrameTooLarge,
            CloseReason::ServerShutdown => CloseData::ServerShutdown,
            CloseReason::DroppedByOwner => CloseData::DroppedByOwner,
            CloseReason::Error { kind, detail } => {
                CloseData::Error { kind: kind_name(*kind), detail: detail.clone() }
            }
        }
    }

    fn reason(self) -> CloseReason {
        match self {
            CloseData::ClientClosed => CloseReason::ClientClosed,
            CloseData::Quit => CloseReason::Quit,
            CloseData::IdleTimeout => CloseReason::IdleTimeout,
            CloseData::LineTimeout => CloseReason::LineTimeout,
            CloseData::TooSlow => CloseReason::TooSlow,
            CloseData::WrongToken => CloseReason::WrongToken,
            CloseData::FrameTooLarge => CloseReason::FrameTooLarge,
            CloseData::ServerShutdown => CloseReason::ServerShutdown,
            CloseData::DroppedByOwner => CloseReason::DroppedByOwner,
            CloseData::Error { kind, detail } => CloseReason::Error { kind: kind_of(&kind), detail },
        }
    }
}

/// The socket error kinds a step may carry, by name. A kind not listed
/// (one the standard library adds later) reads back as `Other`; its
/// `detail` still says what the system said.
const KINDS: [ErrorKind; 39] = [
    ErrorKind::NotFound,
    ErrorKind::PermissionDenied,
    ErrorKind::ConnectionRefused,
    ErrorKind::ConnectionReset,
    ErrorKind::HostUnreachable,
    ErrorKind::NetworkUnreachable,
    ErrorKind::ConnectionAborted,
    ErrorKind::NotConnected,
    ErrorKind::AddrInUse,
    ErrorKind::AddrNotAvailable,
    ErrorKind::NetworkDown,
    ErrorKind::BrokenPipe,
    ErrorKind::AlreadyExists,
    ErrorKind::WouldBlock,
    ErrorKind::NotADirectory,
    ErrorKind::IsADirectory,
    ErrorKind::DirectoryNotEmpty,
    ErrorKind::ReadOnlyFilesystem,
    ErrorKind::StaleNetworkFileHandle,
    ErrorKind::InvalidInput,
    ErrorKind::InvalidData,
    ErrorKind::TimedOut,
    ErrorKind::WriteZero,
    ErrorKind::StorageFull,
    ErrorKind::NotSeekable,
    ErrorKind::QuotaExceeded,
    ErrorKind::FileTooLarge,
    ErrorKind::ResourceBusy,
    ErrorKind::ExecutableFileBusy,
    ErrorKind::Deadlock,
    ErrorKind::CrossesDevices,
    ErrorKind::TooManyLinks,
    ErrorKind::InvalidFilename,
    ErrorKind::ArgumentListTooLong,
    ErrorKind::Interrupted,
    ErrorKind::Unsupported,
    ErrorKind::UnexpectedEof,
    ErrorKind::OutOfMemory,
    ErrorKind::Other,
];

fn kind_name(kind: ErrorKind) -> String {
    format!("{kind:?}")
}

fn kind_of(name: &str) -> ErrorKind {
    KINDS.into_iter().find(|kind| kind_name(*kind) == name).unwrap_or(ErrorKind::Other)
}

fn said_data(said: &Said) -> SaidData {
    Language::ALL.iter().map(|&language| (language.tag().to_owned(), said.0.say(language))).collect()
}

fn said_of(texts: SaidData) -> Said {
    Said(Arc::new(Written(texts)))
}

/// Words read back from a file: said in the language asked for (English
/// when the file lacks that language).
#[derive(Debug)]
struct Written(SaidData);

impl Note for Written {
    fn say(&self, language: Language) -> String {
        let text = self.0.get(language.tag()).or_else(|| self.0.get(Language::En.tag()));
        text.cloned().unwrap_or_default()
    }
}
