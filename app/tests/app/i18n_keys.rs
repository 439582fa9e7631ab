//! Every translation key the source code names has an entry in the table
//! (a missing one would show the bare key to users).

use std::path::Path;

const PREFIXES: &[&str] = &[
    "app.",
    "theme.",
    "server.",
    "sessions.",
    "client.",
    "table.",
    "form.",
    "fetch.",
    "export.",
    "log.",
    "step.",
    "time.",
    "lesson.",
    "diagram.",
    "console.",
    "import.",
    "err.",
    "rule.",
    "skip.",
    "file.",
    "field.",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
            out.push(path);
        }
    }
}

/// String literals shaped like keys (`"form.err.price"`).
fn keys_in(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| PREFIXES.iter().any(|p| s.starts_with(p)))
        .filter(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'))
        .map(str::to_owned)
        .collect()
}

/// All keys used in `app/src` are translated.
#[test]
fn every_key_used_has_a_translation() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut used = Vec::new();
    for file in files {
        used.extend(keys_in(&std::fs::read_to_string(file).unwrap()));
    }
    assert!(used.len() > 100, "the scan found the keys");
    let missing: Vec<_> = used.iter().filter(|k| !lojinha::i18n::has_key(k)).collect();
    assert!(missing.is_empty(), "untranslated keys: {missing:?}");
}
