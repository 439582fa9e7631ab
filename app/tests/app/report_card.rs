//! The server panel's report card: a real client that sends a line that is
//! not JSON and an unknown method, then a good request, shows as "1 ok, 2
//! mistakes" in the sessions list, and the mistakes are said in words.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;

use crate::common::*;
use lojinha::StartOptions;
use lojinha::i18n::Language;
use lojinha::server::report_card::{details, summary};

/// A struggling client's mistakes are counted next to its session.
#[test]
fn a_struggling_client_gets_its_report_card() {
    let options =
        StartOptions { serve: Some("127.0.0.1:0".into()), db: Some(":memory:".into()), ..Default::default() };
    let mut h = app(options);
    wait_for(&mut h, "the server to start", |h| h.state().server_address().is_some());
    let address = h.state().server_address().unwrap();
    let mut client = TcpStream::connect(&address).unwrap();
    let lines = concat!(
        "isto não é JSON\n",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"product.fly\"}\n",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"product.list\"}\n",
    );
    client.write_all(lines.as_bytes()).unwrap();
    let mut reader = BufReader::new(client.try_clone().unwrap());
    for _ in 0..4 {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap(); // the welcome, then the three answers
    }
    wait_for(&mut h, "the report card", |h| shows(h, None, "1 ok, 2 mistakes"));
    let card = &h.state().sessions().iter().find(|s| s.id == 1).expect("session 1 is listed").card;
    let said = details(card, Language::En);
    assert!(said.contains("1 × lines that are not JSON (-32700)"), "{said}");
    assert!(said.contains("1 × unknown methods (-32601)"), "{said}");
    assert_eq!(summary(card, Language::PtBr), "1 ok, 2 erros");
    drop(client);
}
