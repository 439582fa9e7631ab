//! The app's headless UI tests, in one test binary: each test binary links
//! the whole GUI stack, so one link serves all of these. Each app keeps its
//! own language, so tests in English, Portuguese and Spanish run side by side.

#[path = "../common/mod.rs"]
mod common;

mod check;
mod classroom;
mod controls;
mod errors_pt;
mod export;
mod flows;
mod forms;
mod hostile;
mod i18n_keys;
mod language;
mod log_save;
mod names;
mod network;
mod report_card;
mod room;
mod shared_db;
mod spanish;
mod teach;
mod token;
