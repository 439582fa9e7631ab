//! The app in Spanish: real errors from a real server, a refused
//! connection, an import with skipped rows, and the counters' plurals and
//! number style, all said in Spanish.

use crate::common::*;
use lojinha::client::describe::{describe, describe_rpc};
use lojinha::i18n::Language;
use lojinha_server::protocol::RpcError;
use lojinha_server::{Client, ClientOptions, Product, ServerConfig};

const ES: Language = Language::Es;

/// "Already exists", "not found", a broken rule and "no server" read in Spanish.
#[test]
fn network_errors_are_described_in_spanish() {
    let server =
        lojinha_server::start(ServerConfig { listen: "127.0.0.1:0".into(), ..Default::default() }).unwrap();
    let addr = server.local_addr().to_string();
    let mut client = Client::connect(&addr, ClientOptions::default()).unwrap();
    let product =
        Product { code: "DUP-1".into(), name: "Duplicado".into(), price_cents: 100, quantity: 1, version: 0 };
    client.add(&product).unwrap();
    assert_eq!(describe(&client.add(&product).unwrap_err(), ES), "Ya existe un producto con el código DUP-1");
    assert_eq!(describe(&client.get("NADA-1").unwrap_err(), ES), "Producto no encontrado: NADA-1");
    let limit = client.call("product.list", serde_json::json!({"limit": 0})).unwrap_err();
    assert_eq!(describe(&limit, ES), "Valor no válido en limit: debe ser un número entero de 1 a 10.000");
    drop(client);
    server.stop();
    let refused = Client::connect(&addr, ClientOptions::default()).err().expect("nobody listens any more");
    let said = describe(&refused, ES);
    assert!(said.starts_with(&format!("Ningún servidor está escuchando en {addr}")), "{said}");
    let full = RpcError::internal("storage write failed: database or disk is full");
    assert_eq!(describe_rpc(&full, ES), "El servidor no pudo guardarlo (su disco está lleno)");
}

/// The app started in Spanish (its settings say so) labels its windows in
/// Spanish, counts with plurals, and reports an import's skipped rows in Spanish.
#[test]
fn the_app_speaks_spanish_from_its_settings() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.json");
    std::fs::write(&settings, r#"{"language":"Es"}"#).unwrap();
    let options = lojinha::StartOptions {
        serve: Some("127.0.0.1:0".into()),
        connect: Some("127.0.0.1:0".into()),
        db: Some(":memory:".into()),
        settings_path: Some(settings),
        ..Default::default()
    };
    let mut h = app(options);
    wait_for(&mut h, "window 1 connected", |h| {
        window(h, 0).is_some_and(|w| lock(&w).conn.connected() && lock(&w).progress.is_none())
    });
    assert_eq!(h.state().language(), ES);
    assert!(shows(&h, None, "Detener servidor"));
    assert!(shows(&h, None, "Ventanas de cliente abiertas: 1"));
    let name = format!("{} 1", h.state().default_client_base_name());
    assert!(shows(&h, None, &name), "the session list names the window");
    let user_known =
        ["USER", "USERNAME", "LOGNAME"].iter().any(|v| std::env::var(v).is_ok_and(|u| !u.is_empty()));
    if !user_known {
        assert!(name.starts_with("Cliente"), "an unknown user is named in Spanish: {name}");
    }

    let sheet = dir.path().join("hoja.csv");
    std::fs::write(&sheet, "código;nombre;precio\r\nBUE-1;Cuaderno;12,90\r\nCAR-1;Caro;abc\r\n").unwrap();
    set_text(&mut h, None, "Archivo a importar", sheet.to_str().unwrap());
    click(&mut h, None, "Importar");
    wait_for(&mut h, "import done", |h| lock(&window(h, 0).unwrap()).import.added == Some(1));
    assert!(shows(&h, None, "Importación terminada: 1 agregado, 1 omitido"), "singular for one");
    assert!(shows(&h, None, "línea 3: el precio no es un número: 'abc'"));
}
