//! Property tests of the line framing, against `FrameReader` directly: any
//! bytes, split at any points across reads, give the frames the protocol
//! promises, never panic, and never buffer more than the limit plus one read.

use lojinha_reliability::{ChunkedReader, frame_model};
use lojinha_server::protocol::frame::{Frame, FrameReader, READ_BUFFER_SIZE};
use proptest::prelude::*;

/// Bytes biased towards the ones framing cares about.
fn wire_bytes(max_len: usize) -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => Just(b'\n'),
        2 => Just(b'\r'),
        2 => Just(b' '),
        1 => Just(b'\t'),
        1 => Just(0u8),
        1 => Just(0xffu8),
        8 => b'a'..=b'z',
        2 => any::<u8>(),
    ];
    prop::collection::vec(byte, 0..max_len)
}

/// Runs the reader to the end; checks the buffer bound after every frame.
fn read_all(data: Vec<u8>, chunks: Vec<usize>, interrupt: bool, max_frame: usize) -> Vec<Frame> {
    let mut reader = FrameReader::new(ChunkedReader::new(data, chunks, interrupt), max_frame);
    let mut frames = Vec::new();
    loop {
        let frame = reader.next_frame().expect("an in-memory reader never fails");
        assert!(
            reader.buffered() <= max_frame + 1 + READ_BUFFER_SIZE,
            "buffered {} > limit {max_frame} + one read",
            reader.buffered()
        );
        match frame {
            Frame::Closed => return frames,
            other => frames.push(other),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any bytes, any read sizes (with `EINTR`s), any small limit: the frames equal the model.
    #[test]
    fn any_bytes_any_split_match_the_model(
        data in wire_bytes(400),
        chunks in prop::collection::vec(1usize..50, 1..8),
        interrupt in any::<bool>(),
        max_frame in 1usize..40,
    ) {
        let expected = frame_model(&data, max_frame);
        prop_assert_eq!(read_all(data, chunks, interrupt, max_frame), expected);
    }

    /// Byte-by-byte reads give exactly the frames of one big read.
    #[test]
    fn byte_by_byte_equals_whole(data in wire_bytes(300), max_frame in 1usize..64) {
        let whole = read_all(data.clone(), vec![usize::MAX], false, max_frame);
        prop_assert_eq!(read_all(data, vec![1], false, max_frame), whole);
    }

    /// Lines far past the limit (many reads long) are one `TooLarge` each; what follows is intact.
    #[test]
    fn endless_lines_are_bounded(
        long in (READ_BUFFER_SIZE * 2)..(READ_BUFFER_SIZE * 6),
        max_frame in 64usize..4096,
        chunk in prop_oneof![Just(1usize), Just(4096usize), Just(READ_BUFFER_SIZE), 1usize..20_000],
        follow in "[a-z]{1,30}",
    ) {
        let mut data = vec![b'x'; long];
        data.push(b'\n');
        data.extend_from_slice(follow.as_bytes());
        data.push(b'\n');
        let frames = read_all(data, vec![chunk], false, max_frame);
        prop_assert_eq!(frames, vec![Frame::TooLarge, Frame::Line(follow.into_bytes())]);
    }
}

/// The limit is exact at the default size too: 1 MiB passes, 1 MiB + 1 does not, `\r\n` not counted.
#[test]
fn default_limit_is_exact() {
    let max = lojinha_server::server::DEFAULT_MAX_FRAME;
    for (len, ending, expect_line) in
        [(max, &b"\n"[..], true), (max, b"\r\n", true), (max + 1, b"\n", false), (max + 1, b"\r\n", false)]
    {
        let mut data = vec![b'7'; len];
        data.extend_from_slice(ending);
        let frames = read_all(data.clone(), vec![READ_BUFFER_SIZE], false, max);
        let expected = if expect_line { Frame::Line(vec![b'7'; len]) } else { Frame::TooLarge };
        assert_eq!(frames, vec![expected], "len {len} ending {ending:?}");
    }
}
