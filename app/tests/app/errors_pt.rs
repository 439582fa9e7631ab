//! Errors the network gives are shown in the user's language: real errors
//! from a real server and a real refused connection, described in Portuguese
//! (and in Spanish where the words differ in kind: plurals, grouping).

use crate::common::*;
use lojinha::client::describe::{describe, describe_rpc};
use lojinha_server::protocol::{Reason, RpcError};
use lojinha_server::{Client, ClientError, ClientOptions, Product};
use lojinha_teach::Language;
use lojinha_test_support::{bind_loopback, config_with_db, memory_config, start_server};
use serde_json::{Value, json};

/// "Already exists", "not found" and "no server" read in Portuguese.
#[test]
fn network_errors_are_described_in_portuguese() {
    let lang = Language::PtBr;
    let server = start_server(memory_config());
    let addr = server.local_addr().to_string();
    let mut client = Client::connect(&addr, ClientOptions::default()).unwrap();
    let product =
        Product { code: "DUP-1".into(), name: "Duplicado".into(), price_cents: 100, quantity: 1, version: 0 };
    client.add(&product).unwrap();
    let exists = client.add(&product).unwrap_err();
    assert_eq!(describe(&exists, lang), "Já existe um produto com o código DUP-1");
    let missing = client.get("NADA-1").unwrap_err();
    assert_eq!(describe(&missing, lang), "Produto não encontrado: NADA-1");
    drop(client);
    server.stop();
    let refused = Client::connect(&addr, ClientOptions::default()).err().expect("nobody listens any more");
    assert!(
        describe(&refused, lang).starts_with(&format!("Nenhum servidor escutando em {addr}")),
        "{}",
        describe(&refused, lang)
    );

    let host = "lojinha-no-such-host.invalid:5050";
    let unknown = Client::connect(host, ClientOptions::default()).err().expect("no such host");
    let said = describe(&unknown, lang);
    assert!(said.starts_with(&format!("Não foi possível encontrar o host em {host}: ")), "{said}");
}

/// What resolvers say of a name they cannot find (glibc, musl, macOS,
/// Windows, and the client's own words) reads in Portuguese.
#[test]
fn name_lookup_failures_are_described_in_portuguese() {
    let lang = Language::PtBr;
    let lookup = |detail: &str| {
        let error = ClientError::Resolve {
            addr: "caixa:5050".into(),
            kind: std::io::ErrorKind::Other,
            detail: detail.into(),
        };
        describe(&error, lang)
            .trim_start_matches("Não foi possível encontrar o host em caixa:5050: ")
            .to_owned()
    };
    let unknown = "esse nome não existe (confira a grafia, ou use um endereço IP)";
    for detail in [
        "failed to lookup address information: Name or service not known",
        "failed to lookup address information: Name does not resolve",
        "failed to lookup address information: nodename nor servname provided, or not known",
        "No such host is known. (os error 11001)",
    ] {
        assert_eq!(lookup(detail), unknown, "{detail}");
    }
    assert_eq!(lookup("no address found"), "o nome não tem endereço");
    let no_answer = "o serviço de nomes não respondeu (há rede?)";
    assert_eq!(
        lookup("failed to lookup address information: Temporary failure in name resolution"),
        no_answer
    );
    assert_eq!(lookup("something else"), "something else", "an unknown text is shown as sent");
}

/// A server that cannot store a write (`-32603`) says why; the words a real
/// server sends on a full disk (pinned by reliability/tests/faults.rs) and
/// while it shuts down are said in Portuguese.
#[test]
fn storage_failures_are_described_in_portuguese() {
    let lang = Language::PtBr;
    let as_sent = |message: &str| {
        serde_json::from_value::<RpcError>(json!({ "code": -32603, "message": message })).unwrap()
    };
    let full = as_sent("internal error: storage write failed: database or disk is full");
    assert_eq!(describe_rpc(&full, lang), "O servidor não conseguiu gravar (o disco dele está cheio)");
    let stopping = RpcError::internal("storage is shut down");
    assert_eq!(describe_rpc(&stopping, lang), "O servidor não conseguiu gravar (ele está sendo encerrado)");
    let unknown = as_sent("internal error: something new");
    assert_eq!(
        describe_rpc(&unknown, lang),
        "O servidor não conseguiu gravar (something new)",
        "shown as sent"
    );
}

/// The app in Portuguese (chosen in its settings file, so starting it does
/// not switch the process back to the system's language under the other
/// tests), serving itself, with one client window connected.
fn portuguese_app(dir: &std::path::Path) -> App {
    let mut h = app(portuguese_options(dir, "127.0.0.1:0", ":memory:"));
    wait_for(&mut h, "window 1 connected", |h| {
        window(h, 0).is_some_and(|w| lock(&w).conn.connected() && lock(&w).progress.is_none())
    });
    h
}

/// Messages that are not JSON (`-32700`) or not valid requests (`-32600`),
/// sent raw to a real server as a class would with `nc`, are explained in
/// Portuguese.
#[test]
fn malformed_messages_are_described_in_portuguese() {
    let lang = Language::PtBr;
    let server = start_server(memory_config());
    let mut client = Client::connect(&server.local_addr().to_string(), ClientOptions::default()).unwrap();
    let cases = [
        (r#"{"jsonrpc":"2.0","id":1}"#, "Não é um pedido JSON-RPC válido (falta o method)"),
        ("[]", "Não é um pedido JSON-RPC válido (um lote vazio ([]))"),
        (
            r#"{"jsonrpc":"1.0","id":2,"method":"quit"}"#,
            "Não é um pedido JSON-RPC válido (jsonrpc deve ser \"2.0\")",
        ),
        (
            r#"{"jsonrpc":"2.0","id":3,"method":"product.list","params":5}"#,
            "Não é um pedido JSON-RPC válido (params deve ser um objeto ou um array)",
        ),
        ("42", "Não é um pedido JSON-RPC válido (um pedido deve ser um objeto JSON)"),
        (
            "hello, server?",
            "O servidor não conseguiu ler a mensagem como JSON: esperava um valor (textos vão entre aspas; \
             true, false e null em minúsculas) (linha 1, coluna 1)",
        ),
        (
            r#"{"jsonrpc":"2.0""#,
            "O servidor não conseguiu ler a mensagem como JSON: a mensagem termina no meio (linha 1, coluna 16)",
        ),
        (
            r#"{"jsonrpc":"2.0","id":1,"method":"quit",}"#,
            "O servidor não conseguiu ler a mensagem como JSON: uma vírgula antes do fechamento (linha 1, coluna 41)",
        ),
        (
            r#"{jsonrpc:"2.0"}"#,
            "O servidor não conseguiu ler a mensagem como JSON: a chave de um objeto deve ser um texto entre aspas (linha 1, coluna 2)",
        ),
    ];
    for (raw, expected) in cases {
        client.send_raw(raw).unwrap();
        let error = match client.recv_reply().unwrap() {
            lojinha_server::client::Reply::Single(response) => response.result.unwrap_err(),
            other => panic!("{raw}: {other:?}"),
        };
        assert_eq!(lojinha::client::describe::describe_rpc(&error, lang), expected, "{raw}");
    }
    server.stop();
}

/// Options for the app in Portuguese, serving on `listen` with database `db`
/// and connecting a window to it.
fn portuguese_options(dir: &std::path::Path, listen: &str, db: &str) -> lojinha::StartOptions {
    let settings = dir.join("settings.json");
    std::fs::write(&settings, r#"{"language":"PtBr"}"#).unwrap();
    lojinha::StartOptions {
        serve: Some(listen.into()),
        connect: Some(listen.into()),
        db: Some(db.into()),
        settings_path: Some(settings),
        ..Default::default()
    }
}

/// The in-process server's start failures say what is wrong in Portuguese:
/// a port another program holds, and a database another server has open.
#[test]
fn server_start_failures_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let taken = bind_loopback();
    let taken_addr = taken.local_addr().unwrap().to_string();
    let mut h = app(portuguese_options(dir.path(), &taken_addr, ":memory:"));
    let expected = format!(
        "Não foi possível iniciar o servidor: não foi possível escutar em {taken_addr}: a porta está em uso"
    );
    wait_for(&mut h, "port in use reported", |h| shows(h, None, &expected));
    drop(h);

    let db = dir.path().join("loja.db");
    let holder = start_server(config_with_db(&db));
    let mut h = app(portuguese_options(dir.path(), "127.0.0.1:0", db.to_str().unwrap()));
    let expected = format!("o banco de dados {} está em uso por outro processo", db.display());
    wait_for(&mut h, "locked database reported", |h| shows(h, None, &expected));
    holder.stop();
    drop(h);

    let mut h = app(portuguese_options(dir.path(), "localhost", ":memory:"));
    let expected = "não foi possível escutar em localhost: escreva o endereço como host:porta";
    wait_for(&mut h, "address without a port reported", |h| shows(h, None, expected));
}

/// Rules broken on the wire (`-32602` with `data.reason`) come back from a
/// real server and are described in Portuguese, never in the server's
/// English words.
#[test]
fn field_rules_from_the_server_are_described_in_portuguese() {
    let lang = Language::PtBr;
    let server = start_server(memory_config());
    let mut client = Client::connect(&server.local_addr().to_string(), ClientOptions::default()).unwrap();
    let product = |code: Value, price: Value| json!({"product": {"code": code, "name": "Caneta", "price_cents": price}});
    let cases: Vec<(&str, Value, Option<&str>)> = vec![
        (
            "product.add",
            product(json!("a b"), json!(100)),
            Some("Valor inválido em código (code): o caractere ' ' não é permitido (use A-Z a-z 0-9 . _ -)"),
        ),
        (
            "product.add",
            product(json!("A-1"), json!(-1)),
            Some(
                "Valor inválido em preço em centavos (price_cents): deve ser um número inteiro de 0 a 1.000.000.000.000",
            ),
        ),
        (
            "product.list",
            json!({"limit": 0}),
            Some("Valor inválido em limit: deve ser um número inteiro de 1 a 10.000"),
        ),
        (
            "product.get",
            json!({"codigo": "A"}),
            Some("Valor inválido em codigo: não é um parâmetro deste método"),
        ),
        ("product.get", json!({}), Some("Valor inválido em código (code): é obrigatório")),
        ("product.get", json!({"code": ""}), Some("Valor inválido em código (code): não pode ficar vazio")),
        (
            "product.get",
            json!({"code": "x".repeat(33)}),
            Some("Valor inválido em código (code): deve ter no máximo 32 caracteres"),
        ),
        ("product.get", json!({"code": 7}), None),
        ("product.add", json!({"product": "A"}), None),
        (
            "product.add",
            json!({"product": {"code": "A", "name": "n", "price_cents": 1, "cor": "azul"}}),
            None,
        ),
        ("product.add", json!({"product": {"code": "A", "name": "ç".repeat(201), "price_cents": 1}}), None),
        ("product.add", json!({"product": {"code": "A", "name": "a\u{7}b", "price_cents": 1}}), None),
        ("product.get", json!(["A", "B"]), None),
        ("hello", json!({"client": ""}), None),
        ("hello", json!({"token": 5}), None),
    ];
    for (method, params, expected) in cases {
        let error = client.call(method, params.clone()).unwrap_err();
        let reason = error.rpc().and_then(|e| e.data.as_ref()).and_then(|d| d["reason"].as_str()).unwrap();
        assert!(
            Reason::parse(reason).is_some(),
            "{method} {params}: the server's reason {reason:?} is known"
        );
        let described = describe(&error, lang);
        assert!(!described.contains(reason), "{method} {params}: {described:?} still has {reason:?}");
        if let Some(expected) = expected {
            assert_eq!(described, expected, "{method} {params}");
        }
    }
    server.stop();
}

/// Importing a file with bad rows, in Portuguese: every skip reason in the
/// window is Portuguese, the good row goes through the server, and a file
/// that does not exist or has no code column says so in Portuguese.
#[test]
fn import_skips_and_file_errors_are_shown_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("planilha.csv");
    std::fs::write(
        &sheet,
        "código;nome;preço;quantidade\r\n\
         BOM-1;Caderno;R$ 12,90;3\r\n\
         CAR-1;Caro;abc;1\r\n\
         BOM-1;Repetido;1,00;1\r\n\
         a b;Código ruim;1,00;1\r\n\
         DEC-1;Decimais;2,505;1\r\n\
         QTD-1;Quantidade;1,00;2,5\r\n\
         CUR-1;Curta\r\n",
    )
    .unwrap();
    let mut h = portuguese_app(dir.path());
    set_text(&mut h, None, "Arquivo a importar", sheet.to_str().unwrap());
    click(&mut h, None, "Importar");
    wait_for(&mut h, "import done", |h| {
        let w = window(h, 0).unwrap();
        lock(&w).import.added == Some(1) && lock(&w).catalog.get("BOM-1").is_some()
    });
    for line in [
        "Importação concluída: 1 adicionado, 6 ignorados",
        "linha 3: o preço não é um número: 'abc'",
        "linha 4: código 'BOM-1' repetido (aparece antes na linha 2)",
        "linha 5: código (code): o caractere ' ' não é permitido (use A-Z a-z 0-9 . _ -)",
        "linha 6: o preço é ambíguo (milhar ou decimais?): '2,505'",
        "linha 7: quantidade (quantity) não é um número inteiro: '2,5'",
        "linha 8: a linha tem 2 campos, mas o cabeçalho tem 4",
    ] {
        assert!(shows(&h, None, line), "the window shows {line:?}");
    }

    let missing = dir.path().join("nao-existe.csv");
    set_text(&mut h, None, "Arquivo a importar", missing.to_str().unwrap());
    click(&mut h, None, "Importar");
    wait_for(&mut h, "missing file reported", |h| lock(&window(h, 0).unwrap()).import.error.is_some());
    let expected = format!("Não foi possível importar {}: o arquivo não existe", missing.display());
    assert!(shows(&h, None, &expected), "{:?}", lock(&window(&h, 0).unwrap()).import.error);

    let no_code = dir.path().join("sem-codigo.csv");
    std::fs::write(&no_code, "nome;preço\nCaneta;2,50\n").unwrap();
    set_text(&mut h, None, "Arquivo a importar", no_code.to_str().unwrap());
    click(&mut h, None, "Importar");
    wait_for(&mut h, "no code column reported", |h| lock(&window(h, 0).unwrap()).import.error.is_some());
    let error = lock(&window(&h, 0).unwrap()).import.error.clone().unwrap().say(Language::PtBr);
    assert!(
        error.ends_with("o cabeçalho não tem a coluna 'código' (ou 'code') (tem: nome, preço)"),
        "{error}"
    );

    let broken = dir.path().join("quebrado.json");
    std::fs::write(&broken, r#"[{"code":"A","name":"a","price_cents":1},]"#).unwrap();
    set_text(&mut h, None, "Arquivo a importar", broken.to_str().unwrap());
    click(&mut h, None, "Importar");
    wait_for(&mut h, "broken JSON reported", |h| lock(&window(h, 0).unwrap()).import.error.is_some());
    let error = lock(&window(&h, 0).unwrap()).import.error.clone().unwrap().say(Language::PtBr);
    assert!(
        error.ends_with(
            "o arquivo não é um JSON válido: uma vírgula antes do fechamento (linha 1, coluna 42)"
        ),
        "{error}"
    );
    // An exported file whose `price` was edited in a spreadsheet, and not its `price_cents`.
    let edited = dir.path().join("editado.csv");
    std::fs::write(&edited, "code,name,price,price_cents,quantity\r\nEDT-1,Régua,2.60,250,1\r\n").unwrap();
    set_text(&mut h, None, "Arquivo a importar", edited.to_str().unwrap());
    click(&mut h, None, "Importar");
    let mismatch = "linha 2: price '2.60' e price_cents '250' não batem: corrija um deles, ou apague uma das duas colunas";
    wait_for(&mut h, "the mismatch reported", |h| shows(h, None, mismatch));
}

/// The add form checks the code before sending, in Portuguese too.
#[test]
fn form_code_rule_is_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = portuguese_app(dir.path());
    set_text(&mut h, None, "Código", "a b");
    set_text(&mut h, None, "Nome", "Caneta");
    set_text(&mut h, None, "Preço (R$)", "2,50");
    click(&mut h, None, "Adicionar produto");
    assert!(shows(&h, None, "o caractere ' ' não é permitido"), "the code's rule is shown in Portuguese");
}

/// The log and the diagram in Portuguese: an error answer is described by its
/// code and rule, events from before the first frame are drawn in Portuguese,
/// and the server's log says why a session closed.
#[test]
fn log_and_diagram_speak_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = portuguese_app(dir.path());
    {
        let w = window(&h, 0).unwrap();
        let w = lock(&w);
        let labels: Vec<_> = w
            .steps
            .entries()
            .iter()
            .map(|step| lojinha_teach::steps::words::label(step, Language::PtBr))
            .collect();
        assert!(labels.iter().any(|l| l.starts_with("connect() para ")), "{labels:?}");
        assert!(labels.iter().any(|l| l.starts_with("conectado como ")), "{labels:?}");
    }
    let name = format!("{} 1", h.state().default_client_base_name());
    assert!(shows(&h, None, &name), "the session list names the window");
    let user_known =
        ["USER", "USERNAME", "LOGNAME"].iter().any(|v| std::env::var(v).is_ok_and(|u| !u.is_empty()));
    if !user_known {
        assert!(name.starts_with("Cliente"), "an unknown user is named in Portuguese: {name}");
    }
    let bad_get = r#"{"jsonrpc":"2.0","id":9,"method":"product.get","params":{"code":"a b"}}"#;
    set_text(&mut h, None, "Mensagem bruta", bad_get);
    click(&mut h, None, "Enviar bruto");
    let expected = "Valor inválido em código (code): o caractere ' ' não é permitido";
    wait_for(&mut h, "error answer logged", |h| shows(h, None, expected));

    click(&mut h, None, "Desconectar");
    wait_for(&mut h, "server saw the close", |h| {
        h.state()
            .server_log()
            .entries()
            .iter()
            .any(|e| matches!(e.what, lojinha_teach::steps::What::SessionClosed(_)))
    });
    let closed = h
        .state()
        .server_log()
        .entries()
        .iter()
        .find(|e| matches!(e.what, lojinha_teach::steps::What::SessionClosed(_)))
        .cloned()
        .unwrap();
    assert_eq!(
        lojinha::log::view::describe(&closed, Language::PtBr),
        "o cliente enviou quit",
        "Desconectar sends quit"
    );
}
