//! The connection log as a file, for a handout or a script: the same
//! columns the log shows (time, direction, session, step, detail, bytes,
//! round trip), in the language asked for, as
//! - plain text with aligned columns ([`text`]),
//! - a Markdown table ([`markdown`], `|` escaped), one row per step,
//! - JSON Lines ([`json_lines`]): every field of each step ([`StepData`])
//!   plus its kind's name and what the log says of it.
//!
//! Each takes the record and the `seq`s of the steps to write (what the log
//! shows), and `detail`: what the log's detail column says of a step (the
//! app's description, which also explains error codes).

use std::io::{self, Write};

use serde::Serialize;

use crate::i18n::{Language, tr};
use crate::steps::data::StepData;
use crate::steps::words::{self, arrow, name_key};
use crate::steps::{Lane, Step, Steps};

/// What the log's detail column says of a step.
pub type Detail<'a> = &'a dyn Fn(&Step, Language) -> String;

/// One row's cells, in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<String>,
}

/// The header and the rows of the steps `seqs` (with a session column when `sessions`).
pub fn rows(
    steps: &Steps,
    seqs: &[u64],
    sessions: bool,
    language: Language,
    detail: Detail<'_>,
) -> (Row, Vec<Row>) {
    let mut titles = vec!["log-col-time", "log-col-dir"];
    if sessions {
        titles.push("log-col-session");
    }
    titles.extend(["log-col-step", "log-col-detail", "log-col-bytes", "log-col-rtt"]);
    let header = Row { cells: titles.iter().map(|id| tr(language, id)).collect() };
    let rows = seqs.iter().filter_map(|&seq| steps.get(seq)).map(|step| {
        let mut cells =
            vec![words::clock(step.at, language), arrow(step.message().map(|m| m.direction)).to_owned()];
        if sessions {
            cells.push(match step.lane {
                Lane::Session(n) => format!("#{n}"),
                _ => String::new(),
            });
        }
        cells.extend([
            tr(language, name_key(step.name())),
            detail(step, language),
            step.bytes.map(|b| format!("{b} B")).unwrap_or_default(),
            step.round_trip.map(|d| words::duration(d, language)).unwrap_or_default(),
        ]);
        Row { cells }
    });
    (header, rows.collect())
}

/// Plain text: each column as wide as its widest cell, the detail last.
pub fn text(out: &mut (impl Write + ?Sized), header: &Row, rows: &[Row]) -> io::Result<()> {
    let columns = header.cells.len();
    let mut widths = vec![0; columns];
    for row in std::iter::once(header).chain(rows) {
        for (width, cell) in widths.iter_mut().zip(&row.cells) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, width)) in row.cells.iter().zip(&widths).enumerate() {
            let cell = one_line(cell);
            line.push_str(&cell);
            if i + 1 < columns {
                line.extend(std::iter::repeat_n(' ', width - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A Markdown table: the header, its rule, one row per step.
pub fn markdown(out: &mut (impl Write + ?Sized), header: &Row, rows: &[Row]) -> io::Result<()> {
    let cells =
        |row: &Row| row.cells.iter().map(|cell| escape_markdown(cell)).collect::<Vec<_>>().join(" | ");
    writeln!(out, "| {} |", cells(header))?;
    writeln!(out, "|{}", "---|".repeat(header.cells.len()))?;
    for row in rows {
        writeln!(out, "| {} |", cells(row))?;
    }
    Ok(())
}

/// A table cell: `|` and `\` escaped, on one line.
fn escape_markdown(cell: &str) -> String {
    one_line(cell).replace('\\', "\\\\").replace('|', "\\|")
}

/// A cell on one line, a tab as a space (columns stay aligned).
fn one_line(cell: &str) -> String {
    cell.replace(['\r', '\n', '\t'], " ")
}

/// One JSON line per step: [`StepData`] with `name` (the kind, in English:
/// `request`, `error_response`) and `says` (the detail, in the language asked for).
pub fn json_lines(
    out: &mut (impl Write + ?Sized),
    steps: &Steps,
    seqs: &[u64],
    language: Language,
    detail: Detail<'_>,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct LineOut {
        #[serde(flatten)]
        data: StepData,
        name: &'static str,
        says: String,
    }
    for step in seqs.iter().filter_map(|&seq| steps.get(seq)) {
        let name = name_key(step.name()).trim_start_matches("step-");
        let line = LineOut { data: StepData::of(step), name, says: detail(step, language) };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
