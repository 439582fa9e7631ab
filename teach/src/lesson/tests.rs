//! Lesson content and panel tests.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;
use crate::i18n::Language;

/// The lesson follows the course order, every StepId appears once, and
/// every text exists in every language, each its own.
#[test]
fn steps_are_complete_and_in_order() {
    let ids: Vec<StepId> = steps().iter().map(|s| s.id).collect();
    use StepId::*;
    assert_eq!(
        ids,
        [
            Intro,
            V1NoServer,
            V1Connect,
            V2Hello,
            V3Json,
            V4Commands,
            ThreadsIntro,
            V5Threaded,
            V5Reads,
            Exercise,
            ManyServers
        ]
    );
    for s in steps() {
        for text in [s.title, s.explanation, s.look_at] {
            let [en, pt, es] = Language::ALL.map(|language| text.at(language, "127.0.0.1:5050"));
            assert!([&en, &pt, &es].iter().all(|t| !t.trim().is_empty() && *t != text.0), "{:?}", s.id);
            assert!(en != pt && en != es && pt != es, "{:?} is not translated", s.id);
        }
    }
}

/// Each action of the issue belongs to exactly one step.
#[test]
fn every_action_has_its_step() {
    use LessonAction::*;
    let all = [
        ConnectWithoutServer,
        StartServerAndConnect,
        SendHello,
        AddSampleProduct,
        ListAndQuit,
        RunThreadsDemo,
        SequentialVersusThreaded,
        ShowReadsWithBigList,
        FetchByCode,
        TwoServersOneDatabase,
    ];
    for action in all {
        assert_eq!(steps().iter().filter(|s| s.action == Some(action)).count(), 1, "{action:?}");
    }
    assert_eq!(step(StepId::V3Json).action, Some(AddSampleProduct));
}

type State = (LessonPanel, Language, Option<LessonAction>);

fn harness(language: Language) -> Harness<'static, State> {
    Harness::new_ui_state(
        |ui, (panel, language, action): &mut State| {
            if let Some(a) = panel.show(ui, *language, "192.168.0.7:6000") {
                *action = Some(a);
            }
        },
        (LessonPanel::new(), language, None),
    )
}

/// Next moves to the first version's step, and "Do it" returns that step's action.
#[test]
fn next_then_do_it_returns_the_action() {
    let mut harness = harness(Language::En);
    harness.run();
    harness.get_by_label("Step 1 of 11");
    assert!(harness.query_by_label("Do it").is_none(), "the intro has no action");
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label("Step 2 of 11");
    harness.get_by_label("Do it").click();
    harness.run();
    assert_eq!(harness.state().2, Some(LessonAction::ConnectWithoutServer));
    harness.get_by_label("Previous").click();
    harness.run();
    assert_eq!(harness.state().0.current().id, StepId::Intro);
}

/// The step list jumps straight to a step; its button then runs that step's action.
#[test]
fn step_list_jumps_to_a_step() {
    let mut harness = harness(Language::PtBr);
    harness.run();
    harness.get_by_label("Todos os passos").click();
    harness.run();
    harness.get_by_label("7. Threads: uma rápida introdução").click();
    harness.run();
    harness.get_by_label("Passo 7 de 11");
    harness.get_by_label("Fazer").click();
    harness.run();
    assert_eq!(harness.state().2, Some(LessonAction::RunThreadsDemo));
}

/// On the last step Next is disabled and pressing it changes nothing.
#[test]
fn next_stops_at_the_last_step() {
    let mut harness = harness(Language::En);
    harness.state_mut().0.go_to(StepId::ManyServers);
    harness.run();
    harness.get_by_label("Next").click();
    harness.run();
    assert_eq!(harness.state().0.current().id, StepId::ManyServers);
    harness.get_by_label("Do it").click();
    harness.run();
    assert_eq!(harness.state().2, Some(LessonAction::TwoServersOneDatabase));
}

/// Every step draws in every language (no missing glyph, no panic), with a "Do it" exactly when it has an action.
#[test]
fn every_step_draws_in_every_language() {
    for language in Language::ALL {
        for s in steps() {
            let mut harness = harness(language);
            harness.state_mut().0.go_to(s.id);
            harness.run();
            harness.get_by_label(&s.title.get(language));
            let do_it_label = crate::i18n::tr(language, "lesson-do_it");
            let do_it = harness.query_by_label(&do_it_label);
            assert_eq!(do_it.is_some(), s.action.is_some(), "{:?}", s.id);
        }
    }
}

/// The texts name the server's real address and port, filled in when drawn:
/// no placeholder is left, and no step still says a fixed 127.0.0.1:5050.
#[test]
fn texts_name_the_real_address() {
    for language in Language::ALL {
        let mut harness = harness(language);
        harness.run();
        harness.get_by_label_contains("192.168.0.7:6000");
        harness.state_mut().0.go_to(StepId::V1NoServer);
        harness.run();
        harness.get_by_label_contains(" 6000");
    }
    for s in steps() {
        for text in [s.explanation, s.look_at] {
            for language in Language::ALL {
                let filled = text.at(language, "10.0.0.1:7000");
                assert!(!filled.contains("$addr") && !filled.contains("$port"), "{:?}", s.id);
                assert!(!filled.contains("5050"), "{:?} names a fixed port", s.id);
            }
        }
    }
}

/// "Show the code" shows the step's Python files and the command that runs
/// the one shown, with the server's port; the intro has no code.
#[test]
fn show_the_code_of_a_step() {
    let mut harness = harness(Language::PtBr);
    harness.run();
    assert!(harness.query_by_label("Mostrar o código (Python)").is_none(), "the intro has no code");
    harness.state_mut().0.go_to(StepId::V5Threaded);
    harness.run();
    harness.get_by_label("Mostrar o código (Python)").click();
    harness.run();
    harness.get_by_label("Para rodar: python3 examples/python/v5/servidor.py 6000");
    assert!(harness.query_by_value(code::python_files(StepId::V5Threaded)[0].text).is_some());
    harness.get_by_label("v5/cliente.py").click();
    harness.run();
    harness.get_by_label("Para rodar: python3 examples/python/v5/cliente.py 192.168.0.7 6000");
}

/// Each step that writes a program has its client and server, and every file is the real one.
#[test]
fn code_steps_have_their_files() {
    for s in steps() {
        let files = code::python_files(s.id);
        assert!(files.is_empty() || files.len() == 2, "{:?}", s.id);
        for file in files {
            assert!(file.text.starts_with("\"\"\""), "{} opens with its docstring", file.path);
        }
    }
    assert_eq!(code::all_python_files().count(), 12);
}
