//! The lesson's "threads, a quick introduction": four tasks of 3, 2, 1 and
//! 0.5 seconds, first one after another on one thread, then each on its own
//! named thread, drawn as a live timeline.
//!
//! The tasks really sleep on real threads and report when they start and
//! finish over a channel; the UI drains it each frame and is woken by
//! `request_repaint` on every event (plus `request_repaint_after` while bars
//! grow). A time scale shortens the run for tests.

mod run;
mod timeline;

use run::TaskEvent;
pub use run::{Run, RunMode, TASK_SECONDS, TaskTiming};

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use egui::{Context, Ui};

use crate::i18n::{Language, tr, trf};

/// How often the bars grow while a run is going on.
const FRAME_WHILE_RUNNING: Duration = Duration::from_millis(33);

/// The demo's state: the last run of each mode and the channel of the one going on.
#[derive(Debug)]
pub struct ThreadsDemo {
    time_scale: f64,
    sequential: Option<Run>,
    concurrent: Option<Run>,
    running: Option<(RunMode, Receiver<TaskEvent>)>,
    /// Why a thread could not start (the system's words).
    error: Option<String>,
}

impl Default for ThreadsDemo {
    fn default() -> Self {
        ThreadsDemo::new()
    }
}

impl ThreadsDemo {
    pub fn new() -> ThreadsDemo {
        ThreadsDemo { time_scale: 1.0, sequential: None, concurrent: None, running: None, error: None }
    }

    /// Multiplies every task's length (0.01 turns 3 s into 30 ms, for tests).
    pub fn with_time_scale(mut self, scale: f64) -> ThreadsDemo {
        self.time_scale = scale.max(0.0);
        self
    }

    /// Runs the four tasks one after another on one thread. Ignored while a run goes on.
    pub fn start_sequential(&mut self, ctx: &Context) {
        self.start(RunMode::Sequential, ctx);
    }

    /// Runs each task on its own thread. Ignored while a run goes on.
    pub fn start_concurrent(&mut self, ctx: &Context) {
        self.start(RunMode::Concurrent, ctx);
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The last run in this mode, finished or not.
    pub fn run(&self, mode: RunMode) -> Option<&Run> {
        match mode {
            RunMode::Sequential => self.sequential.as_ref(),
            RunMode::Concurrent => self.concurrent.as_ref(),
        }
    }

    /// Takes in what the task threads reported (`show` does this itself).
    pub fn poll(&mut self) {
        let Some((mode, events)) = &self.running else { return };
        let mode = *mode;
        let received: Vec<TaskEvent> = events.try_iter().collect();
        let Some(run) = self.run_mut(mode) else { return };
        for event in received {
            run.apply(event);
        }
        if run.is_finished() {
            self.running = None;
        }
    }

    /// The buttons and both timelines, in `language`.
    pub fn show(&mut self, ui: &mut Ui, language: Language) {
        self.poll();
        ui.horizontal(|ui| {
            let idle = !self.is_running();
            if ui.add_enabled(idle, egui::Button::new(tr(language, "threads-run_sequential"))).clicked() {
                self.start_sequential(ui.ctx());
            }
            if ui.add_enabled(idle, egui::Button::new(tr(language, "threads-run_concurrent"))).clicked() {
                self.start_concurrent(ui.ctx());
            }
        });
        if let Some(error) = &self.error {
            let said = trf(language, "threads-no_thread", &[("error", error)]);
            ui.colored_label(ui.visuals().error_fg_color, said);
        }
        let scale = self.time_scale;
        for mode in [RunMode::Sequential, RunMode::Concurrent] {
            ui.add_space(6.0);
            timeline::show(ui, mode, self.run(mode), scale, language);
        }
        if self.is_running() {
            ui.ctx().request_repaint_after(FRAME_WHILE_RUNNING);
        }
    }

    fn run_mut(&mut self, mode: RunMode) -> Option<&mut Run> {
        match mode {
            RunMode::Sequential => self.sequential.as_mut(),
            RunMode::Concurrent => self.concurrent.as_mut(),
        }
    }

    fn start(&mut self, mode: RunMode, ctx: &Context) {
        if self.is_running() {
            return;
        }
        let (tx, rx) = channel();
        let run = Run::new(mode);
        let lengths = TASK_SECONDS.map(|s| Duration::from_secs_f64(s * self.time_scale));
        let spawned = match mode {
            RunMode::Sequential => spawn("tasks-in-sequence", (0..4).collect(), lengths, &tx, ctx),
            RunMode::Concurrent => (0..4)
                .try_for_each(|task| spawn(&format!("task-{}", task + 1), vec![task], lengths, &tx, ctx)),
        };
        *match mode {
            RunMode::Sequential => &mut self.sequential,
            RunMode::Concurrent => &mut self.concurrent,
        } = Some(run);
        match spawned {
            Ok(()) => self.running = Some((mode, rx)),
            Err(e) => self.error = Some(e.to_string()),
        }
    }
}

/// A named thread that runs `tasks` in order, reporting each start and end.
fn spawn(
    name: &str,
    tasks: Vec<usize>,
    lengths: [Duration; 4],
    tx: &Sender<TaskEvent>,
    ctx: &Context,
) -> std::io::Result<()> {
    let (tx, ctx) = (tx.clone(), ctx.clone());
    let report = move |event| {
        // The demo may have been dropped: then nobody listens, and that is fine.
        let _ = tx.send(event);
        ctx.request_repaint();
    };
    thread::Builder::new().name(name.to_owned()).spawn(move || {
        for task in tasks {
            report(TaskEvent::Started(task, Instant::now()));
            thread::sleep(lengths[task]);
            report(TaskEvent::Finished(task, Instant::now()));
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests;
