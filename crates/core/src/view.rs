//! Named views, zoom levels and the mapping between the plane and screen pixels.

use super::model::LonLat;
use super::projection::{MapKind, Projection};
use super::tessellate::densify;

/// The region of the news, which the bundled data covers in fine detail (west, south, east,
/// north), degrees. The rest of the Earth is bundled too, at a coarser level of detail.
pub const MAP_BBOX: [f64; 4] = [20.0, 25.0, 192.0, 78.0];
/// What the World view shows: the whole Earth, on the world map ([`MapKind::World`]), from
/// its seam (30°W) round to it again, pole to pole.
pub const WORLD_BBOX: [f64; 4] = [-29.99, -90.0, 329.99, 90.0];
/// The box the camera's centre stays in on the region's conic: every longitude from its
/// seam (75°W) round to it again, down to its last parallel (60°S).
pub const CAMERA_BBOX: [f64; 4] = [-74.5, -60.0, 284.5, 90.0];
/// The whole Korean peninsula with Jeju and Ulleungdo.
pub const KOREA_BBOX: [f64; 4] = [124.0, 33.0, 131.0, 43.1];
/// Ukraine to Japan.
pub const REGION_BBOX: [f64; 4] = [20.0, 30.0, 150.0, 65.0];

/// Zoom limits (web-map zoom levels).
pub const MIN_ZOOM: f64 = 1.5;
/// Closest zoom.
pub const MAX_ZOOM: f64 = 12.0;

/// Kilometres per screen pixel at a web-map zoom level (256-pixel world at zoom 0).
pub fn km_per_px(zoom: f64) -> f64 {
    40_075.016_686 / (256.0 * 2f64.powf(zoom))
}

/// The zoom level at which one pixel is `km` kilometres.
pub fn zoom_for(km: f64) -> f64 {
    (40_075.016_686 / (256.0 * km)).log2()
}

/// Where the map looks: centre in plane kilometres and a zoom level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// Centre of the screen, plane coordinates (km).
    pub center: [f64; 2],
    /// Web-map zoom level.
    pub zoom: f64,
}

impl MapView {
    /// Plane → pixel (origin top-left) for a screen of `size` pixels.
    pub fn to_pixel(&self, xy: [f64; 2], size: [f64; 2]) -> [f64; 2] {
        let s = km_per_px(self.zoom);
        [
            (xy[0] - self.center[0]) / s + size[0] / 2.0,
            size[1] / 2.0 - (xy[1] - self.center[1]) / s,
        ]
    }

    /// Pixel → plane.
    pub fn from_pixel(&self, px: [f64; 2], size: [f64; 2]) -> [f64; 2] {
        let s = km_per_px(self.zoom);
        [
            (px[0] - size[0] / 2.0) * s + self.center[0],
            (size[1] / 2.0 - px[1]) * s + self.center[1],
        ]
    }

    /// The view that fits a lon/lat box into `size` pixels with a margin (fraction per side).
    pub fn fit(bbox: [f64; 4], size: [f64; 2], margin: f64, proj: &impl Projection) -> MapView {
        let [w, s, e, n] = bbox;
        let ring = densify(&[[w, s], [e, s], [e, n], [w, n], [w, s]], 1.0);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in ring {
            let [x, y] = proj.project(p);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let usable = [
            size[0] * (1.0 - 2.0 * margin),
            size[1] * (1.0 - 2.0 * margin),
        ];
        let km = ((x1 - x0) / usable[0].max(1.0)).max((y1 - y0) / usable[1].max(1.0));
        MapView {
            center: [(x0 + x1) / 2.0, (y0 + y1) / 2.0],
            zoom: zoom_for(km).clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }

    /// The lon/lat at the centre of the view.
    pub fn center_lonlat(&self, proj: &impl Projection) -> LonLat {
        proj.unproject(self.center)
    }
}

/// A view as named on the command line.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewSpec {
    /// The whole peninsula.
    Korea,
    /// Ukraine to Japan.
    Region,
    /// The whole Earth the flat map shows (see [`WORLD_BBOX`]).
    World,
    /// A centre and a zoom level.
    At {
        /// Longitude, latitude of the centre.
        center: LonLat,
        /// Zoom level.
        zoom: f64,
    },
}

impl ViewSpec {
    /// Parses `korea`, `region`, `world` or `LON,LAT,ZOOM`.
    pub fn parse(s: &str) -> Result<ViewSpec, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "korea" => return Ok(ViewSpec::Korea),
            "region" => return Ok(ViewSpec::Region),
            "world" => return Ok(ViewSpec::World),
            _ => {}
        }
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        let nums: Option<Vec<f64>> = parts
            .iter()
            .map(|p| p.parse::<f64>().ok().filter(|v| v.is_finite()))
            .collect();
        match nums.as_deref() {
            Some([lon, lat, zoom])
                if lat.abs() <= 90.0
                    && lon.abs() <= 360.0
                    && (MIN_ZOOM..=MAX_ZOOM).contains(zoom) =>
            {
                Ok(ViewSpec::At {
                    center: [*lon, *lat],
                    zoom: *zoom,
                })
            }
            Some([_, _, zoom]) if !(MIN_ZOOM..=MAX_ZOOM).contains(zoom) => Err(format!(
                "zoom {zoom} is out of range; use {MIN_ZOOM} to {MAX_ZOOM}"
            )),
            _ => Err(format!(
                "unknown view \"{s}\"; use korea, region, world or LON,LAT,ZOOM (for example 127.5,38.5,6)"
            )),
        }
    }

    /// The name used in the scene description.
    pub fn name(&self) -> String {
        match self {
            ViewSpec::Korea => "korea".into(),
            ViewSpec::Region => "region".into(),
            ViewSpec::World => "world".into(),
            ViewSpec::At { center, zoom } => format!("{},{},{}", center[0], center[1], zoom),
        }
    }

    /// Which flat map the view is on: the World view on the world map, the Korea and region
    /// views on the conic, a centre and zoom on whichever suits how much of the Earth the
    /// window then spans (see [`MapKind::for_span`]).
    pub fn map_kind(&self, size: [f64; 2]) -> MapKind {
        match self {
            ViewSpec::World => MapKind::World,
            ViewSpec::Korea | ViewSpec::Region => MapKind::Regional,
            ViewSpec::At { zoom, .. } => {
                MapKind::for_span(km_per_px(*zoom) * size[0].max(size[1]), MapKind::Regional)
            }
        }
    }

    /// Resolves to a concrete view on the flat map it belongs on ([`ViewSpec::map_kind`]).
    pub fn resolve_on_its_map(&self, size: [f64; 2], insets: Insets) -> (MapView, MapKind) {
        let kind = self.map_kind(size);
        (self.resolve_in(size, insets, &kind.projection()), kind)
    }

    /// Resolves to a concrete view for a screen size.
    pub fn resolve(&self, size: [f64; 2], proj: &impl Projection) -> MapView {
        self.resolve_in(size, Insets::default(), proj)
    }

    /// Resolves to a view that fits the part of the screen not covered by panels.
    pub fn resolve_in(&self, size: [f64; 2], insets: Insets, proj: &impl Projection) -> MapView {
        let inner = insets.inner(size);
        let fitted = match self {
            ViewSpec::Korea => MapView::fit(KOREA_BBOX, inner, 0.04, proj),
            ViewSpec::Region => MapView::fit(REGION_BBOX, inner, 0.02, proj),
            ViewSpec::World => MapView::fit(WORLD_BBOX, inner, 0.0, proj),
            ViewSpec::At { center, zoom } => MapView {
                center: proj.project(*center),
                zoom: *zoom,
            },
        };
        insets.recentre(fitted)
    }
}

/// Screen space taken by panels, in pixels: top, right, bottom, left.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Insets(pub [f64; 4]);

impl Insets {
    /// The size of the uncovered part of a screen.
    pub fn inner(&self, size: [f64; 2]) -> [f64; 2] {
        let [t, r, b, l] = self.0;
        [(size[0] - l - r).max(50.0), (size[1] - t - b).max(50.0)]
    }

    /// Moves a view fitted to the uncovered part so that its centre shows in the middle of
    /// that part, not the middle of the screen.
    pub fn recentre(&self, view: MapView) -> MapView {
        let [t, r, b, l] = self.0;
        let s = km_per_px(view.zoom);
        MapView {
            center: [
                view.center[0] - (l - r) / 2.0 * s,
                view.center[1] + (t - b) / 2.0 * s,
            ],
            zoom: view.zoom,
        }
    }

    /// The pixel at the middle of the uncovered part.
    pub fn middle(&self, size: [f64; 2]) -> [f64; 2] {
        let [t, r, b, l] = self.0;
        [(l + size[0] - r) / 2.0, (t + size[1] - b) / 2.0]
    }
}

/// The plane extent of the map (x0, y0, x1, y1): the camera's centre stays inside it.
pub fn map_bounds(proj: &impl Projection) -> [f64; 4] {
    let x = proj.extent();
    let [w, e] = x
        .seam
        .map_or([-180.0, 180.0], |seam| [seam + 0.5, seam + 359.5]);
    let [s, n] = [x.south, x.north];
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in densify(&[[w, s], [e, s], [e, n], [w, n], [w, s]], 1.0) {
        let [x, y] = proj.project(p);
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    b
}

/// A view showing all these plane points in the uncovered part of the screen, at most
/// `max_zoom` (so a single point is not shown at street level).
pub fn fit_points(
    points: &[[f64; 2]],
    size: [f64; 2],
    insets: Insets,
    max_zoom: f64,
) -> Option<MapView> {
    let first = points.first()?;
    let (mut x0, mut y0, mut x1, mut y1) = (first[0], first[1], first[0], first[1]);
    for p in points {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    let inner = insets.inner(size);
    let km = ((x1 - x0) / (inner[0] * 0.7)).max((y1 - y0) / (inner[1] * 0.7));
    let zoom = if km > 0.0 { zoom_for(km) } else { max_zoom };
    Some(insets.recentre(MapView {
        center: [(x0 + x1) / 2.0, (y0 + y1) / 2.0],
        zoom: zoom.min(max_zoom).clamp(MIN_ZOOM, MAX_ZOOM),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::Lcc;

    #[test]
    fn parses_named_and_numeric_views() {
        assert_eq!(ViewSpec::parse("Korea"), Ok(ViewSpec::Korea));
        assert_eq!(
            ViewSpec::parse("127.5,38.5,6"),
            Ok(ViewSpec::At {
                center: [127.5, 38.5],
                zoom: 6.0
            })
        );
        assert!(ViewSpec::parse("127.5,38.5").is_err());
        assert!(ViewSpec::parse("127.5,95,6").is_err());
        assert!(
            ViewSpec::parse("asia")
                .unwrap_err()
                .contains("korea, region, world")
        );
    }

    #[test]
    fn korea_view_contains_the_peninsula_and_pixels_round_trip() {
        let p = Lcc::atlas();
        let size = [1280.0, 800.0];
        let v = ViewSpec::Korea.resolve(size, &p);
        for ll in [
            [126.978, 37.5665],
            [125.7625, 39.0392],
            [129.0756, 35.1796],
            [129.77, 41.79],
        ] {
            let px = v.to_pixel(p.project(ll), size);
            assert!(
                px[0] > 0.0 && px[0] < size[0] && px[1] > 0.0 && px[1] < size[1],
                "{ll:?} at {px:?}"
            );
            let back = p.unproject(v.from_pixel(px, size));
            assert!((back[0] - ll[0]).abs() < 1e-9 && (back[1] - ll[1]).abs() < 1e-9);
        }
        // Seoul is south of Pyongyang: larger y in pixels.
        let seoul = v.to_pixel(p.project([126.978, 37.5665]), size);
        let pyongyang = v.to_pixel(p.project([125.7625, 39.0392]), size);
        assert!(seoul[1] > pyongyang[1]);
    }

    #[test]
    fn the_world_view_is_on_the_world_map_and_shows_every_continent() {
        use crate::projection::MapKind;
        let size = [1280.0, 800.0];
        let insets = Insets([30.0, 340.0, 132.0, 0.0]);
        let (v, kind) = ViewSpec::World.resolve_on_its_map(size, insets);
        assert_eq!(kind, MapKind::World);
        let (_, k) = ViewSpec::Korea.resolve_on_its_map(size, insets);
        assert_eq!(k, MapKind::Regional);
        assert_eq!(
            ViewSpec::At {
                center: [0.0, 0.0],
                zoom: 2.0
            }
            .map_kind(size),
            MapKind::World
        );
        assert_eq!(
            ViewSpec::At {
                center: [0.0, 0.0],
                zoom: 6.0
            }
            .map_kind(size),
            MapKind::Regional
        );
        // Each continent's far points are inside the uncovered part of the window: Cape
        // Horn, Alaska, Lima (west of the conic's seam), Dakar, Tasmania, the Antarctic
        // Peninsula, Chukotka and Svalbard.
        let p = kind.projection();
        let [t, r, b, l] = insets.0;
        for ll in [
            [-67.3, -55.98],
            [-165.0, 65.0],
            [-77.04, -12.05],
            [-17.45, 14.69],
            [147.3, -42.9],
            [-60.0, -70.0],
            [-175.0, 66.0],
            [15.6, 78.2],
        ] {
            let [x, y] = v.to_pixel(p.project(ll), size);
            assert!(
                x >= l && x <= size[0] - r && y >= t && y <= size[1] - b,
                "{ll:?} at {x:.0},{y:.0}"
            );
        }
        // The world map's camera box is the whole plane of the world map.
        let wb = map_bounds(&p);
        assert!(
            wb[2] - wb[0] > 33_000.0 && wb[3] - wb[1] > 16_000.0,
            "{wb:?}"
        );
    }

    #[test]
    fn map_bounds_hold_the_whole_map_box() {
        struct Plain;
        impl Projection for Plain {
            fn project(&self, p: LonLat) -> [f64; 2] {
                p
            }
            fn unproject(&self, p: [f64; 2]) -> LonLat {
                p
            }
        }
        // No seam: the whole globe.
        assert_eq!(map_bounds(&Plain), [-180.0, -90.0, 180.0, 90.0]);
        let p = Lcc::atlas();
        let b = map_bounds(&p);
        assert!(b[0] < b[2] && b[1] < b[3], "{b:?}");
        let inside =
            |xy: [f64; 2]| (b[0]..=b[2]).contains(&xy[0]) && (b[1]..=b[3]).contains(&xy[1]);
        for ll in [
            [20.0, 25.0],
            [192.0, 78.0],
            [127.5, 38.0],
            [36.18, 51.73],
            [105.0, 25.0],
        ] {
            assert!(inside(p.project(ll)), "{ll:?}");
        }
        // The whole Earth down to 60°S is reachable: Cape Town, Sydney, São Paulo, New York.
        for ll in [
            [18.42, -33.92],
            [151.21, -33.87],
            [-46.63, -23.55],
            [-74.0 + 360.0, 40.71],
        ] {
            assert!(inside(p.project(ll)), "{ll:?}");
        }
        // The south edge is an arc that dips below its corners at the central meridian
        // (105°E): the box follows the densified edge, not only the four corners.
        let low = p.project([105.0, -60.0])[1];
        assert!((b[1] - low).abs() < 1.0, "{} vs {low}", b[1]);
        assert!(b[1] < p.project([20.0, -60.0])[1] && b[1] < p.project([192.0, -60.0])[1]);
    }

    #[test]
    fn zoom_and_scale_are_inverse() {
        for z in [2.0, 5.5, 9.0] {
            assert!((zoom_for(km_per_px(z)) - z).abs() < 1e-12);
        }
        // At zoom 0 the equator (40,075 km) spans 256 pixels.
        assert!((km_per_px(0.0) * 256.0 - 40_075.016_686).abs() < 1e-6);
    }

    #[test]
    fn insets_keep_the_view_centred_in_the_uncovered_part() {
        let proj = Lcc::atlas();
        let size = [1280.0, 800.0];
        let insets = Insets([30.0, 330.0, 120.0, 0.0]);
        let v = ViewSpec::Korea.resolve_in(size, insets, &proj);
        // The peninsula's centre shows in the middle of the uncovered part.
        let mid = insets.middle(size);
        let fitted = MapView::fit(KOREA_BBOX, insets.inner(size), 0.04, &proj);
        let px = v.to_pixel(fitted.center, size);
        assert!(
            (px[0] - mid[0]).abs() < 1.0 && (px[1] - mid[1]).abs() < 1.0,
            "{px:?} {mid:?}"
        );
        // Seoul and Pyongyang are inside the uncovered part.
        for ll in [[126.978, 37.5665], [125.75, 39.03], [129.07, 35.18]] {
            let [x, y] = v.to_pixel(proj.project(ll), size);
            assert!(
                x > 0.0 && x < size[0] - 330.0 && y > 30.0 && y < size[1] - 120.0,
                "{ll:?} at {x},{y}"
            );
        }
        // Fitting points: two cities fit, one point gets the zoom cap.
        let pts = [proj.project([125.75, 39.03]), proj.project([131.87, 43.1])];
        let v = fit_points(&pts, size, insets, 9.0).unwrap();
        for p in pts {
            let [x, y] = v.to_pixel(p, size);
            assert!(x > 0.0 && x < 950.0 && y > 30.0 && y < 680.0);
        }
        assert_eq!(fit_points(&pts[..1], size, insets, 6.5).unwrap().zoom, 6.5);
        assert!(fit_points(&[], size, insets, 6.0).is_none());
    }
}
