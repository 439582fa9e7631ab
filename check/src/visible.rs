//! Bytes made visible: what a server sent, written so that a student sees
//! what is usually invisible — the `\n` that ends a line (or its absence),
//! a `\r`, a tab, and bytes that are not UTF-8.

/// `bytes` as text a person can read: valid UTF-8 as it is, except control
/// characters, written as escapes (`\n`, `\r`, `\t`, `\u{1b}`), and every
/// byte that is not part of valid UTF-8 written as `\xNN`.
pub fn visible(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        chunk.valid().chars().for_each(|c| push_char(&mut text, c));
        chunk.invalid().iter().for_each(|b| text.push_str(&format!("\\x{b:02X}")));
    }
    text
}

fn push_char(text: &mut String, c: char) {
    match c {
        '\n' => text.push_str("\\n"),
        '\r' => text.push_str("\\r"),
        '\t' => text.push_str("\\t"),
        c if c.is_control() => text.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => text.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    /// Line ends, carriage returns and broken UTF-8 are shown, not hidden.
    #[test]
    fn invisible_bytes_become_visible() {
        assert_eq!(visible(b"{\"a\":1}\r\n"), "{\"a\":1}\\r\\n");
        assert_eq!(visible(b"ol\xC3\xA1 \xFF!"), "olá \\xFF!");
        assert_eq!(visible(b"\x1b[0m"), "\\u{1b}[0m");
    }
}
