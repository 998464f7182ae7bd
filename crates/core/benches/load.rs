//! `cargo bench`: load + validate + normalise + tessellate a large GeoJSON, against a plain
//! `serde_json` parse of the same bytes, measured in the same run and reported as a ratio.
//!
//! Inputs: a generated 12 MB FeatureCollection of polygons with holes over the map region
//! (deterministic), and `../shared/bench/ne_10m_land.geojson` (18 MB, real data) when present.

use std::hint::black_box;
mod common;
use common::median;

use dateline_core::geojson;
use dateline_core::model::Shape;
use dateline_core::projection::Lcc;
use dateline_core::tessellate::triangulate;

/// Builds a FeatureCollection of `n` jittered star-shaped polygons, each with one hole.
fn generated(n: usize) -> Vec<u8> {
    let mut seed: u64 = 0x5eed_da7e;
    let mut rnd = move || {
        // xorshift64*: a fixed sequence, no dependency.
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        (seed.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut s = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for i in 0..n {
        let (cx, cy) = (25.0 + rnd() * 160.0, 28.0 + rnd() * 45.0);
        let r = 0.2 + rnd() * 0.8;
        let ring = |radius: f64, k: usize, rnd: &mut dyn FnMut() -> f64, ccw: bool| {
            let mut pts: Vec<String> = (0..k)
                .map(|j| {
                    let a = j as f64 / k as f64 * std::f64::consts::TAU;
                    let a = if ccw { a } else { -a };
                    let rr = radius * (0.7 + 0.3 * rnd());
                    format!("[{:.6},{:.6}]", cx + rr * a.cos(), cy + rr * a.sin())
                })
                .collect();
            pts.push(pts[0].clone());
            format!("[{}]", pts.join(","))
        };
        let outer = ring(r, 120, &mut rnd, true);
        let hole = ring(r * 0.3, 24, &mut rnd, false);
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "{{\"type\":\"Feature\",\"id\":{i},\"properties\":{{\"name\":\"p{i}\"}},\
             \"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{outer},{hole}]}}}}"
        ));
    }
    s.push_str("\n]}\n");
    s.into_bytes()
}

/// Our full pipeline: validate + normalise (geojson::load), then project and triangulate.
fn pipeline(name: &str, bytes: &[u8]) -> (usize, usize) {
    let loaded = geojson::load(name, bytes);
    assert!(!loaded.is_fatal(), "{:?}", loaded.problems.first());
    let proj = Lcc::atlas();
    let mut triangles = 0;
    for f in &loaded.features {
        for shape in &f.shapes {
            if let Shape::Polygon(rings) = shape {
                triangles += triangulate(rings, &proj).indices.len() / 3;
            }
        }
    }
    (loaded.features.len(), triangles)
}

fn compare(label: &str, bytes: &[u8], runs: usize) {
    let baseline = median(runs, || {
        let v: serde_json::Value = serde_json::from_slice(black_box(bytes)).unwrap();
        black_box(v);
    });
    let mut counts = (0, 0);
    let ours = median(runs, || {
        counts = black_box(pipeline(label, black_box(bytes)))
    });
    println!(
        "{label}: {:.1} MB, {} features, {} triangles\n  serde_json::Value parse (baseline): {:>8.1} ms\n  \
         load+validate+normalise+tessellate:  {:>8.1} ms\n  ratio: {:.2}x the plain parse (median of {runs})",
        bytes.len() as f64 / 1e6,
        counts.0,
        counts.1,
        baseline.as_secs_f64() * 1e3,
        ours.as_secs_f64() * 1e3,
        ours.as_secs_f64() / baseline.as_secs_f64(),
    );
}

fn main() {
    // `cargo test --benches` runs this with --test-ish arguments; keep it short then.
    let quick = std::env::args().any(|a| a == "--test");
    let n = if quick { 200 } else { 3_300 };
    let runs = if quick { 1 } else { 5 };
    let bytes = generated(n);
    compare("generated polygons", &bytes, runs);
    if quick {
        return;
    }
    let real = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/bench/ne_10m_land.geojson"
    );
    match std::fs::read(real) {
        Ok(bytes) => compare("ne_10m_land.geojson", &bytes, runs),
        Err(e) => println!("(skipping {real}: {e})"),
    }
}
