//! The globe: positions on the unit sphere, great circles (interpolation and distance), the
//! globe camera (where it looks from, what is on the visible side, where a place lands on
//! screen), and turning flat map meshes into meshes that follow the curve of the Earth.
//!
//! Axes follow Bevy: y points to the north pole, longitude 0° faces +z, 90°E faces +x.

use super::clip::{bounds, clip_half, clip_polygon, oriented, polygons};
use super::model::LonLat;
use super::projection::Extent;
use super::projection::Projection;
use super::tessellate::{MeshData, densify, earcut_plane};
use super::view::{Insets, MAX_ZOOM, MIN_ZOOM, MapView, km_per_px, zoom_for};

/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point of the unit sphere for a longitude/latitude.
pub fn to_sphere(p: LonLat) -> [f64; 3] {
    let (lon, lat) = (p[0].to_radians(), p[1].to_radians());
    [lat.cos() * lon.sin(), lat.sin(), lat.cos() * lon.cos()]
}

/// Longitude/latitude of a (not necessarily unit) vector.
pub fn to_lonlat(v: [f64; 3]) -> LonLat {
    let r = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt().max(1e-12);
    [
        v[0].atan2(v[2]).to_degrees(),
        (v[1] / r).clamp(-1.0, 1.0).asin().to_degrees(),
    ]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn norm(a: [f64; 3]) -> [f64; 3] {
    let l = dot(a, a).sqrt().max(1e-12);
    [a[0] / l, a[1] / l, a[2] / l]
}

/// Central angle between two places (radians), by the haversine formula
/// `2·asin(√(sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2)))`.
pub fn central_angle(a: LonLat, b: LonLat) -> f64 {
    let (l1, p1) = (a[0].to_radians(), a[1].to_radians());
    let (l2, p2) = (b[0].to_radians(), b[1].to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((l2 - l1) / 2.0).sin().powi(2);
    2.0 * h.sqrt().min(1.0).asin()
}

/// Great-circle distance in km on the mean-radius sphere.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    central_angle(a, b) * EARTH_RADIUS_KM
}

/// The point a fraction `t` of the way from `a` to `b` along the great circle (slerp).
pub fn slerp(a: LonLat, b: LonLat, t: f64) -> LonLat {
    let (pa, pb) = (to_sphere(a), to_sphere(b));
    let w = dot(pa, pb).clamp(-1.0, 1.0).acos();
    if w < 1e-9 {
        return a;
    }
    let (sa, sb) = (((1.0 - t) * w).sin() / w.sin(), (t * w).sin() / w.sin());
    to_lonlat([
        sa * pa[0] + sb * pb[0],
        sa * pa[1] + sb * pb[1],
        sa * pa[2] + sb * pb[2],
    ])
}

/// The place `km` kilometres from `p` on the bearing `bearing_deg` (clockwise from north),
/// along a great circle.
pub fn destination(p: LonLat, bearing_deg: f64, km: f64) -> LonLat {
    let (lon, lat) = (p[0].to_radians(), p[1].to_radians());
    let (b, d) = (bearing_deg.to_radians(), km / EARTH_RADIUS_KM);
    let lat2 = (lat.sin() * d.cos() + lat.cos() * d.sin() * b.cos()).asin();
    let lon2 = lon + (b.sin() * d.sin() * lat.cos()).atan2(d.cos() - lat.sin() * lat2.sin());
    [lon2.to_degrees(), lat2.to_degrees()]
}

/// A circle on the ground: `n` places `radius_km` from `center`, closed (the first again at
/// the end).
pub fn ground_circle(center: LonLat, radius_km: f64, n: usize) -> Vec<LonLat> {
    (0..=n)
        .map(|i| destination(center, 360.0 * i as f64 / n as f64, radius_km))
        .collect()
}

/// A great-circle arc from `a` to `b` as `n + 1` points.
pub fn arc(a: LonLat, b: LonLat, n: usize) -> Vec<LonLat> {
    (0..=n).map(|i| slerp(a, b, i as f64 / n as f64)).collect()
}

/// A line through places, each leg a great circle: its length in km.
pub fn path_km(points: &[LonLat]) -> f64 {
    points.windows(2).map(|w| distance_km(w[0], w[1])).sum()
}

/// A line through places as drawn: each leg a great-circle arc of `n` segments.
pub fn path_arcs(points: &[LonLat], n: usize) -> Vec<LonLat> {
    points.windows(2).flat_map(|w| arc(w[0], w[1], n)).collect()
}

/// Where the globe camera is: the place under the screen centre, the camera's distance from
/// the Earth's centre (in Earth radii), and the vertical field of view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlobeView {
    /// Longitude/latitude under the screen centre.
    pub center: LonLat,
    /// Camera distance from the Earth's centre, in Earth radii (> 1).
    pub distance: f64,
    /// Vertical field of view, radians.
    pub fov: f64,
}

/// Closest and farthest camera distances (Earth radii): about the `korea` view's scale, and
/// the whole Earth with room around it.
pub const MIN_DISTANCE: f64 = 1.25;
/// See [`MIN_DISTANCE`].
pub const MAX_DISTANCE: f64 = 5.0;
/// Field of view of the globe camera (30°).
pub const FOV: f64 = std::f64::consts::PI / 6.0;

/// The share of the view's height the whole Earth's disc takes in the default globe view.
pub const DISC_FILL: f64 = 0.92;

/// The camera distance at which the Earth's disc is `fill` of the view's height: the disc's
/// angular radius is asin(1/d), and the view's half height is fov/2.
pub fn fit_distance(fov: f64, fill: f64) -> f64 {
    1.0 / (fov / 2.0 * fill).sin()
}

impl GlobeView {
    /// The default globe view: Korea and Kursk together, the whole disc in the view with a
    /// margin (never cut by the top bar or the timeline).
    pub fn story() -> GlobeView {
        let (hamhung, kursk) = ([127.54, 39.92], [36.18, 51.73]);
        GlobeView {
            center: slerp(hamhung, kursk, 0.5),
            distance: fit_distance(FOV, DISC_FILL),
            fov: FOV,
        }
    }

    /// Camera position (Earth radius 1).
    pub fn eye(&self) -> [f64; 3] {
        let c = to_sphere(self.center);
        [
            c[0] * self.distance,
            c[1] * self.distance,
            c[2] * self.distance,
        ]
    }

    /// The camera's right and up unit vectors (north is up on screen).
    pub fn basis(&self) -> ([f64; 3], [f64; 3], [f64; 3]) {
        let fwd = norm(to_sphere(self.center).map(|v| -v));
        let mut right = cross(fwd, [0.0, 1.0, 0.0]);
        if dot(right, right) < 1e-12 {
            right = [1.0, 0.0, 0.0];
        }
        let right = norm(right);
        let up = cross(right, fwd);
        (fwd, right, up)
    }

    /// True when a place is on the side of the Earth facing the camera.
    pub fn faces_camera(&self, p: LonLat) -> bool {
        // A point is visible from the eye E when it lies in front of its tangent plane: P·E > 1.
        dot(to_sphere(p), self.eye()) > 1.0 + 1e-6
    }

    /// Screen pixel of a point on or above the sphere (radius `r`), with a perspective camera
    /// like Bevy's; `None` when it is behind the camera.
    pub fn to_pixel_3d(&self, v: [f64; 3], size: [f64; 2]) -> Option<[f64; 2]> {
        let e = self.eye();
        let (fwd, right, up) = self.basis();
        let d = [v[0] - e[0], v[1] - e[1], v[2] - e[2]];
        let z = dot(d, fwd);
        if z <= 1e-6 {
            return None;
        }
        let f = 1.0 / (self.fov / 2.0).tan();
        let aspect = size[0] / size[1];
        let x_ndc = dot(d, right) * f / (z * aspect);
        let y_ndc = dot(d, up) * f / z;
        Some([(x_ndc + 1.0) / 2.0 * size[0], (1.0 - y_ndc) / 2.0 * size[1]])
    }

    /// Screen pixel of a place on the visible side (`None` on the far side).
    pub fn to_pixel(&self, p: LonLat, size: [f64; 2]) -> Option<[f64; 2]> {
        if !self.faces_camera(p) {
            return None;
        }
        self.to_pixel_3d(to_sphere(p), size)
    }

    /// The place under a screen pixel, if the pixel is on the globe.
    pub fn from_pixel(&self, px: [f64; 2], size: [f64; 2]) -> Option<LonLat> {
        let e = self.eye();
        let (fwd, right, up) = self.basis();
        let t = (self.fov / 2.0).tan();
        let aspect = size[0] / size[1];
        let x = (px[0] / size[0] * 2.0 - 1.0) * t * aspect;
        let y = (1.0 - px[1] / size[1] * 2.0) * t;
        let dir = norm([
            fwd[0] + right[0] * x + up[0] * y,
            fwd[1] + right[1] * x + up[1] * y,
            fwd[2] + right[2] * x + up[2] * y,
        ]);
        // Ray–unit-sphere intersection: |e + s·dir|² = 1.
        let b = dot(e, dir);
        let c = dot(e, e) - 1.0;
        let disc = b * b - c;
        if disc < 0.0 {
            return None;
        }
        let s = -b - disc.sqrt();
        Some(to_lonlat([
            e[0] + s * dir[0],
            e[1] + s * dir[1],
            e[2] + s * dir[2],
        ]))
    }

    /// Kilometres per pixel at the screen centre (for sizing things like the flat map).
    pub fn km_per_px(&self, height_px: f64) -> f64 {
        let h = self.distance - 1.0;
        2.0 * h * (self.fov / 2.0).tan() * EARTH_RADIUS_KM / height_px
    }

    /// The camera distance that shows `km_per_px` at the screen centre.
    pub fn distance_for(km_per_px: f64, height_px: f64, fov: f64) -> f64 {
        1.0 + km_per_px * height_px / (EARTH_RADIUS_KM * 2.0 * (fov / 2.0).tan())
    }
}

/// The globe view matching a map view: the place at the middle of the uncovered part of the
/// window stays there, at the same scale.
/// `proj` is the flat map's projection the view is on.
pub fn globe_for(
    view: &MapView,
    size: [f64; 2],
    insets: Insets,
    proj: &impl Projection,
) -> GlobeView {
    let inner = insets.inner(size);
    let middle = view.from_pixel(insets.middle(size), size);
    GlobeView {
        center: proj.unproject(middle),
        distance: GlobeView::distance_for(km_per_px(view.zoom), inner[1], FOV)
            .clamp(MIN_DISTANCE, MAX_DISTANCE),
        fov: FOV,
    }
}

/// The map view matching a globe view (the inverse of [`globe_for`]).
pub fn map_for(g: &GlobeView, size: [f64; 2], insets: Insets, proj: &impl Projection) -> MapView {
    let inner = insets.inner(size);
    insets.recentre(MapView {
        center: proj.project(g.center),
        zoom: zoom_for(g.km_per_px(inner[1])),
    })
}

/// Map zoom levels the globe can show (its distance range), for a viewport `height_px` tall.
pub fn zoom_range(height_px: f64) -> (f64, f64) {
    let z = |d: f64| {
        zoom_for(
            GlobeView {
                center: [0.0, 0.0],
                distance: d,
                fov: FOV,
            }
            .km_per_px(height_px),
        )
    };
    (z(MAX_DISTANCE).max(MIN_ZOOM), z(MIN_DISTANCE).min(MAX_ZOOM))
}

/// Splits triangles of a flat (projected) mesh until no edge is longer than `max_km`, so that,
/// once on the sphere, no triangle cuts through the Earth.
pub fn subdivide(mesh: &MeshData, max_km: f32) -> MeshData {
    let mut out = MeshData {
        positions: mesh.positions.clone(),
        indices: Vec::with_capacity(mesh.indices.len()),
    };
    let mut stack: Vec<[u32; 3]> = mesh
        .indices
        .chunks_exact(3)
        .map(|t| [t[0], t[1], t[2]])
        .collect();
    let len = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    while let Some(t) = stack.pop() {
        let p = t.map(|i| out.positions[i as usize]);
        let e = [len(p[0], p[1]), len(p[1], p[2]), len(p[2], p[0])];
        let (k, longest) = e
            .iter()
            .enumerate()
            .fold((0, 0.0f32), |m, (i, &v)| if v > m.1 { (i, v) } else { m });
        if longest <= max_km {
            out.indices.extend_from_slice(&t);
            continue;
        }
        // Split the longest edge at its midpoint.
        let (a, b, c) = (t[k], t[(k + 1) % 3], t[(k + 2) % 3]);
        let (pa, pb) = (out.positions[a as usize], out.positions[b as usize]);
        let m = out.positions.len() as u32;
        out.positions
            .push([(pa[0] + pb[0]) / 2.0, (pa[1] + pb[1]) / 2.0]);
        stack.push([a, m, c]);
        stack.push([m, b, c]);
    }
    out
}

/// An azimuthal equidistant projection centred on a pole (plane km): distances from the pole
/// are true, and the plane is never farther apart than the sphere (the scale across the
/// radii is at most 1), so a mesh whose edges are short here has short edges on the sphere.
/// It shows the whole globe: the other pole is the circle of radius πR around the centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PolarAzimuthal {
    /// Centred on the south pole (else the north pole).
    pub south: bool,
}

impl Projection for PolarAzimuthal {
    fn project(&self, [lon, lat]: LonLat) -> [f64; 2] {
        let from_pole = if self.south { 90.0 + lat } else { 90.0 - lat };
        let r = from_pole.to_radians() * EARTH_RADIUS_KM;
        let (s, c) = lon.to_radians().sin_cos();
        [r * s, if self.south { r * c } else { -r * c }]
    }

    fn unproject(&self, [x, y]: [f64; 2]) -> LonLat {
        let y = if self.south { y } else { -y };
        let from_pole = (x.hypot(y) / EARTH_RADIUS_KM).to_degrees().min(180.0);
        let lat = if self.south {
            from_pole - 90.0
        } else {
            90.0 - from_pole
        };
        [x.atan2(y).to_degrees(), lat]
    }
}

/// A polygon (longitude/latitude rings, exterior first; edges straight in longitude and
/// latitude, as GeoJSON draws them) as triangles on a sphere of radius `r`, whatever the map
/// projection. Each hemisphere's part is triangulated on a [`PolarAzimuthal`] plane centred
/// on its pole (a disc of radius πR/2, where the scale is between 1 and 1/1.6), in cells of
/// at most [`CELL_KM`] so that no triangle is long, then split until no edge is longer than
/// `max_km`. A polygon around or through a pole, along ±180° or over the whole globe has no
/// seam and no point at infinity there, so the number of triangles is bounded by its
/// vertices and its area on the sphere.
pub fn sphere_polygon(rings: &[Vec<LonLat>], max_km: f32, r: f64) -> (Vec<[f32; 3]>, Vec<u32>) {
    let mut positions = Vec::new();
    let mut indices = Vec::new();
    for south in [false, true] {
        let hemisphere = Extent {
            seam: None,
            south: if south { -90.0 } else { 0.0 },
            north: if south { 0.0 } else { 90.0 },
        };
        let plane = PolarAzimuthal { south };
        for part in clip_polygon(rings, &hemisphere) {
            let flat: Vec<Vec<[f64; 2]>> = part
                .iter()
                .map(|r| densify_ring(r).iter().map(|p| plane.project(*p)).collect())
                .collect();
            let mut mesh = MeshData::default();
            triangulate_in_cells(oriented(&flat), 0, &mut mesh);
            let mesh = subdivide(&mesh, max_km);
            let base = positions.len() as u32;
            positions.extend(sphere_positions(&mesh, &plane, r));
            indices.extend(mesh.indices.into_iter().map(|i| i + base));
        }
    }
    (positions, indices)
}

/// Points along a ring 1° apart, as on the map, but 0.1° along the equator, where the parts
/// of a polygon in the two hemispheres meet: straight on two different planes, their edges
/// there would leave a gap of up to 0.4 km between them at 1°, and leave 4 m at 0.1°.
fn densify_ring(ring: &[LonLat]) -> Vec<LonLat> {
    let mut out = Vec::with_capacity(ring.len());
    for w in ring.windows(2) {
        let step = if w[0][1] == 0.0 && w[1][1] == 0.0 {
            0.1
        } else {
            1.0
        };
        let d = densify(w, step);
        out.extend_from_slice(&d[..d.len() - 1]);
    }
    out.extend(ring.last());
    out
}

/// The largest cell (km) in which [`sphere_polygon`] triangulates a polygon in one go.
pub const CELL_KM: f64 = 1000.0;

/// Triangulates a set of plane rings (interior on their left, see [`oriented`]), cutting
/// it in halves until each piece fits in a [`CELL_KM`] square: triangulating a large
/// polygon in one go gives long thin triangles, each then split along its whole length.
/// (`depth`: halvings so far; 32 of them take the plane down to millimetres.)
fn triangulate_in_cells(set: Vec<Vec<[f64; 2]>>, depth: u32, out: &mut MeshData) {
    let b = bounds(set.iter().flatten());
    let (w, h) = (b[2] - b[0], b[3] - b[1]);
    if w.max(h) <= CELL_KM || depth >= 32 {
        for polygon in polygons(set) {
            out.extend(&earcut_plane(&polygon));
        }
        return;
    }
    let (axis, mid) = if w >= h {
        (0, (b[0] + b[2]) / 2.0)
    } else {
        (1, (b[1] + b[3]) / 2.0)
    };
    for half in [
        clip_half(set.clone(), axis, mid, false),
        clip_half(set, axis, mid, true),
    ] {
        if !half.is_empty() {
            triangulate_in_cells(half, depth + 1, out);
        }
    }
}

/// Positions of a flat mesh (plane km of `proj`) on a sphere of radius `r`.
pub fn sphere_positions(mesh: &MeshData, proj: &impl Projection, r: f64) -> Vec<[f32; 3]> {
    mesh.positions
        .iter()
        .map(|p| {
            let v = to_sphere(proj.unproject([p[0] as f64, p[1] as f64]));
            [(v[0] * r) as f32, (v[1] * r) as f32, (v[2] * r) as f32]
        })
        .collect()
}

/// A line of lon/lat points on a sphere of radius `r`, densified along great circles so it
/// follows the curve (no segment longer than `max_deg`).
pub fn sphere_line(line: &[LonLat], r: f64, max_deg: f64) -> Vec<[f32; 3]> {
    let mut out = Vec::new();
    for w in line.windows(2) {
        let n = (central_angle(w[0], w[1]).to_degrees() / max_deg)
            .ceil()
            .max(1.0) as usize;
        for i in 0..n {
            let v = to_sphere(slerp(w[0], w[1], i as f64 / n as f64));
            out.push([(v[0] * r) as f32, (v[1] * r) as f32, (v[2] * r) as f32]);
        }
    }
    if let Some(last) = line.last() {
        let v = to_sphere(*last);
        out.push([(v[0] * r) as f32, (v[1] * r) as f32, (v[2] * r) as f32]);
    }
    out
}

/// Kilometres in a degree of latitude on the mean-radius sphere.
const KM_PER_DEGREE: f64 = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;

/// A line on the Earth cut into dashes `on_km` long every `period_km`, the rhythm running on
/// along the whole line: cut in a plane true to scale about the line's middle latitude, so
/// for lines a few hundred kilometres long (the MDL) the dashes are the right length to well
/// under 1%.
pub fn dashes_on_earth(line: &[LonLat], period_km: f64, on_km: f64) -> Vec<Vec<LonLat>> {
    if line.len() < 2 {
        return Vec::new();
    }
    let lat0 = line.iter().map(|p| p[1]).sum::<f64>() / line.len() as f64;
    let k = lat0.to_radians().cos().max(0.01) * KM_PER_DEGREE;
    let plane: Vec<[f32; 2]> = line
        .iter()
        .map(|p| [(p[0] * k) as f32, (p[1] * KM_PER_DEGREE) as f32])
        .collect();
    crate::tessellate::dashes(&plane, period_km as f32, on_km as f32)
        .into_iter()
        .map(|d| {
            d.into_iter()
                .map(|q| [f64::from(q[0]) / k, f64::from(q[1]) / KM_PER_DEGREE])
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::Lcc;
    use crate::tessellate::triangulate;

    const SEOUL: LonLat = [126.978, 37.5665];
    const MOSCOW: LonLat = [37.6173, 55.7558];

    #[test]
    fn seoul_to_moscow_is_about_6600_km() {
        // Reference computed here with the haversine formula on the IUGG mean radius
        // (6371.0088 km): 6605.5 km (pyproj's WGS 84 geodesic gives 6622.4 km).
        let d = distance_km(SEOUL, MOSCOW);
        assert!((d - 6605.5).abs() < 1.0, "{d}");
        assert!((d - 6600.0).abs() / 6600.0 < 0.005, "{d}");
        // Hamhung to Kursk: "about 6,700 km".
        assert!((distance_km([127.54, 39.92], [36.18, 51.73]) - 6727.0).abs() < 5.0);
    }

    #[test]
    fn great_circle_interpolation_stays_on_the_circle() {
        let mid = slerp(SEOUL, MOSCOW, 0.5);
        let (a, b) = (distance_km(SEOUL, mid), distance_km(mid, MOSCOW));
        assert!((a - b).abs() < 1e-6 && (a + b - distance_km(SEOUL, MOSCOW)).abs() < 1e-6);
        // The great circle from Seoul to Moscow bends north of both ends' latitudes.
        assert!(mid[1] > 55.7558, "{mid:?}");
        let pts = arc(SEOUL, MOSCOW, 10);
        assert_eq!(pts.len(), 11);
        assert!((pts[0][0] - SEOUL[0]).abs() < 1e-9 && (pts[10][1] - MOSCOW[1]).abs() < 1e-9);
        // Round trip through the sphere.
        let back = to_lonlat(to_sphere([127.5, 39.9]));
        assert!((back[0] - 127.5).abs() < 1e-9 && (back[1] - 39.9).abs() < 1e-9);
    }

    #[test]
    fn far_side_is_culled_and_the_centre_is_mid_screen() {
        let v = GlobeView {
            center: [127.5, 38.0],
            distance: 3.0,
            fov: FOV,
        };
        let size = [1280.0, 800.0];
        let c = v.to_pixel([127.5, 38.0], size).unwrap();
        assert!((c[0] - 640.0).abs() < 1e-6 && (c[1] - 400.0).abs() < 1e-6);
        // North is up, east is right.
        let n = v.to_pixel([127.5, 45.0], size).unwrap();
        let e = v.to_pixel([135.0, 38.0], size).unwrap();
        assert!(n[1] < 400.0 && e[0] > 640.0);
        // The antipode and places 100° away are hidden; 60° away is shown.
        assert!(v.to_pixel([-52.5, -38.0], size).is_none());
        assert!(!v.faces_camera([27.5, 38.0]));
        assert!(v.faces_camera([67.5, 38.0]));
        // from_pixel inverts to_pixel on the globe, and misses off it.
        let ll = v.from_pixel(n, size).unwrap();
        assert!((ll[0] - 127.5).abs() < 1e-6 && (ll[1] - 45.0).abs() < 1e-6);
        assert!(v.from_pixel([2.0, 2.0], size).is_none());
        // Scale round trip.
        let k = v.km_per_px(800.0);
        assert!((GlobeView::distance_for(k, 800.0, FOV) - 3.0).abs() < 1e-9);
    }

    #[test]
    fn dashes_on_the_earth_are_as_long_as_asked() {
        // The MDL's run, west to east, about 240 km.
        let line: Vec<LonLat> = (0..=200)
            .map(|i| {
                let t = i as f64 / 200.0;
                [126.1 + 2.4 * t, 37.75 + 0.85 * t + 0.1 * (t * 9.0).sin()]
            })
            .collect();
        let (period, on) = (16.0, 9.6);
        let d = dashes_on_earth(&line, period, on);
        let total = path_km(&line);
        assert!(
            (d.len() as f64 - (total / period).ceil()).abs() <= 1.0,
            "{} dashes along {total:.0} km",
            d.len()
        );
        // Every dash but the last is `on` long, measured on the sphere.
        for dash in &d[..d.len() - 1] {
            let len = path_km(dash);
            assert!((len - on).abs() < on * 0.01, "a dash of {len:.3} km");
        }
        // And they start a period apart.
        let gap = distance_km(d[0][0], d[1][0]);
        assert!((gap - period).abs() < 0.3, "dashes {gap:.2} km apart");
    }

    #[test]
    fn the_story_view_shows_korea_and_kursk() {
        let v = GlobeView::story();
        let size = [1280.0, 800.0];
        for p in [
            [127.54, 39.92],
            [36.18, 51.73],
            [131.87, 43.1],
            [37.62, 55.75],
        ] {
            let px = v.to_pixel(p, size).expect("on the visible side");
            assert!(
                px[0] > 0.0 && px[0] < size[0] && px[1] > 0.0 && px[1] < size[1],
                "{p:?} {px:?}"
            );
        }
        // The whole disc shows, a margin round it: the pixels on the view's edges all miss
        // the Earth, and the disc's top and bottom lie within DISC_FILL of the height.
        for i in 0..=100 {
            let f = i as f64 / 100.0;
            for px in [
                [f * size[0], 0.5],
                [f * size[0], size[1] - 0.5],
                [0.5, f * size[1]],
                [size[0] - 0.5, f * size[1]],
            ] {
                assert!(v.from_pixel(px, size).is_none(), "the Earth at {px:?}");
            }
        }
        let column = |y: f64| v.from_pixel([size[0] / 2.0, y], size).is_some();
        let top = (0..800).find(|&y| column(y as f64)).unwrap() as f64;
        let bottom = (0..800).rev().find(|&y| column(y as f64)).unwrap() as f64;
        let fill = (bottom - top) / size[1];
        assert!((fill - DISC_FILL).abs() < 0.02, "the disc fills {fill:.3}");
    }

    #[test]
    fn map_and_globe_views_convert_both_ways() {
        // On either flat map (the region's conic and the world map).
        for proj in crate::projection::MapKind::ALL.map(|k| k.projection()) {
            views_convert_both_ways(&proj);
        }
    }

    fn views_convert_both_ways(proj: &crate::projection::MapProjection) {
        let size = [1280.0, 800.0];
        let insets = Insets([40.0, 300.0, 120.0, 0.0]);
        let inner = insets.inner(size);
        let (lo, hi) = zoom_range(inner[1]);
        for (lonlat, zoom) in [
            ([127.5, 39.0], 5.0),
            ([36.18, 51.73], 4.2),
            ([100.0, 50.0], lo),
        ] {
            // A view whose uncovered middle shows `lonlat`.
            let view = insets.recentre(MapView {
                center: proj.project(lonlat),
                zoom,
            });
            let g = globe_for(&view, size, insets, proj);
            assert!(
                (g.center[0] - lonlat[0]).abs() < 1e-6 && (g.center[1] - lonlat[1]).abs() < 1e-6,
                "{g:?}"
            );
            assert!((MIN_DISTANCE..=MAX_DISTANCE).contains(&g.distance));
            // Same scale: the globe's km per pixel at its centre is the map's.
            assert!((g.km_per_px(inner[1]) / km_per_px(zoom) - 1.0).abs() < 1e-9);
            let back = map_for(&g, size, insets, proj);
            assert!((back.zoom - zoom).abs() < 1e-9, "{} vs {zoom}", back.zoom);
            let middle = back.from_pixel(insets.middle(size), size);
            let m = proj.unproject(middle);
            assert!(
                (m[0] - lonlat[0]).abs() < 1e-6 && (m[1] - lonlat[1]).abs() < 1e-6,
                "{m:?}"
            );
            assert!((back.center[0] - view.center[0]).abs() < 1e-6);
            assert!((back.center[1] - view.center[1]).abs() < 1e-6);
        }
        // Zooms beyond the globe's distances are clamped to them.
        let far = globe_for(
            &MapView {
                center: [0.0, 0.0],
                zoom: MIN_ZOOM,
            },
            size,
            Insets::default(),
            proj,
        );
        assert_eq!(far.distance, MAX_DISTANCE);
        assert!(lo < hi && lo >= MIN_ZOOM && hi <= MAX_ZOOM, "{lo} {hi}");
        // The range's ends are the camera's distance limits.
        let at = |zoom: f64| {
            globe_for(
                &MapView {
                    center: [0.0, 0.0],
                    zoom,
                },
                [800.0, inner[1]],
                Insets::default(),
                proj,
            )
            .distance
        };
        assert!((at(hi) - MIN_DISTANCE).abs() < 1e-9, "{}", at(hi));
        if lo > MIN_ZOOM {
            assert!((at(lo) - MAX_DISTANCE).abs() < 1e-9, "{}", at(lo));
        }
    }

    #[test]
    fn subdivided_meshes_keep_their_area_and_short_edges() {
        let proj = Lcc::atlas();
        let ring = vec![
            [60.0, 50.0],
            [120.0, 50.0],
            [120.0, 70.0],
            [60.0, 70.0],
            [60.0, 50.0],
        ];
        let m = triangulate(&[ring], &proj);
        let s = subdivide(&m, 200.0);
        assert!((s.area() - m.area()).abs() / m.area() < 1e-4);
        assert!(s.indices.len() > m.indices.len() * 10);
        for t in s.indices.chunks_exact(3) {
            for k in 0..3 {
                let (a, b) = (
                    s.positions[t[k] as usize],
                    s.positions[t[(k + 1) % 3] as usize],
                );
                assert!((a[0] - b[0]).hypot(a[1] - b[1]) <= 200.0 + 1e-3);
            }
        }
        // On the sphere every vertex has radius r.
        for p in sphere_positions(&s, &proj, 1.0) {
            let r = (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt();
            assert!((r - 1.0).abs() < 1e-5);
        }
        let l = sphere_line(&[[0.0, 0.0], [90.0, 0.0]], 1.01, 1.0);
        assert_eq!(l.len(), 91);
    }

    #[test]
    fn a_ground_circle_is_its_radius_from_the_centre() {
        let c = [127.54, 39.92];
        let ring = ground_circle(c, 300.0, 36);
        assert_eq!(ring.len(), 37);
        for p in &ring {
            assert!((distance_km(c, *p) - 300.0).abs() < 1e-6, "{p:?}");
        }
        // Due north 300 km is 2.70° of latitude (300 / 111.19).
        let n = destination(c, 0.0, 300.0);
        assert!(
            (n[1] - c[1] - 2.698).abs() < 1e-3 && (n[0] - c[0]).abs() < 1e-9,
            "{n:?}"
        );
    }
}
