//! Plain geometry and feature types shared by the loader, the atlas and the renderer.

use serde_json::{Map, Value};

/// A position as longitude, latitude in degrees (WGS 84).
pub type LonLat = [f64; 2];

/// A position kept to 4 decimals (about 10 m): as fine as a click or a view's centre is, and
/// short in the files the app writes.
pub fn to_4_decimals(p: LonLat) -> LonLat {
    p.map(|v| (v * 1e4).round() / 1e4)
}

/// One drawable part of a feature; multi-geometries are flattened into several shapes.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A single position.
    Point(LonLat),
    /// An open line of at least two positions.
    Line(Vec<LonLat>),
    /// A polygon: exterior ring first (counter-clockwise), then holes (clockwise).
    /// Rings are closed (first position repeated at the end).
    Polygon(Vec<Vec<LonLat>>),
}

/// A validated, normalised feature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feature {
    /// The feature's `id`, as text.
    pub id: Option<String>,
    /// Its geometry as flat shapes; empty for a feature without a place.
    pub shapes: Vec<Shape>,
    /// Its `properties` object (empty when absent or null).
    pub properties: Map<String, Value>,
    /// Where it is in its file, as a JSON path (`features[3]`; empty for a lone Feature).
    pub path: String,
}

impl Feature {
    /// A string property, if present and a string.
    pub fn str_prop(&self, key: &str) -> Option<&str> {
        self.properties.get(key).and_then(Value::as_str)
    }
}

/// Signed area of a ring in its own units (positive when counter-clockwise).
pub fn signed_area(ring: &[LonLat]) -> f64 {
    let n = ring.len();
    if n < 3 {
        return 0.0;
    }
    let mut sum = 0.0;
    for i in 0..n {
        let [x0, y0] = ring[i];
        let [x1, y1] = ring[(i + 1) % n];
        sum += x0 * y1 - x1 * y0;
    }
    sum / 2.0
}

/// A whole number with its digits grouped by thousands: 3222000 → "3,222,000".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_square_area_sign_follows_winding() {
        let ccw = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        assert!((signed_area(&ccw) - 1.0).abs() < 1e-12);
        let cw: Vec<LonLat> = ccw.iter().rev().copied().collect();
        assert!((signed_area(&cw) + 1.0).abs() < 1e-12);
    }
}

/// Which names labels show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean (Hangul).
    Ko,
    /// English and Korean, e.g. "Pyongyang 평양".
    Both,
}

impl Lang {
    /// Parses `en`, `ko` or `both`.
    pub fn parse(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "ko" => Ok(Lang::Ko),
            "both" => Ok(Lang::Both),
            _ => Err(format!("unknown language \"{s}\"; use en, ko or both")),
        }
    }

    /// The code used on the command line and in the scene description.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Both => "both",
        }
    }

    /// The text for a name in this language (English when there is no Korean name).
    pub fn label(self, en: &str, ko: Option<&str>) -> String {
        match (self, ko) {
            (Lang::En, _) | (_, None) => en.to_string(),
            (Lang::Ko, Some(k)) => k.to_string(),
            (Lang::Both, Some(k)) => format!("{en} {k}"),
        }
    }
}

#[cfg(test)]
mod lang_tests {
    use super::*;

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(
            Lang::Both.label("Pyongyang", Some("평양")),
            "Pyongyang 평양"
        );
        assert_eq!(Lang::Ko.label("Pyongyang", Some("평양")), "평양");
        assert_eq!(Lang::Ko.label("Erdenet", None), "Erdenet");
        assert_eq!(Lang::parse("KO"), Ok(Lang::Ko));
        assert!(Lang::parse("fr").is_err());
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(3_222_000), "3,222,000");
    }
}
