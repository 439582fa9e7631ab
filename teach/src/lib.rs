//! Teaching widgets and helpers for the Lojinha app.

pub mod diagram;
pub mod i18n;
pub mod import;
pub mod lesson;
pub mod threads_demo;
