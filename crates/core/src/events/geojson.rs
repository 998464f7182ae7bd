//! Events from GeoJSON: a FeatureCollection whose features carry dates (`start` or `time`)
//! and the event's properties (title, status, sources, …); its geometry is the place.

use serde_json::Value;

use super::fields::{DateForms, Fields, RawEvent, note_imprecise_dates, read_date, value_text};
use super::{Event, EventFile, RouteNote, Status};
use crate::geojson;
use crate::model::Feature;
use crate::model::Shape;
use crate::problem::Place;

/// True when a GeoJSON file's features are reported events: at least half of them have a
/// `start`, or a `time` together with a field only events have (a `status` Dateline knows,
/// a `sources` list, `claimed_by`, `denied_by` or `place_precision`). A file with times but
/// none of these (an earthquake catalogue: `time`, `mag`, `place`) is a timed layer instead,
/// see [`timed_fields`].
pub fn looks_like_events(features: &[Feature]) -> bool {
    let event_field = |f: &Feature| {
        let p = &f.properties;
        p.get("status")
            .and_then(Value::as_str)
            .is_some_and(|s| Status::parse(s).is_some())
            || p.get("sources")
                .is_some_and(|v| v.is_array() || v.is_object())
            || ["claimed_by", "denied_by", "place_precision"]
                .iter()
                .any(|k| p.contains_key(*k))
    };
    !features.is_empty()
        && features
            .iter()
            .filter(|f| {
                f.properties.contains_key("start")
                    || (f.properties.contains_key("time") && event_field(f))
            })
            .count()
            * 2
            >= features.len()
}

/// Property names read as a timed layer's start, in order of preference (any case).
pub const TIME_FIELDS: [&str; 10] = [
    "start",
    "time",
    "date",
    "datetime",
    "timestamp",
    "when",
    "begin",
    "start_date",
    "start_time",
    "time_start",
];
/// Property names read as a timed layer's end (any case).
pub const END_FIELDS: [&str; 5] = ["end", "until", "end_date", "end_time", "time_end"];

/// The properties that give a timed layer's features their dates: the first of
/// [`TIME_FIELDS`] (any case) that at least half of the features have with a value that
/// reads as a date, and the matching end field if any feature has one. `None`: not timed.
pub fn timed_fields(features: &[Feature]) -> Option<(String, Option<String>)> {
    let first = features.iter().find(|f| !f.properties.is_empty())?;
    let key_like = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| {
            first
                .properties
                .keys()
                .find(|k| k.eq_ignore_ascii_case(n))
                .cloned()
        })
    };
    let start = key_like(&TIME_FIELDS)?;
    let dated = features
        .iter()
        .filter(|f| {
            f.properties
                .get(&start)
                .is_some_and(|v| read_date(v).is_ok())
        })
        .count();
    if dated * 2 < features.len() {
        return None;
    }
    let end = key_like(&END_FIELDS);
    Some((start, end))
}
/// A timed layer feature's dates from its `start` (and `end`) property, each counted in
/// `forms`; `Err` says why the start cannot be read (the feature then always shows).
pub(crate) fn timed_span(
    p: &serde_json::Map<String, Value>,
    start: &str,
    end: Option<&str>,
    forms: &mut DateForms,
    place: &dyn Fn(&str) -> crate::problem::Place,
) -> Result<crate::timeline::Span, crate::problem::Words> {
    // The layer's date property, else another one this feature has (a KML placemark with a
    // TimeSpan among placemarks with a TimeStamp).
    let (start, v) = std::iter::once(start)
        .chain(TIME_FIELDS)
        .find_map(|k| p.get(k).filter(|v| !v.is_null()).map(|v| (k, v)))
        .ok_or_else(|| crate::words!("load-no-field", field = start))?;
    let (s, form, raw) = read_date(v)?;
    forms.count(form, || place(start), &raw, s);
    let end = end
        .into_iter()
        .chain(END_FIELDS)
        .find_map(|k| p.get(k).filter(|v| !v.is_null()).map(|v| (k, v)))
        .and_then(|(k, v)| {
            let (e, form, raw) = read_date(v).ok()?;
            forms.count(form, || place(k), &raw, e);
            (e.last_day() >= s.first_day()).then_some(e)
        });
    Ok(crate::timeline::Span { start: s, end })
}

/// Reads an events GeoJSON file (see `../shared/design.md` for its properties).
pub fn load_geojson(file: &str, bytes: &[u8]) -> EventFile {
    from_loaded(file, &geojson::load(file, bytes))
}

/// Reads events from an already loaded GeoJSON file (its problems are kept).
pub fn from_loaded(file: &str, loaded: &geojson::Loaded) -> EventFile {
    let mut out = EventFile {
        file: file.to_string(),
        events: Vec::new(),
        problems: loaded.problems.clone(),
    };
    let mut forms = DateForms::default();
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
            forms: &mut forms,
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
                .or_else(|| get("headline"))
                .or_else(|| get("place")),
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
            if get("route").and_then(value_text).as_deref() == Some("not reported") {
                ev.route_not_reported = Some(RouteNote {
                    en: get("route_note").and_then(value_text).unwrap_or_else(|| {
                        "The sources give no route: the arrow joins the two places only.".into()
                    }),
                    ko: get("route_note_ko").and_then(value_text),
                });
            }
            out.events.push(ev);
        }
    }
    note_imprecise_dates(&mut out, &forms);
    out
}

fn geometry(shapes: &[Shape]) -> serde_json::Value {
    use serde_json::json;
    let one = |s: &Shape| match s {
        Shape::Point(p) => json!({"type": "Point", "coordinates": p}),
        Shape::Line(l) => json!({"type": "LineString", "coordinates": l}),
        Shape::Polygon(r) => json!({"type": "Polygon", "coordinates": r}),
    };
    match shapes {
        [] => serde_json::Value::Null,
        [s] => one(s),
        _ if shapes.iter().all(|s| matches!(s, Shape::Line(_))) => json!({
            "type": "MultiLineString",
            "coordinates": shapes.iter().filter_map(|s| match s { Shape::Line(l) => Some(l), _ => None }).collect::<Vec<_>>(),
        }),
        _ => {
            json!({"type": "GeometryCollection", "geometries": shapes.iter().map(one).collect::<Vec<_>>()})
        }
    }
}

/// Events as a GeoJSON events file (`docs/events-format.md`), the form the app reads:
/// reading it back gives the same events (their file aside).
pub fn to_geojson(events: &[Event]) -> String {
    use serde_json::json;
    let features: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            let mut p = serde_json::Map::new();
            p.insert("title".into(), json!(e.title));
            if let Some(k) = &e.title_ko {
                p.insert("title_ko".into(), json!(k));
            }
            if !e.summary.is_empty() {
                p.insert("summary".into(), json!(e.summary));
            }
            p.insert("start".into(), json!(e.span.start.file_form()));
            p.insert(
                "end".into(),
                json!(e.span.end.as_ref().map(|d| d.file_form())),
            );
            p.insert("category".into(), json!(e.category));
            p.insert("status".into(), json!(e.status.code()));
            p.insert("claimed_by".into(), json!(e.claimed_by));
            p.insert("denied_by".into(), json!(e.denied_by));
            if let Some(pl) = &e.place {
                p.insert("place".into(), json!(pl));
            }
            if let Some(pp) = e.place_precision {
                p.insert("place_precision".into(), json!(pp.code()));
            }
            let sources: Vec<serde_json::Value> = e
                .sources
                .iter()
                .map(|s| {
                    json!({
                        "publisher": s.publisher,
                        "date": s.date.as_ref().map(|d| d.file_form()),
                        "title": s.title,
                        "author": s.author,
                        "url": s.url,
                    })
                })
                .collect();
            p.insert("sources".into(), json!(sources));
            if let Some(r) = &e.route_not_reported {
                p.insert("route".into(), json!("not reported"));
                p.insert("route_note".into(), json!(r.en));
                if let Some(k) = &r.ko {
                    p.insert("route_note_ko".into(), json!(k));
                }
            }
            json!({
                "type": "Feature",
                "id": e.id,
                "geometry": geometry(&e.shapes),
                "properties": p,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&json!({
        "type": "FeatureCollection",
        "features": features,
    }))
    .unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::super::{PlacePrecision, errors};
    use super::*;
    use crate::problem::Severity;

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
    fn events_written_and_read_back_are_the_same_events() {
        let bundled = load_geojson(super::super::BUNDLED_NAME, super::super::BUNDLED);
        assert!(bundled.events.len() >= 14);
        let text = to_geojson(&bundled.events);
        let back = load_geojson("mine.geojson", text.as_bytes());
        assert!(
            back.problems
                .iter()
                .all(|p| p.severity != crate::problem::Severity::Error),
            "{:#?}",
            back.problems
        );
        assert_eq!(back.events.len(), bundled.events.len());
        for (a, b) in bundled.events.iter().zip(&back.events) {
            let mut b = b.clone();
            b.file = a.file.clone();
            assert_eq!(*a, b, "{}", a.id);
        }
    }
}
