//! The JSON files of Knight Lab's storytelling tools: a TimelineJS timeline (`{"events":
//! […]}`) read as events, and a StoryMapJS story map (`{"storymap": {"slides": […]}}`) whose
//! slides with a location become points on the map, joined in slide order.

use serde_json::{Map, Value, json};

use super::EventFile;
use super::fields::{DateForms, Fields, RawEvent, note_imprecise_dates, value_text};
use crate::geojson::Loaded;
use crate::model::{Feature, Shape};
use crate::problem::{Place, Problem, Severity};
use crate::words;

/// The largest TimelineJS or StoryMapJS file read as one (they hold text, not geometry).
pub const MAX_STORY_BYTES: usize = 32 * 1024 * 1024;

/// Which of Knight Lab's forms a JSON file is in.
#[derive(Debug)]
pub enum StoryJson {
    /// A TimelineJS timeline, read as events.
    Timeline(EventFile),
    /// A StoryMapJS story map, read as a layer of its slides' places.
    StoryMap(Loaded),
}

/// Reads a TimelineJS or StoryMapJS file; `None` when the bytes are neither (GeoJSON and
/// anything else go to their own readers).
pub fn read_story_json(file: &str, bytes: &[u8]) -> Option<StoryJson> {
    if bytes.len() > MAX_STORY_BYTES {
        return None;
    }
    // Cheap test first: both forms name their list near the top.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let has = |k: &[u8]| head.windows(k.len()).any(|w| w == k);
    if !has(b"\"events\"") && !has(b"\"storymap\"") {
        return None;
    }
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()?;
    let root: Value = serde_json::from_str(text).ok()?;
    let obj = root.as_object()?;
    if obj.contains_key("type") {
        return None;
    }
    if let Some(slides) = obj
        .get("storymap")
        .and_then(|s| s.get("slides"))
        .and_then(Value::as_array)
    {
        return Some(StoryJson::StoryMap(storymap(file, slides)));
    }
    let events = obj.get("events").and_then(Value::as_array)?;
    Some(StoryJson::Timeline(timeline(file, obj, events)))
}

/// Text without HTML tags and with the common entities decoded (TimelineJS and StoryMapJS
/// keep their text as HTML).
pub fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_at(v: &Value, path: &[&str]) -> Option<String> {
    let mut v = v;
    for k in path {
        v = v.get(k)?;
    }
    value_text(v)
        .map(|s| strip_html(&s))
        .filter(|s| !s.is_empty())
}

/// A TimelineJS date object (`{"year": 2024, "month": 10, "day": 17}`, numbers or text) as
/// the text the event reader takes (`2024-10-17`, `2024-10`, `2024`).
fn date_text(d: &Value) -> Option<Value> {
    let part = |k: &str| d.get(k).and_then(value_text);
    // Years before 1000 are written without leading zeros (`"602"`).
    let mut s = part("year").map(|y| {
        if y.bytes().all(|b| b.is_ascii_digit()) {
            format!("{y:0>4}")
        } else {
            y
        }
    })?;
    if let Some(m) = part("month") {
        s = format!("{s}-{m:0>2}");
        if let Some(day) = part("day") {
            s = format!("{s}-{day:0>2}");
        }
    }
    Some(Value::String(s))
}

fn timeline(file: &str, obj: &Map<String, Value>, events: &[Value]) -> EventFile {
    let mut out = EventFile {
        file: file.to_string(),
        ..Default::default()
    };
    let mut forms = DateForms::default();
    let mut uncredited = 0;
    for (i, e) in events.iter().enumerate() {
        let base = format!("events[{i}]");
        let place_of = |field: &str| {
            Place::Path(match field {
                "title" => format!("{base}.text.headline"),
                "summary" => format!("{base}.text.text"),
                "start" => format!("{base}.start_date"),
                "end" => format!("{base}.end_date"),
                "" => base.clone(),
                f if f.starts_with("sources") => format!("{base}.media"),
                other => format!("{base}.{other}"),
            })
        };
        let title = text_at(e, &["text", "headline"]).map(Value::String);
        let summary = text_at(e, &["text", "text"]).map(Value::String);
        let start = e.get("start_date").and_then(date_text);
        let end = e.get("end_date").and_then(date_text);
        // TimelineJS has no sources; the media credit is the file's own attribution.
        let sources = text_at(e, &["media", "credit"]).map(|credit| {
            let mut s = json!({ "publisher": credit });
            if let Some(url) = text_at(e, &["media", "url"]) {
                s["url"] = Value::String(url);
            }
            if let Some(caption) = text_at(e, &["media", "caption"]) {
                s["title"] = Value::String(caption);
            }
            Value::Array(vec![s])
        });
        // No credit: one warning for the file (below), not one per event.
        let sources = sources.or_else(|| {
            uncredited += 1;
            Some(Value::Array(Vec::new()))
        });
        let group = e.get("group");
        let status = e.get("status");
        let id = e
            .get("unique_id")
            .and_then(value_text)
            .unwrap_or_else(|| format!("{file}#{i}"));
        let mut fields = Fields {
            file,
            csv: false,
            problems: &mut out.problems,
            place_of: &place_of,
            forms: &mut forms,
        };
        if let Some(mut ev) = fields.event(RawEvent {
            id,
            title: title.as_ref(),
            title_ko: None,
            summary: summary.as_ref(),
            start: start.as_ref(),
            start_field: "start",
            end: end.as_ref(),
            category: None,
            status,
            claimed_by: None,
            denied_by: None,
            place_precision: None,
            place: group,
            sources,
            shapes: Vec::new(),
        }) {
            ev.file = file.to_string();
            out.events.push(ev);
        }
    }
    if events.is_empty() {
        out.problems.push(Problem::worded(
            Severity::Error,
            file,
            Place::Path("events".into()),
            words!("story-timelinejs-file-no-events"),
            words!("story-add-events-events-list"),
        ));
    }
    let title = obj
        .get("title")
        .and_then(|t| text_at(t, &["text", "headline"]));
    let message = match title {
        Some(t) => words!("story-timelinejs-titled", title = t),
        None => words!("story-timelinejs"),
    };
    out.problems.push(Problem::worded(
        Severity::Warning,
        file,
        Place::File,
        message,
        words!("story-timelinejs-hint"),
    ));
    if uncredited > 0 {
        out.problems.push(Problem::worded(
            Severity::Warning,
            file,
            Place::Path("events".into()),
            words!("story-uncredited", n = uncredited),
            words!("story-uncredited-hint"),
        ));
    }
    note_imprecise_dates(&mut out, &forms);
    out
}

fn storymap(file: &str, slides: &[Value]) -> Loaded {
    let mut out = Loaded {
        file: file.to_string(),
        ..Default::default()
    };
    let mut route = Vec::new();
    for (i, s) in slides.iter().enumerate() {
        let path = format!("storymap.slides[{i}]");
        let headline = text_at(s, &["text", "headline"]);
        if s.get("type").and_then(Value::as_str) == Some("overview") {
            out.name = out.name.or(headline);
            continue;
        }
        let Some(loc) = s.get("location") else {
            continue;
        };
        let num = |k: &str| {
            loc.get(k).and_then(|v| {
                v.as_f64()
                    .or_else(|| v.as_str().and_then(|t| t.trim().parse().ok()))
            })
        };
        let (Some(lon), Some(lat)) = (num("lon"), num("lat")) else {
            out.problems.push(Problem::worded(
                Severity::Warning,
                file,
                Place::Path(format!("{path}.location")),
                words!("story-slide-no-lat-lon"),
                words!("story-set-slide-s-place"),
            ));
            continue;
        };
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            out.problems.push(Problem::worded(
                Severity::Warning,
                file,
                Place::Path(format!("{path}.location")),
                words!("story-lat-lon-not-place", lat = lat, lon = lon),
                words!("story-set-slide-s-place"),
            ));
            continue;
        }
        let mut properties = Map::new();
        properties.insert("slide".into(), json!(i));
        for (k, path) in [
            ("title", &["text", "headline"][..]),
            ("text", &["text", "text"][..]),
            ("place", &["location", "name"][..]),
            ("media_credit", &["media", "credit"][..]),
            ("media_caption", &["media", "caption"][..]),
            ("media_url", &["media", "url"][..]),
        ] {
            if let Some(t) = text_at(s, path) {
                properties.insert(k.into(), Value::String(t));
            }
        }
        route.push([lon, lat]);
        out.features.push(Feature {
            id: None,
            shapes: vec![Shape::Point([lon, lat])],
            properties,
            path,
        });
    }
    if route.len() >= 2 {
        let mut properties = Map::new();
        properties.insert(
            "title".into(),
            Value::String("the story's path, slide to slide".into()),
        );
        out.features.push(Feature {
            id: None,
            shapes: vec![Shape::Line(route)],
            properties,
            path: "storymap.slides".into(),
        });
    }
    let severity = if out.features.is_empty() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let slides = out
        .features
        .iter()
        .filter(|f| f.path != "storymap.slides")
        .count();
    out.problems.push(Problem::worded(
        severity,
        file,
        Place::File,
        words!("story-storymap", n = slides),
        words!("story-storymap-hint"),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timelinejs_file_is_read_as_events() {
        let src = br#"{"title":{"text":{"headline":"Arms for Russia"}},"events":[
 {"start_date":{"year":"2023","month":"9","day":"13"},"text":{"headline":"<b>Kim</b> meets Putin","text":"<p>At Vostochny &amp; after.</p>"},
  "media":{"url":"https://example.org/p.jpg","credit":"KCNA"},"unique_id":"summit"},
 {"start_date":{"year":2024,"month":10},"end_date":{"year":2024,"month":12},"text":{"headline":"Troops"}},
 {"start_date":{"year":"2024","month":"13"},"text":{"headline":"Bad month"}},
 {"start_date":{"year":"2024"}}
]}"#;
        let Some(StoryJson::Timeline(f)) = read_story_json("t.json", src) else {
            panic!("not read as TimelineJS")
        };
        assert_eq!(f.events.len(), 2, "{:#?}", f.problems);
        let e = &f.events[0];
        assert_eq!(e.id, "summit");
        assert_eq!(e.title, "Kim meets Putin");
        assert_eq!(e.summary, "At Vostochny & after.");
        assert_eq!(e.span.start.to_string(), "2023-09-13");
        assert_eq!(e.sources[0].publisher, "KCNA");
        assert_eq!(f.events[1].span.end.unwrap().to_string(), "2024-12");
        let at = |p: &str| {
            f.problems
                .iter()
                .find(|x| x.place == Place::Path(p.into()))
                .map(|x| x.to_string())
        };
        assert!(at("events[2].start_date").unwrap().contains("month 13"));
        assert!(at("events[3].text.headline").unwrap().contains("no title"));
        assert!(
            f.problems
                .iter()
                .any(|p| p.message.contains("\"Arms for Russia\""))
        );
        // GeoJSON, and JSON that merely mentions events, are not taken.
        assert!(
            read_story_json(
                "g.json",
                br#"{"type":"FeatureCollection","events":[],"features":[]}"#
            )
            .is_none()
        );
        assert!(read_story_json("g.json", br#"{"features":[]}"#).is_none());
    }

    #[test]
    fn a_storymapjs_file_puts_its_slides_on_the_map() {
        let src = br#"{"storymap":{"slides":[
 {"type":"overview","text":{"headline":"Hamhung to Kursk"}},
 {"location":{"lat":39.92,"lon":127.54,"name":"Hamhung"},"text":{"headline":"The plant","text":"<p>Expanded</p>"},"media":{"credit":"Reuters"}},
 {"location":{"lat":"51.73","lon":"36.19"},"text":{"headline":"Kursk"}},
 {"location":{"lat":951.7,"lon":36.19},"text":{"headline":"Nowhere"}},
 {"text":{"headline":"No place"}}
]}}"#;
        let Some(StoryJson::StoryMap(l)) = read_story_json("s.json", src) else {
            panic!("not read as StoryMapJS")
        };
        assert_eq!(l.name.as_deref(), Some("Hamhung to Kursk"));
        assert_eq!(l.features.len(), 3, "two slides and the path");
        assert_eq!(l.features[0].shapes, [Shape::Point([127.54, 39.92])]);
        assert_eq!(l.features[0].str_prop("title"), Some("The plant"));
        assert_eq!(l.features[0].str_prop("media_credit"), Some("Reuters"));
        assert_eq!(l.features[1].path, "storymap.slides[2]");
        assert_eq!(
            l.features[2].shapes,
            [Shape::Line(vec![[127.54, 39.92], [36.19, 51.73]])]
        );
        assert!(
            l.problems
                .iter()
                .any(|p| p.place == Place::Path("storymap.slides[3].location".into()))
        );
    }

    #[test]
    fn timelinejs_own_example_loads_with_its_early_years() {
        // TimelineJS's own "eras" example (tests/fixtures/README.md): 20 events of the 7th
        // century, years written "602", some with months and days.
        let src = include_bytes!("../../../../tests/fixtures/timelinejs-eras.json");
        let Some(StoryJson::Timeline(f)) = read_story_json("eras.json", src) else {
            panic!("not read as TimelineJS")
        };
        let errors: Vec<_> = f
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(f.events.len(), 20);
        let korea = f
            .events
            .iter()
            .find(|e| e.title == "Ends of the Three Kingdoms period in Korea")
            .unwrap();
        assert_eq!(korea.span.start.to_string(), "0668");
        let hijra = &f.events[2];
        assert_eq!(hijra.span.start.describe(), "9 August 622");
        assert_eq!(hijra.span.end.unwrap().to_string(), "0622-08-23");
    }
}
