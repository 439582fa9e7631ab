//! The "Check a server" window: the same ordered checks as `lojinha-check`,
//! run on a thread of their own against any address, each result shown with
//! its hint and its exchange drawn in the sequence diagram.
//!
//! The state lives here; [`view`] draws it and returns intents; the worker
//! thread sends each check's report as soon as it is known and wakes the UI.

mod exchange;
pub mod view;

use std::time::Duration;

use crossbeam_channel::{Receiver, unbounded};
use lojinha_check::{Check, CheckReport, Settings, Status};
use lojinha_teach::Steps;
use lojinha_teach::diagram::Diagram;

use crate::i18n::Language;

/// What the worker thread says.
enum CheckEvent {
    Check(Box<CheckReport>),
    Done,
}

/// What the window's UI asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckIntent {
    /// Run every check against the address typed.
    Run,
    /// Show this result's details and exchange.
    Select(usize),
}

/// The window's state.
pub struct CheckWindow {
    pub open: bool,
    pub address: String,
    /// How long each check waits for an answer.
    pub timeout: Duration,
    results: Vec<CheckReport>,
    running: Option<Receiver<CheckEvent>>,
    /// The address of the run the results belong to.
    checked: Option<String>,
    selected: Option<usize>,
    /// The selected result's exchange, as a record the diagram draws.
    steps: Option<Steps>,
    diagram: Diagram,
}

impl Default for CheckWindow {
    fn default() -> CheckWindow {
        CheckWindow {
            open: false,
            address: String::new(),
            timeout: Duration::from_secs(2),
            results: Vec::new(),
            running: None,
            checked: None,
            selected: None,
            steps: None,
            diagram: Diagram::server(),
        }
    }
}

impl CheckWindow {
    /// Starts a run on its own thread; each report wakes the UI through `ctx`.
    pub fn start(&mut self, ctx: &egui::Context, language: Language) {
        let (tx, rx) = unbounded();
        let settings = Settings { address: self.address.trim().to_owned(), timeout: self.timeout };
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("lojinha-check".into()).spawn(move || {
            lojinha_check::run(&settings, &Check::ALL, language, |report| {
                tx.send(CheckEvent::Check(Box::new(report.clone()))).ok();
                ctx.request_repaint();
            });
            tx.send(CheckEvent::Done).ok();
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.results.clear();
            self.select(None);
            self.checked = Some(self.address.trim().to_owned());
            self.running = Some(rx);
        }
    }

    /// Takes what the worker sent; the first failure is selected when it arrives.
    pub fn drain(&mut self) {
        let Some(rx) = &self.running else { return };
        let events: Vec<CheckEvent> = rx.try_iter().collect();
        for event in events {
            match event {
                CheckEvent::Check(report) => self.arrived(*report),
                CheckEvent::Done => self.running = None,
            }
        }
    }

    fn arrived(&mut self, report: CheckReport) {
        let failed = report.status == Status::Failed;
        self.results.push(report);
        if failed && self.selected.is_none() {
            self.select(Some(self.results.len() - 1));
        }
    }

    pub fn apply(&mut self, intents: Vec<CheckIntent>, ctx: &egui::Context, language: Language) {
        for intent in intents {
            match intent {
                CheckIntent::Run if !self.running() && !self.address.trim().is_empty() => {
                    self.start(ctx, language);
                }
                CheckIntent::Run => {}
                CheckIntent::Select(index) => self.select(Some(index)),
            }
        }
    }

    fn select(&mut self, index: Option<usize>) {
        self.selected = index.filter(|i| *i < self.results.len());
        self.steps = self.selected.map(|i| exchange::steps_of(&self.results[i], self.timeout));
        self.diagram = Diagram::server();
    }

    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// The results so far, in order (tests look inside).
    pub fn results(&self) -> &[CheckReport] {
        &self.results
    }

    /// The selected result's exchange as drawn (tests look inside).
    pub fn selected_steps(&self) -> Option<&Steps> {
        self.steps.as_ref()
    }
}
