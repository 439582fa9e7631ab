//! The least a frame costs on this machine's renderer: a window of the
//! app's size that draws one line of text and asks for the next frame at
//! once, for 10 seconds, with the app's renderer (glow; `WGPU=1` for
//! wgpu). It prints the frames drawn per second and the
//! process's CPU time per frame (from /proc, all threads: under Xvfb the
//! software rasterizer's threads do most of the work). Whatever the app
//! draws, a frame costs at least this; `scripts/frame-floor.sh` runs it
//! under Xvfb. See docs/benchmarks.md, "The app under a class's load".

use std::time::{Duration, Instant};

const RUN: Duration = Duration::from_secs(10);

struct Floor {
    frames: u64,
    began: Instant,
    cpu_at_start: Option<f64>,
    done: bool,
}

/// The process's user + system CPU seconds so far (Linux), else `None`.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

impl eframe::App for Floor {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label(format!("frame {}", self.frames));
        });
        if self.frames == 0 {
            self.cpu_at_start = cpu_seconds();
            self.began = Instant::now();
        }
        self.frames += 1;
        let elapsed = self.began.elapsed();
        if elapsed >= RUN && !self.done {
            self.done = true;
            let per_second = self.frames as f64 / elapsed.as_secs_f64();
            let cpu = cpu_seconds().zip(self.cpu_at_start).map(|(now, then)| now - then);
            let renderer = if std::env::var_os("WGPU").is_some() { "wgpu" } else { "glow" };
            println!(
                "{renderer}: frames: {} in {:.1} s, {per_second:.1} a second, {:.1} ms apart",
                self.frames,
                elapsed.as_secs_f64(),
                1000.0 / per_second
            );
            if let Some(cpu) = cpu {
                println!(
                    "CPU: {:.0} % of one core, {:.1} ms per frame",
                    100.0 * cpu / elapsed.as_secs_f64(),
                    1000.0 * cpu / self.frames as f64
                );
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
    }
}

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_title("frame floor").with_inner_size([1200.0, 720.0]),
        // The app's renderer; `WGPU=1` measures the other one eframe has.
        renderer: match std::env::var_os("WGPU") {
            Some(_) => eframe::Renderer::Wgpu,
            None => eframe::Renderer::Glow,
        },
        ..Default::default()
    };
    eframe::run_native(
        "frame floor",
        native,
        Box::new(|_| {
            Ok(Box::new(Floor { frames: 0, began: Instant::now(), cpu_at_start: None, done: false }))
        }),
    )
}
