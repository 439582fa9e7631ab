//! One run drawn as a timeline: a bar per task from its start to its end
//! (or to now while it runs), on a time axis shared by both runs so the
//! students see 6.5 s against about 3 s.

use std::time::{Duration, Instant};

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::run::{Run, RunMode, TASK_SECONDS};
use crate::i18n::{Decimal, Language, tr, trf};

const BAR_HEIGHT: f32 = 16.0;
const ROW_GAP: f32 = 4.0;
const NAME_WIDTH: f32 = 96.0;
const AXIS_HEIGHT: f32 = 16.0;

const TASK_COLORS: [Color32; 4] = [
    Color32::from_rgb(66, 133, 244),
    Color32::from_rgb(52, 168, 83),
    Color32::from_rgb(251, 140, 0),
    Color32::from_rgb(171, 71, 188),
];

/// Title, bars and summary of one mode's last run.
pub fn show(ui: &mut Ui, mode: RunMode, run: Option<&Run>, scale: f64, language: Language) {
    let title = match mode {
        RunMode::Sequential => tr(language, "threads-sequential_title"),
        RunMode::Concurrent => tr(language, "threads-concurrent_title"),
    };
    let status = match run {
        None => tr(language, "threads-not_run_yet"),
        Some(run) => match run.total() {
            Some(total) => trf(language, "threads-total", &[("seconds", &Decimal(total.as_secs_f64(), 2))]),
            None => tr(language, "threads-running"),
        },
    };
    ui.strong(trf(language, "threads-heading", &[("title", &title), ("status", &status)]));
    let axis_seconds = TASK_SECONDS.iter().sum::<f64>() * scale * 1.04;
    paint_bars(ui, run, axis_seconds, scale, language);
    if let Some(run) = run.filter(|r| !r.finish_order.is_empty()) {
        ui.label(summary(run, language));
    }
}

/// "Task 4 finished first · Finish order: Task 4, Task 3, Task 2, Task 1".
fn summary(run: &Run, language: Language) -> String {
    let name = |task: &usize| trf(language, "threads-task", &[("n", &(task + 1))]);
    let order: Vec<String> = run.finish_order.iter().map(name).collect();
    let first = run.finish_order.first().map_or(0, |task| task + 1);
    trf(language, "threads-summary", &[("first", &first), ("order", &order.join(", "))])
}

fn paint_bars(ui: &mut Ui, run: Option<&Run>, axis_seconds: f64, scale: f64, language: Language) {
    let height = 4.0 * (BAR_HEIGHT + ROW_GAP) + AXIS_HEIGHT;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width().max(200.0), height), Sense::hover());
    let painter = ui.painter_at(rect);
    let track = Rect::from_min_max(pos2(rect.left() + NAME_WIDTH, rect.top()), rect.right_bottom());
    let x_of = |d: Duration| track.left() + (d.as_secs_f64() / axis_seconds.max(1e-9)) as f32 * track.width();
    let text_color = ui.visuals().text_color();
    let font = FontId::proportional(12.0);
    let now = Instant::now();
    for (task, seconds) in TASK_SECONDS.iter().enumerate() {
        let top = rect.top() + task as f32 * (BAR_HEIGHT + ROW_GAP);
        let places = if seconds.fract() == 0.0 { 0 } else { 1 };
        let length = Decimal(*seconds, places);
        let name = trf(language, "threads-task_length", &[("n", &(task + 1)), ("seconds", &length)]);
        let left = pos2(rect.left(), top + BAR_HEIGHT / 2.0);
        painter.text(left, Align2::LEFT_CENTER, name, font.clone(), text_color);
        let timing = run.map(|r| (r.tasks[task], r.begun));
        let Some((timing, begun)) = timing else { continue };
        let Some(started) = timing.started else { continue };
        let end = timing.finished.unwrap_or_else(|| now.saturating_duration_since(begun));
        let bar = Rect::from_min_max(
            pos2(x_of(started), top),
            pos2(x_of(end).max(x_of(started) + 1.0), top + BAR_HEIGHT),
        );
        let color = match timing.finished {
            Some(_) => TASK_COLORS[task],
            None => TASK_COLORS[task].gamma_multiply(0.55),
        };
        painter.rect_filled(bar, 3.0, color);
    }
    paint_axis(ui, &painter, track, (axis_seconds, scale), language);
}

/// A tick per (scaled) second of the lesson.
fn paint_axis(
    ui: &Ui,
    painter: &egui::Painter,
    track: Rect,
    (axis_seconds, scale): (f64, f64),
    language: Language,
) {
    let weak = ui.visuals().weak_text_color();
    let y = track.bottom() - AXIS_HEIGHT + 2.0;
    painter.hline(track.x_range(), y, Stroke::new(1.0, weak));
    let ticks = (axis_seconds / scale.max(1e-9)).floor() as usize;
    for second in 0..=ticks {
        let seconds = second as f64 * scale;
        let x = track.left() + (seconds / axis_seconds.max(1e-9)) as f32 * track.width();
        painter.vline(x, y..=y + 3.0, Stroke::new(1.0, weak));
        let places = if scale >= 1.0 { 0 } else { 2 };
        let label = trf(language, "threads-seconds", &[("seconds", &Decimal(seconds, places))]);
        let anchor = if second == 0 { Align2::LEFT_TOP } else { Align2::CENTER_TOP };
        painter.text(pos2(x, y + 3.0), anchor, label, FontId::proportional(10.0), weak);
    }
}
