//! The sockets lesson, step by step, in English and Brazilian Portuguese.
//!
//! Each [`LessonStep`] explains one idea, says what to look at, and may carry
//! a [`LessonAction`] that the app runs against its real server and clients
//! (this crate never fakes the output). [`LessonPanel`] shows the steps and
//! returns the action when the student presses "Do it".

mod panel;
mod steps;

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
pub use panel::{LessonPanel, fill};

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized {
    pub en: &'static str,
    pub pt_br: &'static str,
}

impl Localized {
    pub const fn get(&self, language: Language) -> &'static str {
        match language {
            Language::En => self.en,
            Language::PtBr => self.pt_br,
        }
    }
}

/// The steps of the lesson, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepId {
    Intro,
    V1NoServer,
    V1Connect,
    V2Hello,
    V3Json,
    V4Commands,
    ThreadsIntro,
    V5Threaded,
    V5Reads,
    Exercise,
}

/// What the app does when the student presses "Do it". The app runs each
/// against its real server and clients, asks first when an action would stop
/// a server or change a catalog the lesson did not make, and reuses the
/// client windows it opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LessonAction {
    /// Stop the server if it runs, then connect a client: the error is the lesson.
    ConnectWithoutServer,
    /// Start the server, then connect a client.
    StartServerAndConnect,
    /// Connect (the server's `welcome` arrives) and send `hello`.
    SendHello,
    /// `product.add` a sample product (other clients get `product.added`).
    AddSampleProduct,
    /// `product.list`, then `quit`.
    ListAndQuit,
    /// Show and run the threads demo (`crate::threads_demo`).
    RunThreadsDemo,
    /// Two clients against a sequential server, then against a threaded one.
    SequentialVersusThreaded,
    /// Start a server with a big catalog of its own, in memory; turn on
    /// "show reads", `product.list` the whole catalog.
    ShowReadsWithBigList,
    /// `product.get` an existing code, then a missing one.
    FetchByCode,
}

/// One step: a title, the explanation, what to look at, and maybe an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonStep {
    pub id: StepId,
    pub title: Localized,
    pub explanation: Localized,
    pub look_at: Localized,
    pub action: Option<LessonAction>,
}

/// Every step, in lesson order.
pub fn steps() -> &'static [LessonStep] {
    &steps::STEPS
}

/// The step with this id.
pub fn step(id: StepId) -> &'static LessonStep {
    steps().iter().find(|s| s.id == id).expect("every StepId has a step")
}

#[cfg(test)]
mod tests;
