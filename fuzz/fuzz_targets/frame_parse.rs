//! Frame decoder + JSON-RPC parsing + command parsing, in memory.
//!
//! Byte 0 picks the frame limit, byte 1 the read sizes; the rest is the wire.
//! The frames must equal the reference model, the buffer stay under the
//! limit plus one read, and every line parse without panicking into errors
//! with valid codes and ids.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    lojinha_reliability::fuzzing::check_frames_and_parse(data);
});
