//! Exporting the product list to a file: the app's CSV, a CSV for
//! spreadsheets in Portuguese (`;` and decimal commas), or JSON, in the
//! formats the import reads back (defined once, in `lojinha_teach::import`).
//! Files are written, and the save dialog runs, on threads of their own;
//! results come back on a channel.
//!
//! The format the user chose is the format written. A file name whose
//! extension names another format (JSON chosen, `x.csv` typed) is refused,
//! nothing is written, and the export box offers the name with the right
//! extension in one click: a `.csv` holding JSON would only puzzle whoever
//! opens it. A name without an extension gets the format's own.

use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, Sender};
use lojinha_server::Product;
use lojinha_teach::import::{to_spreadsheet_csv, write_csv, write_json};

use crate::describe_file::describe_io;
use crate::phrase::Phrase;
use crate::waker::Waker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    /// The app's CSV: `,` separators, prices with a decimal point and in cents.
    #[default]
    Csv,
    /// CSV for a spreadsheet in Portuguese: `;` separators, decimal commas.
    SpreadsheetPt,
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Csv, ExportFormat::SpreadsheetPt, ExportFormat::Json];

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv | ExportFormat::SpreadsheetPt => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The format's name in messages, in `lang`.
    pub fn name(self, lang: crate::i18n::Language) -> String {
        match self {
            ExportFormat::Csv => "CSV".to_owned(),
            ExportFormat::SpreadsheetPt => crate::i18n::tr(lang, "export-format_spreadsheet"),
            ExportFormat::Json => "JSON".to_owned(),
        }
    }
}

/// Where a typed or chosen path may be written with `format`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportPath {
    /// Write here (a name without an extension got the format's own).
    Write(PathBuf),
    /// The extension names another format: nothing is written; this is the
    /// same name with the format's extension.
    Mismatch { typed: PathBuf, fixed: PathBuf },
}

/// Checks `path`'s extension against the chosen `format` (see the module's header).
pub fn check_path(path: &Path, format: ExportFormat) -> ExportPath {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        None => ExportPath::Write(path.with_extension(format.extension())),
        Some(ext @ ("csv" | "json")) if ext != format.extension() => {
            ExportPath::Mismatch { typed: path.to_owned(), fixed: path.with_extension(format.extension()) }
        }
        Some(_) => ExportPath::Write(path.to_owned()),
    }
}

/// How an export ended.
#[derive(Debug, Clone)]
pub enum ExportDone {
    Written {
        path: PathBuf,
        count: usize,
        format: ExportFormat,
    },
    /// Nothing written: the name's extension names another format.
    Mismatch {
        typed: PathBuf,
        fixed: PathBuf,
        format: ExportFormat,
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
        ExportFormat::SpreadsheetPt => {
            std::io::Write::write_all(&mut out, to_spreadsheet_csv(products).as_bytes())?
        }
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&temp, path)
}

fn write_and_report(path: PathBuf, format: ExportFormat, products: &[Product]) -> ExportDone {
    let path = match check_path(&path, format) {
        ExportPath::Write(path) => path,
        ExportPath::Mismatch { typed, fixed } => return ExportDone::Mismatch { typed, fixed, format },
    };
    match export_to(&path, format, products) {
        Ok(()) => ExportDone::Written { path, count: products.len(), format },
        Err(e) => ExportDone::Failed { path, error: Phrase::of(e, describe_io) },
    }
}

/// Writes `products` to `path` (checked by [`check_path`]) on a thread; the
/// result arrives on the channel.
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
        Some(path) => write_and_report(path, format, &products),
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

/// The dialog for saving the list in the chosen format (its extension only:
/// the format was chosen in the export box).
pub fn save_dialog(format: ExportFormat, suggested: &str, lang: crate::i18n::Language) -> rfd::FileDialog {
    let extension = format.extension();
    rfd::FileDialog::new()
        .set_file_name(format!("{suggested}.{extension}"))
        .add_filter(format.name(lang), &[extension])
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
        for (n, format) in ExportFormat::ALL.into_iter().enumerate() {
            let path = dir.path().join(format!("produtos-{n}.{}", format.extension()));
            export_to(&path, format, &products).unwrap();
            let report = lojinha_teach::import::parse_bytes(&std::fs::read(&path).unwrap()).unwrap();
            assert!(report.skipped().is_empty(), "{:?}", report.skipped());
            assert_eq!(report.products(), products);
        }
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 3, "{names:?}");
    }

    /// The chosen format wins: an extension naming another format is
    /// refused with the fixed name; no extension gets the format's own;
    /// any other extension is the user's choice.
    #[test]
    fn a_path_is_checked_against_the_chosen_format() {
        let fixed =
            |typed: &str, fixed: &str| ExportPath::Mismatch { typed: typed.into(), fixed: fixed.into() };
        assert_eq!(check_path(Path::new("x.csv"), ExportFormat::Json), fixed("x.csv", "x.json"));
        assert_eq!(check_path(Path::new("d/x.JSON"), ExportFormat::Csv), fixed("d/x.JSON", "d/x.csv"));
        assert_eq!(check_path(Path::new("x.json"), ExportFormat::SpreadsheetPt), fixed("x.json", "x.csv"));
        assert_eq!(
            check_path(Path::new("x.CSV"), ExportFormat::SpreadsheetPt),
            ExportPath::Write("x.CSV".into())
        );
        assert_eq!(
            check_path(Path::new("lista"), ExportFormat::Json),
            ExportPath::Write("lista.json".into())
        );
        assert_eq!(check_path(Path::new("x.txt"), ExportFormat::Json), ExportPath::Write("x.txt".into()));
    }
}
