//! "Save…" beside a log and "Open a recording…": every format written from
//! a real session through the app's own buttons and threads, each file read
//! back here; a recording opens read-only with the very steps it saved.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use crate::common::*;
use lojinha::log::save::LogFormat;
use lojinha_teach::Steps;

/// Saves client window 1's log in `format` to `path` with the "Save…" row's
/// typed path, and waits until the row says where it wrote.
fn save_from_window(h: &mut App, format: LogFormat, path: &Path) {
    lock(&window(h, 0).unwrap()).log_view.save.export.format = format;
    set_text(h, Some(1), "Save to", path.to_str().unwrap());
    click_save(h, Some(1));
    let shown = path.display().to_string();
    wait_for(h, "the save", |h| shows(h, Some(1), &format!("to {shown}")));
}

/// Clicks "Save N steps" in client window `n` (or in the main window).
fn click_save(h: &mut App, n: Option<usize>) {
    let save = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.role() == Role::Button
            && node.label().is_some_and(|l| {
                l.strip_prefix("Save ").is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            })
    };
    match n {
        Some(n) => client_window(h, n).get_by(save).click_accesskit(),
        None => h.get_by(save).click_accesskit(),
    }
    for _ in 0..3 {
        h.step();
    }
}

fn steps_of_window(h: &App) -> Steps {
    lock(&window(h, 0).unwrap()).steps.clone()
}

fn lines(path: &Path) -> Vec<String> {
    BufReader::new(std::fs::File::open(path).unwrap()).lines().map(Result::unwrap).collect()
}

/// From a connected client window, every format: the SVG is well-formed
/// XML with one arrow per line, the PNG decodes at a readable size, the
/// text has a line per step, the Markdown a table row per step, each JSON
/// line parses, and the recording reads back as the same steps, equal.
#[test]
fn every_format_is_written_from_a_client_window_and_reads_back() {
    let mut h = served_and_connected();
    click(&mut h, Some(1), "Save…");
    let dir = tempfile::tempdir().unwrap();
    let steps = steps_of_window(&h);
    let lines_sent = steps.entries().iter().filter(|s| s.message().is_some()).count();
    assert!(lines_sent >= 4, "welcome, hello, its answer, the list: {lines_sent}");

    let svg = dir.path().join("aula.svg");
    save_from_window(&mut h, LogFormat::Svg, &svg);
    let text = std::fs::read_to_string(&svg).unwrap();
    let document = roxmltree::Document::parse(&text).unwrap();
    let arrows = document.descendants().filter(|n| n.attribute("class") == Some("arrow")).count();
    assert_eq!(arrows, lines_sent, "one arrow per line");
    assert!(
        text.contains("Client") && text.contains("Server") && text.contains("request"),
        "lifelines, legend"
    );

    let png = dir.path().join("aula.png");
    save_from_window(&mut h, LogFormat::Png, &png);
    let image = image::load_from_memory(&std::fs::read(&png).unwrap()).unwrap();
    let (width, height) = (image.width(), image.height());
    assert_eq!(
        width,
        2 * (80 + 2 * 190 + 120),
        "time, two lifelines and the margin, at twice the SVG's size"
    );
    assert!(height > 2 * 26 * steps.len() as u32, "a row per step: {height}");

    let txt = dir.path().join("aula.txt");
    save_from_window(&mut h, LogFormat::Text, &txt);
    assert_eq!(lines(&txt).len(), steps.len() + 1, "the header and a line per step");

    let md = dir.path().join("aula.md");
    save_from_window(&mut h, LogFormat::Markdown, &md);
    let table = lines(&md);
    assert_eq!(table.len(), steps.len() + 2, "header, rule, a row per step");
    assert!(table.iter().all(|row| row.starts_with("| ") || row.starts_with("|---")));

    let jsonl = dir.path().join("aula.jsonl");
    save_from_window(&mut h, LogFormat::JsonLines, &jsonl);
    let json = lines(&jsonl);
    assert_eq!(json.len(), steps.len());
    for (line, step) in json.iter().zip(steps.entries()) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["seq"], step.seq);
    }

    let recording = dir.path().join("aula.lojinha");
    save_from_window(&mut h, LogFormat::Recording, &recording);
    let read = lojinha_teach::recording::open(&recording, lojinha_teach::steps::STEPS_BYTES).unwrap();
    assert_eq!(read.steps.entries(), steps.entries(), "the same steps, equal");
    assert!(read.title.starts_with("Client window 1"), "{}", read.title);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 6, "no temporary files left: {names:?}");
}

/// With a search typed in the log, what is saved is what the log shows.
#[test]
fn the_logs_filter_chooses_what_is_saved() {
    let mut h = served_and_connected();
    click(&mut h, Some(1), "Save…");
    set_text(&mut h, Some(1), "Search the log", "hello");
    let shown = lock(&window(&h, 0).unwrap()).log_view.shown().len();
    let total = steps_of_window(&h).len();
    assert!(shown >= 2 && shown < total, "{shown} of {total}");
    assert!(shows(&h, Some(1), &format!("Only the {shown} of {total} steps")));
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("hello.md");
    save_from_window(&mut h, LogFormat::Markdown, &md);
    assert_eq!(lines(&md).len(), shown + 2);
    let svg = dir.path().join("hello.svg");
    save_from_window(&mut h, LogFormat::Svg, &svg);
    let text = std::fs::read_to_string(&svg).unwrap();
    let document = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(document.descendants().filter(|n| n.attribute("class") == Some("arrow")).count(), shown);
}

/// With "only part of the session" ticked, a table or a picture holds the
/// steps of the time range chosen, and the row says how many of all.
#[test]
fn a_time_range_chooses_what_is_saved() {
    let mut h = served_and_connected();
    click(&mut h, Some(1), "Save…");
    let steps = steps_of_window(&h);
    let middle = steps.entries()[steps.len() / 2].at;
    let within = steps.entries().iter().filter(|s| s.at <= middle).count();
    assert!(within > 0 && within < steps.len(), "{within} of {}", steps.len());
    click(&mut h, Some(1), "Only part of the session:");
    let range = lojinha::log::save::TimeRange { on: true, from: 0.0, to: middle.as_secs_f64() };
    lock(&window(&h, 0).unwrap()).log_view.save.range = range;
    for _ in 0..3 {
        h.step();
    }
    assert!(shows(&h, Some(1), &format!("Only {within} of {} steps", steps.len())));
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("part.md");
    save_from_window(&mut h, LogFormat::Markdown, &md);
    assert_eq!(lines(&md).len(), within + 2, "a header, its rule and one row per step in the range");
}

/// A server panel's session saved as a recording, opened with "Open a
/// recording…": a read-only window with the same steps and lifelines, and
/// no "Clear". A file that is not a recording says so, in the window.
#[test]
fn a_recording_of_the_server_panel_opens_read_only() {
    let options = lojinha::StartOptions {
        serve: Some("127.0.0.1:0".into()),
        db: Some(":memory:".into()),
        ..Default::default()
    };
    let mut h = app(options);
    wait_for(&mut h, "the server runs", |h| h.state().server_address().is_some());
    let address = h.state().server_address().unwrap();
    let mut student = std::net::TcpStream::connect(&address).unwrap();
    writeln!(student, r#"{{"jsonrpc":"2.0","id":1,"method":"hello","params":{{"client":"Ana | 2"}}}}"#)
        .unwrap();
    writeln!(student, "not json").unwrap();
    wait_for(&mut h, "the session's steps", |h| h.state().server_log().len() >= 6);
    drop(student);
    wait_for(&mut h, "the session closed", |h| {
        h.state()
            .server_log()
            .entries()
            .iter()
            .any(|s| matches!(s.what, lojinha_teach::steps::What::SessionClosed(_)))
    });

    click(&mut h, None, "Save…");
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("aula");
    h.state_mut().server_log_view().save.export.format = LogFormat::Recording;
    set_text(&mut h, None, "Save to", path.to_str().unwrap());
    let saved = h.state().server_log().clone();
    click_save(&mut h, None);
    let file = dir.path().join("aula.lojinha");
    let shown = file.display().to_string();
    wait_for(&mut h, "the save", |h| shows(h, None, &format!("to {shown}")));

    click(&mut h, None, "Open a recording…");
    set_text(&mut h, None, "Recording file", &shown);
    click(&mut h, None, "Open");
    wait_for(&mut h, "the recording's window", |h| h.state().recordings().windows.len() == 1);
    let opened = &h.state().recordings().windows[0].recording;
    assert_eq!(opened.steps.entries(), saved.entries(), "the same steps, equal");
    let lanes = |s: &Steps| s.lanes().iter().map(|(n, i)| (n, i.clone())).collect::<Vec<_>>();
    assert_eq!(lanes(&opened.steps), lanes(&saved));
    assert!(lanes(&opened.steps).iter().any(|(_, info)| info.client.as_deref() == Some("Ana | 2")));
    assert!(shows(&h, None, "Recording: aula.lojinha"));
    assert!(shows(&h, None, "(a recording: read-only)"));
    let window =
        h.get_by(|n| n.role() == Role::Window && n.label().is_some_and(|l| l.starts_with("Recording:")));
    assert!(window.query_by_label("Clear").is_none(), "nothing to clear in a recording");

    let bad = dir.path().join("produtos.csv");
    std::fs::write(&bad, "código,nome\n").unwrap();
    click(&mut h, None, "Open a recording…");
    set_text(&mut h, None, "Recording file", bad.to_str().unwrap());
    click(&mut h, None, "Open");
    wait_for(&mut h, "the error", |h| shows(h, None, "it is not a Lojinha recording"));
    assert_eq!(h.state().recordings().windows.len(), 1);
}
