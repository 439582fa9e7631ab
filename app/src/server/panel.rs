//! The server panel: settings and Start/Stop on the left; address (and the
//! addresses students type from other computers), uptime, sessions and the
//! server's own protocol log in the middle.

use std::time::{Duration, SystemTime};

use egui_extras::{Column, TableBuilder};

use super::{IDLE_TIMEOUT_SECS, ServerState, db_location, listen_address};
use crate::i18n::{Language, tr, trf};
use crate::log::view::LogAction;
use crate::settings::Settings;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerIntent {
    Start,
    Stop,
    ClearLog,
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
    ui.add_enabled_ui(editable, |ui| settings_form(ui, settings, lang));
    ui.add_space(8.0);
    let intent = start_stop(ui, server, settings, lang);
    if let Some(error) = &server.error {
        ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
    }
    intent
}

fn settings_form(ui: &mut egui::Ui, settings: &mut Settings, lang: Language) {
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
    ui.label(tr(lang, "server-db"));
    ui.checkbox(&mut settings.db_in_memory, tr(lang, "server-in_memory"));
    if !settings.db_in_memory {
        let label = ui.label(tr(lang, "server-db_file"));
        let hint =
            lojinha_server::server::default_db_path().map(|p| p.display().to_string()).unwrap_or_default();
        ui.add(egui::TextEdit::singleline(&mut settings.db_path).hint_text(hint)).labelled_by(label.id);
    }
    ui.weak(trf(lang, "server-db_used", &[("db", &db_location(settings).to_string())]));
    ui.checkbox(&mut settings.seed_sample, tr(lang, "server-seed_sample"));
    let label = ui.label(tr(lang, "server-token"));
    ui.add(
        egui::TextEdit::singleline(&mut settings.server_token)
            .password(true)
            .hint_text(tr(lang, "server-token_hint")),
    )
    .labelled_by(label.id)
    .on_hover_text(tr(lang, "server-token_help"));
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
                !server.busy() && !settings.listen.trim().is_empty(),
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

/// The middle: the running server's state, its sessions and its log.
pub fn status(ui: &mut egui::Ui, server: &mut ServerState, lang: Language) -> Option<ServerIntent> {
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
        }
        None => {
            ui.label(tr(lang, "server-not_running"));
        }
    }
    ui.add_space(4.0);
    ui.strong(trf(lang, "server-sessions", &[("n", &server.sessions.len())]));
    sessions_table(ui, server, lang);
    ui.separator();
    ui.heading(tr(lang, "log-title_server"));
    server_log(ui, server, crate::log::linked::Layout::Below, lang)
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

fn sessions_table(ui: &mut egui::Ui, server: &ServerState, lang: Language) {
    let height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    ui.push_id("sessions", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(140.0)
            .min_scrolled_height(60.0)
            .column(Column::exact(50.0))
            .column(Column::initial(110.0).resizable(true))
            .column(Column::initial(130.0).resizable(true))
            .column(Column::initial(110.0))
            .column(Column::exact(60.0))
            .column(Column::remainder())
            .header(20.0, |mut header| {
                for key in [
                    "sessions-id",
                    "sessions-client",
                    "sessions-peer",
                    "sessions-since",
                    "sessions-requests",
                    "sessions-report_card",
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
                        ui.monospace(s.peer.to_string());
                    });
                    row.col(|ui| {
                        ui.label(since(s.connected_since, lang));
                    });
                    row.col(|ui| {
                        ui.label(s.requests.to_string());
                    });
                    row.col(|ui| report_card(ui, server.cards.get(s.id), lang));
                });
            });
    });
}

/// "12 ok", or "12 ok, 3 mistakes" in the warning colour with the mistakes
/// in words on hover.
fn report_card(ui: &mut egui::Ui, card: Option<&super::report_card::ReportCard>, lang: Language) {
    let Some(card) = card else { return };
    if card.mistakes_total() == 0 {
        ui.label(card.summary(lang));
    } else {
        ui.colored_label(ui.visuals().warn_fg_color, card.summary(lang)).on_hover_text(card.details(lang));
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
