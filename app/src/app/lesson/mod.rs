//! Carries out the lesson's actions against the app's real server and client
//! windows: each [`LessonAction`] becomes a short queue of [`Task`]s, run one
//! after another across frames (a task that must wait, for a server to start
//! or a window to connect, just says so and is tried again next frame).
//! Nothing is canned: whatever the log and the diagram show really happened.
//!
//! No surprises for the teacher: an action that would stop a server the
//! lesson did not start, or add to a catalog kept on disk or not its own, waits for a yes
//! ([`Pending`]); the lesson's server runs on its own in-memory catalog unless
//! the teacher chooses the panel's database, and the big list of generated
//! products never goes anywhere but memory; the lesson reuses the windows it
//! opened (at most two), and "reset" closes them and stops its server.

mod run;
mod tasks;

pub use tasks::{LessonRunner, confirmation};
