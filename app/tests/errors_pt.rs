//! Errors the network gives are shown in the user's language: real errors
//! from a real server and a real refused connection, described in Portuguese.
//! (Its own test binary: the language is process-wide.)

use lojinha::client::describe::describe;
use lojinha::i18n::set_language;
use lojinha_server::{Client, ClientOptions, Product, ServerConfig};
use lojinha_teach::Language;

/// "Already exists", "not found" and "no server" read in Portuguese.
#[test]
fn network_errors_are_described_in_portuguese() {
    set_language(Language::PtBr);
    let server =
        lojinha_server::start(ServerConfig { listen: "127.0.0.1:0".into(), ..Default::default() }).unwrap();
    let addr = server.local_addr().to_string();
    let mut client = Client::connect(&addr, ClientOptions::default()).unwrap();
    let product = Product { code: "DUP-1".into(), name: "Duplicado".into(), price_cents: 100, quantity: 1 };
    client.add(&product).unwrap();
    let exists = client.add(&product).unwrap_err();
    assert_eq!(describe(&exists), "Já existe um produto com o código DUP-1");
    let missing = client.get("NADA-1").unwrap_err();
    assert_eq!(describe(&missing), "Produto não encontrado: NADA-1");
    drop(client);
    server.stop();
    let refused = Client::connect(&addr, ClientOptions::default()).err().expect("nobody listens any more");
    assert!(
        describe(&refused).starts_with(&format!("Nenhum servidor escutando em {addr}")),
        "{}",
        describe(&refused)
    );
}
