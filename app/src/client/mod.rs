//! A client window: its own connection (on its own network thread), its
//! copy of the catalog, the form, fetch and export boxes, and its log.
//!
//! The window's state lives in an `Arc<Mutex<..>>` because the window is a
//! deferred egui viewport whose drawing callback must be `Send + Sync`. Each
//! frame of that viewport drains the network thread's events, draws (the UI
//! functions return intents), then applies the intents.
//!
//! A frame takes at most [`EVENTS_PER_FRAME`] events, for at most
//! [`FRAME_BUDGET`], and asks for another frame when more wait: a server
//! flooding the window cannot make typing lag.

pub mod catalog;
pub mod connection;
pub mod console;
pub mod describe;
pub mod export_box;
pub mod fetch;
pub mod form;
pub mod import_box;
pub mod network;
pub mod table;
pub mod window;

use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::{Receiver, Sender, TrySendError};
use lojinha_server::client::DropCount;
use lojinha_server::{Notification, Product};
use lojinha_teach::closing::ConnectFailure;
use lojinha_teach::steps::{Lane, Said, What};
use lojinha_teach::{Diagram, Steps};

use crate::i18n::Language;

use self::catalog::Catalog;
use self::connection::{ConnIntent, ConnState};
use self::console::ConsoleState;
use self::export_box::{ExportIntent, ExportState};
use self::fetch::{FetchResult, FetchState};
use self::form::{FormIntent, FormState};
use self::import_box::{ImportIntent, ImportState};
use self::network::{Command, Control, NetEvent, Outcome, Request};
use self::table::TableIntent;
use crate::export;
use crate::log::LogView;
use crate::phrase::Phrase;
use crate::waker::Waker;

/// Most network events one frame applies. A notification costs a
/// microsecond or two (the table is sorted once per frame, not per change),
/// so a slow frame (a software renderer draws a few a second) still keeps
/// up with thousands of changes a second; the time budget bounds the rest.
pub const EVENTS_PER_FRAME: usize = 5_000;
/// Most time one frame spends applying network events.
pub const FRAME_BUDGET: Duration = Duration::from_millis(8);

/// Every intent a client window's UI can return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    Conn(ConnIntent),
    Table(TableIntent),
    Form(FormIntent),
    ConfirmDelete(String),
    CancelDelete,
    Fetch(String),
    Export(ExportIntent),
    ClearLog,
    /// Send this text as-is (the raw console), maybe in pieces or without its newline.
    Raw(network::RawSend),
    Import(ImportIntent),
    /// Turn "show reads" on or off (applies from the next connection).
    ShowReads(bool),
}

/// A client window as the app and the lesson hold it: its state is drawn
/// from its own viewport's callback, which must be `Send + Sync`.
pub type SharedWindow = std::sync::Arc<std::sync::Mutex<ClientWindow>>;

/// The window's state, also after a panic elsewhere left its lock poisoned.
pub fn lock(window: &SharedWindow) -> std::sync::MutexGuard<'_, ClientWindow> {
    window.lock().unwrap_or_else(|e| e.into_inner())
}

/// "Client window 2", in `lang`: window `n`'s title.
pub fn window_title(n: u32, lang: Language) -> String {
    crate::i18n::trf(lang, "client-window_title", &[("n", &n.to_string())])
}

/// Settings a window changed, for the app to persist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SettingsChanges {
    pub connect_addr: Option<String>,
    pub export_path: Option<String>,
    pub auto_reconnect: Option<bool>,
}

pub struct ClientWindow {
    /// The window's number (1, 2, …), in its title.
    pub number: u32,
    /// The name given in `hello`.
    pub name: String,
    /// The access token given in `hello` (empty: none). Never saved to disk.
    pub token: String,
    pub addr: String,
    /// This app's server address, when it runs (set by the app each frame).
    pub local_server: Option<String>,
    pub auto_reconnect: bool,
    pub open: bool,
    commands: Sender<Command>,
    events: Receiver<NetEvent>,
    /// Events the window never got or did not draw (log steps, notifications, diagram).
    not_shown: DropCount,
    waker: Waker,
    pub conn: ConnState,
    /// The address of the last connection asked for (for "Reconnect").
    last_addr: Option<String>,
    pub catalog: Catalog,
    pub filter: String,
    pub selected: Option<String>,
    pub progress: table::Progress,
    pub form: FormState,
    pub fetch: FetchState,
    pub confirm_delete: Option<String>,
    /// Every protocol step the window saw: its log and its diagram draw it.
    pub steps: Steps,
    pub log_view: LogView,
    pub export: ExportState,
    pub changes: SettingsChanges,
    /// The sequence diagram's view of `steps`.
    pub diagram: Diagram,
    pub console: ConsoleState,
    pub import: ImportState,
    /// Report every `read()` in the log ("show reads").
    pub show_reads: bool,
}

impl ClientWindow {
    /// "Client window 2", in `lang`.
    pub fn title(&self, lang: Language) -> String {
        window_title(self.number, lang)
    }

    /// A stable id for the window's panels (the title changes with the language).
    pub fn id_salt(&self) -> String {
        format!("client-window-{}", self.number)
    }

    /// Opens a window state and starts its network thread; lines longer
    /// than `max_frame` bytes end the window's connections.
    pub fn new(
        number: u32,
        name: String,
        addr: String,
        auto_reconnect: bool,
        waker: Waker,
        max_frame: usize,
    ) -> std::io::Result<Self> {
        let network::Link { commands, events, not_shown } = network::spawn(number, waker.clone(), max_frame)?;
        let _ = commands.send(Control::SetAutoReconnect(auto_reconnect).into());
        Ok(ClientWindow {
            number,
            name,
            token: String::new(),
            addr,
            local_server: None,
            auto_reconnect,
            open: true,
            commands,
            events,
            not_shown,
            waker,
            conn: ConnState::Idle,
            last_addr: None,
            catalog: Catalog::default(),
            filter: String::new(),
            selected: None,
            progress: None,
            form: FormState::default(),
            fetch: FetchState::default(),
            confirm_delete: None,
            steps: Steps::new(Instant::now()),
            log_view: LogView::new("client-log", false),
            export: ExportState::default(),
            changes: SettingsChanges::default(),
            diagram: Diagram::client(),
            console: ConsoleState::default(),
            import: ImportState::default(),
            show_reads: false,
        })
    }

    pub fn viewport_id(&self) -> egui::ViewportId {
        self.waker.viewport
    }

    /// Applies what the network thread sent, at most a frame's budget of
    /// it ([`EVENTS_PER_FRAME`], [`FRAME_BUDGET`]); when more waits, asks for
    /// another frame. Returns how many events it applied.
    pub fn drain(&mut self) -> usize {
        self.waker.taking();
        let started = Instant::now();
        let mut applied = 0;
        while applied < EVENTS_PER_FRAME && started.elapsed() < FRAME_BUDGET {
            let Ok(event) = self.events.try_recv() else { break };
            self.on_event(event);
            applied += 1;
        }
        if !self.events.is_empty() {
            self.waker.wake_soon();
        }
        self.export.poll();
        if let Some(products) = self.import.poll() {
            self.send(Control::Import(products));
        }
        applied
    }

    /// Events waiting for the next frames.
    pub fn waiting(&self) -> usize {
        self.events.len()
    }

    /// Bytes of message text on their way to this window (bounded by
    /// [`network::TEXT_IN_FLIGHT`]).
    pub fn text_waiting(&self) -> usize {
        self.not_shown.waiting_bytes()
    }

    /// Events dropped on the way or not drawn (shown as "N events not shown").
    pub fn not_shown(&self) -> u64 {
        self.not_shown.get()
    }

    fn on_event(&mut self, event: NetEvent) {
        match event {
            NetEvent::Log(record) => {
                self.not_shown.taken(record.text_bytes());
                self.steps.record_client(&record);
            }
            NetEvent::Connecting { addr, attempt } => self.conn = ConnState::Connecting { addr, attempt },
            NetEvent::Connected { peer, session } => {
                self.conn = ConnState::Connected { peer, session };
                self.progress = Some((0, 0));
            }
            NetEvent::ConnectFailed { message, failure, retry_in } => {
                self.log_connect_failure(failure, message.clone(), Instant::now());
                self.conn = match retry_in {
                    Some(delay) => {
                        ConnState::Lost { reason: message, retry_at: Some(Instant::now() + delay) }
                    }
                    None => ConnState::Failed { message },
                };
            }
            NetEvent::ConnectLeft { addr, at } => {
                let said = Phrase::keyed("client-gave_up", &[("addr", &addr)]);
                self.log_connect_failure(ConnectFailure::GaveUp, said, at);
                // A reconnect the worker began as the user clicked Disconnect ends here too
                // (a new Connect elsewhere has its own Connecting, which stays).
                if matches!(&self.conn, ConnState::Connecting { addr: trying, .. } if *trying == addr) {
                    self.conn = ConnState::Idle;
                }
            }
            NetEvent::Disconnected { reason, retry_in } => {
                self.conn = ConnState::Lost { reason, retry_at: retry_in.map(|d| Instant::now() + d) };
                self.progress = None;
                self.form.busy = false;
                self.fetch.busy = false;
            }
            NetEvent::Malformed(n) => self.catalog.note_malformed(n),
            NetEvent::Page { products, loaded, total, first, more } => {
                self.on_page(products, first);
                self.progress = more.then_some((loaded, total.max(loaded)));
            }
            NetEvent::LoadStopped { loaded, total } => {
                self.progress = None;
                self.catalog.note_over_max(total.saturating_sub(loaded));
            }
            NetEvent::LoadFailed(message) => {
                self.progress = None;
                self.log_local_error(message);
            }
            NetEvent::Notification(notification) => self.on_notification(notification),
            NetEvent::Outcome(outcome) => self.on_outcome(outcome),
            NetEvent::RawFailed(message) => self.console.error = Some(message),
            NetEvent::ImportProgress { done, total } => self.import.progress = Some((done, total)),
            NetEvent::ImportDone { added, refused } => {
                self.import.finished(added, refused);
                if added > 0 {
                    // The server tells other clients; this window reloads to see its own adds.
                    self.progress = Some((0, self.catalog.len()));
                    self.send(Control::Reload);
                }
            }
        }
    }

    /// Records an error of the app's own; returns its `seq`.
    fn log_local_error(&mut self, message: Phrase) -> u64 {
        let said = Said(std::sync::Arc::new(message));
        self.steps.push(Instant::now(), SystemTime::now(), Lane::Client, What::Note { said, problem: true })
    }

    /// A connection that was never made, `at`: a log line, and a mark on
    /// the diagram's client lifeline.
    fn log_connect_failure(&mut self, failure: ConnectFailure, said: Phrase, at: Instant) {
        let wall = SystemTime::now() - Instant::now().saturating_duration_since(at);
        let said = Said(std::sync::Arc::new(said));
        self.steps.push(at, wall, Lane::Client, What::ConnectFailed { failure, said });
    }

    fn on_page(&mut self, products: Vec<Product>, first: bool) {
        if first {
            self.catalog.clear();
        }
        for product in products {
            self.catalog.upsert(product);
        }
    }

    fn on_notification(&mut self, notification: Notification) {
        match notification {
            Notification::ProductAdded(p) => self.catalog.upsert(p),
            Notification::ProductUpdated(p) => {
                self.form.updated_elsewhere(&p);
                self.catalog.upsert(p);
            }
            Notification::ProductDeleted(code) => {
                self.form.deleted_elsewhere(&code);
                if self.confirm_delete.as_deref() == Some(code.as_str()) {
                    self.confirm_delete = None;
                }
                self.catalog.remove(&code);
            }
            Notification::Welcome(_) | Notification::Goodbye { .. } | Notification::Other { .. } => {}
        }
    }

    fn on_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Added(Ok(p)) | Outcome::Updated(Ok(p)) => {
                let key = if self.form.editing.is_some() { "form-saved" } else { "form-added" };
                let notice = Phrase::keyed(key, &[("code", &p.code)]);
                self.selected = Some(p.code.clone());
                self.catalog.upsert(p.clone());
                self.form.edit(&p);
                self.form.notice = Some(Ok(notice));
            }
            Outcome::Added(Err(e)) => self.form.server_error(&e, false),
            Outcome::Updated(Err(e)) => self.on_write_refused(&e, false),
            Outcome::Deleted { code, result: Ok(()) } => {
                self.catalog.remove(&code);
                self.form = FormState::default();
                self.form.notice = Some(Ok(Phrase::keyed("form-deleted", &[("code", &code)])));
                self.selected = None;
            }
            Outcome::Deleted { result: Err(e), .. } => self.on_write_refused(&e, true),
            Outcome::Fetched { code, result } => {
                self.fetch.busy = false;
                self.fetch.result = Some(match result {
                    Ok(p) => FetchResult::Found(p),
                    Err(e) if e.not_found => FetchResult::NotFound(code),
                    Err(e) => FetchResult::Failed(e.message),
                });
            }
        }
    }

    /// An update or delete the server refused: a product changed or deleted
    /// meanwhile is shown as such, in the form and in the table.
    fn on_write_refused(&mut self, error: &network::RequestError, on_delete: bool) {
        if let Some(current) = &error.changed {
            self.catalog.upsert(current.clone());
        }
        if let (true, Some(code)) = (error.not_found, self.form.editing.clone()) {
            self.catalog.remove(&code);
        }
        self.form.server_error(error, on_delete);
    }

    /// Applies the intents of one frame.
    pub fn apply(&mut self, intents: Vec<Intent>, lang: Language) {
        for intent in intents {
            match intent {
                Intent::Conn(conn) => self.apply_conn(conn),
                Intent::Table(TableIntent::Select(code)) => {
                    if let Some(product) = self.catalog.get(&code).cloned() {
                        self.form.edit(&product);
                    }
                    self.selected = Some(code);
                }
                Intent::Table(TableIntent::Reload) => {
                    self.progress = Some((0, self.catalog.len()));
                    self.send(Control::Reload);
                }
                Intent::Form(form) => self.apply_form(form),
                Intent::ConfirmDelete(code) => {
                    self.confirm_delete = None;
                    self.delete(code);
                }
                Intent::CancelDelete => self.confirm_delete = None,
                Intent::Fetch(code) => {
                    self.fetch.busy = true;
                    self.fetch.result = None;
                    self.send(Request::Get(code));
                }
                Intent::Export(how) => self.start_export(how, lang),
                Intent::ClearLog => crate::log::clear(&mut self.steps, &self.not_shown),
                Intent::Raw(raw) => self.send(Control::Raw(raw)),
                Intent::Import(how) => {
                    self.import.start(how, self.waker.clone(), lang);
                }
                Intent::ShowReads(on) => {
                    self.show_reads = on;
                    self.send(Control::SetReportReads(on));
                }
            }
        }
    }

    fn apply_conn(&mut self, intent: ConnIntent) {
        match intent {
            ConnIntent::Connect(addr) => self.connect(addr),
            ConnIntent::ConnectLocal => {
                if let Some(addr) = self.local_server.clone() {
                    self.addr = addr.clone();
                    self.connect(addr);
                }
            }
            ConnIntent::Reconnect => {
                let addr = self.last_addr.clone().unwrap_or_else(|| self.addr.clone());
                self.connect(addr);
            }
            ConnIntent::Disconnect => {
                self.send(Control::Disconnect);
                self.conn = ConnState::Idle;
            }
            ConnIntent::SetAutoReconnect(on) => {
                if let (false, ConnState::Lost { retry_at, .. }) = (on, &mut self.conn) {
                    // No retry will come: stop counting down to one.
                    *retry_at = None;
                }
                self.changes.auto_reconnect = Some(on);
                self.send(Control::SetAutoReconnect(on));
            }
        }
    }

    fn connect(&mut self, addr: String) {
        if addr.is_empty() {
            self.conn = ConnState::Failed { message: Phrase::key("client-no_address") };
            return;
        }
        self.last_addr = Some(addr.clone());
        self.changes.connect_addr = Some(addr.clone());
        self.conn = ConnState::Connecting { addr: addr.clone(), attempt: 0 };
        let token = Some(self.token.trim().to_owned()).filter(|t| !t.is_empty());
        self.send(Control::Connect { addr, name: self.name.trim().to_owned(), token });
    }

    fn apply_form(&mut self, intent: FormIntent) {
        match intent {
            FormIntent::Submit => match self.form.validate() {
                Ok(product) => {
                    self.form.errors.clear();
                    self.form.notice = None;
                    self.form.busy = true;
                    let command = if self.form.editing.is_some() {
                        Request::Update(product)
                    } else {
                        Request::Add(product)
                    };
                    self.send(command);
                }
                Err(errors) => {
                    self.form.errors = errors;
                    self.form.notice = Some(Err(Phrase::key("form-fix_fields")));
                }
            },
            FormIntent::New => {
                self.form = FormState::default();
                self.selected = None;
            }
            FormIntent::Delete(code) => self.confirm_delete = Some(code),
            FormIntent::TakeTheirs => self.form.take_theirs(),
            FormIntent::Overwrite => match self.form.overwrite() {
                Some(true) => {
                    if let Some(code) = self.form.editing.clone() {
                        self.delete(code);
                    }
                }
                Some(false) => self.apply_form(FormIntent::Submit),
                None => {}
            },
            FormIntent::AddAgain => self.form.add_again(),
        }
    }

    /// Deletes `code`, only as it was read when the form holds it.
    fn delete(&mut self, code: String) {
        self.form.busy = true;
        self.form.notice = None;
        let version =
            Some(self.form.version()).filter(|&v| v > 0 && self.form.editing.as_ref() == Some(&code));
        self.send(Request::Delete(code, version));
    }

    fn start_export(&mut self, how: ExportIntent, lang: Language) {
        let products = self.catalog.shown_products();
        let Some((target, format)) = self.export.target(how, |format| {
            export::save_dialog(format, &crate::i18n::tr(lang, "export-file_name"), lang)
                .set_title(crate::i18n::tr(lang, "export-dialog_title"))
        }) else {
            return;
        };
        if let export::Target::Typed(_) = &target {
            self.changes.export_path = Some(self.export.path.trim().to_owned());
        }
        let content = export::products(format, products);
        self.export.pending = Some(export::spawn_save(target, format, content, self.waker.clone()));
    }

    /// Hands a command to the network thread (the lesson drives windows
    /// this way). Never waits: with [`network::COMMAND_CAPACITY`] commands
    /// already waiting, this one is refused and the log says so.
    pub fn send(&mut self, command: impl Into<Command>) {
        match self.commands.try_send(command.into()) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                self.form.busy = false;
                self.fetch.busy = false;
                self.log_local_error(Phrase::key("client-commands_full"));
            }
            Err(TrySendError::Disconnected(_)) => {
                self.conn = ConnState::Failed { message: Phrase::key("client-thread_gone") };
            }
        }
    }
}
