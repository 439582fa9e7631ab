//! The text of a line as an event or a log keeps it: the server's and the
//! client's events both carry at most this much of a message.

/// The most of a message's text an event carries: a huge line is reported
/// by its first bytes and its full size (`bytes`), so nothing huge crosses
/// a channel on its way to a log. Large enough that a full page of
/// `product.list` (1,000 products) stays whole and readable as JSON.
pub const RAW_KEPT: usize = 256 * 1024;

/// The text of `line` for an event: at most [`RAW_KEPT`] bytes of it, cut
/// on a character boundary.
pub fn raw_prefix(line: &[u8]) -> String {
    let kept = &line[..line.len().min(RAW_KEPT)];
    let text = String::from_utf8_lossy(kept);
    match text.char_indices().nth_back(0) {
        // A character the cut split in two shows as U+FFFD: drop it.
        Some((last, '\u{FFFD}')) if kept.len() < line.len() => text[..last].to_owned(),
        _ => text.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A huge line keeps its first bytes, never a broken character.
    #[test]
    fn keeps_a_prefix_on_a_character_boundary() {
        assert_eq!(raw_prefix(b"{\"a\":1}"), "{\"a\":1}");
        let mut line = vec![b'x'; RAW_KEPT - 1];
        line.extend_from_slice("ção".as_bytes());
        let kept = raw_prefix(&line);
        assert_eq!(kept.len(), RAW_KEPT - 1, "the split 'ç' is dropped");
        assert!(kept.chars().all(|c| c == 'x'));
    }
}
