//! Event marker shapes by status (unit radius, triangulated once): solid for confirmed,
//! hollow for reported, dashed for claimed, half-filled for disputed, struck for denied; and
//! the part of a route drawn so far while its event is under way.

use std::f32::consts::TAU;

use super::events::Status;
use super::tessellate::MeshData;

const SEGMENTS: usize = 40;
/// Inner radius of hollow markers (outer radius is 1).
pub const RING_INNER: f32 = 0.55;

fn push_quad(m: &mut MeshData, q: [[f32; 2]; 4]) {
    let base = m.positions.len() as u32;
    m.positions.extend_from_slice(&q);
    m.indices
        .extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
}

fn at(a: f32, r: f32) -> [f32; 2] {
    [r * a.cos(), r * a.sin()]
}

/// A ring sector between angles `a0` and `a1` (radians), radii `r0` < `r1`.
fn ring(m: &mut MeshData, a0: f32, a1: f32, r0: f32, r1: f32) {
    let n = (((a1 - a0) / TAU) * SEGMENTS as f32).ceil().max(1.0) as usize;
    for i in 0..n {
        let (s, e) = (
            a0 + (a1 - a0) * i as f32 / n as f32,
            a0 + (a1 - a0) * (i + 1) as f32 / n as f32,
        );
        push_quad(m, [at(s, r0), at(s, r1), at(e, r1), at(e, r0)]);
    }
}

/// A filled sector (a disc when `a1 - a0` is a full turn).
fn sector(m: &mut MeshData, a0: f32, a1: f32, r: f32) {
    let n = (((a1 - a0) / TAU) * SEGMENTS as f32).ceil().max(1.0) as usize;
    let c = m.positions.len() as u32;
    m.positions.push([0.0, 0.0]);
    for i in 0..=n {
        m.positions
            .push(at(a0 + (a1 - a0) * i as f32 / n as f32, r));
    }
    for i in 0..n as u32 {
        m.indices.extend_from_slice(&[c, c + 1 + i, c + 2 + i]);
    }
}

/// The marker for a status, radius 1 around the origin.
pub fn marker(status: Status) -> MeshData {
    let mut m = MeshData::default();
    match status {
        Status::Confirmed => sector(&mut m, 0.0, TAU, 1.0),
        Status::Reported => ring(&mut m, 0.0, TAU, RING_INNER, 1.0),
        Status::Claimed => {
            // Eight dashes with gaps of the same length.
            for i in 0..8 {
                let a = i as f32 * TAU / 8.0;
                ring(&mut m, a, a + TAU / 16.0, RING_INNER, 1.0);
            }
        }
        Status::Disputed => {
            ring(&mut m, 0.0, TAU, RING_INNER, 1.0);
            sector(&mut m, TAU / 4.0, 3.0 * TAU / 4.0, RING_INNER);
        }
        Status::Denied => {
            ring(&mut m, 0.0, TAU, RING_INNER, 1.0);
            // A bar from lower left to upper right, through the ring.
            let (h, w) = (1.3_f32, 0.14_f32);
            let d = std::f32::consts::FRAC_1_SQRT_2;
            let (ux, uy) = (d, d);
            let (nx, ny) = (-d, d);
            push_quad(
                &mut m,
                [
                    [-ux * h - nx * w, -uy * h - ny * w],
                    [ux * h - nx * w, uy * h - ny * w],
                    [ux * h + nx * w, uy * h + ny * w],
                    [-ux * h + nx * w, -uy * h + ny * w],
                ],
            );
        }
    }
    m
}

/// A filled disc of radius 1 (the light halo drawn under every marker).
pub fn disc() -> MeshData {
    let mut m = MeshData::default();
    sector(&mut m, 0.0, TAU, 1.0);
    m
}

/// The first `t` (0–1) of a polyline by length: its first point, the whole segments that
/// fit, and a point part-way along the next one. Empty for an empty polyline.
pub fn partial(pts: &[[f32; 2]], t: f32) -> Vec<[f32; 2]> {
    let Some(&first) = pts.first() else {
        return Vec::new();
    };
    // The same arithmetic as glam's `Vec2::distance` and `Vec2::lerp`, which the app used.
    let dist = |a: [f32; 2], b: [f32; 2]| {
        let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
        (dx * dx + dy * dy).sqrt()
    };
    let total: f32 = pts.windows(2).map(|w| dist(w[0], w[1])).sum();
    let mut left = total * t;
    let mut out = vec![first];
    for w in pts.windows(2) {
        let d = dist(w[0], w[1]);
        if left >= d {
            out.push(w[1]);
            left -= d;
        } else {
            if d > 0.0 && left > 0.0 {
                let k = left / d;
                out.push([
                    w[0][0] * (1.0 - k) + w[1][0] * k,
                    w[0][1] * (1.0 - k) + w[1][1] * k,
                ]);
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    #[test]
    fn partial_polyline_follows_length() {
        let pts = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        assert_eq!(partial(&pts, 0.0), vec![[0.0, 0.0]]);
        assert_eq!(partial(&pts, 0.25), vec![[0.0, 0.0], [5.0, 0.0]]);
        assert_eq!(
            partial(&pts, 0.75),
            vec![[0.0, 0.0], [10.0, 0.0], [10.0, 5.0]]
        );
        assert_eq!(partial(&pts, 1.0).len(), 3);
        assert!(partial(&[], 0.5).is_empty());
        assert_eq!(partial(&[[3.0, 4.0]], 0.5), vec![[3.0, 4.0]]);
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs()
    }

    #[test]
    fn marker_areas_follow_their_shapes() {
        let ring_area = PI * (1.0 - (RING_INNER as f64).powi(2));
        assert!(close(marker(Status::Confirmed).area(), PI, 0.01));
        assert!(close(marker(Status::Reported).area(), ring_area, 0.01));
        // Dashes cover half the ring.
        assert!(close(marker(Status::Claimed).area(), ring_area / 2.0, 0.02));
        // Disputed: the ring plus half the inner disc.
        let half = PI * (RING_INNER as f64).powi(2) / 2.0;
        assert!(close(
            marker(Status::Disputed).area(),
            ring_area + half,
            0.02
        ));
        // Denied: the ring plus a bar (overlap counted twice) of 2.6 × 0.28.
        assert!(close(
            marker(Status::Denied).area(),
            ring_area + 2.6 * 0.28,
            0.02
        ));
    }

    #[test]
    fn markers_fit_the_unit_circle_except_the_strike() {
        for s in [
            Status::Confirmed,
            Status::Reported,
            Status::Claimed,
            Status::Disputed,
        ] {
            let m = marker(s);
            assert!(
                m.positions.iter().all(|p| p[0].hypot(p[1]) <= 1.0 + 1e-5),
                "{s:?}"
            );
            assert!(m.indices.iter().all(|&i| (i as usize) < m.positions.len()));
        }
        let denied = marker(Status::Denied);
        assert!(denied.positions.iter().any(|p| p[0].hypot(p[1]) > 1.2));
    }
}
