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

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use lojinha_server::{DbLocation, Product};
use lojinha_teach::steps::{Lane, Name, Said, What};
use lojinha_teach::threads_demo::RunMode;
use lojinha_teach::{LessonAction, lesson::StepId};

use super::{LojinhaApp, SharedWindow, lock};
use crate::client::connection::{ConnIntent, ConnState};
use crate::client::network::{Command, Control, Request};
use crate::client::{ClientWindow, Intent};
use crate::i18n::{Language, tr, trf};
use crate::options::generated_products;
use crate::phrase::Phrase;
use crate::server::{StartRequest, db_location};

/// Generated products for the "show reads" step: a `product.list` page of
/// them (1000 products, about 85 kB) is larger than one client read (64 kB).
const BIG_CATALOG: usize = 3000;
/// A task that waits longer than this gives up the whole action.
const TASK_LIMIT: Duration = Duration::from_secs(40);
/// How long the second client visibly waits on the sequential server.
const SEQUENTIAL_WAIT: Duration = Duration::from_secs(2);

/// How a server is (re)started by the lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Setup {
    sequential: bool,
    reads: bool,
    big: bool,
}

/// Where a lesson window connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// This app's running server.
    Local,
    /// An address where nothing listens.
    Nowhere,
}

/// One step of an action. `slot` names a window the action works with.
#[derive(Debug, Clone)]
enum Task {
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
}

impl Task {
    /// The message when this task waited past [`TASK_LIMIT`].
    fn timeout_key(&self) -> &'static str {
        match self {
            Task::StopServer | Task::EnsureServer { .. } | Task::StartServer { .. } => {
                "lesson-timeout_server"
            }
            Task::Open { .. }
            | Task::EnsureClient { .. }
            | Task::Connect { .. }
            | Task::WaitConnected { .. }
            | Task::WaitTcp { .. }
            | Task::NoteQueued { .. }
            | Task::NoteWaited { .. } => "lesson-timeout_connect",
            Task::Disconnect { .. } => "lesson-timeout_disconnect",
            Task::Send { .. } | Task::Fetch { .. } | Task::WaitFetched { .. } => "lesson-timeout_answer",
            Task::Threads(_) | Task::WaitThreads | Task::Pause(_) => "lesson-timeout_threads",
        }
    }
}

/// What trying a task came to.
enum Progress {
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
pub fn confirmation(ui: &mut egui::Ui, pending: &Pending, lang: Language) -> Option<super::AppIntent> {
    let mut answer = None;
    ui.group(|ui| {
        ui.colored_label(ui.visuals().warn_fg_color, tr(lang, "lesson-confirm_title"));
        for risk in &pending.risks {
            ui.label(risk.phrase(lang));
        }
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "lesson-confirm_go")).clicked() {
                answer = Some(super::AppIntent::LessonAnswer(true));
            }
            if ui.button(tr(lang, "lesson-confirm_cancel")).clicked() {
                answer = Some(super::AppIntent::LessonAnswer(false));
            }
        });
    });
    answer
}

/// A window the lesson works with; `opened` when the lesson opened it
/// (reset closes only those).
#[derive(Clone)]
struct Slot {
    window: SharedWindow,
    opened: bool,
}

/// The queue of the action under way, and what the lesson keeps between actions.
#[derive(Default)]
pub struct LessonRunner {
    tasks: VecDeque<Task>,
    /// Kept across actions, so every step reuses the same windows.
    slots: Vec<Option<Slot>>,
    /// When the task in front was first tried.
    front_since: Option<Instant>,
    pub error: Option<Phrase>,
    /// An action that waits for the teacher's yes.
    pub pending: Option<Pending>,
    /// The running server was started by the lesson.
    owns_server: bool,
    /// The lesson's server uses the database chosen in the server panel
    /// instead of its own catalog in memory.
    pub use_panel_db: bool,
}

impl LessonRunner {
    pub fn busy(&self) -> bool {
        !self.tasks.is_empty()
    }

    /// Replaces whatever was under way with `action`'s tasks.
    fn start(&mut self, action: LessonAction, lang: Language) {
        self.tasks = plan(action, lang).into();
        self.front_since = None;
        self.error = None;
        self.pending = None;
    }

    fn slot(&self, slot: usize) -> Option<SharedWindow> {
        self.slots.get(slot).cloned().flatten().map(|s| s.window).filter(|w| lock(w).open)
    }

    fn set_slot(&mut self, slot: usize, window: SharedWindow, opened: bool) {
        if self.slots.len() <= slot {
            self.slots.resize(slot + 1, None);
        }
        self.slots[slot] = Some(Slot { window, opened });
    }
}

fn plan(action: LessonAction, lang: Language) -> Vec<Task> {
    use Task::*;
    let client = |mut rest: Vec<Task>| {
        let mut tasks =
            vec![EnsureServer { begun: false }, EnsureClient { slot: 0 }, WaitConnected { slot: 0 }];
        tasks.append(&mut rest);
        tasks
    };
    let setup =
        |sequential, reads, big| StartServer { setup: Setup { sequential, reads, big }, begun: false };
    match action {
        LessonAction::ConnectWithoutServer => {
            vec![StopServer, Open { slot: 0, target: Target::Nowhere, reads: false }]
        }
        LessonAction::StartServerAndConnect => vec![
            EnsureServer { begun: false },
            Open { slot: 0, target: Target::Local, reads: false },
            WaitConnected { slot: 0 },
        ],
        LessonAction::SendHello => client(vec![Connect { slot: 0 }, WaitConnected { slot: 0 }]),
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
        LessonAction::SequentialVersusThreaded => vec![
            StopServer,
            setup(true, false, false),
            Open { slot: 0, target: Target::Local, reads: false },
            WaitConnected { slot: 0 },
            Open { slot: 1, target: Target::Local, reads: false },
            WaitTcp { slot: 1, after: None },
            NoteQueued { slot: 1 },
            Pause(SEQUENTIAL_WAIT),
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
        LessonAction::ShowReadsWithBigList => vec![
            StopServer,
            setup(false, true, true),
            Open { slot: 0, target: Target::Local, reads: true },
            WaitConnected { slot: 0 },
        ],
    }
}

/// A product with a code that is new each time (a repeated code would get 1002).
fn sample(lang: Language) -> Product {
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

impl LojinhaApp {
    /// The teacher pressed "Do it": runs the action, or first asks when it
    /// would stop a server the lesson did not start or change a catalog that
    /// is on disk or not the lesson's.
    pub(super) fn request_lesson(&mut self, action: LessonAction) {
        let risks = self.lesson_risks(action);
        if risks.is_empty() {
            self.lesson_run.start(action, self.language);
            self.run_lesson();
        } else {
            self.lesson_run.pending = Some(Pending { action, risks });
        }
    }

    /// The teacher's answer to [`Pending`].
    pub(super) fn answer_lesson(&mut self, go_ahead: bool) {
        let Some(pending) = self.lesson_run.pending.take() else { return };
        if go_ahead {
            self.lesson_run.start(pending.action, self.language);
            self.run_lesson();
        }
    }

    fn lesson_risks(&self, action: LessonAction) -> Vec<Risk> {
        let Some(handle) = self.server.handle() else { return Vec::new() };
        let mut risks = Vec::new();
        let stops = plan(action, self.language).iter().any(|task| matches!(task, Task::StopServer));
        if stops && !self.lesson_run.owns_server {
            risks.push(Risk::StopServer { addr: handle.local_addr().to_string() });
        }
        let adds = matches!(action, LessonAction::AddSampleProduct);
        let on_disk = matches!(handle.config().db, DbLocation::File(_));
        if adds && (on_disk || !self.lesson_run.owns_server) {
            risks.push(Risk::ChangeCatalog { db: handle.config().db.to_string() });
        }
        risks
    }

    /// Back to step 1: stops the action under way, closes the windows the
    /// lesson opened and stops the server it started.
    pub(super) fn reset_lesson(&mut self) {
        let run = &mut self.lesson_run;
        run.tasks.clear();
        run.front_since = None;
        run.error = None;
        run.pending = None;
        for slot in run.slots.drain(..).flatten().filter(|s| s.opened) {
            lock(&slot.window).open = false;
        }
        if std::mem::take(&mut run.owns_server) && self.server.handle().is_some() {
            self.server.stop(&self.ctx);
        }
        self.threads_open = false;
        self.settings.lesson.go_to(StepId::Intro);
    }

    /// Runs the lesson's queue as far as it can go this frame.
    pub(super) fn run_lesson(&mut self) {
        if !self.lesson_run.busy() && self.server.handle().is_none() && !self.server.busy() {
            // Stopped from the panel: whatever runs next is not the lesson's.
            self.lesson_run.owns_server = false;
        }
        while let Some(mut task) = self.lesson_run.tasks.pop_front() {
            let since = *self.lesson_run.front_since.get_or_insert_with(Instant::now);
            let progress = match self.try_task(&mut task, since) {
                Progress::Wait if since.elapsed() > TASK_LIMIT => {
                    Progress::Failed(Phrase::key(task.timeout_key()))
                }
                other => other,
            };
            match progress {
                Progress::Done => self.lesson_run.front_since = None,
                Progress::Wait => {
                    self.lesson_run.tasks.push_front(task);
                    self.ctx.request_repaint_after(Duration::from_millis(100));
                    return;
                }
                Progress::Failed(error) => {
                    self.lesson_run.error = Some(error);
                    self.lesson_run.tasks.clear();
                    self.lesson_run.front_since = None;
                    return;
                }
            }
        }
    }

    fn try_task(&mut self, task: &mut Task, since: Instant) -> Progress {
        let lang = self.language;
        match task {
            Task::StopServer => {
                if self.server.handle().is_some() {
                    self.server.stop(&self.ctx);
                }
                done_if(self.server.handle().is_none() && !self.server.busy())
            }
            Task::EnsureServer { begun } => {
                if self.server.handle().is_some() {
                    return Progress::Done;
                }
                let setup = Setup { sequential: self.settings.sequential, reads: false, big: false };
                self.start_if_stopped(begun, move |app| app.start_lesson_server(setup))
            }
            Task::StartServer { setup, begun } => {
                if *begun && self.server.handle().is_some() {
                    return Progress::Done;
                }
                let setup = *setup;
                self.start_if_stopped(begun, move |app| app.start_lesson_server(setup))
            }
            Task::Open { slot, target, reads } => self.open(*slot, *target, *reads),
            Task::EnsureClient { slot } => self.ensure_client(*slot),
            Task::Connect { slot } => self.with_window(*slot, |w, local| {
                w.addr = local.clone();
                w.apply(vec![Intent::Conn(ConnIntent::Connect(local))], lang);
                Progress::Done
            }),
            Task::Disconnect { slot } => self.with_window(*slot, |w, _| {
                w.apply(vec![Intent::Conn(ConnIntent::Disconnect)], lang);
                Progress::Done
            }),
            Task::WaitConnected { slot } => self.with_window(*slot, |w, _| match &w.conn {
                ConnState::Connected { .. } => Progress::Done,
                ConnState::Failed { message } => Progress::Failed(message.clone()),
                _ => Progress::Wait,
            }),
            Task::Send { slot, command } => {
                let command = command.clone();
                self.with_window(*slot, move |w, _| {
                    w.send(command);
                    Progress::Done
                })
            }
            Task::Fetch { slot, code } => {
                let code = code.clone();
                self.with_window(*slot, move |w, _| {
                    let code = code.or_else(|| w.catalog.shown_products().first().map(|p| p.code.clone()));
                    w.fetch.code = code.clone().unwrap_or_else(|| "CAN-001".into());
                    w.apply(vec![Intent::Fetch(w.fetch.code.clone())], lang);
                    Progress::Done
                })
            }
            Task::WaitFetched { slot } => self.with_window(*slot, |w, _| done_if(!w.fetch.busy)),
            Task::Pause(d) => done_if(since.elapsed() >= *d),
            Task::WaitTcp { slot, after } => self.with_window(*slot, |w, _| {
                let after = *after.get_or_insert(w.steps.next_seq());
                let tcp = w.steps.entries().iter().any(|s| s.seq >= after && s.name() == Name::Connected);
                done_if(tcp)
            }),
            Task::NoteQueued { slot } => {
                let n = self.lesson_run.slot(*slot).map_or(0, |w| lock(&w).number);
                self.server_note(Phrase::new(move |lang| {
                    trf(lang, "lesson-note_queued", &[("window", &window_title(n, lang))])
                }));
                Progress::Done
            }
            Task::NoteWaited { slot } => {
                let Some(window) = self.lesson_run.slot(*slot) else {
                    return Progress::Failed(Phrase::key("lesson-no_client"));
                };
                let (n, waited) = {
                    let w = lock(&window);
                    (w.number, welcome_wait(&w.steps))
                };
                self.server_note(Phrase::new(move |lang| {
                    let secs = lojinha_teach::steps::words::duration(waited, lang);
                    trf(lang, "lesson-note_waited", &[("window", &window_title(n, lang)), ("time", &secs)])
                }));
                Progress::Done
            }
            Task::Threads(mode) => {
                self.threads_open = true;
                match mode {
                    RunMode::Sequential => self.threads.start_sequential(&self.ctx),
                    RunMode::Concurrent => self.threads.start_concurrent(&self.ctx),
                }
                Progress::Done
            }
            Task::WaitThreads => {
                self.threads.poll();
                done_if(!self.threads.is_running())
            }
        }
    }

    /// Starts the server once (`start`), then waits until it runs or failed.
    fn start_if_stopped(&mut self, begun: &mut bool, start: impl FnOnce(&mut LojinhaApp)) -> Progress {
        if self.server.busy() {
            return Progress::Wait;
        }
        if !*begun {
            *begun = true;
            start(self);
            return Progress::Wait;
        }
        match (&self.server.error, self.server.handle()) {
            (_, Some(_)) => Progress::Done,
            (Some(error), None) => {
                let error = error.clone();
                Progress::Failed(Phrase::new(move |lang| {
                    trf(lang, "lesson-server_failed", &[("error", &error.say(lang))])
                }))
            }
            (None, None) => Progress::Wait,
        }
    }

    /// Starts the lesson's server: its own catalog in memory (always for the
    /// big list), or the panel's database when the teacher chose it.
    fn start_lesson_server(&mut self, setup: Setup) {
        self.settings.sequential = setup.sequential;
        let mut request = StartRequest::from_settings(&self.settings);
        request.db = if setup.big || !self.lesson_run.use_panel_db {
            DbLocation::Memory
        } else {
            db_location(&self.settings)
        };
        request.seed.extend(generated_products(self.fill));
        request.report_reads = setup.reads;
        if setup.big {
            request.extra = generated_products(BIG_CATALOG);
        }
        self.server.start(request, &self.ctx);
        self.lesson_run.owns_server = true;
    }

    /// Connects the slot's window (reused when the lesson has one open, else
    /// a new one) to `target`.
    fn open(&mut self, slot: usize, target: Target, reads: bool) -> Progress {
        let addr = match target {
            Target::Local => match self.server.connect_address() {
                Some(addr) => addr,
                None => return Progress::Failed(Phrase::key("server-not_running")),
            },
            Target::Nowhere => nowhere(&self.settings.listen),
        };
        let window = match self.lesson_run.slot(slot) {
            Some(window) => window,
            None => match self.open_client_window() {
                Ok(window) => {
                    self.lesson_run.set_slot(slot, window.clone(), true);
                    window
                }
                Err(said) => return Progress::Failed(said),
            },
        };
        let mut w = lock(&window);
        if reads != w.show_reads {
            w.apply(vec![Intent::ShowReads(reads)], self.language);
        }
        w.addr = addr.clone();
        w.apply(vec![Intent::Conn(ConnIntent::Connect(addr))], self.language);
        self.ctx.request_repaint_of(w.viewport_id());
        Progress::Done
    }

    /// Writes a note of the lesson's on the server's lifeline, where the class looks.
    fn server_note(&mut self, said: Phrase) {
        let what = What::Note { said: Said(std::sync::Arc::new(said)), problem: false };
        self.server.steps.push(Instant::now(), std::time::SystemTime::now(), Lane::Server, what);
    }

    /// A window of the slot connected to this app's server: the lesson's own
    /// (reconnected when it is not), one already connected, or a new one.
    fn ensure_client(&mut self, slot: usize) -> Progress {
        let Some(local) = self.server.connect_address() else {
            return Progress::Failed(Phrase::key("server-not_running"));
        };
        let on_local = |w: &SharedWindow| {
            let w = lock(w);
            w.open && matches!(&w.conn, ConnState::Connected { peer, .. } if *peer == local)
        };
        match self.lesson_run.slot(slot) {
            Some(window) if on_local(&window) => Progress::Done,
            Some(_) => self.open(slot, Target::Local, false),
            None => match self.windows.iter().find(|w| on_local(w)).cloned() {
                Some(window) => {
                    self.lesson_run.set_slot(slot, window, false);
                    Progress::Done
                }
                None => self.open(slot, Target::Local, false),
            },
        }
    }

    /// Runs `f` on the slot's window with this app's server address (empty when stopped).
    fn with_window(
        &mut self,
        slot: usize,
        f: impl FnOnce(&mut ClientWindow, String) -> Progress,
    ) -> Progress {
        let Some(window) = self.lesson_run.slot(slot) else {
            return Progress::Failed(Phrase::key("lesson-no_client"));
        };
        let local = self.server.connect_address().unwrap_or_default();
        let mut w = lock(&window);
        let progress = f(&mut w, local);
        self.ctx.request_repaint_of(w.viewport_id());
        progress
    }
}

fn done_if(done: bool) -> Progress {
    if done { Progress::Done } else { Progress::Wait }
}

/// The server's usual address once it has stopped; when that is port 0 (any
/// free port), a port that was free a moment ago. Either way nothing listens.
fn nowhere(listen: &str) -> String {
    let port = listen.rsplit_once(':').and_then(|(_, p)| p.parse::<u16>().ok()).unwrap_or(0);
    if port != 0 {
        return format!("127.0.0.1:{port}");
    }
    let free = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr());
    free.map_or_else(|_| "127.0.0.1:1".to_owned(), |a| a.to_string())
}

/// "Client window 2", in the language of the moment.
fn window_title(n: u32, lang: Language) -> String {
    trf(lang, "client-window_title", &[("n", &n.to_string())])
}

/// How long a window's newest connection waited between its TCP connection
/// and the server's welcome.
fn welcome_wait(steps: &lojinha_teach::Steps) -> Duration {
    let entries = steps.entries();
    let Some(tcp) = entries.iter().rposition(|s| s.name() == Name::Connected) else {
        return Duration::ZERO;
    };
    let welcome = entries.iter().skip(tcp).find(|s| s.name() == Name::Welcome);
    welcome.map_or(Duration::ZERO, |w| w.at.saturating_sub(entries[tcp].at))
}
