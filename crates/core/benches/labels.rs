//! `cargo bench`: one label placement pass over 5,000 candidates on a 1920×1080 screen, with
//! the grid (as the app does it) against a naive all-pairs overlap check, in the same run.
//! Candidates are random labels of 30–140 × 16–20 px, 85% of them cities with dots.
//! Then the names of the bundled atlas in the app's Korea, region and world views at
//! 1600×1000 (every rule: sides tested against the countries' triangles, the story's
//! countries moved up and called out), the same way against the naive check.

use std::collections::HashMap;
use std::hint::black_box;
mod common;
use common::median;

use dateline_core::atlas::Atlas;
use dateline_core::labels::{
    Candidate, MapStyle, Side, TextMeasure, add_always_named, candidates, flat_map_ground,
    flat_map_sides, place, place_naive, sources,
};
use dateline_core::model::Lang;
use dateline_core::projection::MapKind;
use dateline_core::view::{Insets, ViewSpec};

fn random_candidates(n: usize) -> Vec<Candidate> {
    let mut s: u64 = 0x001a_be15;
    let mut rnd = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|i| Candidate {
            id: i,
            // Like the map: a few capitals and places of the news (rank < 2, their dots kept
            // clear), then cities by population.
            rank: if rnd() < 0.03 {
                1.0 + rnd()
            } else {
                3.0 + rnd()
            },
            anchor: [rnd() * 1920.0, rnd() * 1080.0],
            size: [30.0 + rnd() * 110.0, 16.0 + rnd() * 4.0],
            dot: rnd() < 0.85,
            side: Side::Any,
            leader: false,
            keep: false,
            shrink: 1.0,
            beside: false,
            short: None,
            shortest: None,
            fine: false,
        })
        .collect()
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let runs = if quick { 1 } else { 31 };
    let cands = random_candidates(5_000);
    let bounds = [0.0, 0.0, 1920.0, 1080.0];
    let prev = HashMap::new();
    let mut placed = 0;
    let grid = median(runs, || {
        placed = black_box(place(&cands, bounds, &[], &prev, &|_, _| true)).len()
    });
    let naive = median(runs, || {
        black_box(place_naive(&cands, bounds, &[], &prev, &|_, _| true));
    });
    println!(
        "label placement, 5000 candidates, 1920x1080 ({placed} placed), median of {runs}:\n  \
         grid:  {:>8.3} ms per pass ({:.1}% of a 16.7 ms frame)\n  \
         naive all-pairs: {:>8.3} ms per pass\n  ratio: grid takes {:.3}x the naive time ({:.1}x faster)",
        grid.as_secs_f64() * 1e3,
        grid.as_secs_f64() * 1e3 / 16.7 * 100.0,
        naive.as_secs_f64() * 1e3,
        grid.as_secs_f64() / naive.as_secs_f64(),
        naive.as_secs_f64() / grid.as_secs_f64(),
    );
    // The atlas's own names in the app's views.
    let atlas = Atlas::bundled().expect("bundled atlas");
    let measure = TextMeasure::bundled();
    let size = [1600.0, 1000.0];
    let bounds = [0.0, 30.0, size[0], size[1]];
    for (name, spec, kind) in [
        ("korea", ViewSpec::Korea, MapKind::Regional),
        ("region", ViewSpec::Region, MapKind::Regional),
        ("world", ViewSpec::World, MapKind::World),
    ] {
        let proj = kind.projection();
        let srcs = sources(&atlas, Lang::En, MapStyle::Atlas, &measure, &proj);
        let view = spec.resolve_in(size, Insets::default(), &proj);
        let mut cands = candidates(&srcs, &view, size);
        let ground = flat_map_ground(atlas.ground(kind), &view, size);
        add_always_named(&mut cands, &srcs, view.zoom, bounds, &ground);
        let sides = flat_map_sides(atlas.ground(kind), &view, size);
        let mut placed = 0;
        let grid = median(runs, || {
            placed = black_box(place(&cands, bounds, &[], &prev, &sides)).len()
        });
        let naive = median(runs, || {
            black_box(place_naive(&cands, bounds, &[], &prev, &sides));
        });
        println!(
            "the {name} view, 1600x1000, {} candidates ({placed} placed), median of {runs}:\n  \
             grid:  {:>8.3} ms per pass ({:.1}% of a 16.7 ms frame)\n  \
             naive all-pairs: {:>8.3} ms per pass\n  ratio: grid takes {:.3}x the naive time",
            cands.len(),
            grid.as_secs_f64() * 1e3,
            grid.as_secs_f64() * 1e3 / 16.7 * 100.0,
            naive.as_secs_f64() * 1e3,
            grid.as_secs_f64() / naive.as_secs_f64(),
        );
    }
}
