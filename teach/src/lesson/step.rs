//! What a lesson step is: its id, its texts (message ids of the words
//! files) and the action the app runs for it.

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// A text of the lesson: a message id of the words files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(pub &'static str);

impl Words {
    /// The text in `language`.
    pub fn get(&self, language: Language) -> String {
        crate::i18n::tr(language, self.0)
    }

    /// The text in `language` with the server's address in it: `$addr`
    /// is its `host:port`, `$port` its port alone.
    pub fn at(&self, language: Language, address: &str) -> String {
        let port = address.rsplit_once(':').map_or(address, |(_, port)| port);
        crate::i18n::trf(language, self.0, &[("addr", &address), ("port", &port)])
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
    ManyServers,
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
    /// Two servers on the shared PostgreSQL database chosen in the server
    /// panel, a window on each, one add: the other server's window receives it.
    TwoServersOneDatabase,
}

/// One step: a title, the explanation, what to look at, and maybe an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonStep {
    pub id: StepId,
    pub title: Words,
    pub explanation: Words,
    pub look_at: Words,
    pub action: Option<LessonAction>,
}
