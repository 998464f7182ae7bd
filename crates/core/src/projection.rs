//! Map projections: a Lambert conformal conic for the flat map of the region, and the Equal
//! Earth projection for the whole world when the flat map is zoomed out ([`MapKind`]).
//!
//! Why this projection: the map spans 20°E–192°E and 25°N–78°N, a wide band of mid and high
//! latitudes. A conic with standard parallels 30°N and 60°N keeps scale error within a few
//! percent across that band and is conformal, so shapes (the peninsula, coastlines) look right
//! locally, while meridians converge as on a globe, so Russia is not stretched sideways the
//! way it is on Mercator or plain longitude/latitude. It is the usual choice for atlases of
//! northern Asia. The central meridian, 105°E, is the middle of the region; the seam of the
//! projection lies at 75°W, far outside it, so shapes crossing ±180° stay continuous.

use super::model::LonLat;

/// Earth radius used by the map (kilometres, spherical).
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Something that maps longitude/latitude to plane coordinates (kilometres) and back.
pub trait Projection {
    /// Longitude/latitude in degrees → x, y in kilometres.
    fn project(&self, p: LonLat) -> [f64; 2];
    /// x, y in kilometres → longitude/latitude in degrees.
    fn unproject(&self, xy: [f64; 2]) -> LonLat;
    /// The part of the globe this projection shows sensibly: shapes are clipped to it (in
    /// longitude/latitude) before they are projected. The default is the whole globe.
    fn extent(&self) -> Extent {
        Extent::WHOLE
    }
    /// The place at a point of the plane if it is on the Earth: its longitude/latitude
    /// project back to within 1 km of the point (outside the world map's outline they do
    /// not, or are not numbers).
    fn unproject_on_earth(&self, xy: [f64; 2]) -> Option<LonLat> {
        let ll = self.unproject(xy);
        let back = self.project(ll);
        (ll[0].is_finite()
            && ll[1].is_finite()
            && (back[0] - xy[0]).abs() <= 1.0
            && (back[1] - xy[1]).abs() <= 1.0)
            .then_some(ll)
    }
}

/// Where a projection can draw: a band of latitudes, and the meridian where it tears apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    /// The meridian (degrees) where the plane is cut: the two sides of it are drawn at
    /// opposite edges of the map, so shapes are cut along it. `None`: no cut.
    pub seam: Option<f64>,
    /// Southernmost latitude shown (degrees).
    pub south: f64,
    /// Northernmost latitude shown (degrees).
    pub north: f64,
}

impl Extent {
    /// The whole globe, no seam.
    pub const WHOLE: Extent = Extent {
        seam: None,
        south: -90.0,
        north: 90.0,
    };
}

/// Spherical Lambert conformal conic.
#[derive(Debug, Clone, Copy)]
pub struct Lcc {
    lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
    /// The latitudes it shows (see [`Lcc::extent`]).
    south: f64,
    north: f64,
}

impl Lcc {
    /// A conic with origin (`lon0`, `lat0`) and standard parallels `lat1`, `lat2` (degrees).
    pub fn new(lon0: f64, lat0: f64, lat1: f64, lat2: f64) -> Self {
        let (p0, p1, p2) = (lat0.to_radians(), lat1.to_radians(), lat2.to_radians());
        let t = |p: f64| (std::f64::consts::FRAC_PI_4 + p / 2.0).tan();
        let n = (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln();
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = EARTH_RADIUS_KM * f / t(p0).powf(n);
        // The pole on the far side of the cone is at infinity and the scale factor grows
        // without bound towards it: show latitudes up to a quarter turn past the standard
        // parallel nearer that pole (60°S for the atlas, where the scale is about 6.6).
        let (south, north) = if n >= 0.0 {
            ((lat1.min(lat2) - 90.0).max(-90.0), 90.0)
        } else {
            (-90.0, (lat1.max(lat2) + 90.0).min(90.0))
        };
        Lcc {
            lon0,
            n,
            f,
            rho0,
            south,
            north,
        }
    }

    /// The projection of the Dateline map.
    pub fn atlas() -> Self {
        Lcc::new(105.0, 45.0, 30.0, 60.0)
    }
}

impl Projection for Lcc {
    fn project(&self, [lon, lat]: LonLat) -> [f64; 2] {
        let lat = lat.clamp(-89.9, 89.9).to_radians();
        let dlon = (lon - self.lon0 + 180.0).rem_euclid(360.0) - 180.0;
        let rho =
            EARTH_RADIUS_KM * self.f / (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().powf(self.n);
        let theta = self.n * dlon.to_radians();
        [rho * theta.sin(), self.rho0 - rho * theta.cos()]
    }

    fn unproject(&self, [x, y]: [f64; 2]) -> LonLat {
        let dy = self.rho0 - y;
        let rho = self.n.signum() * (x * x + dy * dy).sqrt();
        let theta = (x * self.n.signum()).atan2(dy * self.n.signum());
        let lat = 2.0 * (EARTH_RADIUS_KM * self.f / rho).powf(1.0 / self.n).atan()
            - std::f64::consts::FRAC_PI_2;
        [self.lon0 + (theta / self.n).to_degrees(), lat.to_degrees()]
    }

    /// Latitudes from 60°S (for the atlas) to the pole, cut at the meridian opposite the
    /// central one (75°W for the atlas).
    fn extent(&self) -> Extent {
        Extent {
            seam: Some(self.lon0 + 180.0),
            south: self.south,
            north: self.north,
        }
    }
}

/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, with
/// straight parallels and curved meridians, made for world maps. Used for the flat map when
/// it shows the whole Earth (see [`MapKind`]).
///
/// Why this one for the world: areas are true (Africa is not dwarfed by Greenland as on
/// Mercator), the shapes of continents stay recognisable, and its outline is the familiar
/// rounded world map. Pacific-centred on 150°E as world maps in Korean classrooms are: Korea
/// and the region of the news lie left of the middle, the Americas whole on the right, and
/// the seam runs at 30°W through the Atlantic (Greenland's east coast lies across it).
#[derive(Debug, Clone, Copy)]
pub struct EqualEarth {
    lon0: f64,
}

const EE_A1: f64 = 1.340264;
const EE_A2: f64 = -0.081106;
const EE_A3: f64 = 0.000893;
const EE_A4: f64 = 0.003796;

impl EqualEarth {
    /// Equal Earth centred on `lon0` (degrees).
    pub fn new(lon0: f64) -> Self {
        EqualEarth { lon0 }
    }

    /// The world map of Dateline: centred on 150°E.
    pub fn atlas() -> Self {
        EqualEarth::new(150.0)
    }
}

impl Projection for EqualEarth {
    fn project(&self, [lon, lat]: LonLat) -> [f64; 2] {
        let m = 3f64.sqrt() / 2.0;
        let lam = ((lon - self.lon0 + 180.0).rem_euclid(360.0) - 180.0).to_radians();
        let th = (m * lat.clamp(-90.0, 90.0).to_radians().sin()).asin();
        let (t2, t6) = (th * th, th.powi(6));
        let x = 2.0 * 3f64.sqrt() * lam * th.cos()
            / (3.0 * (9.0 * EE_A4 * t6 * t2 + 7.0 * EE_A3 * t6 + 3.0 * EE_A2 * t2 + EE_A1));
        let y = th * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
        [EARTH_RADIUS_KM * x, EARTH_RADIUS_KM * y]
    }

    fn unproject(&self, [x, y]: [f64; 2]) -> LonLat {
        let m = 3f64.sqrt() / 2.0;
        let (x, y) = (x / EARTH_RADIUS_KM, y / EARTH_RADIUS_KM);
        // θ by Newton's method on y(θ); y is monotonic, so it converges from θ = y.
        let mut th = y;
        for _ in 0..12 {
            let (t2, t6) = (th * th, th.powi(6));
            let f = th * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2)) - y;
            let df = EE_A1 + 3.0 * EE_A2 * t2 + t6 * (7.0 * EE_A3 + 9.0 * EE_A4 * t2);
            let d = f / df;
            th -= d;
            if d.abs() < 1e-12 {
                break;
            }
        }
        let th = th.clamp(-FRAC_PI_3_ASIN, FRAC_PI_3_ASIN);
        let (t2, t6) = (th * th, th.powi(6));
        let df = EE_A1 + 3.0 * EE_A2 * t2 + t6 * (7.0 * EE_A3 + 9.0 * EE_A4 * t2);
        let lam = 3.0 * x * df / (2.0 * 3f64.sqrt() * th.cos());
        let lat = ((th.sin() / m).clamp(-1.0, 1.0)).asin();
        [self.lon0 + lam.to_degrees(), lat.to_degrees()]
    }

    /// The whole globe, cut at the meridian opposite the central one (30°W for the atlas).
    fn extent(&self) -> Extent {
        Extent {
            seam: Some(self.lon0 + 180.0),
            south: -90.0,
            north: 90.0,
        }
    }
}

/// θ at the poles: asin(√3/2) = π/3.
const FRAC_PI_3_ASIN: f64 = std::f64::consts::FRAC_PI_3;

/// Which flat map is drawn: the region's conic, or the world. The flat map is the conic
/// while it shows part of the Earth (the Korea and region views and closer) and the world
/// map when it is zoomed out to the whole Earth, where a conic tears the southern
/// hemisphere apart. The choice follows how much of the Earth the window spans
/// ([`MapKind::for_span`]), so it does not depend on the window's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MapKind {
    /// The Lambert conic of the region ([`Lcc::atlas`]).
    #[default]
    Regional,
    /// The Equal Earth world map ([`EqualEarth::atlas`]).
    World,
}

impl MapKind {
    /// Both kinds.
    pub const ALL: [MapKind; 2] = [MapKind::Regional, MapKind::World];

    /// The window spans more than this (km across its longer side): the world map.
    pub const WORLD_FROM_KM: f64 = 20_000.0;
    /// The window spans less than this: the conic. Between the two the kind stays as it is,
    /// so a zoom that hovers about the change does not flip between them.
    pub const REGIONAL_BELOW_KM: f64 = 17_000.0;

    /// The projection of this kind.
    pub fn projection(self) -> MapProjection {
        match self {
            MapKind::Regional => MapProjection::Regional(Lcc::atlas()),
            MapKind::World => MapProjection::World(EqualEarth::atlas()),
        }
    }

    /// The kind for a window that spans `span_km` across its longer side, when `now` is shown.
    pub fn for_span(span_km: f64, now: MapKind) -> MapKind {
        if span_km > Self::WORLD_FROM_KM {
            MapKind::World
        } else if span_km < Self::REGIONAL_BELOW_KM {
            MapKind::Regional
        } else {
            now
        }
    }

    /// Its name in the scene description.
    pub fn name(self) -> &'static str {
        match self {
            MapKind::Regional => "Lambert conformal conic (lon0 105°E, parallels 30°N and 60°N)",
            MapKind::World => "Equal Earth (lon0 150°E)",
        }
    }

    /// The kind of this name (see [`MapKind::name`]).
    pub fn from_name(name: &str) -> Option<MapKind> {
        MapKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// A short name for the map's corner (the scale bar): "Lambert conic" or "Equal Earth".
    pub fn short_name(self) -> &'static str {
        match self {
            MapKind::Regional => "Lambert conic",
            MapKind::World => "Equal Earth",
        }
    }
}

/// A flat map's projection, either kind (see [`MapKind`]).
#[derive(Debug, Clone, Copy)]
pub enum MapProjection {
    /// The region's conic.
    Regional(Lcc),
    /// The world map.
    World(EqualEarth),
}

impl MapProjection {
    /// Which kind it is.
    pub fn kind(&self) -> MapKind {
        match self {
            MapProjection::Regional(_) => MapKind::Regional,
            MapProjection::World(_) => MapKind::World,
        }
    }
}

impl Projection for MapProjection {
    fn project(&self, p: LonLat) -> [f64; 2] {
        match self {
            MapProjection::Regional(c) => c.project(p),
            MapProjection::World(w) => w.project(p),
        }
    }

    fn unproject(&self, xy: [f64; 2]) -> LonLat {
        match self {
            MapProjection::Regional(c) => c.unproject(xy),
            MapProjection::World(w) => w.unproject(xy),
        }
    }

    fn extent(&self) -> Extent {
        match self {
            MapProjection::Regional(c) => c.extent(),
            MapProjection::World(w) => w.extent(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_past_the_world_maps_outline_is_off_the_earth() {
        let world = MapKind::World.projection();
        let seoul = world.project([126.978, 37.5665]);
        let ll = world
            .unproject_on_earth(seoul)
            .expect("Seoul is on the Earth");
        assert!((ll[0] - 126.978).abs() < 1e-6 && (ll[1] - 37.5665).abs() < 1e-6);
        // Far above the North Pole's line, and beyond the map's east and west ends.
        assert!(world.unproject_on_earth([0.0, 12_000.0]).is_none());
        assert!(world.unproject_on_earth([40_000.0, 0.0]).is_none());
    }

    // Reference values from PROJ 9 (pyproj): +proj=lcc +lat_1=30 +lat_2=60 +lat_0=45
    // +lon_0=105 +R=6371000 +units=km, computed independently of this code.
    #[test]
    fn projects_known_places_like_proj() {
        let p = Lcc::atlas();
        let cases = [
            ([126.9780, 37.5665], [1865.052136615575, -543.4271715528196]), // Seoul
            ([125.7625, 39.0392], [1723.424777846322, -416.8990353522865]), // Pyongyang
            ([37.6173, 55.7558], [-3667.993980718064, 2802.2177371099997]), // Moscow
            ([190.0, 66.0], [3293.296230865377, 4241.032278230806]),        // Chukotka, past 180°
        ];
        for (ll, want) in cases {
            let got = p.project(ll);
            assert!(
                (got[0] - want[0]).abs() < 1e-6 && (got[1] - want[1]).abs() < 1e-6,
                "{ll:?}: {got:?} vs {want:?}"
            );
        }
    }

    #[test]
    fn minus_170_is_the_same_place_as_190() {
        let p = Lcc::atlas();
        let a = p.project([-170.0, 66.0]);
        let b = p.project([190.0, 66.0]);
        assert!((a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9);
    }

    #[test]
    fn unproject_inverts_project() {
        let p = Lcc::atlas();
        for ll in [[127.0, 37.5], [30.5, 50.45], [150.0, 70.0], [20.0, 25.0]] {
            let back = p.unproject(p.project(ll));
            assert!(
                (back[0] - ll[0]).abs() < 1e-9 && (back[1] - ll[1]).abs() < 1e-9,
                "{ll:?} -> {back:?}"
            );
        }
    }

    // Reference values from PROJ 9 (`proj +proj=eqearth +lon_0=150 +R=6371000 +units=km`),
    // computed independently of this code.
    #[test]
    fn equal_earth_projects_known_places_like_proj() {
        let p = EqualEarth::atlas();
        let cases = [
            ([126.9780, 37.5665], [-1983.697763310, 4660.951666895]), // Seoul
            ([-46.6333, -23.5505], [15023.947207548, -2994.258715134]), // São Paulo
            ([-77.0369, 38.9072], [11365.868473199, 4812.655844325]), // Washington
            ([151.2093, -33.8688], [106.342717175, -4234.700341458]), // Sydney
            ([0.0, -90.0], [-8513.719398515, -8392.918138592]),       // South Pole
        ];
        for (ll, want) in cases {
            let got = p.project(ll);
            assert!(
                (got[0] - want[0]).abs() < 1e-6 && (got[1] - want[1]).abs() < 1e-6,
                "{ll:?}: {got:?} vs {want:?}"
            );
            if ll[1].abs() < 90.0 {
                let back = p.unproject(got);
                // The same meridian, whichever turn of the globe it is given in.
                let dlon = (back[0] - ll[0] + 180.0).rem_euclid(360.0) - 180.0;
                assert!(
                    dlon.abs() < 1e-9 && (back[1] - ll[1]).abs() < 1e-9,
                    "{ll:?} -> {back:?}"
                );
            }
        }
        // The seam: just east of 30°W is the map's left edge, just west of it the right.
        let (w, e) = (p.project([-30.001, 10.0]), p.project([-29.999, 10.0]));
        assert!(w[0] > 17_000.0 && e[0] < -17_000.0, "{w:?} {e:?}");
    }

    #[test]
    fn the_map_kind_follows_the_span_and_does_not_flip_at_the_edge() {
        use MapKind::*;
        assert_eq!(MapKind::for_span(40_000.0, Regional), World);
        assert_eq!(MapKind::for_span(8_000.0, World), Regional);
        // Between the two thresholds the kind shown stays.
        assert_eq!(MapKind::for_span(18_500.0, Regional), Regional);
        assert_eq!(MapKind::for_span(18_500.0, World), World);
        assert_eq!(MapKind::World.projection().kind(), World);
        let (a, b) = (
            MapKind::Regional.projection().project([127.0, 37.5]),
            Lcc::atlas().project([127.0, 37.5]),
        );
        assert_eq!(a, b);
    }
}
