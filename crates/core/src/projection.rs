//! Map projections: a Lambert conformal conic for the flat map.
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
