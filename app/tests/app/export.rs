//! Export does what was chosen: the format picked in the export box is the
//! format written, a file name whose extension names another format is
//! refused with a one-click fix, and each file written is read back here.

use crate::common::*;
use lojinha_server::Product;

/// The pens of the sample catalog, as the filter "CAN-" shows them (by code).
fn pens() -> Vec<Product> {
    let mut pens: Vec<_> =
        lojinha_server::sample::sample_products().into_iter().filter(|p| p.code.contains("CAN-")).collect();
    pens.sort_by(|a, b| a.code.cmp(&b.code));
    assert!(!pens.is_empty());
    pens
}

/// Products without their versions (files carry none, or the server's).
fn fields(products: &[Product]) -> Vec<(String, String, i64, i64)> {
    products.iter().map(|p| (p.code.clone(), p.name.clone(), p.price_cents, p.quantity)).collect()
}

/// JSON chosen and a name ending in `.csv` typed: nothing is written and
/// the box says why; its fix writes JSON to the same name ending in `.json`,
/// which reads back as the shown products.
#[test]
fn json_to_a_csv_name_is_refused_then_fixed() {
    let mut h = served_and_connected();
    let dir = tempfile::tempdir().unwrap();
    let typed = dir.path().join("canetas.csv");
    set_text(&mut h, Some(1), "Filter", "CAN-");
    click(&mut h, Some(1), "JSON");
    set_text(&mut h, Some(1), "File", typed.to_str().unwrap());
    click_prefix(&mut h, Some(1), "Export ");
    wait_for(&mut h, "the refusal", |h| shows(h, Some(1), "Nothing was written"));
    assert!(shows(&h, Some(1), "ends in .csv, but the format chosen is JSON"));
    assert!(!typed.exists(), "no CSV-named JSON file");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing at all");

    click_prefix(&mut h, Some(1), "Write JSON to ");
    wait_for(&mut h, "written", |h| shows(h, Some(1), "as JSON to"));
    let fixed = dir.path().join("canetas.json");
    let text = std::fs::read_to_string(&fixed).unwrap();
    let written: Vec<Product> = serde_json::from_str(&text).unwrap();
    assert_eq!(fields(&written), fields(&pens()));
    assert!(!typed.exists());
    assert_eq!(lock(&window(&h, 0).unwrap()).export.path, fixed.display().to_string(), "the box shows it");
}

/// "Spreadsheet in Portuguese" writes `;` separators and decimal commas,
/// and the import reads the file back as the same products.
#[test]
fn spreadsheet_in_portuguese_is_written_and_reads_back() {
    let mut h = served_and_connected();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("planilha.csv");
    set_text(&mut h, Some(1), "Filter", "CAN-");
    click_prefix(&mut h, Some(1), "Spreadsheet in Portuguese");
    set_text(&mut h, Some(1), "File", path.to_str().unwrap());
    click_prefix(&mut h, Some(1), "Export ");
    wait_for(&mut h, "written", |h| shows(h, Some(1), "Wrote "));

    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("\u{feff}código;nome;preço;quantidade"));
    let first = &pens()[0];
    let price = format!("{},{:02}", first.price_cents / 100, first.price_cents % 100);
    assert!(lines.next().unwrap().starts_with(&format!("{};", first.code)));
    assert!(text.contains(&format!(";{price};{}\r\n", first.quantity)), "a decimal comma: {text}");
    let report = lojinha_teach::import::parse_bytes(&bytes).unwrap();
    assert!(report.skipped().is_empty(), "{:?}", report.skipped());
    assert_eq!(fields(&report.products()), fields(&pens()));
}

/// A name typed without an extension gets the chosen format's.
#[test]
fn a_name_without_extension_gets_the_formats() {
    let mut h = served_and_connected();
    let dir = tempfile::tempdir().unwrap();
    set_text(&mut h, Some(1), "Filter", "CAN-");
    click(&mut h, Some(1), "JSON");
    set_text(&mut h, Some(1), "File", dir.path().join("lista").to_str().unwrap());
    click_prefix(&mut h, Some(1), "Export ");
    wait_for(&mut h, "written", |h| shows(h, Some(1), "as JSON to"));
    let written: Vec<Product> =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("lista.json")).unwrap()).unwrap();
    assert_eq!(fields(&written), fields(&pens()));
}
