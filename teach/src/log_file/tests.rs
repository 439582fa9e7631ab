//! The log as files: aligned text, a Markdown table with one row per step,
//! JSON Lines with every field; each read back.

use super::*;
use crate::recording::tests::{class_steps, client_steps};
use crate::steps::words::label;

fn all(steps: &Steps) -> Vec<u64> {
    steps.entries().iter().map(|s| s.seq).collect()
}

fn detail(step: &Step, language: Language) -> String {
    label(step, language)
}

/// The text's columns line up: every cell of a column starts at the same character.
#[test]
fn text_columns_are_aligned() {
    let steps = class_steps();
    let (header, rows) = rows(&steps, &all(&steps), true, Language::PtBr, &detail);
    let mut out = Vec::new();
    text(&mut out, &header, &rows).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), steps.len() + 1);
    assert!(lines[0].starts_with("Hora") || lines[0].starts_with("Tempo"), "{}", lines[0]);
    // The direction column starts at the same place on every line.
    let column = |line: &str| line.chars().position(|c| matches!(c, '•' | 'S' | 'C')).unwrap();
    let first = column(lines[1]);
    assert!(lines[1..].iter().all(|line| column(line) == first), "{out}");
    // The bytes column too: each count starts under its header.
    let chars = |line: &str| line.chars().collect::<Vec<_>>();
    let header_chars = chars(lines[0]);
    let at = header_chars.windows(5).position(|w| w.iter().collect::<String>() == "Bytes").unwrap();
    for (line, step) in lines[1..].iter().zip(steps.entries()) {
        if step.bytes.is_some() {
            let line = chars(line);
            assert!(line[at].is_ascii_digit() && line[at - 1] == ' ', "{out}");
        }
    }
}

/// One Markdown row per step, each with as many cells as the header; the
/// `|` in a line the client sent is escaped.
#[test]
fn markdown_has_one_row_per_step() {
    let steps = class_steps();
    let (header, rows) =
        rows(&steps, &all(&steps), true, Language::Es, &|s, _| s.raw().unwrap_or("").to_owned());
    let mut out = Vec::new();
    markdown(&mut out, &header, &rows).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2 + steps.len(), "header, rule, one row per step");
    let cells = |line: &str| line.replace("\\|", "").matches('|').count();
    assert!(lines.iter().all(|line| cells(line) == header.cells.len() + 1), "{out}");
    assert!(out.contains("oi \\| tudo bem?"), "{out}");
}

/// Each JSON line parses, has every field of its step and its words.
#[test]
fn json_lines_carry_every_field() {
    for steps in [class_steps(), client_steps()] {
        let mut out = Vec::new();
        json_lines(&mut out, &steps, &all(&steps), Language::En, &detail).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().count(), steps.len());
        for (line, step) in out.lines().zip(steps.entries()) {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(value["seq"], step.seq);
            assert_eq!(value["says"], label(step, Language::En));
            assert!(value["name"].is_string() && value["what"].is_string() && value["at_ns"].is_u64());
            let data: StepData = serde_json::from_str(line).unwrap();
            assert_eq!(&data.step(), step, "the line holds the whole step");
        }
    }
}

/// Only the steps asked for are written.
#[test]
fn only_the_steps_asked_for() {
    let steps = client_steps();
    let some: Vec<u64> = all(&steps).into_iter().step_by(3).collect();
    let (_, rows) = rows(&steps, &some, false, Language::En, &detail);
    assert_eq!(rows.len(), some.len());
}
