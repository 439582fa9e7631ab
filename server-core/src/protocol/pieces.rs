//! Cutting bytes into pieces, for the lessons that send a line in several
//! `write()`s on purpose (the server panel's "send in pieces", the raw
//! console's twin): both sides cut the same way.
//!
//! A cut falls on a byte, not a character: a piece may end inside a UTF-8
//! character, which is exactly what a reader must be ready for.

/// Most pieces a line is cut into.
pub const MAX_PIECES: usize = 16;

/// `bytes` cut into `n` pieces of nearly equal length (clamped to
/// 1..=[`MAX_PIECES`] and to the number of bytes, so no piece is empty).
pub fn cut(bytes: &[u8], n: usize) -> Vec<&[u8]> {
    let n = n.clamp(1, MAX_PIECES).min(bytes.len().max(1));
    let (size, longer) = (bytes.len() / n, bytes.len() % n);
    let mut pieces = Vec::with_capacity(n);
    let mut start = 0;
    for i in 0..n {
        let end = start + size + usize::from(i < longer);
        pieces.push(&bytes[start..end]);
        start = end;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces put back together are the bytes; none is empty; their
    /// count is what was asked, within the bounds.
    #[test]
    fn pieces_cover_the_bytes() {
        let line = b"{\"jsonrpc\":\"2.0\"}\n";
        for n in 0..=20 {
            let pieces = cut(line, n);
            assert_eq!(pieces.concat(), line);
            assert!(pieces.iter().all(|p| !p.is_empty()));
            assert_eq!(pieces.len(), n.clamp(1, MAX_PIECES));
        }
        assert_eq!(cut(b"ab", 5), vec![&b"a"[..], b"b"]);
        assert_eq!(cut(b"", 3), vec![&b""[..]]);
    }
}
