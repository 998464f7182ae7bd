//! Graticule lines (meridians and parallels) at a spacing that follows the zoom.

use super::model::LonLat;
use super::tessellate::densify;

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
}
