//! A line as the bytes that crossed the wire: hexadecimal beside the
//! characters, sixteen bytes a row, so a student sees what `sendall(msg.encode())`
//! really sends: the `\n` that ends the line, a `\r` some clients add, and the
//! two bytes UTF-8 spends on a `ç` or an `ã`.

/// One row of the view: where it starts, the bytes in hexadecimal, and the
/// characters they spell (a character under its first byte; `·` under the
/// others, and for bytes that show nothing: controls, `\n`, `\r`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexRow {
    pub offset: usize,
    pub hex: String,
    pub chars: String,
}

/// Bytes a row shows.
pub const ROW: usize = 16;

/// The rows of `bytes`.
pub fn rows(bytes: &[u8]) -> Vec<HexRow> {
    let shown = spelled(bytes);
    bytes
        .chunks(ROW)
        .zip(shown.chunks(ROW))
        .enumerate()
        .map(|(i, (chunk, chars))| HexRow {
            offset: i * ROW,
            hex: chunk.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" "),
            chars: chars.iter().collect(),
        })
        .collect()
}

/// One character per byte: what a byte starts, or `·`.
fn spelled(bytes: &[u8]) -> Vec<char> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        let (c, width) = first_char(rest);
        out.push(if c.is_control() { '·' } else { c });
        out.extend(std::iter::repeat_n('·', width - 1));
        rest = &rest[width..];
    }
    out
}

/// The character `bytes` starts with and how many bytes it takes (a byte
/// that starts no valid UTF-8 character counts as one, shown as `·`).
fn first_char(bytes: &[u8]) -> (char, usize) {
    let width = match bytes[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return ('·', 1),
    };
    match bytes.get(..width).and_then(|b| std::str::from_utf8(b).ok()) {
        Some(text) => (text.chars().next().unwrap_or('·'), width),
        None => ('·', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line with a `ç`, a `\r` and its `\n`: two bytes for the `ç` (the
    /// character under the first), the ending bytes shown as `·`.
    #[test]
    fn accents_and_line_endings_are_visible() {
        let rows = rows("{\"n\":\"maçã\"}\r\n".as_bytes());
        assert_eq!(rows.len(), 1, "16 bytes, one row");
        assert_eq!(rows[0].hex, "7b 22 6e 22 3a 22 6d 61 c3 a7 c3 a3 22 7d 0d 0a");
        assert_eq!(rows[0].chars, "{\"n\":\"maç·ã·\"}··");
        let two = super::rows(&[b'x'; 17]);
        assert_eq!((two.len(), two[1].offset, two[1].hex.as_str()), (2, 16, "78"));
    }

    /// Bytes that are not UTF-8 are shown one by one, and never panic.
    #[test]
    fn invalid_utf8_is_shown_byte_by_byte() {
        let rows = rows(&[0x61, 0xc3, 0x28, 0xff, 0x0a]);
        assert_eq!(rows[0].hex, "61 c3 28 ff 0a");
        assert_eq!(rows[0].chars, "a·(··");
    }
}
