//! The raw console of a client window: a line of text sent exactly as typed
//! (like `nc`), plus ready-made examples. Whatever the server answers shows
//! in the log and the diagram, errors included.
//!
//! Its twin of the server's "send in pieces": the text can go in several
//! `write()`s with a pause between them (the network thread waits, never the
//! window), or without its `\n`, to show that the server waits for the end of
//! the line; "Send \n" then ends it.

use std::time::Duration;

use super::network::RawSend;

use crate::i18n::{Language, tr};
use crate::phrase::Phrase;
use lojinha_server::protocol::pieces::MAX_PIECES;

/// Ready-made messages: (translation key of the label, the text).
pub const EXAMPLES: &[(&str, &str)] = &[
    ("console-ex_valid", r#"{"jsonrpc":"2.0","id":101,"method":"product.get","params":{"code":"CAN-001"}}"#),
    (
        "console-ex_batch",
        r#"[{"jsonrpc":"2.0","id":102,"method":"product.get","params":{"code":"CAN-001"}},{"jsonrpc":"2.0","id":103,"method":"product.list","params":{"limit":2}}]"#,
    ),
    ("console-ex_invalid", r#"{"jsonrpc":"2.0","id":104,"method":"#),
    ("console-ex_unknown", r#"{"jsonrpc":"2.0","id":105,"method":"product.fly","params":{}}"#),
];

/// The longest pause between two pieces the console offers, in milliseconds.
pub const MAX_PIECE_PAUSE_MS: u64 = 2000;

/// What the console holds between frames.
#[derive(Debug)]
pub struct ConsoleState {
    pub text: String,
    /// Why the last message could not be sent.
    pub error: Option<Phrase>,
    /// Send without the `\n` at the end.
    pub without_newline: bool,
    /// Send in this many pieces (1: one write).
    pub pieces: usize,
    pub piece_pause_ms: u64,
}

impl Default for ConsoleState {
    fn default() -> Self {
        ConsoleState {
            text: String::new(),
            error: None,
            without_newline: false,
            pieces: 1,
            piece_pause_ms: 500,
        }
    }
}

impl ConsoleState {
    fn raw_send(&self, text: String, newline: bool) -> RawSend {
        RawSend { text, newline, pieces: self.pieces, pause: Duration::from_millis(self.piece_pause_ms) }
    }
}

/// Draws the console; returns what to send when the user sends it.
pub fn show(ui: &mut egui::Ui, state: &mut ConsoleState, connected: bool, lang: Language) -> Option<RawSend> {
    let mut send = None;
    ui.horizontal_wrapped(|ui| {
        ui.strong(tr(lang, "console-title")).on_hover_text(tr(lang, "console-explain"));
        ui.weak(tr(lang, "console-examples"));
        for (key, text) in EXAMPLES {
            if ui.small_button(tr(lang, key)).clicked() {
                state.text = (*text).to_owned();
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "console-message"));
        // Room for the send button in this language, so it is never cut off.
        let send_text = tr(lang, "console-send");
        let send_width = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                send_text.clone(),
                egui::TextStyle::Button.resolve(ui.style()),
                egui::Color32::WHITE,
            )
            .size()
            .x
        }) + 2.0 * ui.spacing().button_padding.x
            + ui.spacing().item_spacing.x
            + 4.0;
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.text)
                    .code_editor()
                    .desired_width((ui.available_width() - send_width).max(80.0))
                    .hint_text(tr(lang, "console-hint")),
            )
            .labelled_by(label.id);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let button = ui.add_enabled(connected, egui::Button::new(send_text));
        if (button.clicked() || (enter && connected)) && !state.text.is_empty() {
            state.error = None;
            send = Some(state.raw_send(state.text.clone(), !state.without_newline));
        }
    });
    send = send.or_else(|| how_to_send(ui, state, connected, lang));
    if let Some(error) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
    }
    send
}

/// "Without \n", "Send \n", and the pieces; returns a lone newline when asked.
fn how_to_send(
    ui: &mut egui::Ui,
    state: &mut ConsoleState,
    connected: bool,
    lang: Language,
) -> Option<RawSend> {
    let mut send = None;
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut state.without_newline, tr(lang, "console-without_newline"))
            .on_hover_text(tr(lang, "console-without_newline_hint"));
        let newline = egui::Button::new(tr(lang, "console-send_newline"));
        if ui.add_enabled(connected, newline).on_hover_text(tr(lang, "console-send_newline_hint")).clicked() {
            state.error = None;
            send = Some(state.raw_send(String::new(), true));
        }
        ui.separator();
        ui.add(egui::Slider::new(&mut state.pieces, 1..=MAX_PIECES).text(tr(lang, "console-pieces")))
            .on_hover_text(tr(lang, "console-pieces_hint"));
        ui.add_enabled(
            state.pieces > 1,
            egui::Slider::new(&mut state.piece_pause_ms, 0..=MAX_PIECE_PAUSE_MS)
                .step_by(50.0)
                .suffix(" ms")
                .text(tr(lang, "console-piece_pause")),
        );
    });
    send
}
