//! A user's own file: recognised as events (dates in its properties, or a CSV) or as a map
//! layer, with the layer's geometry projected and tessellated once, at load, and hit tests
//! for "what is under the pointer".

use std::ops::{ControlFlow, Range};

use serde_json::{Map, Value};

use super::cancel::Cancel;
use super::events::{self, Event};
use super::geojson;
use super::model::Shape;
use super::problem::{Place, Problem, Severity};
use super::projection::Projection;
use super::tessellate::{MeshData, densify, triangulate};

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
    /// Polygons, triangulated, in plane km.
    pub fill: MeshData,
    /// Lines and polygon outlines, in plane km.
    pub lines: Vec<Vec<[f32; 2]>>,
    /// Points, in plane km.
    pub points: Vec<[f32; 2]>,
    /// Each feature's properties and projected shapes, for hit tests.
    pub features: Vec<LayerFeature>,
    /// The same layer on the unit sphere (built with the rest, off the frame).
    pub globe: GlobeLayer,
}

/// A layer's geometry on the globe, just above the land.
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
}

/// The result of reading a user's file.
#[derive(Debug, Clone)]
pub struct Opened {
    /// What loaded (None when nothing could be read: the last good version stays).
    pub content: Option<Content>,
    /// Every problem, errors and warnings.
    pub problems: Vec<Problem>,
}

impl Opened {
    /// The result of a load cancelled by its caller: nothing, and one problem saying so.
    pub fn cancelled(name: &str) -> Opened {
        Opened {
            content: None,
            problems: vec![Problem {
                severity: Severity::Error,
                file: name.to_string(),
                place: Place::File,
                message: "loading was cancelled".into(),
                hint: "open the file again".into(),
            }],
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

/// Reads a file's bytes: CSV → events; GeoJSON with dates → events; other GeoJSON → layer.
///
/// `progress` is called with a stage name when each stage starts, and again with the same
/// name every thousand features or rows (and every hundred thousand or so vertices while
/// tessellating). Its answer can cancel the load: on [`ControlFlow::Break`] the load stops
/// there and returns [`Opened::cancelled`].
pub fn open(
    name: &str,
    bytes: Vec<u8>,
    proj: &impl Projection,
    progress: &mut dyn FnMut(&str) -> ControlFlow<()>,
) -> Opened {
    if name.to_ascii_lowercase().ends_with(".csv") {
        let stage = "reading events";
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
        };
    }
    let stage = "checking GeoJSON";
    if progress(stage).is_break() {
        return Opened::cancelled(name);
    }
    let mut go_on = || progress(stage).is_continue();
    let Some(loaded) = geojson::load_with(name, &bytes, &mut Cancel::new(&mut go_on)) else {
        return Opened::cancelled(name);
    };
    // The text is not needed any more: free it before building the layer (peak memory).
    drop(bytes);
    if loaded.features.is_empty() && loaded.problems.iter().any(whole_file) {
        return Opened {
            content: None,
            problems: loaded.problems,
        };
    }
    if events::looks_like_events(&loaded.features) {
        if progress("reading events").is_break() {
            return Opened::cancelled(name);
        }
        let f = events::from_loaded(name, loaded);
        return Opened {
            content: Some(Content::Events(f.events)),
            problems: f.problems,
        };
    }
    let stage = "tessellating";
    if progress(stage).is_break() {
        return Opened::cancelled(name);
    }
    let layer_name = loaded.name.clone().unwrap_or_else(|| name.to_string());
    let problems = loaded.problems;
    let mut go_on = || progress(stage).is_continue();
    let Some(layer) = build_layer_with(
        layer_name,
        loaded.features,
        proj,
        &mut Cancel::new(&mut go_on),
    ) else {
        return Opened::cancelled(name);
    };
    Opened {
        content: Some(Content::Layer(Box::new(layer))),
        problems,
    }
}

/// True for a problem that refuses the file as a whole (nothing in it could be read).
pub fn whole_file(p: &Problem) -> bool {
    p.severity == Severity::Error
        && match &p.place {
            Place::File | Place::LineCol(..) => true,
            Place::Cell { row, .. } => *row == 1,
            Place::Path(path) => path == "the top-level object",
        }
}

/// Projects and tessellates a layer's features (taking them, so each is freed once drawn).
pub fn build_layer(
    name: String,
    features: Vec<super::model::Feature>,
    proj: &impl Projection,
) -> Layer {
    // Never cancelled, so always `Some`.
    build_layer_with(name, features, proj, &mut Cancel::never()).unwrap_or_default()
}

/// [`build_layer`], asking `cancel` whether to go on every thousand features or hundred
/// thousand vertices (`None`: cancelled).
fn build_layer_with(
    name: String,
    features: Vec<super::model::Feature>,
    proj: &impl Projection,
    cancel: &mut Cancel<'_>,
) -> Option<Layer> {
    let mut layer = Layer {
        name,
        ..Default::default()
    };
    let p32 = |p: [f64; 2]| [p[0] as f32, p[1] as f32];
    let project = |l: &[[f64; 2]]| -> Vec<[f32; 2]> {
        densify(l, 0.5)
            .iter()
            .map(|p| p32(proj.project(*p)))
            .collect()
    };
    for f in features {
        let vertices: usize = f
            .shapes
            .iter()
            .map(|s| match s {
                Shape::Point(_) => 1,
                Shape::Line(l) => l.len(),
                Shape::Polygon(rings) => rings.iter().map(Vec::len).sum(),
            })
            .sum();
        if !cancel.work(1 + vertices / 100) {
            return None;
        }
        let (p0, l0) = (layer.points.len(), layer.lines.len());
        let mut polygons = Vec::new();
        for s in &f.shapes {
            match s {
                Shape::Point(p) => layer.points.push(p32(proj.project(*p))),
                Shape::Line(l) => layer.lines.push(project(l)),
                Shape::Polygon(rings) => {
                    layer.fill.extend(&triangulate(rings, proj));
                    let start = layer.lines.len();
                    for r in rings {
                        layer.lines.push(project(r));
                    }
                    polygons.push(start..layer.lines.len());
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
        });
    }
    if !cancel.ask() {
        return None;
    }
    // The globe's version: fills subdivided so they follow the curve, lines lifted slightly.
    let sub = crate::globe::subdivide(&layer.fill, 120.0);
    layer.globe.fill_positions = crate::globe::sphere_positions(&sub, proj, GLOBE_RADIUS);
    layer.globe.fill_indices = sub.indices;
    let on_sphere = |p: &[f32; 2], r: f64| {
        let v = crate::globe::to_sphere(proj.unproject([p[0] as f64, p[1] as f64]));
        [(v[0] * r) as f32, (v[1] * r) as f32, (v[2] * r) as f32]
    };
    layer.globe.lines = layer
        .lines
        .iter()
        .map(|l| {
            l.iter()
                .map(|p| on_sphere(p, GLOBE_RADIUS + 0.0008))
                .collect()
        })
        .collect();
    layer.globe.points = layer
        .points
        .iter()
        .map(|p| on_sphere(p, GLOBE_RADIUS + 0.001))
        .collect();
    Some(layer)
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
    fn pt(&self, p: [f32; 2]) -> [f64; 2] {
        [p[0] as f64, p[1] as f64]
    }

    /// The feature under a plane point, within `tol` km for points and lines.
    pub fn hit(&self, p: [f64; 2], tol: f64) -> Option<usize> {
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
        self.features.iter().position(near).or_else(|| {
            self.features.iter().position(|f| {
                f.polygons.iter().any(|rings| {
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
        assert!(count("checking GeoJSON") >= 10, "{asked:?}");
        assert!(count("tessellating") >= 5, "{asked:?}");
        // Cancelled while streaming the features, then while tessellating.
        for stop_at in [8, count("checking GeoJSON") + 3] {
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
}
