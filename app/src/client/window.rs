//! Lays out a client window: connection bar on top; the raw console, the log
//! and the sequence diagram at the bottom; form / fetch / export / import on
//! the right; the product table in the middle.

use super::connection::{self, ConnBar};
use super::{ClientWindow, Intent, console, export_box, fetch, form, import_box, table};
use crate::i18n::{Language, tr, trf};
use crate::log::linked::Layout;

/// Draws one frame of a client window and applies what the user asked.
pub fn show(ui: &mut egui::Ui, class: egui::ViewportClass, window: &mut ClientWindow, lang: Language) {
    if ui.input(|i| i.viewport().close_requested()) {
        window.open = false;
    }
    if class == egui::ViewportClass::EmbeddedWindow {
        // Embedded (tests, or a platform without multiple windows): give the panels room.
        ui.set_min_size(egui::vec2(1100.0, 720.0));
    }
    let viewport = window.viewport_id();
    crate::frame_stats::frame_began(viewport);
    window.drain();
    let intents = draw(ui, window, lang);
    window.apply(intents, lang);
    crate::frame_stats::frame_ended(viewport, crate::frame_stats::had_input(ui.ctx()));
}

fn draw(ui: &mut egui::Ui, w: &mut ClientWindow, lang: Language) -> Vec<Intent> {
    let mut intents = Vec::new();
    let connected = w.conn.connected();
    egui::Panel::top((w.id_salt(), "conn")).show(ui, |ui| {
        ui.add_space(4.0);
        let bar = ConnBar {
            name: &mut w.name,
            token: &mut w.token,
            addr: &mut w.addr,
            auto_reconnect: &mut w.auto_reconnect,
            state: &w.conn,
            local_server: w.local_server.as_deref(),
        };
        intents.extend(connection::show(ui, bar, lang).map(Intent::Conn));
        ui.add_space(2.0);
    });
    egui::Panel::bottom((w.id_salt(), "log")).resizable(true).default_size(300.0).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(tr(lang, "log-title_client"));
            let mut reads = w.show_reads;
            if ui
                .checkbox(&mut reads, tr(lang, "client-show_reads"))
                .on_hover_text(tr(lang, "client-show_reads_hint"))
                .changed()
            {
                intents.push(Intent::ShowReads(reads));
            }
            let not_shown = w.not_shown();
            if not_shown > 0 {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    trf(lang, "log-not_shown", &[("n", &not_shown)]),
                );
            }
        });
        intents.extend(console::show(ui, &mut w.console, connected, lang).map(Intent::Raw));
        let id = w.id_salt();
        let title = format!("{} ({})", w.title(lang), w.name);
        let log = &mut w.log_view;
        if crate::log::linked::show(ui, &id, &title, log, &w.steps, &mut w.diagram, Layout::Beside, lang)
            .is_some()
        {
            intents.push(Intent::ClearLog);
        }
    });
    egui::Panel::right((w.id_salt(), "side")).resizable(true).default_size(380.0).show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| side(ui, w, connected, &mut intents, lang));
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let selected = w.selected.clone();
        intents.extend(
            table::show(ui, &mut w.catalog, &mut w.filter, selected.as_deref(), w.progress, connected, lang)
                .map(Intent::Table),
        );
    });
    intents
}

fn side(ui: &mut egui::Ui, w: &mut ClientWindow, connected: bool, intents: &mut Vec<Intent>, lang: Language) {
    intents.extend(form::show(ui, &mut w.form, connected, lang).map(Intent::Form));
    if let Some(code) = w.confirm_delete.clone() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(trf(lang, "form-confirm_delete", &[("code", &code)]));
            ui.horizontal(|ui| {
                if ui.button(tr(lang, "form-confirm_yes")).clicked() {
                    intents.push(Intent::ConfirmDelete(code.clone()));
                }
                if ui.button(tr(lang, "form-confirm_no")).clicked() {
                    intents.push(Intent::CancelDelete);
                }
            });
        });
    }
    ui.separator();
    intents.extend(fetch::show(ui, &mut w.fetch, connected, lang).map(Intent::Fetch));
    ui.separator();
    let count = w.catalog.view().len();
    intents.extend(export_box::show(ui, &mut w.export, count, lang).map(Intent::Export));
    ui.separator();
    intents.extend(import_box::show(ui, &mut w.import, connected, lang).map(Intent::Import));
}
