//! Exporting the product list: CSV (UTF-8 with a byte-order mark so
//! spreadsheets read accents right, a header row, RFC 4180 quoting, CRLF) and
//! JSON (the same shape as the sample catalog). Files are written, and the
//! save dialog runs, on threads of their own; results come back on a channel.

use std::io::Write;
use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, Sender};
use lojinha_server::Product;

use crate::client::describe_file::describe_io;
use crate::client::network::Waker;
use crate::money::cents_to_decimal;
use crate::phrase::Phrase;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    #[default]
    Csv,
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The format a path's extension names, if any.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }
}

/// How an export ended.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportDone {
    Written {
        path: PathBuf,
        count: usize,
    },
    Failed {
        path: PathBuf,
        error: Phrase,
    },
    /// The dialog returned no path: cancelled, or no dialog is available.
    NoPath,
}

/// Writes the products as CSV: `code,name,price,price_cents,quantity`.
pub fn write_csv(out: &mut impl Write, products: &[Product]) -> std::io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    out.write_all(b"code,name,price,price_cents,quantity\r\n")?;
    for p in products {
        let line = format!(
            "{},{},{},{},{}\r\n",
            csv_field(&p.code),
            csv_field(&p.name),
            cents_to_decimal(p.price_cents),
            p.price_cents,
            p.quantity
        );
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Quotes a field when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

pub fn write_json(out: &mut impl Write, products: &[Product]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, products)?;
    out.write_all(b"\n")
}

/// Writes the file (through a temporary file, so a failure leaves no half file).
pub fn export_to(path: &Path, format: ExportFormat, products: &[Product]) -> std::io::Result<()> {
    let temp = path.with_extension(format!("{}.part", format.extension()));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&temp)?);
    match format {
        ExportFormat::Csv => write_csv(&mut out, products)?,
        ExportFormat::Json => write_json(&mut out, products)?,
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&temp, path)
}

fn write_and_report(path: PathBuf, format: ExportFormat, products: &[Product]) -> ExportDone {
    match export_to(&path, format, products) {
        Ok(()) => ExportDone::Written { path, count: products.len() },
        Err(e) => ExportDone::Failed { path, error: Phrase::of(e, describe_io) },
    }
}

/// Writes `products` to `path` on a thread; the result arrives on the channel.
pub fn spawn_write(
    path: PathBuf,
    format: ExportFormat,
    products: Vec<Product>,
    waker: Waker,
) -> Receiver<ExportDone> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    spawn("export-writer", tx.clone(), waker, move || write_and_report(path, format, &products));
    rx
}

/// Shows the save dialog on a thread, then writes to the chosen path.
pub fn spawn_dialog(
    dialog: rfd::FileDialog,
    format: ExportFormat,
    products: Vec<Product>,
    waker: Waker,
) -> Receiver<ExportDone> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    spawn("save-dialog", tx.clone(), waker, move || match dialog.save_file() {
        Some(path) => {
            let format = ExportFormat::from_path(&path).unwrap_or(format);
            write_and_report(path, format, &products)
        }
        None => ExportDone::NoPath,
    });
    rx
}

fn spawn(
    name: &str,
    tx: Sender<ExportDone>,
    waker: Waker,
    work: impl FnOnce() -> ExportDone + Send + 'static,
) {
    let failed_tx = tx.clone();
    let result = std::thread::Builder::new().name(name.into()).spawn(move || {
        let _ = tx.send(work());
        waker.ctx.request_repaint_of(waker.viewport);
    });
    if let Err(e) = result {
        let _ =
            failed_tx.send(ExportDone::Failed { path: PathBuf::new(), error: Phrase::of(e, describe_io) });
    }
}

/// The dialog for saving the list, with both formats offered.
pub fn save_dialog(format: ExportFormat, suggested: &str) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new().set_file_name(format!("{suggested}.{}", format.extension()));
    let csv = ("CSV", &["csv"][..]);
    let json = ("JSON", &["json"][..]);
    let (first, second) = if format == ExportFormat::Csv { (csv, json) } else { (json, csv) };
    dialog.add_filter(first.0, first.1).add_filter(second.0, second.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CSV has a BOM, a header, quotes where needed, and exact prices.
    #[test]
    fn csv_is_spreadsheet_friendly() {
        let products = vec![
            Product { code: "CAN-001".into(), name: "Caneta azul".into(), price_cents: 250, quantity: 40 },
            Product {
                code: "X".into(),
                name: "Régua, 30 cm \"grande\"".into(),
                price_cents: 1005,
                quantity: 0,
            },
        ];
        let mut out = Vec::new();
        write_csv(&mut out, &products).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "\u{feff}code,name,price,price_cents,quantity\r\nCAN-001,Caneta azul,2.50,250,40\r\nX,\"Régua, 30 cm \"\"grande\"\"\",10.05,1005,0\r\n"
        );
    }

    /// What the export writes, the import reads back: same products, both formats.
    #[test]
    fn export_round_trips_through_the_import_parser() {
        let products = vec![
            Product { code: "CAN-001".into(), name: "Caneta azul".into(), price_cents: 250, quantity: 40 },
            Product {
                code: "X-1".into(),
                name: "Régua, 30 cm \"grande\"".into(),
                price_cents: 1005,
                quantity: 0,
            },
        ];
        let mut csv = Vec::new();
        write_csv(&mut csv, &products).unwrap();
        let mut json = Vec::new();
        write_json(&mut json, &products).unwrap();
        for bytes in [csv, json] {
            let report = lojinha_teach::import::parse_bytes(&bytes).unwrap();
            assert!(report.skipped().is_empty(), "{:?}", report.skipped());
            assert_eq!(report.products(), products);
        }
    }
}
