//! The connection bar of a client window: name, address, connect buttons and
//! the connection's state in words (with what to do about it).

use std::time::Instant;

use crate::i18n::{Language, tr, trf};
use crate::phrase::Phrase;

/// Where the window's connection stands.
#[derive(Debug, Clone)]
pub enum ConnState {
    Idle,
    Connecting {
        addr: String,
        attempt: u32,
    },
    Connected {
        peer: String,
        session: u64,
    },
    /// A connection attempt failed.
    Failed {
        message: Phrase,
    },
    /// An open connection ended; a reconnect may be scheduled.
    Lost {
        reason: Phrase,
        retry_at: Option<Instant>,
    },
}

impl ConnState {
    pub fn connected(&self) -> bool {
        matches!(self, ConnState::Connected { .. })
    }
}

/// What the user asked of the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnIntent {
    Connect(String),
    ConnectLocal,
    Disconnect,
    /// Connect again to the last address.
    Reconnect,
    SetAutoReconnect(bool),
}

pub struct ConnBar<'a> {
    pub name: &'a mut String,
    pub token: &'a mut String,
    pub addr: &'a mut String,
    pub auto_reconnect: &'a mut bool,
    pub state: &'a ConnState,
    /// The address of this app's own server, when it runs.
    pub local_server: Option<&'a str>,
}

pub fn show(ui: &mut egui::Ui, bar: ConnBar<'_>, lang: Language) -> Option<ConnIntent> {
    let mut intent = None;
    let busy = matches!(bar.state, ConnState::Connecting { .. } | ConnState::Connected { .. });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "client-name"));
        ui.add_enabled(
            !busy,
            egui::TextEdit::singleline(bar.name).desired_width(110.0).hint_text(tr(lang, "client-name_hint")),
        )
        .labelled_by(label.id);
        let label = ui.label(tr(lang, "client-token"));
        ui.add_enabled(
            !busy,
            egui::TextEdit::singleline(bar.token)
                .password(true)
                .desired_width(80.0)
                .hint_text(tr(lang, "client-token_hint")),
        )
        .labelled_by(label.id);
        let label = ui.label(tr(lang, "client-address"));
        let edit = ui
            .add(
                egui::TextEdit::singleline(bar.addr)
                    .desired_width(160.0)
                    .hint_text(tr(lang, "client-address_hint")),
            )
            .labelled_by(label.id);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr(lang, "client-connect")).clicked() || enter {
            intent = Some(ConnIntent::Connect(bar.addr.trim().to_owned()));
        }
        let local_label = match bar.local_server {
            Some(addr) => trf(lang, "client-connect_local", &[("addr", &addr)]),
            None => tr(lang, "client-connect_local_none"),
        };
        if ui.add_enabled(bar.local_server.is_some(), egui::Button::new(local_label)).clicked() {
            intent = Some(ConnIntent::ConnectLocal);
        }
        if ui
            .add_enabled(
                busy || matches!(bar.state, ConnState::Lost { retry_at: Some(_), .. }),
                egui::Button::new(tr(lang, "client-disconnect")),
            )
            .clicked()
        {
            intent = Some(ConnIntent::Disconnect);
        }
        if ui.checkbox(bar.auto_reconnect, tr(lang, "client-auto_reconnect")).changed() {
            intent = Some(ConnIntent::SetAutoReconnect(*bar.auto_reconnect));
        }
    });
    if let Some(reconnect) = status(ui, bar.state, lang) {
        intent = Some(reconnect);
    }
    intent
}

/// The state in words; offers "Reconnect" after a lost connection.
fn status(ui: &mut egui::Ui, state: &ConnState, lang: Language) -> Option<ConnIntent> {
    let mut intent = None;
    ui.horizontal_wrapped(|ui| match state {
        ConnState::Idle => {
            ui.label(tr(lang, "client-idle"));
        }
        ConnState::Connecting { addr, attempt: 0 } => {
            ui.spinner();
            ui.label(trf(lang, "client-connecting", &[("addr", addr)]));
        }
        ConnState::Connecting { addr, attempt } => {
            ui.spinner();
            ui.label(trf(lang, "client-reconnecting", &[("addr", addr), ("attempt", &attempt)]));
        }
        ConnState::Connected { peer, session } => {
            let text = trf(lang, "client-connected", &[("peer", peer), ("session", &session.to_string())]);
            ui.colored_label(super::form::ok_color(ui), text);
        }
        ConnState::Failed { message } => {
            ui.colored_label(ui.visuals().error_fg_color, message.say(lang));
        }
        ConnState::Lost { reason, retry_at } => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                trf(lang, "client-lost", &[("reason", &reason.say(lang))]),
            );
            if let Some(at) = retry_at {
                let secs = at.saturating_duration_since(Instant::now()).as_secs_f32().ceil();
                ui.label(trf(
                    lang,
                    "client-retry_in",
                    &[("secs", &crate::i18n::Decimal(f64::from(secs), 0))],
                ));
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
            }
            if ui.button(tr(lang, "client-reconnect")).clicked() {
                intent = Some(ConnIntent::Reconnect);
            }
        }
    });
    intent
}
