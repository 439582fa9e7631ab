//! The checks the fuzz targets run, shared with the corpus-replay tests:
//! framing and parsing any bytes as the server does, and sending any bytes
//! to a live server and reading what it answers.

use std::net::SocketAddr;

use lojinha_server::protocol::frame::{Frame, FrameReader, READ_BUFFER_SIZE};
use lojinha_server::protocol::message::{Message, encode_error, parse_batch_entry, parse_message};
use lojinha_server::protocol::{MethodCall, RpcError};
use lojinha_test_support::Conn;
use serde_json::Value;

use crate::{ChunkedReader, frame_model};

/// Frames `data[2..]` with a limit and read sizes taken from `data[0..2]`,
/// checks them against [`frame_model`] and the buffer bound, then parses
/// every line into a message and every request into a command. Panics on
/// any broken promise.
pub fn check_frames_and_parse(data: &[u8]) {
    let [limit_byte, chunk_byte, rest @ ..] = data else { return };
    let max_frame = 1 + usize::from(*limit_byte) * 8;
    let chunks = vec![1 + usize::from(chunk_byte & 0x3f), 1 + usize::from(chunk_byte >> 6) * 977];
    let interrupt = chunk_byte & 1 == 1;
    let mut reader = FrameReader::new(ChunkedReader::new(rest.to_vec(), chunks, interrupt), max_frame);
    let mut frames = Vec::new();
    loop {
        let frame = reader.next_frame().expect("in-memory reads never fail");
        assert!(reader.buffered() <= max_frame + 1 + READ_BUFFER_SIZE, "buffer over the bound");
        match frame {
            Frame::Closed => break,
            Frame::Line(line) => {
                check_parse(&line);
                frames.push(Frame::Line(line));
            }
            other => frames.push(other),
        }
    }
    assert_eq!(frames, frame_model(rest, max_frame), "frames differ from the model");
    // The whole input as one line too (it may be a valid request).
    check_parse(rest);
}

/// Parses one line as the server does; checks ids and error codes are valid.
pub fn check_parse(line: &[u8]) {
    match parse_message(line) {
        Message::Unanswerable(error) => {
            assert!(matches!(error.code, -32700 | -32600), "{error:?}");
            check_encodes(&Value::Null, &error);
        }
        Message::Single(entry) => check_entry(entry),
        Message::Batch(entries) => {
            assert!(!entries.is_empty() && entries.len() <= 1000, "batch of {}", entries.len());
            entries.into_iter().map(parse_batch_entry).for_each(check_entry);
        }
    }
}

fn check_entry(entry: lojinha_server::protocol::message::Entry) {
    match entry {
        Ok(request) => {
            let id = request.id.clone().unwrap_or(Value::Null);
            assert!(id.is_null() || id.is_string() || id.is_i64() || id.is_u64(), "bad id {id}");
            if let Err(error) = MethodCall::from_request(request) {
                assert!(matches!(error.code, -32601 | -32602), "{error:?}");
                check_encodes(&id, &error);
            }
        }
        Err((id, error)) => {
            assert!(id.is_null() || id.is_string() || id.is_i64() || id.is_u64(), "bad id {id}");
            assert_eq!(error.code, -32600, "{error:?}");
            check_encodes(&id, &error);
        }
    }
}

fn check_encodes(id: &Value, error: &RpcError) {
    let encoded = encode_error(id, error).0;
    assert!(!encoded.contains(&b'\n'), "a response with a newline inside");
    let back: Value = serde_json::from_slice(&encoded).expect("responses are JSON");
    assert_eq!(&back["id"], id);
}

/// A request the server answers last: when its answer comes, all else was answered.
pub const SENTINEL: &[u8] =
    b"\n{\"jsonrpc\":\"2.0\",\"id\":\"sentinel\",\"method\":\"product.list\",\"params\":{\"limit\":1}}\n";

/// Sends `data` then the sentinel to a live server; returns every line it
/// answered until the sentinel's answer or the close. Panics if the server
/// hangs, sends something that is not one JSON value per line, or stops
/// accepting connections.
pub fn check_server_lines(addr: SocketAddr, data: &[u8]) -> Vec<Vec<u8>> {
    let mut conn = Conn::connect(addr);
    // A write may fail if the server already closed (oversized line): that is allowed.
    conn.try_send(data).and_then(|()| conn.try_send(SENTINEL)).ok();
    let mut lines = Vec::new();
    loop {
        match conn.read_line() {
            Ok(Some(line)) => {
                let value: Value = serde_json::from_slice(&line).expect("the server sends JSON lines");
                lines.push(line);
                if value["id"] == "sentinel" {
                    break;
                }
            }
            Ok(None) => break,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!("the server did not answer: {e}"),
        }
    }
    lines
}
