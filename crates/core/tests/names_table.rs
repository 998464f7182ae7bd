//! The bundled places against the reviewed names table in `tools/names/`: every row is on the
//! map with its English and Korean names, the North Korean form, its country and province,
//! within 5 km of the table's position; no two places duplicate one another; and every label
//! has a Hangul name in Korean mode, except the few with no standard Korean form (listed).

use std::collections::HashMap;
use std::path::Path;

use dateline_core::atlas::{Atlas, Place, PlaceKind};
use dateline_core::globe::distance_km;

/// One row of a names table.
#[derive(Debug, serde::Deserialize)]
struct Row {
    id: String,
    kind: String,
    name: String,
    name_ko: String,
    name_ko_nk: String,
    country: String,
    province: String,
    lat: f64,
    lon: f64,
    source: String,
}

fn rows(file: &str) -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tools/names")
        .join(file);
    let mut r = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    r.deserialize()
        .map(|row| row.unwrap_or_else(|e| panic!("{file}: {e}")))
        .collect()
}

fn hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

fn opt(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[test]
fn the_names_table_is_applied_to_the_bundled_places() {
    let atlas = Atlas::bundled().unwrap();
    let by_id: HashMap<&str, &Place> = atlas
        .places
        .iter()
        .filter_map(|p| Some((p.id.as_deref()?, p)))
        .collect();
    let table: Vec<Row> = ["korea.csv", "rivers.csv"]
        .iter()
        .flat_map(|f| rows(f))
        .collect();
    assert!(table.len() >= 120, "only {} rows", table.len());
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    for row in &table {
        *kinds.entry(row.kind.as_str()).or_default() += 1;
        assert!(!row.source.trim().is_empty(), "{}: no source", row.id);
        assert!(hangul(&row.name_ko), "{}: no Hangul name", row.id);
        let p = by_id
            .get(row.id.as_str())
            .unwrap_or_else(|| panic!("{} ({}) is not on the map", row.id, row.name));
        assert_eq!(p.kind, PlaceKind::parse(&row.kind).unwrap(), "{}", row.id);
        assert_eq!(p.name, row.name, "{}", row.id);
        assert_eq!(
            p.name_ko.as_deref(),
            Some(row.name_ko.as_str()),
            "{}",
            row.id
        );
        assert_eq!(p.name_ko_nk.as_deref(), opt(&row.name_ko_nk), "{}", row.id);
        if p.is_spot() {
            assert_eq!(p.country.as_deref(), opt(&row.country), "{}", row.id);
            assert_eq!(p.province.as_deref(), opt(&row.province), "{}", row.id);
        }
        let d = distance_km(p.lonlat, [row.lon, row.lat]);
        assert!(
            d <= 5.0,
            "{} is {d:.1} km from the table's position",
            row.id
        );
    }
    // Places, seas and rivers: the table is not only cities.
    for k in ["city", "sea", "river", "island", "bay"] {
        assert!(
            kinds.get(k).copied().unwrap_or(0) > 0,
            "no {k} in the table"
        );
    }
}

#[test]
fn the_issues_corrections_hold() {
    let atlas = Atlas::bundled().unwrap();
    let find = |name: &str, country: &str| {
        atlas
            .places
            .iter()
            .find(|p| p.name == name && p.country.as_deref() == Some(country))
            .unwrap_or_else(|| panic!("{name} ({country}) missing"))
    };
    assert_eq!(find("Hungnam", "KP").name_ko.as_deref(), Some("흥남"));
    assert_eq!(find("Tongyeong", "KR").name_ko.as_deref(), Some("통영"));
    assert_eq!(find("Hyesan", "KP").province.as_deref(), Some("Ryanggang"));
    assert_eq!(
        find("Musan", "KP").province.as_deref(),
        Some("North Hamgyong")
    );
    assert_eq!(
        find("Gongju", "KR").province.as_deref(),
        Some("South Chungcheong")
    );
    let rajin = find("Rajin", "KP");
    assert_eq!(rajin.name_ko.as_deref(), Some("나진"));
    assert_eq!(rajin.name_ko_nk.as_deref(), Some("라진"));
    for (name, country) in [("Ulaanbaatar", "MN"), ("Astana", "KZ")] {
        assert_eq!(find(name, country).kind, PlaceKind::Capital, "{name}");
    }
    for (name, country, ko) in [
        ("Tbilisi", "GE", "트빌리시"),
        ("Voronezh", "RU", "보로네시"),
        ("Yanji", "CN", "옌지"),
        ("Lviv", "UA", "리비우"),
    ] {
        assert_eq!(find(name, country).name_ko.as_deref(), Some(ko), "{name}");
    }
    for gone in [
        "Neietsu", "Santyoku", "Jenzan", "Kinzan", "Eisen", "Nangen", "Kyosai",
    ] {
        assert!(atlas.places.iter().all(|p| p.name != gone), "{gone}");
    }
    for (name, ko) in [("Kimchaek", "김책"), ("Tanchon", "단천"), ("Dokdo", "독도")] {
        let p = atlas.places.iter().find(|p| p.name == name).unwrap();
        assert_eq!(p.name_ko.as_deref(), Some(ko));
    }
    let country_ko = |iso3: &str| atlas.country(iso3).unwrap().name_ko.as_deref();
    assert_eq!(country_ko("TUR"), Some("튀르키예"));
    assert_eq!(country_ko("GEO"), Some("조지아"));
    assert_eq!(country_ko("POL"), Some("폴란드"));
    assert_eq!(country_ko("CYP"), Some("키프로스"));
}

#[test]
fn no_two_places_duplicate_one_another() {
    let atlas = Atlas::bundled().unwrap();
    let spots: Vec<&Place> = atlas.places.iter().filter(|p| p.is_spot()).collect();
    for (i, a) in spots.iter().enumerate() {
        for b in &spots[i + 1..] {
            let d = distance_km(a.lonlat, b.lonlat);
            assert!(d >= 1.0, "{} and {} are {d:.2} km apart", a.name, b.name);
            if a.country == b.country && d < 30.0 {
                assert!(
                    a.name != b.name && (a.name_ko.is_none() || a.name_ko != b.name_ko),
                    "{} / {} ({:?}) twice, {d:.1} km apart",
                    a.name,
                    b.name,
                    a.name_ko
                );
            }
        }
    }
}

/// Labels with no standard Korean form: Mongolian aimags (the National Institute of Korean
/// Language has no Mongolian transcription table).
const NO_STANDARD_KOREAN: [&str; 2] = ["Omnogovi", "Ovorhangay"];

#[test]
fn every_label_is_in_hangul_in_korean_mode() {
    let atlas = Atlas::bundled().unwrap();
    let latin: Vec<&str> = atlas
        .places
        .iter()
        .filter(|p| !p.name_ko.as_deref().is_some_and(hangul))
        .map(|p| p.name.as_str())
        .filter(|n| !NO_STANDARD_KOREAN.contains(n))
        .collect();
    assert!(
        latin.is_empty(),
        "{} labels without Hangul: {latin:?}",
        latin.len()
    );
    for c in &atlas.countries {
        let labelled = atlas
            .places
            .iter()
            .any(|p| p.kind == PlaceKind::Country && p.country.as_deref() == Some(&c.iso3));
        assert!(
            !labelled || c.name_ko.as_deref().is_some_and(hangul),
            "{}",
            c.name
        );
    }
}
