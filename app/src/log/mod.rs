//! The connection log shared by client windows and the server panel: a rich
//! model of every protocol step ([`model`]), built from the client's and the
//! server's event streams ([`from_client`], [`from_server`]), and its view.

pub mod from_client;
pub mod from_server;
pub mod linked;
pub mod model;
pub mod view;

pub use model::{Direction, LocalDetail, Log, LogEntry, Step};
pub use view::LogView;
