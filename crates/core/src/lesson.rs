//! Lessons: a story told in steps (`docs/lesson-format.md`). Reading a lesson file with the
//! same plain-language problems as other files, checking its steps against the atlas, the
//! story and its folder (unknown ids and missing files are reported per step, never fatal),
//! resolving the files it names inside its own folder only, and the small Markdown of its
//! narration.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};

use super::geojson::kind_of;
use super::globe::path_km;
use super::model::{Lang, LonLat, thousands};
use super::problem::{Place, Problem, Severity, Words};
use super::timeline::{FuzzyDate, Window};
use super::view::{MAX_ZOOM, MIN_ZOOM, ViewSpec};
use crate::words;

/// The version of the format this build reads.
pub const VERSION: u64 = 1;
/// How lesson files' names end.
pub const EXTENSION: &str = ".dateline-lesson.json";
/// The bundled lesson ("From Hamhung to Kursk").
pub const BUNDLED: &[u8] =
    include_bytes!("../../../assets/lessons/hamhung-to-kursk.dateline-lesson.json");
/// The bundled lesson's file name.
pub const BUNDLED_NAME: &str = "hamhung-to-kursk.dateline-lesson.json";

/// Text in English and/or Korean.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    /// English.
    pub en: Option<String>,
    /// Korean.
    pub ko: Option<String>,
}

impl Text {
    /// The text in a language: English or Korean, the other when that one is missing; both
    /// (English, then Korean on its own line) for [`Lang::Both`].
    pub fn get(&self, lang: Lang) -> String {
        let (en, ko) = (self.en.as_deref(), self.ko.as_deref());
        match (lang, en, ko) {
            (Lang::Both, Some(e), Some(k)) if e != k => format!("{e}\n{k}"),
            (Lang::Ko, _, Some(k)) => k.to_string(),
            (_, Some(e), _) => e.to_string(),
            (_, None, Some(k)) => k.to_string(),
            (_, None, None) => String::new(),
        }
    }

    /// English text typed in a field, trimmed; `None` when only blanks were typed.
    pub fn typed_english(s: &str) -> Option<Text> {
        let t = s.trim();
        (!t.is_empty()).then(|| Text {
            en: Some(t.to_string()),
            ko: None,
        })
    }

    /// Whether it has no text in either language.
    pub fn is_empty(&self) -> bool {
        self.en.as_deref().is_none_or(str::is_empty) && self.ko.as_deref().is_none_or(str::is_empty)
    }
}

/// Where a step looks.
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    /// A named view or a centre and zoom.
    pub spec: ViewSpec,
    /// On the globe (else the map).
    pub globe: bool,
}

/// Something drawn for a step.
#[derive(Debug, Clone, PartialEq)]
pub enum Annotation {
    /// An arrow between two places.
    Arrow {
        /// Where it starts.
        from: LonLat,
        /// Where it points.
        to: LonLat,
        /// Its label.
        label: Option<Text>,
    },
    /// A circle of a radius on the ground.
    Circle {
        /// Its centre.
        center: LonLat,
        /// Its radius in km.
        radius_km: f64,
        /// Its label.
        label: Option<Text>,
        /// Where the radius comes from.
        source: Option<String>,
    },
    /// A text note at a place.
    Note {
        /// Where.
        at: LonLat,
        /// What it says.
        text: Text,
    },
    /// A line measured along great circles.
    Measure {
        /// Its points, two or more.
        points: Vec<LonLat>,
    },
}

impl Annotation {
    /// For a measured line, its length along great circles in km.
    pub fn length_km(&self) -> Option<f64> {
        match self {
            Annotation::Measure { points } => Some(path_km(points)),
            _ => None,
        }
    }
}

/// A length in km as a teacher says it, with miles: "6,473 km (4,022 mi)".
pub fn km_and_miles(km: f64) -> String {
    let whole = |v: f64| thousands(v.round().max(0.0) as u64);
    format!("{} km ({} mi)", whole(km), whole(km / 1.609_344))
}

/// The answer to a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The index of the right choice.
    Choice(usize),
    /// A model answer to an open question.
    Open(Text),
}

/// A question for the class.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// What is asked.
    pub prompt: Text,
    /// The choices (empty: an open question).
    pub choices: Vec<Text>,
    /// The answer.
    pub answer: Answer,
    /// Why, shown with the answer.
    pub explanation: Option<Text>,
}

/// Layers a step turns on or off (`None`: left as they are).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layers {
    /// Rivers.
    pub rivers: Option<bool>,
    /// Province borders.
    pub provinces: Option<bool>,
    /// The graticule.
    pub graticule: Option<bool>,
    /// The lesson's files, by their path as the lesson gives it.
    pub files: BTreeMap<String, bool>,
}

/// One step of a lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Its id, unique in the lesson.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// What the teacher says.
    pub narration: Option<Text>,
    /// Where to look (`None`: as the step before).
    pub view: Option<StepView>,
    /// The timeline's date (`None`: as the step before).
    pub date: Option<FuzzyDate>,
    /// The timeline's window (`None`: as the step before).
    pub window: Option<Window>,
    /// Events to highlight, by id.
    pub events: Vec<String>,
    /// Places to highlight, by id.
    pub places: Vec<String>,
    /// Layers on or off.
    pub layers: Layers,
    /// Files this step needs, relative to the lesson.
    pub files: Vec<String>,
    /// What is drawn for it.
    pub annotations: Vec<Annotation>,
    /// A question, if any.
    pub question: Option<Question>,
}

/// A lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// Its title.
    pub title: Text,
    /// Who made it.
    pub author: Option<String>,
    /// The languages its text is in.
    pub languages: Vec<Lang>,
    /// Files the whole lesson needs, relative to the lesson file.
    pub files: Vec<String>,
    /// Its steps, at least one.
    pub steps: Vec<Step>,
}

impl Lesson {
    /// The step with this id and its index.
    pub fn step(&self, id: &str) -> Option<(usize, &Step)> {
        self.steps.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// Every file the lesson names (its own and its steps'), each once, in order.
    pub fn all_files(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.files
            .iter()
            .chain(self.steps.iter().flat_map(|s| s.files.iter()))
            .map(String::as_str)
            .filter(|f| seen.insert(*f))
            .collect()
    }
}

/// A lesson as read: the lesson, if it could be read at all, and every problem.
#[derive(Debug, Clone)]
pub struct LoadedLesson {
    /// The lesson (`None`: it could not be read; the last good version stays).
    pub lesson: Option<Lesson>,
    /// Problems, errors and warnings.
    pub problems: Vec<Problem>,
}

struct Reader {
    file: String,
    problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, severity: Severity, path: &str, message: Words, hint: Words) {
        let place = if path.is_empty() {
            Place::File
        } else {
            Place::Path(path.to_string())
        };
        self.problems
            .push(Problem::worded(severity, &self.file, place, message, hint));
    }

    fn error(&mut self, path: &str, message: Words, hint: Words) {
        self.problem(Severity::Error, path, message, hint);
    }

    fn warn(&mut self, path: &str, message: Words, hint: Words) {
        self.problem(Severity::Warning, path, message, hint);
    }

    /// Warns about members the format does not have (a misspelling would otherwise vanish).
    fn unknown_members(&mut self, obj: &Map<String, Value>, known: &[&str], path: &str) {
        for k in obj.keys() {
            if !known.contains(&k.as_str()) {
                let at = join(path, k);
                self.warn(
                    &at,
                    words!("lesson-not-part-lesson-here", k = k),
                    words!("lesson-check-spelling-place-takes", join = known.join(", ")),
                );
            }
        }
    }

    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        match v {
            Value::String(s) => Some(Text {
                en: Some(s.clone()),
                ko: None,
            }),
            Value::Object(o) => {
                let get = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
                self.unknown_members(o, &["en", "ko"], path);
                let t = Text {
                    en: get("en"),
                    ko: get("ko"),
                };
                if t.is_empty() {
                    self.error(
                        path,
                        words!("lesson-text-neither-en-nor"),
                        words!("lesson-write-string"),
                    );
                    return None;
                }
                Some(t)
            }
            _ => {
                self.error(
                    path,
                    words!("lesson-expected-text-found", v = kind_of(v)),
                    words!("lesson-write-string"),
                );
                None
            }
        }
    }

    fn lonlat(&mut self, v: &Value, path: &str) -> Option<LonLat> {
        let nums: Option<Vec<f64>> = v
            .as_array()
            .map(|a| a.iter().map(Value::as_f64).collect::<Option<Vec<f64>>>())
            .unwrap_or(None);
        match nums.as_deref() {
            Some([lon, lat]) if lat.abs() <= 90.0 && lon.abs() <= 360.0 => Some([*lon, *lat]),
            _ => {
                self.error(
                    path,
                    words!("lesson-expected-place-longitude-latitude", v = v),
                    words!("lesson-write-127-54-39"),
                );
                None
            }
        }
    }

    fn strings(&mut self, v: Option<&Value>, path: &str) -> Vec<String> {
        let Some(v) = v else { return Vec::new() };
        let Some(a) = v.as_array() else {
            self.error(
                path,
                words!("lesson-expected-list-ids-found", v = kind_of(v)),
                words!("lesson-write-first-id-second"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, x) in a.iter().enumerate() {
            match x.as_str() {
                Some(s) => out.push(s.to_string()),
                None => self.error(
                    &format!("{path}[{i}]"),
                    words!("lesson-expected-string-found", x = kind_of(x)),
                    words!("lesson-write-each-id-quotes"),
                ),
            }
        }
        out
    }

    fn view(&mut self, v: &Value, path: &str) -> Option<StepView> {
        let Some(o) = v.as_object() else {
            self.error(
                path,
                words!("lesson-expected-view-found", v = kind_of(v)),
                words!("lesson-write"),
            );
            return None;
        };
        self.unknown_members(o, &["named", "center", "zoom", "mode"], path);
        let globe = match o.get("mode").map(|m| m.as_str()) {
            None => false,
            Some(Some("map")) => false,
            Some(Some("globe")) => true,
            Some(_) => {
                self.error(
                    &join(path, "mode"),
                    words!("lesson-unknown-mode", mode = o["mode"]),
                    words!("lesson-use-map-globe"),
                );
                false
            }
        };
        let spec = if let Some(n) = o.get("named") {
            match n.as_str().map(ViewSpec::parse) {
                Some(Ok(s @ (ViewSpec::Korea | ViewSpec::Region | ViewSpec::World))) => s,
                _ => {
                    self.error(
                        &join(path, "named"),
                        words!("lesson-unknown-view", n = n),
                        words!("lesson-use-korea-region-world"),
                    );
                    return None;
                }
            }
        } else {
            let center = o
                .get("center")
                .and_then(|c| self.lonlat(c, &join(path, "center")))?;
            let zoom = o.get("zoom").and_then(Value::as_f64);
            match zoom {
                Some(z) if (MIN_ZOOM..=MAX_ZOOM).contains(&z) => ViewSpec::At { center, zoom: z },
                _ => {
                    self.error(
                        &join(path, "zoom"),
                        words!(
                            "lesson-zoom-missing-out-range",
                            to_string = o.get("zoom").map_or("none".into(), ToString::to_string)
                        ),
                        words!(
                            "lesson-give-zoom-from-whole",
                            value = MIN_ZOOM,
                            value2 = MAX_ZOOM
                        ),
                    );
                    return None;
                }
            }
        };
        Some(StepView { spec, globe })
    }

    fn annotation(&mut self, v: &Value, path: &str) -> Option<Annotation> {
        let Some(o) = v.as_object() else {
            self.error(
                path,
                words!("lesson-expected-annotation-found", v = kind_of(v)),
                words!("lesson-write-see-docs-lesson"),
            );
            return None;
        };
        let kind = o.get("kind").and_then(Value::as_str).unwrap_or("");
        let label = |r: &mut Self| o.get("label").and_then(|l| r.text(l, &join(path, "label")));
        let at = |r: &mut Self, k: &str| match o.get(k) {
            Some(p) => r.lonlat(p, &join(path, k)),
            None => {
                r.error(
                    path,
                    words!("lesson-no", kind = kind, k = k),
                    words!("lesson-give-longitude-latitude"),
                );
                None
            }
        };
        let a = match kind {
            "arrow" => {
                self.unknown_members(o, &["kind", "from", "to", "label"], path);
                Annotation::Arrow {
                    from: at(self, "from")?,
                    to: at(self, "to")?,
                    label: label(self),
                }
            }
            "circle" => {
                self.unknown_members(o, &["kind", "center", "radius_km", "label", "source"], path);
                let center = at(self, "center")?;
                let Some(radius_km) = o
                    .get("radius_km")
                    .and_then(Value::as_f64)
                    .filter(|r| *r > 0.0 && *r < 20_000.0)
                else {
                    self.error(
                        &join(path, "radius_km"),
                        words!("lesson-circle-needs-radius-km"),
                        words!("lesson-write-radius-km-300"),
                    );
                    return None;
                };
                Annotation::Circle {
                    center,
                    radius_km,
                    label: label(self),
                    source: o.get("source").and_then(Value::as_str).map(str::to_string),
                }
            }
            "note" => {
                self.unknown_members(o, &["kind", "at", "text"], path);
                let at = at(self, "at")?;
                let text = match o.get("text") {
                    Some(t) => self.text(t, &join(path, "text"))?,
                    None => {
                        self.error(
                            path,
                            words!("lesson-note-no-text"),
                            words!("lesson-say-what-notes"),
                        );
                        return None;
                    }
                };
                Annotation::Note { at, text }
            }
            "measure" => {
                self.unknown_members(o, &["kind", "points"], path);
                let pts: Vec<LonLat> = o
                    .get("points")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .enumerate()
                            .filter_map(|(i, p)| self.lonlat(p, &format!("{path}.points[{i}]")))
                            .collect()
                    })
                    .unwrap_or_default();
                if pts.len() < 2 {
                    self.error(
                        &join(path, "points"),
                        words!("lesson-measured-line-needs-two"),
                        words!("lesson-write-points-125-75"),
                    );
                    return None;
                }
                Annotation::Measure { points: pts }
            }
            _ => {
                self.error(
                    &join(path, "kind"),
                    words!("lesson-unknown-annotation-kind", kind = kind),
                    words!("lesson-use-arrow-circle-note"),
                );
                return None;
            }
        };
        Some(a)
    }

    fn question(&mut self, v: &Value, path: &str) -> Option<Question> {
        let Some(o) = v.as_object() else {
            self.error(
                path,
                words!("lesson-expected-question-found", v = kind_of(v)),
                words!("lesson-write-2"),
            );
            return None;
        };
        self.unknown_members(o, &["prompt", "choices", "answer", "explanation"], path);
        let prompt = match o.get("prompt") {
            Some(p) => self.text(p, &join(path, "prompt"))?,
            None => {
                self.error(
                    path,
                    words!("lesson-question-no-prompt"),
                    words!("lesson-say-what-asked"),
                );
                return None;
            }
        };
        let choices: Vec<Text> = match o.get("choices") {
            None => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(i, c)| self.text(c, &format!("{path}.choices[{i}]")))
                .collect(),
            Some(c) => {
                self.error(
                    &join(path, "choices"),
                    words!("lesson-expected-list-choices-found", c = kind_of(c)),
                    words!("lesson-write-first-second-leave"),
                );
                return None;
            }
        };
        let answer = match (o.get("answer"), choices.is_empty()) {
            (Some(a), false) => match a.as_u64().map(|i| i as usize) {
                Some(i) if i < choices.len() => Answer::Choice(i),
                _ => {
                    self.error(
                        &join(path, "answer"),
                        words!(
                            "lesson-answer-not-one-choices",
                            a = a,
                            choices = choices.len()
                        ),
                        words!("lesson-give-number-right-choice"),
                    );
                    return None;
                }
            },
            (Some(a), true) => Answer::Open(self.text(a, &join(path, "answer"))?),
            (None, _) => {
                self.error(
                    path,
                    words!("lesson-question-no-answer"),
                    words!("lesson-give-right-choice-s"),
                );
                return None;
            }
        };
        let explanation = o
            .get("explanation")
            .and_then(|e| self.text(e, &join(path, "explanation")));
        Some(Question {
            prompt,
            choices,
            answer,
            explanation,
        })
    }

    fn layers(&mut self, v: &Value, path: &str) -> Layers {
        let mut l = Layers::default();
        let Some(o) = v.as_object() else {
            self.error(
                path,
                words!("lesson-expected-layers-found", v = kind_of(v)),
                words!("lesson-write-3"),
            );
            return l;
        };
        self.unknown_members(o, &["rivers", "provinces", "graticule", "files"], path);
        let flag = |r: &mut Self, k: &str| match o.get(k) {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(x) => {
                r.error(
                    &join(path, k),
                    words!("lesson-expected-true-false-found", x = x),
                    words!("lesson-write-true-shown-false"),
                );
                None
            }
        };
        l.rivers = flag(self, "rivers");
        l.provinces = flag(self, "provinces");
        l.graticule = flag(self, "graticule");
        if let Some(files) = o.get("files").and_then(Value::as_object) {
            for (k, v) in files {
                match v.as_bool() {
                    Some(b) => {
                        l.files.insert(k.clone(), b);
                    }
                    None => self.error(
                        &format!("{path}.files.{k}"),
                        words!("lesson-expected-true-false-found-2", v = v),
                        words!("lesson-write-true-shown-false"),
                    ),
                }
            }
        }
        l
    }

    fn step(&mut self, v: &Value, path: &str, ids: &mut HashSet<String>) -> Option<Step> {
        let Some(o) = v.as_object() else {
            self.error(
                path,
                words!("lesson-expected-step-found", v = kind_of(v)),
                words!("lesson-write-each-step"),
            );
            return None;
        };
        self.unknown_members(
            o,
            &[
                "id",
                "title",
                "narration",
                "view",
                "date",
                "window",
                "events",
                "places",
                "layers",
                "files",
                "annotations",
                "question",
            ],
            path,
        );
        let id = match o.get("id").and_then(Value::as_str) {
            Some(id) if !id.trim().is_empty() => id.trim().to_string(),
            _ => {
                self.error(
                    &join(path, "id"),
                    words!("lesson-step-no-id"),
                    words!("lesson-give-short-name-unique"),
                );
                return None;
            }
        };
        if !ids.insert(id.clone()) {
            self.error(
                &join(path, "id"),
                words!("lesson-two-steps-named", id = id),
                words!("lesson-give-each-step-own"),
            );
            return None;
        }
        let title = match o.get("title") {
            Some(t) => self.text(t, &join(path, "title")),
            None => None,
        };
        let Some(title) = title else {
            if o.get("title").is_none() {
                self.error(
                    path,
                    words!("lesson-step-no-title", id = id),
                    words!("lesson-give-title"),
                );
            }
            return None;
        };
        let narration = o
            .get("narration")
            .and_then(|n| self.text(n, &join(path, "narration")));
        let view = o
            .get("view")
            .and_then(|v| self.view(v, &join(path, "view")));
        let date = match o.get("date") {
            None => None,
            Some(d) => match d.as_str().map(FuzzyDate::parse) {
                Some(Ok(d)) => Some(d),
                Some(Err(e)) => {
                    self.error(
                        &join(path, "date"),
                        e,
                        words!("lesson-step-shows-date-step"),
                    );
                    None
                }
                None => {
                    self.error(
                        &join(path, "date"),
                        words!("lesson-expected-date-quotes-found", d = d),
                        words!("lesson-write-2024-10-2024"),
                    );
                    None
                }
            },
        };
        let window = match o.get("window") {
            None => None,
            Some(Value::String(s)) if s == "all" => Some(Window::Cumulative),
            Some(Value::Object(w)) => match w.get("recent_days").and_then(Value::as_f64) {
                Some(days) if days >= 1.0 => Some(Window::Recent { days }),
                _ => {
                    self.error(
                        &join(path, "window"),
                        words!("lesson-recent-window-needs-recent"),
                        words!("lesson-write-4"),
                    );
                    None
                }
            },
            Some(w) => {
                self.error(
                    &join(path, "window"),
                    words!("lesson-unknown-window", w = w),
                    words!("lesson-write-all"),
                );
                None
            }
        };
        let events = self.strings(o.get("events"), &join(path, "events"));
        let places = self.strings(o.get("places"), &join(path, "places"));
        let files = self.strings(o.get("files"), &join(path, "files"));
        let layers = o
            .get("layers")
            .map(|l| self.layers(l, &join(path, "layers")))
            .unwrap_or_default();
        let annotations = match o.get("annotations") {
            None => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(i, x)| self.annotation(x, &format!("{path}.annotations[{i}]")))
                .collect(),
            Some(x) => {
                self.error(
                    &join(path, "annotations"),
                    words!("lesson-expected-list-annotations-found", x = kind_of(x)),
                    words!("lesson-write-5"),
                );
                Vec::new()
            }
        };
        let question = o
            .get("question")
            .and_then(|q| self.question(q, &join(path, "question")));
        Some(Step {
            id,
            title,
            narration,
            view,
            date,
            window,
            events,
            places,
            layers,
            files,
            annotations,
            question,
        })
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads a lesson file. Problems name the file and the place in it; a step that cannot be
/// read is left out with its problem, and the lesson loads if at least one step can.
pub fn parse(name: &str, bytes: &[u8]) -> LoadedLesson {
    let mut r = Reader {
        file: name.to_string(),
        problems: Vec::new(),
    };
    let lesson = read(&mut r, bytes);
    LoadedLesson {
        lesson,
        problems: r.problems,
    }
}

fn read(r: &mut Reader, bytes: &[u8]) -> Option<Lesson> {
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(t) => t,
        Err(e) => {
            r.error(
                "",
                words!("lesson-file-not-utf-8", valid_up_to = e.valid_up_to()),
                words!("lesson-save-utf-8-save"),
            );
            return None;
        }
    };
    let v: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            r.problems.push(Problem::worded(
                Severity::Error,
                &r.file,
                Place::LineCol(e.line(), e.column()),
                words!("lesson-not-valid-json", e = e),
                words!("lesson-not-valid-json-hint"),
            ));
            return None;
        }
    };
    let Some(o) = v.as_object() else {
        r.error(
            "",
            words!("lesson-expected-lesson-json-object", v = kind_of(&v)),
            words!("lesson-see-docs-lesson-format"),
        );
        return None;
    };
    match o.get("dateline_lesson").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(n) => {
            r.error(
                "dateline_lesson",
                words!(
                    "lesson-lesson-version-format-dateline",
                    n = n,
                    value = VERSION
                ),
                words!("lesson-open-dateline-made-version"),
            );
            return None;
        }
        None => {
            r.error(
                "",
                words!("lesson-not-dateline-lesson-no"),
                words!("lesson-lesson-starts-see-docs"),
            );
            return None;
        }
    }
    r.unknown_members(
        o,
        &[
            "dateline_lesson",
            "title",
            "author",
            "languages",
            "files",
            "steps",
        ],
        "",
    );
    let title = match o.get("title") {
        Some(t) => r.text(t, "title").unwrap_or_default(),
        None => {
            r.warn(
                "",
                words!("lesson-lesson-no-title"),
                words!("lesson-give-title-2"),
            );
            Text::default()
        }
    };
    let author = o.get("author").and_then(Value::as_str).map(str::to_string);
    let files = r.strings(o.get("files"), "files");
    let Some(steps_v) = o.get("steps").and_then(Value::as_array) else {
        r.error(
            "steps",
            words!("lesson-lesson-no-list-steps"),
            words!("lesson-give-steps-least-one"),
        );
        return None;
    };
    let mut ids = HashSet::new();
    let steps: Vec<Step> = steps_v
        .iter()
        .enumerate()
        .filter_map(|(i, s)| r.step(s, &format!("steps[{i}]"), &mut ids))
        .collect();
    if steps.is_empty() {
        r.error(
            "steps",
            words!("lesson-no-step-lesson-could"),
            words!("lesson-fix-problems-listed-steps"),
        );
        return None;
    }
    let languages = match o.get("languages").and_then(Value::as_array) {
        Some(a) => a
            .iter()
            .filter_map(Value::as_str)
            .filter_map(|l| match l {
                "en" => Some(Lang::En),
                "ko" => Some(Lang::Ko),
                _ => None,
            })
            .collect(),
        None => {
            let has = |f: fn(&Text) -> bool| steps.iter().any(|s| f(&s.title)) || f(&title);
            [
                (Lang::En, has(|t| t.en.is_some())),
                (Lang::Ko, has(|t| t.ko.is_some())),
            ]
            .into_iter()
            .filter_map(|(l, on)| on.then_some(l))
            .collect()
        }
    };
    Some(Lesson {
        title,
        author,
        languages,
        files,
        steps,
    })
}

/// A file a lesson names, resolved inside the lesson's folder. Refused (with what to do) when
/// the path is absolute, climbs out with `..`, or leads out through a link.
pub fn resolve(folder: &Path, rel: &str) -> Result<PathBuf, Words> {
    let p = Path::new(rel);
    if p.is_absolute()
        || p.components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(words!("lesson-file-leaves-folder", file = rel));
    }
    let full = folder.join(p);
    // A link inside the folder may point outside it: compare where both really are.
    if let (Ok(real), Ok(base)) = (full.canonicalize(), folder.canonicalize())
        && !real.starts_with(&base)
    {
        return Err(words!("lesson-file-links-out", file = rel));
    }
    Ok(full)
}

/// What a lesson refers to, for [`check`].
pub struct Known<'a> {
    /// Whether an event id exists (bundled or from the user's files).
    pub event: &'a dyn Fn(&str) -> bool,
    /// Whether a place id exists in the atlas.
    pub place: &'a dyn Fn(&str) -> bool,
    /// The lesson's folder (`None`: a lesson not from a file, such as the bundled one).
    pub folder: Option<&'a Path>,
}

/// The problems of a lesson's steps that reading it cannot see: unknown event and place
/// ids, and files that are missing or outside its folder. Each is a warning on its step:
/// the step still shows.
pub fn check(lesson: &Lesson, name: &str, known: &Known<'_>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut warn = |path: String, message: Words, hint: Words| {
        out.push(Problem::worded(
            Severity::Warning,
            name,
            Place::Path(path),
            message,
            hint,
        ));
    };
    let check_file = |path: String, f: &str, warn: &mut dyn FnMut(String, Words, Words)| {
        let Some(folder) = known.folder else { return };
        match resolve(folder, f) {
            Err(e) => warn(path, e, words!("lesson-step-shown-without")),
            Ok(p) if !p.is_file() => warn(
                path,
                words!("lesson-file-not-lesson-s", f = f),
                words!("lesson-put-beside-lesson-file"),
            ),
            Ok(_) => {}
        }
    };
    for (i, f) in lesson.files.iter().enumerate() {
        check_file(format!("files[{i}]"), f, &mut warn);
    }
    for (si, s) in lesson.steps.iter().enumerate() {
        for (i, e) in s.events.iter().enumerate() {
            if !(known.event)(e) {
                warn(
                    format!("steps[{si}].events[{i}]"),
                    words!("lesson-step-no-event-id", id = s.id, e = e),
                    words!("lesson-check-id-event-s"),
                );
            }
        }
        for (i, p) in s.places.iter().enumerate() {
            if !(known.place)(p) {
                warn(
                    format!("steps[{si}].places[{i}]"),
                    words!("lesson-step-no-place-id", id = s.id, p = p),
                    words!("lesson-check-id-place-s"),
                );
            }
        }
        for (i, f) in s.files.iter().enumerate() {
            check_file(format!("steps[{si}].files[{i}]"), f, &mut warn);
        }
    }
    out
}

/// A run of narration text with its style.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    /// The text.
    pub text: String,
    /// In bold.
    pub bold: bool,
    /// In italics.
    pub italic: bool,
    /// A link's address (http or https only).
    pub link: Option<String>,
}

/// Narration as paragraphs of styled runs: `**bold**`, `*italic*`, `[text](https://…)`;
/// paragraphs split at empty lines. Nothing else is interpreted (no HTML); a link whose
/// address is not http or https stays plain text.
pub fn paragraphs(text: &str) -> Vec<Vec<Span>> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| spans(&p.replace('\n', " ")))
        .collect()
}

fn spans(p: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (false, false);
    let mut cur = String::new();
    let flush = |out: &mut Vec<Span>, cur: &mut String, bold: bool, italic: bool| {
        if !cur.is_empty() {
            out.push(Span {
                text: std::mem::take(cur),
                bold,
                italic,
                link: None,
            });
        }
    };
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            flush(&mut out, &mut cur, bold, italic);
            bold = !bold;
            i += 2;
            continue;
        }
        if c == '*' {
            flush(&mut out, &mut cur, bold, italic);
            italic = !italic;
            i += 1;
            continue;
        }
        if c == '['
            && let Some(close) = chars[i..].iter().position(|&x| x == ']').map(|k| i + k)
            && chars.get(close + 1) == Some(&'(')
            && let Some(end) = chars[close..]
                .iter()
                .position(|&x| x == ')')
                .map(|k| close + k)
        {
            let label: String = chars[i + 1..close].iter().collect();
            let url: String = chars[close + 2..end].iter().collect();
            if url.starts_with("https://") || url.starts_with("http://") {
                flush(&mut out, &mut cur, bold, italic);
                out.push(Span {
                    text: label,
                    bold,
                    italic,
                    link: Some(url),
                });
                i = end + 1;
                continue;
            }
        }
        cur.push(c);
        i += 1;
    }
    flush(&mut out, &mut cur, bold, italic);
    out
}

/// The text of a narration without its markup (for the scene description and search).
pub fn plain(text: &str) -> String {
    paragraphs(text)
        .iter()
        .map(|p| p.iter().map(|s| s.text.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn text_json(t: &Text) -> Value {
    let mut o = Map::new();
    if let Some(e) = &t.en {
        o.insert("en".into(), Value::String(e.clone()));
    }
    if let Some(k) = &t.ko {
        o.insert("ko".into(), Value::String(k.clone()));
    }
    Value::Object(o)
}

fn lonlat_json(p: LonLat) -> Value {
    serde_json::json!([p[0], p[1]])
}

impl Step {
    /// The step as the file writes it.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("id".into(), Value::String(self.id.clone()));
        o.insert("title".into(), text_json(&self.title));
        if let Some(n) = &self.narration {
            o.insert("narration".into(), text_json(n));
        }
        if let Some(v) = &self.view {
            let mut vo = Map::new();
            match &v.spec {
                ViewSpec::At { center, zoom } => {
                    vo.insert("center".into(), lonlat_json(*center));
                    vo.insert("zoom".into(), serde_json::json!(zoom));
                }
                named => {
                    vo.insert("named".into(), Value::String(named.name()));
                }
            }
            if v.globe {
                vo.insert("mode".into(), Value::String("globe".into()));
            }
            o.insert("view".into(), Value::Object(vo));
        }
        if let Some(d) = &self.date {
            o.insert("date".into(), Value::String(d.file_form()));
        }
        match self.window {
            Some(Window::Cumulative) => {
                o.insert("window".into(), Value::String("all".into()));
            }
            Some(Window::Recent { days }) => {
                o.insert("window".into(), serde_json::json!({ "recent_days": days }));
            }
            None => {}
        }
        for (k, v) in [
            ("events", &self.events),
            ("places", &self.places),
            ("files", &self.files),
        ] {
            if !v.is_empty() {
                o.insert(k.into(), serde_json::json!(v));
            }
        }
        let l = &self.layers;
        if l.rivers.is_some()
            || l.provinces.is_some()
            || l.graticule.is_some()
            || !l.files.is_empty()
        {
            let mut lo = Map::new();
            for (k, v) in [
                ("rivers", l.rivers),
                ("provinces", l.provinces),
                ("graticule", l.graticule),
            ] {
                if let Some(v) = v {
                    lo.insert(k.into(), Value::Bool(v));
                }
            }
            if !l.files.is_empty() {
                lo.insert("files".into(), serde_json::json!(l.files));
            }
            o.insert("layers".into(), Value::Object(lo));
        }
        if !self.annotations.is_empty() {
            let list: Vec<Value> = self
                .annotations
                .iter()
                .map(|a| {
                    let mut ao = Map::new();
                    match a {
                        Annotation::Arrow { from, to, label } => {
                            ao.insert("kind".into(), "arrow".into());
                            ao.insert("from".into(), lonlat_json(*from));
                            ao.insert("to".into(), lonlat_json(*to));
                            if let Some(l) = label {
                                ao.insert("label".into(), text_json(l));
                            }
                        }
                        Annotation::Circle {
                            center,
                            radius_km,
                            label,
                            source,
                        } => {
                            ao.insert("kind".into(), "circle".into());
                            ao.insert("center".into(), lonlat_json(*center));
                            ao.insert("radius_km".into(), serde_json::json!(radius_km));
                            if let Some(l) = label {
                                ao.insert("label".into(), text_json(l));
                            }
                            if let Some(s) = source {
                                ao.insert("source".into(), Value::String(s.clone()));
                            }
                        }
                        Annotation::Note { at, text } => {
                            ao.insert("kind".into(), "note".into());
                            ao.insert("at".into(), lonlat_json(*at));
                            ao.insert("text".into(), text_json(text));
                        }
                        Annotation::Measure { points } => {
                            ao.insert("kind".into(), "measure".into());
                            ao.insert(
                                "points".into(),
                                Value::Array(points.iter().map(|p| lonlat_json(*p)).collect()),
                            );
                        }
                    }
                    Value::Object(ao)
                })
                .collect();
            o.insert("annotations".into(), Value::Array(list));
        }
        if let Some(q) = &self.question {
            let mut qo = Map::new();
            qo.insert("prompt".into(), text_json(&q.prompt));
            if !q.choices.is_empty() {
                qo.insert(
                    "choices".into(),
                    Value::Array(q.choices.iter().map(text_json).collect()),
                );
            }
            match &q.answer {
                Answer::Choice(i) => qo.insert("answer".into(), serde_json::json!(i)),
                Answer::Open(t) => qo.insert("answer".into(), text_json(t)),
            };
            if let Some(e) = &q.explanation {
                qo.insert("explanation".into(), text_json(e));
            }
            o.insert("question".into(), Value::Object(qo));
        }
        Value::Object(o)
    }
}

impl Lesson {
    /// A new lesson with no steps yet.
    pub fn new(title: &str) -> Lesson {
        Lesson {
            title: Text {
                en: Some(title.to_string()),
                ko: None,
            },
            author: None,
            languages: vec![Lang::En, Lang::Ko],
            files: Vec::new(),
            steps: Vec::new(),
        }
    }

    /// The lesson as a file (`docs/lesson-format.md`), pretty-printed; reading it back gives
    /// the same lesson.
    pub fn to_json(&self) -> String {
        let mut o = Map::new();
        o.insert("dateline_lesson".into(), serde_json::json!(VERSION));
        o.insert("title".into(), text_json(&self.title));
        if let Some(a) = &self.author {
            o.insert("author".into(), Value::String(a.clone()));
        }
        let langs: Vec<&str> = self.languages.iter().map(|l| l.code()).collect();
        o.insert("languages".into(), serde_json::json!(langs));
        if !self.files.is_empty() {
            o.insert("files".into(), serde_json::json!(self.files));
        }
        o.insert(
            "steps".into(),
            Value::Array(self.steps.iter().map(Step::to_json).collect()),
        );
        let mut s = serde_json::to_string_pretty(&Value::Object(o)).unwrap_or_default();
        s.push('\n');
        s
    }

    /// An id no step has yet, from a base (`step`, `step-2`, …).
    pub fn free_id(&self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.steps.iter().any(|s| s.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Inserts a step after `at` (at the end when `at` is past it), giving it a free id;
    /// returns its index.
    pub fn insert_step(&mut self, at: usize, mut step: Step) -> usize {
        step.id = self.free_id(&step.id);
        let i = (at + 1).min(self.steps.len());
        self.steps.insert(i, step);
        i
    }

    /// Moves a step up (`-1`) or down (`+1`); returns where it went.
    pub fn move_step(&mut self, i: usize, dir: i32) -> usize {
        let j = (i as i64 + i64::from(dir)).clamp(0, self.steps.len() as i64 - 1) as usize;
        if i < self.steps.len() && j != i {
            self.steps.swap(i, j);
        }
        j
    }
}

/// A step with nothing in it but its id and title, for the editor to fill.
pub fn blank_step(id: &str, title: &str) -> Step {
    Step {
        id: id.to_string(),
        title: Text {
            en: Some(title.to_string()),
            ko: None,
        },
        narration: None,
        view: None,
        date: None,
        window: None,
        events: Vec::new(),
        places: Vec::new(),
        layers: Layers::default(),
        files: Vec::new(),
        annotations: Vec::new(),
        question: None,
    }
}

/// One exported slide, for the handout: the step's image (a file name beside the handout)
/// and the events shown on it (their sources are listed).
pub struct Slide<'a> {
    /// The image's file name, relative to the handout.
    pub image: String,
    /// The events on the map at the step, highlighted ones first.
    pub events: Vec<&'a crate::events::Event>,
}

/// Text made safe for HTML: nothing in it is markup.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Narration as HTML paragraphs: bold and italics as `<strong>`/`<em>`, web links as links;
/// every text escaped.
fn narration_html(text: &str) -> String {
    paragraphs(text)
        .iter()
        .map(|p| {
            let inner: String = p
                .iter()
                .map(|s| {
                    let mut t = escape_html(&s.text);
                    if s.italic {
                        t = format!("<em>{t}</em>");
                    }
                    if s.bold {
                        t = format!("<strong>{t}</strong>");
                    }
                    match &s.link {
                        Some(u) => format!(
                            "<a href=\"{}\" rel=\"noopener noreferrer\">{t}</a>",
                            escape_html(u)
                        ),
                        None => t,
                    }
                })
                .collect();
            format!("<p>{inner}</p>\n")
        })
        .collect()
}

/// The font file the handout's folder carries beside it (the bundled font: Korean reads on a
/// computer without Korean fonts), with its licence [`HANDOUT_FONT_LICENCE`].
pub const HANDOUT_FONT: &str = "DatelineSansKR-Regular.otf";
/// The font's licence file, beside it (the SIL Open Font License asks for it).
pub const HANDOUT_FONT_LICENCE: &str = "DatelineSansKR-OFL.txt";

/// The handout of a lesson: a self-contained HTML page (no script, nothing from the
/// network: a content security policy forbids both; only its folder's images and font) with
/// each step's image, title, narration, question and answer, and the sources of every event
/// shown. All text from the lesson and the events is escaped.
pub fn handout(lesson: &Lesson, lang: Lang, slides: &[Slide<'_>]) -> String {
    let t = |x: &Text| escape_html(&x.get(lang));
    let ko = lang == Lang::Ko;
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"");
    h.push_str(if ko { "ko" } else { "en" });
    h.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; font-src 'self'; style-src 'unsafe-inline'\">\n");
    h.push_str(&format!("<title>{}</title>\n", t(&lesson.title)));
    h.push_str(&format!(
        "<style>@font-face{{font-family:\"Dateline Sans KR\";src:url(\"{HANDOUT_FONT}\") format(\"opentype\")}}</style>\n"
    ));
    h.push_str("<style>body{font-family:\"Dateline Sans KR\",sans-serif;max-width:54em;margin:2em auto;padding:0 1em;line-height:1.5;color:#16191f}img{max-width:100%;border:1px solid #999}section{margin-bottom:3em}.q{background:#f3f3ef;padding:.6em 1em}.src{font-size:.9em;color:#333}</style>\n</head>\n<body>\n");
    h.push_str(&format!("<h1>{}</h1>\n", t(&lesson.title)));
    if let Some(a) = &lesson.author {
        h.push_str(&format!(
            "<p>{} {}</p>\n",
            if ko { "만든 이:" } else { "By" },
            escape_html(a)
        ));
    }
    for (i, step) in lesson.steps.iter().enumerate() {
        h.push_str(&format!(
            "<section>\n<h2>{}. {}</h2>\n",
            i + 1,
            t(&step.title)
        ));
        if let Some(slide) = slides.get(i) {
            h.push_str(&format!(
                "<img src=\"{}\" alt=\"{}\">\n",
                escape_html(&slide.image),
                t(&step.title)
            ));
        }
        if let Some(n) = &step.narration {
            h.push_str(&narration_html(&n.get(lang)));
        }
        if let Some(q) = &step.question {
            h.push_str("<div class=\"q\">\n");
            h.push_str(&format!("<p><strong>{}</strong></p>\n", t(&q.prompt)));
            if !q.choices.is_empty() {
                h.push_str("<ol type=\"A\">\n");
                for c in &q.choices {
                    h.push_str(&format!("<li>{}</li>\n", t(c)));
                }
                h.push_str("</ol>\n");
            }
            let answer = match &q.answer {
                Answer::Choice(k) => format!(
                    "{} {}",
                    (b'A' + *k as u8) as char,
                    q.choices.get(*k).map(t).unwrap_or_default()
                ),
                Answer::Open(a) => t(a),
            };
            h.push_str(&format!(
                "<p>{} {answer}</p>\n",
                if ko { "답:" } else { "Answer:" }
            ));
            if let Some(e) = &q.explanation {
                h.push_str(&narration_html(&e.get(lang)));
            }
            h.push_str("</div>\n");
        }
        if let Some(slide) = slides.get(i).filter(|s| !s.events.is_empty()) {
            h.push_str(&format!(
                "<p class=\"src\"><strong>{}</strong></p>\n<ul class=\"src\">\n",
                if ko {
                    "지도의 사건과 출처"
                } else {
                    "Events on the map and their sources"
                }
            ));
            for e in &slide.events {
                let title = match (lang, &e.title_ko) {
                    (Lang::Ko, Some(k)) => k.clone(),
                    _ => e.title.clone(),
                };
                let sources: Vec<String> = e
                    .sources
                    .iter()
                    .map(|s| {
                        let mut x = escape_html(&s.publisher);
                        if let Some(d) = &s.date {
                            x.push_str(&format!(", {}", escape_html(&d.describe())));
                        }
                        if let Some(ti) = &s.title {
                            x.push_str(&format!(", “{}”", escape_html(ti)));
                        }
                        x
                    })
                    .collect();
                h.push_str(&format!(
                    "<li>{} ({}; {}). {}</li>\n",
                    escape_html(&title),
                    escape_html(&e.span.describe()),
                    escape_html(e.status.code()),
                    sources.join("; ")
                ));
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(json: &str) -> LoadedLesson {
        parse("t.dateline-lesson.json", json.as_bytes())
    }

    const MINIMAL: &str = r#"{"dateline_lesson": 1, "title": "T",
        "steps": [{"id": "a", "title": {"en": "One", "ko": "하나"}}]}"#;

    #[test]
    fn a_minimal_lesson_reads() {
        let l = lesson(MINIMAL);
        assert!(l.problems.is_empty(), "{:#?}", l.problems);
        let l = l.lesson.unwrap();
        assert_eq!(l.steps.len(), 1);
        assert_eq!(l.steps[0].title.get(Lang::Ko), "하나");
        assert_eq!(l.steps[0].title.get(Lang::Both), "One\n하나");
        assert_eq!(l.languages, vec![Lang::En, Lang::Ko]);
    }

    #[test]
    fn broken_json_is_refused_at_its_line_and_column() {
        let l = lesson("{\"dateline_lesson\": 1,\n \"steps\": [ }");
        assert!(l.lesson.is_none());
        assert_eq!(l.problems.len(), 1);
        assert_eq!(l.problems[0].place, Place::LineCol(2, 13));
        let l = lesson(r#"{"type": "FeatureCollection", "features": []}"#);
        assert!(l.lesson.is_none());
        assert!(l.problems[0].message.contains("not a Dateline lesson"));
        let l = lesson(r#"{"dateline_lesson": 2, "steps": []}"#);
        assert!(
            l.problems[0].message.contains("version 2"),
            "{}",
            l.problems[0]
        );
    }

    #[test]
    fn a_bad_step_is_left_out_and_named_the_rest_load() {
        let l = lesson(
            r#"{"dateline_lesson": 1, "title": "T", "steps": [
            {"id": "a", "title": "One", "view": {"center": [127, 38], "zoom": 40}},
            {"title": "no id"},
            {"id": "a", "title": "again"},
            {"id": "b", "title": "Two", "naration": "typo", "date": "2024-13",
             "question": {"prompt": "?", "choices": ["x", "y"], "answer": 2},
             "annotations": [{"kind": "measure", "points": [[125.75, 39.03]]},
                             {"kind": "circle", "center": [127, 38], "radius_km": 300, "source": "a report"}]}
        ]}"#,
        );
        let lesson = l.lesson.expect("two steps load");
        assert_eq!(
            lesson
                .steps
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        let text: Vec<String> = l.problems.iter().map(ToString::to_string).collect();
        let has = |s: &str| text.iter().any(|t| t.contains(s));
        assert!(has("at steps[0].view.zoom: error"), "{text:#?}");
        assert!(
            has("at steps[1].id: error: the step has no id"),
            "{text:#?}"
        );
        assert!(
            has("at steps[2].id: error: two steps are named \"a\""),
            "{text:#?}"
        );
        assert!(has("at steps[3].naration: warning"), "{text:#?}");
        assert!(
            has("at steps[3].date: error: \"2024-13\": month 13"),
            "{text:#?}"
        );
        assert!(has("at steps[3].question.answer: error"), "{text:#?}");
        assert!(has("at steps[3].annotations[0].points: error"), "{text:#?}");
        // What could be read stays: the circle, the step without its bad parts.
        let b = &lesson.steps[1];
        assert!(b.question.is_none() && b.date.is_none());
        assert_eq!(b.annotations.len(), 1);
        assert!(lesson.steps[0].view.is_none());
    }

    #[test]
    fn files_are_resolved_inside_the_lessons_folder_only() {
        let dir = std::env::temp_dir().join(format!("dateline-lesson-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("data/quakes.geojson"), "{}").unwrap();
        assert_eq!(
            resolve(&dir, "data/quakes.geojson").unwrap(),
            dir.join("data/quakes.geojson")
        );
        for bad in ["../secret.txt", "/etc/passwd", "data/../../x"] {
            let e = resolve(&dir, bad)
                .unwrap_err()
                .text(crate::i18n::UiLang::En);
            assert!(e.contains("leaves the lesson's folder"), "{bad}: {e}");
        }
        #[cfg(unix)]
        {
            let _ = std::os::unix::fs::symlink("/etc", dir.join("etc"));
            let e = resolve(&dir, "etc/hostname")
                .unwrap_err()
                .text(crate::i18n::UiLang::En);
            assert!(e.contains("outside the lesson's folder"), "{e}");
        }
        let l = lesson(
            r#"{"dateline_lesson": 1, "title": "T", "files": ["data/quakes.geojson", "gone.csv"],
            "steps": [{"id": "a", "title": "A", "events": ["kursk-nk-troops", "no-such"],
                       "places": ["kp-hamhung", "nowhere"], "files": ["../x.geojson"]}]}"#,
        )
        .lesson
        .unwrap();
        let known = Known {
            event: &|e| e == "kursk-nk-troops",
            place: &|p| p == "kp-hamhung",
            folder: Some(&dir),
        };
        let text: Vec<String> = check(&l, "t.dateline-lesson.json", &known)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(text.len(), 4, "{text:#?}");
        assert!(text[0].contains("at files[1]: warning: the file \"gone.csv\""));
        assert!(text[1].contains("steps[0].events[1]") && text[1].contains("\"no-such\""));
        assert!(text[2].contains("steps[0].places[1]") && text[2].contains("\"nowhere\""));
        assert!(text[3].contains("steps[0].files[0]") && text[3].contains("leaves"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn narration_markup_is_bold_italic_and_web_links_only() {
        let p = paragraphs(
            "The **NIS** says *about* [13,000](https://example.org/a) containers.\n\nA [bad](javascript:alert(1)) link <b>stays</b>.",
        );
        assert_eq!(p.len(), 2);
        let bold: Vec<&str> = p[0]
            .iter()
            .filter(|s| s.bold)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(bold, ["NIS"]);
        assert!(p[0].iter().any(|s| s.italic && s.text == "about"));
        let link = p[0].iter().find(|s| s.link.is_some()).unwrap();
        assert_eq!(
            (link.text.as_str(), link.link.as_deref()),
            ("13,000", Some("https://example.org/a"))
        );
        assert!(p[1].iter().all(|s| s.link.is_none()));
        assert_eq!(
            plain("A [bad](javascript:alert(1)) link <b>stays</b>."),
            "A [bad](javascript:alert(1)) link <b>stays</b>."
        );
    }

    #[test]
    fn measured_lines_are_great_circle_lengths_in_km_and_miles() {
        // Pyongyang to Kursk: 6,686 km along the great circle (haversine, R = 6371 km).
        let m = Annotation::Measure {
            points: vec![[125.7543, 39.0339], [36.1846, 51.7269]],
        };
        let km = m.length_km().unwrap();
        assert!((km - 6_686.2).abs() < 1.0, "{km}");
        assert_eq!(km_and_miles(1609.344), "1,609 km (1,000 mi)");
        assert_eq!(km_and_miles(950.0), "950 km (590 mi)");
    }

    #[test]
    fn the_bundled_lesson_uses_only_bundled_events_places_and_numbers() {
        let l = parse(BUNDLED_NAME, BUNDLED);
        assert!(l.problems.is_empty(), "{:#?}", l.problems);
        let lesson = l.lesson.unwrap();
        assert!((6..=8).contains(&lesson.steps.len()));
        assert_eq!(lesson.languages, vec![Lang::En, Lang::Ko]);
        let story =
            crate::events::load_geojson(crate::events::BUNDLED_NAME, crate::events::BUNDLED);
        let atlas = crate::atlas::Atlas::bundled().unwrap();
        let known = Known {
            event: &|e| story.events.iter().any(|x| x.id == e),
            place: &|p| atlas.places.iter().any(|x| x.id.as_deref() == Some(p)),
            folder: None,
        };
        let problems = check(&lesson, BUNDLED_NAME, &known);
        assert!(problems.is_empty(), "{problems:#?}");
        // Both languages everywhere.
        for s in &lesson.steps {
            let n = s.narration.as_ref().expect("narration");
            assert!(s.title.en.is_some() && s.title.ko.is_some(), "{}", s.id);
            assert!(n.en.is_some() && n.ko.is_some(), "{}", s.id);
            assert!(!s.events.is_empty(), "{} highlights no event", s.id);
        }
        // No new facts: every number in the narration (counts, dates, sizes) is in the
        // bundled events file.
        let events_text = String::from_utf8_lossy(crate::events::BUNDLED);
        for s in &lesson.steps {
            let text = s
                .narration
                .as_ref()
                .and_then(|n| n.en.clone())
                .unwrap_or_default();
            let mut num = String::new();
            for c in text.chars().chain([' ']) {
                if c.is_ascii_digit() || (c == ',' && !num.is_empty()) {
                    num.push(c);
                } else if !num.is_empty() {
                    let n = num.trim_end_matches(',').to_string();
                    assert!(
                        events_text.contains(&n),
                        "step {}: {n} is not in the events",
                        s.id
                    );
                    num.clear();
                }
            }
        }
        // Two questions or more; one answered with the measure tool, whose right answer is
        // the measured length.
        let questions: Vec<&Step> = lesson
            .steps
            .iter()
            .filter(|s| s.question.is_some())
            .collect();
        assert!(questions.len() >= 2);
        let measured = questions
            .iter()
            .find_map(|s| {
                let km = s.annotations.iter().find_map(Annotation::length_km)?;
                let q = s.question.as_ref()?;
                let Answer::Choice(i) = q.answer else {
                    return None;
                };
                let said: String = q.choices[i]
                    .en
                    .clone()?
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                Some((km, said.parse::<f64>().ok()?))
            })
            .expect("a question answered with the measure tool");
        assert!(
            (measured.0 / measured.1 - 1.0).abs() < 0.05,
            "measured {} km, answer {} km",
            measured.0,
            measured.1
        );
    }

    #[test]
    fn the_handout_escapes_everything_and_runs_no_script() {
        let l = lesson(
            r#"{"dateline_lesson": 1, "title": "<script>alert(1)</script>", "author": "A & B",
            "steps": [{"id": "a", "title": "Step \"one\"",
              "narration": "**Bold** <img src=x onerror=alert(2)> [site](https://example.org/?a=1&b=\"2\") [bad](javascript:alert(3))",
              "question": {"prompt": "Which?", "choices": ["<b>x</b>", "y"], "answer": 1,
                           "explanation": "*Because*"}}]}"#,
        )
        .lesson
        .unwrap();
        let story =
            crate::events::load_geojson(crate::events::BUNDLED_NAME, crate::events::BUNDLED);
        let treaty = story
            .events
            .iter()
            .find(|e| e.id == "treaty-signed")
            .unwrap();
        let html = handout(
            &l,
            Lang::En,
            &[Slide {
                image: "step-01.png".into(),
                events: vec![treaty],
            }],
        );
        // Nothing from the file is markup: no script, no event handler, no javascript link.
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.contains("<strong>Bold</strong>"));
        assert!(html.contains("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\">site</a>"));
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("<img src=\"step-01.png\""));
        assert!(html.contains("Answer: B y"));
        assert!(html.contains("<em>Because</em>"));
        assert!(html.contains("A &amp; B"));
        // The event's sources: publisher, date, title.
        assert!(html.contains("19 June 2024"), "{html}");
        assert!(html.contains(&escape_html(&treaty.sources[0].publisher)));
    }

    #[test]
    fn a_lesson_written_and_read_back_is_the_same_lesson() {
        let bundled = parse(BUNDLED_NAME, BUNDLED).lesson.unwrap();
        let again = parse("again.dateline-lesson.json", bundled.to_json().as_bytes());
        assert!(again.problems.is_empty(), "{:#?}", again.problems);
        assert_eq!(again.lesson.unwrap(), bundled);
        // Every kind of annotation, an open question, a window and layers survive too.
        let mut l = Lesson::new("Edited");
        let mut s = blank_step("step", "One");
        s.window = Some(Window::Recent { days: 30.0 });
        s.layers.rivers = Some(false);
        s.annotations = vec![
            Annotation::Arrow {
                from: [1.0, 2.0],
                to: [3.0, 4.0],
                label: None,
            },
            Annotation::Circle {
                center: [127.0, 38.0],
                radius_km: 300.0,
                label: Some(Text {
                    en: Some("Range".into()),
                    ko: Some("사거리".into()),
                }),
                source: Some("a report".into()),
            },
            Annotation::Note {
                at: [5.0, 6.0],
                text: Text {
                    en: Some("n".into()),
                    ko: None,
                },
            },
            Annotation::Measure {
                points: vec![[1.0, 1.0], [2.0, 2.0]],
            },
        ];
        s.question = Some(Question {
            prompt: Text {
                en: Some("Why?".into()),
                ko: None,
            },
            choices: Vec::new(),
            answer: Answer::Open(Text {
                en: Some("Because.".into()),
                ko: None,
            }),
            explanation: None,
        });
        let i = l.insert_step(0, s.clone());
        assert_eq!(i, 0);
        let j = l.insert_step(0, s);
        assert_eq!((j, l.steps[1].id.as_str()), (1, "step-2"));
        assert_eq!(l.move_step(1, -1), 0);
        assert_eq!(l.steps[0].id, "step-2");
        let back = parse("e.dateline-lesson.json", l.to_json().as_bytes());
        assert!(back.problems.is_empty(), "{:#?}", back.problems);
        assert_eq!(back.lesson.unwrap(), l);
    }
}
