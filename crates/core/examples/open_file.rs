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
        let opened = userfile::open(&path, bytes, &Lcc::atlas(), &mut |_| {
            std::ops::ControlFlow::Continue(())
        });
        let took = start.elapsed().as_secs_f64();
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
