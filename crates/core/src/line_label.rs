//! A name set along a line on screen (the Military Demarcation Line): parallel to a fairly
//! straight stretch of it, a few pixels to one side, upright, tried from the line's middle
//! outwards.

use crate::ground::Ground;
use crate::labels::{Rect, Side};

/// A name placed along a line, in screen pixels (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlongLine {
    /// The centre of the text's box.
    pub centre: [f64; 2],
    /// The angle of its baseline from the x axis, in radians, y down (positive turns
    /// clockwise on screen); within ±90°, so it reads left to right.
    pub angle: f64,
    /// The text box's size (width along the line, height across it).
    pub size: [f64; 2],
}

impl AlongLine {
    /// The unit vectors along the text and across it (downwards on the page of the text).
    pub fn axes(&self) -> ([f64; 2], [f64; 2]) {
        let (s, c) = self.angle.sin_cos();
        ([c, s], [-s, c])
    }

    /// The box's corners: top left, top right, bottom right, bottom left (as read).
    pub fn corners(&self) -> [[f64; 2]; 4] {
        let (u, v) = self.axes();
        let [hw, hh] = [self.size[0] / 2.0, self.size[1] / 2.0];
        let at = |a: f64, b: f64| {
            [
                self.centre[0] + u[0] * a + v[0] * b,
                self.centre[1] + u[1] * a + v[1] * b,
            ]
        };
        [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)]
    }

    /// Points over the box, about `step` pixels apart, edges included.
    pub fn points(&self, step: f64) -> Vec<[f64; 2]> {
        let (u, v) = self.axes();
        let nx = (self.size[0] / step).ceil().max(1.0) as usize;
        let ny = (self.size[1] / step).ceil().max(1.0) as usize;
        let mut out = Vec::with_capacity((nx + 1) * (ny + 1));
        for i in 0..=nx {
            let a = (i as f64 / nx as f64 - 0.5) * self.size[0];
            for j in 0..=ny {
                let b = (j as f64 / ny as f64 - 0.5) * self.size[1];
                out.push([
                    self.centre[0] + u[0] * a + v[0] * b,
                    self.centre[1] + u[1] * a + v[1] * b,
                ]);
            }
        }
        out
    }

    /// Axis-aligned boxes that together cover the box: one for each piece of it about as
    /// long as it is high (for overlap tests with straight labels).
    pub fn cover(&self) -> Vec<Rect> {
        let (u, v) = self.axes();
        let h = self.size[1];
        let n = (self.size[0] / h).ceil().max(1.0) as usize;
        let piece = self.size[0] / n as f64;
        (0..n)
            .map(|i| {
                let a0 = -self.size[0] / 2.0 + i as f64 * piece;
                let mut r = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
                for a in [a0, a0 + piece] {
                    for b in [-h / 2.0, h / 2.0] {
                        let x = self.centre[0] + u[0] * a + v[0] * b;
                        let y = self.centre[1] + u[1] * a + v[1] * b;
                        r = [r[0].min(x), r[1].min(y), r[2].max(x), r[3].max(y)];
                    }
                }
                r
            })
            .collect()
    }

    /// The box's bounding rectangle.
    pub fn bounds(&self) -> Rect {
        self.corners()
            .iter()
            .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |r, p| {
                [
                    r[0].min(p[0]),
                    r[1].min(p[1]),
                    r[2].max(p[0]),
                    r[3].max(p[1]),
                ]
            })
    }
}

/// How far from straight a stretch may be to carry a name: pixels off its chord, at least
/// this, or [`ALONG_TOLERANCE_OF_HEIGHT`] of the name's height if more (the box keeps clear
/// of the line's furthest point on its side, so it never crosses the line).
pub const ALONG_TOLERANCE_PX: f64 = 6.0;
/// The part of a name's height a stretch may wander off straight.
pub const ALONG_TOLERANCE_OF_HEIGHT: f64 = 1.0;

/// How far from straight a stretch may be for a name `height` pixels high.
pub fn along_tolerance(height: f64) -> f64 {
    ALONG_TOLERANCE_PX.max(ALONG_TOLERANCE_OF_HEIGHT * height)
}
/// The steepest a name along a line is set (radians; about 50°).
pub const ALONG_STEEPEST: f64 = 0.87;

/// The point `s` pixels along a polyline, and the index of the segment it lies on.
fn point_at(line: &[[f64; 2]], cum: &[f64], s: f64) -> ([f64; 2], usize) {
    let i = cum.partition_point(|&c| c <= s).clamp(1, line.len() - 1);
    let (a, b) = (line[i - 1], line[i]);
    let len = cum[i] - cum[i - 1];
    let t = if len > 0.0 {
        ((s - cum[i - 1]) / len).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], i)
}

/// Places a name of `size` (pixels: width, height) along `line` (pixels): parallel to a
/// stretch of the line no more than [`along_tolerance`] off straight and no steeper than
/// [`ALONG_STEEPEST`], with `gap` pixels between the line and the box, on either side.
/// Stretches are tried from the line's middle outwards, `step` pixels apart; the first that
/// `fits` accepts (free of other names, on its side of borders) is returned.
pub fn along_line(
    line: &[[f64; 2]],
    size: [f64; 2],
    gap: f64,
    step: f64,
    fits: &mut dyn FnMut(&AlongLine) -> bool,
) -> Option<AlongLine> {
    if line.len() < 2 || size[0] <= 0.0 || step <= 0.0 {
        return None;
    }
    let mut cum = Vec::with_capacity(line.len());
    let mut total = 0.0;
    cum.push(0.0);
    for w in line.windows(2) {
        total += ((w[1][0] - w[0][0]).powi(2) + (w[1][1] - w[0][1]).powi(2)).sqrt();
        cum.push(total);
    }
    let w = size[0];
    if total < w {
        return None;
    }
    let middle = (total - w) / 2.0;
    let tries = (middle / step).floor() as i64;
    let starts = std::iter::once(middle)
        .chain((1..=tries).flat_map(|k| [middle - k as f64 * step, middle + k as f64 * step]));
    for s in starts {
        let (a, ia) = point_at(line, &cum, s);
        let (b, ib) = point_at(line, &cum, s + w);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let chord = (dx * dx + dy * dy).sqrt();
        // A stretch that bends back on itself carries no name.
        if chord < 0.9 * w {
            continue;
        }
        let (mut ux, mut uy) = (dx / chord, dy / chord);
        if ux < 0.0 {
            (ux, uy) = (-ux, -uy);
        }
        let angle = uy.atan2(ux);
        if angle.abs() > ALONG_STEEPEST {
            continue;
        }
        // The stretch's points off the chord, on each side.
        let (nx, ny) = (-uy, ux);
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for p in line[ia..ib].iter() {
            let d = (p[0] - a[0]) * nx + (p[1] - a[1]) * ny;
            lo = lo.min(d);
            hi = hi.max(d);
        }
        if hi - lo > along_tolerance(size[1]) {
            continue;
        }
        // The stretch extended by the box's half-height: the line runs on beyond the text.
        let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
        for (sign, edge) in [(1.0, hi), (-1.0, lo)] {
            let off = edge + sign * (gap + size[1] / 2.0);
            let cand = AlongLine {
                centre: [mid[0] + nx * off, mid[1] + ny * off],
                angle,
                size,
            };
            if fits(&cand) {
                return Some(cand);
            }
        }
    }
    None
}

/// Whether two placed boxes, each straight (angle 0) or along a line, overlap (separating
/// axes of the two rectangles).
pub fn boxes_overlap(a: &AlongLine, b: &AlongLine) -> bool {
    let ca = a.corners();
    let cb = b.corners();
    let axes = [a.axes().0, a.axes().1, b.axes().0, b.axes().1];
    !axes.iter().any(|ax| {
        let proj = |c: &[[f64; 2]; 4]| {
            c.iter()
                .map(|p| p[0] * ax[0] + p[1] * ax[1])
                .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
        };
        let (a0, a1) = proj(&ca);
        let (b0, b1) = proj(&cb);
        a1 <= b0 || b1 <= a0
    })
}

/// A straight label's rectangle as a box (angle 0).
pub fn straight(r: &Rect) -> AlongLine {
    AlongLine {
        centre: [(r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0],
        angle: 0.0,
        size: [r[2] - r[0], r[3] - r[1]],
    }
}

/// The Military Demarcation Line's name in a language, on lines short enough to lie along
/// it ("approximate": the bundled line is a simplified trace).
pub fn mdl_name(lang: crate::model::Lang) -> String {
    mdl_names(lang)[0].clone()
}

/// The MDL's name in three forms, longest first: in full on two lines (along the line from
/// about zoom 7.5), the same on narrower lines (from about 6.5–7), and its short name (from
/// about 5.5–6, where the line is 60–80 px long on screen; the legend gives it in full).
/// With [`MDL_MIN_ZOOMS`], the zoom each is tried from.
pub fn mdl_names(lang: crate::model::Lang) -> [String; 3] {
    use crate::model::Lang;
    let (en, en_narrow, en_short) = (
        "Military Demarcation Line\n(approximate)",
        "Military\nDemarcation Line\n(approximate)",
        "MDL",
    );
    let (ko, ko_narrow, ko_short) = (
        "군사분계선 (대략적 위치)",
        "군사분계선\n(대략적 위치)",
        "군사분계선",
    );
    match lang {
        Lang::En => [en.into(), en_narrow.into(), en_short.into()],
        Lang::Ko => [ko.into(), ko_narrow.into(), ko_short.into()],
        Lang::Both => [
            format!("Military Demarcation Line (approximate)\n{ko}"),
            format!("Military Demarcation\nLine (approximate)\n{ko_narrow}"),
            format!("{en_short}\n{ko_short}"),
        ],
    }
}

/// The zoom from which each of [`mdl_names`]'s forms is tried.
pub const MDL_MIN_ZOOMS: [f64; 3] = [7.0, 6.5, 5.5];

/// Places the first of a name's forms (their sizes, longest first) that fits along
/// `lines` (see [`place_along`]): which form, and where.
pub fn place_first_along(
    lines: &[Vec<[f64; 2]>],
    sizes: &[[f64; 2]],
    bounds: Rect,
    obstacles: &[Rect],
    side: Side,
    ground: &dyn Fn([f64; 2]) -> Ground,
) -> Option<(usize, AlongLine)> {
    sizes.iter().enumerate().find_map(|(i, size)| {
        place_along(lines, *size, bounds, obstacles, side, ground).map(|b| (i, b))
    })
}

/// Spacing (pixels) of the points of a name along a line tested against the ground.
pub const ALONG_SIDE_STEP_PX: f64 = 2.0;

/// The part of a name's box its letters cover (as [`crate::labels::text_box`]: the halo's
/// room and the space above and below the letters left out).
pub fn letters(b: &AlongLine) -> AlongLine {
    AlongLine {
        size: [(b.size[0] - 4.0).max(1.0), b.size[1] * 0.6],
        ..*b
    }
}

/// Whether a name along a line keeps its side (its letters tested at points
/// [`ALONG_SIDE_STEP_PX`] apart).
pub fn keeps_side_along(side: Side, b: &AlongLine, ground: &dyn Fn([f64; 2]) -> Ground) -> bool {
    let t = letters(b);
    side.allows(
        ground(t.centre),
        t.points(ALONG_SIDE_STEP_PX).into_iter().map(ground),
    )
}

/// Places a name along the first of `lines` (pixels) that has room: inside `bounds`, clear
/// of `obstacles` (panels, markers), on its `side` of borders and coasts.
pub fn place_along(
    lines: &[Vec<[f64; 2]>],
    size: [f64; 2],
    bounds: Rect,
    obstacles: &[Rect],
    side: Side,
    ground: &dyn Fn([f64; 2]) -> Ground,
) -> Option<AlongLine> {
    let others: Vec<AlongLine> = obstacles.iter().map(straight).collect();
    let mut by_length: Vec<&Vec<[f64; 2]>> = lines.iter().collect();
    let length = |l: &[[f64; 2]]| {
        l.windows(2)
            .map(|w| ((w[1][0] - w[0][0]).powi(2) + (w[1][1] - w[0][1]).powi(2)).sqrt())
            .sum::<f64>()
    };
    by_length.sort_by(|a, b| length(b).total_cmp(&length(a)));
    by_length.into_iter().find_map(|line| {
        along_line(line, size, 2.0, 6.0, &mut |c| {
            let r = c.bounds();
            r[0] >= bounds[0]
                && r[1] >= bounds[1]
                && r[2] <= bounds[2]
                && r[3] <= bounds[3]
                && !others.iter().any(|o| boxes_overlap(c, o))
                && keeps_side_along(side, c, ground)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist_to_line(p: [f64; 2], line: &[[f64; 2]]) -> f64 {
        line.windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))
                    .clamp(0.0, 1.0);
                ((a[0] + dx * t - p[0]).powi(2) + (a[1] + dy * t - p[1]).powi(2)).sqrt()
            })
            .fold(f64::MAX, f64::min)
    }

    #[test]
    fn a_name_lies_parallel_to_a_sloping_line_and_clear_of_it() {
        // A line rising 30° to the right on screen (y down: up means negative y).
        let a = 30f64.to_radians();
        let line: Vec<[f64; 2]> = (0..=40)
            .map(|i| [i as f64 * 10.0 * a.cos(), -(i as f64) * 10.0 * a.sin()])
            .collect();
        let got = along_line(&line, [120.0, 16.0], 3.0, 8.0, &mut |_| true).unwrap();
        assert!(
            (got.angle + a).abs() < 1e-9,
            "angle {}",
            got.angle.to_degrees()
        );
        // Parallel: every corner the same distance from the line on its side, gap kept.
        for c in got.corners() {
            let d = dist_to_line(c, &line);
            assert!(d >= 3.0 - 1e-6, "corner {c:?} {d:.2} px from the line");
        }
        // Centred on the middle of the line, half a box and the gap off it.
        let d = dist_to_line(got.centre, &line);
        assert!((d - 11.0).abs() < 1e-6, "{d}");
        let mid = line[20];
        let along =
            ((got.centre[0] - mid[0]).powi(2) + (got.centre[1] - mid[1]).powi(2) - d * d).sqrt();
        assert!(along < 1e-3, "{along}");
    }

    #[test]
    fn the_other_side_and_other_stretches_are_tried() {
        let line: Vec<[f64; 2]> = (0..=50).map(|i| [i as f64 * 10.0, 0.0]).collect();
        // Below the line only (y > 0), and only right of x = 300.
        let got = along_line(&line, [100.0, 14.0], 2.0, 10.0, &mut |c| {
            c.centre[1] > 0.0 && c.corners().iter().all(|p| p[0] > 300.0)
        })
        .unwrap();
        assert!((got.centre[1] - 9.0).abs() < 1e-9, "{got:?}");
        assert!(
            got.bounds()[0] > 300.0 && got.bounds()[0] < 315.0,
            "{got:?}"
        );
        // Reads left to right even where the line was drawn right to left.
        let back: Vec<[f64; 2]> = line.iter().rev().copied().collect();
        let got = along_line(&back, [100.0, 14.0], 2.0, 10.0, &mut |_| true).unwrap();
        assert!(got.angle.abs() < 1e-9);
    }

    #[test]
    fn no_name_on_a_bend_a_steep_stretch_or_a_short_line() {
        // A zigzag 20 px tall: no stretch 100 px long is within 4 px of straight.
        let zig: Vec<[f64; 2]> = (0..=40)
            .map(|i| [i as f64 * 10.0, if i % 2 == 0 { 0.0 } else { 20.0 }])
            .collect();
        assert!(along_line(&zig, [100.0, 14.0], 2.0, 5.0, &mut |_| true).is_none());
        let steep: Vec<[f64; 2]> = (0..=40).map(|i| [i as f64, i as f64 * 10.0]).collect();
        assert!(along_line(&steep, [100.0, 14.0], 2.0, 5.0, &mut |_| true).is_none());
        let short = [[0.0, 0.0], [50.0, 0.0]];
        assert!(along_line(&short, [100.0, 14.0], 2.0, 5.0, &mut |_| true).is_none());
    }

    #[test]
    fn boxes_overlap_by_separating_axes() {
        let flat = straight(&[0.0, 0.0, 100.0, 20.0]);
        let tilted = AlongLine {
            centre: [150.0, 10.0],
            angle: 0.5,
            size: [80.0, 16.0],
        };
        // The tilted box reaches x = 150 - 40 cos 0.5 - 8 sin 0.5 ≈ 111: clear.
        assert!(!boxes_overlap(&flat, &tilted));
        let nearer = AlongLine {
            centre: [130.0, 10.0],
            ..tilted
        };
        assert!(boxes_overlap(&flat, &nearer));
        // Diagonal neighbours whose bounding boxes overlap but which do not touch.
        let a = AlongLine {
            centre: [0.0, 0.0],
            angle: std::f64::consts::FRAC_PI_4,
            size: [100.0, 10.0],
        };
        let b = AlongLine {
            centre: [30.0, -30.0],
            ..a
        };
        assert!(overlaps_bounds(&a, &b) && !boxes_overlap(&a, &b));
        // Cover boxes hold every point of the box.
        for p in nearer.points(1.0) {
            assert!(nearer.cover().iter().any(|r| p[0] >= r[0] - 1e-9
                && p[0] <= r[2] + 1e-9
                && p[1] >= r[1] - 1e-9
                && p[1] <= r[3] + 1e-9));
        }
    }

    /// The MDL's name over real views: along the line, on South Korea's side or the sea,
    /// clear of the other names, its letters never on North Korea.
    #[test]
    fn the_mdl_is_named_along_it_on_the_south_side() {
        use crate::atlas::{Atlas, LineKind};
        use crate::labels::{
            MapStyle, TextMeasure, add_always_named, candidates, flat_map_ground, flat_map_sides,
            place, sources,
        };
        use crate::model::Lang;
        use crate::projection::{Lcc, MapKind, Projection};
        use crate::view::ViewSpec;
        use std::collections::HashMap;

        let atlas = Atlas::bundled().unwrap();
        let kor = atlas.country_index("KOR").unwrap() as u16;
        let prk = atlas.country_index("PRK").unwrap() as u16;
        let m = TextMeasure::bundled();
        let size = [1280.0, 800.0];
        let proj = Lcc::atlas();
        let mut named = 0;
        for (center, zoom) in [
            ([127.3, 38.2], 5.5),
            ([127.3, 38.2], 6.0),
            ([127.3, 38.2], 6.5),
            ([127.2, 38.1], 7.0),
            ([127.3, 38.2], 7.5),
            ([126.8, 37.9], 8.0),
            ([127.5, 38.3], 8.5),
            ([127.0, 38.0], 9.0),
        ] {
            for lang in [Lang::En, Lang::Ko, Lang::Both] {
                let view = ViewSpec::At { center, zoom }.resolve(size, &proj);
                let srcs = sources(&atlas, lang, MapStyle::Atlas, &m, &proj);
                let mut c = candidates(&srcs, &view, size);
                let bounds = [0.0, 30.0, size[0], size[1]];
                let ground = flat_map_ground(atlas.ground(MapKind::Regional), &view, size);
                add_always_named(&mut c, &srcs, view.zoom, bounds, &ground);
                let sides = flat_map_sides(atlas.ground(MapKind::Regional), &view, size);
                let lines: Vec<Vec<[f64; 2]>> = atlas
                    .lines
                    .iter()
                    .filter(|l| l.kind == LineKind::Mdl)
                    .flat_map(|l| &l.lonlat)
                    .map(|l| {
                        l.iter()
                            .map(|p| view.to_pixel(proj.project(*p), size))
                            .collect()
                    })
                    .collect();
                // The forms of the name that may show at this zoom, longest first.
                let sizes: Vec<[f64; 2]> = mdl_names(lang)
                    .iter()
                    .zip(MDL_MIN_ZOOMS)
                    .filter(|(_, z)| zoom >= *z)
                    .map(|(text, _)| {
                        let w = m.lines_em(text) * 12.0 + 4.0;
                        [w, (12.0 * 1.3 * text.lines().count() as f64).ceil()]
                    })
                    .collect();
                let got =
                    place_first_along(&lines, &sizes, bounds, &[], Side::HomeOrWater(kor), &ground);
                let h = got.map_or(0.0, |(i, _)| sizes[i][1]);
                // Named from zoom 6 on, in every language (in English from 5.5).
                assert!(
                    got.is_some() || zoom < 6.0 && lang != Lang::En,
                    "{center:?} z{zoom} {lang:?}: the MDL is not named"
                );
                let got = got.map(|(_, b)| b);
                // The other names go round it.
                let covers = got.map(|b| b.cover()).unwrap_or_default();
                let placed = place(&c, bounds, &covers, &HashMap::new(), &sides);
                let rects: Vec<Rect> = placed.iter().map(|p| p.rect).collect();
                let what = format!("{center:?} z{zoom} {lang:?}");
                let Some(b) = got else {
                    continue;
                };
                named += 1;
                for r in &rects {
                    assert!(!boxes_overlap(&b, &straight(r)), "{what}: overlaps {r:?}");
                }
                for p in letters(&b).points(1.0) {
                    let g = ground(p);
                    assert!(
                        g == Ground::Water || g == Ground::Land(kor),
                        "{what}: letter point {p:?} on {g:?} (North Korea is {prk})"
                    );
                }
                // Parallel to the line nearby: the nearest line points on either end of the
                // box lie at about the same distance.
                let line = lines
                    .iter()
                    .min_by(|l1, l2| {
                        dist_to_line(b.centre, l1).total_cmp(&dist_to_line(b.centre, l2))
                    })
                    .unwrap();
                let [tl, tr, br, bl] = b.corners();
                let ends = [
                    dist_to_line([(tl[0] + bl[0]) / 2.0, (tl[1] + bl[1]) / 2.0], line),
                    dist_to_line([(tr[0] + br[0]) / 2.0, (tr[1] + br[1]) / 2.0], line),
                ];
                assert!(
                    (ends[0] - ends[1]).abs() <= along_tolerance(h) + 1.0,
                    "{what}: ends {ends:?} px from the line"
                );
                assert!(
                    ends[0] < h + along_tolerance(h) + 4.0,
                    "{what}: {ends:?} px from the line"
                );
            }
        }
        assert!(named >= 19, "the MDL named in {named} of 24 views");
    }

    fn overlaps_bounds(a: &AlongLine, b: &AlongLine) -> bool {
        let (ra, rb) = (a.bounds(), b.bounds());
        ra[0] < rb[2] && rb[0] < ra[2] && ra[1] < rb[3] && rb[1] < ra[3]
    }
}
