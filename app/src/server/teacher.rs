//! The teacher's controls as intents: what the server panel's buttons and
//! sliders ask of the running server, and carrying it out. No I/O: the
//! controls are state the server's sessions read, and a drop only shuts a
//! socket, which never blocks.

use lojinha_server::ServerHandle;
use lojinha_server::server::ControlSettings;

/// What the teacher's controls ask of the running server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeacherIntent {
    /// New settings: pause, slow motion, pieces.
    Set(ControlSettings),
    /// Release the oldest held answer.
    Next,
    ReleaseAll,
    /// Drop this session: its socket shut at once, no goodbye.
    Drop(u64),
}

/// Carries out `intent` on the running server.
pub fn apply(handle: &ServerHandle, intent: TeacherIntent) {
    let controls = handle.controls();
    match intent {
        TeacherIntent::Set(settings) => controls.set(settings),
        TeacherIntent::Next => {
            controls.next();
        }
        TeacherIntent::ReleaseAll => {
            controls.release_all();
        }
        TeacherIntent::Drop(id) => {
            handle.drop_session(id);
        }
    }
}
