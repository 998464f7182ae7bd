//! A bounded fuzz test of the loaders: seeded random mutations of valid GeoJSON and CSV
//! (byte flips, cuts, duplicated slices, inserted JSON tokens) must never panic, and every
//! refusal must be a problem that names the place it is at: a line and column, a JSON path
//! or a CSV row, or the file as a whole only when the whole file is refused. Runs for at
//! most ~3 seconds.

use std::time::{Duration, Instant};

use dateline_core::events;
use dateline_core::geojson;
use dateline_core::problem::{Place, Problem, Severity};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&[u8]; 16] = [
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"null",
    b"NaN",
    b"-1e999",
    b"\"type\"",
    b"\"coordinates\"",
    b"[180.5,91]",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"// x\n",
];

/// The refusals that are about the file as a whole (what it is, its encoding, its header
/// row), the only errors whose place may be [`Place::File`].
const WHOLE_FILE: [&str; 11] = [
    // GeoJSON: the first look at the bytes.
    "the file is empty",
    "this is a gzip-compressed file",
    "this is a ZIP archive",
    "the file is saved as UTF-16 text",
    "this is a KML file",
    "this is an XML file",
    "this is a web page",
    "this is JavaScript",
    // CSV.
    "the file is UTF-16 text",
    "cannot read the header row",
    "the header row has no \"start\" and \"title\" columns",
];

/// True when a refusal says where it is: a line and column (1-based), a JSON path, a CSV row
/// (1-based), or the file as a whole for a refusal of the whole file.
fn locates(p: &Problem) -> bool {
    match &p.place {
        Place::LineCol(line, col) => *line >= 1 && *col >= 1,
        Place::Path(path) => !path.trim().is_empty(),
        Place::Top => true,
        Place::Cell { row, .. } => *row >= 1,
        Place::File => {
            WHOLE_FILE.iter().any(|m| p.message.starts_with(m))
                // The size limits (never reached here, but whole-file refusals too).
                || (p.message.starts_with("the file is ") && p.message.contains(" MB"))
        }
    }
}

fn mutate(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut b = src.to_vec();
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            break;
        }
        let at = rng.below(b.len());
        match rng.below(5) {
            0 => b[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + 1 + rng.below(40)).min(b.len());
                b.drain(at..end);
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                b.splice(at..at, t.iter().copied());
            }
            3 => {
                let end = (at + 1 + rng.below(60)).min(b.len());
                let slice = b[at..end].to_vec();
                b.splice(at..at, slice);
            }
            _ => b.truncate(at),
        }
    }
    b
}

#[test]
fn mutated_files_never_panic_and_refusals_name_a_place() {
    let seeds: Vec<(&str, Vec<u8>)> = vec![
        ("events.geojson", events::BUNDLED.to_vec()),
        (
            "poly.geojson",
            br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Polygon","coordinates":[[[125,38],[127,38],[127,40],[125,40],[125,38]],[[125.5,38.5],[125.5,39],[126,39],[126,38.5],[125.5,38.5]]]}},{"type":"Feature","properties":null,"geometry":{"type":"MultiLineString","coordinates":[[[179,60],[-179,61]],[[100,50],[101,51]]]}},{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[127.5,39.9]}]}}]}"#.to_vec(),
        ),
        (
            "week.csv",
            b"start,end,title,summary,lon,lat,place,category,status,source_publisher,source_title,source_date,source_url\n2024-10,,Plant,\"a, b\",127.58,39.97,Hamhung,weapons-production,reported,Reuters,T,2024-11-26,https://example.org\n2024-11-01,2024-11-05,Ships,,131.9,43.1,,troops,claimed,NIS,,,\n".to_vec(),
        ),
    ];
    let mut rng = Rng(0x0f0f_1234_5678_9abc);
    let start = Instant::now();
    let mut runs = 0;
    // Refusals checked, by kind of place: line:col, path, CSV cell, whole file.
    let mut seen = [0usize; 4];
    while start.elapsed() < Duration::from_secs(3) && runs < 20_000 {
        let (name, src) = &seeds[runs % seeds.len()];
        let bytes = mutate(&mut rng, src);
        let problems = if name.ends_with(".csv") {
            events::load_csv(name, &bytes).problems
        } else {
            let loaded = geojson::load(name, &bytes);
            let mut p = loaded.problems;
            p.extend(events::load_geojson(name, &bytes).problems);
            p
        };
        for p in problems.iter().filter(|p| p.severity == Severity::Error) {
            let text = p.to_string();
            assert_eq!(p.file, *name, "{text}");
            assert!(locates(p), "this refusal does not say where it is: {text}");
            assert!(!p.message.is_empty() && !p.hint.is_empty(), "{text}");
            seen[match p.place {
                Place::LineCol(..) => 0,
                Place::Path(_) | Place::Top => 1,
                Place::Cell { .. } => 2,
                Place::File => 3,
            }] += 1;
        }
        runs += 1;
    }
    assert!(runs > 200, "only {runs} runs in the time budget");
    // Every kind of place was met, so the check above was exercised on each.
    assert!(seen.iter().all(|&n| n > 0), "refusals by place: {seen:?}");
    println!("fuzz: {runs} mutated files loaded without a panic; refusals by place {seen:?}");
}
