//! The sockets lesson, step by step, in every language of the words files.
//!
//! Each [`LessonStep`] explains one idea, says what to look at, and may carry
//! a [`LessonAction`] that the app runs against its real server and clients
//! (this crate never fakes the output). [`LessonPanel`] shows the steps and
//! returns the action when the student presses "Do it".

pub mod code;
mod panel;
mod step;
mod steps;

pub use panel::LessonPanel;
pub use step::{LessonAction, LessonStep, StepId, Words};
pub use steps::{step, steps};

#[cfg(test)]
mod tests;
