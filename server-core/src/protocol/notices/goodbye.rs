//! `goodbye`: the server's last line, saying why it closes the connection.
//! Each reason's text on the wire is written once, in `WIRE`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::notice::Notice;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goodbye {
    pub reason: GoodbyeReason,
}

impl Notice for Goodbye {
    const METHOD: &'static str = "goodbye";
}

/// Why a server says goodbye.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoodbyeReason {
    /// No message for longer than the idle timeout.
    IdleTimeout,
    /// A line was still incomplete when its time was up.
    LineTimeout,
    /// Too many `hello`s with a wrong token.
    WrongToken,
    /// The client did not read what the server sent.
    TooSlow,
    ServerShutdown,
    /// Refused at connect: the server has no place left.
    ServerFull,
    /// Refused at connect: this address holds all the places it may.
    AddressFull,
    /// A reason this version does not know (another server's own words).
    Other(String),
}

/// Every reason this version sends, with its text on the wire.
const WIRE: [(GoodbyeReason, &str); 7] = [
    (GoodbyeReason::IdleTimeout, "idle timeout"),
    (GoodbyeReason::LineTimeout, "line timeout"),
    (GoodbyeReason::WrongToken, "wrong token"),
    (GoodbyeReason::TooSlow, "too slow"),
    (GoodbyeReason::ServerShutdown, "server shutting down"),
    (GoodbyeReason::ServerFull, "server full"),
    (GoodbyeReason::AddressFull, "too many connections from your address"),
];

impl GoodbyeReason {
    /// The text on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            GoodbyeReason::Other(text) => text,
            known => WIRE.iter().find(|(kind, _)| kind == known).map_or("", |(_, text)| text),
        }
    }

    /// The reason a wire text names; [`GoodbyeReason::Other`] when this version does not know it.
    pub fn parse(text: &str) -> GoodbyeReason {
        let known = WIRE.iter().find(|(_, wire)| *wire == text);
        known.map_or_else(|| GoodbyeReason::Other(text.to_owned()), |(kind, _)| kind.clone())
    }
}

/// Reads a wire text, as [`GoodbyeReason::parse`].
impl From<&str> for GoodbyeReason {
    fn from(text: &str) -> Self {
        GoodbyeReason::parse(text)
    }
}

impl fmt::Display for GoodbyeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for GoodbyeReason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for GoodbyeReason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(GoodbyeReason::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every known reason reads back from its text; unknown words stay as they are.
    #[test]
    fn reasons_read_back_from_the_wire() {
        for (kind, text) in &WIRE {
            assert_eq!(kind.as_str(), *text);
            assert_eq!(GoodbyeReason::parse(text), *kind);
        }
        assert_eq!(GoodbyeReason::parse("maintenance"), GoodbyeReason::Other("maintenance".into()));
        assert_eq!(GoodbyeReason::Other("maintenance".into()).as_str(), "maintenance");
        let line = serde_json::to_string(&Goodbye { reason: GoodbyeReason::ServerShutdown }).unwrap();
        assert_eq!(line, r#"{"reason":"server shutting down"}"#);
    }
}
