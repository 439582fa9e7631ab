//! Runs the lesson's tasks against the app's real server and client windows,
//! one after another across frames (a task that must wait, for a server to
//! start or a window to connect, just says so and is tried again next frame).

use std::time::{Duration, Instant};

use lojinha_server::DbLocation;
use lojinha_teach::steps::{Lane, Name, Said, What};
use lojinha_teach::threads_demo::RunMode;
use lojinha_teach::{LessonAction, lesson::StepId};

use crate::app::LojinhaApp;
use crate::client::connection::{ConnIntent, ConnState};
use crate::client::window_title;
use crate::client::{ClientWindow, Intent};
use crate::client::{SharedWindow, lock};
use crate::i18n::trf;
use crate::options::generated_products;
use crate::phrase::Phrase;
use crate::server::teacher::TeacherIntent;
use crate::server::{StartRequest, db_location};

use super::tasks::*;

impl LojinhaApp {
    /// The teacher pressed "Do it": runs the action, or first asks when it
    /// would stop a server the lesson did not start or change a catalog that
    /// is on disk or not the lesson's.
    pub(in crate::app) fn request_lesson(&mut self, action: LessonAction) {
        let risks = self.lesson_risks(action);
        if risks.is_empty() {
            self.lesson_run.start(action, self.language);
            self.run_lesson();
        } else {
            self.lesson_run.pending = Some(Pending { action, risks });
        }
    }

    /// The teacher's answer to [`Pending`].
    pub(in crate::app) fn answer_lesson(&mut self, go_ahead: bool) {
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
        let adds = matches!(action, LessonAction::AddSampleProduct | LessonAction::TwoServersOneDatabase);
        let on_disk = matches!(handle.config().db, DbLocation::File(_));
        if adds && (on_disk || !self.lesson_run.owns_server) {
            risks.push(Risk::ChangeCatalog { db: handle.config().db.to_string() });
        }
        risks
    }

    /// Back to step 1: stops the action under way, closes the windows the
    /// lesson opened and stops the server it started.
    pub(in crate::app) fn reset_lesson(&mut self) {
        self.restore_controls();
        let run = &mut self.lesson_run;
        run.tasks.clear();
        run.front_since = None;
        run.error = None;
        run.pending = None;
        for slot in run.slots.drain(..).flatten().filter(|s| s.opened) {
            lock(&slot.window).open = false;
        }
        run.second.stop();
        if std::mem::take(&mut run.owns_server) && self.server.handle().is_some() {
            self.server.stop(&self.ctx);
        }
        self.threads_open = false;
        self.settings.lesson.go_to(StepId::Intro);
    }

    /// Runs the lesson's queue as far as it can go this frame.
    pub(in crate::app) fn run_lesson(&mut self) {
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
                    self.restore_controls();
                    return;
                }
            }
        }
        self.restore_controls();
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
                let setup =
                    Setup { sequential: self.settings.sequential, reads: false, big: false, shared: false };
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
            Task::WaitDisconnected { slot, after } => self.with_window(*slot, |w, _| {
                let after = *after.get_or_insert(w.steps.next_seq());
                let closed = w.steps.entries().iter().any(|s| s.seq >= after && s.name() == Name::Closed);
                done_if(closed)
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
            Task::Teacher(intent) => {
                let Some(handle) = self.server.handle() else {
                    return Progress::Failed(Phrase::key("server-not_running"));
                };
                if matches!(intent, TeacherIntent::Set(_)) && self.lesson_run.controls_before.is_none() {
                    self.lesson_run.controls_before = Some(handle.controls().settings());
                }
                self.server.teach(*intent);
                Progress::Done
            }
            Task::Note(id) => {
                let id: &'static str = id;
                self.server_note(Phrase::key(id));
                Progress::Done
            }
            Task::WaitLoaded { slot } => {
                self.with_window(*slot, |w, _| done_if(!w.catalog.is_empty() && w.progress.is_none()))
            }
            Task::RequireShared => match db_location(&self.settings) {
                DbLocation::Postgres(conninfo) if !conninfo.is_empty() => Progress::Done,
                _ => Progress::Failed(Phrase::key("lesson-many_servers-needs_postgres")),
            },
            Task::StartSecond { begun } => self.start_second(begun),
            Task::WaitProduct { slot, code } => {
                let code = code.clone();
                self.with_window(*slot, move |w, _| done_if(w.catalog.get(&code).is_some()))
            }
            Task::NoteCrossed { slot, code } => {
                let n = self.lesson_run.slot(*slot).map_or(0, |w| lock(&w).number);
                let addr = match &self.lesson_run.second {
                    SecondServer::Running(handle) => handle.local_addr().to_string(),
                    _ => String::new(),
                };
                let code = code.clone();
                self.server_note(Phrase::new(move |lang| {
                    let window = window_title(n, lang);
                    trf(lang, "lesson-note_crossed", &[("code", &code), ("window", &window), ("addr", &addr)])
                }));
                Progress::Done
            }
        }
    }

    /// Starts the lesson's second server on the panel's shared database,
    /// on a thread (connecting to the database may take seconds), and waits
    /// until it runs.
    fn start_second(&mut self, begun: &mut bool) -> Progress {
        if !*begun {
            *begun = true;
            self.lesson_run.second.stop();
            let (tx, rx) = crossbeam_channel::bounded(1);
            let config = lojinha_server::ServerConfig {
                listen: "127.0.0.1:0".into(),
                db: db_location(&self.settings),
                max_products: crate::server::IN_APP_MAX_PRODUCTS,
                ..Default::default()
            };
            let ctx = self.ctx.clone();
            let spawned = std::thread::Builder::new().name("lesson-server-start".into()).spawn(move || {
                let started = lojinha_server::start(config)
                    .map_err(|e| Phrase::of(e, crate::server::start_error::describe_start_error));
                let _ = tx.send(started);
                ctx.request_repaint();
            });
            if let Err(e) = spawned {
                return Progress::Failed(Phrase::of(e, crate::describe_file::describe_io));
            }
            self.lesson_run.second = SecondServer::Starting(rx);
            return Progress::Wait;
        }
        let SecondServer::Starting(rx) = &self.lesson_run.second else {
            return done_if(matches!(self.lesson_run.second, SecondServer::Running(_)));
        };
        match rx.try_recv() {
            Ok(Ok(handle)) => {
                self.lesson_run.second = SecondServer::Running(Box::new(handle));
                Progress::Done
            }
            Ok(Err(why)) => {
                self.lesson_run.second = SecondServer::None;
                Progress::Failed(Phrase::new(move |lang| {
                    trf(lang, "lesson-server_failed", &[("error", &why.say(lang))])
                }))
            }
            Err(_) => Progress::Wait,
        }
    }

    /// Puts the teacher's controls back as they were before the lesson changed them.
    fn restore_controls(&mut self) {
        if let Some(before) = self.lesson_run.controls_before.take() {
            self.server.teach(TeacherIntent::Set(before));
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
        request.db = if setup.shared {
            db_location(&self.settings)
        } else if setup.big || !self.lesson_run.use_panel_db {
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
            Target::Second => match &self.lesson_run.second {
                SecondServer::Running(handle) => handle.local_addr().to_string(),
                _ => return Progress::Failed(Phrase::key("server-not_running")),
            },
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
