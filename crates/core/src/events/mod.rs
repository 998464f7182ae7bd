//! Reported events: the model (when, where, who says so, how sure) and its file forms,
//! a GeoJSON FeatureCollection ([`load_geojson`]), a CSV table, also with TimelineJS's
//! columns ([`load_csv`]), and TimelineJS's JSON ([`read_story_json`]).
//!
//! A bad event is refused with a problem naming the file, the feature or row, the field and
//! what is expected; the file's other events still load.

mod csv;
mod fields;
mod geojson;
mod story_json;

use super::model::{LonLat, Shape};
use super::problem::Problem;
use super::timeline::{FuzzyDate, Span};

pub use self::csv::{CSV_COLUMNS, MAX_CSV_BYTES, load_csv, to_csv};
pub use self::geojson::{
    END_FIELDS, TIME_FIELDS, from_loaded, load_geojson, looks_like_events, timed_fields, to_geojson,
};

pub use self::story_json::{MAX_STORY_BYTES, StoryJson, read_story_json, strip_html};

pub(crate) use self::fields::DateForms;
pub(crate) use self::geojson::timed_span;

pub(crate) use self::csv::load_csv_with;

/// How sure the reporting is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Confirmed by the parties or independently verified.
    Confirmed,
    /// Reported by news organisations or researchers.
    Reported,
    /// Claimed by one side (an intelligence service, state media, social media).
    Claimed,
    /// Disputed between sources.
    Disputed,
    /// Denied by those concerned.
    Denied,
}

impl Status {
    /// Every status, in the order the filters list them.
    pub const ALL: [Status; 5] = [
        Status::Confirmed,
        Status::Reported,
        Status::Claimed,
        Status::Disputed,
        Status::Denied,
    ];

    /// Parses the file form (`reported`, `claimed`, …; case-insensitive).
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "confirmed" => Status::Confirmed,
            "reported" => Status::Reported,
            "claimed" => Status::Claimed,
            "disputed" => Status::Disputed,
            "denied" => Status::Denied,
            _ => return None,
        })
    }

    /// The file form.
    pub fn code(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Reported => "reported",
            Status::Claimed => "claimed",
            Status::Disputed => "disputed",
            Status::Denied => "denied",
        }
    }

    /// What the status means, for the card and the legend.
    pub fn describe(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed (solid marker)",
            Status::Reported => "reported, not confirmed (hollow marker)",
            Status::Claimed => "claimed by one side (dashed marker)",
            Status::Disputed => "disputed between sources (half-filled marker)",
            Status::Denied => "denied (struck-through marker)",
        }
    }
}

/// How precisely the place is known, as the sources give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlacePrecision {
    /// The exact spot.
    Exact,
    /// A site (a plant, a port).
    Site,
    /// A district or town.
    District,
    /// A city and its surroundings.
    City,
    /// A region or province.
    Region,
    /// Only the country.
    Country,
}

impl PlacePrecision {
    /// Every precision, finest first.
    pub const ALL: [PlacePrecision; 6] = [
        PlacePrecision::Exact,
        PlacePrecision::Site,
        PlacePrecision::District,
        PlacePrecision::City,
        PlacePrecision::Region,
        PlacePrecision::Country,
    ];

    /// Parses the file form (`exact`, `site`, …; case-insensitive).
    pub fn parse(s: &str) -> Option<PlacePrecision> {
        PlacePrecision::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(s.trim()))
    }

    /// The file form.
    pub fn code(self) -> &'static str {
        match self {
            PlacePrecision::Exact => "exact",
            PlacePrecision::Site => "site",
            PlacePrecision::District => "district",
            PlacePrecision::City => "city",
            PlacePrecision::Region => "region",
            PlacePrecision::Country => "country",
        }
    }

    /// Radius of the uncertainty circle drawn around a point, in kilometres.
    pub fn radius_km(self) -> f64 {
        match self {
            PlacePrecision::Exact => 0.0,
            PlacePrecision::Site => 3.0,
            PlacePrecision::District => 12.0,
            PlacePrecision::City => 25.0,
            PlacePrecision::Region => 80.0,
            PlacePrecision::Country => 400.0,
        }
    }
}

/// Categories with a name and a colour-blind-safe colour (Okabe–Ito palette); any other
/// category in a user's file is shown as "other".
pub const CATEGORIES: [(&str, &str, [u8; 3]); 7] = [
    ("diplomacy", "Diplomacy and treaties", [0, 114, 178]),
    ("arms-transfer", "Arms transfers", [213, 94, 0]),
    ("weapons-production", "Weapons production", [204, 121, 167]),
    ("missile-use", "Missiles fired", [230, 159, 0]),
    ("troops", "Troops", [0, 158, 115]),
    ("fighting", "Fighting", [86, 180, 233]),
    ("other", "Other", [90, 90, 90]),
];

/// The index of a category in [`CATEGORIES`] ("other" for unknown ones).
pub fn category_index(code: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|c| c.0 == code)
        .unwrap_or(CATEGORIES.len() - 1)
}

/// Who reported something, when and under what title.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    /// Publisher (newspaper, agency, government, research centre).
    pub publisher: String,
    /// Publication date, at the precision given.
    pub date: Option<FuzzyDate>,
    /// Title of the article or statement, when the source gives one.
    pub title: Option<String>,
    /// Author, if named.
    pub author: Option<String>,
    /// Link, if any (opened in the browser only when the user clicks it).
    pub url: Option<String>,
}

/// What the card says about a route no source gives.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RouteNote {
    /// In English.
    pub en: String,
    /// In Korean, if given.
    pub ko: Option<String>,
}

/// One reported event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable id (from the file, or made from the file and position).
    pub id: String,
    /// Short title.
    pub title: String,
    /// Korean title, if given.
    pub title_ko: Option<String>,
    /// A few sentences on what happened and what is known.
    pub summary: String,
    /// When, at the precision the sources give.
    pub span: Span,
    /// Category code (see [`CATEGORIES`]).
    pub category: String,
    /// How sure.
    pub status: Status,
    /// Who claims it.
    pub claimed_by: Vec<String>,
    /// Who denies it.
    pub denied_by: Vec<String>,
    /// How precisely the place is known, if given.
    pub place_precision: Option<PlacePrecision>,
    /// The place in words, if given (CSV `place`, GeoJSON `place`).
    pub place: Option<String>,
    /// Who reported it.
    pub sources: Vec<Source>,
    /// Where: a point, a route (line) or an area; empty for no place.
    pub shapes: Vec<Shape>,
    /// Set when no source gives the route (`"route": "not reported"`): its lines only join
    /// origin and destination, drawn as a straight arrow marked "route not reported", never
    /// as a path. The note says so in the card (English, then Korean if given).
    pub route_not_reported: Option<RouteNote>,
    /// The file it came from.
    pub file: String,
}

impl Event {
    /// A representative position: the point, the route's destination, the area's first
    /// vertex. When the route is not reported, the place the sources name: the origin of a
    /// single arrow (troops sent from North Korea), or the destination that several arrows
    /// share (ships from several ports to Vladivostok).
    pub fn anchor(&self) -> Option<LonLat> {
        let lines: Vec<&Vec<LonLat>> = self
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line(l) => Some(l),
                _ => None,
            })
            .collect();
        let shared_end = lines.len() > 1 && lines.windows(2).all(|w| w[0].last() == w[1].last());
        let unreported = self.route_not_reported.is_some() && !shared_end;
        self.shapes.iter().find_map(|s| match s {
            Shape::Point(p) => Some(*p),
            Shape::Line(l) if unreported => l.first().copied(),
            Shape::Line(l) => l.last().copied(),
            Shape::Polygon(r) => {
                let ring = r.first()?;
                let n = ring.len().saturating_sub(1).max(1) as f64;
                let (x, y) = ring
                    .iter()
                    .take(ring.len().saturating_sub(1).max(1))
                    .fold((0.0, 0.0), |a, p| (a.0 + p[0], a.1 + p[1]));
                Some([x / n, y / n])
            }
        })
    }

    /// Whether it has a route (drawn as a directed line).
    pub fn is_route(&self) -> bool {
        self.shapes.iter().any(|s| matches!(s, Shape::Line(_)))
    }

    /// Text the event list's search looks in.
    pub fn search_text(&self) -> String {
        let mut s = format!(
            "{} {} {} {} {} {}",
            self.title,
            self.title_ko.as_deref().unwrap_or(""),
            self.summary,
            self.place.as_deref().unwrap_or(""),
            self.claimed_by.join(" "),
            self.denied_by.join(" ")
        );
        for src in &self.sources {
            s.push(' ');
            s.push_str(&src.publisher);
            s.push(' ');
            s.push_str(src.title.as_deref().unwrap_or(""));
        }
        s.to_lowercase()
    }
}

/// Events read from one file, and every problem met.
#[derive(Debug, Clone, Default)]
pub struct EventFile {
    /// The file's name.
    pub file: String,
    /// The valid events, in file order.
    pub events: Vec<Event>,
    /// Errors (refused events or a refused file) and warnings.
    pub problems: Vec<Problem>,
}

/// Reads events from a file's bytes, choosing the form by the name (`.csv`) or the content.
pub fn load(file: &str, bytes: &[u8]) -> EventFile {
    if file.to_ascii_lowercase().ends_with(".csv") {
        load_csv(file, bytes)
    } else {
        load_geojson(file, bytes)
    }
}

/// The bundled events file's name (as events from it record it).
pub const BUNDLED_NAME: &str = "nk-russia-2023-2024.geojson";

/// The bundled events of the story (North Korea's arms supply to Russia, 2023–2024).
pub const BUNDLED: &[u8] = include_bytes!("../../../../assets/events/nk-russia-2023-2024.geojson");

#[cfg(test)]
fn errors(f: &EventFile) -> Vec<String> {
    f.problems
        .iter()
        .filter(|p| p.severity == crate::problem::Severity::Error)
        .map(|p| p.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Window, opacity};

    #[test]
    fn bundled_events_are_complete_and_sourced() {
        let f = load_geojson("nk-russia-2023-2024.geojson", BUNDLED);
        // Only the note that some dates are known to the month.
        assert_eq!(f.problems.len(), 1, "{:#?}", f.problems);
        assert!(f.problems[0].message.contains("dates without a day"));
        assert_eq!(f.events.len(), 14);
        let mut ids: Vec<&str> = f.events.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 14, "ids are unique");
        for e in &f.events {
            assert!(!e.sources.is_empty(), "{} has no source", e.id);
            assert!(
                e.sources
                    .iter()
                    .all(|s| s.date.is_some() && !s.publisher.is_empty()),
                "{}",
                e.id
            );
            assert!(!e.summary.is_empty(), "{}", e.id);
            assert!(
                category_index(&e.category) < CATEGORIES.len() - 1,
                "{} category",
                e.id
            );
            // A claim names a side (who makes it or who denies it); nothing confirmed is
            // denied.
            match e.status {
                Status::Claimed => assert!(
                    !e.claimed_by.is_empty() || !e.denied_by.is_empty(),
                    "{} is claimed by no one",
                    e.id
                ),
                Status::Confirmed => assert!(e.denied_by.is_empty(), "{} is denied", e.id),
                _ => {}
            }
            if !e.shapes.is_empty() && e.place_precision.is_none() {
                panic!("{} has a place but no place_precision", e.id);
            }
        }
        // The story's key events at the dates the tests name.
        let kursk = f.events.iter().find(|e| e.id == "kursk-nk-troops").unwrap();
        let plant = f
            .events
            .iter()
            .find(|e| e.id == "ryongsong-expansion")
            .unwrap();
        assert_eq!(kursk.denied_by, ["Russia", "North Korea"]);
        // The source names no claimant: the file says so rather than leaving it empty.
        assert_eq!(
            kursk.claimed_by,
            ["unattributed, reported by The Independent"]
        );
        // No source gives the troops' route: an arrow from North Korea, marker at the origin.
        assert!(kursk.route_not_reported.is_some());
        let Some(Shape::Line(line)) = kursk.shapes.first() else {
            panic!("kursk-nk-troops has no line");
        };
        assert_eq!(line.len(), 2);
        assert_eq!(kursk.anchor(), Some(line[0]));
        let day = |s: &str| FuzzyDate::parse(s).unwrap().first_day() as f64;
        for e in [kursk, plant] {
            assert_eq!(opacity(&e.span, day("2024-11-26"), Window::Cumulative), 1.0);
            assert_eq!(opacity(&e.span, day("2023-07-01"), Window::Cumulative), 0.0);
        }
        assert!(
            f.events
                .iter()
                .all(|e| opacity(&e.span, day("2023-07-01"), Window::Cumulative) == 0.0)
        );
    }

    /// Words that keep a source's hedge in a title, by status (English whole words or
    /// phrases, Korean stems); a confirmed event needs none.
    fn hedges(status: Status) -> (&'static [&'static str], &'static [&'static str]) {
        match status {
            Status::Confirmed => (&[], &[]),
            Status::Reported => (
                &[
                    "says",
                    "say",
                    "said",
                    "reports",
                    "reported",
                    "reportedly",
                    "according to",
                    "suspected",
                    "alleged",
                    "allegedly",
                    "claims",
                    "citing",
                ],
                &["따르면", "보도", "밝혀", "추정", "주장", "분석"],
            ),
            Status::Claimed => (
                &[
                    "says",
                    "say",
                    "said",
                    "claims",
                    "claim",
                    "claimed",
                    "accuses",
                    "according to",
                    "reportedly",
                    "purportedly",
                    "suspected",
                    "alleged",
                    "allegedly",
                ],
                &["주장", "따르면", "추정", "의혹", "밝혀", "보도"],
            ),
            Status::Disputed => (
                &[
                    "disputed",
                    "says",
                    "said",
                    "claims",
                    "claimed",
                    "according to",
                ],
                &["논란", "엇갈", "주장", "따르면"],
            ),
            Status::Denied => (
                &[
                    "denies",
                    "denied",
                    "claims",
                    "claimed",
                    "alleged",
                    "allegedly",
                    "said",
                ],
                &["부인", "부정", "주장", "의혹"],
            ),
        }
    }

    fn has_word(text: &str, word: &str) -> bool {
        let t = text.to_lowercase();
        t.match_indices(word).any(|(i, _)| {
            let before = t[..i].chars().next_back();
            let after = t[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    #[test]
    fn bundled_titles_keep_the_sources_hedges() {
        let f = load_geojson("nk-russia-2023-2024.geojson", BUNDLED);
        let mut hedged = 0;
        for e in &f.events {
            let (en, ko) = hedges(e.status);
            if en.is_empty() {
                continue;
            }
            assert!(
                en.iter().any(|w| has_word(&e.title, w)),
                "{} ({:?}): \"{}\" drops the source's hedge",
                e.id,
                e.status,
                e.title
            );
            let title_ko = e
                .title_ko
                .as_deref()
                .unwrap_or_else(|| panic!("{}: no Korean title", e.id));
            assert!(
                ko.iter().any(|w| title_ko.contains(w)),
                "{}: \"{title_ko}\" drops the source's hedge",
                e.id
            );
            // Who claims or reports it is named, "unattributed, reported by …" at least.
            assert!(!e.claimed_by.is_empty(), "{} names no claimant", e.id);
            hedged += 1;
        }
        assert!(hedged >= 8, "only {hedged} hedged events");
        // The check can fail: a bare statement of a claim does not pass.
        let (en, _) = hedges(Status::Claimed);
        assert!(
            !en.iter()
                .any(|w| has_word("New missile assembly building at Ryongsong", w))
        );
        assert!(!has_word("unsaid", "said"));
    }

    #[test]
    fn routes_no_source_gives_are_arrows_between_two_places() {
        let f = load_geojson("nk-russia-2023-2024.geojson", BUNDLED);
        let mut unreported = 0;
        for e in f.events.iter().filter(|e| e.is_route()) {
            // Every line in the bundled story is a route no source gives.
            let note = e
                .route_not_reported
                .as_ref()
                .unwrap_or_else(|| panic!("{} draws a path no source gives", e.id));
            assert!(!note.en.is_empty() && note.ko.is_some(), "{}", e.id);
            for s in &e.shapes {
                if let Shape::Line(l) = s {
                    assert_eq!(l.len(), 2, "{}: a path, not two places", e.id);
                }
            }
            unreported += 1;
        }
        assert_eq!(unreported, 3);
    }
}
