//! The threads demo run for real, with the lesson's times scaled down.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;

/// 3 s becomes 300 ms: gaps of 50 ms or more between finishes keep the order
/// stable even on a busy machine, where starting a thread can take 20 ms.
const SCALE: f64 = 0.1;

fn wait_until_done(demo: &mut ThreadsDemo) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while demo.is_running() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        demo.poll();
    }
    assert!(!demo.is_running(), "the demo did not finish in 20 s");
}

/// One after another, tasks end in order T1..T4; on their own threads the shortest
/// ends first, and the whole run takes less time than the sequential one (both measured).
#[test]
fn concurrent_is_faster_and_shortest_finishes_first() {
    let ctx = egui::Context::default();
    let mut demo = ThreadsDemo::new().with_time_scale(SCALE);
    demo.start_sequential(&ctx);
    wait_until_done(&mut demo);
    demo.start_concurrent(&ctx);
    wait_until_done(&mut demo);
    let sequential = demo.run(RunMode::Sequential).unwrap();
    let concurrent = demo.run(RunMode::Concurrent).unwrap();
    assert_eq!(sequential.finish_order, vec![0, 1, 2, 3]);
    assert_eq!(concurrent.finish_order, vec![3, 2, 1, 0]);
    let (seq_total, conc_total) = (sequential.total().unwrap(), concurrent.total().unwrap());
    assert!(conc_total < seq_total, "concurrent {conc_total:?} vs sequential {seq_total:?}");
    // Sequential: each task starts after the previous one ended.
    for pair in sequential.tasks.windows(2) {
        assert!(pair[1].started.unwrap() >= pair[0].finished.unwrap());
    }
}

/// A second start while a run goes on is ignored.
#[test]
fn starting_twice_is_ignored() {
    let ctx = egui::Context::default();
    let mut demo = ThreadsDemo::new().with_time_scale(SCALE);
    demo.start_concurrent(&ctx);
    demo.start_sequential(&ctx);
    assert!(demo.run(RunMode::Sequential).is_none());
    wait_until_done(&mut demo);
    assert!(demo.run(RunMode::Concurrent).unwrap().is_finished());
}

/// Clicking the button in the UI runs the tasks on threads and shows that task 4 finished first.
#[test]
fn ui_button_runs_the_demo() {
    let mut harness = Harness::new_ui_state(
        |ui, demo: &mut ThreadsDemo| demo.show(ui, Language::En),
        ThreadsDemo::new().with_time_scale(SCALE),
    );
    harness.step();
    harness.get_by_label("Run each on its own thread").click();
    let deadline = Instant::now() + Duration::from_secs(20);
    harness.step();
    while harness.state().is_running() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.step();
    let run = harness.state().run(RunMode::Concurrent).expect("the click started a run");
    assert_eq!(run.finish_order, vec![3, 2, 1, 0]);
    harness.get_by_label_contains("Task 4 finished first");
    harness.get_by_label_contains("Each on its own thread (concurrent): total");
}

/// In Portuguese the same demo speaks the lesson's words ("Tarefa").
#[test]
fn ui_speaks_portuguese() {
    let demo = ThreadsDemo::new();
    let mut harness = Harness::new_ui_state(|ui, demo: &mut ThreadsDemo| demo.show(ui, Language::PtBr), demo);
    harness.run();
    harness.get_by_label("Executar cada uma na sua thread");
    harness.get_by_label("Uma após a outra (sequencial): ainda não executado");
}

/// In Spanish the demo speaks of "hilos", and after a run its total has a decimal comma.
#[test]
fn ui_speaks_spanish() {
    let mut harness = Harness::new_ui_state(
        |ui, demo: &mut ThreadsDemo| demo.show(ui, Language::Es),
        ThreadsDemo::new().with_time_scale(SCALE),
    );
    harness.run();
    harness.get_by_label("Una tras otra (secuencial): todavía no se ejecutó");
    harness.get_by_label("Ejecutar cada una en su propio hilo").click();
    let deadline = Instant::now() + Duration::from_secs(20);
    harness.step();
    while harness.state().is_running() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.step();
    harness.get_by_label_contains(
        "La tarea 4 terminó primero · Orden de término: Tarea 4, Tarea 3, Tarea 2, Tarea 1",
    );
    let total = harness.state().run(RunMode::Concurrent).and_then(|run| run.total()).expect("finished");
    let total = lojinha_words::decimal(Language::Es, total.as_secs_f64(), 2);
    assert!(total.contains(','), "{total}");
    harness.get_by_label(&format!("Cada una en su propio hilo (concurrente): total {total} s"));
}
