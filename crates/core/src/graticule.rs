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
