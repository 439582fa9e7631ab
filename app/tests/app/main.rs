//! The app's headless UI tests that run in English, in one test binary: each
//! test binary links the whole GUI stack, so one link serves all of these.
//! The tests that change the process-wide language keep their own binaries
//! (`errors_pt.rs`, `language.rs`).

#[path = "../common/mod.rs"]
mod common;

mod export;
mod flows;
mod forms;
mod hostile;
mod i18n_keys;
mod names;
mod network;
mod teach;
mod token;
