//! The "Check a server" window, driven headless against real servers: the
//! app's own server passes every check; a server that serves one client at
//! a time fails "two-clients", and the window shows that check selected,
//! its hint in the app's language, and its exchange drawn from two connections.

use crate::common::*;
use lojinha::StartOptions;
use lojinha_check::Status;
use lojinha_teach::steps::Lane;
use lojinha_test_support::ServerProcess;

/// Waits until the window's run has ended with every check reported.
fn wait_for_run(h: &mut App) {
    wait_for(h, "the checks to end", |h| {
        let check = h.state().check_window();
        !check.running() && check.results().len() == lojinha_check::Check::ALL.len()
    });
}

/// Opened with the app's server running, the window proposes its address;
/// every check passes and the summary says so.
#[test]
fn the_apps_own_server_passes_every_check() {
    let options =
        StartOptions { serve: Some("127.0.0.1:0".into()), db: Some(":memory:".into()), ..Default::default() };
    let mut h = app(options);
    wait_for(&mut h, "the server to start", |h| h.state().server_address().is_some());
    click(&mut h, None, "Check a server");
    click(&mut h, None, "Run the checks");
    wait_for_run(&mut h);
    let failed: Vec<_> =
        h.state().check_window().results().iter().filter(|r| r.status != Status::Passed).collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(shows(&h, None, "All 15 checks passed."));
    assert!(shows(&h, None, "[ok] 7. Two clients at once are both served (v5 threads)"));
}

/// Against a sequential server, in Portuguese: the failed check is selected
/// by itself, its hint is shown, and its diagram has both connections' lanes.
#[test]
fn a_failing_check_shows_its_hint_and_exchange_in_portuguese() {
    let server = ServerProcess::spawn(&["--db", ":memory:", "--mode", "sequential"]);
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.json");
    std::fs::write(&settings, r#"{"language":"PtBr"}"#).unwrap();
    let mut h = app(StartOptions { settings_path: Some(settings), ..Default::default() });
    click(&mut h, None, "Verificar um servidor");
    set_text(&mut h, None, "Endereço do servidor", &server.addr().to_string());
    click(&mut h, None, "Rodar as verificações");
    wait_for_run(&mut h);
    assert!(shows(&h, None, "[falhou] 7. Dois clientes ao mesmo tempo são atendidos (v5, threads)"));
    assert!(shows(&h, None, "[não alcançada] 15."));
    assert!(shows(&h, None, "seu servidor atende um cliente de cada vez"), "the hint of the selected check");
    assert!(shows(&h, None, "nenhuma resposta em 2 s"));
    let check = h.state().check_window();
    let steps = check.selected_steps().expect("the failed check is selected");
    let lanes: Vec<_> = steps.entries().iter().map(|s| s.lane).collect();
    assert!(lanes.contains(&Lane::Session(1)) && lanes.contains(&Lane::Session(2)), "{lanes:?}");
    assert!(shows(&h, None, "Sessão 2"), "the diagram draws the second connection's lifeline");
}
