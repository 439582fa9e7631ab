//! Shared helpers for the reliability tests: servers on loopback, raw connections, the server binary.
