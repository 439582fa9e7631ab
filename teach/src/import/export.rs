//! Writing products as CSV and JSON: the one definition of the file formats
//! that the app's export writes and [`super::parse`] reads back.

use lojinha_server::Product;

/// The header of the app's CSV files.
pub const CSV_HEADER: &str = "code,name,price_cents,quantity";

/// Products as the app's CSV: UTF-8, `,` separators, a header row, integer
/// cents, `\n` line ends, fields quoted only when they need it.
pub fn to_csv(products: &[Product]) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for p in products {
        let fields =
            [quote(&p.code, ','), quote(&p.name, ','), p.price_cents.to_string(), p.quantity.to_string()];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// Products for a Brazilian spreadsheet (Excel, LibreOffice in pt-BR): a
/// UTF-8 byte order mark so accents open right, `;` separators, prices in
/// reais with a decimal comma, CRLF line ends.
pub fn to_spreadsheet_csv(products: &[Product]) -> String {
    let mut out = String::from("\u{feff}código;nome;preço;quantidade\r\n");
    for p in products {
        let price = format!("{},{:02}", p.price_cents / 100, p.price_cents % 100);
        let fields = [quote(&p.code, ';'), quote(&p.name, ';'), price, p.quantity.to_string()];
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// Products as a JSON array, one compact product per line.
pub fn to_json(products: &[Product]) -> String {
    if products.is_empty() {
        return "[]\n".into();
    }
    let lines: Vec<String> = products
        .iter()
        .map(|p| format!("  {}", serde_json::to_string(p).expect("a product serializes")))
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
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
        Product { code: code.into(), name: name.into(), price_cents, quantity }
    }

    /// The CSV has the documented header and quotes only what needs quoting.
    #[test]
    fn csv_layout() {
        let csv = to_csv(&[product("CAN-001", "Caneta azul", 250, 40), product("X", "Lápis, \"HB\"", 5, 0)]);
        assert_eq!(
            csv,
            "code,name,price_cents,quantity\nCAN-001,Caneta azul,250,40\nX,\"Lápis, \"\"HB\"\"\",5,0\n"
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
        let json = to_json(&[product("A", "a", 1, 2)]);
        assert_eq!(json, "[\n  {\"code\":\"A\",\"name\":\"a\",\"price_cents\":1,\"quantity\":2}\n]\n");
    }
}
