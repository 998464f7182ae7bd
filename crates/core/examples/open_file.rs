//! What `dateline check FILE` does, without the app: `cargo run --release -p dateline-core
//! --example open_file -- FILE...` opens each file as the app would (load, project,
//! tessellate, globe geometry) and prints the time taken and the size of what it built.

use std::time::Instant;

use dateline_core::projection::Lcc;
use dateline_core::userfile::{self, Content};

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let start = Instant::now();
        // When each stage started (the progress callback names it), to print where time goes.
        let mut stages: Vec<(String, f64)> = Vec::new();
        let opened = userfile::open(&path, bytes, &Lcc::atlas(), &mut |stage| {
            if stages.last().is_none_or(|(s, _)| s != stage) {
                stages.push((stage.to_string(), start.elapsed().as_secs_f64()));
            }
            std::ops::ControlFlow::Continue(())
        });
        let took = start.elapsed().as_secs_f64();
        let ends = stages.iter().skip(1).map(|s| s.1).chain([took]);
        let line: Vec<String> = stages
            .iter()
            .zip(ends)
            .map(|((s, t0), t1)| format!("{s} {:.2} s", t1 - t0))
            .collect();
        eprintln!("{path}: stages: {}", line.join(", "));
        for p in &opened.problems {
            println!("{p}");
        }
        match &opened.content {
            Some(Content::Layer(l)) => println!(
                "{path}: {} features in {took:.2} s; map: {} triangles, {} lines ({} points); \
                 globe: {} triangles, {} lines ({} points)",
                l.features.len(),
                l.fill.indices.len() / 3,
                l.lines.len(),
                l.lines.iter().map(Vec::len).sum::<usize>(),
                l.globe.fill_indices.len() / 3,
                l.globe.lines.len(),
                l.globe.lines.iter().map(Vec::len).sum::<usize>(),
            ),
            Some(Content::Events(e)) => println!("{path}: {} events in {took:.2} s", e.len()),
            None => println!("{path}: nothing loaded ({took:.2} s)"),
        }
    }
}
