//! Teaching widgets and helpers for the Lojinha app.
//!
//! Every widget follows the house style: it takes `&mut egui::Ui`, draws,
//! and returns an intent; none does I/O, none requests repaints when nothing
//! changes. The app owns the state structs, feeds them, and applies intents.
//!
//! | module | what |
//! |---|---|
//! | [`steps`] | the one record of protocol steps, and their words |
//! | [`diagram`] | a live sequence diagram of the record, and its picture (SVG, PNG) |
//! | [`log_file`] | the log as a file: aligned text, a Markdown table, JSON Lines |
//! | [`recording`] | a class recording: the whole record in one file, read back equal |
//! | [`threads_demo`] | the lesson's four-task threads demo, run on real threads |
//! | [`import`] | reading and writing product files (CSV, JSON, Brazilian spreadsheets) |
//! | [`i18n`] | [`Language`] (English, Português (Brasil), Español) and the words lookups, from `lojinha-words` |
//! | [`lesson`] | the lesson's steps and the [`LessonPanel`] |
//! | [`money`] | prices as people write them, to and from integer cents |
//!
//! # Embedding in the app
//!
//! **Language.** Start with [`Language::system()`] (`LC_ALL`, `LC_MESSAGES`,
//! `LANG` when set, else the system's own setting), persist the user's
//! choice (it is `Serialize`), and pass it on: `diagram.show(ui, steps, lang)`,
//! `demo.show(ui, lang)`, `panel.show(ui, lang, addr)`. [`Language::native_name`]
//! labels a language menu. Every word comes from the words files
//! (`words/ftl/*.ftl`).
//!
//! **Record of steps and its two views.** One [`Steps`] per client window
//! and one for the server panel, made when the window opens (its clock).
//! Where the app drains its event channels, record each event; the log and
//! the [`Diagram`] both draw the record, selecting by the step's `seq`:
//!
//! ```
//! use std::time::Instant;
//! use lojinha_server::ClientEventRecord;
//! use lojinha_teach::{Language, Steps};
//! use lojinha_teach::diagram::{Diagram, DiagramAction};
//!
//! /// Where the app drains a client's events.
//! fn on_client_event(steps: &mut Steps, record: &ClientEventRecord) {
//!     steps.record_client(record);
//! }
//!
//! /// In the UI: a click selects the log row; selecting a log row highlights the arrow.
//! fn diagram_ui(ui: &mut egui::Ui, diagram: &mut Diagram, steps: &Steps, selected: &mut Option<u64>) {
//!     if let Some(DiagramAction::Select(seq)) = diagram.show(ui, steps, Language::En) {
//!         *selected = Some(seq);
//!     }
//!     // Call this when the user selects a row in the log instead:
//!     // diagram.set_selected(*selected);
//! }
//! let _ = Steps::new(Instant::now());
//! ```
//!
//! The server panel records with `record_server` (lanes are session
//! numbers; server-wide steps go on the server's lane; `hello` names the
//! lifeline "Session 3: Window 2") and draws with [`Diagram::server()`].
//! `Steps::clear()` goes with the log's "clear" button. `show` fills the
//! space it is given with its own scroll area; only visible rows cost.
//! [`diagram::legend`]`(ui, lang)` draws a key to the colours.
//!
//! **Threads demo.** Keep one [`ThreadsDemo`] in the app; call
//! `demo.show(ui, lang)` wherever the lesson's threads step is shown (a window or
//! a tab). Its buttons start real named threads that wake the UI; `show`
//! drains their channel. The app can also start it from code with
//! `demo.start_concurrent(ui.ctx())` on [`LessonAction::RunThreadsDemo`].
//!
//! **Import / export.** Export with [`import::write_csv`] /
//! [`import::write_json`] (or [`import::to_spreadsheet_csv`] for
//! Excel/LibreOffice in pt-BR). The CSV carries the price twice, in reais for
//! people and in cents for the import; when both are filled they must agree
//! (a price edited in one column only is reported, not guessed). Import
//! by reading the file's bytes on a worker thread, then
//! [`import::parse_bytes`]: it picks JSON or CSV, the separator and the
//! decimal style, and returns an [`ImportReport`] with one row per record
//! (`Ok(Product)` validated, or `Skipped { line, reason }`). Show the report,
//! then send `report.products()` with `product.add` (the server still has the
//! last word, e.g. a code that already exists gets `1002`).
//!
//! **Lesson.** Keep a [`LessonPanel`] (serializable: persist the current
//! step) and show it in a side panel: `if let Some(action) =
//! panel.show(ui, lang, addr) { ... }`, where `addr` is the server's
//! `host:port` the texts name ([`lesson::fill`]). Each [`LessonAction`] is documented with
//! what the app should do against its real server and clients;
//! [`lesson::steps()`] gives the texts if the app wants them elsewhere.

pub mod closing;
pub mod diagram;
pub mod i18n;
pub mod import;
pub mod lesson;
pub mod log_file;
pub mod money;
pub mod recording;
pub mod steps;
pub mod threads_demo;

#[cfg(test)]
mod glyph_tests;

pub use diagram::{Diagram, DiagramAction};
pub use i18n::Language;
pub use import::{ImportReport, ImportRow};
pub use lesson::{LessonAction, LessonPanel};
pub use steps::Steps;
pub use threads_demo::ThreadsDemo;
