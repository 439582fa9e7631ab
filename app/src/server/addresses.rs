//! The addresses students type to reach this app's server from other
//! computers: each network interface's address with the server's port,
//! loopback left out. Enumerated once, on the thread that starts the server
//! (never per frame, never on the UI thread), through `if-addrs`.
//!
//! Which addresses are listed follows what the socket accepts: a server on
//! `0.0.0.0` takes IPv4 only, so only IPv4 addresses are offered; one on
//! `[::]` takes IPv6 (and IPv4 too where the system makes such sockets dual
//! stack, as Linux and macOS do by default and Windows does not). IPv6
//! link-local addresses (`fe80::`) are left out: they only work with a zone
//! (`%eth0`) that differs on each student's computer.

use std::net::{IpAddr, SocketAddr};

/// One address a student can type, and the interface it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentAddress {
    pub interface: String,
    pub addr: SocketAddr,
}

/// The addresses of `interfaces` (name, address) that reach a server
/// listening on `listen`; empty when it listens on one address only
/// (then `listen` itself is what to type).
pub fn student_addresses(interfaces: &[(String, IpAddr)], listen: SocketAddr) -> Vec<StudentAddress> {
    if !listen.ip().is_unspecified() {
        return Vec::new();
    }
    let takes_v4 = listen.is_ipv4() || cfg!(not(windows));
    let mut found: Vec<StudentAddress> = interfaces
        .iter()
        .filter(|(_, ip)| !ip.is_loopback() && !ip.is_unspecified())
        .filter(|(_, ip)| match ip {
            IpAddr::V4(_) => takes_v4,
            IpAddr::V6(v6) => listen.is_ipv6() && !v6.is_unicast_link_local(),
        })
        .map(|(name, ip)| StudentAddress {
            interface: name.clone(),
            addr: SocketAddr::new(*ip, listen.port()),
        })
        .collect();
    // IPv4 first (shorter to type), then by interface.
    found.sort_by_key(|a| (a.addr.is_ipv6(), a.interface.clone(), a.addr));
    found.dedup_by(|a, b| a.addr == b.addr);
    found
}

/// This machine's interfaces, as (name, address).
pub fn machine_interfaces() -> std::io::Result<Vec<(String, IpAddr)>> {
    Ok(if_addrs::get_if_addrs()?.into_iter().map(|i| (i.name.clone(), i.ip())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interfaces() -> Vec<(String, IpAddr)> {
        [("lo", "127.0.0.1"), ("lo", "::1"), ("eth0", "192.0.2.2"), ("eth0", "fd00::2"), ("eth0", "fe80::1")]
            .into_iter()
            .map(|(name, ip)| (name.to_owned(), ip.parse().unwrap()))
            .collect()
    }

    fn typed(list: &[StudentAddress]) -> Vec<String> {
        list.iter().map(|a| a.addr.to_string()).collect()
    }

    /// On `0.0.0.0` the IPv4 addresses other than loopback, with the port.
    #[test]
    fn ipv4_listener_lists_ipv4_without_loopback() {
        let list = student_addresses(&interfaces(), "0.0.0.0:5090".parse().unwrap());
        assert_eq!(typed(&list), ["192.0.2.2:5090"]);
        assert_eq!(list[0].interface, "eth0");
    }

    /// On `[::]` the IPv6 addresses in brackets (no loopback, no link-local),
    /// and IPv4 where the system makes the socket dual stack.
    #[test]
    fn ipv6_listener_lists_ipv6_in_brackets() {
        let list = typed(&student_addresses(&interfaces(), "[::]:5090".parse().unwrap()));
        let expected: &[&str] =
            if cfg!(windows) { &["[fd00::2]:5090"] } else { &["192.0.2.2:5090", "[fd00::2]:5090"] };
        assert_eq!(list, expected);
    }

    /// A server on one address has nothing else to offer.
    #[test]
    fn a_specific_address_lists_nothing() {
        assert!(student_addresses(&interfaces(), "192.0.2.2:5090".parse().unwrap()).is_empty());
    }

    /// This machine's own list holds a non-loopback address whenever it has one.
    #[test]
    fn this_machine_lists_its_non_loopback_ipv4() {
        let interfaces = machine_interfaces().unwrap();
        let has_v4 = interfaces.iter().any(|(_, ip)| ip.is_ipv4() && !ip.is_loopback());
        let list = student_addresses(&interfaces, "0.0.0.0:5090".parse().unwrap());
        assert_eq!(!list.is_empty(), has_v4, "{interfaces:?}");
        assert!(list.iter().all(|a| !a.addr.ip().is_loopback() && a.addr.port() == 5090));
    }
}
