//! The app: the main window (server panel) and any number of client windows.
//! UI functions return intents; [`LojinhaApp`] applies them once per frame.
//! The lesson panel's actions are carried out by [`lesson`].

mod lesson;
mod room;

use std::sync::{Arc, Mutex};

use crate::client::{ClientWindow, SharedWindow, lock};
use crate::describe_file::describe_io;
use crate::i18n::{Language, tr, trf};
use crate::options::{StartOptions, generated_products};
use crate::phrase::Phrase;
use crate::server::panel::{self, ServerIntent};
use crate::server::{ServerState, StartRequest};
use crate::settings::{CatalogChoice, Settings, SettingsStore};
use crate::theme::{self, Theme};
use crate::waker::Waker;

/// What the main window's UI can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppIntent {
    Server(ServerIntent),
    NewClientWindow,
    /// A lesson step's "Do it".
    Lesson(lojinha_teach::LessonAction),
    /// The teacher's answer to the lesson's question before a step (go ahead or not).
    LessonAnswer(bool),
    /// "Reset the lesson".
    LessonReset,
}

pub struct LojinhaApp {
    settings: Settings,
    /// The language everything is drawn and described in: the saved
    /// choice, else the system's. Passed down to whatever draws.
    language: Language,
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
    /// The language the client windows last drew in (they repaint on a switch).
    told_language: Language,
    notice: Option<Phrase>,
    ctx: egui::Context,
    lesson_run: lesson::LessonRunner,
    threads: lojinha_teach::ThreadsDemo,
    threads_open: bool,
    room: room::Room,
    /// Where each client window opened (by its number), chosen once.
    window_places: std::collections::HashMap<u32, egui::Rect>,
    /// Who and where, for new windows' default names (read once, at start).
    who: crate::window_name::WhoAndWhere,
    /// The "Check a server" window.
    check: crate::check::CheckWindow,
    /// Recordings opened, each in a read-only window.
    recordings: crate::recording::Recordings,
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
        let language = settings.language.unwrap_or_else(Language::system);
        let threads =
            lojinha_teach::ThreadsDemo::new().with_time_scale(options.threads_time_scale.unwrap_or(1.0));
        let mut app = LojinhaApp {
            settings,
            language,
            store,
            server: ServerState::default(),
            windows: Vec::new(),
            windows_opened: 0,
            pending_connect: options.connect.clone(),
            serve_addr: options.serve.clone(),
            fill: options.fill,
            max_frame: options.max_frame.unwrap_or(crate::client::network::DEFAULT_MAX_FRAME),
            told_local: None,
            told_language: language,
            notice: None,
            ctx: cc.egui_ctx.clone(),
            lesson_run: lesson::LessonRunner::default(),
            threads,
            threads_open: false,
            room: room::Room::default(),
            window_places: std::collections::HashMap::new(),
            who: crate::window_name::WhoAndWhere::of_this_machine(),
            check: crate::check::CheckWindow::default(),
            recordings: crate::recording::Recordings::default(),
        };
        if let Some(path) = &options.open_recording {
            app.recordings.path = path.display().to_string();
            app.open_recording(crate::recording::OpenIntent::Typed);
        }
        if options.serve.is_some() {
            app.start_server();
        }
        if let Some(address) = &options.check {
            app.check.open = true;
            app.check.address = address.clone();
            app.check.start(&cc.egui_ctx, language);
        }
        app
    }

    /// The language the app speaks now.
    pub fn language(&self) -> Language {
        self.language
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
        let monitor = self.ctx.input(|i| i.viewport().monitor_size);
        self.window_places.insert(n, room::window_place(n, monitor));
        let viewport = egui::ViewportId::from_hash_of(("client-window", n));
        let waker = Waker::new(self.ctx.clone(), viewport);
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
                let said = Phrase::new(move |lang| {
                    trf(lang, "app-window_failed", &[("error", &describe_io(&e, lang))])
                });
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
                AppIntent::Server(ServerIntent::TestDatabase) => {
                    self.server.test_database(self.settings.postgres.trim().to_owned(), &self.ctx)
                }
                AppIntent::Server(ServerIntent::Teacher(intent)) => self.server.teach(intent),
                AppIntent::NewClientWindow => {
                    // A failure shows in the notice.
                    let _ = self.open_client_window();
                }
                AppIntent::Lesson(action) => self.request_lesson(action),
                AppIntent::LessonAnswer(go_ahead) => self.answer_lesson(go_ahead),
                AppIntent::LessonReset => self.reset_lesson(),
            }
        }
    }

    /// Opens a recording on a thread, with the share of the steps' budget
    /// it will have beside the windows and recordings open now.
    fn open_recording(&mut self, how: crate::recording::OpenIntent) {
        let share = crate::log::share(self.windows.len() + self.recordings.windows.len() + 1);
        let waker = Waker::new(self.ctx.clone(), egui::ViewportId::ROOT);
        self.recordings.start(how, share, waker, self.language);
    }

    /// The recordings opened (tests look inside).
    pub fn recordings(&self) -> &crate::recording::Recordings {
        &self.recordings
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
            window.apply(
                vec![crate::client::Intent::Conn(crate::client::connection::ConnIntent::Connect(addr))],
                self.language,
            );
        }
    }

    /// Tells windows about the server, collects their settings, drops closed ones.
    fn sync_windows(&mut self) {
        let local = self.server.connect_address();
        let changed = local != self.told_local;
        self.told_local = local.clone();
        self.windows.retain(|window| lock(window).open);
        let share = crate::log::share(self.windows.len() + self.recordings.windows.len());
        if self.server.steps.max_bytes() != share {
            self.server.steps.set_max_bytes(share);
        }
        self.recordings.set_max_bytes(share);
        let lesson_running = self.lesson_run.busy();
        for window in &self.windows {
            let mut window = lock(window);
            if window.steps.max_bytes() != share {
                window.steps.set_max_bytes(share);
            }
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

    fn top_bar(&mut self, ui: &mut egui::Ui, lang: Language) -> Vec<AppIntent> {
        let mut intents = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.heading(tr(lang, "app-title"));
            ui.separator();
            if ui.button(tr(lang, "app-new_client")).clicked() {
                intents.push(AppIntent::NewClientWindow);
            }
            ui.weak(trf(lang, "app-windows_open", &[("n", &self.windows.len())]));
            ui.separator();
            let label = ui.label(tr(lang, "app-client_name"));
            let default_name = self.who.base_name(&tr(lang, "app-default_client_name"));
            let field = egui::TextEdit::singleline(&mut self.settings.client_name)
                .hint_text(default_name)
                .desired_width(90.0);
            ui.add(field).labelled_by(label.id);
            ui.separator();
            theme_and_zoom(ui, &mut self.settings, lang);
            ui.separator();
            self.language = language_menu(ui, &mut self.settings, lang);
            ui.separator();
            ui.toggle_value(&mut self.settings.lesson_open, tr(lang, "app-lesson"))
                .on_hover_text(tr(lang, "app-lesson_hint"));
            ui.separator();
            if ui
                .selectable_label(self.check.open, tr(lang, "app-check_server"))
                .on_hover_text(tr(lang, "app-check_server_hint"))
                .clicked()
            {
                self.toggle_check_window();
            }
            ui.separator();
            if ui
                .selectable_label(self.recordings.asking, tr(lang, "recording-open_button"))
                .on_hover_text(tr(lang, "recording-open_hint"))
                .clicked()
            {
                self.recordings.asking = !self.recordings.asking;
            }
            ui.separator();
            room::room_buttons(ui, &mut self.room, lang);
        });
        if let Some(notice) = &self.notice {
            ui.colored_label(ui.visuals().error_fg_color, notice.say(lang));
        }
        intents
    }

    fn lesson_ui(&mut self, ui: &mut egui::Ui, lang: Language) -> Vec<AppIntent> {
        let mut intents = Vec::new();
        ui.heading(tr(lang, "lesson-title"));
        ui.horizontal_wrapped(|ui| {
            let mut own = !self.lesson_run.use_panel_db;
            ui.checkbox(&mut own, tr(lang, "lesson-own_catalog"))
                .on_hover_text(tr(lang, "lesson-own_catalog_hint"));
            self.lesson_run.use_panel_db = !own;
            if ui.button(tr(lang, "lesson-reset")).on_hover_text(tr(lang, "lesson-reset_hint")).clicked() {
                intents.push(AppIntent::LessonReset);
            }
        });
        if let Some(pending) = &self.lesson_run.pending {
            intents.extend(lesson::confirmation(ui, pending, lang).map(AppIntent::LessonAnswer));
        }
        let address = self.lesson_address();
        intents.extend(self.settings.lesson.show(ui, lang, &address).map(AppIntent::Lesson));
        let step_action = self.settings.lesson.current().action;
        if self.lesson_run.pending.as_ref().is_some_and(|p| Some(p.action) != step_action) {
            // The teacher moved to another step: the question no longer applies.
            self.lesson_run.pending = None;
        }
        if self.lesson_run.busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr(lang, "lesson-working"));
            });
        }
        if let Some(error) = &self.lesson_run.error {
            ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
        }
        intents
    }

    /// The address the lesson's texts name: the running server's, else the one it would listen on.
    fn lesson_address(&self) -> String {
        self.server.connect_address().unwrap_or_else(|| {
            crate::server::listen_address(&self.settings.listen, self.settings.allow_remote)
        })
    }

    fn show_threads_demo(&mut self, ctx: &egui::Context, lang: Language) {
        if !self.threads_open {
            return;
        }
        let mut open = true;
        egui::Window::new(tr(lang, "lesson-threads_title"))
            .open(&mut open)
            .default_width(620.0)
            .show(ctx, |ui| self.threads.show(ui, lang));
        self.threads_open = open;
    }

    /// Opens or closes the "Check a server" window; opening it with no
    /// address typed yet proposes this app's server, else the last one connected to.
    fn toggle_check_window(&mut self) {
        self.check.open = !self.check.open;
        if self.check.open && self.check.address.trim().is_empty() {
            self.check.address =
                self.server.connect_address().unwrap_or_else(|| self.settings.connect_addr.clone());
        }
    }

    fn show_check_window(&mut self, ctx: &egui::Context, lang: Language) {
        if !self.check.open {
            return;
        }
        let mut open = true;
        let mut intents = Vec::new();
        egui::Window::new(tr(lang, "app-check_server"))
            .open(&mut open)
            .default_width(1000.0)
            .default_height(700.0)
            .show(ctx, |ui| intents = crate::check::view::show(ui, &mut self.check, lang));
        self.check.open = open;
        self.check.apply(intents, ctx, lang);
    }

    /// The "Check a server" window (tests look inside).
    pub fn check_window(&self) -> &crate::check::CheckWindow {
        &self.check
    }

    /// The server panel's log (tests look inside).
    pub fn server_log(&self) -> &lojinha_teach::Steps {
        &self.server.steps
    }

    /// The running server's sessions, as the sessions list shows them.
    pub fn sessions(&self) -> &[lojinha_server::server::SessionInfo] {
        &self.server.sessions
    }

    /// The teacher's controls of the running server, as set now.
    pub fn server_controls(&self) -> Option<lojinha_server::server::ControlSettings> {
        self.server.handle().map(|handle| handle.controls().settings())
    }

    /// The server panel's log view (tests choose what "Save…" writes).
    pub fn server_log_view(&mut self) -> &mut crate::log::LogView {
        &mut self.server.log_view
    }

    /// Whether a lesson action is under way (tests wait for it to end).
    pub fn lesson_busy(&self) -> bool {
        self.lesson_run.busy()
    }

    /// Whether the lesson waits for the teacher's answer before a step.
    pub fn lesson_asks(&self) -> bool {
        self.lesson_run.pending.is_some()
    }

    /// The threads demo (tests look inside).
    pub fn threads_demo(&self) -> &lojinha_teach::ThreadsDemo {
        &self.threads
    }

    fn show_client_windows(&mut self, ctx: &egui::Context) {
        let lang = self.language;
        let switched = std::mem::replace(&mut self.told_language, lang) != lang;
        for window in &self.windows {
            let (viewport, title, n) = {
                let w = lock(window);
                (w.viewport_id(), w.title(lang), w.number)
            };
            let place = self.window_places.get(&n).copied().unwrap_or_else(|| room::window_place(n, None));
            let builder = egui::ViewportBuilder::default()
                .with_title(title)
                .with_position(place.min)
                .with_inner_size(place.size())
                .with_min_inner_size([700.0, 450.0]);
            if switched {
                ctx.request_repaint_of(viewport);
            }
            let window = window.clone();
            ctx.show_viewport_deferred(viewport, builder, move |ui, class| {
                crate::client::window::show(ui, class, &mut lock(&window), lang);
            });
        }
    }
}

/// The language menu; the choice applies at once and is remembered.
fn language_menu(ui: &mut egui::Ui, settings: &mut Settings, current: Language) -> Language {
    let mut chosen = current;
    egui::ComboBox::new("language", tr(current, "app-language"))
        .selected_text(current.native_name())
        .show_ui(ui, |ui| {
            for language in Language::ALL {
                ui.selectable_value(&mut chosen, language, language.native_name());
            }
        });
    if chosen != current {
        settings.language = Some(chosen);
    }
    chosen
}

fn theme_and_zoom(ui: &mut egui::Ui, settings: &mut Settings, lang: Language) {
    egui::ComboBox::new("theme", tr(lang, "app-theme"))
        .selected_text(tr(lang, settings.theme.key()))
        .show_ui(ui, |ui| {
            for theme in Theme::ALL {
                ui.selectable_value(&mut settings.theme, theme, tr(lang, theme.key()));
            }
        });
    if ui.button("A-").on_hover_text(tr(lang, "app-zoom_out")).clicked() {
        settings.zoom = (settings.zoom - 0.1).max(0.6);
    }
    ui.label(format!("{:.0}%", settings.zoom * 100.0));
    if ui.button("A+").on_hover_text(tr(lang, "app-zoom_in")).clicked() {
        settings.zoom = (settings.zoom + 0.1).min(2.5);
    }
}

fn apply_start_options(settings: &mut Settings, options: &StartOptions) {
    if let Some(db) = &options.db {
        match lojinha_server::DbLocation::parse(db) {
            lojinha_server::DbLocation::Memory => settings.set_catalog(CatalogChoice::Memory),
            lojinha_server::DbLocation::Postgres(conninfo) => {
                settings.set_catalog(CatalogChoice::Shared);
                settings.postgres = conninfo;
            }
            lojinha_server::DbLocation::File(_) => {
                settings.set_catalog(CatalogChoice::File);
                settings.db_path = db.clone();
            }
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

impl eframe::App for LojinhaApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        crate::frame_stats::frame_began(egui::ViewportId::ROOT);
        self.server.poll();
        self.connect_pending();
        self.sync_windows();
        theme::apply(ctx, self.settings.theme, self.room.zoom(self.settings.zoom));
        self.run_lesson();
        self.check.drain();
        self.recordings.poll();
        if let Some(handle) = self.server.handle() {
            // Uptime and "connected since" show whole minutes: one repaint a minute.
            ctx.request_repaint_after(panel::next_minute(handle.uptime()));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut intents = Vec::new();
        self.room.take_key(ui);
        let presenting = self.room.presentation;
        let lang = self.language;
        egui::Panel::top("app-top").show(ui, |ui| {
            if presenting {
                room::presentation_bar(ui, &mut self.room, lang);
            } else {
                intents.extend(self.top_bar(ui, lang));
            }
        });
        if self.language != lang {
            // The rest of this frame still speaks the old language: draw again.
            ui.ctx().request_repaint();
        }
        let lang = self.language;
        if self.room.lesson_shown(self.settings.lesson_open) {
            egui::Panel::right("lesson").resizable(true).default_size(380.0).show(ui, |ui| {
                intents.extend(self.lesson_ui(ui, lang));
            });
        }
        if self.room.server_panel_shown() {
            egui::Panel::left("server-controls").resizable(true).default_size(300.0).show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if ui.small_button(tr(lang, "room-hide_panel")).clicked() {
                        self.room.server_panel_open = false;
                    }
                    intents.extend(
                        panel::controls(ui, &mut self.settings, &self.server, lang).map(AppIntent::Server),
                    );
                });
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let intent = if presenting {
                room::presentation_view(ui, &mut self.server, lang)
            } else {
                panel::status(ui, &mut self.server, lang)
            };
            intents.extend(intent.map(AppIntent::Server));
        });
        let ctx = ui.ctx().clone();
        self.show_threads_demo(&ctx, lang);
        self.show_check_window(&ctx, lang);
        if let Some(how) = self.recordings.show(&ctx, lang) {
            self.open_recording(how);
        }
        self.show_client_windows(&ctx);
        self.apply(intents);
        self.store.save_changes(&self.settings);
        crate::frame_stats::frame_ended(egui::ViewportId::ROOT, crate::frame_stats::had_input(&ctx));
        crate::frame_stats::probe(&ctx);
    }
}

impl LojinhaApp {
    /// The name new client windows are numbered after: the one typed, or
    /// who and where (`maria@lab-07`) when the field is left empty.
    fn client_base_name(&self) -> String {
        match self.settings.client_name.trim() {
            "" => self.default_client_base_name(),
            name => name.to_owned(),
        }
    }

    /// The name the next client window gets unless the user types one
    /// (`maria@lab-07`; tests compare with it).
    pub fn default_client_base_name(&self) -> String {
        self.who.base_name(&tr(self.language, "app-default_client_name"))
    }
}
