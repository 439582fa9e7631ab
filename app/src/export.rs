//! Exporting the product list to a file, CSV or JSON, in the formats the
//! import reads back (defined once, in `lojinha_teach::import`). Files are
//! written, and the save dialog runs, on threads of their own; results come
//! back on a channel.

use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, Sender};
use lojinha_server::Product;
use lojinha_teach::import::{write_csv, write_json};

use crate::describe_file::describe_io;
use crate::phrase::Phrase;
use crate::waker::Waker;

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
#[derive(Debug, Clone)]
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

    /// A file the export writes, the import reads back: same products, both
    /// formats, and no temporary file left beside it.
    #[test]
    fn exported_files_round_trip_through_the_import() {
        let products = vec![
            Product {
                code: "CAN-001".into(),
                name: "Caneta azul".into(),
                price_cents: 250,
                quantity: 40,
                version: 0,
            },
            Product {
                code: "X-1".into(),
                name: "Régua, 30 cm \"grande\"".into(),
                price_cents: 1005,
                quantity: 0,
                version: 0,
            },
        ];
        let dir = tempfile::tempdir().unwrap();
        for format in [ExportFormat::Csv, ExportFormat::Json] {
            let path = dir.path().join(format!("produtos.{}", format.extension()));
            export_to(&path, format, &products).unwrap();
            let report = lojinha_teach::import::parse_bytes(&std::fs::read(&path).unwrap()).unwrap();
            assert!(report.skipped().is_empty(), "{:?}", report.skipped());
            assert_eq!(report.products(), products);
        }
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
