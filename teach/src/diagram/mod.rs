//! A live sequence diagram of the protocol, drawn from a [`Steps`] record:
//! lifelines for the client(s) and the server, one arrow per line in time
//! order, responses paired with their requests and labelled with the
//! round-trip time.
//!
//! The diagram holds no copy of the steps: only what it shows (which steps,
//! which lanes) and the view's state (selection, hover). Labels are made for
//! the rows in view when they are drawn, in the language asked for, so a
//! frame costs the rows in view and a language switch relabels everything.
//!
//! In the server panel each session has a lifeline. Closed sessions fold
//! away, except the few most recently closed ([`RECENT_CLOSED`]); a toggle
//! shows them all. The time column and the server's lifeline stay in view
//! while session lifelines scroll sideways.

mod legend;
mod paint;
pub mod png;
mod svg;
mod view;

use std::hash::{Hash, Hasher};

use crate::i18n::{Language, tr, trf};
use crate::steps::{Lane, Step, Steps, Visible};
pub use legend::legend;

/// Closed sessions whose lanes stay drawn (the newest ones), so the class
/// still sees a `quit` and its close; older ones fold away.
pub const RECENT_CLOSED: usize = 3;

/// What the user asked for in the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagramAction {
    /// Clicked the step with this `seq`: select it in the log.
    Select(u64),
}

/// Whose conversation the diagram shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Perspective {
    /// One client window: lifelines "Client" and "Server".
    #[default]
    Client,
    /// The server panel: one lifeline per session, then "Server".
    Server,
}

/// The diagram's view state.
#[derive(Debug, Default)]
pub struct Diagram {
    perspective: Perspective,
    /// The steps drawn, as rows.
    rows: Visible,
    /// The session lanes drawn, left to right.
    lanes: Vec<u64>,
    /// Sessions whose lanes are folded away.
    folded: usize,
    /// Draw the lanes of every closed session too.
    pub show_closed: bool,
    selected: Option<u64>,
    scroll_to: Option<u64>,
    /// The tooltip of the last hovered row, so hovering does not re-parse each frame.
    tooltip_cache: Option<(u64, Language, String)>,
}

impl Diagram {
    /// A diagram for one client window.
    pub fn client() -> Diagram {
        Diagram::default()
    }

    /// A diagram for the server panel, one lifeline per session.
    pub fn server() -> Diagram {
        Diagram { perspective: Perspective::Server, ..Diagram::default() }
    }

    /// A fresh diagram that shows what this one shows (the same lifelines,
    /// closed sessions folded the same way), for drawing a picture elsewhere.
    pub fn same_view(&self) -> Diagram {
        Diagram { perspective: self.perspective, show_closed: self.show_closed, ..Diagram::default() }
    }

    /// Whether this is the server panel's diagram (one lifeline per session).
    pub fn is_server(&self) -> bool {
        self.perspective == Perspective::Server
    }

    /// Highlights the step with this `seq` (`None` clears) and scrolls it
    /// into view on the next frame.
    pub fn set_selected(&mut self, seq: impl Into<Option<u64>>) {
        self.selected = seq.into();
        self.scroll_to = self.selected;
    }

    pub fn selected(&self) -> Option<u64> {
        self.selected
    }

    /// Rows drawn when last shown.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The session lanes drawn when last shown, left to right.
    pub fn lanes(&self) -> &[u64] {
        &self.lanes
    }

    /// Sessions folded away when last shown.
    pub fn folded(&self) -> usize {
        self.folded
    }

    /// Brings the lanes and rows up to date with the record.
    fn refresh(&mut self, steps: &Steps) {
        if self.perspective == Perspective::Client {
            self.rows.refresh(steps, 0, |_| true);
            return;
        }
        self.lanes = shown_lanes(steps, self.show_closed);
        self.folded = steps.lanes().len() - self.lanes.len();
        let mut key = std::collections::hash_map::DefaultHasher::new();
        self.lanes.hash(&mut key);
        let lanes = &self.lanes;
        self.rows.refresh(steps, key.finish(), |step| match step.lane {
            Lane::Session(session) => lanes.binary_search(&session).is_ok(),
            Lane::Client | Lane::Server => true,
        });
    }

    /// The lifeline's name: "Client", "Session 3" or "Session 3: Window 2".
    fn lane_name(&self, steps: &Steps, lane: u64, language: Language) -> String {
        let lane_text = lane.to_string();
        match (self.perspective, steps.lanes().get(lane).and_then(|info| info.client.as_ref())) {
            (Perspective::Client, _) => tr(language, "diagram-client"),
            (Perspective::Server, None) => trf(language, "diagram-session", &[("lane", &lane_text)]),
            (Perspective::Server, Some(client)) => {
                trf(language, "diagram-session_named", &[("lane", &lane_text), ("client", client)])
            }
        }
    }

    /// The column of a step's lane, counting session lanes from 0; the
    /// server's is `lanes.len()`.
    fn column_of(&self, step: &Step) -> usize {
        match step.lane {
            Lane::Client => 0,
            Lane::Server => self.columns() - 1,
            Lane::Session(session) => self.lanes.binary_search(&session).unwrap_or(0),
        }
    }

    /// Lifelines drawn: the client lanes and the server.
    fn columns(&self) -> usize {
        match self.perspective {
            Perspective::Client => 2,
            Perspective::Server => self.lanes.len() + 1,
        }
    }
}

/// The sessions to draw: every open one, the [`RECENT_CLOSED`] newest
/// closed ones, or all with `show_closed`; in session order.
fn shown_lanes(steps: &Steps, show_closed: bool) -> Vec<u64> {
    let mut closed: Vec<(u64, u64)> = steps
        .lanes()
        .iter()
        .filter(|(_, info)| !info.open)
        .map(|(session, info)| (info.closed_at.unwrap_or(0), session))
        .collect();
    closed.sort_unstable_by(|a, b| b.cmp(a));
    let recent: std::collections::HashSet<u64> =
        closed.iter().take(if show_closed { usize::MAX } else { RECENT_CLOSED }).map(|&(_, s)| s).collect();
    steps
        .lanes()
        .iter()
        .filter(|(session, info)| info.open || recent.contains(session))
        .map(|(session, _)| session)
        .collect()
}

#[cfg(test)]
mod ui_tests;
