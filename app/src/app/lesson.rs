//! Carries out the lesson's actions against the app's real server and client
//! windows: each [`LessonAction`] becomes a short queue of [`Task`]s, run one
//! after another across frames (a task that must wait, for a server to start
//! or a window to connect, just says so and is tried again next frame).
//! Nothing is canned: whatever the log and the diagram show really happened.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use lojinha_server::Product;
use lojinha_teach::LessonAction;
use lojinha_teach::threads_demo::RunMode;

use super::{LojinhaApp, SharedWindow, lock};
use crate::client::connection::{ConnIntent, ConnState};
use crate::client::network::{Command, Control, Request};
use crate::client::{ClientWindow, Intent};
use crate::i18n::{Language, tr, trf};
use crate::options::generated_products;
use crate::phrase::Phrase;
use crate::server::StartRequest;

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
            | Task::WaitConnected { .. } => "lesson-timeout_connect",
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

/// The queue of the action under way.
#[derive(Default)]
pub struct LessonRunner {
    tasks: VecDeque<Task>,
    slots: Vec<Option<SharedWindow>>,
    /// When the task in front was first tried.
    front_since: Option<Instant>,
    pub error: Option<Phrase>,
}

impl LessonRunner {
    pub fn busy(&self) -> bool {
        !self.tasks.is_empty()
    }

    /// Replaces whatever was under way with `action`'s tasks (a sample
    /// product is named in `lang`).
    pub fn start(&mut self, action: LessonAction, sequential_now: bool, lang: Language) {
        self.tasks = plan(action, sequential_now, lang).into();
        self.slots.clear();
        self.front_since = None;
        self.error = None;
    }

    fn slot(&self, slot: usize) -> Option<SharedWindow> {
        self.slots.get(slot).cloned().flatten().filter(|w| lock(w).open)
    }

    fn set_slot(&mut self, slot: usize, window: SharedWindow) {
        if self.slots.len() <= slot {
            self.slots.resize(slot + 1, None);
        }
        self.slots[slot] = Some(window);
    }
}

fn plan(action: LessonAction, sequential: bool, lang: Language) -> Vec<Task> {
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
            Pause(SEQUENTIAL_WAIT),
            Disconnect { slot: 0 },
            WaitConnected { slot: 1 },
            StopServer,
            setup(false, false, false),
            Connect { slot: 0 },
            Connect { slot: 1 },
            WaitConnected { slot: 0 },
            WaitConnected { slot: 1 },
        ],
        LessonAction::ShowReadsWithBigList => vec![
            StopServer,
            setup(sequential, true, true),
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
    /// Runs the lesson's queue as far as it can go this frame.
    pub(super) fn run_lesson(&mut self) {
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
                self.start_if_stopped(begun, |app| app.start_server())
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

    fn start_lesson_server(&mut self, setup: Setup) {
        self.settings.sequential = setup.sequential;
        let mut request = StartRequest::from_settings(&self.settings);
        request.seed.extend(generated_products(self.fill));
        request.report_reads = setup.reads;
        if setup.big {
            request.extra = generated_products(BIG_CATALOG);
        }
        self.server.start(request, &self.ctx);
    }

    fn open(&mut self, slot: usize, target: Target, reads: bool) -> Progress {
        let addr = match target {
            Target::Local => match self.server.connect_address() {
                Some(addr) => addr,
                None => return Progress::Failed(Phrase::key("server-not_running")),
            },
            Target::Nowhere => nowhere(&self.settings.listen),
        };
        let window = match self.open_client_window() {
            Ok(window) => window,
            Err(said) => return Progress::Failed(said),
        };
        {
            let mut w = lock(&window);
            if reads {
                w.apply(vec![Intent::ShowReads(true)], self.language);
            }
            w.addr = addr.clone();
            w.apply(vec![Intent::Conn(ConnIntent::Connect(addr))], self.language);
        }
        self.lesson_run.set_slot(slot, window);
        Progress::Done
    }

    fn ensure_client(&mut self, slot: usize) -> Progress {
        let Some(local) = self.server.connect_address() else {
            return Progress::Failed(Phrase::key("server-not_running"));
        };
        let on_local = |w: &SharedWindow| {
            let w = lock(w);
            w.open && matches!(&w.conn, ConnState::Connected { peer, .. } if *peer == local)
        };
        if self.lesson_run.slot(slot).is_some_and(|w| on_local(&w)) {
            return Progress::Done;
        }
        match self.windows.iter().find(|w| on_local(w)).cloned() {
            Some(window) => {
                self.lesson_run.set_slot(slot, window);
                Progress::Done
            }
            None => self.open(slot, Target::Local, false),
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
