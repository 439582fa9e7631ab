//! Every message id the source code names exists in every words file (a
//! missing one would show the bare id to users), and every id the app's
//! describe functions build from data does too.

use std::path::{Path, PathBuf};

use lojinha::i18n::Language;

/// The first part of every message id; a string literal that starts with
/// one of these and has an id's shape is taken as an id.
const PREFIXES: &[&str] = &[
    "app-",
    "theme-",
    "server-",
    "sessions-",
    "teacher-",
    "client-",
    "table-",
    "form-",
    "fetch-",
    "export-",
    "log-",
    "step-",
    "time-",
    "lesson-",
    "diagram-",
    "console-",
    "import-",
    "err-",
    "rule-",
    "skip-",
    "file-",
    "field-",
    "threads-",
    "closing-",
    "socket-",
    "check-",
    "checkwin-",
    "save-",
    "recording-",
];

/// Literals shaped like ids that are not messages: thread names and egui ids.
const NOT_IDS: &[&str] = &[
    "server-log",
    "server-events",
    "client-window",
    "client-log",
    "app-top",
    "server-controls",
    "teacher-controls",
    "export-writer",
    "import-reader",
    "lesson-server-start",
    "lesson-server-stop",
    "sessions-sideways",
    "server-status",
    "save-dialog",
    "recording-window",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// String literals shaped like ids (`"form-err-price"`, `"lesson-v1_connect-title"`).
fn ids_in(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| PREFIXES.iter().any(|p| s.starts_with(p)))
        .filter(|s| s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'))
        .filter(|s| !s.ends_with('-') && !NOT_IDS.contains(s))
        .map(str::to_owned)
        .collect()
}

/// All ids used in `app/src` and `teach/src` exist in English, Portuguese and Spanish.
#[test]
fn every_id_used_has_a_message_in_every_language() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&manifest.join("src"), &mut files);
    rust_files(&manifest.join("../teach/src"), &mut files);
    rust_files(&manifest.join("../check/src"), &mut files);
    let mut used = Vec::new();
    for file in files {
        used.extend(ids_in(&std::fs::read_to_string(file).unwrap()));
    }
    assert!(used.len() > 300, "the scan found the ids ({})", used.len());
    for language in Language::ALL {
        let missing: Vec<_> = used.iter().filter(|id| !lojinha_words::has_message(language, id)).collect();
        assert!(missing.is_empty(), "ids missing in {}: {missing:?}", language.tag());
    }
}

/// Ids made at run time (a log step's, a mode's, a theme's, a lesson step's) exist too.
#[test]
fn ids_built_from_data_exist() {
    use lojinha_teach::steps::Name as Step;
    use lojinha_teach::steps::words::{mode_id, name_key};
    let steps = Step::ALL;
    let mut ids: Vec<&str> = steps.iter().map(|s| name_key(*s)).collect();
    ids.extend([lojinha_server::Mode::Threaded, lojinha_server::Mode::Sequential].map(mode_id));
    ids.extend(lojinha::theme::Theme::ALL.iter().map(|t| t.key()));
    for step in lojinha_teach::lesson::steps() {
        ids.extend([step.title.0, step.explanation.0, step.look_at.0]);
    }
    for language in Language::ALL {
        for id in &ids {
            assert!(lojinha_words::has_message(language, id), "{id} in {}", language.tag());
        }
    }
}
