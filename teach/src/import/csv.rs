//! A small RFC 4180 CSV reader: quoted fields with embedded separators,
//! doubled quotes and newlines, LF or CRLF line ends, any one-char separator.
//!
//! It only splits text into records of strings; what the fields mean is
//! decided in `import::mod`.

use std::iter::Peekable;
use std::str::Chars;

/// One record and the line of the file where it starts (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
    /// The record ran to the end of the file inside a quoted field.
    pub unclosed_quote: bool,
}

impl Record {
    /// A blank line, or a row of empty cells as spreadsheets write them.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|field| field.trim().is_empty())
    }
}

/// The separator of a file, guessed from its first line: the most frequent
/// of `,` `;` and tab outside quotes (`,` when none appears).
pub fn detect_separator(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(slot) = counts.iter_mut().find(|(sep, _)| *sep == c) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last maximum; reverse so ties go to the first listed.
    counts.iter().rev().max_by_key(|(_, n)| *n).map_or(',', |(sep, _)| *sep)
}

/// Splits the whole text into records.
pub fn records(text: &str, separator: char) -> Vec<Record> {
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut out = Vec::new();
    while chars.peek().is_some() {
        let start = line;
        let (fields, unclosed_quote) = read_record(&mut chars, separator, &mut line);
        out.push(Record { line: start, fields, unclosed_quote });
    }
    out
}

fn read_record(chars: &mut Peekable<Chars<'_>>, separator: char, line: &mut usize) -> (Vec<String>, bool) {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut was_quoted = false;
    loop {
        let Some(c) = chars.next() else {
            fields.push(field);
            return (fields, false);
        };
        match c {
            // A quote opens a quoted field only at its start (spaces before it are dropped).
            '"' if !was_quoted && field.trim().is_empty() => {
                field.clear();
                was_quoted = true;
                if !read_quoted(chars, &mut field, line) {
                    fields.push(field);
                    return (fields, true);
                }
            }
            '\n' | '\r' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                *line += 1;
                fields.push(field);
                return (fields, false);
            }
            _ if c == separator => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            _ => field.push(c),
        }
    }
}

/// Reads up to the closing quote; false when the text ends first.
fn read_quoted(chars: &mut Peekable<Chars<'_>>, field: &mut String, line: &mut usize) -> bool {
    while let Some(c) = chars.next() {
        match c {
            '"' if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => return true,
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                *line += 1;
                field.push('\n');
            }
            _ => field.push(c),
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, sep: char) -> Vec<Vec<String>> {
        records(text, sep).into_iter().map(|r| r.fields).collect()
    }

    /// The separator is the most frequent candidate on the header line, ignoring quoted text.
    #[test]
    fn detects_separator_from_header() {
        assert_eq!(detect_separator("code,name,price_cents,quantity\n1;2;3"), ',');
        assert_eq!(detect_separator("código;nome;preço\n1,2,3"), ';');
        assert_eq!(detect_separator("\"a,b,c\";x;y\n"), ';');
        assert_eq!(detect_separator("code\tname\n"), '\t');
        assert_eq!(detect_separator("code\n"), ',');
    }

    /// Quoted fields keep separators, doubled quotes and newlines; lines are counted across them.
    #[test]
    fn quoted_fields_and_line_numbers() {
        let text = "a;\"b;c\";\"say \"\"hi\"\"\"\r\nx;\"two\r\nlines\";z\r\nlast;row;here";
        let recs = records(text, ';');
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].fields, ["a", "b;c", "say \"hi\""]);
        assert_eq!(recs[1].fields, ["x", "two\nlines", "z"]);
        assert_eq!((recs[0].line, recs[1].line, recs[2].line), (1, 2, 4));
    }

    /// An unterminated quote is reported instead of swallowing silently.
    #[test]
    fn unclosed_quote_is_flagged() {
        let recs = records("a,\"never closed\nb,c\n", ',');
        assert_eq!(recs.len(), 1);
        assert!(recs[0].unclosed_quote);
    }

    /// Empty fields, a trailing newline and a missing one all read the same.
    #[test]
    fn empty_fields_and_trailing_newline() {
        assert_eq!(fields("a,,c\n", ','), vec![vec!["a", "", "c"]]);
        assert_eq!(fields("a,,c", ','), vec![vec!["a", "", "c"]]);
        assert!(records(";;\n", ';')[0].is_blank());
    }
}
