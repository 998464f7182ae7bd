//! Events from CSV: one event a row, with Dateline's columns or TimelineJS's, read with the
//! `csv` crate (quoted fields, a byte-order mark); each problem names its row and column.

use serde_json::Value;

use super::fields::{Fields, RawEvent, note_imprecise_dates, problem, value_text};
use super::{Event, EventFile};
use crate::cancel::Cancel;
use crate::model::Shape;
use crate::problem::{Place, Severity, Words};
use crate::words;

/// The largest CSV file read (a spreadsheet of events is far smaller).
pub const MAX_CSV_BYTES: usize = 64 * 1024 * 1024;

/// Reads a CSV of events: columns `start,end,title,summary,lon,lat,place,category,status,
/// source_publisher,source_title,source_date,source_url` (plus optional `id`, `title_ko`,
/// `claimed_by`, `denied_by`, `place_precision`), or TimelineJS's
/// `Year,Month,Day,End Year,End Month,End Day,Headline,Text`. Column names are case-insensitive.
pub fn load_csv(file: &str, bytes: &[u8]) -> EventFile {
    // Never cancelled, so always `Some`.
    load_csv_with(file, bytes, &mut Cancel::never()).unwrap_or_default()
}

/// [`load_csv`], asking `cancel` every thousand rows whether to go on (`None`: cancelled).
pub(crate) fn load_csv_with(
    file: &str,
    bytes: &[u8],
    cancel: &mut Cancel<'_>,
) -> Option<EventFile> {
    let mut out = EventFile {
        file: file.to_string(),
        ..Default::default()
    };
    let fatal = |out: &mut EventFile, message: Words, hint: Words| {
        out.problems
            .push(problem(file, Severity::Error, Place::File, message, hint));
    };
    if bytes.len() > MAX_CSV_BYTES {
        fatal(
            &mut out,
            words!("csv-file-mb-limit-csv", bytes = bytes.len() >> 20),
            words!("csv-split-into-smaller-files"),
        );
        return Some(out);
    }
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        bytes = rest;
        out.problems.push(problem(
            file,
            Severity::Warning,
            Place::File,
            words!("csv-byte-order-mark-bom"),
            words!("csv-nothing-do-some-editors"),
        ));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        fatal(
            &mut out,
            words!("csv-file-utf-16-text"),
            words!("csv-save-again-csv-utf"),
        );
        return Some(out);
    }
    // Not UTF-8: Excel on Korean Windows saves "CSV" as CP949, read as that when it is valid.
    let decoded;
    if std::str::from_utf8(bytes).is_err()
        && let Some(text) = crate::geojson::decode_cp949(bytes)
    {
        out.problems.push(problem(
            file,
            Severity::Warning,
            Place::File,
            crate::geojson::cp949_message(),
            words!("csv-nothing-do-avoid-warning"),
        ));
        decoded = text;
        bytes = decoded.as_bytes();
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
            words!("csv-file-not-utf-8"),
            words!("csv-save-again-csv-utf-2"),
        ));
        return Some(out);
    }
    let mut rdr = ::csv::ReaderBuilder::new()
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(bytes);
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.to_ascii_lowercase()).collect(),
        Err(e) => {
            fatal(
                &mut out,
                words!("csv-cannot-read-header-row", e = e),
                words!("csv-first-row-must-name"),
            );
            return Some(out);
        }
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let timeline_js = col("year").is_some() && col("headline").is_some();
    let mut forms = super::fields::DateForms::default();
    if !timeline_js && (col("start").is_none() || col("title").is_none()) {
        fatal(
            &mut out,
            words!("csv-header-row-no-start", join = headers.join(", ")),
            words!("csv-name-columns-start-end"),
        );
        return Some(out);
    }
    for (i, rec) in rdr.records().enumerate() {
        if !cancel.work(1) {
            return None;
        }
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
                    words!("csv-row-cannot-read", e = e),
                    words!("csv-check-quotes-field-comma"),
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
            forms: &mut forms,
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
                            words!("csv-latitude-out-range-lon", y = y),
                            words!("csv-put-longitude-east-west"),
                        );
                    }
                    _ => fields.error(
                        "lon",
                        words!("csv-not-longitude-latitude-pair", lon = lon, lat = lat),
                        words!("csv-write-decimal-degrees-e"),
                    ),
                }
            }
            _ => fields.error(
                "lon",
                words!("csv-only-one-lon-lat"),
                words!("csv-fill-both-leave-both"),
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
    note_imprecise_dates(&mut out, &forms);
    Some(out)
}

/// The columns [`to_csv`] writes, in order: Dateline's own, which [`load_csv`] reads.
pub const CSV_COLUMNS: [&str; 18] = [
    "id",
    "start",
    "end",
    "title",
    "title_ko",
    "summary",
    "lon",
    "lat",
    "place",
    "place_precision",
    "category",
    "status",
    "claimed_by",
    "denied_by",
    "source_publisher",
    "source_title",
    "source_date",
    "source_url",
];

/// Events as a CSV events file with Dateline's columns ([`CSV_COLUMNS`]): reading it back
/// with [`load_csv`] gives the same events. A row holds one point and one source, so an event
/// with a line or an area, several sources, a source's author or a "route not reported" note
/// is refused, named, with what to do. An id the reader made from the row (`file#row3`) is
/// left out, so the reader makes it again.
pub fn to_csv(file: &str, events: &[Event]) -> Result<String, Words> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: ::csv::Error| words!("csv-cannot-write", e = e);
    w.write_record(CSV_COLUMNS).map_err(fail)?;
    for (i, e) in events.iter().enumerate() {
        let row = i + 2;
        let what = |why: Words| words!("csv-cannot-hold", title = e.title, row = row, why = why);
        let at = match e.shapes.as_slice() {
            [] => None,
            [Shape::Point(p)] => Some(*p),
            _ => return Err(what(words!("csv-why-shape"))),
        };
        if e.sources.len() > 1 {
            return Err(what(words!("csv-why-sources")));
        }
        if e.route_not_reported.is_some() {
            return Err(what(words!("csv-why-route")));
        }
        let source = e.sources.first();
        if source.is_some_and(|s| s.author.is_some()) {
            return Err(what(words!("csv-why-author")));
        }
        let made = e.id == format!("{file}#row{row}");
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let record = [
            if made { String::new() } else { e.id.clone() },
            e.span.start.file_form(),
            e.span
                .end
                .as_ref()
                .map(|d| d.file_form())
                .unwrap_or_default(),
            e.title.clone(),
            opt(&e.title_ko),
            e.summary.clone(),
            num(at.map(|p| p[0])),
            num(at.map(|p| p[1])),
            opt(&e.place),
            e.place_precision
                .map(|p| p.code().to_string())
                .unwrap_or_default(),
            e.category.clone(),
            e.status.code().to_string(),
            e.claimed_by.join("; "),
            e.denied_by.join("; "),
            source.map(|s| s.publisher.clone()).unwrap_or_default(),
            source.and_then(|s| s.title.clone()).unwrap_or_default(),
            source
                .and_then(|s| s.date.as_ref())
                .map(|d| d.file_form())
                .unwrap_or_default(),
            source.and_then(|s| s.url.clone()).unwrap_or_default(),
        ];
        w.write_record(&record).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| words!("csv-cannot-write", e = e))?;
    String::from_utf8(bytes).map_err(|e| words!("csv-cannot-write", e = e))
}

#[cfg(test)]
mod tests {
    use super::super::errors;
    use super::*;

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
        // Neither UTF-8 nor CP949 (0xFF never follows a CP949 lead byte).
        let f = load_csv("k.csv", b"start,title\n2024-01,\xc7\xd1\xff\n");
        assert!(errors(&f)[0].contains("EUC-KR"), "{:?}", errors(&f));
    }

    #[test]
    fn korean_cp949_csv_is_read_with_a_warning() {
        // Made with Python's `.encode('cp949')` (see tests/fixtures/README.md).
        let bytes = include_bytes!("../../../../tests/fixtures/example-events-cp949.csv");
        let f = load_csv("cp949.csv", bytes);
        assert!(errors(&f).is_empty(), "{:?}", f.problems);
        assert_eq!(f.events.len(), 2);
        assert_eq!(f.events[0].title_ko.as_deref(), Some("수업 예시 사건"));
        assert_eq!(f.events[0].summary, "수업용 예시 사건, 쉼표 포함");
        assert_eq!(f.events[0].place.as_deref(), Some("서울특별시청"));
        assert_eq!(f.events[1].title_ko.as_deref(), Some("예시 조약 서명"));
        assert_eq!(f.events[1].shapes, vec![Shape::Point([125.75, 39.02])]);
        let warnings: Vec<_> = f
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning && p.message.contains("CP949"))
            .collect();
        assert_eq!(warnings.len(), 1, "{:?}", f.problems);
        assert!(warnings[0].message.contains("Excel"));
        assert!(warnings[0].hint.contains("CSV UTF-8"));
        // The two-byte form in the old test: 한국.
        let f = load_csv("k.csv", b"start,title\n2024-01,\xc7\xd1\xb1\xb9\n");
        assert_eq!(f.events[0].title, "한국");
    }

    #[test]
    fn events_written_as_csv_read_back_the_same_and_what_csv_cannot_hold_is_refused() {
        let src = "start,end,title,title_ko,summary,lon,lat,place,place_precision,category,status,claimed_by,denied_by,source_publisher,source_title,source_date,source_url\n\
2023-09-13,,Summit,정상회담,\"Kim and Putin meet, at \"\"Vostochny\"\"\",128.33,51.88,Vostochny,exact,diplomacy,confirmed,,,Reuters,Kim meets Putin,2023-09-13,https://example.org/a\n\
2024-10,2024-12,Plant,,,,,,,weapons-production,claimed,NIS; KCNA,Russia,The Independent,,2024-11,\n";
        let first = load_csv("week.csv", src.as_bytes());
        assert_eq!(first.events.len(), 2, "{:#?}", first.problems);
        let text = to_csv("week.csv", &first.events).expect("both fit a row");
        let again = load_csv("week.csv", text.as_bytes());
        assert!(errors(&again).is_empty(), "{:#?}", again.problems);
        assert_eq!(again.events, first.events);
        // A reader-made id is left for the reader to make again; an own id is kept.
        assert_eq!(again.events[1].id, "week.csv#row3");
        let mut own = first.events.clone();
        own[0].id = "summit-2023".into();
        let kept = load_csv("week.csv", to_csv("week.csv", &own).unwrap().as_bytes());
        assert_eq!(kept.events[0].id, "summit-2023");
        // Two sources, a line: refused, naming the event and what to do.
        let mut two = first.events.clone();
        let s0 = two[0].sources[0].clone();
        two[1].sources.push(s0);
        let e = to_csv("week.csv", &two)
            .unwrap_err()
            .text(crate::i18n::UiLang::En);
        assert!(
            e.contains("\"Plant\" (row 3)") && e.contains("GeoJSON"),
            "{e}"
        );
        let mut line = first.events.clone();
        line[0].shapes = vec![Shape::Line(vec![[127.5, 39.9], [36.2, 51.7]])];
        let e = to_csv("week.csv", &line)
            .unwrap_err()
            .text(crate::i18n::UiLang::En);
        assert!(e.contains("Summit") && e.contains("one point"), "{e}");
    }
}
