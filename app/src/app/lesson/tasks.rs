//! What the lesson plans and keeps: each [`LessonAction`] as a queue of
//! [`Task`]s, the windows it reuses, and the question it asks before a step
//! that would stop a server or change a catalog ([`Pending`]).

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use lojinha_server::Product;
use lojinha_teach::LessonAction;
use lojinha_teach::threads_demo::RunMode;

use lojinha_server::server::ControlSettings;

use crate::client::network::{Command, Control, Request};
use crate::client::{SharedWindow, lock};
use crate::i18n::{Language, tr, trf};
use crate::phrase::Phrase;
use crate::server::teacher::TeacherIntent;

/// Generated products for the "show reads" step: a `product.list` page of
/// them (1000 products, about 85 kB) is larger than one client read (64 kB).
pub(super) const BIG_CATALOG: usize = 3000;
/// A task that waits longer than this gives up the whole action.
pub(super) const TASK_LIMIT: Duration = Duration::from_secs(40);
/// How long the second client visibly waits on the sequential server.
pub(super) const SEQUENTIAL_WAIT: Duration = Duration::from_secs(2);
/// How long the paused server visibly holds a message in the v2 step.
pub(super) const HELD_FOR: Duration = Duration::from_secs(2);
/// How long a note waits for what it describes to reach the server's log.
pub(super) const NOTE_AFTER: Duration = Duration::from_millis(300);
/// The v5 step's "send in pieces": a short answer in this many pieces …
pub(super) const LESSON_PIECES: usize = 4;
/// … with this pause between them.
pub(super) const LESSON_PIECE_PAUSE: Duration = Duration::from_millis(300);

/// How a server is (re)started by the lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Setup {
    pub(super) sequential: bool,
    pub(super) reads: bool,
    pub(super) big: bool,
    /// On the shared PostgreSQL database chosen in the server panel.
    pub(super) shared: bool,
}

/// Where a lesson window connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// This app's running server.
    Local,
    /// An address where nothing listens.
    Nowhere,
    /// The lesson's second server, on the same shared database.
    Second,
}

/// One step of an action. `slot` names a window the action works with.
#[derive(Debug, Clone)]
pub(super) enum Task {
    StopServer,
    /// Starts the server unless it runs.
    EnsureServer {
        begun: bool,
    },
    StartServer {
        setup: Setup,
        begun: bool,
    },
    Open {
        slot: usize,
        target: Target,
        reads: bool,
    },
    /// A window connected to this app's server: one already open, or a new one.
    EnsureClient {
        slot: usize,
    },
    Connect {
        slot: usize,
    },
    Disconnect {
        slot: usize,
    },
    /// Waits until the window's connection has closed (steps after
    /// `after`, the record's next number when first tried).
    WaitDisconnected {
        slot: usize,
        after: Option<u64>,
    },
    WaitConnected {
        slot: usize,
    },
    Send {
        slot: usize,
        command: Command,
    },
    /// `product.get` a code (`None`: one the window's catalog holds).
    Fetch {
        slot: usize,
        code: Option<String>,
    },
    WaitFetched {
        slot: usize,
    },
    Pause(Duration),
    /// Waits until the window's newest connection is open at the TCP level
    /// (steps after `after`, the record's next number when first tried).
    WaitTcp {
        slot: usize,
        after: Option<u64>,
    },
    /// Writes the lesson's note about a queued client into the server's record.
    NoteQueued {
        slot: usize,
    },
    /// Writes how long the client waited for its welcome into the server's record.
    NoteWaited {
        slot: usize,
    },
    Threads(RunMode),
    WaitThreads,
    /// Applies a teacher's control to the server (the lesson puts them
    /// back as they were when it ends, fails or is reset).
    Teacher(TeacherIntent),
    /// Writes a note of the lesson's (a message id) on the server's lifeline.
    Note(&'static str),
    /// Fails, saying how to get one, unless the panel names a shared database.
    RequireShared,
    /// Starts the lesson's second server on the shared database (a thread
    /// connects to it), then waits until it runs.
    StartSecond {
        begun: bool,
    },
    /// Waits until the slot's window has loaded the catalog.
    WaitLoaded {
        slot: usize,
    },
    /// Waits until the slot's window holds the product `code`.
    WaitProduct {
        slot: usize,
        code: String,
    },
    /// Writes on the server's lifeline that `code` crossed to the slot's window.
    NoteCrossed {
        slot: usize,
        code: String,
    },
}

impl Task {
    /// The message when this task waited past [`TASK_LIMIT`].
    pub(super) fn timeout_key(&self) -> &'static str {
        match self {
            Task::StopServer
            | Task::EnsureServer { .. }
            | Task::StartServer { .. }
            | Task::RequireShared
            | Task::StartSecond { .. } => "lesson-timeout_server",
            Task::WaitProduct { .. } | Task::NoteCrossed { .. } => "lesson-timeout_crossed",
            Task::WaitLoaded { .. } => "lesson-timeout_answer",
            Task::Open { .. }
            | Task::EnsureClient { .. }
            | Task::Connect { .. }
            | Task::WaitConnected { .. }
            | Task::WaitTcp { .. }
            | Task::NoteQueued { .. }
            | Task::NoteWaited { .. } => "lesson-timeout_connect",
            Task::Disconnect { .. } | Task::WaitDisconnected { .. } => "lesson-timeout_disconnect",
            Task::Send { .. } | Task::Fetch { .. } | Task::WaitFetched { .. } => "lesson-timeout_answer",
            Task::Threads(_) | Task::WaitThreads | Task::Pause(_) => "lesson-timeout_threads",
            Task::Teacher(_) | Task::Note(_) => "lesson-timeout_server",
        }
    }
}

/// What trying a task came to.
pub(super) enum Progress {
    Done,
    Wait,
    Failed(Phrase),
}

/// What an action would do that the teacher should agree to first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Risk {
    /// Stop the server running at `addr` (the lesson did not start it).
    StopServer { addr: String },
    /// Add a product to a catalog kept on disk, or to one the lesson did not
    /// start (`db`: the file, or `:memory:`).
    ChangeCatalog { db: String },
}

impl Risk {
    /// What the lesson panel says about it.
    pub fn phrase(&self, lang: Language) -> String {
        match self {
            Risk::StopServer { addr } => trf(lang, "lesson-risk_stop", &[("addr", addr)]),
            Risk::ChangeCatalog { db } => trf(lang, "lesson-risk_catalog", &[("db", db)]),
        }
    }
}

/// An action waiting for the teacher's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub action: LessonAction,
    pub risks: Vec<Risk>,
}

/// The question before a step: what it would do, "Go ahead" and "Cancel".
pub fn confirmation(ui: &mut egui::Ui, pending: &Pending, lang: Language) -> Option<bool> {
    let mut answer = None;
    ui.group(|ui| {
        ui.colored_label(ui.visuals().warn_fg_color, tr(lang, "lesson-confirm_title"));
        for risk in &pending.risks {
            ui.label(risk.phrase(lang));
        }
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "lesson-confirm_go")).clicked() {
                answer = Some(true);
            }
            if ui.button(tr(lang, "lesson-confirm_cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    answer
}

/// A window the lesson works with; `opened` when the lesson opened it
/// (reset closes only those).
#[derive(Clone)]
pub(super) struct Slot {
    pub(super) window: SharedWindow,
    pub(super) opened: bool,
}

/// The queue of the action under way, and what the lesson keeps between actions.
#[derive(Default)]
pub struct LessonRunner {
    pub(super) tasks: VecDeque<Task>,
    /// Kept across actions, so every step reuses the same windows.
    pub(super) slots: Vec<Option<Slot>>,
    /// When the task in front was first tried.
    pub(super) front_since: Option<Instant>,
    pub error: Option<Phrase>,
    /// An action that waits for the teacher's yes.
    pub pending: Option<Pending>,
    /// The running server was started by the lesson.
    pub(super) owns_server: bool,
    /// The lesson's server uses the database chosen in the server panel
    /// instead of its own catalog in memory.
    pub use_panel_db: bool,
    /// The second server of "many servers, one database".
    pub(super) second: SecondServer,
    /// The teacher's controls as they were before the lesson changed them.
    pub(super) controls_before: Option<ControlSettings>,
}

/// The lesson's second server: not started, starting on a thread (which
/// connects to the database), or running.
#[derive(Default)]
pub(super) enum SecondServer {
    #[default]
    None,
    Starting(crossbeam_channel::Receiver<Result<lojinha_server::ServerHandle, Phrase>>),
    Running(Box<lojinha_server::ServerHandle>),
}

impl SecondServer {
    /// Stops it on a thread (goodbyes take up to two seconds).
    pub(super) fn stop(&mut self) {
        if let SecondServer::Running(handle) = std::mem::take(self) {
            let spawned =
                std::thread::Builder::new().name("lesson-server-stop".into()).spawn(move || handle.stop());
            if let Err(e) = spawned {
                tracing::warn!("stopping the lesson's second server here: {e}");
            }
        }
    }
}

impl LessonRunner {
    pub fn busy(&self) -> bool {
        !self.tasks.is_empty()
    }

    /// Replaces whatever was under way with `action`'s tasks.
    pub(super) fn start(&mut self, action: LessonAction, lang: Language) {
        self.tasks = plan(action, lang).into();
        self.front_since = None;
        self.error = None;
        self.pending = None;
    }

    pub(super) fn slot(&self, slot: usize) -> Option<SharedWindow> {
        self.slots.get(slot).cloned().flatten().map(|s| s.window).filter(|w| lock(w).open)
    }

    pub(super) fn set_slot(&mut self, slot: usize, window: SharedWindow, opened: bool) {
        if self.slots.len() <= slot {
            self.slots.resize(slot + 1, None);
        }
        self.slots[slot] = Some(Slot { window, opened });
    }
}

pub(super) fn plan(action: LessonAction, lang: Language) -> Vec<Task> {
    use Task::*;
    let client = |mut rest: Vec<Task>| {
        let mut tasks =
            vec![EnsureServer { begun: false }, EnsureClient { slot: 0 }, WaitConnected { slot: 0 }];
        tasks.append(&mut rest);
        tasks
    };
    let setup = |sequential, reads, big| StartServer {
        setup: Setup { sequential, reads, big, shared: false },
        begun: false,
    };
    match action {
        LessonAction::ConnectWithoutServer => {
            vec![StopServer, Open { slot: 0, target: Target::Nowhere, reads: false }]
        }
        LessonAction::StartServerAndConnect => vec![
            EnsureServer { begun: false },
            Open { slot: 0, target: Target::Local, reads: false },
            WaitConnected { slot: 0 },
        ],
        // The server speaks first, shown with the server paused: the welcome
        // is held while the connected client waits, then the hello's answer.
        // (Disconnected first: a `quit` whose `bye` the paused server held
        // would keep the window from reconnecting.)
        LessonAction::SendHello => client(vec![
            Disconnect { slot: 0 },
            WaitDisconnected { slot: 0, after: None },
            Teacher(TeacherIntent::Set(ControlSettings { paused: true, ..ControlSettings::default() })),
            Connect { slot: 0 },
            WaitTcp { slot: 0, after: None },
            Note("lesson-note_welcome_held"),
            Pause(HELD_FOR),
            Teacher(TeacherIntent::Next),
            Pause(NOTE_AFTER),
            Note("lesson-note_hello_held"),
            Pause(HELD_FOR),
            Teacher(TeacherIntent::Set(ControlSettings::default())),
            WaitConnected { slot: 0 },
        ]),
        LessonAction::AddSampleProduct => {
            client(vec![Send { slot: 0, command: Request::Add(sample(lang)).into() }])
        }
        LessonAction::ListAndQuit => {
            client(vec![Send { slot: 0, command: Control::Reload.into() }, Disconnect { slot: 0 }])
        }
        LessonAction::FetchByCode => client(vec![
            Fetch { slot: 0, code: None },
            WaitFetched { slot: 0 },
            Fetch { slot: 0, code: Some("NAO-EXISTE-999".into()) },
            WaitFetched { slot: 0 },
        ]),
        LessonAction::RunThreadsDemo => {
            vec![Threads(RunMode::Sequential), WaitThreads, Threads(RunMode::Concurrent), WaitThreads]
        }
        // On the sequential server, paused: window 1 waits for its answer
        // and window 2 waits behind window 1, not even served a welcome.
        LessonAction::SequentialVersusThreaded => vec![
            StopServer,
            setup(true, false, false),
            Open { slot: 0, target: Target::Local, reads: false },
            WaitConnected { slot: 0 },
            Teacher(TeacherIntent::Set(ControlSettings { paused: true, ..ControlSettings::default() })),
            Send { slot: 0, command: Control::Reload.into() },
            Pause(NOTE_AFTER),
            Note("lesson-note_sequential_held"),
            Open { slot: 1, target: Target::Local, reads: false },
            WaitTcp { slot: 1, after: None },
            NoteQueued { slot: 1 },
            Pause(SEQUENTIAL_WAIT),
            Teacher(TeacherIntent::Set(ControlSettings::default())),
            Disconnect { slot: 0 },
            WaitConnected { slot: 1 },
            NoteWaited { slot: 1 },
            StopServer,
            setup(false, false, false),
            Connect { slot: 0 },
            Connect { slot: 1 },
            WaitConnected { slot: 0 },
            WaitConnected { slot: 1 },
        ],
        LessonAction::TwoServersOneDatabase => {
            let product = sample(lang);
            let code = product.code.clone();
            let shared = Setup { sequential: false, reads: false, big: false, shared: true };
            vec![
                RequireShared,
                StopServer,
                StartServer { setup: shared, begun: false },
                StartSecond { begun: false },
                Open { slot: 0, target: Target::Local, reads: false },
                Open { slot: 1, target: Target::Second, reads: false },
                WaitConnected { slot: 0 },
                WaitConnected { slot: 1 },
                Send { slot: 0, command: Request::Add(product).into() },
                WaitProduct { slot: 1, code: code.clone() },
                NoteCrossed { slot: 1, code },
            ]
        }
        // The big list arrives in many reads; then, with "send in pieces",
        // so does a short answer.
        LessonAction::ShowReadsWithBigList => vec![
            StopServer,
            setup(false, true, true),
            Open { slot: 0, target: Target::Local, reads: true },
            WaitConnected { slot: 0 },
            WaitLoaded { slot: 0 },
            Teacher(TeacherIntent::Set(ControlSettings {
                pieces: LESSON_PIECES,
                piece_pause: LESSON_PIECE_PAUSE,
                ..ControlSettings::default()
            })),
            Note("lesson-note_pieces"),
            Fetch { slot: 0, code: None },
            WaitFetched { slot: 0 },
            Teacher(TeacherIntent::Set(ControlSettings::default())),
        ],
    }
}

/// A product with a code that is new each time (a repeated code would get 1002).
pub(super) fn sample(lang: Language) -> Product {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() % 100_000);
    Product {
        code: format!("AULA-{n:05}"),
        name: tr(lang, "lesson-sample_name"),
        price_cents: 1590,
        quantity: 3,
        version: 0,
    }
}
