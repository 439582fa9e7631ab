//! One run of the demo's four tasks: when each started and finished, and in
//! which order they finished.

use std::time::{Duration, Instant};

/// The lesson's task lengths in seconds: T1 to T4.
pub const TASK_SECONDS: [f64; 4] = [3.0, 2.0, 1.0, 0.5];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    /// One thread runs the four tasks one after another.
    Sequential,
    /// Four threads, one per task, all started at once.
    Concurrent,
}

/// When one task started and finished, measured from the start of its run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TaskTiming {
    pub started: Option<Duration>,
    pub finished: Option<Duration>,
}

/// One run of the four tasks.
#[derive(Debug, Clone)]
pub struct Run {
    pub mode: RunMode,
    pub begun: Instant,
    pub tasks: [TaskTiming; 4],
    /// Task indexes (0 = T1) in the order they finished.
    pub finish_order: Vec<usize>,
}

impl Run {
    pub(super) fn new(mode: RunMode) -> Run {
        Run { mode, begun: Instant::now(), tasks: Default::default(), finish_order: Vec::new() }
    }

    pub fn is_finished(&self) -> bool {
        self.finish_order.len() == self.tasks.len()
    }

    /// From the start of the run to the last task's end, once all ended.
    pub fn total(&self) -> Option<Duration> {
        self.tasks.iter().map(|t| t.finished).collect::<Option<Vec<_>>>()?.into_iter().max()
    }

    pub(super) fn apply(&mut self, event: TaskEvent) {
        match event {
            TaskEvent::Started(task, at) => self.tasks[task].started = Some(at - self.begun),
            TaskEvent::Finished(task, at) => {
                self.tasks[task].finished = Some(at - self.begun);
                self.finish_order.push(task);
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum TaskEvent {
    Started(usize, Instant),
    Finished(usize, Instant),
}
