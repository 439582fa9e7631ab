//! No lost updates: two client windows edit the same product through the
//! real UI against a real in-process server. A form sends the version it
//! read; a stale save or delete is refused by the server and the form shows
//! what changed; overwriting is a choice the user makes on purpose; a
//! product deleted elsewhere is said to be gone.

use crate::common::*;
use egui_kittest::kittest::{NodeT, Queryable};
use lojinha::client::Intent;
use lojinha::client::table::TableIntent;
use lojinha_server::{Client, ClientOptions, Product};

/// A server with two connected windows that have loaded the catalog.
fn two_windows() -> App {
    let mut h = served_and_connected();
    click(&mut h, None, "New client window");
    click_prefix(&mut h, Some(2), "Connect to this app's server");
    wait_for(&mut h, "window 2 loaded", |h| {
        window(h, 1).is_some_and(|w| {
            lock(&w).conn.connected() && lock(&w).progress.is_none() && !lock(&w).catalog.is_empty()
        })
    });
    h
}

/// Opens `code` in window `n`'s form, as a click on its table row does.
fn edit(h: &mut App, n: usize, code: &str) {
    lock(&window(h, n - 1).unwrap())
        .apply(vec![Intent::Table(TableIntent::Select(code.into()))], lojinha::i18n::Language::En);
    h.step();
    h.step();
    assert!(shows(h, Some(n), &format!("Edit {code}")));
}

/// The product as the server holds it, asked over a connection of its own.
fn on_server(h: &App, code: &str) -> Product {
    let addr = h.state().server_address().unwrap();
    let mut client = Client::connect(&addr, ClientOptions::default()).unwrap();
    client.get(code).unwrap()
}

/// The raw lines window `n` sent or received for `method`.
fn raw_lines(h: &App, n: usize, method: &str) -> Vec<String> {
    rows(&lock(&window(h, n - 1).unwrap()).steps)
        .into_iter()
        .filter(|r| r.method.as_deref() == Some(method))
        .filter_map(|r| r.raw)
        .collect()
}

/// Two windows edit CAN-001; the first saves. The second (whose form the
/// user had changed) says so at once, and when it saves last anyway with
/// the version it read, the server refuses (1004) and keeps the first
/// window's values; the form shows theirs beside its own. "Save mine
/// anyway" then overwrites on purpose.
#[test]
fn older_form_saving_last_overwrites_nothing_until_asked() {
    let mut h = two_windows();
    edit(&mut h, 1, "CAN-001");
    edit(&mut h, 2, "CAN-001");
    let read = on_server(&h, "CAN-001").version;
    set_text(&mut h, Some(2), "Name", "Caneta da janela 2");
    set_text(&mut h, Some(1), "Name", "Caneta da janela 1");
    click(&mut h, Some(1), "Save changes");
    wait_for(&mut h, "window 1 saved", |h| shows(h, Some(1), "Saved CAN-001."));
    wait_for(&mut h, "window 2 told", |h| {
        shows(h, Some(2), "CAN-001 was changed by someone else while you were editing it")
    });
    assert!(shows(&h, Some(2), "Now on the server"), "their values are shown beside mine");
    assert_eq!(lock(&window(&h, 1).unwrap()).form.name, "Caneta da janela 2", "my typing is kept");

    click(&mut h, Some(2), "Save changes");
    wait_for(&mut h, "the server's refusal", |h| {
        raw_lines(h, 2, "product.update").iter().any(|l| l.contains("1004"))
    });
    let sent = raw_lines(&h, 2, "product.update");
    assert!(sent[0].contains(&format!("\"expected_version\":{read}")), "the version read is sent: {sent:?}");
    assert!(
        shows(&h, Some(2), "CAN-001 was changed by someone else while you were editing it"),
        "the notice stays"
    );
    assert!(!shows(&h, Some(2), "Saved CAN-001."));
    let stored = on_server(&h, "CAN-001");
    assert_eq!(stored.name, "Caneta da janela 1", "nothing was overwritten");
    assert_eq!(stored.version, read + 1);

    click(&mut h, Some(2), "Save mine anyway");
    wait_for(&mut h, "window 2 saved on purpose", |h| shows(h, Some(2), "Saved CAN-001."));
    let stored = on_server(&h, "CAN-001");
    assert_eq!(stored.name, "Caneta da janela 2", "overwritten on purpose");
    assert_eq!(stored.version, read + 2);
    assert!(!shows(&h, Some(2), "while you were editing it"), "the notice is gone");
    wait_for(&mut h, "window 1's untouched form follows", |h| {
        lock(&window(h, 0).unwrap()).form.name == "Caneta da janela 2"
    });
    assert!(!shows(&h, Some(1), "while you were editing it"), "silently: nothing of its own was lost");
}

/// "Load their version" replaces the form's values with the server's.
#[test]
fn load_their_version_takes_the_current_values() {
    let mut h = two_windows();
    edit(&mut h, 1, "CAN-002");
    edit(&mut h, 2, "CAN-002");
    set_text(&mut h, Some(2), "Quantity", "1");
    set_text(&mut h, Some(1), "Quantity", "777");
    click(&mut h, Some(1), "Save changes");
    wait_for(&mut h, "window 2 told", |h| {
        shows(h, Some(2), "CAN-002 was changed by someone else while you were editing it")
    });
    click(&mut h, Some(2), "Load their version");
    let w = window(&h, 1).unwrap();
    assert_eq!(lock(&w).form.quantity, "777");
    assert_eq!(lock(&w).form.version(), on_server(&h, "CAN-002").version);
    assert!(!shows(&h, Some(2), "while you were editing it"));
}

/// A delete from a form that read an older version is refused too: the
/// product stays, and the form says why.
#[test]
fn stale_delete_deletes_nothing() {
    let mut h = two_windows();
    edit(&mut h, 1, "CAN-003");
    edit(&mut h, 2, "CAN-003");
    set_text(&mut h, Some(2), "Name", "Mudada pela janela 2");
    set_text(&mut h, Some(1), "Name", "Mudada pela janela 1");
    click(&mut h, Some(1), "Save changes");
    wait_for(&mut h, "window 2 told", |h| {
        shows(h, Some(2), "CAN-003 was changed by someone else while you were editing it")
    });
    click(&mut h, Some(2), "Delete…");
    click(&mut h, Some(2), "Yes, delete");
    wait_for(&mut h, "the refusal", |h| shows(h, Some(2), "so it was not deleted"));
    assert_eq!(on_server(&h, "CAN-003").name, "Mudada pela janela 1", "still there, unchanged");
    click(&mut h, Some(2), "Delete anyway");
    wait_for(&mut h, "deleted on purpose", |h| shows(h, Some(2), "Deleted CAN-003."));
    let addr = h.state().server_address().unwrap();
    let mut client = Client::connect(&addr, ClientOptions::default()).unwrap();
    assert!(client.get("CAN-003").unwrap_err().is_not_found());
}

/// A product deleted in one window is said to be gone in the other window
/// that was editing it: no saving into the void, and its values can be
/// added again.
#[test]
fn deleted_elsewhere_is_said_plainly() {
    let mut h = two_windows();
    edit(&mut h, 1, "LAP-001");
    edit(&mut h, 2, "LAP-001");
    click(&mut h, Some(1), "Delete…");
    click(&mut h, Some(1), "Yes, delete");
    wait_for(&mut h, "window 2 told", |h| shows(h, Some(2), "LAP-001 was deleted by someone else"));
    let save_enabled = |h: &App| {
        !client_window(h, 2)
            .get_by_role_and_label(egui::accesskit::Role::Button, "Save changes")
            .accesskit_node()
            .is_disabled()
    };
    assert!(!save_enabled(&h), "it cannot be saved any more");
    click(&mut h, Some(2), "Add it again with these values");
    assert!(shows(&h, Some(2), "Add a product"));
    click(&mut h, Some(2), "Add product");
    wait_for(&mut h, "added again", |h| shows(h, Some(2), "Added LAP-001."));
    assert_eq!(on_server(&h, "LAP-001").version, 1);
}
