//! Graticule lines (meridians and parallels) at a spacing that follows the zoom, and the
//! frame of a world map: the outline of the Earth and the space outside it.

use super::model::LonLat;
use super::projection::Projection;
use super::tessellate::{MeshData, densify, earcut_plane};

/// The spacings offered, in degrees, finest first.
pub const STEPS: [f64; 4] = [1.0, 2.0, 5.0, 10.0];

/// Meridians and parallels every `step` degrees inside `bbox` (west, south, east, north).
pub fn lines(step: f64, bbox: [f64; 4]) -> Vec<Vec<LonLat>> {
    let mut out = Vec::new();
    let [w, s, e, n] = bbox;
    let mut lon = (w / step).ceil() * step;
    while lon <= e + 1e-9 {
        out.push(densify(&[[lon, s], [lon, n]], 0.5));
        lon += step;
    }
    let mut lat = (s / step).ceil() * step;
    while lat <= n + 1e-9 {
        out.push(densify(&[[w, lat], [e, lat]], 0.5));
        lat += step;
    }
    out
}

/// The finest spacing whose lines are at least `min_px` pixels apart at `km_per_px`.
pub fn step_for(km_per_px: f64, min_px: f64) -> f64 {
    // One degree of latitude is about 111.2 km.
    STEPS
        .iter()
        .copied()
        .find(|s| s * 111.2 / km_per_px >= min_px)
        .unwrap_or(STEPS[STEPS.len() - 1])
}

/// Where the graticule's lines every `step` degrees cross an edge of the screen, for degree
/// labels there: `at(t)` is the longitude/latitude under the point `t` pixels along the edge
/// (`None` off the Earth), sampled each pixel over `0..=len`; `parallels` picks latitudes
/// (else longitudes). Returns (position along the edge in pixels, the line's value in
/// degrees, longitudes in -180..=180, the date line as 180).
pub fn edge_crossings(
    step: f64,
    len: f64,
    parallels: bool,
    at: impl Fn(f64) -> Option<LonLat>,
) -> Vec<(f64, f64)> {
    let value = |t: f64| {
        at(t).map(|ll| {
            if parallels {
                ll[1]
            } else {
                (ll[0] + 180.0).rem_euclid(360.0) - 180.0
            }
        })
    };
    let mut out = Vec::new();
    let mut prev: Option<(f64, f64)> = None;
    let n = len.max(0.0).floor() as usize;
    for i in 0..=n {
        let t = i as f64;
        let Some(v) = value(t) else {
            prev = None;
            continue;
        };
        if let Some((t0, v0)) = prev {
            // Longitudes run on across ±180° (the date line is a line like any other).
            let v1 = if parallels {
                v
            } else {
                v0 + (v - v0 + 180.0).rem_euclid(360.0) - 180.0
            };
            let (k0, k1) = ((v0 / step).floor(), (v1 / step).floor());
            if k0 != k1 && (v1 - v0).abs() < 90.0 {
                let line = k0.max(k1) * step;
                let f = ((line - v0) / (v1 - v0)).clamp(0.0, 1.0);
                let value = if parallels {
                    line
                } else {
                    let l = (line + 180.0).rem_euclid(360.0) - 180.0;
                    if l <= -180.0 + 1e-9 { 180.0 } else { l }
                };
                out.push((t0 + f * (t - t0), value));
            }
        }
        prev = Some((t, v));
    }
    out
}

/// A graticule line's label: "40°N", "0°", "35.5°S" for parallels, "130°E", "180°", "60°W"
/// for meridians.
pub fn degree_label(value: f64, parallel: bool) -> String {
    let v = if parallel {
        value
    } else {
        (value + 180.0).rem_euclid(360.0) - 180.0
    };
    let v = if !parallel && (v + 180.0).abs() < 1e-9 {
        180.0
    } else {
        v
    };
    let a = v.abs();
    let num = if (a - a.round()).abs() < 1e-9 {
        format!("{}", a.round())
    } else {
        format!("{a}")
    };
    let hemisphere = match (parallel, v) {
        (_, v) if v.abs() < 1e-9 => "",
        (true, v) if v > 0.0 => "N",
        (true, _) => "S",
        (false, v) if (v - 180.0).abs() < 1e-9 => "",
        (false, v) if v > 0.0 => "E",
        (false, _) => "W",
    };
    format!("{num}°{hemisphere}")
}

/// The outline of the whole Earth on a world map (plane km, a closed ring): the meridian
/// just east of the projection's seam from pole to pole, the pole line, and the meridian
/// just west of it back. `None` for a projection without a seam.
pub fn world_outline(proj: &impl Projection) -> Option<Vec<[f64; 2]>> {
    let seam = proj.extent().seam?;
    let (w, e) = (seam + 1e-7, seam + 360.0 - 1e-7);
    let ring: Vec<LonLat> = [
        densify(&[[w, -90.0], [w, 90.0]], 0.25),
        densify(&[[w, 90.0], [e, 90.0]], 1.0),
        densify(&[[e, 90.0], [e, -90.0]], 0.25),
        densify(&[[e, -90.0], [w, -90.0]], 1.0),
    ]
    .concat();
    Some(ring.into_iter().map(|p| proj.project(p)).collect())
}

/// The space outside the Earth's outline, out to `margin` km beyond it on every side, as
/// triangles: drawn over the world map's edge so it ends cleanly.
pub fn outside(outline: &[[f64; 2]], margin: f64) -> MeshData {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in outline {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    let (x0, y0, x1, y1) = (x0 - margin, y0 - margin, x1 + margin, y1 + margin);
    let frame = vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    earcut_plane(&[frame, outline.to_vec()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degree_labels_read_as_an_atlas_writes_them() {
        assert_eq!(degree_label(40.0, true), "40°N");
        assert_eq!(degree_label(-35.5, true), "35.5°S");
        assert_eq!(degree_label(0.0, true), "0°");
        assert_eq!(degree_label(130.0, false), "130°E");
        assert_eq!(degree_label(-60.0, false), "60°W");
        assert_eq!(degree_label(300.0, false), "60°W");
        assert_eq!(degree_label(180.0, false), "180°");
        assert_eq!(degree_label(-180.0, false), "180°");
    }

    #[test]
    fn lines_are_found_where_they_cross_an_edge() {
        // The bottom edge of a Korea view on the region's conic: 1000 px from 120°E to 135°E
        // at 33°N, one degree every 66.7 px.
        let at = |t: f64| Some([120.0 + 15.0 * t / 1000.0, 33.0]);
        let c = edge_crossings(5.0, 1000.0, false, at);
        let want = [(333.3, 125.0), (666.7, 130.0), (1000.0, 135.0)];
        assert_eq!(c.len(), want.len(), "{c:?}");
        for ((t, v), (wt, wv)) in c.iter().zip(want) {
            assert!((t - wt).abs() < 0.5 && (v - wv).abs() < 1e-9, "{c:?}");
        }
        // Across the date line: 175°E to 175°W, the 180° meridian found once, no false
        // crossing at the wrap.
        let at = |t: f64| Some([175.0 + 10.0 * t / 100.0, 0.0]);
        let c = edge_crossings(5.0, 100.0, false, at);
        let v: Vec<f64> = c.iter().map(|c| c.1).collect();
        assert_eq!(v, [180.0, -175.0], "{c:?}");
        // Parallels up a left edge, going south as the pixels go down; off the Earth
        // (the world map's rim) nothing.
        let at = |t: f64| (t < 150.0).then_some([100.0, 50.0 - t / 10.0]);
        let c = edge_crossings(10.0, 200.0, true, at);
        let v: Vec<f64> = c.iter().map(|c| c.1).collect();
        assert_eq!(v, [50.0, 40.0], "{c:?}");
    }

    #[test]
    fn ten_degree_lines_over_the_region() {
        let l = lines(10.0, [20.0, 25.0, 192.0, 78.0]);
        // meridians 20..190 (18) + parallels 30..70 (5)
        assert_eq!(l.len(), 23);
    }

    #[test]
    fn spacing_grows_when_zoomed_out() {
        assert_eq!(step_for(1.0, 80.0), 1.0);
        assert_eq!(step_for(5.0, 80.0), 5.0);
        assert_eq!(step_for(100.0, 80.0), 10.0);
    }

    #[test]
    fn the_world_outline_holds_the_whole_earth_and_nothing_else() {
        use crate::projection::{EARTH_RADIUS_KM, EqualEarth};
        let p = EqualEarth::atlas();
        let ring = world_outline(&p).unwrap();
        let margin = 5_000.0;
        let mask = outside(&ring, margin);
        // Equal Earth is equal-area: inside the outline is the Earth's whole surface.
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for q in &ring {
            (x0, y0, x1, y1) = (x0.min(q[0]), y0.min(q[1]), x1.max(q[0]), y1.max(q[1]));
        }
        let frame = (x1 - x0 + 2.0 * margin) * (y1 - y0 + 2.0 * margin);
        let earth = 4.0 * std::f64::consts::PI * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
        let inside = frame - mask.area();
        assert!(
            (inside / earth - 1.0).abs() < 1e-3,
            "{inside:.4e} vs {earth:.4e}"
        );
        // Places anywhere on Earth are not under the mask; the corners of the map are.
        for ll in [
            [127.0, 37.5],
            [-70.0, -55.0],
            [0.0, -85.0],
            [-31.0, 70.0],
            [-29.0, 0.0],
        ] {
            assert!(!mask.contains(p.project(ll)), "{ll:?}");
        }
        assert!(mask.contains([x1 - 10.0, y1 - 10.0]));
        assert!(mask.contains([x0 + 10.0, y0 + 10.0]));
    }
}
