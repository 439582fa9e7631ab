//! The app: the main window (server panel) and any number of client windows.
//! UI functions return intents; [`LojinhaApp`] applies them once per frame.
//! The lesson panel's actions are carried out by [`lesson`].

mod lesson;

use std::sync::{Arc, Mutex, MutexGuard};

use crate::client::{ClientWindow, network::Waker};
use crate::describe_file::describe_io;
use crate::i18n::{Language, tr, trf};
use crate::options::{StartOptions, generated_products};
use crate::phrase::Phrase;
use crate::server::panel::{self, ServerIntent};
use crate::server::{ServerState, StartRequest};
use crate::settings::{Settings, SettingsStore};
use crate::theme::{self, Theme};

/// What the main window's UI can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppIntent {
    Server(ServerIntent),
    NewClientWindow,
    /// A lesson step's "Do it".
    Lesson(lojinha_teach::LessonAction),
}

type SharedWindow = Arc<Mutex<ClientWindow>>;

pub struct LojinhaApp {
    settings: Settings,
    store: SettingsStore,
    server: ServerState,
    windows: Vec<SharedWindow>,
    windows_opened: u32,
    /// A connection asked for on the command line, made once the server has started.
    pending_connect: Option<String>,
    serve_addr: Option<String>,
    fill: usize,
    /// The longest line client windows accept from a server.
    max_frame: usize,
    /// The server address the client windows were last told about.
    told_local: Option<String>,
    notice: Option<Phrase>,
    ctx: egui::Context,
    lesson_run: lesson::LessonRunner,
    threads: lojinha_teach::ThreadsDemo,
    threads_open: bool,
    /// Who and where, for new windows' default names (read once, at start).
    who: crate::window_name::WhoAndWhere,
}

impl LojinhaApp {
    /// Builds the app. Reads the settings file once, before the first frame.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> LojinhaApp {
        let (mut store, mut settings) = match &options.settings_path {
            Some(path) => SettingsStore::open(path.clone()),
            None => SettingsStore::none(),
        };
        apply_start_options(&mut settings, &options);
        store.accept(&settings);
        theme::set_up(&cc.egui_ctx);
        theme::apply(&cc.egui_ctx, settings.theme, settings.zoom);
        crate::i18n::set_language(settings.language.unwrap_or_else(Language::system));
        let threads =
            lojinha_teach::ThreadsDemo::new().with_time_scale(options.threads_time_scale.unwrap_or(1.0));
        let mut app = LojinhaApp {
            settings,
            store,
            server: ServerState::default(),
            windows: Vec::new(),
            windows_opened: 0,
            pending_connect: options.connect.clone(),
            serve_addr: options.serve.clone(),
            fill: options.fill,
            max_frame: options.max_frame.unwrap_or(crate::client::network::DEFAULT_MAX_FRAME),
            told_local: None,
            notice: None,
            ctx: cc.egui_ctx.clone(),
            lesson_run: lesson::LessonRunner::default(),
            threads,
            threads_open: false,
            who: crate::window_name::WhoAndWhere::of_this_machine(),
        };
        if options.serve.is_some() {
            app.start_server();
        }
        app
    }

    /// The client windows' states (tests look inside).
    pub fn client_windows(&self) -> Vec<SharedWindow> {
        self.windows.clone()
    }

    /// The running server's address, for tests and the "connect" buttons.
    pub fn server_address(&self) -> Option<String> {
        self.server.connect_address()
    }

    fn start_server(&mut self) {
        let mut request = StartRequest::from_settings(&self.settings);
        request.seed.extend(generated_products(self.fill));
        self.server.start(request, &self.ctx);
    }

    /// Opens a client window; when its thread cannot start, says why (in
    /// the main window's notice, and to the caller).
    fn open_client_window(&mut self) -> Result<SharedWindow, Phrase> {
        self.windows_opened += 1;
        let n = self.windows_opened;
        let viewport = egui::ViewportId::from_hash_of(("client-window", n));
        let waker = Waker { ctx: self.ctx.clone(), viewport };
        let name = format!("{} {n}", self.client_base_name());
        match ClientWindow::new(
            n,
            name,
            self.settings.connect_addr.clone(),
            self.settings.auto_reconnect,
            waker,
            self.max_frame,
        ) {
            Ok(mut window) => {
                window.local_server = self.server.connect_address();
                let shared = Arc::new(Mutex::new(window));
                self.windows.push(shared.clone());
                Ok(shared)
            }
            Err(e) => {
                let said = Phrase::new(move || trf("app.window_failed", &[("error", &describe_io(&e))]));
                self.notice = Some(said.clone());
                Err(said)
            }
        }
    }

    fn apply(&mut self, intents: Vec<AppIntent>) {
        for intent in intents {
            match intent {
                AppIntent::Server(ServerIntent::Start) => self.start_server(),
                AppIntent::Server(ServerIntent::Stop) => self.server.stop(&self.ctx),
                AppIntent::Server(ServerIntent::ClearLog) => self.server.clear_log(),
                AppIntent::NewClientWindow => {
                    // A failure shows in the notice.
                    let _ = self.open_client_window();
                }
                AppIntent::Lesson(action) => {
                    self.lesson_run.start(action, self.settings.sequential);
                    self.run_lesson();
                }
            }
        }
    }

    /// Makes the connection asked for on the command line once the server is up (or failed).
    fn connect_pending(&mut self) {
        if self.server.starting() || self.pending_connect.is_none() {
            return;
        }
        let Some(mut addr) = self.pending_connect.take() else { return };
        if self.serve_addr.as_deref() == Some(addr.as_str()) {
            addr = self.server.connect_address().unwrap_or(addr);
        }
        if let Ok(window) = self.open_client_window() {
            let mut window = lock(&window);
            window.addr = addr.clone();
            window.apply(vec![crate::client::Intent::Conn(crate::client::connection::ConnIntent::Connect(
                addr,
            ))]);
        }
    }

    /// Tells windows about the server, collects their settings, drops closed ones.
    fn sync_windows(&mut self) {
        let local = self.server.connect_address();
        let changed = local != self.told_local;
        self.told_local = local.clone();
        self.windows.retain(|window| lock(window).open);
        let lesson_running = self.lesson_run.busy();
        for window in &self.windows {
            let mut window = lock(window);
            if lesson_running {
                // The lesson waits on windows' states: take their events even
                // while a window is hidden and not painting.
                window.drain();
                self.ctx.request_repaint_of(window.viewport_id());
            }
            if changed {
                window.local_server = local.clone();
                self.ctx.request_repaint_of(window.viewport_id());
            }
            let changes = std::mem::take(&mut window.changes);
            if let Some(addr) = changes.connect_addr {
                self.settings.connect_addr = addr;
            }
            if let Some(path) = changes.export_path {
                self.settings.export_path = path;
            }
            if let Some(on) = changes.auto_reconnect {
                self.settings.auto_reconnect = on;
            }
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Vec<AppIntent> {
        let mut intents = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.heading(tr("app.title"));
            ui.separator();
            if ui.button(tr("app.new_client")).clicked() {
                intents.push(AppIntent::NewClientWindow);
            }
            ui.weak(trf("app.windows_open", &[("n", &self.windows.len().to_string())]));
            ui.separator();
            let label = ui.label(tr("app.client_name"));
            let default_name = self.who.base_name(tr("app.default_client_name"));
            let field = egui::TextEdit::singleline(&mut self.settings.client_name)
                .hint_text(default_name)
                .desired_width(90.0);
            ui.add(field).labelled_by(label.id);
            ui.separator();
            theme_and_zoom(ui, &mut self.settings);
            ui.separator();
            language_menu(ui, &mut self.settings);
            ui.separator();
            ui.toggle_value(&mut self.settings.lesson_open, tr("app.lesson"))
                .on_hover_text(tr("app.lesson_hint"));
        });
        if let Some(notice) = &self.notice {
            ui.colored_label(ui.visuals().error_fg_color, notice.to_string());
        }
        intents
    }

    fn lesson_ui(&mut self, ui: &mut egui::Ui) -> Option<AppIntent> {
        let language = crate::i18n::language();
        ui.heading(tr("lesson.title"));
        let action = self.settings.lesson.show(ui, language).map(AppIntent::Lesson);
        if self.lesson_run.busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr("lesson.working"));
            });
        }
        if let Some(error) = &self.lesson_run.error {
            ui.colored_label(ui.visuals().error_fg_color, error.to_string());
        }
        action
    }

    fn show_threads_demo(&mut self, ctx: &egui::Context) {
        if !self.threads_open {
            return;
        }
        self.threads.set_language(crate::i18n::language());
        let mut open = true;
        egui::Window::new(tr("lesson.threads_title"))
            .open(&mut open)
            .default_width(620.0)
            .show(ctx, |ui| self.threads.show(ui));
        self.threads_open = open;
    }

    /// The server panel's log (tests look inside).
    pub fn server_log(&self) -> &lojinha_teach::Steps {
        &self.server.steps
    }

    /// The threads demo (tests look inside).
    pub fn threads_demo(&self) -> &lojinha_teach::ThreadsDemo {
        &self.threads
    }

    fn show_client_windows(&self, ctx: &egui::Context) {
        for window in &self.windows {
            let (viewport, title) = {
                let w = lock(window);
                (w.viewport_id(), w.title())
            };
            let builder = egui::ViewportBuilder::default()
                .with_title(title)
                .with_inner_size([1180.0, 780.0])
                .with_min_inner_size([700.0, 450.0]);
            let window = window.clone();
            ctx.show_viewport_deferred(viewport, builder, move |ui, class| {
                crate::client::show(ui, class, &mut lock(&window));
            });
        }
    }
}

/// The language menu; the choice applies at once and is remembered.
fn language_menu(ui: &mut egui::Ui, settings: &mut Settings) {
    let current = crate::i18n::language();
    let mut chosen = current;
    egui::ComboBox::from_label(tr("app.language")).selected_text(current.native_name()).show_ui(ui, |ui| {
        for language in Language::ALL {
            ui.selectable_value(&mut chosen, language, language.native_name());
        }
    });
    if chosen != current {
        settings.language = Some(chosen);
        crate::i18n::set_language(chosen);
    }
}

fn theme_and_zoom(ui: &mut egui::Ui, settings: &mut Settings) {
    egui::ComboBox::from_label(tr("app.theme")).selected_text(tr(settings.theme.key())).show_ui(ui, |ui| {
        for theme in Theme::ALL {
            ui.selectable_value(&mut settings.theme, theme, tr(theme.key()));
        }
    });
    if ui.button("A-").on_hover_text(tr("app.zoom_out")).clicked() {
        settings.zoom = (settings.zoom - 0.1).max(0.6);
    }
    ui.label(format!("{:.0}%", settings.zoom * 100.0));
    if ui.button("A+").on_hover_text(tr("app.zoom_in")).clicked() {
        settings.zoom = (settings.zoom + 0.1).min(2.5);
    }
}

fn apply_start_options(settings: &mut Settings, options: &StartOptions) {
    if let Some(db) = &options.db {
        settings.db_in_memory = db == ":memory:";
        if db != ":memory:" {
            settings.db_path = db.clone();
        }
    }
    if let Some(addr) = &options.serve {
        settings.listen = addr.clone();
        settings.allow_remote = addr.starts_with("0.0.0.0") || addr.starts_with("[::]");
    }
    if let Some(addr) = &options.connect {
        settings.connect_addr = addr.clone();
    }
}

/// Locks a window's state; a panic elsewhere does not make it unusable.
fn lock(window: &SharedWindow) -> MutexGuard<'_, ClientWindow> {
    window.lock().unwrap_or_else(|e| e.into_inner())
}

impl eframe::App for LojinhaApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.server.poll();
        self.connect_pending();
        self.sync_windows();
        theme::apply(ctx, self.settings.theme, self.settings.zoom);
        self.run_lesson();
        if let Some(handle) = self.server.handle() {
            // Uptime and "connected since" show whole minutes: one repaint a minute.
            ctx.request_repaint_after(panel::next_minute(handle.uptime()));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut intents = Vec::new();
        egui::Panel::top("app-top").show(ui, |ui| intents.extend(self.top_bar(ui)));
        if self.settings.lesson_open {
            egui::Panel::right("lesson").resizable(true).default_size(380.0).show(ui, |ui| {
                intents.extend(self.lesson_ui(ui));
            });
        }
        egui::Panel::left("server-controls").resizable(true).default_size(300.0).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                intents.extend(panel::controls(ui, &mut self.settings, &self.server).map(AppIntent::Server));
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            intents.extend(panel::status(ui, &mut self.server).map(AppIntent::Server));
        });
        let ctx = ui.ctx().clone();
        self.show_threads_demo(&ctx);
        self.show_client_windows(&ctx);
        self.apply(intents);
        self.store.save_changes(&self.settings);
    }
}

impl LojinhaApp {
    /// The name new client windows are numbered after: the one typed, or
    /// who and where (`maria@lab-07`) when the field is left empty.
    fn client_base_name(&self) -> String {
        match self.settings.client_name.trim() {
            "" => self.who.base_name(tr("app.default_client_name")),
            name => name.to_owned(),
        }
    }

    /// The name the next client window gets unless the user types one
    /// (`maria@lab-07`; tests compare with it).
    pub fn default_client_base_name(&self) -> String {
        self.who.base_name(tr("app.default_client_name"))
    }
}
