//! Writing products as CSV and JSON: the one definition of the file formats
//! that the app's export writes and [`super::parse`] reads back.

use std::io::{self, Write};

use lojinha_server::Product;

/// The header of the app's CSV files.
pub const CSV_HEADER: &str = "code,name,price,price_cents,quantity";

/// Writes products as the app's CSV: UTF-8 with a byte order mark (so a
/// spreadsheet opens accents right), `,` separators, a header row, the price
/// both in reais (`2.50`, for people) and in integer cents (what the import
/// reads), fields quoted only when they need it, CRLF line ends.
pub fn write_csv(out: &mut impl Write, products: &[Product]) -> io::Result<()> {
    write!(out, "\u{feff}{CSV_HEADER}\r\n")?;
    for p in products {
        let (code, name) = (quote(&p.code, ','), quote(&p.name, ','));
        let price = decimal_price(p.price_cents, '.');
        write!(out, "{code},{name},{price},{},{}\r\n", p.price_cents, p.quantity)?;
    }
    Ok(())
}

/// [`write_csv`] into a string.
pub fn to_csv(products: &[Product]) -> String {
    let mut out = Vec::new();
    write_csv(&mut out, products).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the CSV is UTF-8")
}

/// Products for a Brazilian spreadsheet (Excel, LibreOffice in pt-BR): a
/// UTF-8 byte order mark so accents open right, `;` separators, prices in
/// reais with a decimal comma, CRLF line ends.
pub fn to_spreadsheet_csv(products: &[Product]) -> String {
    let mut out = String::from("\u{feff}código;nome;preço;quantidade\r\n");
    for p in products {
        let price = decimal_price(p.price_cents, ',');
        let fields = [quote(&p.code, ';'), quote(&p.name, ';'), price, p.quantity.to_string()];
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// Writes products as a JSON array, one compact product per line.
pub fn write_json(out: &mut impl Write, products: &[Product]) -> io::Result<()> {
    if products.is_empty() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[\n")?;
    for (n, product) in products.iter().enumerate() {
        out.write_all(if n == 0 { b"  " } else { b",\n  " })?;
        serde_json::to_writer(&mut *out, product)?;
    }
    out.write_all(b"\n]\n")
}

/// [`write_json`] into a string.
pub fn to_json(products: &[Product]) -> String {
    let mut out = Vec::new();
    write_json(&mut out, products).expect("writing to memory does not fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// `1234` cents as `12.34` (or `12,34` with a comma `point`).
fn decimal_price(cents: i64, point: char) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!("{sign}{}{point}{:02}", cents / 100, cents % 100)
}

/// Quotes a field that holds the separator, a quote, a line break or edge spaces.
fn quote(field: &str, separator: char) -> String {
    let needs_quotes = field.contains([separator, '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs_quotes { format!("\"{}\"", field.replace('"', "\"\"")) } else { field.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(code: &str, name: &str, price_cents: i64, quantity: i64) -> Product {
        Product { code: code.into(), name: name.into(), price_cents, quantity, version: 0 }
    }

    /// The CSV has a byte order mark, the documented header, exact prices in
    /// both forms, quotes only where needed, and CRLF line ends.
    #[test]
    fn csv_layout() {
        let csv = to_csv(&[
            product("CAN-001", "Caneta azul", 250, 40),
            product("X", "Régua, 30 cm \"grande\"", 1005, 0),
        ]);
        assert_eq!(
            csv,
            "\u{feff}code,name,price,price_cents,quantity\r\nCAN-001,Caneta azul,2.50,250,40\r\nX,\"Régua, 30 cm \"\"grande\"\"\",10.05,1005,0\r\n"
        );
    }

    /// The spreadsheet CSV writes reais with a decimal comma.
    #[test]
    fn spreadsheet_layout() {
        let csv = to_spreadsheet_csv(&[product("A", "Régua; 30 cm", 123_456, 2)]);
        assert_eq!(csv, "\u{feff}código;nome;preço;quantidade\r\nA;\"Régua; 30 cm\";1234,56;2\r\n");
    }

    /// The JSON is an array with one product per line.
    #[test]
    fn json_layout() {
        assert_eq!(to_json(&[]), "[]\n");
        let json = to_json(&[product("A", "a", 1, 2), product("B", "b", 3, 4)]);
        let expected = "[\n  {\"code\":\"A\",\"name\":\"a\",\"price_cents\":1,\"quantity\":2},\n  {\"code\":\"B\",\"name\":\"b\",\"price_cents\":3,\"quantity\":4}\n]\n";
        assert_eq!(json, expected);
    }
}
