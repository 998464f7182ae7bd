//! Readers for the other file forms users bring (TopoJSON, KML, KMZ, zipped shapefiles) and
//! the coordinate systems they come in, each turning a
//! file's bytes into the same [`Loaded`](crate::geojson::Loaded) as the GeoJSON loader: valid
//! features normalised as GeoJSON's are (closed rings, counter-clockwise outer rings, continuous
//! longitudes), and problems in plain words, each with what to do.
//!
//! Everything is read from memory; nothing referenced by a file (a linked KML, an icon, an
//! overlay image) is ever opened or fetched.

pub mod archive;
pub mod crs;
pub mod kml;
pub mod shapefile;
pub mod topojson;

use crate::geojson::{MAX_FILE_BYTES, normalise_ring, unwrap_lons};
use crate::model::LonLat;
use crate::problem::{Place, Problem, Severity, Words};
use crate::words;

pub(crate) fn error(file: &str, place: Place, message: Words, hint: Words) -> Problem {
    Problem::worded(Severity::Error, file, place, message, hint)
}

pub(crate) fn warning(file: &str, place: Place, message: Words, hint: Words) -> Problem {
    Problem::worded(Severity::Warning, file, place, message, hint)
}

/// The refusal of a file larger than [`MAX_FILE_BYTES`] (the GeoJSON loader's words).
pub(crate) fn too_big(file: &str, len: usize) -> Problem {
    error(
        file,
        Place::File,
        words!(
            "geo-file-mb-more-than",
            bytes = len >> 20,
            value = MAX_FILE_BYTES >> 20
        ),
        words!("geo-split-into-smaller-files"),
    )
}

/// Checks that a position is a longitude/latitude on Earth (longitudes up to ±540° are
/// kept, as the GeoJSON loader keeps them, for shapes already made continuous over 180°).
pub(crate) fn check_lonlat(p: LonLat) -> Result<LonLat, (Words, Words)> {
    let [lon, lat] = p;
    if !lon.is_finite() || !lat.is_finite() {
        return Err((
            words!("fmt-position-not-number"),
            words!("fmt-fix-remove-position"),
        ));
    }
    if lon.abs() > 540.0 || lat.abs() > 90.0 {
        let hint = if lat.abs() > 90.0 && lat.abs() <= 180.0 && lon.abs() <= 90.0 {
            words!("fmt-latitude-longitude-look-swapped")
        } else if lon.abs() > 1000.0 || lat.abs() > 1000.0 {
            words!("fmt-these-look-like-projected")
        } else {
            words!("fmt-longitude-must-within-180")
        };
        return Err((words!("geo-not-on-earth", lon = lon, lat = lat), hint));
    }
    Ok(p)
}

/// What normalising shapes changed in a file, reported once per kind as a warning.
#[derive(Debug, Default)]
pub(crate) struct Fixes {
    rewound: usize,
    crossed: usize,
    polar: usize,
    closed: usize,
}

impl Fixes {
    /// Makes a line's longitudes continuous over 180°.
    pub(crate) fn line(&mut self, pts: &mut [LonLat]) {
        self.crossed += usize::from(unwrap_lons(pts));
    }

    /// Closes a ring if it is open (its last position differs from its first).
    pub(crate) fn close(&mut self, ring: &mut Vec<LonLat>) {
        if let (Some(&first), Some(&last)) = (ring.first(), ring.last())
            && first != last
        {
            ring.push(first);
            self.closed += 1;
        }
    }

    /// Normalises a closed ring as the GeoJSON loader does: continuous longitudes, closed
    /// through a pole it goes round, counter-clockwise when `outer`, clockwise otherwise.
    pub(crate) fn ring(&mut self, ring: &mut Vec<LonLat>, outer: bool) {
        let fix = normalise_ring(ring, outer);
        self.crossed += usize::from(fix.crossed);
        self.polar += usize::from(fix.polar);
        self.rewound += usize::from(fix.rewound);
    }

    /// Adds the counts of another file part's fixes.
    pub(crate) fn add(&mut self, other: &Fixes) {
        self.rewound += other.rewound;
        self.crossed += other.crossed;
        self.polar += other.polar;
        self.closed += other.closed;
    }

    /// The warnings for what was changed.
    pub(crate) fn report(&self, file: &str, problems: &mut Vec<Problem>) {
        let mut warn = |n: usize, message: Words, hint: Words| {
            if n > 0 {
                problems.push(warning(file, Place::File, message, hint));
            }
        };
        warn(
            self.closed,
            words!("fmt-polygon-ring-s-did", closed = self.closed),
            words!("geo-nothing-do"),
        );
        warn(
            self.rewound,
            words!("fmt-polygon-ring-s-wound", rewound = self.rewound),
            words!("geo-nothing-do"),
        );
        warn(
            self.crossed,
            words!("geo-line-s-ring-s", crossed = self.crossed),
            words!("geo-nothing-do"),
        );
        warn(
            self.polar,
            words!("geo-polygon-ring-s-go", polar = self.polar),
            words!("geo-nothing-do"),
        );
    }
}

/// Text in the Korean Windows encoding (CP949, a superset of EUC-KR; WHATWG's "EUC-KR").
pub(crate) fn korean(bytes: &[u8]) -> String {
    encoding_rs::EUC_KR
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// The encoding an encoding name (from an XML declaration or a `.cpg` file) stands for,
/// knowing the names Korean software writes that WHATWG's list lacks.
pub(crate) fn encoding_for(label: &str) -> Option<&'static encoding_rs::Encoding> {
    let l = label
        .trim()
        .trim_start_matches('\u{feff}')
        .to_ascii_lowercase();
    match l.as_str() {
        "949" | "cp949" | "ms949" | "uhc" | "x-windows-949" | "windows949" | "ks_c_5601"
        | "ksc5601-1987" | "euckr" | "cp_949" => Some(encoding_rs::EUC_KR),
        "65001" | "utf8" | "cp65001" => Some(encoding_rs::UTF_8),
        _ => {
            let l = l.strip_prefix("ansi ").unwrap_or(&l);
            encoding_rs::Encoding::for_label(l.as_bytes()).or_else(|| {
                // Windows code pages written as bare numbers (.cpg files: "1252", "932").
                l.parse::<u16>()
                    .ok()
                    .and_then(|n| {
                        encoding_rs::Encoding::for_label(format!("windows-{n}").as_bytes())
                    })
                    .or(match l {
                        "932" => Some(encoding_rs::SHIFT_JIS),
                        "936" => Some(encoding_rs::GBK),
                        "950" => Some(encoding_rs::BIG5),
                        "88591" | "8859_1" => Some(encoding_rs::WINDOWS_1252),
                        _ => None,
                    })
            })
        }
    }
}

/// A short name for an encoding, for messages ("EUC-KR/CP949" for the Korean one).
pub(crate) fn encoding_name(e: &'static encoding_rs::Encoding) -> Words {
    if e == encoding_rs::EUC_KR {
        words!("encoding-korean")
    } else {
        words!("encoding-named", name = e.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_korean_software_writes_are_known() {
        for l in ["EUC-KR", "cp949", "CP949", "949", "ks_c_5601-1987", "MS949"] {
            assert_eq!(encoding_for(l), Some(encoding_rs::EUC_KR), "{l}");
        }
        assert_eq!(encoding_for("UTF-8\r\n"), Some(encoding_rs::UTF_8));
        assert_eq!(encoding_for("1252"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(encoding_for("klingon"), None);
        assert_eq!(korean(&[0xc7, 0xd1, 0xb1, 0xb9]), "한국");
    }

    #[test]
    fn positions_off_the_earth_are_refused_with_a_hint() {
        assert!(check_lonlat([126.9, 37.5]).is_ok());
        assert!(
            check_lonlat([37.5, 126.9])
                .unwrap_err()
                .1
                .text(crate::i18n::UiLang::En)
                .contains("swapped")
        );
        assert!(
            check_lonlat([955000.0, 1950000.0])
                .unwrap_err()
                .1
                .text(crate::i18n::UiLang::En)
                .contains("metres")
        );
        assert!(check_lonlat([f64::NAN, 0.0]).is_err());
    }
}
