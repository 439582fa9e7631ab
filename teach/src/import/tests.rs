//! Import tests: the app's formats, Brazilian spreadsheets, reasons for skips, round trips.

use super::*;

fn product(code: &str, name: &str, price_cents: i64, quantity: i64) -> Product {
    Product { code: code.into(), name: name.into(), price_cents, quantity, version: 0 }
}

fn reasons(report: &ImportReport) -> Vec<(usize, String)> {
    report.skipped().into_iter().map(|(line, reason)| (line, reason.to_string())).collect()
}

/// The app's CSV reads back as products, quantity optional.
#[test]
fn reads_app_csv() {
    let report =
        parse("code,name,price_cents,quantity\nCAN-001,Caneta azul,250,40\nLAP-1,Lápis,80,\n").unwrap();
    assert_eq!(
        report.products(),
        vec![product("CAN-001", "Caneta azul", 250, 40), product("LAP-1", "Lápis", 80, 0)]
    );
    assert!(report.skipped().is_empty());
}

/// A human `price` column in reais is accepted in a comma-separated file.
#[test]
fn reads_price_column_in_reais() {
    let report = parse("code,name,price,quantity\nA,Borracha,2.50,3\nB,Cola,\"1,234.50\",1\n").unwrap();
    assert_eq!(report.products(), vec![product("A", "Borracha", 250, 3), product("B", "Cola", 123_450, 1)]);
}

/// The app's export has both price columns: either may be cleared (the
/// other counts), and when both are filled they must agree. A `price` edited
/// in a spreadsheet while `price_cents` kept the old value is reported, not
/// silently dropped; a `price` that is not a price says so.
#[test]
fn both_price_columns_must_agree() {
    let text = "code,name,price,price_cents,quantity\r\n\
                A,Borracha,2.50,250,3\r\n\
                B,Cola,,80,1\r\n\
                C,Régua,2.60,250,1\r\n\
                D,Lápis,2.60,,1\r\n\
                E,Clipe,abc,250,1\r\n\
                F,Nada,,,1\r\n";
    let report = parse(text).unwrap();
    let added =
        [product("A", "Borracha", 250, 3), product("B", "Cola", 80, 1), product("D", "Lápis", 260, 1)];
    assert_eq!(report.products(), added);
    assert_eq!(
        reasons(&report),
        vec![
            (
                4,
                "price '2.60' and price_cents '250' disagree: correct one of them, or delete one of the two columns"
                    .to_owned(),
            ),
            (6, "price is not a number: 'abc'".to_owned()),
            (7, "price is empty".to_owned()),
        ]
    );
}

/// A spreadsheet that saved the export again with `;` and decimal commas
/// still has agreeing prices.
#[test]
fn both_price_columns_in_a_resaved_spreadsheet() {
    let text =
        "code;name;price;price_cents;quantity\r\nA;Borracha;2,50;250;3\r\nB;Cola;R$ 1.234,56;123456;1\r\n";
    let report = parse(text).unwrap();
    assert!(report.skipped().is_empty(), "{:?}", reasons(&report));
    assert_eq!(report.products(), vec![product("A", "Borracha", 250, 3), product("B", "Cola", 123_456, 1)]);
}

/// JSON written by any earlier export (pretty-printed, one field per line)
/// still reads back.
#[test]
fn reads_pretty_printed_json() {
    let catalog = vec![product("CAN-001", "Caneta azul", 250, 40), product("X-1", "Régua", 1005, 0)];
    let report = parse(&serde_json::to_string_pretty(&catalog).unwrap()).unwrap();
    assert!(report.skipped().is_empty());
    assert_eq!(report.products(), catalog);
}

/// A Brazilian spreadsheet CSV: BOM, `;`, Portuguese headers, R$ and decimal commas, CRLF, quotes.
#[test]
fn reads_brazilian_spreadsheet() {
    let text = "\u{feff}Código;Nome;Preço;Quantidade\r\n\
                CAN-001;Caneta azul;R$ 2,50;40\r\n\
                CAD-10;\"Caderno; 10 matérias\";R$ 1.234,56;1.000\r\n\
                COLA;\"Cola \"\"tenaz\"\"\";3,5;\r\n\
                ;;;\r\n";
    let report = parse(text).unwrap();
    assert_eq!(
        report.products(),
        vec![
            product("CAN-001", "Caneta azul", 250, 40),
            product("CAD-10", "Caderno; 10 matérias", 123_456, 1000),
            product("COLA", "Cola \"tenaz\"", 350, 0),
        ]
    );
    assert!(report.skipped().is_empty(), "blank spreadsheet rows are not errors");
}

/// Excel's `sep=;` first line and leading blank lines are understood; lines still count from the top.
#[test]
fn excel_separator_line_and_leading_blank_lines() {
    let report = parse("sep=;\r\ncodigo;nome;preco\r\nA;Cola, branca;1,50\r\nB;Cola;x\r\n").unwrap();
    assert_eq!(report.products(), vec![product("A", "Cola, branca", 150, 0)]);
    assert_eq!(reasons(&report), vec![(4, "price is not a number: 'x'".into())]);
    let report = parse("\n\ncodigo;nome;preco\nA;Cola, branca;1,50\n").unwrap();
    assert_eq!(report.products(), vec![product("A", "Cola, branca", 150, 0)]);
}

/// Line numbers count the physical lines, also across a quoted newline.
#[test]
fn skipped_rows_name_their_file_line() {
    let text = "codigo;nome;preco\nA;\"duas\nlinhas\";1,00\nB;Bom;abc\n";
    let report = parse(text).unwrap();
    assert_eq!(
        reasons(&report),
        vec![
            (2, "name: must not contain control characters".into()),
            (4, "price is not a number: 'abc'".into())
        ]
    );
}

/// Each kind of bad row gets its own clear reason and the good rows still come through.
#[test]
fn bad_rows_are_explained() {
    let text = "code,name,price_cents,quantity\n\
                OK-1,Bom,100,1\n\
                OK-1,Repetido,100,1\n\
                bad code,Nome,100,1\n\
                X,,100,1\n\
                Y,Nome,2.5,1\n\
                Z,Nome,100,-3\n\
                W,Nome\n\
                V,Nome,100,1.5\n";
    let report = parse(text).unwrap();
    assert_eq!(report.products(), vec![product("OK-1", "Bom", 100, 1)]);
    let got = reasons(&report);
    assert_eq!(got[0], (3, "duplicate code 'OK-1' (first on line 2)".into()));
    assert!(got[1].1.starts_with("code: character ' '"), "{}", got[1].1);
    assert_eq!(got[2], (5, "name: must not be empty".into()));
    assert_eq!(got[3], (6, "price_cents is not a whole number: '2.5'".into()));
    assert!(got[4].1.starts_with("quantity: must be an integer from 0"), "{}", got[4].1);
    assert_eq!(got[5], (8, "the row has 2 fields but the header has 4".into()));
    assert_eq!(got[6], (9, "quantity is not a whole number: '1.5'".into()));
}

/// A file without the needed columns, or empty, fails as a whole with a reason.
#[test]
fn unusable_files_fail_whole() {
    assert_eq!(parse(""), Err(ImportError::Empty));
    let err = parse("sku;descricao\nA;b\n").unwrap_err();
    assert!(matches!(err, ImportError::MissingColumn { column: Column::Price, .. }), "{err}");
    assert!(err.to_string().contains("price"), "{err}");
    let err = parse("name,price\nA,1\n").unwrap_err();
    assert!(err.to_string().contains("'code'"), "{err}");
    assert_eq!(
        parse("[1,").unwrap_err().to_string(),
        "the file is not valid JSON: EOF while parsing a value (line 1, column 3)"
    );
    assert!(parse("{\"x\":1}").is_err());
}

/// Unknown columns are reported and otherwise ignored.
#[test]
fn extra_columns_are_ignored() {
    let report = parse("code,categoria,name,price,price_cents\nA,papel,Folha,0.05,5\n").unwrap();
    assert_eq!(report.products(), vec![product("A", "Folha", 5, 0)]);
    assert_eq!(report.ignored_columns, vec!["categoria".to_owned()]);
}

/// A JSON array (or a `product.list` result) reads with the protocol's own rules.
#[test]
fn reads_json() {
    let text = r#"[{"code":"A","name":" a ","price_cents":1},{"code":"B","name":"b","price_cents":-1},
                   {"code":"C","name":"c","price_cents":1,"colour":"red"},{"code":"A","name":"x","price_cents":2}]"#;
    let report = parse(text).unwrap();
    assert_eq!(report.products(), vec![product("A", "a", 1, 0)]);
    let got = reasons(&report);
    assert!(got[0].1.starts_with("price_cents:"));
    assert_eq!(got[1], (3, "colour: unknown field".into()));
    assert_eq!(got[2], (4, "duplicate code 'A' (first as item 1)".into()));
    let listed = parse(r#"{"products":[{"code":"A","name":"a","price_cents":1,"quantity":2}],"next":null}"#);
    assert_eq!(listed.unwrap().products(), vec![product("A", "a", 1, 2)]);
}

/// Windows-1252 bytes (older Excel) decode with their accents; UTF-8 BOMs are dropped.
#[test]
fn decodes_legacy_spreadsheet_bytes() {
    let bytes = b"codigo;nome;preco\r\nA;Ma\xe7\xe3 \x96 verde;1,00\r\n";
    let report = parse_bytes(bytes).unwrap();
    assert_eq!(report.products(), vec![product("A", "Maçã – verde", 100, 0)]);
    assert_eq!(decode_text(b"\xEF\xBB\xBFok"), "ok");
}

fn tricky_catalog() -> Vec<Product> {
    vec![
        product("CAN-001", "Caneta azul", 250, 40),
        product("a.b_c-9", "Lápis, \"HB\"; nº 2", 1, 0),
        product("Z", "  espaços não: são cortados", 1_000_000_000_000, 1_000_000_000),
        product("z", "Ünïcödé 日本 ✓", 0, 7),
        product("X", "x".repeat(200).as_str(), 99, 1),
    ]
    .into_iter()
    .map(|p| p.validate().unwrap())
    .collect()
}

/// Products written by `to_csv`, `to_spreadsheet_csv` and `to_json` parse back equal.
#[test]
fn round_trips() {
    let catalog = tricky_catalog();
    for text in [to_csv(&catalog), to_spreadsheet_csv(&catalog), to_json(&catalog)] {
        let report = parse(&text).unwrap();
        assert!(report.skipped().is_empty(), "{:?}", report.skipped());
        assert_eq!(report.products(), catalog, "{text}");
    }
    assert_eq!(parse(&to_csv(&[])).unwrap().rows, vec![]);
    assert_eq!(parse(&to_json(&[])).unwrap().rows, vec![]);
}

/// A spreadsheet with Spanish column names reads like a Portuguese one.
#[test]
fn reads_spanish_headers() {
    let report = parse("código;nombre;precio;cantidad\r\nCUA-1;Cuaderno;12,90;3\r\n").unwrap();
    assert_eq!(report.products(), vec![product("CUA-1", "Cuaderno", 1290, 3)]);
    let report = parse("codigo,nombre,precio_centavos,existencias\nREG-1,Regla,250,7\n").unwrap();
    assert_eq!(report.products(), vec![product("REG-1", "Regla", 250, 7)]);
}
