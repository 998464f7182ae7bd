//! The checks both event readers share: one event's fields (title, dates, status, lists,
//! sources), each problem recorded at the field's place in the file.

use serde_json::Value;

use super::{Event, EventFile, PlacePrecision, Source, Status};
use crate::model::Shape;
use crate::problem::{Place, Problem, Severity, Words};
use crate::timeline::{DateForm, FuzzyDate, Span};
use crate::words;

/// A problem in an events file.
pub(super) fn problem(
    file: &str,
    sev: Severity,
    place: Place,
    message: Words,
    hint: Words,
) -> Problem {
    Problem::worded(sev, file, place, message, hint)
}

/// The fields of one event before checking, whatever the file form.
pub(super) struct RawEvent<'a> {
    pub(super) id: String,
    pub(super) title: Option<&'a Value>,
    pub(super) title_ko: Option<&'a Value>,
    pub(super) summary: Option<&'a Value>,
    pub(super) start: Option<&'a Value>,
    pub(super) start_field: &'static str,
    pub(super) end: Option<&'a Value>,
    pub(super) category: Option<&'a Value>,
    pub(super) status: Option<&'a Value>,
    pub(super) claimed_by: Option<&'a Value>,
    pub(super) denied_by: Option<&'a Value>,
    pub(super) place_precision: Option<&'a Value>,
    pub(super) place: Option<&'a Value>,
    pub(super) sources: Option<Value>,
    pub(super) shapes: Vec<Shape>,
}

/// Checks an event's fields, recording problems at the right place.
pub(super) struct Fields<'a> {
    pub(super) file: &'a str,
    /// CSV (hints name columns) or GeoJSON (hints name properties).
    pub(super) csv: bool,
    pub(super) problems: &'a mut Vec<Problem>,
    pub(super) place_of: &'a dyn Fn(&str) -> Place,
    /// The forms the file's dates came in, for one warning a form.
    pub(super) forms: &'a mut DateForms,
}

/// How many dates of a file came in each form other than a calendar date, with the first
/// example (its place, as written, and as read), so one warning a form says how they were read.
#[derive(Debug, Default)]
pub(crate) struct DateForms(
    std::collections::BTreeMap<DateForm, (usize, Place, String, FuzzyDate)>,
);

impl DateForms {
    /// Counts one date read in `form`.
    pub(crate) fn count(
        &mut self,
        form: DateForm,
        place: impl FnOnce() -> Place,
        raw: &str,
        d: FuzzyDate,
    ) {
        if form == DateForm::Calendar {
            return;
        }
        self.0
            .entry(form)
            .or_insert_with(|| (0, place(), raw.to_string(), d))
            .0 += 1;
    }

    /// One warning a form other than calendar dates, saying how those dates were read.
    pub(crate) fn warnings(&self, file: &str) -> Vec<Problem> {
        self.0
            .iter()
            .map(|(form, (n, place, raw, d))| {
                problem(
                    file,
                    Severity::Warning,
                    place.clone(),
                    words!(
                        "ev-date-s-example-read",
                        n = n,
                        explain = form.explain(),
                        raw = raw,
                        describe = crate::problem::InWords(*d)
                    ),
                    words!("ev-nothing-do-if-right"),
                )
            })
            .collect()
    }
}

/// Reads one date value as files in the wild write it (text or a number), with its form.
pub(crate) fn read_date(v: &Value) -> Result<(FuzzyDate, DateForm, String), Words> {
    match v {
        Value::String(s) => {
            FuzzyDate::parse_any(s).map(|(d, f)| (d, f, format!("\"{}\"", s.trim())))
        }
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            FuzzyDate::from_number(x).map(|(d, f)| (d, f, n.to_string()))
        }
        other => Err(words!("date-not-text-or-number", value = other)),
    }
}

/// The text of a field: trimmed non-empty text, or a number written out.
pub(super) fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Fields<'_> {
    /// Records an error at a field.
    pub(super) fn error(&mut self, field: &str, message: Words, hint: Words) {
        let place = (self.place_of)(field);
        self.problems
            .push(problem(self.file, Severity::Error, place, message, hint));
    }

    fn warn(&mut self, field: &str, message: Words, hint: Words) {
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
                    words!("ev-should-list-names-ignored", field = field),
                    words!("ev-write-name-name-csv"),
                );
                Vec::new()
            }
        }
    }

    fn date(&mut self, field: &str, v: &Value) -> Option<FuzzyDate> {
        match read_date(v) {
            Ok((d, form, raw)) => {
                let place = || (self.place_of)(field);
                self.forms.count(form, place, &raw, d);
                Some(d)
            }
            Err(e) => {
                self.error(field, e, words!("ev-fix-date-write-2024"));
                None
            }
        }
    }

    /// Checks one event's fields; `None` (its errors recorded) when any is wrong.
    pub(super) fn event(&mut self, raw: RawEvent<'_>) -> Option<Event> {
        let before = self.problems.len();
        let title = raw.title.and_then(value_text);
        if title.is_none() {
            self.error(
                "title",
                words!("ev-event-no-title"),
                words!("ev-add-short-title-saying"),
            );
        }
        let start = match raw.start {
            Some(v) => self.date(raw.start_field, v),
            None => {
                self.error(
                    "start",
                    words!("ev-event-no-date"),
                    words!("ev-add-start-yyyy-mm"),
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
                words!("ev-event-ends-before-starts", e = e, s = s),
                words!("ev-swap-two-dates-fix"),
            );
        }
        let status = match raw.status.map(|v| (v, v.as_str().and_then(Status::parse))) {
            None => {
                self.warn(
                    "status",
                    words!("ev-no-status-shown-reported"),
                    words!("ev-add-status-one-confirmed"),
                );
                Status::Reported
            }
            Some((_, Some(s))) => s,
            Some((v, None)) => {
                self.error(
                    "status",
                    words!("ev-unknown-status", v = v),
                    words!("ev-use-one-confirmed-reported"),
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
                        words!("ev-unknown-place-precision-ignored", v = v),
                        words!("ev-use-one-exact-site"),
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
            route_not_reported: None,
            file: String::new(),
        })
    }

    fn sources(&mut self, v: Option<&Value>) -> Vec<Source> {
        let items = match v {
            None => {
                let hint = if self.csv {
                    words!("ev-fill-source-publisher-source")
                } else {
                    words!("ev-add-sources")
                };
                self.warn(
                    if self.csv {
                        "source_publisher"
                    } else {
                        "sources"
                    },
                    words!("ev-no-sources-readers-cannot"),
                    hint,
                );
                return Vec::new();
            }
            Some(Value::Array(a)) => a.clone(),
            Some(o @ Value::Object(_)) => vec![o.clone()],
            Some(other) => {
                self.error(
                    "sources",
                    words!("ev-sources-must-list-objects", other = other),
                    words!("ev-write"),
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
                    words!("ev-source-must-object-not", s = s),
                    words!("ev-write-2"),
                );
                continue;
            };
            let text = |k: &str| o.get(k).and_then(value_text);
            let Some(publisher) = text("publisher") else {
                self.error(
                    &format!("{field}.publisher"),
                    words!("ev-source-no-publisher"),
                    words!("ev-say-who-published-publisher"),
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

/// Adds one warning a date form other than calendar dates (how they were read), and one
/// saying how many events have dates without a day (shown across their month or year), so a
/// user sees what was assumed.
pub(super) fn note_imprecise_dates(out: &mut EventFile, forms: &DateForms) {
    out.problems.extend(forms.warnings(&out.file));
    let n = out.events.iter().filter(|e| e.span.is_uncertain()).count();
    if n > 0 {
        out.problems.push(problem(
            &out.file,
            Severity::Warning,
            Place::File,
            words!("ev-event-s-dates-without", n = n),
            words!("ev-nothing-do-if-sources"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::{errors, load_csv, load_geojson};
    use super::*;

    #[test]
    fn name_lists_are_read_from_text_or_a_list_and_other_types_are_ignored_with_a_warning() {
        let event = |claimed_by: &str| {
            let src = format!(
                r#"{{"type":"Feature","geometry":null,"properties":{{"title":"T","start":"2024-10-17",
                "status":"claimed","sources":[{{"publisher":"NIS"}}],"claimed_by":{claimed_by}}}}}"#
            );
            load_geojson("e.geojson", src.as_bytes())
        };
        // Text: names separated by semicolons, trimmed, empty ones dropped.
        let f = event(r#"" NIS ;; KCNA; ""#);
        assert_eq!(f.events[0].claimed_by, ["NIS", "KCNA"]);
        // A list: its texts (trimmed) and numbers; empty texts, nulls and objects dropped.
        let f = event(r#"["NIS", " ", null, 38, {"a":1}, " KCNA "]"#);
        assert_eq!(f.events[0].claimed_by, ["NIS", "38", "KCNA"]);
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        // Any other type: the event still loads, without the list, and a warning says so at
        // the property.
        for other in ["true", "17", r#"{"name":"NIS"}"#] {
            let f = event(other);
            assert_eq!(f.events.len(), 1, "{other}: {:?}", f.problems);
            assert!(f.events[0].claimed_by.is_empty());
            assert!(errors(&f).is_empty());
            let w: Vec<&Problem> = f.problems.iter().collect();
            assert_eq!(w.len(), 1, "{other}: {w:?}");
            assert_eq!(w[0].severity, Severity::Warning);
            assert_eq!(w[0].place, Place::Path("properties.claimed_by".into()));
            assert!(
                w[0].message.contains("should be a list of names"),
                "{}",
                w[0]
            );
        }
        // A CSV cell is text: the same semicolon-separated names.
        let f = load_csv(
            "w.csv",
            b"start,title,status,claimed_by,denied_by,source_publisher\n2024-10-17,T,claimed,NIS; KCNA,Russia;North Korea ;,NIS\n",
        );
        assert_eq!(f.events[0].claimed_by, ["NIS", "KCNA"]);
        assert_eq!(f.events[0].denied_by, ["Russia", "North Korea"]);
    }
}
