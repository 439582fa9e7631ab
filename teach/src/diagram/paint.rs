//! How each kind of message looks: colours, line styles and arrow heads.

use egui::{Color32, Painter, Pos2, Shape, Stroke, pos2, vec2};

use crate::steps::{Kind, Step, What};

/// The look of one message.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub color: Color32,
    /// Responses are dashed, as in UML sequence diagrams.
    pub dashed: bool,
    /// Notifications get an open head: nobody answers them.
    pub open_head: bool,
}

/// What a row draws: an arrow for a line, a mark for an event at one end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Line(Kind),
    Event,
    /// A connection that ended (or was never made): a cross.
    Closed,
}

impl Figure {
    pub fn of(step: &Step) -> Figure {
        match &step.what {
            What::Message(message) => Figure::Line(message.kind),
            _ if step.ends_lane() => Figure::Closed,
            _ => Figure::Event,
        }
    }
}

pub fn look_of(figure: Figure, dark_mode: bool) -> Look {
    let pick = |dark: (u8, u8, u8), light: (u8, u8, u8)| {
        let (r, g, b) = if dark_mode { dark } else { light };
        Color32::from_rgb(r, g, b)
    };
    let (color, dashed, open_head) = match figure {
        Figure::Line(Kind::Request) => (pick((110, 170, 255), (20, 90, 200)), false, false),
        Figure::Line(Kind::Response) => (pick((110, 210, 130), (20, 130, 60)), true, false),
        Figure::Line(Kind::Error { .. }) => (pick((255, 100, 100), (200, 20, 20)), true, false),
        Figure::Line(Kind::Notification) => (pick((220, 150, 255), (140, 40, 180)), false, true),
        Figure::Line(Kind::Batch) => (pick((90, 210, 210), (0, 130, 140)), false, false),
        Figure::Line(Kind::Garbage) => (pick((255, 170, 60), (190, 100, 0)), false, false),
        Figure::Event => (pick((170, 170, 170), (90, 90, 90)), false, false),
        Figure::Closed => (pick((200, 120, 120), (150, 60, 60)), false, false),
    };
    Look { color, dashed, open_head }
}

/// A horizontal arrow from `from` to `to`.
pub fn arrow(painter: &Painter, from: Pos2, to: Pos2, look: Look) {
    let stroke = Stroke::new(1.6, look.color);
    let dir = if to.x >= from.x { 1.0 } else { -1.0 };
    let head = 8.0;
    let shaft_end = pos2(to.x - dir * head * 0.6, to.y);
    if look.dashed {
        painter.extend(Shape::dashed_line(&[from, shaft_end], stroke, 6.0, 4.0));
    } else {
        painter.line_segment([from, shaft_end], stroke);
    }
    let back = to - vec2(dir * head, 0.0);
    let (upper, lower) = (back - vec2(0.0, head * 0.45), back + vec2(0.0, head * 0.45));
    if look.open_head {
        painter.line_segment([upper, to], stroke);
        painter.line_segment([lower, to], stroke);
        painter.line_segment([from, pos2(to.x - dir, to.y)], stroke);
    } else {
        painter.add(Shape::convex_polygon(vec![upper, to, lower], look.color, Stroke::NONE));
    }
}

/// A local event: a small square on a lifeline (a cross for a close).
pub fn mark(painter: &Painter, at: Pos2, figure: Figure, color: Color32) {
    let r = 4.5;
    if figure == Figure::Closed {
        let stroke = Stroke::new(2.0, color);
        painter.line_segment([at - vec2(r, r), at + vec2(r, r)], stroke);
        painter.line_segment([at + vec2(-r, r), at + vec2(r, -r)], stroke);
    } else {
        painter.rect_filled(egui::Rect::from_center_size(at, vec2(2.0 * r, 2.0 * r)), 1.0, color);
    }
}
