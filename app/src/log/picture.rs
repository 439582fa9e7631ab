//! Saving the sequence diagram as an SVG picture: the file dialog and the
//! write run on a thread of their own, and the window says where the picture
//! went (or why it could not be written).

use std::path::PathBuf;

use crossbeam_channel::{Receiver, bounded};

use crate::describe_file::describe_io;
use crate::i18n::{Language, trf};

/// The state of the diagram's "Save as SVG": a save under way, and how the last one ended.
#[derive(Default)]
pub struct SvgExport {
    pending: Option<Receiver<Saved>>,
    last: Option<Saved>,
}

/// How a save ended: where it wrote, or the error; `None` when the user cancelled.
type Saved = Option<Result<PathBuf, (PathBuf, std::io::Error)>>;

impl SvgExport {
    /// Asks where to save `svg` and writes it there, on a thread.
    pub fn start(&mut self, svg: String, ctx: &egui::Context) {
        let (tx, rx) = bounded(1);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("save-diagram".into()).spawn(move || {
            let chosen = rfd::FileDialog::new()
                .add_filter("SVG", &["svg"])
                .set_file_name("lojinha-diagram.svg")
                .save_file();
            tx.send(chosen.map(|path| write(path, &svg))).ok();
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.pending = Some(rx);
        }
    }

    /// Whether a save is under way.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes the result of a finished save; says how the last one ended.
    pub fn status(&mut self, language: Language) -> Option<Result<String, String>> {
        if let Some(saved) = self.pending.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.pending = None;
            self.last = Some(saved);
        }
        match self.last.as_ref()?.as_ref()? {
            Ok(path) => Some(Ok(trf(language, "diagram-saved", &[("path", &path.display().to_string())]))),
            Err((path, e)) => Some(Err(trf(
                language,
                "diagram-save_failed",
                &[("path", &path.display().to_string()), ("error", &describe_io(e, language))],
            ))),
        }
    }
}

/// Writes the picture to `path`.
pub fn write(path: PathBuf, svg: &str) -> Result<PathBuf, (PathBuf, std::io::Error)> {
    match std::fs::write(&path, svg) {
        Ok(()) => Ok(path),
        Err(e) => Err((path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The picture is written whole; a folder that does not exist is an error that names the file.
    #[test]
    fn writes_the_picture_or_says_why_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.svg");
        assert_eq!(write(path.clone(), "<svg/>").unwrap(), path);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "<svg/>");
        let missing = dir.path().join("no/such/folder/d.svg");
        let (named, _) = write(missing.clone(), "<svg/>").unwrap_err();
        assert_eq!(named, missing);
    }
}
