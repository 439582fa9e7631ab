//! Saving a file the user asked for, one way for every export of the app:
//! the product list (the app's CSV, a CSV for spreadsheets in Portuguese,
//! or JSON, in the formats the import reads back, defined once in
//! `lojinha_teach::import`), and a log's pictures, tables and recordings
//! (`crate::log::save`). The save dialog runs, and the file is made and
//! written, on threads of their own; the result comes back on a channel
//! ([`ExportDone`]) and the box that asked says where it went.
//!
//! The format the user chose is the format written. A file name whose
//! extension names another format (JSON chosen, `x.csv` typed) is refused,
//! nothing is written, and the export box offers the name with the right
//! extension in one click: a `.csv` holding JSON would only puzzle whoever
//! opens it. A name without an extension gets the format's own.

use std::io::Write;
use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, Sender};
use lojinha_server::Product;
use lojinha_teach::import::{to_spreadsheet_csv, write_csv, write_json};

use crate::describe_file::describe_io;
use crate::i18n::Language;
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

/// A kind of file an export box offers.
pub trait Format: Copy + Send + 'static {
    /// The extension a file of this format gets.
    fn extension(self) -> &'static str;
    /// The format's name in messages, in `lang`.
    fn name(self, lang: Language) -> String;
    /// The extensions of every format the same box offers: a name ending
    /// in one of them that is not this format's is refused ([`check_path`]).
    fn extensions() -> &'static [&'static str];
    /// The message that says what was written: `$n` things as `$format` to `$path`.
    const WRITTEN: &'static str;
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Csv, ExportFormat::SpreadsheetPt, ExportFormat::Json];
}

impl Format for ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv | ExportFormat::SpreadsheetPt => "csv",
            ExportFormat::Json => "json",
        }
    }

    fn name(self, lang: Language) -> String {
        match self {
            ExportFormat::Csv => "CSV".to_owned(),
            ExportFormat::SpreadsheetPt => crate::i18n::tr(lang, "export-format_spreadsheet"),
            ExportFormat::Json => "JSON".to_owned(),
        }
    }

    fn extensions() -> &'static [&'static str] {
        &["csv", "json"]
    }

    const WRITTEN: &'static str = "export-written_as";
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
pub fn check_path<F: Format>(path: &Path, format: F) -> ExportPath {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        None => ExportPath::Write(path.with_extension(format.extension())),
        Some(ext) if ext != format.extension() && F::extensions().contains(&ext) => {
            ExportPath::Mismatch { typed: path.to_owned(), fixed: path.with_extension(format.extension()) }
        }
        Some(_) => ExportPath::Write(path.to_owned()),
    }
}

/// How an export ended.
#[derive(Debug, Clone)]
pub enum ExportDone<F = ExportFormat> {
    /// `count` things (products, steps) written.
    Written {
        path: PathBuf,
        count: usize,
        format: F,
    },
    /// Nothing written: the name's extension names another format.
    Mismatch {
        typed: PathBuf,
        fixed: PathBuf,
        format: F,
    },
    Failed {
        path: PathBuf,
        error: Phrase,
    },
    /// The dialog returned no path: cancelled, or no dialog is available.
    NoPath,
}

/// Makes a file's content: writes it to the output, returns how many
/// things (products, steps) it holds. Runs on the writing thread.
pub type Content = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<usize> + Send>;

/// The products in `format`, as a file's content.
pub fn products(format: ExportFormat, products: Vec<Product>) -> Content {
    Box::new(move |mut out| {
        match format {
            ExportFormat::Csv => write_csv(&mut out, &products)?,
            ExportFormat::Json => write_json(&mut out, &products)?,
            ExportFormat::SpreadsheetPt => out.write_all(to_spreadsheet_csv(&products).as_bytes())?,
        }
        Ok(products.len())
    })
}

/// Writes the file (through a temporary file beside it, so a failure leaves
/// no half file); returns what `content` returned.
pub fn write_file(path: &Path, content: Content) -> std::io::Result<usize> {
    let extension = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_extension(format!("{extension}.part"));
    let written = write_temp(&temp, content).and_then(|count| std::fs::rename(&temp, path).map(|()| count));
    if written.is_err() {
        std::fs::remove_file(&temp).ok();
    }
    written
}

fn write_temp(temp: &Path, content: Content) -> std::io::Result<usize> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(temp)?);
    let count = content(&mut out)?;
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(count)
}

fn write_and_report<F: Format>(path: PathBuf, format: F, content: Content) -> ExportDone<F> {
    let path = match check_path(&path, format) {
        ExportPath::Write(path) => path,
        ExportPath::Mismatch { typed, fixed } => return ExportDone::Mismatch { typed, fixed, format },
    };
    match write_file(&path, content) {
        Ok(count) => ExportDone::Written { path, count, format },
        Err(e) => ExportDone::Failed { path, error: Phrase::of(e, describe_io) },
    }
}

/// Where to save: a path the user typed, or the one the save dialog gives.
pub enum Target {
    Typed(PathBuf),
    Dialog(rfd::FileDialog),
}

/// Saves on a named thread: shows the dialog (for [`Target::Dialog`]),
/// checks the path against `format` ([`check_path`]), makes the content and
/// writes it; the result arrives on the channel, and `waker` wakes the window.
pub fn spawn_save<F: Format>(
    target: Target,
    format: F,
    content: Content,
    waker: Waker,
) -> Receiver<ExportDone<F>> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    let (name, work): (&str, Box<dyn FnOnce() -> ExportDone<F> + Send>) = match target {
        Target::Typed(path) => ("export-writer", Box::new(move || write_and_report(path, format, content))),
        Target::Dialog(dialog) => (
            "save-dialog",
            Box::new(move || match dialog.save_file() {
                Some(path) => write_and_report(path, format, content),
                None => ExportDone::NoPath,
            }),
        ),
    };
    spawn(name, tx, waker, work);
    rx
}

fn spawn<F: Format>(
    name: &str,
    tx: Sender<ExportDone<F>>,
    waker: Waker,
    work: impl FnOnce() -> ExportDone<F> + Send + 'static,
) {
    let failed_tx = tx.clone();
    let result = std::thread::Builder::new().name(name.into()).spawn(move || {
        tx.send(work()).ok();
        waker.wake();
    });
    if let Err(e) = result {
        failed_tx.send(ExportDone::Failed { path: PathBuf::new(), error: Phrase::of(e, describe_io) }).ok();
    }
}

/// The dialog for saving in the chosen format (its extension only: the
/// format was chosen in the export box).
pub fn save_dialog<F: Format>(format: F, suggested: &str, lang: Language) -> rfd::FileDialog {
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
            write_file(&path, super::products(format, products.clone())).unwrap();
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
