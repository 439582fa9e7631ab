//! Students on a network: with "allow other computers" the server panel
//! lists the addresses other computers can type (this machine's, loopback
//! left out, with the port), and the idle timeout the owner picks is the
//! one the server applies to real connections.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::time::Duration;

use crate::common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lojinha::StartOptions;
use lojinha::server::addresses::{machine_interfaces, student_addresses};

/// Starts the panel's server on every interface with a 2-second idle timeout.
fn start_remote_with_short_idle_timeout() -> App {
    let mut h = app(StartOptions::default());
    set_text(&mut h, None, "Listen address", "127.0.0.1:0");
    click(&mut h, None, "Allow other computers");
    click(&mut h, None, "In memory (lost when stopped)");
    h.get_by_role_and_label(Role::SpinButton, "Idle timeout").set_value_accesskit(2.0);
    h.step();
    h.step();
    click(&mut h, None, "Start server");
    wait_for(&mut h, "server running", |h| h.state().server_address().is_some());
    h
}

/// Every address of this machine that other computers can use is listed
/// with the server's port (none on loopback); a machine without one says so.
#[test]
fn the_panel_lists_the_addresses_students_type() {
    let h = start_remote_with_short_idle_timeout();
    let port: u16 = h.state().server_address().unwrap().rsplit_once(':').unwrap().1.parse().unwrap();
    assert!(shows(&h, None, &format!("Running on 0.0.0.0:{port}")));
    let expected = student_addresses(&machine_interfaces().unwrap(), ([0, 0, 0, 0], port).into());
    for address in &expected {
        assert!(!address.addr.ip().is_loopback());
        assert!(shows(&h, None, &address.addr.to_string()), "{} is listed", address.addr);
    }
    assert!(!shows(&h, None, &format!("127.0.0.1:{port}")), "loopback is not offered to students");
    if expected.is_empty() {
        assert!(shows(&h, None, "No network address found"));
    } else {
        assert!(shows(&h, None, "students connect to one of these addresses"));
    }
}

/// The idle timeout chosen in the panel reaches the server: a real client
/// that stays silent is said goodbye ("idle timeout") and closed, long
/// before the default five minutes.
#[test]
fn the_chosen_idle_timeout_drops_a_silent_client() {
    let h = start_remote_with_short_idle_timeout();
    assert!(shows(&h, None, "idle timeout: 2 s"));
    let stream = TcpStream::connect(h.state().server_address().unwrap()).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut lines = BufReader::new(stream).lines();
    let welcome = lines.next().unwrap().unwrap();
    assert!(welcome.contains("\"welcome\""), "{welcome}");
    let goodbye = lines.next().unwrap().expect("a goodbye, well within 30 s");
    assert!(goodbye.contains("\"goodbye\"") && goodbye.contains("idle timeout"), "{goodbye}");
    assert!(lines.next().is_none(), "then the server closes the connection");
}
