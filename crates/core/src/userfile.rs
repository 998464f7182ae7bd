//! A user's own file: recognised as events (dates in its properties, or a CSV) or as a map
//! layer, with the layer's geometry projected and tessellated once, at load, and hit tests
//! for "what is under the pointer".

use std::ops::{ControlFlow, Range};

use rayon::prelude::*;
use serde_json::{Map, Value};

use super::cancel::Cancel;
use super::clip::{clip_line, clip_polygon, shows};
use super::events::{self, DateForms, Event};
use super::formats::{archive, kml, shapefile, topojson};
use super::geojson;
use super::globe::sphere_polygon;
use super::i18n::UiLang;
use super::model::{LonLat, Shape};
use super::problem::{Place, Problem, Severity};
use super::projection::{EqualEarth, Projection};
use super::tessellate::{MeshData, densify, simplify, simplify_lonlat, triangulate_unclipped};
use super::timeline::{Span, Window};
use crate::tr;
use crate::words;

/// What a file turned out to be.
#[derive(Debug, Clone)]
pub enum Content {
    /// A map layer (boxed: it is large, events are small).
    Layer(Box<Layer>),
    /// Events for the timeline.
    Events(Vec<Event>),
}

/// A map layer, ready to draw.
#[derive(Debug, Clone, Default)]
pub struct Layer {
    /// The layer's name (the file's `name` member, else the file name).
    pub name: String,
    /// Polygons, triangulated, in plane km (clipped to what the projection shows, see
    /// [`Projection::extent`]).
    pub fill: MeshData,
    /// Lines and polygon outlines, in plane km (clipped likewise: a polygon cut by the edge
    /// of the projection's extent has rings that follow that edge).
    pub lines: Vec<Vec<[f32; 2]>>,
    /// `lines` simplified to [`COARSE_KM`], one for one, for drawing zoomed out.
    pub lines_coarse: Vec<Vec<[f32; 2]>>,
    /// Points, in plane km (those the projection shows).
    pub points: Vec<[f32; 2]>,
    /// Each feature's properties and projected shapes, for hit tests.
    pub features: Vec<LayerFeature>,
    /// The same layer on the unit sphere (built with the rest, off the frame).
    pub globe: GlobeLayer,
    /// The same layer on the world map (the flat map zoomed out to the whole Earth).
    pub world: WorldLayer,
    /// Named parts shown as separate layers (a TopoJSON object, a KML folder, a shapefile of
    /// an archive): each a name and a range of `features`. Empty: the layer is one part.
    pub groups: Vec<(String, Range<usize>)>,
    /// For a timed layer (features with dates: earthquakes, storm tracks), which properties
    /// give the dates and the range they cover; `None`: the features always show.
    pub time: Option<LayerTime>,
    /// Properties that are numbers in most features (for sizing and colouring points), in
    /// the order of the first feature's properties.
    pub numeric: Vec<NumericField>,
}

/// Where a timed layer's dates come from and what they cover.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerTime {
    /// The property read as each feature's date (`time`, `date`, …).
    pub field: String,
    /// The property read as its end, if any.
    pub end_field: Option<String>,
    /// The first and last day any feature covers (day numbers).
    pub first: i64,
    /// See `first`.
    pub last: i64,
    /// Features whose date could not be read (they always show).
    pub undated: usize,
}

/// A numeric property of a layer and its range over the features.
#[derive(Debug, Clone, PartialEq)]
pub struct NumericField {
    /// The property's name.
    pub name: String,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
}

impl NumericField {
    /// Where a value sits in the range, 0 to 1 (0.5 when the range is one value).
    pub fn unit(&self, v: f64) -> f32 {
        if self.max > self.min {
            ((v - self.min) / (self.max - self.min)).clamp(0.0, 1.0) as f32
        } else {
            0.5
        }
    }
}

/// A layer's geometry on the globe, just above the land: all of it, unclipped (so its lists
/// do not match the map's one for one where the map's were clipped).
#[derive(Debug, Clone, Default)]
pub struct GlobeLayer {
    /// Fill vertices on the sphere.
    pub fill_positions: Vec<[f32; 3]>,
    /// Fill triangles.
    pub fill_indices: Vec<u32>,
    /// Lines and outlines on the sphere.
    pub lines: Vec<Vec<[f32; 3]>>,
    /// Points on the sphere.
    pub points: Vec<[f32; 3]>,
}

/// A layer's geometry on the world map ([`MapKind::World`](super::projection::MapKind::World)): all of it, cut at that map's
/// seam, shapes simplified by [`WORLD_SIMPLIFY_DEG`] (the world map is only ever zoomed out).
#[derive(Debug, Clone, Default)]
pub struct WorldLayer {
    /// Polygons, triangulated, in the world map's plane km.
    pub fill: MeshData,
    /// Lines and polygon outlines.
    pub lines: Vec<Vec<[f32; 2]>>,
    /// Points.
    pub points: Vec<[f32; 2]>,
}

/// Tolerance of a layer's shapes on the world map (degrees, about 2 km): well under a pixel
/// there, where a pixel is wider than about 6 km (see
/// [`MapKind::WORLD_FROM_KM`](super::projection::MapKind::WORLD_FROM_KM)).
pub const WORLD_SIMPLIFY_DEG: f64 = 0.02;

/// Tolerance of a layer's coarse lines (km): below one screen pixel once a pixel is wider.
pub const COARSE_KM: f32 = 1.5;

/// Whether a layer's outlines are drawn from `lines_coarse` at this scale (a pixel wider
/// than [`COARSE_KM`]).
pub fn draws_coarse(km_per_px: f64) -> bool {
    km_per_px as f32 > COARSE_KM
}

/// Radius of user layers on the globe (above land and lakes, below the atlas's lines).
pub const GLOBE_RADIUS: f64 = 1.0008;

/// One feature of a layer: its properties and where its shapes are in the layer's lists
/// (kept as ranges, so a large file's geometry is stored once).
#[derive(Debug, Clone, Default)]
pub struct LayerFeature {
    /// What names it in its file: its GeoJSON `id` (`id 7`), or else its place in the file
    /// (`features[3]`); the same feature keeps it when the file is read again.
    pub key: String,
    /// Its properties.
    pub properties: Map<String, Value>,
    /// Its points: a range of [`Layer::points`].
    pub points: Range<usize>,
    /// Its lines: a range of [`Layer::lines`].
    pub lines: Range<usize>,
    /// Its polygons: each a range of [`Layer::lines`] (outer ring first, then holes).
    pub polygons: Vec<Range<usize>>,
    /// When it happens, in a timed layer (`None`: always shown).
    pub span: Option<Span>,
    /// Its points on the globe: a range of [`GlobeLayer::points`].
    pub globe_points: Range<usize>,
    /// Its lines and polygon outlines on the globe: a range of [`GlobeLayer::lines`].
    pub globe_lines: Range<usize>,
    /// Its triangles on the map: a range of the fill's `indices`.
    pub fill: Range<usize>,
    /// Its triangles on the globe: a range of [`GlobeLayer::fill_indices`].
    pub globe_fill: Range<usize>,
    /// Its points on the world map: a range of [`WorldLayer::points`].
    pub world_points: Range<usize>,
    /// Its lines and outlines on the world map: a range of [`WorldLayer::lines`].
    pub world_lines: Range<usize>,
    /// Its triangles on the world map: a range of the world fill's `indices`.
    pub world_fill: Range<usize>,
}

/// The result of reading a user's file.
#[derive(Debug, Clone)]
pub struct Opened {
    /// What loaded (None when nothing could be read: the last good version stays).
    pub content: Option<Content>,
    /// Every problem, errors and warnings.
    pub problems: Vec<Problem>,
    /// The form the file was read in ("GeoJSON", "TopoJSON", "CSV", …); empty when it was
    /// not read (cancelled, or it could not be opened).
    pub form: &'static str,
}

impl Opened {
    /// The result of a load cancelled by its caller: nothing, and one problem saying so.
    pub fn cancelled(name: &str) -> Opened {
        Opened {
            content: None,
            problems: vec![Problem::worded(
                Severity::Error,
                name,
                Place::File,
                words!("load-cancelled"),
                words!("load-cancelled-hint"),
            )],
            form: "",
        }
    }

    /// What was understood, in a line: the form, what it became, and what it holds
    /// ("TopoJSON: a map layer of 178 features in 2 groups (countries: 177, land: 1)").
    pub fn summary(&self) -> String {
        self.summary_in(UiLang::En)
    }

    /// [`Opened::summary`] in a language (`dateline check` follows the interface's).
    pub fn summary_in(&self, lang: UiLang) -> String {
        let what = match &self.content {
            None => tr!(lang, "summary-nothing"),
            Some(Content::Events(e)) => {
                let first = e.iter().map(|e| e.span.first_day()).min();
                let last = e.iter().map(|e| e.span.last_day()).max();
                let placed = e.iter().filter(|e| !e.shapes.is_empty()).count();
                let mut s = tr!(lang, "summary-events", n = e.len(), placed = placed);
                if let (Some(a), Some(b)) = (first, last) {
                    s += &tr!(
                        lang,
                        "summary-from-to",
                        first = lang.long_date(a),
                        last = lang.long_date(b)
                    );
                }
                s
            }
            Some(Content::Layer(l)) => {
                let mut s = if l.time.is_some() {
                    tr!(lang, "summary-timed-layer", n = l.features.len())
                } else {
                    tr!(lang, "summary-layer", n = l.features.len())
                };
                if !l.groups.is_empty() {
                    let g: Vec<String> = l
                        .groups
                        .iter()
                        .map(|(n, r)| format!("{n}: {}", r.len()))
                        .collect();
                    s += &tr!(
                        lang,
                        "summary-groups",
                        n = l.groups.len(),
                        list = g.join(", ")
                    );
                }
                let polygons = l.features.iter().filter(|f| !f.polygons.is_empty()).count();
                let lines = l.features.iter().filter(|f| !f.lines.is_empty()).count();
                let points = l
                    .features
                    .iter()
                    .filter(|f| !f.globe_points.is_empty())
                    .count();
                s += &tr!(
                    lang,
                    "summary-shapes",
                    areas = polygons,
                    lines = lines,
                    points = points
                );
                if let Some(t) = &l.time {
                    s += &tr!(
                        lang,
                        "summary-dated",
                        field = t.field.as_str(),
                        first = lang.long_date(t.first),
                        last = lang.long_date(t.last)
                    );
                    if t.undated > 0 {
                        s += &tr!(lang, "summary-undated", n = t.undated);
                    }
                }
                if !l.numeric.is_empty() {
                    let n: Vec<String> = l
                        .numeric
                        .iter()
                        .take(6)
                        .map(|n| format!("{} {}–{}", n.name, n.min, n.max))
                        .collect();
                    s += &tr!(lang, "summary-numbers", list = n.join(", "));
                }
                s
            }
        };
        if self.form.is_empty() {
            what
        } else {
            format!("{}: {what}", self.form)
        }
    }

    /// Number of features or events loaded.
    pub fn count(&self) -> usize {
        match &self.content {
            Some(Content::Layer(l)) => l.features.len(),
            Some(Content::Events(e)) => e.len(),
            None => 0,
        }
    }
}

/// Reads a file's bytes: CSV or TimelineJS → events; GeoJSON, TopoJSON, KML/KMZ, a zipped
/// shapefile or a StoryMapJS file → events when its features are reported events, else a
/// (timed) map layer.
///
/// `progress` is called with the stage's key in the interface's catalogue (`stage-file`,
/// `stage-events`, `stage-tessellating`) when each stage starts, and again with the same
/// key every thousand features or rows (and every hundred thousand or so vertices while
/// tessellating). Its answer can cancel the load: on [`ControlFlow::Break`] the load stops
/// there and returns [`Opened::cancelled`].
pub fn open(
    name: &str,
    bytes: Vec<u8>,
    proj: &(impl Projection + Sync),
    progress: &mut dyn FnMut(&str) -> ControlFlow<()>,
) -> Opened {
    if name.to_ascii_lowercase().ends_with(".csv") {
        let stage = "stage-events";
        if progress(stage).is_break() {
            return Opened::cancelled(name);
        }
        let mut go_on = || progress(stage).is_continue();
        let Some(f) = events::load_csv_with(name, &bytes, &mut Cancel::new(&mut go_on)) else {
            return Opened::cancelled(name);
        };
        let content = (!f.events.is_empty() || !f.problems.iter().any(whole_file))
            .then_some(Content::Events(f.events));
        return Opened {
            content,
            problems: f.problems,
            form: "CSV",
        };
    }
    let stage = "stage-file";
    if progress(stage).is_break() {
        return Opened::cancelled(name);
    }
    let mut go_on = || progress(stage).is_continue();
    let (loaded, form) = match read_features(name, &bytes, &mut Cancel::new(&mut go_on)) {
        Some(Read::Features(l, form)) => (l, form),
        Some(Read::Events(f, form)) => {
            let content = (!f.events.is_empty() || !f.problems.iter().any(whole_file))
                .then_some(Content::Events(f.events));
            return Opened {
                content,
                problems: f.problems,
                form,
            };
        }
        None => return Opened::cancelled(name),
    };
    // The text is not needed any more: free it before building the layer (peak memory).
    drop(bytes);
    // Nothing read, and errors say why: nothing loads (the last good version stays).
    if loaded.features.is_empty()
        && loaded
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error)
    {
        return Opened {
            content: None,
            problems: loaded.problems,
            form,
        };
    }
    let mut problems = Vec::new();
    if events::looks_like_events(&loaded.features) {
        if progress("stage-events").is_break() {
            return Opened::cancelled(name);
        }
        let f = events::from_loaded(name, &loaded);
        if !f.events.is_empty() || !loaded.features.iter().any(|f| !f.shapes.is_empty()) {
            return Opened {
                content: Some(Content::Events(f.events)),
                problems: f.problems,
                form,
            };
        }
        // Not one event could be read, but the features have places: show them as a map
        // layer rather than nothing, and say why they are not events.
        let why = f
            .problems
            .iter()
            .find(|p| p.severity == Severity::Error)
            .map_or(words!("load-no-reason"), |p| p.message_words());
        problems.push(Problem::worded(
            Severity::Warning,
            name,
            Place::File,
            words!("load-features-dates-but-none", why = why),
            words!("load-make-them-events-give"),
        ));
    }
    let stage = "stage-tessellating";
    if progress(stage).is_break() {
        return Opened::cancelled(name);
    }
    let layer_name = loaded.name.clone().unwrap_or_else(|| name.to_string());
    let timed = events::timed_fields(&loaded.features);
    let groups = loaded.groups;
    problems.splice(0..0, loaded.problems);
    let mut go_on = || progress(stage).is_continue();
    let Some(mut layer) = build_layer_with(
        layer_name,
        loaded.features,
        proj,
        &mut Cancel::new(&mut go_on),
    ) else {
        return Opened::cancelled(name);
    };
    layer.groups = groups;
    if let Some((start, end)) = timed {
        add_times(&mut layer, name, start, end, &mut problems);
    }
    layer.numeric = numeric_fields(&layer);
    Opened {
        content: Some(Content::Layer(Box::new(layer))),
        problems,
        form,
    }
}

/// What a reader made of a file's bytes.
enum Read {
    /// Features, to be classified as events, a timed layer or a layer; and the form.
    Features(super::geojson::Loaded, &'static str),
    /// Events straight away (a TimelineJS file); and the form.
    Events(events::EventFile, &'static str),
}

/// Reads a file in whichever form it is in, by its name and content (a ZIP archive: KMZ or a
/// zipped shapefile; KML; TopoJSON; a TimelineJS or StoryMapJS file) or else as GeoJSON;
/// `None` when cancelled.
fn read_features(name: &str, bytes: &[u8], cancel: &mut Cancel<'_>) -> Option<Read> {
    let lower = name.to_ascii_lowercase();
    if archive::is_zip(bytes) {
        return Some(if lower.ends_with(".kmz") {
            Read::Features(kml::read_kmz(name, bytes), "KMZ")
        } else {
            Read::Features(
                shapefile::read_shapefile_zip(name, bytes),
                "zipped Shapefile",
            )
        });
    }
    if lower.ends_with(".kml") || looks_like_kml(bytes) {
        return Some(Read::Features(kml::read_kml(name, bytes), "KML"));
    }
    if [".shp", ".shx", ".dbf", ".prj"]
        .iter()
        .any(|x| lower.ends_with(x))
    {
        let mut l = super::geojson::Loaded {
            file: name.to_string(),
            ..Default::default()
        };
        l.problems.push(Problem::worded(
            Severity::Error,
            name,
            Place::File,
            words!("load-one-part-shapefile-which"),
            words!("load-put-all-parts-one"),
        ));
        return Some(Read::Features(l, "Shapefile part"));
    }
    if topojson::is_topojson(bytes) {
        return Some(Read::Features(
            topojson::read_topojson(name, bytes),
            "TopoJSON",
        ));
    }
    match events::read_story_json(name, bytes) {
        Some(events::StoryJson::Timeline(f)) => return Some(Read::Events(f, "TimelineJS JSON")),
        Some(events::StoryJson::StoryMap(l)) => {
            return Some(Read::Features(l, "StoryMapJS JSON"));
        }
        None => {}
    }
    geojson::load_with(name, bytes, cancel).map(|l| Read::Features(l, "GeoJSON"))
}

/// True when the bytes start like a KML document (whatever the file is called).
fn looks_like_kml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with("<?xml") || head.starts_with("<kml")) && head.contains("<kml")
}

/// Gives a timed layer's features their dates, with one warning a date form (how they were
/// read) and one for the features whose date could not be read (they always show).
fn add_times(
    layer: &mut Layer,
    file: &str,
    start: String,
    end: Option<String>,
    problems: &mut Vec<Problem>,
) {
    let mut forms = DateForms::default();
    let (mut first, mut last, mut undated) = (i64::MAX, i64::MIN, Vec::new());
    for f in &mut layer.features {
        let key = f.key.clone();
        let place = |field: &str| Place::Path(format!("{key}.properties.{field}"));
        match events::timed_span(&f.properties, &start, end.as_deref(), &mut forms, &place) {
            Ok(span) => {
                first = first.min(span.first_day());
                last = last.max(span.last_day());
                f.span = Some(span);
            }
            Err(e) => undated.push((place(&start), e)),
        }
    }
    problems.extend(forms.warnings(file));
    let message = match &end {
        Some(e) => words!("load-timed-layer-until", start = start, end = e),
        None => words!("load-timed-layer", start = start),
    };
    problems.push(Problem::worded(
        Severity::Warning,
        file,
        Place::File,
        message,
        words!("load-timed-layer-hint"),
    ));
    if let Some((place, why)) = undated.first() {
        problems.push(Problem::worded(
            Severity::Warning,
            file,
            place.clone(),
            words!("load-feature-s-no-date", undated = undated.len(), why = why),
            words!("load-give-each-feature-date"),
        ));
    }
    if first <= last {
        layer.time = Some(LayerTime {
            field: start,
            end_field: end,
            first,
            last,
            undated: undated.len(),
        });
    }
}

/// The properties that are numbers in at least half of a layer's features, with their ranges.
fn numeric_fields(layer: &Layer) -> Vec<NumericField> {
    let Some(first) = layer.features.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for key in first.properties.keys() {
        let (mut n, mut min, mut max) = (0, f64::INFINITY, f64::NEG_INFINITY);
        for f in &layer.features {
            if let Some(v) = f.properties.get(key).and_then(serde_json::Value::as_f64) {
                n += 1;
                min = min.min(v);
                max = max.max(v);
            }
        }
        let is_time = layer
            .time
            .as_ref()
            .is_some_and(|t| &t.field == key || t.end_field.as_ref() == Some(key));
        if n * 2 >= layer.features.len() && n > 0 && !is_time {
            out.push(NumericField {
                name: key.clone(),
                min,
                max,
            });
        }
    }
    out
}

impl LayerFeature {
    /// How visible it is at a date in a window: as an event would be for a timed layer's
    /// feature, 1 for an untimed layer's or an undated one.
    pub fn opacity(&self, date: f64, window: Window) -> f32 {
        self.span
            .as_ref()
            .map_or(1.0, |s| super::timeline::opacity(s, date, window))
    }

    /// A number property of the feature, if it has one.
    pub fn number(&self, key: &str) -> Option<f64> {
        self.properties.get(key).and_then(serde_json::Value::as_f64)
    }
}

/// True for a problem that refuses the file as a whole (nothing in it could be read).
pub fn whole_file(p: &Problem) -> bool {
    p.severity == Severity::Error
        && match &p.place {
            Place::File | Place::LineCol(..) | Place::Top => true,
            Place::Cell { row, .. } => *row == 1,
            Place::Path(_) => false,
        }
}

/// Projects and tessellates a layer's features (taking them, so each is freed once drawn).
pub fn build_layer(
    name: String,
    features: Vec<super::model::Feature>,
    proj: &(impl Projection + Sync),
) -> Layer {
    // Never cancelled, so always `Some`.
    build_layer_with(name, features, proj, &mut Cancel::never()).unwrap_or_default()
}

/// [`build_layer`], asking `cancel` whether to go on every thousand features or hundred
/// thousand vertices (`None`: cancelled).
fn build_layer_with(
    name: String,
    features: Vec<super::model::Feature>,
    proj: &(impl Projection + Sync),
    cancel: &mut Cancel<'_>,
) -> Option<Layer> {
    let mut layer = Layer {
        name,
        ..Default::default()
    };
    // The map shows what the projection can (see `Projection::extent`): shapes are clipped
    // to it in longitude/latitude first. The globe shows everything, built straight from
    // longitude/latitude, so neither depends on where the projection blows up.
    let extent = proj.extent();
    let world = EqualEarth::atlas();
    let world_extent = world.extent();
    let p32 = |p: [f64; 2]| [p[0] as f32, p[1] as f32];
    // The world map is only drawn zoomed out: its shapes are simplified first (which makes
    // them cheap to clip, project and triangulate), then densified where edges are long.
    let world_line = |l: &[LonLat]| -> Vec<[f32; 2]> {
        densify(l, 0.5)
            .iter()
            .map(|p| p32(world.project(*p)))
            .collect()
    };
    let project = |l: &[LonLat]| -> Vec<[f32; 2]> {
        densify(l, 0.5)
            .iter()
            .map(|p| p32(proj.project(*p)))
            .collect()
    };
    let on_sphere = |p: LonLat, r: f64| {
        let v = crate::globe::to_sphere(p);
        [(v[0] * r) as f32, (v[1] * r) as f32, (v[2] * r) as f32]
    };
    let globe_line = |l: &[LonLat]| -> Vec<[f32; 3]> {
        densify(l, 0.5)
            .into_iter()
            .map(|p| on_sphere(p, GLOBE_RADIUS + 0.0008))
            .collect()
    };
    let build = |s: &Shape| -> Built {
        match s {
            Shape::Point(p) => Built::Point {
                map: shows(&extent, *p).then(|| p32(proj.project(*p))),
                globe: on_sphere(*p, GLOBE_RADIUS + 0.001),
                world: p32(world.project(*p)),
            },
            Shape::Line(l) => Built::Line {
                map: clip_line(l, &extent)
                    .iter()
                    .map(|piece| project(piece))
                    .collect(),
                globe: globe_line(l),
                world: clip_line(&simplify_lonlat(l, WORLD_SIMPLIFY_DEG), &world_extent)
                    .iter()
                    .map(|piece| world_line(piece))
                    .collect(),
            },
            Shape::Polygon(rings) => {
                let parts = clip_polygon(rings, &extent)
                    .iter()
                    .map(|part| {
                        (
                            triangulate_unclipped(part, proj),
                            part.iter().map(|r| project(r)).collect(),
                        )
                    })
                    .collect();
                // Fills subdivided so they follow the curve, whole rings as outlines.
                let (globe_positions, globe_indices) = sphere_polygon(rings, 120.0, GLOBE_RADIUS);
                let simple: Vec<Vec<LonLat>> = rings
                    .iter()
                    .map(|r| simplify_lonlat(r, WORLD_SIMPLIFY_DEG))
                    .collect();
                let world = clip_polygon(&simple, &world_extent)
                    .iter()
                    .map(|part| {
                        (
                            triangulate_unclipped(part, &world),
                            part.iter().map(|r| world_line(r)).collect(),
                        )
                    })
                    .collect();
                Built::Polygon {
                    world,
                    parts,
                    globe_positions,
                    globe_indices,
                    globe_lines: rings.iter().map(|r| globe_line(r)).collect(),
                }
            }
        }
    };
    // The shapes of a feature (the islands of a country, the polygons of Natural Earth's
    // land) are built in parallel (clipping, projection, triangulation and the globe's
    // subdivision are each shape's own), then appended in file order, so the layer is the
    // same as if built one by one. One feature at a time: memory stays that of one feature's
    // results (building many features at once on several threads raised the peak by 25%).
    for f in features {
        let n: usize = f
            .shapes
            .iter()
            .map(|s| match s {
                Shape::Point(_) => 1,
                Shape::Line(l) => l.len(),
                Shape::Polygon(rings) => rings.iter().map(Vec::len).sum(),
            })
            .sum();
        if !cancel.work(1 + n / 100) {
            return None;
        }
        let mut built = if f.shapes.len() > 1 {
            f.shapes.par_iter().map(build).collect::<Vec<Built>>()
        } else {
            f.shapes.iter().map(build).collect()
        }
        .into_iter();
        let (p0, l0) = (layer.points.len(), layer.lines.len());
        let (gp0, gl0) = (layer.globe.points.len(), layer.globe.lines.len());
        let (f0, gf0) = (layer.fill.indices.len(), layer.globe.fill_indices.len());
        let (wp0, wl0, wf0) = (
            layer.world.points.len(),
            layer.world.lines.len(),
            layer.world.fill.indices.len(),
        );
        let mut polygons = Vec::new();
        for b in built.by_ref() {
            match b {
                Built::Point { map, globe, world } => {
                    layer.points.extend(map);
                    layer.globe.points.push(globe);
                    layer.world.points.push(world);
                }
                Built::Line { map, globe, world } => {
                    layer.lines.extend(map);
                    layer.globe.lines.push(globe);
                    layer.world.lines.extend(world);
                }
                Built::Polygon {
                    parts,
                    world,
                    globe_positions,
                    globe_indices,
                    globe_lines,
                } => {
                    for (fill, rings) in parts {
                        layer.fill.extend(&fill);
                        let start = layer.lines.len();
                        layer.lines.extend(rings);
                        polygons.push(start..layer.lines.len());
                    }
                    let base = layer.globe.fill_positions.len() as u32;
                    layer.globe.fill_positions.extend(globe_positions);
                    layer
                        .globe
                        .fill_indices
                        .extend(globe_indices.into_iter().map(|i| i + base));
                    layer.globe.lines.extend(globe_lines);
                    for (fill, rings) in world {
                        layer.world.fill.extend(&fill);
                        layer.world.lines.extend(rings);
                    }
                }
            }
        }
        // Lines of this feature that are not polygon rings come first in its range.
        let line_end = polygons.first().map_or(layer.lines.len(), |r| r.start);
        let key = match &f.id {
            Some(id) => format!("id {id}"),
            None if f.path.is_empty() => "the feature".to_string(),
            None => f.path.clone(),
        };
        layer.features.push(LayerFeature {
            key,
            properties: f.properties,
            points: p0..layer.points.len(),
            lines: l0..line_end,
            polygons,
            span: None,
            globe_points: gp0..layer.globe.points.len(),
            globe_lines: gl0..layer.globe.lines.len(),
            fill: f0..layer.fill.indices.len(),
            globe_fill: gf0..layer.globe.fill_indices.len(),
            world_points: wp0..layer.world.points.len(),
            world_lines: wl0..layer.world.lines.len(),
            world_fill: wf0..layer.world.fill.indices.len(),
        });
    }
    if !cancel.ask() {
        return None;
    }
    // Level of detail: the outlines again with what a pixel cannot show left out.
    layer.lines_coarse = layer
        .lines
        .par_iter()
        .map(|l| simplify(l, COARSE_KM))
        .collect();
    Some(layer)
}

/// One shape built for the map (clipped, projected, triangulated) and the globe.
enum Built {
    Point {
        map: Option<[f32; 2]>,
        globe: [f32; 3],
        world: [f32; 2],
    },
    Line {
        map: Vec<Vec<[f32; 2]>>,
        globe: Vec<[f32; 3]>,
        world: Vec<Vec<[f32; 2]>>,
    },
    Polygon {
        /// The same on the world map: each part and its simplified rings.
        world: Vec<(MeshData, Vec<Vec<[f32; 2]>>)>,
        /// Each part the clipping left: its triangles and its rings.
        parts: Vec<(MeshData, Vec<Vec<[f32; 2]>>)>,
        globe_positions: Vec<[f32; 3]>,
        globe_indices: Vec<u32>,
        globe_lines: Vec<Vec<[f32; 3]>>,
    },
}

fn seg_dist(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let l2 = dx * dx + dy * dy;
    let t = if l2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p[0] - a[0] - t * dx).hypot(p[1] - a[1] - t * dy)
}

fn in_ring(p: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let mut inside = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        if (a[1] > p[1]) != (b[1] > p[1])
            && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            inside = !inside;
        }
    }
    inside
}

impl Layer {
    /// The group a feature is in, by its index (`None` when the layer has no groups).
    pub fn group_of(&self, feature: usize) -> Option<usize> {
        self.groups.iter().position(|(_, r)| r.contains(&feature))
    }

    fn pt(&self, p: [f32; 2]) -> [f64; 2] {
        [p[0] as f64, p[1] as f64]
    }

    /// The feature under a plane point, within `tol` km for points and lines.
    pub fn hit(&self, p: [f64; 2], tol: f64) -> Option<usize> {
        self.hit_shown(p, tol, &|_, _| true)
    }

    /// [`Layer::hit`] among the features `shown` keeps, given their index (a timed layer's
    /// features of the date on the timeline, the features of groups shown).
    pub fn hit_shown(
        &self,
        p: [f64; 2],
        tol: f64,
        shown: &dyn Fn(usize, &LayerFeature) -> bool,
    ) -> Option<usize> {
        let near_line = |i: usize| {
            self.lines[i]
                .windows(2)
                .any(|w| seg_dist(p, self.pt(w[0]), self.pt(w[1])) <= tol)
        };
        let near = |f: &LayerFeature| {
            self.points[f.points.clone()]
                .iter()
                .any(|q| (q[0] as f64 - p[0]).hypot(q[1] as f64 - p[1]) <= tol)
                || f.lines.clone().any(near_line)
        };
        let ring =
            |i: usize| -> Vec<[f64; 2]> { self.lines[i].iter().map(|q| self.pt(*q)).collect() };
        // Points and lines are on top of fills: test them first.
        let features = || self.features.iter().enumerate();
        features()
            .position(|(i, f)| shown(i, f) && near(f))
            .or_else(|| {
                features().position(|(i, f)| {
                    shown(i, f)
                        && f.polygons.iter().any(|rings| {
                            let mut r = rings.clone();
                            r.next().is_some_and(|outer| in_ring(p, &ring(outer)))
                                && !r.any(|h| in_ring(p, &ring(h)))
                        })
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::Lcc;

    fn none(_: &str) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }

    #[test]
    fn geojson_without_dates_is_a_layer_and_features_are_hit() {
        let src = br#"{"type":"FeatureCollection","name":"DMZ tunnels","features":[
 {"type":"Feature","properties":{"name":"Tunnel 3"},"geometry":{"type":"Point","coordinates":[126.70,37.92]}},
 {"type":"Feature","properties":{"name":"Zone"},"geometry":{"type":"Polygon","coordinates":[[[126,37],[128,37],[128,38],[126,38],[126,37]]]}},
 {"type":"Feature","properties":{"name":"Road"},"geometry":{"type":"LineString","coordinates":[[125,36],[126,36]]}}]}"#;
        let proj = Lcc::atlas();
        let o = open("tunnels.geojson", src.to_vec(), &proj, &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:?}", o.problems)
        };
        assert_eq!(l.name, "DMZ tunnels");
        assert_eq!(o.count(), 3);
        assert_eq!(l.points.len(), 1);
        assert!(l.fill.area() > 10_000.0, "{}", l.fill.area());
        let name = |i: Option<usize>| i.and_then(|i| l.features[i].properties.get("name").cloned());
        assert_eq!(
            name(l.hit(proj.project([126.70, 37.92]), 2.0)),
            Some("Tunnel 3".into())
        );
        assert_eq!(
            name(l.hit(proj.project([127.5, 37.5]), 2.0)),
            Some("Zone".into())
        );
        assert_eq!(
            name(l.hit(proj.project([125.5, 36.0]), 2.0)),
            Some("Road".into())
        );
        assert_eq!(l.hit(proj.project([130.0, 40.0]), 2.0), None);
    }

    #[test]
    fn features_are_keyed_by_their_id_or_their_place_in_the_file() {
        let src = br#"{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[126,37]}},
 {"type":"Feature","id":"gate-7","properties":{},"geometry":{"type":"Point","coordinates":[127,37]}},
 {"type":"Feature","id":12,"properties":{},"geometry":{"type":"Point","coordinates":[128,37]}}]}"#;
        let o = open("keys.geojson", src.to_vec(), &Lcc::atlas(), &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:?}", o.problems)
        };
        let keys: Vec<&str> = l.features.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["features[0]", "id gate-7", "id 12"]);
    }

    #[test]
    fn dates_make_an_events_file_and_broken_files_keep_nothing() {
        let proj = Lcc::atlas();
        let src = br#"{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"title":"A","start":"2024-10","status":"reported","sources":[]},"geometry":null}]}"#;
        let o = open("ev.geojson", src.to_vec(), &proj, &mut none);
        assert!(matches!(&o.content, Some(Content::Events(e)) if e.len() == 1));
        let o = open(
            "week.csv",
            b"start,title\n2024-11-02,B\n".to_vec(),
            &proj,
            &mut none,
        );
        assert!(matches!(&o.content, Some(Content::Events(e)) if e.len() == 1));
        // A syntax error: nothing is read, so the app keeps the last good version.
        let o = open(
            "bad.geojson",
            br#"{"type":"FeatureCollection","features":[{"#.to_vec(),
            &proj,
            &mut none,
        );
        assert!(o.content.is_none());
        assert!(o.problems.iter().any(whole_file));
        // One bad feature among good ones: the good ones load, the bad one is listed.
        let src = br#"{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[127,38]}},
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[127]}}]}"#;
        let o = open("mixed.geojson", src.to_vec(), &proj, &mut none);
        assert_eq!(o.count(), 1);
        assert!(
            o.problems
                .iter()
                .any(|p| p.to_string().contains("features[1]"))
        );
        let o = open("notcsv.csv", b"a,b\n1,2\n".to_vec(), &proj, &mut none);
        assert!(o.content.is_none(), "{:?}", o.problems);
    }

    #[test]
    fn a_load_cancelled_at_the_first_check_keeps_nothing_and_says_so() {
        let proj = Lcc::atlas();
        let point = br#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[127,38]}}"#;
        for (name, bytes) in [
            ("a.geojson", point.to_vec()),
            ("week.csv", b"start,title\n2024-11-02,B\n".to_vec()),
        ] {
            let mut stages = Vec::new();
            let o = open(name, bytes, &proj, &mut |s| {
                stages.push(s.to_string());
                ControlFlow::Break(())
            });
            assert_eq!(stages.len(), 1, "{stages:?}");
            assert!(o.content.is_none());
            assert_eq!(o.problems.len(), 1, "{:?}", o.problems);
            let p = &o.problems[0];
            assert_eq!(
                (p.severity, &p.place, p.file.as_str()),
                (Severity::Error, &Place::File, name)
            );
            assert_eq!(p.message, "loading was cancelled");
            assert_eq!(p.hint, "open the file again");
        }
    }

    #[test]
    fn long_loads_are_asked_along_the_way_and_stop_when_told() {
        let proj = Lcc::atlas();
        let feature = r#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[127,38]}}"#;
        let src = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            vec![feature; 5000].join(",")
        );
        // Never cancelled: the whole layer loads, and the stages were asked about repeatedly
        // (pass 1, pass 2 and the tessellation each ask every thousand features).
        let mut asked: Vec<String> = Vec::new();
        let o = open("many.geojson", src.clone().into_bytes(), &proj, &mut |s| {
            asked.push(s.to_string());
            ControlFlow::Continue(())
        });
        assert_eq!(o.count(), 5000);
        let count = |s: &str| asked.iter().filter(|a| *a == s).count();
        assert!(count("stage-file") >= 10, "{asked:?}");
        assert!(count("stage-tessellating") >= 5, "{asked:?}");
        // Each stage is named by a key both catalogues have.
        for stage in &asked {
            assert!(UiLang::En.has(stage) && UiLang::Ko.has(stage), "{stage}");
        }
        // Cancelled while streaming the features, then while tessellating.
        for stop_at in [8, count("stage-file") + 3] {
            let mut n = 0;
            let o = open("many.geojson", src.clone().into_bytes(), &proj, &mut |_| {
                n += 1;
                if n >= stop_at {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            assert_eq!(n, stop_at, "nothing is asked after the answer 'stop'");
            assert!(o.content.is_none());
            assert_eq!(o.problems.len(), 1);
            assert_eq!(o.problems[0].message, "loading was cancelled");
        }
        // A CSV is asked every thousand rows.
        let csv = format!("start,title\n{}", "2024-11-02,B\n".repeat(3000));
        let mut n = 0;
        let o = open("week.csv", csv.into_bytes(), &proj, &mut |_| {
            n += 1;
            if n >= 3 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!((n, o.count()), (3, 0));
        assert_eq!(o.problems[0].message, "loading was cancelled");
    }

    /// A file of one feature with this geometry, loaded as a layer.
    fn layer_of(geometry: &str) -> (Layer, Vec<Problem>) {
        let src = format!(r#"{{"type":"Feature","properties":{{}},"geometry":{geometry}}}"#);
        let o = open("shape.geojson", src.into_bytes(), &Lcc::atlas(), &mut none);
        match o.content {
            Some(Content::Layer(l)) => (*l, o.problems),
            _ => panic!("{:?}", o.problems),
        }
    }

    fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
        [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
    }

    fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
        [
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        ]
    }

    fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
        a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
    }

    /// The globe fill's triangles, scaled to the Earth (km).
    fn globe_triangles(g: &GlobeLayer) -> impl Iterator<Item = [[f64; 3]; 3]> + '_ {
        let k = crate::globe::EARTH_RADIUS_KM / GLOBE_RADIUS;
        g.fill_indices.chunks_exact(3).map(move |t| {
            [t[0], t[1], t[2]].map(|i| g.fill_positions[i as usize].map(|v| v as f64 * k))
        })
    }

    /// Area of the globe fill on the Earth, km².
    fn globe_area_km2(g: &GlobeLayer) -> f64 {
        globe_triangles(g)
            .map(|[a, b, c]| {
                let n = cross(sub(b, a), sub(c, a));
                dot(n, n).sqrt() / 2.0
            })
            .sum()
    }

    /// True when the globe fill covers a place: the ray from the Earth's centre through it
    /// passes through one of the fill's triangles (Möller–Trumbore).
    fn globe_covers(g: &GlobeLayer, p: LonLat) -> bool {
        let d = crate::globe::to_sphere(p);
        globe_triangles(g).any(|[a, b, c]| {
            let (e1, e2) = (sub(b, a), sub(c, a));
            let h = cross(d, e2);
            let det = dot(e1, h);
            if det.abs() < 1e-12 {
                return false;
            }
            let s = sub([0.0; 3], a);
            let u = dot(s, h) / det;
            let q = cross(s, e1);
            let v = dot(d, q) / det;
            (-1e-9..=1.0 + 1e-9).contains(&u)
                && v >= -1e-9
                && u + v <= 1.0 + 1e-9
                && dot(e2, q) / det > 0.0
        })
    }

    /// Area of the cap of the Earth between a latitude and the pole on its side, km².
    fn cap_km2(lat: f64) -> f64 {
        let r = crate::globe::EARTH_RADIUS_KM;
        2.0 * std::f64::consts::PI * r * r * (1.0 - lat.to_radians().sin().abs())
    }

    /// The atlas projection's cone constant and the radius (km) of a parallel about the
    /// cone's apex, by the textbook formulas for the spherical Lambert conformal conic
    /// (Snyder, Map Projections: A Working Manual, eqs. 15-1 to 15-3), standard parallels
    /// 30°N and 60°N.
    fn lcc_n_rho(lat: f64) -> (f64, f64) {
        let t = |deg: f64| (std::f64::consts::FRAC_PI_4 + deg.to_radians() / 2.0).tan();
        let cos = |deg: f64| deg.to_radians().cos();
        let n = (cos(30.0) / cos(60.0)).ln() / (t(60.0) / t(30.0)).ln();
        let f = cos(30.0) * t(30.0).powf(n) / n;
        (n, crate::projection::EARTH_RADIUS_KM * f / t(lat).powf(n))
    }

    /// Every plane point of the map's lines and fill, as longitude/latitude.
    fn map_points(l: &Layer) -> Vec<LonLat> {
        let proj = Lcc::atlas();
        l.lines
            .iter()
            .flatten()
            .chain(&l.fill.positions)
            .map(|p| proj.unproject([p[0] as f64, p[1] as f64]))
            .collect()
    }

    #[test]
    fn a_ring_round_the_south_pole_is_on_the_globe_and_clipped_on_the_map() {
        // Antarctica-like: along 70°S all the way round, closed along the pole (the edges from
        // -180 to 180 go round the globe). The cap south of 70°S is 15.38 million km².
        let (l, problems) = layer_of(
            r#"{"type":"Polygon","coordinates":[[[-180,-70],[180,-70],[180,-90],[-180,-90],[-180,-70]]]}"#,
        );
        assert!(
            problems.iter().all(|p| p.severity != Severity::Error),
            "{problems:?}"
        );
        let want = cap_km2(-70.0);
        assert!((want - 15.38e6).abs() < 0.01e6, "{want}");
        let area = globe_area_km2(&l.globe);
        assert!((area / want - 1.0).abs() < 0.005, "{area} vs {want}");
        for p in [
            [0.0, -89.99],
            [0.0, -90.0],
            [123.0, -75.0],
            [-75.0, -71.0],
            [180.0, -80.0],
        ] {
            assert!(globe_covers(&l.globe, p), "{p:?}");
        }
        assert!(!globe_covers(&l.globe, [0.0, -69.0]));
        assert!(!globe_covers(&l.globe, [0.0, 60.0]));
        // Bounded by the ring's vertices (about 1100 once 1° apart) and the cap's area (about
        // 10,000 triangles with edges up to 120 km), not by the pole being at infinity on the
        // map.
        let tris = l.globe.fill_indices.len() / 3;
        assert!((5_000..15_000).contains(&tris), "{tris}");
        assert!(l.globe.fill_positions.len() < 15_000);
        assert_eq!(l.globe.lines.len(), 1);
        assert!(l.globe.lines[0].len() < 2000, "{}", l.globe.lines[0].len());
        // All of it is south of 60°S, which the map does not show.
        assert!(l.fill.indices.is_empty() && l.lines.is_empty());
        assert_eq!(l.features[0].polygons.len(), 0);

        // Along 50°S instead: the map shows the band from 60°S to 50°S, cut at the map's seam
        // (75°W), so two parts, and nothing beyond 60°S.
        let (l, _) = layer_of(
            r#"{"type":"Polygon","coordinates":[[[-180,-50],[180,-50],[180,-90],[-180,-90],[-180,-50]]]}"#,
        );
        assert_eq!(l.features[0].polygons.len(), 2);
        assert!(l.fill.area() > 1e8, "{}", l.fill.area());
        for p in map_points(&l) {
            // (Plane points are f32: about 2 m at 30,000 km from the origin.)
            assert!((-60.0 - 1e-4..=-50.0 + 1e-4).contains(&p[1]), "{p:?}");
        }
        let proj = Lcc::atlas();
        let hit = |p: LonLat| l.hit(proj.project(p), 1.0);
        assert_eq!(hit([0.0, -55.0]), Some(0));
        assert_eq!(hit([-100.0, -55.0]), Some(0));
        assert_eq!(hit([0.0, -45.0]), None);
        let area = globe_area_km2(&l.globe);
        assert!((area / cap_km2(-50.0) - 1.0).abs() < 0.005, "{area}");
    }

    #[test]
    fn natural_earth_antarctica_loads_in_bounded_time_and_size() {
        // The shape of Natural Earth's Antarctica: the coast, then down the 180° meridian,
        // along the pole in 0.5° steps (724 points there) and up the -180° meridian.
        let mut ring: Vec<LonLat> = (0..=3600)
            .map(|i| {
                let lon = -180.0 + i as f64 * 0.1;
                [lon, -70.0 + 5.0 * (lon.to_radians() * 3.0).sin()]
            })
            .collect();
        ring.extend((1..=4).map(|i| [180.0, -75.0 - 3.75 * i as f64]));
        ring.extend((1..=720).map(|i| [180.0 - i as f64 * 0.5, -90.0]));
        ring.extend((0..4).map(|i| [-180.0, -90.0 + 3.75 * i as f64]));
        ring.push(ring[0]);
        let coords: Vec<String> = ring
            .iter()
            .map(|p| format!("[{},{}]", p[0], p[1]))
            .collect();
        let start = std::time::Instant::now();
        let (l, _) = layer_of(&format!(
            r#"{{"type":"Polygon","coordinates":[[{}]]}}"#,
            coords.join(",")
        ));
        assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
        assert!(l.fill.indices.is_empty());
        let tris = l.globe.fill_indices.len() / 3;
        assert!((20_000..50_000).contains(&tris), "{tris}");
        // South of the coast at latitude φ(λ): R² ∫ (1 + sin φ(λ)) dλ.
        let r = crate::globe::EARTH_RADIUS_KM;
        let want: f64 = ring[..3600]
            .iter()
            .map(|p| r * r * (1.0 + p[1].to_radians().sin()) * 0.1f64.to_radians())
            .sum();
        let area = globe_area_km2(&l.globe);
        assert!((area / want - 1.0).abs() < 0.005, "{area} vs {want}");
        assert!(globe_covers(&l.globe, [45.0, -89.9]));
    }

    #[test]
    fn a_ring_across_180_degrees_is_one_shape_on_the_map_and_the_globe() {
        // 170°E to 170°W (written across the jump), 60°N to 70°N: 1.044 million km².
        let (l, problems) = layer_of(
            r#"{"type":"Polygon","coordinates":[[[170,60],[-170,60],[-170,70],[170,70],[170,60]]]}"#,
        );
        assert!(problems.iter().any(|p| p.message.contains("180°")));
        let r = crate::globe::EARTH_RADIUS_KM;
        let want =
            r * r * 20f64.to_radians() * (70f64.to_radians().sin() - 60f64.to_radians().sin());
        assert!((want - 1.044e6).abs() < 0.001e6, "{want}");
        let area = globe_area_km2(&l.globe);
        assert!((area / want - 1.0).abs() < 0.005, "{area} vs {want}");
        assert!(globe_covers(&l.globe, [180.0, 65.0]));
        assert!(!globe_covers(&l.globe, [0.0, 65.0]));
        // One polygon on the map (the seam is at 75°W): a sector of the ring between the
        // parallels, 20° × n wide; hit on both sides of 180°.
        assert_eq!(l.features[0].polygons.len(), 1);
        let ((n, r60), (_, r70)) = (lcc_n_rho(60.0), lcc_n_rho(70.0));
        let sector = n * 20f64.to_radians() / 2.0 * (r60 * r60 - r70 * r70);
        assert!(
            (l.fill.area() / sector - 1.0).abs() < 0.002,
            "{} vs {sector}",
            l.fill.area()
        );
        let proj = Lcc::atlas();
        for p in [[179.0, 65.0], [-179.0, 65.0], [190.0, 65.0]] {
            assert_eq!(l.hit(proj.project(p), 1.0), Some(0), "{p:?}");
        }
        assert_eq!(l.hit(proj.project([165.0, 65.0]), 1.0), None);
        // Cut at 180° into two polygons, as RFC 7946 asks: the same area, one piece each side.
        let (cut, _) = layer_of(
            r#"{"type":"MultiPolygon","coordinates":[[[[170,60],[180,60],[180,70],[170,70],[170,60]]],[[[-180,60],[-170,60],[-170,70],[-180,70],[-180,60]]]]}"#,
        );
        assert_eq!(cut.features[0].polygons.len(), 2);
        assert!((globe_area_km2(&cut.globe) / area - 1.0).abs() < 1e-3);
        assert!((cut.fill.area() / l.fill.area() - 1.0).abs() < 1e-3);
    }

    #[test]
    fn a_shape_across_the_map_seam_is_cut_there_and_keeps_its_gaps() {
        // A U open to the east whose arms cross 75°W, the meridian opposite the map's centre:
        // on the map each arm's tip is drawn at the other edge, and the gap between the arms
        // stays empty on both sides.
        let (l, _) = layer_of(
            r#"{"type":"Polygon","coordinates":[[[-80,0],[-70,0],[-70,10],[-77,10],[-77,20],[-70,20],[-70,30],[-80,30],[-80,0]]]}"#,
        );
        assert_eq!(l.features[0].polygons.len(), 3);
        let proj = Lcc::atlas();
        for (p, inside) in [
            ([-72.0, 5.0], true),
            ([-72.0, 25.0], true),
            ([-78.0, 15.0], true),
            ([-72.0, 15.0], false),
            ([-74.5, 15.0], false),
            ([-76.0, 15.0], false),
            ([-72.0, 35.0], false),
        ] {
            assert_eq!(l.fill.contains(proj.project(p)), inside, "{p:?}");
            assert_eq!(l.hit(proj.project(p), 0.01).is_some(), inside, "{p:?}");
            assert_eq!(globe_covers(&l.globe, p), inside, "{p:?}");
        }
        // The two sides of the seam are at opposite edges of the map.
        let (a, b) = (proj.project([-75.01, 5.0]), proj.project([-74.99, 5.0]));
        assert!((a[0] - b[0]).abs() > 10_000.0, "{a:?} {b:?}");
    }

    #[test]
    fn a_ring_touching_the_north_pole_loads() {
        // 0° to 90°E from 80°N to the pole: a quarter of the cap north of 80°N, 0.968
        // million km².
        let (l, problems) = layer_of(
            r#"{"type":"Polygon","coordinates":[[[0,80],[90,80],[90,90],[0,90],[0,80]]]}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let want = cap_km2(80.0) / 4.0;
        assert!((want - 0.968e6).abs() < 0.001e6, "{want}");
        let area = globe_area_km2(&l.globe);
        assert!((area / want - 1.0).abs() < 0.005, "{area} vs {want}");
        assert!(globe_covers(&l.globe, [45.0, 89.0]));
        assert!(!globe_covers(&l.globe, [135.0, 85.0]));
        // The north pole is the cone's apex: on the map it is a wedge ending there.
        let proj = Lcc::atlas();
        assert_eq!(l.hit(proj.project([45.0, 85.0]), 1.0), Some(0));
        assert_eq!(l.hit(proj.project([135.0, 85.0]), 1.0), None);
        let (n, r80) = lcc_n_rho(80.0);
        let sector = n * std::f64::consts::FRAC_PI_2 / 2.0 * r80 * r80;
        assert!(
            (l.fill.area() / sector - 1.0).abs() < 0.002,
            "{} vs {sector}",
            l.fill.area()
        );
    }

    #[test]
    fn rings_round_a_pole_or_the_whole_globe_stay_bounded() {
        // Round the south pole at 70°S without touching it: closed through the pole, with a
        // warning.
        let (l, problems) = layer_of(
            r#"{"type":"Polygon","coordinates":[[[0,-70],[90,-70],[180,-70],[-90,-70],[0,-70]]]}"#,
        );
        assert!(
            problems.iter().any(|p| p.message.contains("round a pole")),
            "{problems:?}"
        );
        let area = globe_area_km2(&l.globe);
        assert!((area / cap_km2(-70.0) - 1.0).abs() < 0.005, "{area}");
        // The whole globe: 510 million km² on the globe, in a bounded number of triangles;
        // on the map everything from 60°S to the north pole, in two parts (cut at 75°W).
        let (l, _) = layer_of(
            r#"{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}"#,
        );
        let r = crate::globe::EARTH_RADIUS_KM;
        let sphere = 4.0 * std::f64::consts::PI * r * r;
        let area = globe_area_km2(&l.globe);
        assert!((area / sphere - 1.0).abs() < 0.005, "{area}");
        let tris = l.globe.fill_indices.len() / 3;
        assert!((200_000..300_000).contains(&tris), "{tris}");
        for p in [
            [0.0, 0.0],
            [180.0, 0.0],
            [-75.0, 10.0],
            [33.0, 89.95],
            [33.0, -89.95],
        ] {
            assert!(globe_covers(&l.globe, p), "{p:?}");
        }
        assert_eq!(l.features[0].polygons.len(), 2);
        // The band shows as a sector of the disc of radius ρ(60°S) around the cone's apex
        // (which is at y = ρ(45°N), above the map's origin), 360° × n wide.
        let ((n, rho), (_, rho0)) = (lcc_n_rho(-60.0), lcc_n_rho(45.0));
        for p in l.lines.iter().flatten().chain(&l.fill.positions) {
            let d = (p[0] as f64).hypot(p[1] as f64 - rho0);
            assert!(d <= rho * 1.000_01, "{p:?}: {d} > {rho}");
        }
        let sector = n * std::f64::consts::PI * rho * rho;
        assert!(
            (l.fill.area() / sector - 1.0).abs() < 0.002,
            "{} vs {sector}",
            l.fill.area()
        );
        for p in map_points(&l) {
            assert!(p[1] >= -60.0 - 1e-4, "{p:?}");
        }
    }

    #[test]
    fn a_usgs_earthquake_feed_is_a_timed_layer_sized_by_magnitude() {
        // A real USGS feed (250 of its 1,707 quakes; see tests/fixtures/README.md): `time` in
        // epoch milliseconds, `status` "automatic"/"reviewed" and `sources` ",us," as text.
        let src = include_bytes!("../../../tests/fixtures/usgs-earthquakes-week.geojson");
        let o = open("quakes.geojson", src.to_vec(), &Lcc::atlas(), &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        assert_eq!(l.features.len(), 250);
        assert!(
            o.problems.iter().all(|p| p.severity == Severity::Warning),
            "{:#?}",
            o.problems
        );
        let t = l.time.as_ref().expect("a timed layer");
        assert_eq!(t.field, "time");
        assert_eq!(t.undated, 0);
        let day = |s: &str| crate::timeline::FuzzyDate::parse(s).unwrap().first_day();
        assert_eq!((t.first, t.last), (day("2018-02-05"), day("2018-02-07")));
        // The first quake: 1517966773840 ms = 2018-02-07 01:26 UTC.
        let q = l
            .features
            .iter()
            .find(|f| f.key == "id ci37868143")
            .unwrap();
        assert_eq!(q.span.unwrap().first_day(), day("2018-02-07"));
        assert_eq!(q.number("mag"), Some(2.0));
        let mag = l.numeric.iter().find(|n| n.name == "mag").expect("mag");
        assert_eq!((mag.min, mag.max), (-0.3, 6.4));
        assert!(!l.numeric.iter().any(|n| n.name == "time"));
        let how = o
            .problems
            .iter()
            .find(|p| p.message.contains("milliseconds since 1970"))
            .expect("a warning saying how the dates were read");
        assert!(how.message.starts_with("250 date(s)"), "{how}");
        assert!(
            how.to_string()
                .contains("1517966773840 was read as 7 February 2018"),
            "{how}"
        );
    }

    #[test]
    fn features_with_dates_that_cannot_be_events_still_load_as_a_layer() {
        // `start` makes it look like events, but no feature has a title.
        let src = br#"{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"start":"2024-10-17"},"geometry":{"type":"Point","coordinates":[126,37]}},
 {"type":"Feature","properties":{"start":"2024-10-18"},"geometry":{"type":"Point","coordinates":[127,37]}}]}"#;
        let o = open("untitled.geojson", src.to_vec(), &Lcc::atlas(), &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        assert_eq!(l.points.len(), 2);
        assert_eq!(l.time.as_ref().map(|t| t.field.as_str()), Some("start"));
        assert!(
            o.problems[0].message.contains("shown as a map layer"),
            "{}",
            o.problems[0]
        );
        assert!(
            o.problems[0].message.contains("no title"),
            "{}",
            o.problems[0]
        );
        // With titles, the same file is events; `place` serves as a title too.
        let src = String::from_utf8(src.to_vec())
            .unwrap()
            .replace(
                r#""start":"2024-10-17""#,
                r#""start":"2024-10-17","title":"A""#,
            )
            .replace(
                r#""start":"2024-10-18""#,
                r#""start":1729209600,"place":"10 km N of B""#,
            );
        let o = open("titled.geojson", src.into_bytes(), &Lcc::atlas(), &mut none);
        let Some(Content::Events(e)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        assert_eq!(e[1].title, "10 km N of B");
        assert_eq!(e[1].span.start.to_string(), "2024-10-18");
        assert!(
            o.problems
                .iter()
                .any(|p| p.message.contains("1 date(s) were numbers of seconds"))
        );
    }

    #[test]
    fn a_world_topojson_opens_as_one_layer_a_group_per_object() {
        // world-atlas's countries-110m (tests/fixtures/README.md): objects countries and land.
        let src = include_bytes!("../../../tests/fixtures/countries-110m.json");
        let o = open(
            "countries-110m.json",
            src.to_vec(),
            &Lcc::atlas(),
            &mut none,
        );
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        let names: Vec<(&str, Range<usize>)> = l
            .groups
            .iter()
            .map(|(n, r)| (n.as_str(), r.clone()))
            .collect();
        assert_eq!(names, [("countries", 0..177), ("land", 177..178)]);
        assert_eq!(l.group_of(176), Some(0));
        assert_eq!(l.group_of(177), Some(1));
        // Each feature's triangles are its own, in order, and a group's part of the fill
        // holds just its triangles.
        let mut next = 0;
        for f in &l.features {
            assert_eq!(f.fill.start, next);
            next = f.fill.end;
        }
        assert_eq!(next, l.fill.indices.len());
        let countries = l
            .fill
            .part(l.features[0].fill.start..l.features[176].fill.end);
        let land = l.fill.part(l.features[177].fill.clone());
        assert!((countries.area() + land.area() - l.fill.area()).abs() < 1e-6 * l.fill.area());
        // South Korea ("410") is hit at Seoul, only while its group is shown.
        let seoul = Lcc::atlas().project([126.98, 37.57]);
        let kr = l
            .hit_shown(seoul, 1.0, &|i, _| l.group_of(i) == Some(0))
            .unwrap();
        assert_eq!(l.features[kr].key, "id 410");
        assert_eq!(
            l.hit_shown(seoul, 1.0, &|i, _| l.group_of(i) == Some(1)),
            Some(177)
        );
    }

    #[test]
    fn kml_kmz_and_zipped_shapefiles_open_by_name_and_content() {
        let proj = Lcc::atlas();
        let fx = |f: &str| {
            std::fs::read(format!(
                "{}/../../tests/fixtures/{f}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        };
        for (file, form, features) in [
            ("kml-samples-two-layers.kml", "KML", 7),
            ("kml-samples-two-layers.kmz", "KMZ", 7),
            ("shp-blockgroups.zip", "zipped Shapefile", 663),
        ] {
            let o = open(file, fx(file), &proj, &mut none);
            assert_eq!(o.form, form, "{file}");
            assert_eq!(o.count(), features, "{file}: {:#?}", o.problems);
            assert!(o.summary().starts_with(form), "{}", o.summary());
        }
        // A shapefile in the Korean national grid (made with ogr2ogr from korea-5179.geojson):
        // converted, and South Korea's outline holds Seoul.
        let o = open("k.zip", fx("shp-korea-5179.zip"), &proj, &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        assert!(o.problems.iter().any(|p| p.message
            == "coordinates were in EPSG:5179 (Korea 2000 / Unified CS) and were converted to longitude/latitude"));
        assert!(l.hit(proj.project([126.98, 37.57]), 0.5).is_some());
        assert!(l.hit(proj.project([116.4, 39.9]), 0.5).is_none());
        // A projected system Dateline does not know: nothing loads, the error says why.
        let o = open("rel.zip", fx("shp-rel-projected.zip"), &proj, &mut none);
        assert!(o.content.is_none());
        assert!(
            o.summary().ends_with("nothing could be read"),
            "{}",
            o.summary()
        );
        // KML under another name is still KML; a lone .shp is explained.
        let o = open(
            "samples.xml",
            fx("kml-samples-two-layers.kml"),
            &proj,
            &mut none,
        );
        assert_eq!((o.form, o.count()), ("KML", 7));
        let o = open("roads.shp", vec![0, 0, 39, 10], &proj, &mut none);
        assert!(o.content.is_none());
        assert!(o.problems[0].hint.contains("one .zip"), "{}", o.problems[0]);
    }

    #[test]
    fn kml_placemarks_with_timestamps_are_a_timed_layer() {
        let src = br#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Typhoon track</name>
<Placemark><name>Khanun 1</name><TimeStamp><when>2023-08-09T00:00:00Z</when></TimeStamp><Point><coordinates>128.0,33.0</coordinates></Point></Placemark>
<Placemark><name>Khanun 2</name><TimeStamp><when>2023-08-10T00:00:00Z</when></TimeStamp><Point><coordinates>128.3,35.0</coordinates></Point></Placemark>
<Placemark><name>Khanun 3</name><TimeSpan><begin>2023-08-10</begin><end>2023-08-11</end></TimeSpan><LineString><coordinates>128.3,35.0 128.6,37.0</coordinates></LineString></Placemark>
</Document></kml>"#;
        let o = open("track.kml", src.to_vec(), &Lcc::atlas(), &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        assert_eq!(l.name, "Typhoon track");
        let t = l.time.as_ref().expect("timed");
        assert_eq!(t.field, "timestamp");
        let day = |s: &str| crate::timeline::FuzzyDate::parse(s).unwrap().first_day();
        // The third placemark's TimeSpan (begin, end) counts too.
        assert_eq!((t.first, t.last), (day("2023-08-09"), day("2023-08-11")));
        assert_eq!(t.undated, 0);
        let span = l.features[2].span.unwrap();
        assert_eq!(
            (span.start.to_string(), span.end.map(|e| e.to_string())),
            ("2023-08-10".into(), Some("2023-08-11".into()))
        );
    }

    #[test]
    fn natural_earths_coastlines_have_a_coarse_version_for_zoomed_out_views() {
        let Ok(src) = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/bench/ne_10m_land.geojson"
        )) else {
            eprintln!("../shared/bench missing: skipped");
            return;
        };
        let o = open("ne_10m_land.geojson", src, &Lcc::atlas(), &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        assert_eq!(l.lines_coarse.len(), l.lines.len());
        let fine: usize = l.lines.iter().map(Vec::len).sum();
        let coarse: usize = l.lines_coarse.iter().map(Vec::len).sum();
        assert!(coarse * 3 < fine, "{coarse} of {fine} points");
        assert!(l.lines_coarse.iter().all(|c| c.len() >= 2));
    }

    #[test]
    fn natural_earths_antarctica_as_gdal_writes_it_loads_on_the_globe() {
        // Natural Earth's Antarctica as GDAL writes it (tests/fixtures/README.md): its main
        // ring runs from -180° to 180° along the coast and back along 85.6°S, the furthest
        // south it goes: a planar ring that leaves out the cap beyond that parallel.
        let src = include_bytes!("../../../tests/fixtures/antarctica-110m.geojson");
        let o = open("antarctica.geojson", src.to_vec(), &Lcc::atlas(), &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        assert!(
            o.problems.iter().all(|p| p.severity == Severity::Warning),
            "{:#?}",
            o.problems
        );
        // On the globe its fill reaches past 85°S (y = -sin 85° = -0.996 on the unit sphere)
        // and none of it is in the northern hemisphere.
        let lowest = l
            .globe
            .fill_positions
            .iter()
            .map(|p| p[1])
            .fold(f32::MAX, f32::min);
        assert!(lowest < -0.996 * GLOBE_RADIUS as f32, "{lowest}");
        assert!(l.globe.fill_positions.iter().all(|p| p[1] < 0.0));
        // On the map, clipped to what the conic projection shows (north of 60°S): bounded.
        assert!(
            l.fill.positions.len() < 10_000,
            "{}",
            l.fill.positions.len()
        );
    }

    #[test]
    fn a_world_map_is_on_the_world_map_whole_and_at_its_true_area() {
        // Natural Earth's 110m land as TopoJSON (tests/fixtures/README.md): every continent.
        let src = include_bytes!("../../../tests/fixtures/land-110m.json");
        let o = open("land-110m.json", src.to_vec(), &Lcc::atlas(), &mut none);
        let Some(Content::Layer(l)) = &o.content else {
            panic!("{:#?}", o.problems)
        };
        let w = EqualEarth::atlas();
        // Equal Earth keeps areas: the land of the Earth is about 149 million km² (the file's
        // Antarctica stops at 85.6°S, which leaves out about 0.75 million).
        let area = l.world.fill.area();
        assert!((140e6..152e6).contains(&area), "{area:.3e} km²");
        // Places the conic cannot show, or shows torn at its seam, are land here: Lima,
        // Santiago, Brasília, Greenland, and Antarctica on both sides of the seam.
        for ll in [
            [-77.04, -12.05],
            [-70.65, -33.45],
            [-47.88, -15.79],
            [-42.0, 72.0],
            [-100.0, -80.0],
            [45.0, -75.0],
            [120.0, -75.0],
        ] {
            assert!(l.world.fill.contains(w.project(ll)), "{ll:?}");
        }
        // The middle of the Pacific and the Atlantic is not.
        for ll in [[-150.0, 0.0], [-30.5, 30.0], [-29.5, 30.0]] {
            assert!(!l.world.fill.contains(w.project(ll)), "{ll:?}");
        }
        // Each feature's world ranges cover the world lists, in order, with no gaps.
        let last = l.features.last().unwrap();
        assert_eq!(last.world_fill.end, l.world.fill.indices.len());
        assert_eq!(last.world_lines.end, l.world.lines.len());
        assert!(l.world.lines.iter().all(|x| x.len() >= 2));
    }
}
