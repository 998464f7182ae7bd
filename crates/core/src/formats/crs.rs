//! Coordinate systems a GeoJSON `crs` member names, and their conversion to longitude/latitude.
//!
//! Korean portals publish boundaries in EPSG:5179 (Korea 2000 / Unified CS) or one of the
//! Korean Transverse Mercator belts; other files come in UTM or Web Mercator. Rather than refuse
//! them, the loader converts their positions to WGS 84 with [`Reprojector`]. The definitions
//! are hard-coded PROJ strings (the output of PROJ's `projinfo EPSG:n -o PROJ`), so no EPSG
//! database is shipped. For Korean 1985 (Bessel) systems PROJ has no `+towgs84`: its only
//! transformation, EPSG:5191 "Korean 1985 to WGS 84 (1)", is a Molodensky-Badekas one about a
//! pivot point; [`KOR85`] is the same transformation as a 7-parameter Helmert (the pivot folded
//! into the translation), which agrees with PROJ to under a millimetre on the peninsula.

use proj4rs::proj::Proj;

use crate::model::LonLat;
use crate::problem::Words;
use crate::words;

/// Korean 1985 → WGS 84 as PROJ's `+towgs84` (position-vector convention). From EPSG:5191
/// (tX −145.907, tY 505.034, tZ 685.756 m; rX −1.162, rY 2.347, rZ 1.592″ coordinate frame;
/// scale 6.342 ppm; pivot −3159521.31, 4068151.32, 3748113.85 m): translation T + P − (1+s)·R·P,
/// rotations negated for the position-vector convention.
const KOR85: &str =
    "+ellps=bessel +towgs84=-114.619985,475.962970,675.018329,1.162,-2.347,-1.592,6.342";

/// Korea 2000 (ITRF2000, GRS80): the same as WGS 84 to within a metre, as PROJ has it.
const KGD2002: &str = "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0";

/// A Korean Transverse Mercator belt: `(code, name, central meridian, false northing, datum)`.
type Belt = (u32, &'static str, &'static str, u32, &'static str);

const KOREAN_TM: [Belt; 17] = [
    (5180, "Korea 2000 / West Belt", "125", 500000, KGD2002),
    (5181, "Korea 2000 / Central Belt", "127", 500000, KGD2002),
    (
        5182,
        "Korea 2000 / Central Belt Jeju",
        "127",
        550000,
        KGD2002,
    ),
    (5183, "Korea 2000 / East Belt", "129", 500000, KGD2002),
    (5184, "Korea 2000 / East Sea Belt", "131", 500000, KGD2002),
    (5185, "Korea 2000 / West Belt 2010", "125", 600000, KGD2002),
    (
        5186,
        "Korea 2000 / Central Belt 2010",
        "127",
        600000,
        KGD2002,
    ),
    (5187, "Korea 2000 / East Belt 2010", "129", 600000, KGD2002),
    (
        5188,
        "Korea 2000 / East Sea Belt 2010",
        "131",
        600000,
        KGD2002,
    ),
    (
        5173,
        "Korean 1985 / Modified West Belt",
        "125.002890277778",
        500000,
        KOR85,
    ),
    (
        5174,
        "Korean 1985 / Modified Central Belt",
        "127.002890277778",
        500000,
        KOR85,
    ),
    (
        5175,
        "Korean 1985 / Modified Central Belt Jeju",
        "127.002890277778",
        550000,
        KOR85,
    ),
    (
        5176,
        "Korean 1985 / Modified East Belt",
        "129.002890277778",
        500000,
        KOR85,
    ),
    (
        5177,
        "Korean 1985 / Modified East Sea Belt",
        "131.002890277778",
        500000,
        KOR85,
    ),
    (2096, "Korean 1985 / East Belt", "129", 500000, KOR85),
    (2097, "Korean 1985 / Central Belt", "127", 500000, KOR85),
    (2098, "Korean 1985 / West Belt", "125", 500000, KOR85),
];

/// Web Mercator: spherical Mercator on the WGS 84 radius, its longitudes and latitudes taken
/// as WGS 84 ones (PROJ's `+nadgrids=@null`; here: no datum, so no shift).
const WEB_MERCATOR: &str =
    "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs";

/// A coordinate system Dateline converts: its EPSG code, name and PROJ definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// The EPSG (or ESRI, for 102100 and 102113) code.
    pub code: u32,
    /// Its name in the EPSG register, e.g. "Korea 2000 / Unified CS".
    pub name: String,
    /// Its PROJ definition; `None` for longitude/latitude within a metre of WGS 84 (used as is).
    pub proj: Option<String>,
}

impl Known {
    /// "EPSG:5179 (Korea 2000 / Unified CS)".
    pub fn label(&self) -> String {
        format!("EPSG:{} ({})", self.code, self.name)
    }
}

/// What Dateline knows of a code: the Korean systems, UTM on WGS 84, Web Mercator and the
/// Korean longitude/latitude systems. `None`: unknown (the file is refused, naming it).
pub fn known(code: u32) -> Option<Known> {
    let k = |name: &str, proj: Option<String>| {
        Some(Known {
            code,
            name: name.to_string(),
            proj,
        })
    };
    let tm = |lon0: &str, k0: &str, x0: u32, y0: u32, datum: &str| {
        format!(
            "+proj=tmerc +lat_0=38 +lon_0={lon0} +k={k0} +x_0={x0} +y_0={y0} {datum} +units=m +no_defs"
        )
    };
    if let Some(&(_, name, lon0, y0, datum)) = KOREAN_TM.iter().find(|b| b.0 == code) {
        return k(name, Some(tm(lon0, "1", 200000, y0, datum)));
    }
    match code {
        5179 => k(
            "Korea 2000 / Unified CS",
            Some(tm("127.5", "0.9996", 1000000, 2000000, KGD2002)),
        ),
        5178 => k(
            "Korean 1985 / Unified CS",
            Some(tm("127.5", "0.9996", 1000000, 2000000, KOR85)),
        ),
        4737 => k("Korea 2000", None),
        4019 => k("Unknown datum based upon the GRS 1980 ellipsoid", None),
        4162 => k(
            "Korean 1985",
            Some(format!("+proj=longlat {KOR85} +no_defs")),
        ),
        3857 => k("WGS 84 / Pseudo-Mercator", Some(WEB_MERCATOR.into())),
        3785 => k(
            "Popular Visualisation CRS / Mercator",
            Some(WEB_MERCATOR.into()),
        ),
        900913 => k("Google Maps Global Mercator", Some(WEB_MERCATOR.into())),
        102100 => k(
            "WGS 1984 Web Mercator Auxiliary Sphere",
            Some(WEB_MERCATOR.into()),
        ),
        102113 => k("WGS 1984 Web Mercator", Some(WEB_MERCATOR.into())),
        32601..=32660 | 32701..=32760 => {
            let (zone, south) = (code % 100, code >= 32701);
            let hemi = if south { "S" } else { "N" };
            let south = if south { " +south" } else { "" };
            k(
                &format!("WGS 84 / UTM zone {zone}{hemi}"),
                Some(format!(
                    "+proj=utm +zone={zone}{south} +datum=WGS84 +units=m +no_defs"
                )),
            )
        }
        _ => None,
    }
}

/// The code in a `crs` name: `urn:ogc:def:crs:EPSG::5179`, `EPSG:5179`,
/// `urn:ogc:def:crs:EPSG:6.3:5179`, `http://www.opengis.net/def/crs/EPSG/0/5179`, and the same
/// with ESRI as the authority. `None` for other names (OGC's CRS84 among them).
pub fn epsg_code(name: &str) -> Option<u32> {
    let lower = name.trim().to_ascii_lowercase();
    if !(lower.contains("epsg") || lower.contains("esri")) {
        return None;
    }
    let digits = lower.rsplit([':', '/']).next()?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The code of the projected system a `.prj` file (WKT, as Esri and GDAL write it) describes,
/// when Dateline knows it: by its EPSG authority, by its name (`Korea_2000_Korea_Unified_
/// Coordinate_System`, `WGS_1984_UTM_Zone_52N`, …), or by the Transverse Mercator parameters
/// of the Korean systems on their ellipsoid. `None`: not recognised.
pub fn code_of_wkt(wkt: &str) -> Option<u32> {
    let lower = wkt.to_ascii_lowercase();
    // The PROJCS's own authority comes last.
    if let Some(at) = lower.rfind("authority[\"epsg\",")
        && let Some(code) = lower[at + 18..]
            .trim_start_matches(['"', ' '])
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|d| d.parse().ok())
        && known(code).is_some()
        && !lower[at..].contains("geogcs[")
    {
        return Some(code);
    }
    let name: String = lower
        .strip_prefix("projcs[\"")?
        .split('"')
        .next()?
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let by_name = match name.as_str() {
        "korea_2000_korea_unified_coordinate_system"
        | "korea_2000_unified_cs"
        | "korea_2000___unified_cs" => Some(5179),
        "korea_2000_korea_west_belt_2010" | "korea_2000___west_belt_2010" => Some(5185),
        "korea_2000_korea_central_belt_2010" | "korea_2000___central_belt_2010" => Some(5186),
        "korea_2000_korea_east_belt_2010" | "korea_2000___east_belt_2010" => Some(5187),
        "korea_2000_korea_east_sea_belt_2010" | "korea_2000___east_sea_belt_2010" => Some(5188),
        "korea_2000_korea_central_belt" | "korea_2000___central_belt" => Some(5181),
        "korean_1985_korea_central_belt" | "korean_1985___central_belt" => Some(2097),
        "korean_1985_modified_korea_central_belt" | "korean_1985___modified_central_belt" => {
            Some(5174)
        }
        "wgs_1984_web_mercator_auxiliary_sphere" | "wgs_84___pseudo_mercator" => Some(3857),
        n => {
            let zone = n
                .strip_prefix("wgs_1984_utm_zone_")
                .or_else(|| n.strip_prefix("wgs_84___utm_zone_"));
            zone.and_then(|z| {
                let (num, hemi) = z.split_at(z.len().checked_sub(1)?);
                let num: u32 = num.parse().ok()?;
                let base = if hemi == "s" { 32700 } else { 32600 };
                (1..=60).contains(&num).then_some(base + num)
            })
        }
    };
    if by_name.is_some() {
        return by_name;
    }
    // Transverse Mercator with the parameters of a Korean system, on its ellipsoid.
    if !lower.contains("transverse_mercator") {
        return None;
    }
    let param = |key: &str| -> Option<f64> {
        let at = lower.find(&format!("parameter[\"{key}\","))?;
        lower[at..]
            .split(',')
            .nth(1)?
            .trim_end_matches([']', ' '])
            .trim()
            .parse()
            .ok()
    };
    let (lon0, k0, x0, y0) = (
        param("central_meridian")?,
        param("scale_factor").unwrap_or(1.0),
        param("false_easting")?,
        param("false_northing")?,
    );
    let bessel = lower.contains("bessel");
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6 * b.abs().max(1.0);
    if !bessel && close(lon0, 127.5) && close(k0, 0.9996) && close(x0, 1e6) && close(y0, 2e6) {
        return Some(5179);
    }
    KOREAN_TM
        .iter()
        .find(|&&(_, _, l, y, datum)| {
            (datum == KOR85) == bessel
                && l.parse::<f64>().is_ok_and(|l| close(l, lon0))
                && close(k0, 1.0)
                && close(x0, 200000.0)
                && close(y0, f64::from(y))
        })
        .map(|b| b.0)
}

/// Converts positions of one known coordinate system to WGS 84 longitude/latitude in degrees.
pub struct Reprojector {
    known: Known,
    /// Source and destination, or `None` where positions are used as they are.
    projs: Option<(Proj, Proj)>,
}

impl std::fmt::Debug for Reprojector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reprojector")
            .field("known", &self.known)
            .finish()
    }
}

impl Reprojector {
    /// A converter for a code that [`known`] knows; `None` for others.
    pub fn new(code: u32) -> Option<Reprojector> {
        let known = known(code)?;
        let projs = match &known.proj {
            None => None,
            Some(def) => {
                let src = Proj::from_proj_string(def).ok()?;
                let dst = Proj::from_proj_string("+proj=longlat +datum=WGS84 +no_defs").ok()?;
                Some((src, dst))
            }
        };
        Some(Reprojector { known, projs })
    }

    /// The system converted from.
    pub fn known(&self) -> &Known {
        &self.known
    }

    /// True for a longitude/latitude system used as it is (EPSG:4737, EPSG:4019).
    pub fn is_identity(&self) -> bool {
        self.projs.is_none()
    }

    /// The WGS 84 longitude/latitude (degrees) of a position; `None` where it has none (a
    /// position outside the projection's domain).
    pub fn to_lon_lat(&self, x: f64, y: f64) -> Option<LonLat> {
        let Some((src, dst)) = &self.projs else {
            return Some([x, y]);
        };
        let (x, y) = if src.is_latlong() {
            (x.to_radians(), y.to_radians())
        } else {
            (x, y)
        };
        let mut p = (x, y, 0.0);
        proj4rs::transform::transform(src, dst, &mut p).ok()?;
        let (lon, lat) = (p.0.to_degrees(), p.1.to_degrees());
        if !(lon.is_finite() && lat.is_finite()) {
            return None;
        }
        // Far outside a projection's domain its inverse gives a place that does not project
        // back to the position: such a position has no place in this system.
        let mut back = p;
        proj4rs::transform::transform(dst, src, &mut back).ok()?;
        let tolerance = if src.is_latlong() { 1e-9 } else { 0.01 };
        ((back.0 - x).abs() <= tolerance && (back.1 - y).abs() <= tolerance).then_some([lon, lat])
    }
}

/// For positions given without a `crs` that are not longitude/latitude: the system they are
/// probably in, judged by their ranges (of the first position found), in words.
pub fn guess_projected(x: f64, y: f64) -> Option<Words> {
    let within = |v: f64, lo: f64, hi: f64| (lo..=hi).contains(&v);
    if within(x, 700e3, 1.4e6) && within(y, 1.4e6, 2.3e6) {
        Some(words!("crs-guess-5179"))
    } else if within(x, 0.0, 600e3) && within(y, 100e3, 800e3) {
        Some(words!("crs-guess-korean-tm"))
    } else if within(x, 160e3, 840e3) && within(y, 0.0, 10e6) {
        Some(words!("crs-guess-utm"))
    } else if x.abs() <= 20037508.35 && y.abs() <= 20037508.35 * 1.5 {
        // Web Mercator's y reaches ±20037508 at ±85.05°, more nearer the poles.
        Some(words!("crs-guess-web-mercator"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crs_names_give_their_codes() {
        for name in [
            "urn:ogc:def:crs:EPSG::5179",
            "EPSG:5179",
            "epsg:5179",
            "urn:ogc:def:crs:EPSG:6.3:5179",
            "http://www.opengis.net/def/crs/EPSG/0/5179",
        ] {
            assert_eq!(epsg_code(name), Some(5179), "{name}");
        }
        assert_eq!(epsg_code("ESRI:102100"), Some(102100));
        assert_eq!(epsg_code("urn:ogc:def:crs:OGC:1.3:CRS84"), None);
        assert_eq!(epsg_code("EPSG:"), None);
        assert_eq!(epsg_code("Korea 2000"), None);
    }

    /// Seoul City Hall, 126.9780 E 37.5665 N (WGS 84), in each system, as PROJ 9's `cs2cs
    /// EPSG:4326 EPSG:n` gives it (rounded to the millimetre; easting, northing). Converting
    /// back must land within 1e-6° (about 10 cm) of it; PROJ's own inverse of these rounded
    /// values is within 5e-8° of it.
    #[test]
    fn seoul_city_hall_comes_back_from_each_system() {
        let cases: [(u32, f64, f64); 12] = [
            (5179, 953901.165, 1952032.081),
            (5186, 198056.367, 551885.031),
            (5185, 374759.293, 553724.369),
            (5187, 21352.827, 553807.144),
            (5188, -155406.995, 559497.256),
            (5181, 198056.367, 451885.031),
            (5174, 197986.746, 451579.851),
            (2097, 198242.072, 451579.793),
            (5178, 954090.434, 1951725.960),
            (32651, 851376.674, 4165162.711),
            (32652, 321424.286, 4159640.641),
            (3857, 14135126.302, 4518366.510),
        ];
        for (code, x, y) in cases {
            let r = Reprojector::new(code).unwrap_or_else(|| panic!("EPSG:{code}"));
            let [lon, lat] = r.to_lon_lat(x, y).unwrap();
            assert!(
                (lon - 126.9780).abs() < 1e-6 && (lat - 37.5665).abs() < 1e-6,
                "EPSG:{code}: {lon}, {lat}"
            );
        }
    }

    #[test]
    fn southern_utm_web_mercator_edges_and_lonlat_systems() {
        // Sydney Opera House, 151.2153 E 33.8568 S: `cs2cs EPSG:4326 EPSG:32756`.
        let r = Reprojector::new(32756).unwrap();
        assert_eq!(r.known().name, "WGS 84 / UTM zone 56S");
        let [lon, lat] = r.to_lon_lat(334900.570, 6252288.753).unwrap();
        assert!((lon - 151.2153).abs() < 1e-6 && (lat + 33.8568).abs() < 1e-6);
        // The corner of the Web Mercator square: 180° W, 85.0511287798° S (cs2cs).
        let r = Reprojector::new(900913).unwrap();
        let m = 20037508.342789244;
        let [lon, lat] = r.to_lon_lat(-m, -m).unwrap();
        assert!((lon + 180.0).abs() < 1e-9 && (lat + 85.0511287798).abs() < 1e-9);
        // Korean 1985 longitude/latitude (Bessel): `cs2cs EPSG:4162 EPSG:4326` gives
        // 126.9758998369 E 37.5692961776 N for 126.9780 E 37.5665 N.
        let r = Reprojector::new(4162).unwrap();
        let [lon, lat] = r.to_lon_lat(126.978, 37.5665).unwrap();
        assert!((lon - 126.9758998369).abs() < 1e-7 && (lat - 37.5692961776).abs() < 1e-7);
        let r = Reprojector::new(4737).unwrap();
        assert!(r.is_identity());
        assert_eq!(r.to_lon_lat(127.0, 37.5), Some([127.0, 37.5]));
        assert_eq!(
            Reprojector::new(5179).unwrap().known().label(),
            "EPSG:5179 (Korea 2000 / Unified CS)"
        );
        assert!(Reprojector::new(2193).is_none());
        assert!(Reprojector::new(32661).is_none());
    }

    #[test]
    fn positions_without_a_crs_name_their_likely_system() {
        let g = |x, y| {
            guess_projected(x, y)
                .map(|w| w.text(crate::i18n::UiLang::En))
                .unwrap_or_default()
        };
        assert!(g(953901.0, 1952032.0).contains("5179"));
        assert!(g(198056.0, 551885.0).contains("Korean TM"));
        assert!(g(321424.0, 4159640.0).contains("UTM"));
        assert!(g(14135126.0, 4518366.0).contains("3857"));
        assert_eq!(guess_projected(1e9, 1e9), None);
    }

    #[test]
    fn prj_files_name_their_system() {
        // As Esri writes a .prj for Korean portals' files (no authority), and as GDAL does.
        let esri_5179 = r#"PROJCS["Korea_2000_Korea_Unified_Coordinate_System",GEOGCS["GCS_Korea_2000",DATUM["D_Korea_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",1000000.0],PARAMETER["False_Northing",2000000.0],PARAMETER["Central_Meridian",127.5],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]"#;
        assert_eq!(code_of_wkt(esri_5179), Some(5179));
        // The same parameters under a name of its own.
        assert_eq!(
            code_of_wkt(&esri_5179.replace("Korea_2000_Korea_Unified_Coordinate_System", "UTM-K")),
            Some(5179)
        );
        let central = r#"PROJCS["ITRF2000_Central_Belt_60",GEOGCS["GCS_ITRF_2000",DATUM["D_ITRF_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",200000.0],PARAMETER["False_Northing",600000.0],PARAMETER["Central_Meridian",127.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]"#;
        assert_eq!(code_of_wkt(central), Some(5186));
        let gdal = r#"PROJCS["WGS 84 / UTM zone 52N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",129],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","32652"]]"#;
        assert_eq!(code_of_wkt(gdal), Some(32652));
        assert_eq!(
            code_of_wkt(r#"PROJCS["WGS_1984_UTM_Zone_51N",GEOGCS["x"]]"#),
            Some(32651)
        );
        assert_eq!(
            code_of_wkt(
                r#"PROJCS["MGI_Austria_Lambert",GEOGCS["GCS_MGI"],PROJECTION["Lambert_Conformal_Conic"]]"#
            ),
            None
        );
        assert_eq!(code_of_wkt(r#"GEOGCS["GCS_WGS_1984"]"#), None);
    }
}
