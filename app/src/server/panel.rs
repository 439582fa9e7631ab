//! The server panel: settings and Start/Stop on the left; address (and the
//! addresses students type from other computers), uptime, sessions and the
//! server's own protocol log in the middle, with the teacher's controls
//! (the server misbehaving on purpose) folded above the sessions.

use std::time::{Duration, SystemTime};

use egui_extras::{Column, TableBuilder};
use lojinha_server::ServerHandle;

use super::teacher::TeacherIntent;
use super::{IDLE_TIMEOUT_SECS, ServerState, db_location, listen_address};
use crate::i18n::{Language, tr, trf};
use crate::log::view::LogAction;
use crate::settings::{CatalogChoice, Settings};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerIntent {
    Start,
    Stop,
    ClearLog,
    /// Ask the shared database whether the server could use it.
    TestDatabase,
    Teacher(TeacherIntent),
}

/// The left column: what to start, and the button.
pub fn controls(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    server: &ServerState,
    lang: Language,
) -> Option<ServerIntent> {
    let editable = server.handle().is_none() && !server.busy();
    ui.heading(tr(lang, "server-title"));
    ui.label(tr(lang, "server-explain"));
    ui.add_space(6.0);
    let tested = ui.add_enabled_ui(editable, |ui| settings_form(ui, settings, server, lang)).inner;
    ui.add_space(8.0);
    let intent = start_stop(ui, server, settings, lang).or(tested);
    if let Some(error) = &server.error {
        ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
    }
    intent
}

fn settings_form(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    server: &ServerState,
    lang: Language,
) -> Option<ServerIntent> {
    let label = ui.label(tr(lang, "server-listen"));
    ui.add(egui::TextEdit::singleline(&mut settings.listen).hint_text("127.0.0.1:5050"))
        .labelled_by(label.id);
    ui.checkbox(&mut settings.allow_remote, tr(lang, "server-allow_remote"));
    if settings.allow_remote {
        let warning =
            trf(lang, "server-allow_remote_warning", &[("addr", &listen_address(&settings.listen, true))]);
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    ui.label(tr(lang, "server-mode"));
    ui.horizontal(|ui| {
        ui.radio_value(&mut settings.sequential, false, tr(lang, "server-threaded"));
        ui.radio_value(&mut settings.sequential, true, tr(lang, "server-sequential"));
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "server-idle_timeout"));
        ui.add(egui::DragValue::new(&mut settings.idle_timeout_secs).range(IDLE_TIMEOUT_SECS).suffix(" s"))
            .labelled_by(label.id)
            .on_hover_text(tr(lang, "server-idle_timeout_hint"));
    });
    let tested = catalog_choice(ui, settings, server, lang);
    ui.checkbox(&mut settings.seed_sample, tr(lang, "server-seed_sample"));
    let label = ui.label(tr(lang, "server-token"));
    ui.add(
        egui::TextEdit::singleline(&mut settings.server_token)
            .password(true)
            .hint_text(tr(lang, "server-token_hint")),
    )
    .labelled_by(label.id)
    .on_hover_text(tr(lang, "server-token_help"));
    tested
}

/// Memory, a SQLite file, or a PostgreSQL database shared with other
/// servers (with a button that tests it).
fn catalog_choice(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    server: &ServerState,
    lang: Language,
) -> Option<ServerIntent> {
    ui.label(tr(lang, "server-db"));
    let mut choice = settings.catalog();
    ui.radio_value(&mut choice, CatalogChoice::Memory, tr(lang, "server-in_memory"));
    ui.radio_value(&mut choice, CatalogChoice::File, tr(lang, "server-catalog_file"));
    ui.radio_value(&mut choice, CatalogChoice::Shared, tr(lang, "server-catalog_shared"));
    if choice != settings.catalog() {
        settings.set_catalog(choice);
    }
    let mut intent = None;
    match choice {
        CatalogChoice::Memory => {}
        CatalogChoice::File => {
            let label = ui.label(tr(lang, "server-db_file"));
            let hint = lojinha_server::server::default_db_path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            ui.add(egui::TextEdit::singleline(&mut settings.db_path).hint_text(hint)).labelled_by(label.id);
        }
        CatalogChoice::Shared => intent = shared_database(ui, settings, server, lang),
    }
    ui.weak(trf(lang, "server-db_used", &[("db", &db_location(settings).to_string())]));
    intent
}

/// The shared database's connection string, the "Test" button and what it found.
fn shared_database(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    server: &ServerState,
    lang: Language,
) -> Option<ServerIntent> {
    let label = ui.label(tr(lang, "server-postgres"));
    // Masked while it holds a password, so a projector does not show it.
    let secret = lojinha_server::storage::conninfo_without_password(settings.postgres.trim())
        != settings.postgres.trim();
    ui.add(
        egui::TextEdit::singleline(&mut settings.postgres)
            .password(secret)
            .hint_text("postgres://user@host/lojinha"),
    )
    .labelled_by(label.id)
    .on_hover_text(tr(lang, "server-postgres_help"));
    let conninfo = settings.postgres.trim();
    let test = server.db_test.as_ref().filter(|test| test.conninfo == conninfo);
    // One test at a time, whichever string it is testing.
    let testing = server.db_test.as_ref().is_some_and(|test| test.outcome.is_none());
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        let button = ui.add_enabled(
            !conninfo.is_empty() && !testing,
            egui::Button::new(tr(lang, "server-postgres_test")),
        );
        if button.clicked() {
            intent = Some(ServerIntent::TestDatabase);
        }
        if testing {
            ui.spinner();
            ui.label(tr(lang, "server-postgres_testing"));
        }
    });
    match test.and_then(|test| test.outcome.as_ref()) {
        Some(Ok(probe)) => {
            let (text, good) = probe_words(probe, lang);
            let color = if good { crate::client::form::ok_color(ui) } else { ui.visuals().warn_fg_color };
            ui.colored_label(color, text);
        }
        Some(Err(why)) => {
            ui.colored_label(ui.visuals().error_fg_color, why.say(lang));
        }
        None if conninfo.is_empty() => {
            ui.weak(tr(lang, "server-postgres_needed"));
        }
        None => {}
    }
    intent
}

/// What the test found, and whether a server could start on it.
fn probe_words(probe: &lojinha_server::storage::Probe, lang: Language) -> (String, bool) {
    use lojinha_server::storage::ProbedCatalog;
    let version = probe.server_version.as_str();
    match probe.catalog {
        ProbedCatalog::NotYetCreated => (trf(lang, "server-postgres_empty", &[("version", &version)]), true),
        ProbedCatalog::Products(n) => {
            (trf(lang, "server-postgres_reached", &[("version", &version), ("n", &n)]), true)
        }
        ProbedCatalog::Newer(schema) => {
            (trf(lang, "server-postgres_newer", &[("version", &version), ("schema", &schema)]), false)
        }
    }
}

fn start_stop(
    ui: &mut egui::Ui,
    server: &ServerState,
    settings: &Settings,
    lang: Language,
) -> Option<ServerIntent> {
    let mut intent = None;
    ui.horizontal(|ui| {
        if server.handle().is_some() {
            if ui.button(tr(lang, "server-stop")).clicked() {
                intent = Some(ServerIntent::Stop);
            }
        } else if ui
            .add_enabled(
                !server.busy() && !settings.listen.trim().is_empty() && catalog_named(settings),
                egui::Button::new(tr(lang, "server-start")),
            )
            .clicked()
        {
            intent = Some(ServerIntent::Start);
        }
        if server.busy() {
            ui.spinner();
            ui.label(if server.starting() {
                tr(lang, "server-starting")
            } else {
                tr(lang, "server-stopping")
            });
        }
    });
    intent
}

/// Whether the settings name a catalog (a shared one needs its connection string).
fn catalog_named(settings: &Settings) -> bool {
    settings.catalog() != CatalogChoice::Shared || !settings.postgres.trim().is_empty()
}

/// The middle: the running server's state, its sessions and its log.
pub fn status(ui: &mut egui::Ui, server: &mut ServerState, lang: Language) -> Option<ServerIntent> {
    // What is above the log (the status line, the addresses, the teacher's
    // controls unfolded, the sessions) scrolls within two fifths of the
    // panel, so the log and the diagram keep the rest on a short screen
    // (a projector at 1280×720 and 130 %).
    let above = (ui.available_height() * 0.4).max(120.0);
    let intent = egui::ScrollArea::vertical()
        .id_salt("server-status")
        .max_height(above)
        .auto_shrink([false, true])
        .show(ui, |ui| status_and_sessions(ui, server, lang))
        .inner;
    ui.separator();
    ui.heading(tr(lang, "log-title_server"));
    let log = server_log(ui, server, crate::log::linked::Layout::Below, lang);
    intent.or(log)
}

fn status_and_sessions(ui: &mut egui::Ui, server: &ServerState, lang: Language) -> Option<ServerIntent> {
    let mut intent = None;
    match server.handle() {
        Some(handle) => {
            let addr = handle.local_addr().to_string();
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    crate::client::form::ok_color(ui),
                    trf(lang, "server-running", &[("addr", &addr)]),
                );
                ui.label(trf(lang, "server-uptime", &[("uptime", &format_uptime(handle.uptime(), lang))]));
                ui.label(trf(lang, "server-products", &[("n", &handle.product_count())]));
                ui.label(trf(lang, "server-mode_is", &[("mode", &mode_name(handle.mode(), lang))]));
                ui.label(trf(lang, "server-db_is", &[("db", &handle.config().db.to_string())]));
                let idle = handle.config().idle_timeout.as_secs();
                ui.label(trf(lang, "server-idle_is", &[("s", &idle)]));
            });
            if handle.local_addr().ip().is_unspecified() {
                student_addresses(ui, &server.student_addresses, lang);
            }
            intent = teacher_controls(ui, handle, lang).map(ServerIntent::Teacher);
        }
        None => {
            ui.label(tr(lang, "server-not_running"));
        }
    }
    ui.add_space(4.0);
    ui.strong(trf(lang, "server-sessions", &[("n", &server.sessions.len())]));
    intent.or(sessions_table(ui, server, lang).map(ServerIntent::Teacher))
}

/// The teacher's controls, folded: pause and step, slow motion, pieces.
/// Reads the running server's settings each frame (the server keeps them).
pub fn teacher_controls(ui: &mut egui::Ui, handle: &ServerHandle, lang: Language) -> Option<TeacherIntent> {
    let controls = handle.controls();
    let before = controls.settings();
    let mut settings = before;
    let mut intent = None;
    egui::CollapsingHeader::new(tr(lang, "teacher-title")).id_salt("teacher-controls").show(ui, |ui| {
        ui.weak(tr(lang, "teacher-explain"));
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut settings.paused, tr(lang, "teacher-pause"))
                .on_hover_text(tr(lang, "teacher-pause_hint"));
            let held = controls.held();
            if ui.add_enabled(held > 0, egui::Button::new(tr(lang, "teacher-next"))).clicked() {
                intent = Some(TeacherIntent::Next);
            }
            if ui.add_enabled(held > 0, egui::Button::new(tr(lang, "teacher-release_all"))).clicked() {
                intent = Some(TeacherIntent::ReleaseAll);
            }
            ui.label(trf(lang, "teacher-held", &[("n", &held)]));
        });
        let mut slow = settings.slow.as_secs_f32();
        let max_slow = lojinha_server::server::MAX_SLOW.as_secs_f32();
        let slider = egui::Slider::new(&mut slow, 0.0..=max_slow).step_by(0.1).suffix(" s");
        // Only a moved slider sets it: seconds as f32 do not always round-trip.
        if ui
            .add(slider.text(tr(lang, "teacher-slow")))
            .on_hover_text(tr(lang, "teacher-slow_hint"))
            .changed()
        {
            settings.slow = Duration::from_millis((slow * 1000.0).round() as u64);
        }
        let most = lojinha_server::protocol::pieces::MAX_PIECES;
        ui.add(egui::Slider::new(&mut settings.pieces, 1..=most).text(tr(lang, "teacher-pieces")))
            .on_hover_text(tr(lang, "teacher-pieces_hint"));
        let mut pause_ms = settings.piece_pause.as_millis() as u64;
        let max_pause = lojinha_server::server::MAX_PIECE_PAUSE.as_millis() as u64;
        ui.add_enabled(
            settings.pieces > 1,
            egui::Slider::new(&mut pause_ms, 0..=max_pause)
                .step_by(50.0)
                .suffix(" ms")
                .text(tr(lang, "teacher-piece_pause")),
        );
        settings.piece_pause = Duration::from_millis(pause_ms);
    });
    intent.or((settings != before).then_some(TeacherIntent::Set(settings)))
}

/// The server's log and diagram, with how many events were not shown;
/// returns the log's "Clear" as an intent.
pub fn server_log(
    ui: &mut egui::Ui,
    server: &mut ServerState,
    layout: crate::log::linked::Layout,
    lang: Language,
) -> Option<ServerIntent> {
    let not_shown = server.not_shown.get();
    if not_shown > 0 {
        ui.colored_label(ui.visuals().warn_fg_color, trf(lang, "log-not_shown", &[("n", &not_shown)]));
    }
    let title = tr(lang, "log-title_server");
    let action = crate::log::linked::show(
        ui,
        "server",
        &title,
        &mut server.log_view,
        &server.steps,
        &mut server.diagram,
        layout,
        lang,
    );
    (action == Some(LogAction::Clear)).then_some(ServerIntent::ClearLog)
}

/// What students type on other computers, one address a line.
fn student_addresses(ui: &mut egui::Ui, addresses: &[super::addresses::StudentAddress], lang: Language) {
    if addresses.is_empty() {
        ui.colored_label(ui.visuals().warn_fg_color, tr(lang, "server-no_addresses"));
        return;
    }
    ui.label(tr(lang, "server-students_type"));
    ui.horizontal_wrapped(|ui| {
        for address in addresses {
            ui.add(
                egui::Label::new(egui::RichText::new(address.addr.to_string()).monospace().strong())
                    .selectable(true),
            );
            ui.weak(format!("({})", address.interface));
            ui.add_space(8.0);
        }
    });
}

/// The sessions, each with a "Drop" button before its report card; returns
/// the one pressed.
fn sessions_table(ui: &mut egui::Ui, server: &ServerState, lang: Language) -> Option<TeacherIntent> {
    let height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut intent = None;
    // Narrower than its columns (a projector, the lesson open), the table
    // scrolls sideways instead of squeezing its last column to nothing.
    egui::ScrollArea::horizontal().id_salt("sessions-sideways").show(ui, |ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        TableBuilder::new(ui)
            .id_salt("sessions")
            .striped(true)
            .max_scroll_height(140.0)
            .min_scrolled_height(60.0)
            // The report card next to the name: what a teacher looks for first.
            .column(Column::exact(44.0))
            .column(Column::initial(110.0).at_least(60.0).resizable(true))
            .column(Column::initial(200.0).at_least(150.0).resizable(true))
            .column(Column::initial(130.0).at_least(60.0).resizable(true))
            .column(Column::initial(110.0).at_least(60.0).resizable(true))
            .column(Column::remainder().at_least(60.0))
            .header(20.0, |mut header| {
                for key in [
                    "sessions-id",
                    "sessions-client",
                    "sessions-report_card",
                    "sessions-peer",
                    "sessions-since",
                    "sessions-requests",
                ] {
                    header.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
            })
            .body(|body| {
                body.rows(height, server.sessions.len(), |mut row| {
                    let s = &server.sessions[row.index()];
                    row.col(|ui| {
                        ui.monospace(format!("#{}", s.id));
                    });
                    row.col(|ui| {
                        ui.label(s.client.clone().unwrap_or_else(|| tr(lang, "sessions-unnamed")));
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            let label = trf(lang, "sessions-drop", &[("id", &s.id)]);
                            let drop = ui.small_button(label).on_hover_text(tr(lang, "sessions-drop_hint"));
                            if drop.clicked() {
                                intent = Some(TeacherIntent::Drop(s.id));
                            }
                            report_card(ui, &s.card, lang);
                        });
                    });
                    row.col(|ui| {
                        ui.monospace(s.peer.to_string());
                    });
                    row.col(|ui| {
                        ui.label(since(s.connected_since, lang));
                    });
                    row.col(|ui| {
                        ui.label(s.requests.to_string());
                    });
                });
            });
    });
    intent
}

/// "12 ok", or "12 ok, 3 mistakes" in the warning colour with the mistakes
/// in words on hover.
fn report_card(ui: &mut egui::Ui, card: &lojinha_server::server::ReportCard, lang: Language) {
    use super::report_card::{details, summary};
    if card.mistakes_total() == 0 {
        ui.label(summary(card, lang));
    } else {
        ui.colored_label(ui.visuals().warn_fg_color, summary(card, lang)).on_hover_text(details(card, lang));
    }
}

fn since(at: SystemTime, lang: Language) -> String {
    let ago = SystemTime::now().duration_since(at).unwrap_or_default();
    trf(lang, "sessions-ago", &[("time", &format_uptime(ago, lang))])
}

/// The mode in the user's language.
pub fn mode_name(mode: lojinha_server::Mode, lang: Language) -> String {
    tr(lang, lojinha_teach::steps::words::mode_id(mode))
}

/// Whole minutes only, so the panel needs one repaint a minute, not one a second.
pub fn format_uptime(d: Duration, lang: Language) -> String {
    let minutes = d.as_secs() / 60;
    match minutes {
        0 => tr(lang, "time-under_a_minute"),
        1..=59 => trf(lang, "time-minutes", &[("m", &minutes)]),
        _ => trf(lang, "time-hours", &[("h", &(minutes / 60)), ("m", &(minutes % 60))]),
    }
}

/// How long until the minute shown by [`format_uptime`] changes.
pub fn next_minute(d: Duration) -> Duration {
    Duration::from_secs(60 - d.as_secs() % 60)
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use lojinha_server::ServerConfig;
    use lojinha_server::server::ControlSettings;

    use super::*;

    /// The teacher's controls ask nothing while only drawn (opened or not),
    /// and one click asks exactly for it: the pause, with the rest unchanged.
    #[test]
    fn teacher_controls_ask_only_when_touched() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let handle = lojinha_server::start_on(listener, ServerConfig::default()).unwrap();
        let mut harness = Harness::new_ui_state(
            move |ui, asked: &mut Vec<TeacherIntent>| {
                asked.extend(teacher_controls(ui, &handle, Language::En))
            },
            Vec::new(),
        );
        harness.run();
        harness
            .get_by_role_and_label(Role::DisclosureTriangle, "Teacher's controls: make the server misbehave")
            .click_accesskit();
        harness.run();
        harness.run_steps(5);
        assert!(harness.state().is_empty(), "drawing asks nothing: {:?}", harness.state());
        harness.get_by_label("Pause (hold every answer)").click_accesskit();
        harness.run();
        let paused = ControlSettings { paused: true, ..ControlSettings::default() };
        assert_eq!(harness.state(), &vec![TeacherIntent::Set(paused)]);
    }
}
