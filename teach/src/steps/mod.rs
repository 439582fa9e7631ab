//! One record of every protocol step a client window or the server panel
//! saw: the connection log and the sequence diagram are two views of it.
//!
//! Each line is classified once ([`classify`]), paired once ([`pairing`]),
//! and kept as data ([`step`]); words come only when a view draws a step
//! ([`words`]). The record is where the views' bounds and order live:
//! - one clock: every step's time counts from the record's start (the
//!   window opening), so the log and the diagram agree and a reconnect does
//!   not restart it;
//! - memory bounded by entries ([`STEPS_MAX`]) and by bytes ([`STEPS_BYTES`]),
//!   oldest first, and a line keeps at most [`RAW_KEPT`] bytes;
//! - [`Steps::clear`] gives the memory back.
//!
//! Adding a kind of event means a variant in [`What`], its words in
//! [`words`], and the event's conversion in [`events`].

mod classify;
pub mod data;
mod events;
mod lanes;
pub mod mistake;
mod pairing;
mod record;
mod step;
mod visible;
pub mod words;

pub use classify::classify as classify_line;
pub use lanes::{LaneInfo, Lanes};
pub use lojinha_server::client::RAW_KEPT;
pub use mistake::Mistake;
pub use record::{STEPS_BYTES, STEPS_MAX, Steps};
pub use step::{Direction, Kind, Lane, Line, Message, Name, Note, Said, Step, What};
pub use visible::Visible;

#[cfg(test)]
mod tests;
