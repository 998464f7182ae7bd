//! Reported events: the model (when, where, who says so, how sure) and its two file forms,
//! a GeoJSON FeatureCollection and a CSV table (also TimelineJS's columns).
//!
//! A bad event is refused with a problem naming the file, the feature or row, the field and
//! what is expected; the file's other events still load.

use serde_json::Value;

use super::geojson::{self, Place, Problem, Severity};
use super::model::{Feature, LonLat, Shape};
use super::timeline::{FuzzyDate, Span};

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
    /// The file it came from.
    pub file: String,
}

impl Event {
    /// A representative position: the point, the route's destination, the area's first vertex.
    pub fn anchor(&self) -> Option<LonLat> {
        self.shapes.iter().find_map(|s| match s {
            Shape::Point(p) => Some(*p),
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

fn problem(file: &str, sev: Severity, place: Place, message: String, hint: &str) -> Problem {
    Problem {
        severity: sev,
        file: file.to_string(),
        place,
        message,
        hint: hint.to_string(),
    }
}

/// True when a GeoJSON file's features carry dates (`start` or `time`): an events file.
pub fn looks_like_events(features: &[Feature]) -> bool {
    !features.is_empty()
        && features
            .iter()
            .filter(|f| f.properties.contains_key("start") || f.properties.contains_key("time"))
            .count()
            * 2
            >= features.len()
}

/// Reads an events GeoJSON file (see `../shared/design.md` for its properties).
pub fn load_geojson(file: &str, bytes: &[u8]) -> EventFile {
    from_loaded(file, geojson::load(file, bytes))
}

/// Reads events from an already loaded GeoJSON file (its problems are kept).
pub fn from_loaded(file: &str, loaded: geojson::Loaded) -> EventFile {
    let mut out = EventFile {
        file: file.to_string(),
        events: Vec::new(),
        problems: loaded.problems,
    };
    for (i, f) in loaded.features.iter().enumerate() {
        let base = if f.path.is_empty() {
            "properties".to_string()
        } else {
            format!("{}.properties", f.path)
        };
        let mut fields = Fields {
            file,
            csv: false,
            problems: &mut out.problems,
            place_of: &|field: &str| {
                Place::Path(if field.is_empty() {
                    base.clone()
                } else {
                    format!("{base}.{field}")
                })
            },
        };
        let p = &f.properties;
        let get = |k: &str| p.get(k).filter(|v| !v.is_null());
        let id =
            f.id.clone()
                .or_else(|| get("id").and_then(value_text))
                .unwrap_or_else(|| format!("{file}#{i}"));
        let date_field = if get("start").is_some() {
            "start"
        } else {
            "time"
        };
        let ev = fields.event(RawEvent {
            id,
            title: get("title")
                .or_else(|| get("name"))
                .or_else(|| get("headline")),
            title_ko: get("title_ko"),
            summary: get("summary")
                .or_else(|| get("description"))
                .or_else(|| get("text")),
            start: get(date_field),
            start_field: date_field,
            end: get("end"),
            category: get("category"),
            status: get("status"),
            claimed_by: get("claimed_by"),
            denied_by: get("denied_by"),
            place_precision: get("place_precision"),
            place: get("place"),
            sources: get("sources").cloned(),
            shapes: f.shapes.clone(),
        });
        if let Some(mut ev) = ev {
            ev.file = file.to_string();
            out.events.push(ev);
        }
    }
    note_imprecise_dates(&mut out);
    out
}

/// The fields of one event before checking, whatever the file form.
struct RawEvent<'a> {
    id: String,
    title: Option<&'a Value>,
    title_ko: Option<&'a Value>,
    summary: Option<&'a Value>,
    start: Option<&'a Value>,
    start_field: &'static str,
    end: Option<&'a Value>,
    category: Option<&'a Value>,
    status: Option<&'a Value>,
    claimed_by: Option<&'a Value>,
    denied_by: Option<&'a Value>,
    place_precision: Option<&'a Value>,
    place: Option<&'a Value>,
    sources: Option<Value>,
    shapes: Vec<Shape>,
}

/// Checks an event's fields, recording problems at the right place.
struct Fields<'a> {
    file: &'a str,
    /// CSV (hints name columns) or GeoJSON (hints name properties).
    csv: bool,
    problems: &'a mut Vec<Problem>,
    place_of: &'a dyn Fn(&str) -> Place,
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Fields<'_> {
    fn error(&mut self, field: &str, message: String, hint: &str) {
        let place = (self.place_of)(field);
        self.problems
            .push(problem(self.file, Severity::Error, place, message, hint));
    }

    fn warn(&mut self, field: &str, message: String, hint: &str) {
        let place = (self.place_of)(field);
        self.problems
            .push(problem(self.file, Severity::Warning, place, message, hint));
    }

    fn list(&mut self, field: &str, v: Option<&Value>) -> Vec<String> {
        match v {
            None => Vec::new(),
            Some(Value::String(s)) => s
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            Some(Value::Array(a)) => a.iter().filter_map(value_text).collect(),
            Some(_) => {
                self.warn(
                    field,
                    format!("\"{field}\" should be a list of names; ignored"),
                    "write it as [\"name\", \"name\"] (in CSV: names separated by ;)",
                );
                Vec::new()
            }
        }
    }

    fn date(&mut self, field: &str, v: &Value) -> Option<FuzzyDate> {
        let text = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) if n.is_u64() => n.to_string(),
            other => {
                self.error(
                    field,
                    format!("\"{field}\" must be a date in quotes, not {other}"),
                    "write it as \"2024-10\" or \"2024-10-17\"",
                );
                return None;
            }
        };
        match FuzzyDate::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(field, e, "fix the date; this event is not shown until then");
                None
            }
        }
    }

    fn event(&mut self, raw: RawEvent<'_>) -> Option<Event> {
        let before = self.problems.len();
        let title = raw.title.and_then(value_text);
        if title.is_none() {
            self.error(
                "title",
                "this event has no title".into(),
                "add a short \"title\" saying what happened",
            );
        }
        let start = match raw.start {
            Some(v) => self.date(raw.start_field, v),
            None => {
                self.error(
                    "start",
                    "this event has no date".into(),
                    "add \"start\": \"YYYY-MM-DD\" (or \"YYYY-MM\" when only the month is known)",
                );
                None
            }
        };
        let end = raw.end.and_then(|v| self.date("end", v));
        if let (Some(s), Some(e)) = (start, end)
            && e.last_day() < s.first_day()
        {
            self.error(
                "end",
                format!("the event ends ({e}) before it starts ({s})"),
                "swap the two dates or fix the end",
            );
        }
        let status = match raw.status.map(|v| (v, v.as_str().and_then(Status::parse))) {
            None => {
                self.warn(
                    "status",
                    "no \"status\"; shown as reported".into(),
                    "add \"status\": one of confirmed, reported, claimed, disputed, denied",
                );
                Status::Reported
            }
            Some((_, Some(s))) => s,
            Some((v, None)) => {
                self.error(
                    "status",
                    format!("unknown status {v}"),
                    "use one of confirmed, reported, claimed, disputed, denied",
                );
                Status::Reported
            }
        };
        let place_precision = match raw.place_precision {
            None => None,
            Some(v) => match v.as_str().and_then(PlacePrecision::parse) {
                Some(p) => Some(p),
                None => {
                    self.warn(
                        "place_precision",
                        format!("unknown place precision {v}; ignored"),
                        "use one of exact, site, district, city, region, country",
                    );
                    None
                }
            },
        };
        let category = raw
            .category
            .and_then(value_text)
            .unwrap_or_else(|| "other".into());
        let claimed_by = self.list("claimed_by", raw.claimed_by);
        let denied_by = self.list("denied_by", raw.denied_by);
        let sources = self.sources(raw.sources.as_ref());
        if self.problems[before..]
            .iter()
            .any(|p| p.severity == Severity::Error)
        {
            return None;
        }
        Some(Event {
            id: raw.id,
            title: title?,
            title_ko: raw.title_ko.and_then(value_text),
            summary: raw.summary.and_then(value_text).unwrap_or_default(),
            span: Span { start: start?, end },
            category,
            status,
            claimed_by,
            denied_by,
            place_precision,
            place: raw.place.and_then(value_text),
            sources,
            shapes: raw.shapes,
            file: String::new(),
        })
    }

    fn sources(&mut self, v: Option<&Value>) -> Vec<Source> {
        let items = match v {
            None => {
                let hint = if self.csv {
                    "fill in source_publisher, source_title and source_date"
                } else {
                    "add \"sources\": [{\"publisher\": …, \"date\": …, \"title\": …}]"
                };
                self.warn(
                    if self.csv {
                        "source_publisher"
                    } else {
                        "sources"
                    },
                    "no sources: readers cannot tell who reported this".into(),
                    hint,
                );
                return Vec::new();
            }
            Some(Value::Array(a)) => a.clone(),
            Some(o @ Value::Object(_)) => vec![o.clone()],
            Some(other) => {
                self.error(
                    "sources",
                    format!("\"sources\" must be a list of objects, not {other}"),
                    "write [{\"publisher\": \"Reuters\", \"date\": \"2023-09-13\", \"title\": \"…\"}]",
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, s) in items.iter().enumerate() {
            let field = format!("sources[{i}]");
            let Some(o) = s.as_object() else {
                self.error(
                    &field,
                    format!("a source must be an object, not {s}"),
                    "write {\"publisher\": …, \"date\": …, \"title\": …, \"url\": …}",
                );
                continue;
            };
            let text = |k: &str| o.get(k).and_then(value_text);
            let Some(publisher) = text("publisher") else {
                self.error(
                    &format!("{field}.publisher"),
                    "a source has no publisher".into(),
                    "say who published it (\"publisher\": \"Reuters\")",
                );
                continue;
            };
            let date = o
                .get("date")
                .filter(|v| !v.is_null())
                .and_then(|v| self.date(&format!("{field}.date"), v));
            out.push(Source {
                publisher,
                date,
                title: text("title"),
                author: text("author"),
                url: text("url").filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            });
        }
        out
    }
}

/// Adds one warning saying how many events have dates without a day (shown across their
/// month or year), so a user sees what was assumed.
fn note_imprecise_dates(out: &mut EventFile) {
    let n = out.events.iter().filter(|e| e.span.is_uncertain()).count();
    if n > 0 {
        out.problems.push(problem(
            &out.file,
            Severity::Warning,
            Place::File,
            format!(
                "{n} event(s) have dates without a day; each is shown across its whole month or year"
            ),
            "nothing to do if the sources give only the month; add the day when they give it",
        ));
    }
}

/// The largest CSV file read (a spreadsheet of events is far smaller).
pub const MAX_CSV_BYTES: usize = 64 * 1024 * 1024;

/// Reads a CSV of events: columns `start,end,title,summary,lon,lat,place,category,status,
/// source_publisher,source_title,source_date,source_url` (plus optional `id`, `title_ko`,
/// `claimed_by`, `denied_by`, `place_precision`), or TimelineJS's
/// `Year,Month,Day,End Year,End Month,End Day,Headline,Text`. Column names are case-insensitive.
pub fn load_csv(file: &str, bytes: &[u8]) -> EventFile {
    let mut out = EventFile {
        file: file.to_string(),
        ..Default::default()
    };
    let fatal = |out: &mut EventFile, message: String, hint: &str| {
        out.problems
            .push(problem(file, Severity::Error, Place::File, message, hint));
    };
    if bytes.len() > MAX_CSV_BYTES {
        fatal(
            &mut out,
            format!(
                "the file is {} MB; the limit for CSV events is 64 MB",
                bytes.len() >> 20
            ),
            "split it into smaller files",
        );
        return out;
    }
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        bytes = rest;
        out.problems.push(problem(
            file,
            Severity::Warning,
            Place::File,
            "a byte-order mark (BOM) at the start was removed".into(),
            "nothing to do; some editors add it when saving as UTF-8",
        ));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        fatal(
            &mut out,
            "the file is UTF-16 text".into(),
            "save it again as \"CSV UTF-8\"",
        );
        return out;
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        out.problems.push(problem(
            file,
            Severity::Error,
            Place::Cell {
                row: line,
                column: String::new(),
            },
            "the file is not UTF-8 text".into(),
            "save it again as \"CSV UTF-8\" (Korean spreadsheets often save EUC-KR/CP949)",
        ));
        return out;
    }
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.to_ascii_lowercase()).collect(),
        Err(e) => {
            fatal(
                &mut out,
                format!("cannot read the header row: {e}"),
                "the first row must name the columns",
            );
            return out;
        }
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let timeline_js = col("year").is_some() && col("headline").is_some();
    if !timeline_js && (col("start").is_none() || col("title").is_none()) {
        fatal(
            &mut out,
            format!(
                "the header row has no \"start\" and \"title\" columns (found: {})",
                headers.join(", ")
            ),
            "name the columns start,end,title,summary,lon,lat,place,category,status,source_publisher,source_title,source_date,source_url",
        );
        return out;
    }
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                out.problems.push(problem(
                    file,
                    Severity::Error,
                    Place::Cell {
                        row,
                        column: String::new(),
                    },
                    format!("this row cannot be read: {e}"),
                    "check its quotes: a field with a comma must be in double quotes",
                ));
                continue;
            }
        };
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let cell = |name: &str| -> Option<Value> {
            col(name)
                .and_then(|c| rec.get(c))
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
        };
        let place_of = |field: &str| Place::Cell {
            row,
            column: field.to_string(),
        };
        let mut fields = Fields {
            file,
            csv: true,
            problems: &mut out.problems,
            place_of: &place_of,
        };
        let (start, end, title, summary) = if timeline_js {
            let ymd = |y: &str, m: &str, d: &str| -> Option<Value> {
                let y = cell(y)?;
                let mut s = y.as_str()?.to_string();
                if let Some(m) = cell(m) {
                    s = format!("{s}-{:0>2}", m.as_str()?);
                    if let Some(d) = cell(d) {
                        s = format!("{s}-{:0>2}", d.as_str()?);
                    }
                }
                Some(Value::String(s))
            };
            (
                ymd("year", "month", "day"),
                ymd("end year", "end month", "end day"),
                cell("headline"),
                cell("text"),
            )
        } else {
            (cell("start"), cell("end"), cell("title"), cell("summary"))
        };
        let mut shapes = Vec::new();
        match (cell("lon"), cell("lat")) {
            (None, None) => {}
            (Some(lon), Some(lat)) => {
                let num = |v: &Value| v.as_str().and_then(|s| s.parse::<f64>().ok());
                match (num(&lon), num(&lat)) {
                    (Some(x), Some(y))
                        if (-180.0..=360.0).contains(&x) && (-90.0..=90.0).contains(&y) =>
                    {
                        shapes.push(Shape::Point([x, y]))
                    }
                    (Some(x), Some(y))
                        if (-90.0..=90.0).contains(&x) && (-180.0..=180.0).contains(&y) =>
                    {
                        fields.error(
                            "lat",
                            format!("latitude {y} is out of range; lon and lat look swapped"),
                            "put longitude (east–west, e.g. 127.5) in \"lon\" and latitude (e.g. 39.9) in \"lat\"",
                        );
                    }
                    _ => fields.error(
                        "lon",
                        format!("\"{lon}\", \"{lat}\" is not a longitude, latitude pair"),
                        "write decimal degrees, e.g. lon 127.58 and lat 39.97",
                    ),
                }
            }
            _ => fields.error(
                "lon",
                "only one of lon and lat is filled in".into(),
                "fill in both, or leave both empty for an event without a place",
            ),
        }
        let source = cell("source_publisher").map(|p| {
            let mut o = serde_json::Map::new();
            o.insert("publisher".into(), p);
            for (k, c) in [
                ("title", "source_title"),
                ("date", "source_date"),
                ("url", "source_url"),
            ] {
                if let Some(v) = cell(c) {
                    o.insert(k.into(), v);
                }
            }
            Value::Array(vec![Value::Object(o)])
        });
        let bad_geometry = fields.problems.iter().any(|p| {
            p.severity == Severity::Error
                && matches!(&p.place, Place::Cell { row: r, .. } if *r == row)
        });
        let ev = fields.event(RawEvent {
            id: cell("id")
                .and_then(|v| value_text(&v))
                .unwrap_or_else(|| format!("{file}#row{row}")),
            title: title.as_ref(),
            title_ko: cell("title_ko").as_ref(),
            summary: summary.as_ref(),
            start: start.as_ref(),
            start_field: if timeline_js { "year" } else { "start" },
            end: end.as_ref(),
            category: cell("category").as_ref(),
            status: cell("status").as_ref(),
            claimed_by: cell("claimed_by").as_ref(),
            denied_by: cell("denied_by").as_ref(),
            place_precision: cell("place_precision").as_ref(),
            place: cell("place").as_ref(),
            sources: source,
            shapes,
        });
        if let Some(mut ev) = ev
            && !bad_geometry
        {
            ev.file = file.to_string();
            out.events.push(ev);
        }
    }
    note_imprecise_dates(&mut out);
    out
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
pub const BUNDLED: &[u8] = include_bytes!("../../../assets/events/nk-russia-2023-2024.geojson");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Window, opacity};

    fn errors(f: &EventFile) -> Vec<String> {
        f.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn geojson_events_load_and_bad_ones_are_listed_with_their_place() {
        let src = br#"{"type":"FeatureCollection","features":[
 {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[127.58,39.97]},
  "properties":{"title":"Plant expanded","start":"2024-10","status":"reported",
   "place_precision":"district","category":"weapons-production",
   "sources":[{"publisher":"Reuters","date":"2024-11-26","title":"T","url":"https://example.org/x"}]}},
 {"type":"Feature","id":"b","geometry":null,
  "properties":{"title":"Bad date","start":"2024-13","status":"claimed","sources":[]}},
 {"type":"Feature","id":"c","geometry":null,
  "properties":{"title":"Bad status","time":"2024","status":"rumoured","sources":[]}},
 {"type":"Feature","id":"d","geometry":{"type":"LineString","coordinates":[[129.7,41.8],[131.9,43.1]]},
  "properties":{"title":"Ships","time":"2024-10-08","end":"2024-10-13","status":"claimed",
   "claimed_by":["NIS"],"denied_by":"Russia; North Korea"}}
]}"#;
        let f = load_geojson("ev.geojson", src);
        let ids: Vec<&str> = f.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "d"]);
        let errs = errors(&f);
        assert_eq!(errs.len(), 2, "{errs:#?}");
        assert!(
            errs[0].starts_with("ev.geojson at features[1].properties.start: error:"),
            "{}",
            errs[0]
        );
        assert!(errs[0].contains("month 13"), "{}", errs[0]);
        assert!(
            errs[1].contains("features[2].properties.status"),
            "{}",
            errs[1]
        );
        let d = &f.events[1];
        assert_eq!(d.denied_by, ["Russia", "North Korea"]);
        assert_eq!(d.claimed_by, ["NIS"]);
        assert!(d.is_route());
        assert_eq!(d.anchor(), Some([131.9, 43.1]));
        // A missing sources list is a warning, not a refusal.
        assert!(f.problems.iter().any(|p| p.severity == Severity::Warning
            && p.place == Place::Path("features[3].properties.sources".into())));
        let a = &f.events[0];
        assert_eq!(a.place_precision, Some(PlacePrecision::District));
        assert_eq!(a.sources[0].date.unwrap().describe(), "26 November 2024");
        assert!(looks_like_events(
            &geojson::load("ev.geojson", src).features
        ));
    }

    #[test]
    fn csv_events_load_and_bad_rows_name_row_and_column() {
        let src = "\u{feff}start,end,title,summary,lon,lat,place,category,status,source_publisher,source_title,source_date,source_url\n\
2023-09-13,,Summit,\"Kim and Putin meet, at Vostochny\",128.33,51.88,Vostochny,diplomacy,confirmed,Reuters,Kim meets Putin,2023-09-13,\n\
2024-10,,Plant,,,,,weapons-production,reported,The Independent,Satellite images,2024-11-26,https://example.org\n\
2024-02-30,,Bad day,,,,,,claimed,,,,\n\
2024-11,,Swapped,,39.9,127.5,,troops,claimed,NIS,,,\n\
,,No date,,,,,,,,,,\n";
        let f = load_csv("week.csv", src.as_bytes());
        let titles: Vec<&str> = f.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Summit", "Plant"]);
        assert_eq!(f.events[0].summary, "Kim and Putin meet, at Vostochny");
        assert_eq!(f.events[0].shapes, vec![Shape::Point([128.33, 51.88])]);
        assert!(f.events[1].shapes.is_empty());
        let errs = errors(&f);
        assert_eq!(errs.len(), 3, "{errs:#?}");
        assert!(
            errs[0].starts_with("week.csv row 4, column \"start\": error:"),
            "{}",
            errs[0]
        );
        assert!(
            errs[1].contains("row 5, column \"lat\"") && errs[1].contains("swapped"),
            "{}",
            errs[1]
        );
        assert!(
            errs[2].contains("row 6, column \"start\"") && errs[2].contains("no date"),
            "{}",
            errs[2]
        );
        assert!(
            f.problems
                .iter()
                .any(|p| p.message.contains("byte-order mark"))
        );
    }

    #[test]
    fn timelinejs_columns_are_accepted() {
        let src = "Year,Month,Day,End Year,End Month,End Day,Headline,Text\n\
2024,6,19,,,,Treaty signed,In Pyongyang\n2024,10,,,,,Plant expanded,\n";
        let f = load_csv("tl.csv", src.as_bytes());
        assert_eq!(f.events.len(), 2, "{:#?}", f.problems);
        assert_eq!(f.events[0].span.start.describe(), "19 June 2024");
        assert_eq!(f.events[1].span.start.describe(), "October 2024");
    }

    #[test]
    fn csv_without_the_needed_columns_is_refused_as_a_whole() {
        let f = load_csv("x.csv", b"name,value\na,1\n");
        assert!(f.events.is_empty());
        assert_eq!(errors(&f).len(), 1);
        assert!(errors(&f)[0].contains("no \"start\" and \"title\" columns"));
        let f = load_csv("k.csv", b"start,title\n2024-01,\xc7\xd1\xb1\xb9\n");
        assert!(errors(&f)[0].contains("EUC-KR"), "{:?}", errors(&f));
    }

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
            if e.status == Status::Denied || !e.denied_by.is_empty() {
                assert!(e.denied_by.iter().all(|d| !d.is_empty()));
            }
            if !e.shapes.is_empty() && e.place_precision.is_none() {
                panic!("{} has a place but no place_precision", e.id);
            }
        }
        // The story's key events at the dates the issue's tests name.
        let kursk = f.events.iter().find(|e| e.id == "kursk-nk-troops").unwrap();
        let plant = f
            .events
            .iter()
            .find(|e| e.id == "ryongsong-expansion")
            .unwrap();
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
}
