//! Checks a headless capture for real content: land where land must be, sea where sea must be,
//! computed from the view recorded in the scene description (OUT.json) beside the PNG.
//!
//! Usage: `cargo run --example check_capture -- out.png`

use std::process::ExitCode;

use dateline::app::map::{LAND, SEA};
use dateline::core::projection::{Lcc, Projection};
use dateline::core::view::MapView;

/// Places that must be land and points that must be sea, whenever they are in the frame.
const LAND_AT: [(&str, [f64; 2]); 7] = [
    ("Pyongyang", [125.7625, 39.0392]),
    ("Seoul", [126.978, 37.5665]),
    ("Moscow", [37.6173, 55.7558]),
    ("Beijing", [116.3975, 39.9087]),
    ("Ulaanbaatar", [106.9057, 47.9077]),
    ("Salekhard (Arctic Siberia)", [66.60, 66.53]),
    ("Verkhoyansk (Arctic Siberia)", [133.39, 67.55]),
];
const SEA_AT: [(&str, [f64; 2]); 4] = [
    ("East Sea at 131°E 40°N", [131.0, 40.0]),
    ("Yellow Sea at 124°E 36°N", [124.0, 36.0]),
    ("Black Sea at 34°E 43.2°N", [34.0, 43.2]),
    ("Sea of Okhotsk at 150°E 55°N", [150.0, 55.0]),
];

fn rgb(c: bevy::prelude::Color) -> [f32; 3] {
    let s = c.to_srgba();
    [s.red * 255.0, s.green * 255.0, s.blue * 255.0]
}

fn near(p: &image::Rgb<u8>, c: [f32; 3]) -> bool {
    (0..3).all(|i| (p.0[i] as f32 - c[i]).abs() <= 6.0)
}

fn main() -> ExitCode {
    let Some(png) = std::env::args().nth(1) else {
        eprintln!("usage: check_capture OUT.png");
        return ExitCode::from(2);
    };
    let img = match image::open(&png) {
        Ok(i) => i.to_rgb8(),
        Err(e) => {
            eprintln!("check_capture: cannot open {png}: {e}");
            return ExitCode::from(1);
        }
    };
    let json_path = std::path::Path::new(&png).with_extension("json");
    let scene: serde_json::Value = match std::fs::read_to_string(&json_path)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            eprintln!("check_capture: cannot read {}: {e}", json_path.display());
            return ExitCode::from(1);
        }
    };
    let mut failures = Vec::new();
    let size = [img.width() as f64, img.height() as f64];
    if scene["size"] != serde_json::json!([img.width(), img.height()]) {
        failures.push(format!(
            "scene size {} differs from the PNG's {:?}",
            scene["size"], size
        ));
    }
    let countries = scene["layers"]
        .as_array()
        .and_then(|l| l.iter().find(|x| x["name"] == "countries"))
        .and_then(|x| x["features"].as_u64())
        .unwrap_or(0);
    if countries < 50 {
        failures.push(format!(
            "scene lists {countries} countries, expected the region's 60+"
        ));
    }
    let proj = Lcc::atlas();
    let c = &scene["view"]["center"];
    let (Some(lon), Some(lat), Some(zoom)) =
        (c[0].as_f64(), c[1].as_f64(), scene["view"]["zoom"].as_f64())
    else {
        eprintln!("check_capture: the scene has no view centre/zoom");
        return ExitCode::from(1);
    };
    let view = MapView {
        center: proj.project([lon, lat]),
        zoom,
    };
    let land: Vec<[f32; 3]> = LAND.iter().map(|c| rgb(*c)).collect();
    let sea = rgb(SEA);
    // Count matching pixels in a 9×9 window, so thin lines (graticule, borders) through the
    // point do not fool it: a point is land when many pixels are land and few are sea.
    let count = |ll: [f64; 2], f: &dyn Fn(&image::Rgb<u8>) -> bool| -> Option<usize> {
        let [x, y] = view.to_pixel(proj.project(ll), size);
        // Skip points under the UI (top bar, legend corner) or outside the frame.
        if x < 8.0
            || y < 48.0
            || x > size[0] - 8.0
            || y > size[1] - 8.0
            || (x < 300.0 && y > size[1] - 200.0)
        {
            return None;
        }
        let (x, y) = (x as i64, y as i64);
        Some(
            (-4..=4)
                .flat_map(|dy| (-4..=4).map(move |dx| (x + dx, y + dy)))
                .filter(|&(px, py)| f(img.get_pixel(px as u32, py as u32)))
                .count(),
        )
    };
    // In a 9×9 window, so thin lines (graticule, borders) through a point do not fool it:
    // a point is land when many pixels are land and few are sea, and the reverse for sea.
    let is_land = |p: &image::Rgb<u8>| land.iter().any(|c| near(p, *c));
    let is_sea = |p: &image::Rgb<u8>| near(p, sea);
    let mut checked = 0;
    for (name, ll) in LAND_AT {
        if let (Some(l), Some(s)) = (count(ll, &is_land), count(ll, &is_sea)) {
            checked += 1;
            println!("{name}: {l}/81 land pixels, {s}/81 sea pixels");
            if l < 30 || s > 10 {
                failures.push(format!(
                    "{name} should be land but has {l}/81 land and {s}/81 sea pixels"
                ));
            }
        }
    }
    for (name, ll) in SEA_AT {
        if let (Some(l), Some(s)) = (count(ll, &is_land), count(ll, &is_sea)) {
            checked += 1;
            println!("{name}: {s}/81 sea pixels, {l}/81 land pixels");
            if s < 30 || l > 5 {
                failures.push(format!(
                    "{name} should be sea but has {s}/81 sea and {l}/81 land pixels"
                ));
            }
        }
    }
    if checked < 3 {
        failures.push(format!("only {checked} reference points were in the frame"));
    }
    let distinct: std::collections::HashSet<[u8; 3]> =
        img.pixels().step_by(7).map(|p| p.0).collect();
    if distinct.len() < 20 {
        failures.push(format!(
            "the image has only {} distinct colours: nothing was drawn",
            distinct.len()
        ));
    }
    if failures.is_empty() {
        println!(
            "check_capture: {png} ok ({checked} reference points, {} colours sampled)",
            distinct.len()
        );
        ExitCode::SUCCESS
    } else {
        for f in &failures {
            eprintln!("check_capture: {png}: {f}");
        }
        ExitCode::from(1)
    }
}
