//! Every message id lojinha-check names exists in English, Portuguese and
//! Spanish: the ids written in its source, and the "said" text of every kind
//! of problem.

use std::path::Path;

use lojinha_check::Problem;
use lojinha_words::{Language, has_message};

/// String literals in `check/src` shaped like `check-…` ids (not ending in `-`).
fn ids_in_source() -> Vec<String> {
    let mut ids = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read check/src") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read a source file");
                let literals = text.split('"').skip(1).step_by(2);
                let shaped = |s: &&str| {
                    s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                };
                ids.extend(
                    literals
                        .filter(|s| s.starts_with("check-") && !s.ends_with('-'))
                        .filter(shaped)
                        .map(str::to_owned),
                );
            }
        }
    }
    ids
}

/// Each id in the source has a message in every language.
#[test]
fn every_id_in_the_source_has_words() {
    let ids = ids_in_source();
    assert!(ids.iter().any(|id| id == "check-hint-big_cut"), "the scan finds the ids: {ids:?}");
    for language in Language::ALL {
        let missing: Vec<_> = ids.iter().filter(|id| !has_message(language, id)).collect();
        assert!(missing.is_empty(), "missing in {}: {missing:?}", language.tag());
    }
}

/// Each kind of problem is said, and hinted, in every language.
#[test]
fn every_problem_is_said_in_every_language() {
    let problems = [
        Problem::Refused("x".into()),
        Problem::Silent,
        Problem::NoNewline,
        Problem::Closed,
        Problem::NotUtf8,
        Problem::NotJson("x".into()),
        Problem::NotJsonRpc,
        Problem::NotWelcome,
        Problem::WrongId { expected: "1".into(), got: "2".into() },
        Problem::ErrorAnswer { code: "1".into(), message: "m".into() },
        Problem::ResultAnswer { expected: "1".into() },
        Problem::WrongCode { expected: "1".into(), got: "2".into() },
        Problem::Wrong("check-hint-list_shape"),
    ];
    for language in Language::ALL {
        for problem in &problems {
            let said = format!("check-said-{}", problem.kind());
            assert!(has_message(language, &said), "{said} in {}", language.tag());
            assert!(has_message(language, problem.hint_id()), "{} in {}", problem.hint_id(), language.tag());
        }
    }
}
