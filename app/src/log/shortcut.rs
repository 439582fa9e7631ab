//! The keyboard shortcut that clears the log of the window it is pressed
//! in (the server panel's, or a client window's): a teacher starts a demo
//! with a clean log without reaching for the mouse.

/// Ctrl+L (Cmd+L on a Mac), as terminals clear their screen.
pub const CLEAR: egui::KeyboardShortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::L);

/// Whether the shortcut was pressed in this window this frame (and takes it).
pub fn clear_pressed(ui: &egui::Ui) -> bool {
    ui.input_mut(|input| input.consume_shortcut(&CLEAR))
}
