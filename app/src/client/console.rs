//! The raw console of a client window: a line of text sent exactly as typed
//! (like `nc`), plus ready-made examples. Whatever the server answers shows
//! in the log and the diagram, errors included.

use crate::i18n::{Language, tr};
use crate::phrase::Phrase;

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

/// What the console holds between frames.
#[derive(Debug, Default)]
pub struct ConsoleState {
    pub text: String,
    /// Why the last message could not be sent.
    pub error: Option<Phrase>,
}

/// Draws the console; returns the text to send when the user sends it.
pub fn show(ui: &mut egui::Ui, state: &mut ConsoleState, connected: bool, lang: Language) -> Option<String> {
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
            send = Some(state.text.clone());
        }
    });
    if let Some(error) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
    }
    send
}
