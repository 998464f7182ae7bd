//! Clipping shapes, in longitude/latitude and before they are projected, to the part of the
//! globe a projection can show ([`Extent`]): its band of latitudes, and one strip of 360° of
//! longitude between two of its seams at a time, so that nothing is drawn across a seam or
//! out where the projection blows up. Polygons are clipped one edge of the strip's box at a
//! time, cutting their rings into the arcs inside and joining those along the edge (see
//! `clip_half`); lines are cut into the pieces inside the box.
//!
//! The work is linear in the shape's vertices for each strip it spans (plus sorting the
//! points where it crosses the box's edges); a shape inside one strip and the band (any
//! normal shape) is returned as it is, without copying.

use std::borrow::Cow;

use super::model::{LonLat, signed_area};
use super::projection::Extent;

/// How far inside a seam clipped shapes stop (degrees; about a centimetre), so that a point
/// on the cut projects to the side of the seam it belongs to.
const SEAM_GAP: f64 = 1e-7;

/// The most strips between seams a polygon may reach into (one that goes once round the
/// globe reaches into two or three).
pub const MAX_STRIPS: usize = 4;

/// A box: west, south, east, north (degrees), or x0, y0, x1, y1 on a plane.
pub(crate) type Bbox = [f64; 4];

/// The longitude and latitude ranges of some points (`[lon_min, lat_min, lon_max, lat_max]`).
pub(crate) fn bounds<'a>(points: impl IntoIterator<Item = &'a LonLat>) -> Bbox {
    points
        .into_iter()
        .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        })
}

/// The strip between seams (numbered from the seam at 0° + `seam`) that a longitude is in.
fn strip_of(e: &Extent, lon: f64) -> i64 {
    e.seam
        .map_or(0, |seam| ((lon - seam) / 360.0).floor() as i64)
}

/// The box of `e` in strip `k`: its band, between two seams.
fn strip_box(e: &Extent, k: i64) -> Bbox {
    match e.seam {
        None => [f64::NEG_INFINITY, e.south, f64::INFINITY, e.north],
        Some(seam) => {
            let west = seam + 360.0 * k as f64;
            [west + SEAM_GAP, e.south, west + 360.0 - SEAM_GAP, e.north]
        }
    }
}

/// The boxes of `e` that a shape within `b` can touch: one per strip between seams.
fn boxes(e: &Extent, b: &Bbox) -> Vec<Bbox> {
    (strip_of(e, b[0])..=strip_of(e, b[2]))
        .map(|k| strip_box(e, k))
        .collect()
}

fn within(inner: &Bbox, outer: &Bbox) -> bool {
    inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
}

/// True when the projection with extent `e` shows the point.
pub fn shows(e: &Extent, p: LonLat) -> bool {
    (e.south..=e.north).contains(&p[1])
}

/// A polygon (exterior ring first, then holes; rings closed) clipped to `e`: the polygons
/// (exterior first, then holes; rings closed) of the part of it inside each strip between
/// seams it reaches into; none when it lies outside the band. A ring cut by the edge of the
/// box follows that edge between the points where it leaves and comes back. A polygon that
/// winds round the globe more than once (its longitudes span more than [`MAX_STRIPS`]
/// strips; it covers itself, so it has no sensible inside) is left out, which keeps the
/// work linear in its vertices.
pub fn clip_polygon<'a>(rings: &'a [Vec<LonLat>], e: &Extent) -> Vec<Cow<'a, [Vec<LonLat>]>> {
    if rings.is_empty() {
        return Vec::new();
    }
    let b = bounds(rings.iter().flatten());
    if b[3] < e.south || b[1] > e.north {
        return Vec::new();
    }
    let boxes = boxes(e, &b);
    if let [only] = boxes.as_slice()
        && within(&b, only)
    {
        return vec![Cow::Borrowed(rings)];
    }
    if boxes.len() > MAX_STRIPS {
        return Vec::new();
    }
    let mut out = Vec::new();
    for bx in &boxes {
        let mut set = oriented(rings);
        for (axis, at, above) in [
            (0, bx[0], true),
            (0, bx[2], false),
            (1, bx[1], true),
            (1, bx[3], false),
        ] {
            if at.is_finite() {
                set = clip_half(set, axis, at, above);
            }
        }
        out.extend(polygons(set).into_iter().map(Cow::Owned));
    }
    out
}

/// A polygon's rings (exterior first, then holes; open or closed) as a set of open rings
/// with the interior on their left: the exterior counter-clockwise, holes clockwise.
pub(crate) fn oriented(rings: &[Vec<LonLat>]) -> Vec<Vec<LonLat>> {
    rings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut r = match r.as_slice() {
                [first, .., last] if first == last => r[..r.len() - 1].to_vec(),
                _ => r.clone(),
            };
            if (signed_area(&r) > 0.0) != (i == 0) {
                r.reverse();
            }
            r
        })
        .collect()
}

/// A set of open rings with the interior on their left (see [`oriented`]) clipped to the
/// half-plane where coordinate `axis` is at least (`above`) or at most `at`, in the same
/// form. Each ring is cut into the arcs inside, and the arcs are joined along the line,
/// each from where it leaves to where the next one (going along the line with the inside
/// on the left) comes in: where a shape leaves and comes back several times, or a hole
/// crosses the line, the joins along the line do not overlap. Linear in the vertices, plus
/// sorting the crossings.
pub(crate) fn clip_half(
    rings: Vec<Vec<LonLat>>,
    axis: usize,
    at: f64,
    above: bool,
) -> Vec<Vec<LonLat>> {
    let inside = |p: &LonLat| if above { p[axis] >= at } else { p[axis] <= at };
    let cut = |a: LonLat, b: LonLat| {
        let t = (at - a[axis]) / (b[axis] - a[axis]);
        let mut p = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        p[axis] = at;
        p
    };
    let mut out = Vec::new();
    // Runs of the rings inside the half-plane, each from the point where it comes in to the
    // point where it leaves (both on the line).
    let mut arcs: Vec<Vec<LonLat>> = Vec::new();
    for ring in rings {
        let n = ring.len();
        if n < 3 {
            continue;
        }
        let Some(s) = ring.iter().position(|p| !inside(p)) else {
            out.push(ring);
            continue;
        };
        let mut arc: Vec<LonLat> = Vec::new();
        for k in 0..n {
            let (a, b) = (ring[(s + k) % n], ring[(s + k + 1) % n]);
            match (inside(&a), inside(&b)) {
                (false, true) => {
                    arc.clear();
                    arc.push(cut(a, b));
                    arc.push(b);
                }
                (true, true) => arc.push(b),
                (true, false) => {
                    arc.push(cut(a, b));
                    arc.dedup();
                    if arc.len() > 1 {
                        arcs.push(std::mem::take(&mut arc));
                    }
                    arc.clear();
                }
                (false, false) => {}
            }
        }
    }
    if arcs.is_empty() {
        return out;
    }
    // Along the line with the inside on the left is the direction in which `key` grows.
    let sign = if (axis == 0) == above { -1.0 } else { 1.0 };
    let key = |p: &LonLat| sign * p[1 - axis];
    let mut entries: Vec<(f64, usize)> = arcs
        .iter()
        .enumerate()
        .map(|(i, a)| (key(&a[0]), i))
        .collect();
    entries.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The arc that comes in next after each one leaves (past the last, the first).
    let next: Vec<usize> = arcs
        .iter()
        .map(|a| {
            let t = a.last().map_or(0.0, key);
            let k = entries.partition_point(|e| e.0 < t);
            entries[k % entries.len()].1
        })
        .collect();
    let mut used = vec![false; arcs.len()];
    for start in 0..arcs.len() {
        if used[start] {
            continue;
        }
        let mut ring = Vec::new();
        let mut i = start;
        while !used[i] {
            used[i] = true;
            ring.append(&mut arcs[i]);
            i = next[i];
        }
        ring.dedup();
        while ring.len() > 1 && ring.first() == ring.last() {
            ring.pop();
        }
        if ring.len() >= 3 && signed_area(&ring) != 0.0 {
            out.push(ring);
        }
    }
    out
}

/// A set of open rings with the interior on their left, as polygons: each exterior
/// (counter-clockwise) with the holes (clockwise) inside it, rings closed. A hole that is in
/// no exterior (only in a broken shape) is left out.
pub(crate) fn polygons(set: Vec<Vec<LonLat>>) -> Vec<Vec<Vec<LonLat>>> {
    let (outers, holes): (Vec<_>, Vec<_>) = set.into_iter().partition(|r| signed_area(r) > 0.0);
    let close = |mut r: Vec<LonLat>| {
        r.push(r[0]);
        r
    };
    let boxes: Vec<Bbox> = outers.iter().map(bounds).collect();
    let mut out: Vec<Vec<Vec<LonLat>>> = outers.into_iter().map(|r| vec![close(r)]).collect();
    for h in holes {
        let p = h[0];
        let home = (0..out.len()).find(|&i| {
            let b = &boxes[i];
            (b[0]..=b[2]).contains(&p[0]) && (b[1]..=b[3]).contains(&p[1]) && in_ring(p, &out[i][0])
        });
        if let Some(i) = home {
            out[i].push(close(h));
        }
    }
    out
}

/// True when a point is inside a closed ring (even-odd rule).
fn in_ring(p: LonLat, ring: &[LonLat]) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a[1] > p[1]) != (b[1] > p[1])
            && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            inside = !inside;
        }
    }
    inside
}

/// A line clipped to `e`: the pieces of it inside the band, cut at the seams, in order. One
/// pass along the line, however many times it goes round the globe.
pub fn clip_line<'a>(line: &'a [LonLat], e: &Extent) -> Vec<Cow<'a, [LonLat]>> {
    let b = bounds(line);
    if b[3] < e.south || b[1] > e.north {
        return Vec::new();
    }
    if let [only] = boxes(e, &b).as_slice()
        && within(&b, only)
    {
        return vec![Cow::Borrowed(line)];
    }
    let mut out = Vec::new();
    let mut piece: Vec<LonLat> = Vec::new();
    let mut piece_strip = i64::MIN;
    let mut flush = |piece: &mut Vec<LonLat>| {
        if piece.len() > 1 {
            out.push(Cow::Owned(std::mem::take(piece)));
        }
        piece.clear();
    };
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Where the segment crosses seams (at most two: consecutive points are less than
        // 180° apart, or exactly 360°), as fractions of the way from a to b.
        let mut cuts = vec![0.0];
        if let Some(seam) = e.seam
            && a[0] != b[0]
        {
            let (lo, hi) = (a[0].min(b[0]), a[0].max(b[0]));
            let first = ((lo - seam) / 360.0).ceil() as i64;
            let last = ((hi - seam) / 360.0).floor() as i64;
            let mut ts: Vec<f64> = (first..=last)
                .map(|k| (seam + 360.0 * k as f64 - a[0]) / (b[0] - a[0]))
                .filter(|t| *t > 0.0 && *t < 1.0)
                .collect();
            ts.sort_by(f64::total_cmp);
            cuts.extend(ts);
        }
        cuts.push(1.0);
        let at = |t: f64| match t {
            0.0 => a,
            1.0 => b,
            _ => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t],
        };
        for c in cuts.windows(2) {
            let (p0, p1) = (at(c[0]), at(c[1]));
            let k = strip_of(e, (p0[0] + p1[0]) / 2.0);
            match clip_segment(p0, p1, &strip_box(e, k)) {
                Some((p, q)) => {
                    if piece_strip != k || piece.last() != Some(&p) {
                        flush(&mut piece);
                        piece.push(p);
                        piece_strip = k;
                    }
                    piece.push(q);
                }
                None => flush(&mut piece),
            }
        }
    }
    flush(&mut piece);
    out
}

/// The part of the segment a→b inside a box (Liang–Barsky), if any; its ends are `a` and `b`
/// themselves where they are inside.
fn clip_segment(a: LonLat, b: LonLat, bx: &Bbox) -> Option<(LonLat, LonLat)> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-d[0], a[0] - bx[0]),
        (d[0], bx[2] - a[0]),
        (-d[1], a[1] - bx[1]),
        (d[1], bx[3] - a[1]),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
            continue;
        }
        let r = q / p;
        if p < 0.0 {
            t0 = t0.max(r);
        } else {
            t1 = t1.min(r);
        }
    }
    if t0 > t1 || (t0 == t1 && d != [0.0, 0.0]) {
        return None;
    }
    let at = |t: f64| match t {
        0.0 => a,
        1.0 => b,
        _ => [a[0] + d[0] * t, a[1] + d[1] * t],
    };
    Some((at(t0), at(t1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ATLAS: Extent = Extent {
        seam: Some(285.0),
        south: -60.0,
        north: 90.0,
    };

    fn area(rings: &[Vec<LonLat>]) -> f64 {
        rings.iter().map(|r| signed_area(r).abs()).sum::<f64>()
    }

    #[test]
    fn shapes_inside_are_returned_as_they_are() {
        let ring = vec![[120.0, 30.0], [130.0, 30.0], [130.0, 40.0], [120.0, 30.0]];
        let rings = vec![ring.clone()];
        let c = clip_polygon(&rings, &ATLAS);
        assert_eq!(c.len(), 1);
        assert!(matches!(c[0], Cow::Borrowed(_)));
        let c = clip_line(&ring, &ATLAS);
        assert!(matches!(c.as_slice(), [Cow::Borrowed(_)]));
        assert!(shows(&ATLAS, [0.0, -60.0]) && !shows(&ATLAS, [0.0, -60.5]));
    }

    #[test]
    fn polygons_are_cut_at_the_band_and_at_the_seam() {
        // 10° × 20° box from 70°S to 50°S: half of it is south of 60°S.
        let rings = vec![vec![
            [100.0, -70.0],
            [110.0, -70.0],
            [110.0, -50.0],
            [100.0, -50.0],
            [100.0, -70.0],
        ]];
        let c = clip_polygon(&rings, &ATLAS);
        assert_eq!(c.len(), 1);
        assert!((area(&c[0]) - 100.0).abs() < 1e-9, "{:?}", c[0]);
        assert!(c[0][0].iter().all(|p| p[1] >= -60.0));
        // Across the seam at 75°W (-80..-70): two parts, each on its own side of it.
        let rings = vec![vec![
            [-80.0, 10.0],
            [-70.0, 10.0],
            [-70.0, 20.0],
            [-80.0, 20.0],
            [-80.0, 10.0],
        ]];
        let c = clip_polygon(&rings, &ATLAS);
        assert_eq!(c.len(), 2);
        for part in &c {
            assert!((area(part) - 50.0).abs() < 1e-5, "{part:?}");
            let b = bounds(part.iter().flatten());
            assert!(b[2] < -75.0 || b[0] > -75.0, "{b:?}");
        }
        // Winding round the globe four times: left out.
        let spiral: Vec<LonLat> = (0..=12)
            .map(|i| [i as f64 * 120.0, 0.0])
            .chain([[1440.0, 10.0], [0.0, 10.0], [0.0, 0.0]])
            .collect();
        assert!(clip_polygon(&[spiral], &ATLAS).is_empty());
        // Wholly south of the band: nothing.
        let rings = vec![vec![
            [0.0, -80.0],
            [10.0, -80.0],
            [10.0, -70.0],
            [0.0, -80.0],
        ]];
        assert!(clip_polygon(&rings, &ATLAS).is_empty());
        // A hole outside the band goes, the exterior stays.
        let rings = vec![
            vec![
                [0.0, -70.0],
                [20.0, -70.0],
                [20.0, 0.0],
                [0.0, 0.0],
                [0.0, -70.0],
            ],
            vec![[5.0, -65.0], [5.0, -62.0], [8.0, -62.0], [5.0, -65.0]],
        ];
        let c = clip_polygon(&rings, &ATLAS);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].len(), 1);
        assert!((area(&c[0]) - 1200.0).abs() < 1e-9);
    }

    #[test]
    fn arcs_are_joined_along_the_cut_without_overlapping() {
        // A U: cutting off its base leaves two arms, two rings (joining the arms along the
        // cut, as Sutherland–Hodgman does, would give one ring folded over the gap).
        let u = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [7.0, 10.0],
            [7.0, 3.0],
            [3.0, 3.0],
            [3.0, 10.0],
            [0.0, 10.0],
        ];
        let arms = clip_half(oriented(&[u.to_vec()]), 1, 5.0, true);
        assert_eq!(arms.len(), 2, "{arms:?}");
        for a in &arms {
            assert!((signed_area(a) - 15.0).abs() < 1e-9, "{a:?}");
        }
        // Rings oriented the other way round are read the same.
        let mut cw = u.to_vec();
        cw.reverse();
        assert_eq!(clip_half(oriented(&[cw]), 1, 5.0, true).len(), 2);
        // A hole cut by the line opens into a notch of the exterior; one inside stays a hole.
        let square = vec![[-10.0, -10.0], [10.0, -10.0], [10.0, 10.0], [-10.0, 10.0]];
        let hole = vec![[-2.0, -2.0], [-2.0, 2.0], [2.0, 2.0], [2.0, -2.0]];
        let set = clip_half(oriented(&[square.clone(), hole]), 0, 0.0, true);
        let p = polygons(set);
        assert_eq!((p.len(), p[0].len()), (1, 1), "{p:?}");
        assert!((area(&p[0]) - 192.0).abs() < 1e-9);
        let hole = vec![[3.0, 3.0], [3.0, 5.0], [5.0, 5.0], [5.0, 3.0]];
        let p = polygons(clip_half(oriented(&[square, hole]), 0, 0.0, true));
        assert_eq!((p.len(), p[0].len()), (1, 2), "{p:?}");
        assert!((signed_area(&p[0][0]) - signed_area(&p[0][1]).abs() - 196.0).abs() < 1e-9);
        // An E whose teeth cross the seam (75°W): east of it, three separate teeth.
        let e = vec![vec![
            [-80.0, 0.0],
            [-70.0, 0.0],
            [-70.0, 4.0],
            [-76.0, 4.0],
            [-76.0, 6.0],
            [-70.0, 6.0],
            [-70.0, 8.0],
            [-76.0, 8.0],
            [-76.0, 10.0],
            [-70.0, 10.0],
            [-70.0, 12.0],
            [-80.0, 12.0],
            [-80.0, 0.0],
        ]];
        let c = clip_polygon(&e, &ATLAS);
        assert_eq!(c.len(), 4, "{c:?}");
        let mut east: Vec<f64> = c
            .iter()
            .filter(|p| p[0][0][0] > -75.0)
            .map(|p| area(p))
            .collect();
        east.sort_by(f64::total_cmp);
        assert_eq!(east.len(), 3);
        for (a, want) in east.into_iter().zip([10.0, 10.0, 20.0]) {
            assert!((a - want).abs() < 1e-5, "{a} vs {want}");
        }
    }

    #[test]
    fn lines_are_cut_into_the_pieces_inside() {
        // Down from 50°S to 70°S and back up: two pieces, each ending on 60°S.
        let line = [[0.0, -50.0], [0.0, -70.0], [10.0, -70.0], [10.0, -50.0]];
        let c = clip_line(&line, &ATLAS);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].as_ref(), [[0.0, -50.0], [0.0, -60.0]]);
        assert_eq!(c[1].as_ref(), [[10.0, -60.0], [10.0, -50.0]]);
        // Across the seam: one piece on each side.
        let c = clip_line(&[[-80.0, 0.0], [-79.0, 0.0], [-70.0, 0.0]], &ATLAS);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!((c[0].len(), c[1].len()), (3, 2));
        assert!(c[0][2][0] < -75.0 && c[1][0][0] > -75.0);
        assert!((c[1][0][0] + 75.0).abs() < 1e-6);
        assert!(clip_line(&[[0.0, -80.0], [1.0, -85.0]], &ATLAS).is_empty());
        // A track going round the globe 1000 times (longitudes unwrapped up to 359,880°):
        // cut at each of the 999 seams it crosses, in one pass.
        let track: Vec<LonLat> = (0..3000).map(|i| [i as f64 * 120.0, 10.0]).collect();
        let c = clip_line(&track, &ATLAS);
        assert_eq!(c.len(), 1000);
        assert_eq!(c.iter().map(|p| p.len()).sum::<usize>(), 3000 + 2 * 999);
        for p in &c {
            let b = bounds(p.iter());
            assert!(strip_of(&ATLAS, b[0]) == strip_of(&ATLAS, b[2]), "{b:?}");
        }
    }
}
