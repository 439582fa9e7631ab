//! Reading product files: the app's own CSV and JSON exports and CSV saved by
//! a Brazilian spreadsheet (`;`, decimal commas, `R$`, a byte order mark).
//!
//! Pure functions: text in, an [`ImportReport`] out, one row per record, each
//! either a validated product or the reason it was skipped. The app decides
//! what to send to the server.

mod csv;
mod export;
mod reason;
mod whole;

use std::collections::HashMap;

use lojinha_server::Product;
use serde_json::Value;

use crate::money::{PriceError, parse_price};

pub use export::{CSV_HEADER, to_csv, to_json, to_spreadsheet_csv, write_csv, write_json};
pub use reason::{Column, ImportError, SkipReason, Unit, price_id};
pub use whole::DecimalMark;

/// What became of each record of a file, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub rows: Vec<ImportRow>,
    /// Header columns that mean nothing to Lojinha and were left out.
    pub ignored_columns: Vec<String>,
}

/// One record of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRow {
    /// A product that passed `Product::validate()` (name trimmed).
    Ok(Product),
    /// `line` is the file line where the record starts (CSV) or the
    /// 1-based position in the array (JSON).
    Skipped { line: usize, reason: SkipReason },
}

impl ImportReport {
    /// The products that can be imported.
    pub fn products(&self) -> Vec<Product> {
        self.rows
            .iter()
            .filter_map(|row| match row {
                ImportRow::Ok(p) => Some(p.clone()),
                ImportRow::Skipped { .. } => None,
            })
            .collect()
    }

    /// `(line, reason)` of every skipped record.
    pub fn skipped(&self) -> Vec<(usize, &SkipReason)> {
        self.rows
            .iter()
            .filter_map(|row| match row {
                ImportRow::Skipped { line, reason } => Some((*line, reason)),
                ImportRow::Ok(_) => None,
            })
            .collect()
    }
}

/// File bytes to text: UTF-8 (with or without a byte order mark), or else
/// Windows-1252, which older Brazilian spreadsheets still save.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// Parses a file's bytes as JSON when it starts with `[` or `{`, else as CSV.
pub fn parse_bytes(bytes: &[u8]) -> Result<ImportReport, ImportError> {
    parse(&decode_text(bytes))
}

/// Parses text as JSON when it starts with `[` or `{`, else as CSV.
pub fn parse(text: &str) -> Result<ImportReport, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match text.trim_start().chars().next() {
        Some('[' | '{') => parse_json(text),
        _ => parse_csv(text),
    }
}

/// A JSON array of products, or an object with a `products` array (what
/// `product.list` returns).
pub fn parse_json(text: &str) -> Result<ImportReport, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        // The message ends with " at line L column C", given apart.
        let message = e.to_string();
        let cause = message.rsplit_once(" at line ").map_or(message.as_str(), |(cause, _)| cause).to_owned();
        ImportError::NotJson { cause, line: e.line(), column: e.column() }
    })?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut object) => match object.remove("products") {
            Some(Value::Array(items)) => items,
            _ => return Err(ImportError::NotAnArray),
        },
        _ => return Err(ImportError::NotAnArray),
    };
    let mut rows = Rows::new(Unit::Item);
    for (index, item) in items.into_iter().enumerate() {
        rows.push(index + 1, Product::from_json(item).map_err(SkipReason::Rule));
    }
    Ok(ImportReport { rows: rows.rows, ignored_columns: Vec::new() })
}

/// CSV with a header row; the separator (`,` `;` tab) is taken from the header.
pub fn parse_csv(text: &str) -> Result<ImportReport, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel may write a first line `sep=;` naming the separator.
    let declared = text.lines().next().and_then(|line| line.trim().strip_prefix("sep="));
    let (separator, skip) = match declared.map(|rest| rest.chars().collect::<Vec<_>>()).as_deref() {
        Some([separator]) => (*separator, 1),
        _ => (csv::detect_separator(text.trim_start_matches(['\r', '\n'])), 0),
    };
    let hint = if separator == ',' { DecimalMark::Point } else { DecimalMark::Comma };
    let mut records = csv::records(text, separator).into_iter().skip(skip).filter(|r| !r.is_blank());
    let header = records.next().ok_or(ImportError::Empty)?;
    let (columns, ignored_columns) = Columns::from_header(&header.fields)?;
    let mut rows = Rows::new(Unit::Line);
    for record in records {
        let product = if record.unclosed_quote {
            Err(SkipReason::UnclosedQuote)
        } else {
            columns.product(&record.fields, hint)
        };
        rows.push(record.line, product);
    }
    Ok(ImportReport { rows: rows.rows, ignored_columns })
}

/// Collects rows, validating products and catching duplicate codes.
struct Rows {
    rows: Vec<ImportRow>,
    first_line_of: HashMap<String, usize>,
    /// Lines (CSV) or items (JSON), for the duplicate message.
    unit: Unit,
}

impl Rows {
    fn new(unit: Unit) -> Rows {
        Rows { rows: Vec::new(), first_line_of: HashMap::new(), unit }
    }

    fn push(&mut self, line: usize, product: Result<Product, SkipReason>) {
        let checked = product.and_then(|p| p.validate().map_err(SkipReason::Rule));
        let row = match checked {
            Ok(p) => match self.first_line_of.get(&p.code) {
                Some(&first) => ImportRow::Skipped {
                    line,
                    reason: SkipReason::Duplicate { code: p.code, unit: self.unit, first },
                },
                None => {
                    self.first_line_of.insert(p.code.clone(), line);
                    ImportRow::Ok(p)
                }
            },
            Err(reason) => ImportRow::Skipped { line, reason },
        };
        self.rows.push(row);
    }
}

/// Where each field sits in a record.
struct Columns {
    code: usize,
    name: usize,
    price: Price,
    quantity: Option<usize>,
    width: usize,
}

enum Price {
    Cents(usize),
    Reais(usize),
    /// Both columns, as the app's export writes them: either may be
    /// cleared (the other counts), and when both are filled they must agree.
    Both {
        cents: usize,
        reais: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Code,
    Name,
    PriceCents,
    Price,
    Quantity,
}

impl Columns {
    fn from_header(header: &[String]) -> Result<(Columns, Vec<String>), ImportError> {
        let mut found: HashMap<Field, usize> = HashMap::new();
        let mut ignored = Vec::new();
        for (index, name) in header.iter().enumerate() {
            match field_of(name) {
                Some(field) if !found.contains_key(&field) => {
                    found.insert(field, index);
                }
                _ => ignored.push(name.trim().to_owned()),
            }
        }
        let require = |field: Field, column: Column| {
            found.get(&field).copied().ok_or_else(|| ImportError::MissingColumn {
                column,
                header: header.iter().map(|h| h.trim().to_owned()).collect(),
            })
        };
        let price = match (found.get(&Field::PriceCents), found.get(&Field::Price)) {
            (Some(&cents), Some(&reais)) => Price::Both { cents, reais },
            (Some(&i), None) => Price::Cents(i),
            (None, Some(&i)) => Price::Reais(i),
            (None, None) => Price::Cents(require(Field::PriceCents, Column::Price)?),
        };
        let columns = Columns {
            code: require(Field::Code, Column::Code)?,
            name: require(Field::Name, Column::Name)?,
            price,
            quantity: found.get(&Field::Quantity).copied(),
            width: header.len(),
        };
        Ok((columns, ignored))
    }

    fn product(&self, fields: &[String], hint: DecimalMark) -> Result<Product, SkipReason> {
        let get = |index: usize| {
            fields
                .get(index)
                .map(|f| f.trim())
                .ok_or(SkipReason::FieldCount { has: fields.len(), header: self.width })
        };
        let cents = |i: usize| whole::parse_whole(get(i)?, "price_cents", hint);
        let price_cents = match self.price {
            Price::Cents(i) => cents(i)?.ok_or(SkipReason::ColumnEmpty { column: "price_cents" })?,
            Price::Reais(i) => price_in_reais(get(i)?)?,
            Price::Both { cents: c, reais } => {
                let price = fields.get(reais).map_or("", |f| f.trim());
                let reais = (!price.is_empty()).then(|| price_in_reais(price)).transpose()?;
                match (cents(c)?, reais) {
                    (Some(cents), Some(reais)) if cents != reais => {
                        return Err(SkipReason::PriceMismatch {
                            price: price.to_owned(),
                            price_cents: cents,
                        });
                    }
                    (Some(cents), _) => cents,
                    (None, Some(reais)) => reais,
                    (None, None) => return Err(SkipReason::price(PriceError::Empty, "")),
                }
            }
        };
        let quantity = match self.quantity {
            Some(i) => whole::parse_whole(fields.get(i).map_or("", |f| f.as_str()), "quantity", hint)?,
            None => None,
        };
        Ok(Product {
            code: get(self.code)?.to_owned(),
            name: get(self.name)?.to_owned(),
            price_cents,
            quantity: quantity.unwrap_or(0),
            version: 0,
        })
    }
}

/// A `price` field in reais, read by the one price parser.
fn price_in_reais(raw: &str) -> Result<i64, SkipReason> {
    parse_price(raw).map_err(|error| SkipReason::price(error, raw))
}

/// Header names in English or Portuguese, with or without accents.
fn field_of(header: &str) -> Option<Field> {
    let key: String = header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' => 'a',
            'é' | 'ê' => 'e',
            'í' => 'i',
            'ó' | 'ô' | 'õ' => 'o',
            'ú' => 'u',
            'ç' => 'c',
            other => other,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect();
    match key.as_str() {
        "code" | "codigo" | "cod" | "sku" => Some(Field::Code),
        "name" | "nome" | "descricao" | "nombre" => Some(Field::Name),
        "pricecents" | "precocentavos" | "centavos" | "preciocentavos" => Some(Field::PriceCents),
        "price" | "preco" | "valor" | "precors" | "precounitario" | "valorunitario" | "precio"
        | "preciounitario" => Some(Field::Price),
        "quantity" | "qty" | "quantidade" | "qtd" | "qtde" | "estoque" | "cantidad" | "existencias"
        | "stock" => Some(Field::Quantity),
        _ => None,
    }
}

/// One Windows-1252 byte as a char (0x80–0x9F differ from Latin-1).
fn windows_1252(byte: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match byte {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(byte - 0x80)])).unwrap_or('\u{fffd}'),
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests;
