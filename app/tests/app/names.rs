//! Window names: a new client window is named after the user and the
//! computer (`maria@lab-07 1`), so a classroom's session list tells whose
//! window each session is; a name typed for new windows replaces it.

use crate::common::*;

/// The default name is `user@computer` (the language's word for "client"
/// when the user is unknown) and a number; the server's session list
/// shows it; "Name for new windows" still overrides it.
#[test]
fn new_windows_are_named_after_user_and_computer() {
    let mut h = served_and_connected();
    let base = h.state().default_client_base_name();
    let host = gethostname::gethostname().into_string().unwrap_or_default();
    let short_host = host.trim().split('.').next().unwrap_or_default().to_lowercase();
    if short_host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !short_host.is_empty() {
        assert!(base.ends_with(&format!("@{short_host}")), "{base} names the computer {host}");
    }
    let user = ["USER", "USERNAME", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok()).unwrap_or_default();
    let expected_user = if user.is_empty() { "Client".to_owned() } else { user.clone() };
    if expected_user.chars().all(|c| c.is_ascii_alphanumeric()) && expected_user.len() <= 16 {
        assert!(base.starts_with(&format!("{expected_user}@")), "{base} names the user {user:?}");
    }
    let first = format!("{base} 1");
    assert_eq!(lock(&window(&h, 0).unwrap()).name, first);
    assert!(shows(&h, None, &first), "the session list names the window after its user and computer");

    set_text(&mut h, None, "Name for new windows", "Aluno");
    click(&mut h, None, "New client window");
    assert_eq!(lock(&window(&h, 1).unwrap()).name, "Aluno 2", "a typed name wins");
}
