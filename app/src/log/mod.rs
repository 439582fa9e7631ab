//! The connection log shared by client windows and the server panel: a
//! view of the window's record of protocol steps ([`lojinha_teach::Steps`]),
//! and that view beside the sequence diagram, the record's other view
//! ([`linked`]).

pub mod linked;
pub mod view;

pub use view::LogView;
