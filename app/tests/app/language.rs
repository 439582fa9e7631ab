//! Switching the language at run time. Each app keeps its own language, so
//! these tests run beside the English ones in the same binary.

use crate::common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lojinha::StartOptions;
use lojinha_server::ServerConfig;

/// Choosing "Português (Brasil)" in the top bar relabels the whole UI at
/// once (main window, lesson panel, client windows) and is remembered in the
/// settings file for the next run; English brings it back.
#[test]
fn switching_language_changes_visible_labels_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.json");
    let options = || StartOptions { settings_path: Some(settings.clone()), ..Default::default() };
    let mut h = app(options());
    click(&mut h, None, "New client window");
    click(&mut h, None, "Lesson");
    assert!(shows(&h, None, "Start server"));

    pick_language(&mut h, "English", "Português (Brasil)");
    assert!(shows(&h, None, "Iniciar servidor"), "the server button is in Portuguese");
    assert!(shows(&h, None, "Nova janela de cliente"));
    assert!(shows(&h, None, "Sockets: endereços e portas"), "the lesson panel too");
    assert!(shows(&h, None, "Diagrama de sequência"));
    assert!(shows(&h, None, "Console bruto"), "and the client window");
    let window_titled = |h: &App, title: &'static str| {
        h.query_by(move |n| n.role() == Role::Window && n.label().as_deref() == Some(title)).is_some()
    };
    assert!(window_titled(&h, "Janela de cliente 1"), "the open window's title follows");
    assert!(!shows(&h, None, "Start server"));
    drop(h);

    let mut h = app(options());
    h.step();
    assert!(shows(&h, None, "Iniciar servidor"), "the next run starts in Portuguese");
    pick_language(&mut h, "Português (Brasil)", "English");
    assert!(shows(&h, None, "Start server"));

    pick_language(&mut h, "English", "Español");
    assert!(shows(&h, None, "Nueva ventana de cliente"), "Spanish is offered too");
    assert!(shows(&h, None, "Sockets: direcciones y puertos"), "the lesson in Spanish");
    click(&mut h, None, "Nueva ventana de cliente");
    assert!(shows(&h, None, "Consola sin procesar"), "and the client window");
    assert!(!shows(&h, None, "Start server") && !shows(&h, None, "Iniciar servidor\n"));
}

/// Messages already on screen when the language changes are said again in
/// the new one: a refused connection's status line and its log line, the
/// form's field errors and notice, and the server panel's start error. They
/// keep what happened, not the words it was first said in.
#[test]
fn messages_already_shown_follow_a_switch() {
    let server =
        lojinha_server::start(ServerConfig { listen: "127.0.0.1:0".into(), ..Default::default() }).unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().to_string();
    let mut h = app(StartOptions { db: Some(":memory:".into()), ..Default::default() });

    set_text(&mut h, None, "Listen address", &taken.local_addr().unwrap().to_string());
    click(&mut h, None, "Start server");
    wait_for(&mut h, "the start error", |h| shows(h, None, "the port is in use"));

    click(&mut h, None, "New client window");
    set_text(&mut h, Some(1), "Server", &free);
    click(&mut h, Some(1), "Connect");
    wait_for(&mut h, "the refusal", |h| shows(h, Some(1), "No server is listening at"));
    let refusals = |h: &App, text: &str| {
        let text = text.to_owned();
        h.query_all_by(move |n| {
            n.role() == Role::Label && n.value().is_some_and(|v| v.contains(text.as_str()))
        })
        .count()
    };
    assert!(refusals(&h, "No server is listening at") >= 2, "in the status line and in the log");

    click(&mut h, None, "New client window");
    set_text(&mut h, Some(2), "Server", &server.local_addr().to_string());
    click(&mut h, Some(2), "Connect");
    wait_for(&mut h, "window 2 connected", |h| lock(&window(h, 1).unwrap()).conn.connected());
    set_text(&mut h, Some(2), "Code", "bad code");
    click(&mut h, Some(2), "Add product");
    for english in ["character ' ' is not allowed", "Required", "Please fix the fields marked in red."] {
        assert!(shows(&h, None, english), "{english}");
    }
    // Window 3 adds a product; window 4 adds the same code and the server refuses it.
    for n in [3, 4] {
        click(&mut h, None, "New client window");
        set_text(&mut h, Some(n), "Server", &server.local_addr().to_string());
        click(&mut h, Some(n), "Connect");
        wait_for(&mut h, "connected", |h| lock(&window(h, n - 1).unwrap()).conn.connected());
        set_text(&mut h, Some(n), "Code", "LNG-1");
        set_text(&mut h, Some(n), "Name", "Lápis");
        set_text(&mut h, Some(n), "Price (R$)", "1,00");
        click(&mut h, Some(n), "Add product");
        wait_for(&mut h, "the answer", |h| !lock(&window(h, n - 1).unwrap()).form.busy);
    }
    assert!(shows(&h, None, "Added LNG-1."));
    assert!(shows(&h, None, "Server: A product with code LNG-1 already exists"));

    pick_language(&mut h, "English", "Português (Brasil)");
    let portuguese = [
        "a porta está em uso",
        "Nenhum servidor escutando em",
        "o caractere ' ' não é permitido",
        "Obrigatório",
        "Corrija os campos marcados em vermelho.",
        "LNG-1 adicionado.",
        "Servidor: Já existe um produto com o código LNG-1",
    ];
    for text in portuguese {
        assert!(shows(&h, None, text), "{text}");
    }
    assert!(refusals(&h, "Nenhum servidor escutando em") >= 2, "the log line follows too");
    for english in [
        "the port is in use",
        "No server is listening",
        "is not allowed",
        "Required",
        "Please fix",
        "Added LNG-1",
        "already exists",
    ] {
        assert!(!shows(&h, None, english), "still in English: {english}");
    }

    pick_language(&mut h, "Português (Brasil)", "Español");
    let spanish = [
        "el puerto está en uso",
        "Ningún servidor está escuchando en",
        "el carácter ' ' no está permitido",
        "Obligatorio",
        "Corrige los campos marcados en rojo.",
        "Se agregó LNG-1.",
        "Servidor: Ya existe un producto con el código LNG-1",
    ];
    for text in spanish {
        assert!(shows(&h, None, text), "{text}");
    }
    assert!(refusals(&h, "Ningún servidor está escuchando en") >= 2, "the log line follows too");

    pick_language(&mut h, "Español", "English");
    assert!(shows(&h, None, "No server is listening at") && shows(&h, None, "Required"), "and back");
}

/// Opens the language menu (showing `current`) and picks `wanted`. A
/// menu closed by picking an item from the accessibility tree may need a
/// second click to open again.
fn pick_language(h: &mut App, current: &str, wanted: &str) {
    for _ in 0..2 {
        let current = current.to_owned();
        h.get_by(move |n| n.role() == Role::ComboBox && n.value().as_deref() == Some(current.as_str()))
            .click_accesskit();
        for _ in 0..3 {
            h.step();
        }
        if h.query_by_label(wanted).is_some() {
            break;
        }
    }
    h.get_by_label(wanted).click_accesskit();
    for _ in 0..3 {
        h.step();
    }
}
