//! Polygons → triangles (earcut) and densification of long edges, done once at load.

use super::clip::clip_polygon;
use super::model::LonLat;
use super::projection::Projection;

/// A triangle mesh in plane coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeshData {
    /// Vertex positions (x, y).
    pub positions: Vec<[f32; 2]>,
    /// Triangle indices into `positions`, three per triangle.
    pub indices: Vec<u32>,
}

impl MeshData {
    /// Total area of the triangles.
    pub fn area(&self) -> f64 {
        self.indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] =
                    [t[0], t[1], t[2]].map(|i| self.positions[i as usize].map(f64::from));
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }

    /// True when the point lies in one of the triangles (edges included).
    pub fn contains(&self, p: [f64; 2]) -> bool {
        self.indices.chunks_exact(3).any(|t| {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| self.positions[i as usize].map(f64::from));
            let side = |u: [f64; 2], v: [f64; 2]| {
                (v[0] - u[0]) * (p[1] - u[1]) - (p[0] - u[0]) * (v[1] - u[1])
            };
            let [d1, d2, d3] = [side(a, b), side(b, c), side(c, a)];
            let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
            let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
            !(neg && pos)
        })
    }

    /// Appends another mesh.
    pub fn extend(&mut self, other: &MeshData) {
        let base = self.positions.len() as u32;
        self.positions.extend_from_slice(&other.positions);
        self.indices.extend(other.indices.iter().map(|i| i + base));
    }

    /// The triangles of a range of `indices` as a mesh of their own, with only the vertices
    /// they use (a group of a layer's features: their triangles and vertices are contiguous).
    pub fn part(&self, indices: std::ops::Range<usize>) -> MeshData {
        let (positions, indices) = sub_mesh(&self.positions, &self.indices[indices]);
        MeshData { positions, indices }
    }
}

/// Triangles `indices` of a mesh with `positions`, as their own mesh: the vertices from the
/// smallest to the largest index used, indices rebased.
pub fn sub_mesh<T: Copy>(positions: &[T], indices: &[u32]) -> (Vec<T>, Vec<u32>) {
    let (Some(lo), Some(hi)) = (indices.iter().min(), indices.iter().max()) else {
        return (Vec::new(), Vec::new());
    };
    (
        positions[*lo as usize..=*hi as usize].to_vec(),
        indices.iter().map(|i| i - lo).collect(),
    )
}

/// A plane line cut into dashes of length `on` every `period` along it (plane units),
/// measured along the whole line, however short its segments: a dashed line drawn from
/// these keeps one rhythm whatever the detail of the data (a gizmo's own dashes restart at
/// every vertex, so a line of many short segments looks solid).
pub fn dashes(line: &[[f32; 2]], period: f32, on: f32) -> Vec<Vec<[f32; 2]>> {
    let mut out: Vec<Vec<[f32; 2]>> = Vec::new();
    if period <= 0.0 || on <= 0.0 {
        return out;
    }
    let mut current: Vec<[f32; 2]> = Vec::new();
    // Distance along the line, modulo the period; sums of f32 lengths drift, so a dash or
    // gap within `eps` of its end counts as ended.
    let mut phase = 0.0f32;
    let eps = period * 1e-4;
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = (b[0] - a[0]).hypot(b[1] - a[1]);
        if len <= 0.0 {
            continue;
        }
        let at = |t: f32| {
            [
                a[0] + (b[0] - a[0]) * t / len,
                a[1] + (b[1] - a[1]) * t / len,
            ]
        };
        let mut t = 0.0;
        while t < len - eps {
            let in_dash = phase < on - eps;
            // Where the current state (dash or gap) ends along this segment.
            let left = if in_dash { on - phase } else { period - phase };
            let step = left.min(len - t);
            if in_dash {
                if current.is_empty() {
                    current.push(at(t));
                }
                current.push(at(t + step));
            }
            t += step;
            phase += step;
            if in_dash && phase >= on - eps && current.len() >= 2 {
                out.push(std::mem::take(&mut current));
            }
            if phase >= period - eps {
                phase = 0.0;
            }
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// A line with the points that change it by less than `tol` removed (Douglas–Peucker), for
/// drawing it zoomed out: first and last points kept, and at least one more in a closed ring
/// (so it stays a ring).
pub fn simplify(line: &[[f32; 2]], tol: f32) -> Vec<[f32; 2]> {
    simplified(line, f64::from(tol), |p| [f64::from(p[0]), f64::from(p[1])])
}

/// [`simplify`] in longitude/latitude, `tol` in degrees: for geometry only ever drawn
/// zoomed out (the world map), simplified before it is projected and triangulated.
pub fn simplify_lonlat(line: &[LonLat], tol: f64) -> Vec<LonLat> {
    simplified(line, tol, |p| p)
}

fn simplified<T: Copy + PartialEq>(line: &[T], tol: f64, xy: impl Fn(T) -> [f64; 2]) -> Vec<T> {
    if line.len() <= 2 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (xy(line[a]), xy(line[b]));
        let (dx, dy) = (pb[0] - pa[0], pb[1] - pa[1]);
        let len = dx.hypot(dy);
        let mut far = (0.0f64, 0);
        for (i, p) in line.iter().enumerate().take(b).skip(a + 1) {
            let p = xy(*p);
            let d = if len > 0.0 {
                ((p[0] - pa[0]) * dy - (p[1] - pa[1]) * dx).abs() / len
            } else {
                (p[0] - pa[0]).hypot(p[1] - pa[1])
            };
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tol {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    let out: Vec<T> = line
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect();
    if out.len() == 2 && line.first() == line.last() {
        // A ring reduced to its closing point and itself: keep its far point and one more.
        return vec![
            line[0],
            line[line.len() / 3],
            line[2 * line.len() / 3],
            line[0],
        ];
    }
    out
}

/// Inserts points so that no edge is longer than `max_deg` degrees (so that straight
/// lon/lat edges follow the curve of parallels once projected).
pub fn densify(line: &[LonLat], max_deg: f64) -> Vec<LonLat> {
    let mut out = Vec::with_capacity(line.len());
    for w in line.windows(2) {
        let [a, b] = [w[0], w[1]];
        let d = (b[0] - a[0]).abs().max((b[1] - a[1]).abs());
        let steps = (d / max_deg).ceil().max(1.0) as usize;
        for s in 0..steps {
            let t = s as f64 / steps as f64;
            out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
        }
    }
    if let Some(last) = line.last() {
        out.push(*last);
    }
    out
}

/// Projects and triangulates one polygon (exterior ring first, then holes), clipped to the
/// part of the globe the projection shows ([`Projection::extent`]).
pub fn triangulate(rings: &[Vec<LonLat>], proj: &impl Projection) -> MeshData {
    let parts = clip_polygon(rings, &proj.extent());
    let mut meshes = parts.iter().map(|p| triangulate_unclipped(p, proj));
    let mut mesh = meshes.next().unwrap_or_default();
    for m in meshes {
        mesh.extend(&m);
    }
    mesh
}

/// [`triangulate`] without clipping: for a polygon already clipped to the projection's
/// extent, or a projection that shows all of it.
pub fn triangulate_unclipped(rings: &[Vec<LonLat>], proj: &impl Projection) -> MeshData {
    let plane: Vec<Vec<[f64; 2]>> = rings
        .iter()
        .map(|r| densify(r, 1.0).iter().map(|p| proj.project(*p)).collect())
        .collect();
    earcut_plane(&plane)
}

/// Triangulates a polygon already in plane coordinates (exterior ring first, then holes;
/// closed or open rings).
pub(crate) fn earcut_plane(rings: &[Vec<[f64; 2]>]) -> MeshData {
    let mut flat: Vec<f64> = Vec::new();
    let mut holes = Vec::new();
    for (i, ring) in rings.iter().enumerate() {
        // earcut wants open rings.
        let open = if ring.len() > 1 && ring.first() == ring.last() {
            &ring[..ring.len() - 1]
        } else {
            &ring[..]
        };
        if open.len() < 3 {
            continue;
        }
        if i > 0 {
            holes.push(flat.len() / 2);
        }
        flat.extend(open.iter().flatten());
    }
    let indices = earcutr::earcut(&flat, &holes, 2).unwrap_or_default();
    MeshData {
        positions: flat
            .chunks_exact(2)
            .map(|c| [c[0] as f32, c[1] as f32])
            .collect(),
        indices: indices.into_iter().map(|i| i as u32).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_keep_their_rhythm_over_short_segments() {
        // 10 km straight, in 100 segments of 100 m: dashes of 1.2 km every 2 km.
        let line: Vec<[f32; 2]> = (0..=100).map(|i| [i as f32 * 0.1, 0.0]).collect();
        let d = dashes(&line, 2.0, 1.2);
        assert_eq!(d.len(), 5, "{d:?}");
        for (k, dash) in d.iter().enumerate() {
            let (x0, x1) = (dash[0][0], dash[dash.len() - 1][0]);
            assert!(
                (x0 - 2.0 * k as f32).abs() < 1e-3,
                "dash {k} starts at {x0}"
            );
            assert!((x1 - x0 - 1.2).abs() < 1e-3, "dash {k} is {} long", x1 - x0);
        }
        // A bend keeps the rhythm: 3 km east then 3 km north, period 2, dashes of 1.
        let bent = [[0.0, 0.0], [3.0, 0.0], [3.0, 3.0]];
        let d = dashes(&bent, 2.0, 1.0);
        assert_eq!(d.len(), 3);
        assert_eq!(d[1], vec![[2.0, 0.0], [3.0, 0.0]]);
        assert_eq!(d[2], vec![[3.0, 1.0], [3.0, 2.0]]);
        assert!(dashes(&line, 0.0, 1.0).is_empty());
    }

    struct Plain;
    impl Projection for Plain {
        fn project(&self, p: LonLat) -> [f64; 2] {
            p
        }
        fn unproject(&self, p: [f64; 2]) -> LonLat {
            p
        }
    }

    #[test]
    fn square_with_hole_has_the_right_area() {
        let outer = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]];
        let hole = vec![[1.0, 1.0], [1.0, 2.0], [2.0, 2.0], [2.0, 1.0], [1.0, 1.0]];
        let m = triangulate(std::slice::from_ref(&outer), &Plain);
        assert!((m.area() - 16.0).abs() < 1e-6, "{}", m.area());
        let m = triangulate(&[outer, hole], &Plain);
        assert!((m.area() - 15.0).abs() < 1e-6, "{}", m.area());
        assert!(m.contains([3.0, 3.0]));
        assert!(m.contains([0.5, 3.9]));
        assert!(!m.contains([1.5, 1.5]), "inside the hole");
        assert!(!m.contains([4.5, 2.0]), "outside");
    }

    #[test]
    fn densify_splits_long_edges_and_keeps_ends() {
        let d = densify(&[[0.0, 0.0], [10.0, 0.0]], 1.0);
        assert_eq!(d.len(), 11);
        assert_eq!(d[0], [0.0, 0.0]);
        assert_eq!(d[10], [10.0, 0.0]);
        assert_eq!(densify(&[[0.0, 0.0], [0.5, 0.5]], 1.0).len(), 2);
    }

    #[test]
    fn simplify_drops_points_within_the_tolerance_only() {
        // A square's sides with small wiggles: the wiggles go at 1 km, stay at 0.01 km.
        let mut ring = Vec::new();
        for i in 0..=40 {
            let t = i as f32 / 10.0;
            let wiggle = if i % 2 == 1 { 0.1 } else { 0.0 };
            ring.push(match i / 10 {
                0 => [t * 10.0, wiggle],
                1 => [10.0 + wiggle, (t - 1.0) * 10.0],
                2 => [10.0 - (t - 2.0) * 10.0, 10.0 + wiggle],
                _ => [wiggle, 10.0 - (t - 3.0) * 10.0],
            });
        }
        ring[40] = ring[0];
        let coarse = simplify(&ring, 1.0);
        assert_eq!(
            coarse,
            [
                [0.0, 0.0],
                [10.0, 0.0],
                [10.0, 10.0],
                [0.0, 10.0],
                [0.0, 0.0]
            ]
        );
        assert_eq!(simplify(&ring, 0.01).len(), ring.len());
        // A tiny ring stays a ring.
        let tiny = [[0.0, 0.0], [0.1, 0.0], [0.1, 0.1], [0.0, 0.0]];
        assert_eq!(simplify(&tiny, 5.0).len(), 4);
        assert_eq!(simplify(&[[0.0, 0.0], [1.0, 1.0]], 5.0).len(), 2);
    }
}
