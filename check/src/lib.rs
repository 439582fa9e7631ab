//! `lojinha-check`: checks any server that claims to speak Lojinha's
//! protocol — a student's Python server, `lojinha-server`, a server on
//! another machine — with an ordered list of checks that follows the
//! lesson's steps, and tells the student, in their language, what is right
//! and where it breaks.
//!
//! The checker is a client that reads raw bytes ([`wire`]), so it can say
//! what really arrived; each check ([`checks`]) opens its own connections
//! and records its exchange ([`transcript`]); [`run`] runs the chosen checks
//! in order and builds a [`Report`], which the binary prints as text
//! ([`text`]) or JSON, and the app draws.
//!
//! ```no_run
//! use lojinha_check::{Check, Settings, run};
//! use lojinha_words::Language;
//!
//! let report = run(&Settings::new("127.0.0.1:5050"), &Check::ALL, Language::PtBr, |_| {});
//! println!("{}", report.passed);
//! ```

pub mod checks;
pub mod context;
pub mod problem;
pub mod report;
pub mod run;
pub mod session;
pub mod text;
pub mod transcript;
pub mod visible;
pub mod wire;

pub use checks::Check;
pub use context::Settings;
pub use problem::Problem;
pub use report::{CheckReport, Counts, Report, Status};
pub use run::{choose, run};
pub use transcript::{Direction, Exchanged};
pub use visible::visible;
