//! The diagram as an SVG picture, for a handout or a slide: the lifelines,
//! one arrow per line (responses dashed, notifications with an open head),
//! the marks of the steps at one end, every label in the language asked
//! for, and the legend. It draws exactly what the diagram shows (the same
//! steps, the same lanes), in the light theme's colours.

use std::fmt::Write;

use egui::Color32;

use super::paint::{Figure, look_of};
use super::{Diagram, Perspective};
use crate::i18n::{Language, tr};
use crate::steps::words::{clock, label};
use crate::steps::{Direction, Kind, Lane, Steps};

const ROW: f32 = 26.0;
const HEADER: f32 = 30.0;
const TIME: f32 = 80.0;
const COLUMN: f32 = 190.0;
/// Room right of the last lifeline: a step's sentence beside the client's
/// lifeline runs past the server's.
const MARGIN: f32 = 120.0;
/// Words written over a lifeline keep a white edge, so the line does not cross them.
const HALO: &str = "stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"";
/// A row of the legend, and the room one entry takes in it.
const LEGEND: f32 = 22.0;
const LEGEND_ENTRY: f32 = 130.0;
/// Entries of the legend.
const LEGEND_ENTRIES: usize = 6;
const FONT: &str = "font-family=\"sans-serif\" font-size=\"12\"";

impl Diagram {
    /// The steps the diagram shows, as an SVG document.
    pub fn to_svg(&mut self, steps: &Steps, language: Language) -> String {
        self.picture(steps, None, language).0
    }

    /// The steps the diagram shows, or only those of them in `only` (the
    /// `seq`s the log's filter shows, in order), as an SVG document; and
    /// how many steps it draws.
    pub fn picture(&mut self, steps: &Steps, only: Option<&[u64]>, language: Language) -> (String, usize) {
        self.refresh(steps);
        let rows: Vec<u64> = match only {
            Some(only) => {
                self.rows.seqs().iter().copied().filter(|seq| only.binary_search(seq).is_ok()).collect()
            }
            None => self.rows.seqs().to_vec(),
        };
        let columns = self.columns();
        let width = TIME + COLUMN * columns as f32 + MARGIN;
        // The legend wraps onto as many rows as the picture's width needs.
        let per_row = (((width - 8.0) / LEGEND_ENTRY).floor() as usize).max(1);
        let legend = LEGEND * LEGEND_ENTRIES.div_ceil(per_row) as f32 + 12.0;
        let height = HEADER + ROW * rows.len() as f32 + legend;
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        );
        self.svg_lifelines(&mut svg, steps, language, height - legend);
        for (row, seq) in rows.iter().enumerate() {
            if let Some(step) = steps.get(*seq) {
                self.svg_row(&mut svg, step, row, language);
            }
        }
        svg_legend(&mut svg, language, height - legend + 8.0, per_row);
        svg.push_str("</svg>\n");
        (svg, rows.len())
    }

    fn lane_x(&self, column: usize) -> f32 {
        TIME + (column as f32 + 0.5) * COLUMN
    }

    fn svg_lifelines(&self, svg: &mut String, steps: &Steps, language: Language, bottom: f32) {
        let names: Vec<String> = match self.perspective {
            Perspective::Client => vec![self.lane_name(steps, 0, language)],
            Perspective::Server => {
                self.lanes.iter().map(|&lane| self.lane_name(steps, lane, language)).collect()
            }
        };
        let server = tr(language, "diagram-server");
        let all = names.iter().chain(std::iter::once(&server));
        let _ = writeln!(
            svg,
            "<text x=\"4\" y=\"20\" {FONT} fill=\"#666\">{}</text>",
            escape(&tr(language, "diagram-time"))
        );
        for (column, name) in all.enumerate() {
            let x = self.lane_x(column);
            let _ = writeln!(
                svg,
                "<text x=\"{x}\" y=\"20\" {FONT} font-weight=\"bold\" text-anchor=\"middle\">{}</text>\n\
                 <line x1=\"{x}\" y1=\"{HEADER}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"#bbb\"/>",
                escape(name)
            );
        }
    }

    fn svg_row(&self, svg: &mut String, step: &crate::steps::Step, row: usize, language: Language) {
        let figure = Figure::of(step);
        let look = look_of(figure, false);
        let color = hex(look.color);
        let top = HEADER + row as f32 * ROW;
        let y = top + ROW * 0.7;
        let _ = writeln!(
            svg,
            "<text x=\"4\" y=\"{}\" {FONT} fill=\"#888\">{}</text>",
            top + ROW * 0.65,
            escape(&clock(step.at, language))
        );
        let server_x = self.lane_x(self.columns() - 1);
        let lane_x = if step.lane == Lane::Server { server_x } else { self.lane_x(self.column_of(step)) };
        let text = escape(&label(step, language));
        let Some(message) = step.message() else {
            let (mid, anchor, dx) = match step.lane == Lane::Server {
                true => (top + ROW / 2.0, "end", -10.0),
                false => (top + ROW / 2.0, "start", 10.0),
            };
            let _ = writeln!(
                svg,
                "<rect class=\"mark\" x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"{color}\"/>\n\
                 <text x=\"{}\" y=\"{}\" {FONT} {HALO} fill=\"{color}\" text-anchor=\"{anchor}\">{text}</text>",
                lane_x - 4.5,
                mid - 4.5,
                lane_x + dx,
                mid + 4.0
            );
            return;
        };
        let (from, to) = match message.direction {
            Direction::ToServer => (lane_x, server_x),
            Direction::ToClient => (server_x, lane_x),
        };
        let dash = if look.dashed { " stroke-dasharray=\"6 4\"" } else { "" };
        let dir = if to >= from { 1.0 } else { -1.0 };
        let head = if look.open_head { "none" } else { color.as_str() };
        let _ = writeln!(
            svg,
            "<g class=\"arrow\"><line x1=\"{from}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"1.6\"{dash}/>\
             <polyline points=\"{},{} {to},{y} {},{}\" fill=\"{head}\" stroke=\"{color}\"/>\
             <text x=\"{}\" y=\"{}\" {FONT} fill=\"{color}\" text-anchor=\"middle\">{text}</text></g>",
            to - dir * 4.0,
            to - dir * 8.0,
            y - 3.6,
            to - dir * 8.0,
            y + 3.6,
            (from + to) / 2.0,
            y - 4.0
        );
    }
}

/// The key to the colours, along the bottom.
fn svg_legend(svg: &mut String, language: Language, top: f32, per_row: usize) {
    let entries: [_; LEGEND_ENTRIES] = [
        (Figure::Line(Kind::Request), "diagram-legend_request"),
        (Figure::Line(Kind::Response), "diagram-legend_response"),
        (Figure::Line(Kind::Error { code: None }), "diagram-legend_error"),
        (Figure::Line(Kind::Notification), "diagram-legend_notification"),
        (Figure::Line(Kind::Batch), "diagram-legend_batch"),
        (Figure::Event, "diagram-legend_event"),
    ];
    for (i, (figure, id)) in entries.into_iter().enumerate() {
        let x = 8.0 + (i % per_row) as f32 * LEGEND_ENTRY;
        let y = top + (i / per_row) as f32 * LEGEND;
        let color = hex(look_of(figure, false).color);
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"22\" height=\"4\" fill=\"{color}\"/>\
             <text x=\"{}\" y=\"{}\" {FONT} fill=\"{color}\">{}</text>",
            y + 6.0,
            x + 28.0,
            y + 12.0,
            escape(&tr(language, id))
        );
    }
}

fn hex(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

/// Text as SVG (XML) character data.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use std::time::{Instant, SystemTime};

    use super::*;
    use crate::steps::classify_line;

    /// A short conversation exported as SVG: well-formed XML, one arrow per
    /// line and one mark per step at one end, labels escaped, in the language asked for.
    #[test]
    fn exports_well_formed_svg_with_one_arrow_per_line() {
        let origin = Instant::now();
        let mut steps = Steps::new(origin);
        let addr: std::net::SocketAddr = "127.0.0.1:5050".parse().unwrap();
        steps.push(
            origin,
            SystemTime::now(),
            Lane::Client,
            crate::steps::What::Connecting { addr: addr.to_string() },
        );
        let lines = [
            (Direction::ToClient, r#"{"jsonrpc":"2.0","method":"welcome","params":{}}"#),
            (
                Direction::ToServer,
                r#"{"jsonrpc":"2.0","id":1,"method":"product.get","params":{"code":"<a&b>"}}"#,
            ),
            (Direction::ToClient, r#"{"jsonrpc":"2.0","id":1,"error":{"code":1001,"message":"x"}}"#),
            (Direction::ToServer, "não é json"),
        ];
        for (direction, raw) in lines {
            steps.push_line(
                origin,
                SystemTime::now(),
                Lane::Client,
                classify_line(direction, raw),
                raw,
                raw.len() + 1,
            );
        }
        let svg = Diagram::client().to_svg(&steps, Language::PtBr);
        let mut reader = quick_xml::Reader::from_str(&svg);
        let mut elements = 0;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => elements += 1,
                Err(e) => panic!("not well-formed at {}: {e}\n{svg}", reader.buffer_position()),
            }
        }
        assert!(elements > 10);
        assert_eq!(svg.matches("class=\"arrow\"").count(), 4, "one arrow per line");
        assert_eq!(svg.matches("class=\"mark\"").count(), 1, "one mark for the connect()");
        assert!(svg.contains("erro 1001 #1"), "labels in Portuguese");
        assert!(svg.contains("Servidor") && svg.contains("requisição"), "lifelines and legend in Portuguese");
    }
}
