//! TopoJSON: a topology's arcs decoded (quantized and delta-encoded, or not), its geometries
//! rebuilt from them and checked exactly as GeoJSON ones are; each of its `objects` becomes a
//! group of features (a layer).
//!
//! No crate is used: crates.io's `topojson` (0.5) needs `geojson` below 0.24, and the format is
//! small. Decoding follows topojson-client (`feature`): an arc's first position replaces the
//! last one of the line so far, `~i` is arc `i` reversed, a ring shorter than 4 positions is
//! padded with its first one. Each decoded geometry is written as a GeoJSON geometry and given
//! to the GeoJSON checker, so rings are closed, rewound, unwrapped across 180° and closed
//! through a pole by the same code; its problems are reported at the TopoJSON path of the arcs
//! (`objects.countries.geometries[12].arcs[0]`).

use serde::Deserializer;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::geojson::{self, Ctx, Loaded, Strict, kind_of};
use crate::model::{Feature, LonLat, Shape};
use crate::problem::{Place, Severity};
use crate::words;

/// True when the bytes look like TopoJSON (`"type": "Topology"` near the start or the end of
/// the file), so a caller can give them to [`read_topojson`] instead of the GeoJSON loader.
pub fn is_topojson(bytes: &[u8]) -> bool {
    const SPAN: usize = 4096;
    let head = &bytes[..bytes.len().min(SPAN)];
    let tail = &bytes[bytes.len().saturating_sub(SPAN)..];
    has_topology_type(head) || has_topology_type(tail)
}

fn has_topology_type(s: &[u8]) -> bool {
    let key = b"\"type\"";
    let skip_ws = |mut j: usize| {
        while s.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        j
    };
    (0..s.len().saturating_sub(key.len())).any(|i| {
        if !s[i..].starts_with(key) {
            return false;
        }
        let j = skip_ws(i + key.len());
        s.get(j) == Some(&b':') && s[skip_ws(j + 1)..].starts_with(b"\"Topology\"")
    })
}

/// Reads a TopoJSON file. Never panics; every refusal is a problem. Each entry of `objects`
/// that yields features becomes one of [`Loaded::groups`], in file order.
pub fn read_topojson(file: &str, bytes: &[u8]) -> Loaded {
    let mut ctx = Ctx::new(file);
    // d3's lines on the globe: a step from 180° to -180° away from a pole has no length.
    ctx.spherical = true;
    let mut out = Loaded {
        file: file.to_string(),
        ..Default::default()
    };
    if let Some(text) = geojson::sniff(&mut ctx, bytes) {
        match serde_json::from_str::<Strict>(&text) {
            Ok(Strict(v)) => {
                let order = object_order(&text);
                topology(&mut ctx, &v, &order, &mut out);
            }
            Err(e) => ctx.problems.push(geojson::syntax_problem(file, &text, &e)),
        }
    }
    // TopoJSON's outer rings are clockwise (d3's convention), and rings round a pole are
    // closed through it on the globe: rewinding or closing them is no news.
    ctx.rewound = 0;
    ctx.polar = 0;
    out.problems = ctx.finish();
    out
}

/// How quantized positions become longitude/latitude: `x * scale + translate`.
#[derive(Debug, Clone, Copy)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

impl Transform {
    fn apply(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [
            x * self.scale[0] + self.translate[0],
            y * self.scale[1] + self.translate[1],
        ]
    }
}

fn topology(ctx: &mut Ctx, v: &Value, order: &[String], out: &mut Loaded) {
    let Some(root) = v.as_object() else {
        ctx.error(
            "",
            words!("topo-file-holds-instead-topojson", v = kind_of(v)),
            words!("topo-topojson-file-starts"),
        );
        return;
    };
    match root.get("type").and_then(Value::as_str) {
        Some("Topology") => {}
        Some(t @ ("FeatureCollection" | "Feature")) => {
            let t = t.to_string();
            ctx.error(
                "type",
                words!("topo-geojson-not-topojson", t = t),
                words!("topo-open-geojson"),
            );
            return;
        }
        _ => {
            ctx.error(
                "type",
                words!("topo-not-topojson-no-type"),
                words!("topo-topojson-file-starts"),
            );
            return;
        }
    }
    out.name = root.get("name").and_then(Value::as_str).map(str::to_string);
    geojson::check_crs(ctx, root, "");
    let Some(transform) = transform(ctx, root) else {
        return;
    };
    let Some(arcs) = arcs(ctx, root.get("arcs"), transform) else {
        return;
    };
    let objects = match root.get("objects") {
        Some(Value::Object(m)) => m,
        Some(other) => {
            ctx.error(
                "objects",
                words!("topo-objects-must-object-not", other = kind_of(other)),
                words!("topo-topojson-names-layers-objects"),
            );
            return;
        }
        None => {
            ctx.error(
                "",
                words!("topo-topojson-file-no-objects"),
                words!("topo-file-incomplete-export-again"),
            );
            return;
        }
    };
    // In file order (the tree's map is sorted); names the order pass missed come last.
    let mut names: Vec<&String> = order
        .iter()
        .filter_map(|n| objects.get_key_value(n).map(|kv| kv.0))
        .collect();
    names.extend(objects.keys().filter(|k| !order.contains(k)));
    let topo = Topo {
        arcs: &arcs,
        transform,
    };
    for name in names {
        let start = out.features.len();
        let path = format!("objects.{name}");
        topo.object(ctx, &objects[name], &path, &mut out.features);
        if out.features.len() > start {
            out.groups.push((name.clone(), start..out.features.len()));
        }
    }
}

/// The file's `transform`: `None` (with a problem) when it is there but broken; `Some(None)`
/// when there is none.
fn transform(ctx: &mut Ctx, root: &Map<String, Value>) -> Option<Option<Transform>> {
    let t = match root.get("transform") {
        None | Some(Value::Null) => return Some(None),
        Some(Value::Object(t)) => t,
        Some(other) => {
            ctx.error(
                "transform",
                words!("topo-transform-must-object-not", other = kind_of(other)),
                words!("topo-msg"),
            );
            return None;
        }
    };
    let pair = |ctx: &mut Ctx, key: &str| {
        let p = t.get(key).and_then(Value::as_array).and_then(|a| {
            let xy = [a.first()?.as_f64()?, a.get(1)?.as_f64()?];
            (a.len() == 2 && xy.iter().all(|v| v.is_finite())).then_some(xy)
        });
        if p.is_none() {
            ctx.error(
                &format!("transform.{key}"),
                words!("topo-transform-s-must-two", key = key),
                words!("topo-file-damaged-export-again"),
            );
        }
        p
    };
    let scale = pair(ctx, "scale");
    let translate = pair(ctx, "translate");
    Some(Some(Transform {
        scale: scale?,
        translate: translate?,
    }))
}

/// The arcs as positions (decoded and transformed when quantized); a broken arc is `None` (its
/// problem reported). `None` when the file's arcs cannot be used at all.
fn arcs(
    ctx: &mut Ctx,
    v: Option<&Value>,
    transform: Option<Transform>,
) -> Option<Vec<Option<Vec<LonLat>>>> {
    let list = match v {
        // A topology of points only may do without arcs.
        None => return Some(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(other) => {
            ctx.error(
                "arcs",
                words!("topo-arcs-must-list-arcs", other = kind_of(other)),
                words!("topo-file-damaged-export-again"),
            );
            return None;
        }
    };
    let mut out = Vec::with_capacity(list.len());
    let mut whole = true;
    let mut outside: Option<(String, [f64; 2])> = None;
    for (i, arc) in list.iter().enumerate() {
        let path = format!("arcs[{i}]");
        let Some(points) = arc.as_array() else {
            ctx.error(
                &path,
                words!("topo-arc-must-list-positions", arc = kind_of(arc)),
                words!("topo-file-damaged-export-again"),
            );
            out.push(None);
            continue;
        };
        let mut decoded = Vec::with_capacity(points.len());
        let mut at = [0.0, 0.0];
        for (j, p) in points.iter().enumerate() {
            let xy = p.as_array().and_then(|a| {
                let xy = [a.first()?.as_f64()?, a.get(1)?.as_f64()?];
                xy.iter().all(|v| v.is_finite()).then_some(xy)
            });
            let Some(xy) = xy else {
                ctx.error(
                    &format!("{path}[{j}]"),
                    words!("topo-arc-position-must-x", p = kind_of(p)),
                    words!("topo-file-damaged-export-again"),
                );
                decoded.clear();
                break;
            };
            let pos = match transform {
                Some(t) => {
                    // Delta-encoded: each position is an offset from the one before.
                    at = [at[0] + xy[0], at[1] + xy[1]];
                    t.apply(at)
                }
                None => {
                    whole &= xy.iter().all(|v| v.fract() == 0.0);
                    xy
                }
            };
            if outside.is_none() && (pos[0].abs() > 540.0 || pos[1].abs() > 90.0) {
                outside = Some((format!("{path}[{j}]"), pos));
            }
            decoded.push(pos);
        }
        out.push((!decoded.is_empty() || points.is_empty()).then_some(decoded));
    }
    if let Some((path, [x, y])) = outside
        && !ctx.converts_or_refuses_coordinates()
    {
        if transform.is_none() && whole {
            ctx.error(
                "transform",
                words!("topo-arcs-hold-whole-numbers"),
                words!("topo-file-incomplete-export-again-2"),
            );
        } else {
            ctx.error(
                &path,
                words!("topo-not-longitude-latitude-earth", x = x, y = y),
                words!("topo-make-topojson-again-from"),
            );
        }
        return None;
    }
    Some(out)
}

/// The decoded arcs of a topology, to rebuild its geometries from.
struct Topo<'a> {
    arcs: &'a [Option<Vec<LonLat>>],
    transform: Option<Transform>,
}

impl Topo<'_> {
    /// One entry of `objects`: a GeometryCollection gives a feature for each of its members,
    /// anything else one feature.
    fn object(&self, ctx: &mut Ctx, v: &Value, path: &str, out: &mut Vec<Feature>) {
        if v.get("type").and_then(Value::as_str) == Some("GeometryCollection") {
            let Some(list) = v.get("geometries").and_then(Value::as_array) else {
                ctx.error(
                    path,
                    words!("geo-geometrycollection-needs-geometries-list"),
                    words!("geo-add-geometries"),
                );
                return;
            };
            for (i, g) in list.iter().enumerate() {
                out.extend(self.feature(ctx, g, &format!("{path}.geometries[{i}]")));
            }
        } else {
            out.extend(self.feature(ctx, v, path));
        }
    }

    /// A geometry object as a feature: its `id`, `properties` and shapes. `None` (with
    /// problems) when anything in it is wrong, as for a GeoJSON feature.
    fn feature(&self, ctx: &mut Ctx, v: &Value, path: &str) -> Option<Feature> {
        let Some(obj) = v.as_object() else {
            ctx.error(
                path,
                words!("topo-expected-geometry-object-here", v = kind_of(v)),
                words!("topo-each-entry-geometries"),
            );
            return None;
        };
        let before = ctx.problems.len();
        let id = match obj.get("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(other) => {
                ctx.error(
                    &format!("{path}.id"),
                    words!("geo-id-must-text-number", other = kind_of(other)),
                    words!("geo-use-text-numeric-id"),
                );
                None
            }
        };
        let properties = match obj.get("properties") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(m)) => m.clone(),
            Some(other) => {
                ctx.error(
                    &format!("{path}.properties"),
                    words!("geo-properties-must-object-not", other = kind_of(other)),
                    words!("geo-use-null"),
                );
                Map::new()
            }
        };
        let mut shapes = Vec::new();
        let ok = self.geometry(ctx, obj, path, &mut shapes, 0);
        if !ok
            || ctx.problems[before..]
                .iter()
                .any(|p| p.severity == Severity::Error)
        {
            return None;
        }
        Some(Feature {
            id,
            shapes,
            properties,
            path: path.to_string(),
        })
    }

    /// Rebuilds a geometry as GeoJSON and checks it with the GeoJSON checker.
    fn geometry(
        &self,
        ctx: &mut Ctx,
        obj: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Shape>,
        depth: usize,
    ) -> bool {
        let t = match obj.get("type") {
            // A geometry object without a place (topojson-client: a null geometry).
            None | Some(Value::Null) => return true,
            Some(Value::String(t)) => t.as_str(),
            Some(other) => {
                ctx.error(
                    &format!("{path}.type"),
                    words!("geo-type-must-text-not", other = kind_of(other)),
                    words!("topo-write-type-text-e"),
                );
                return false;
            }
        };
        // How deep the arcs of each type nest to a line or ring (problems below it are cut).
        let (arcs_depth, points) = match t {
            "Point" | "MultiPoint" => (0, true),
            "LineString" => (0, false),
            "MultiLineString" | "Polygon" => (1, false),
            "MultiPolygon" => (2, false),
            "GeometryCollection" => {
                let Some(list) = obj.get("geometries").and_then(Value::as_array) else {
                    ctx.error(
                        path,
                        words!("geo-geometrycollection-needs-geometries-list"),
                        words!("geo-add-geometries"),
                    );
                    return false;
                };
                if depth > 8 {
                    ctx.error(
                        path,
                        words!("geo-geometrycollections-nested-more-than"),
                        words!("geo-flatten-collection"),
                    );
                    return false;
                }
                let mut ok = true;
                for (i, g) in list.iter().enumerate() {
                    let gp = format!("{path}.geometries[{i}]");
                    match g.as_object() {
                        Some(g) => ok &= self.geometry(ctx, g, &gp, out, depth + 1),
                        None => {
                            ctx.error(
                                &gp,
                                words!("topo-expected-geometry-object-here", v = kind_of(g)),
                                words!("topo-each-entry-geometries"),
                            );
                            ok = false;
                        }
                    }
                }
                return ok;
            }
            _ => {
                ctx.error(
                    &format!("{path}.type"),
                    words!("topo-unknown-geometry-type", t = t),
                    words!("topo-use-one-point-multipoint"),
                );
                return false;
            }
        };
        let coordinates = if points {
            let Some(c) = obj.get("coordinates") else {
                ctx.error(
                    path,
                    words!("geo-no-coordinates", t = t),
                    words!("geo-add-coordinates"),
                );
                return false;
            };
            if t == "Point" {
                self.point(c)
            } else {
                match c {
                    Value::Array(a) => Value::Array(a.iter().map(|p| self.point(p)).collect()),
                    other => other.clone(),
                }
            }
        } else {
            let Some(a) = obj.get("arcs") else {
                ctx.error(
                    path,
                    words!("topo-no-arcs", t = t),
                    words!("topo-add-arcs-numbers-arcs"),
                );
                return false;
            };
            let ap = format!("{path}.arcs");
            let built = match t {
                "LineString" => self.line(ctx, a, &ap),
                "MultiLineString" => nested(ctx, a, &ap, |ctx, a, p| self.line(ctx, a, p)),
                "Polygon" => nested(ctx, a, &ap, |ctx, a, p| self.ring(ctx, a, p)),
                _ => nested(ctx, a, &ap, |ctx, a, p| {
                    nested(ctx, a, p, |ctx, a, p| self.ring(ctx, a, p))
                }),
            };
            let Some(built) = built else {
                return false;
            };
            built
        };
        let mut g = Map::new();
        g.insert("type".into(), Value::String(t.to_string()));
        g.insert("coordinates".into(), coordinates);
        let before = ctx.problems.len();
        let ok = geojson::geometry(ctx, &Value::Object(g), path, out, 0);
        if !points {
            // `coordinates[0][5]` of the rebuilt geometry is the sixth position of the line
            // or ring made of `arcs[0]`: point at those arcs.
            let prefix = format!("{path}.coordinates");
            for p in &mut ctx.problems[before..] {
                if let Place::Path(s) = &mut p.place
                    && let Some(rest) = s.strip_prefix(&prefix)
                {
                    let keep = rest
                        .match_indices(']')
                        .take(arcs_depth)
                        .last()
                        .map_or(0, |(i, _)| i + 1);
                    *s = format!("{path}.arcs{}", &rest[..keep]);
                }
            }
        }
        ok
    }

    /// A quantized Point's position, transformed (not delta-encoded); other values as they are
    /// (the GeoJSON checker reports them).
    fn point(&self, p: &Value) -> Value {
        let (Some(t), Some(a)) = (self.transform, p.as_array()) else {
            return p.clone();
        };
        let (Some(x), Some(y)) = (
            a.first().and_then(Value::as_f64),
            a.get(1).and_then(Value::as_f64),
        ) else {
            return p.clone();
        };
        let [x, y] = t.apply([x, y]);
        let mut out = vec![num(x), num(y)];
        out.extend(a[2..].iter().cloned());
        Value::Array(out)
    }

    /// The positions of a line made of arcs (`[0, -3, 5]`), as GeoJSON coordinates.
    fn line(&self, ctx: &mut Ctx, v: &Value, path: &str) -> Option<Value> {
        let mut pts = self.stitch(ctx, v, path)?;
        if pts.len() == 1 {
            pts.push(pts[0]);
        }
        Some(positions(&pts))
    }

    /// A ring made of arcs; one shorter than 4 positions (collapsed by simplification) is
    /// padded with its first position, as topojson-client does.
    fn ring(&self, ctx: &mut Ctx, v: &Value, path: &str) -> Option<Value> {
        let mut pts = self.stitch(ctx, v, path)?;
        while !pts.is_empty() && pts.len() < 4 {
            pts.push(pts[0]);
        }
        Some(positions(&pts))
    }

    fn stitch(&self, ctx: &mut Ctx, v: &Value, path: &str) -> Option<Vec<LonLat>> {
        let Value::Array(list) = v else {
            ctx.error(
                path,
                words!("topo-expected-list-arc-numbers", v = kind_of(v)),
                words!("topo-arcs-referred-by-number"),
            );
            return None;
        };
        let n = self.arcs.len();
        let mut pts: Vec<LonLat> = Vec::new();
        for (k, a) in list.iter().enumerate() {
            let ip = format!("{path}[{k}]");
            let Some(i) = a.as_i64() else {
                let hint = if a.is_array() {
                    words!("topo-needs-one-level-less")
                } else {
                    words!("topo-arcs-referred-by-whole")
                };
                ctx.error(
                    &ip,
                    words!("topo-expected-arc-number-found", a = kind_of(a)),
                    hint,
                );
                return None;
            };
            // `~i` (that is -i-1) is arc i reversed.
            let (index, reversed) = if i < 0 { (!i, true) } else { (i, false) };
            let Some(arc) = usize::try_from(index).ok().and_then(|x| self.arcs.get(x)) else {
                let have = match n {
                    0 => words!("topo-no-arcs-at-all"),
                    1 => words!("topo-one-arc"),
                    n => words!("topo-n-arcs", n = n, last = n - 1),
                };
                ctx.error(
                    &ip,
                    words!("topo-arc-does-not-exist", i = i, have = have),
                    words!("topo-file-damaged-cut-short"),
                );
                return None;
            };
            // A broken arc was reported where it is.
            let arc = arc.as_ref()?;
            pts.pop();
            let start = pts.len();
            pts.extend_from_slice(arc);
            if reversed {
                pts[start..].reverse();
            }
        }
        Some(pts)
    }
}

/// A list of items built by `item`, as a JSON list; `None` at the first bad one.
fn nested(
    ctx: &mut Ctx,
    v: &Value,
    path: &str,
    mut item: impl FnMut(&mut Ctx, &Value, &str) -> Option<Value>,
) -> Option<Value> {
    let Value::Array(a) = v else {
        ctx.error(
            path,
            words!("topo-expected-list-lists-arc", v = kind_of(v)),
            words!("topo-polygon-s-arcs-one"),
        );
        return None;
    };
    let mut out = Vec::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        out.push(item(ctx, x, &format!("{path}[{i}]"))?);
    }
    Some(Value::Array(out))
}

fn num(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn positions(pts: &[LonLat]) -> Value {
    Value::Array(
        pts.iter()
            .map(|&[x, y]| Value::Array(vec![num(x), num(y)]))
            .collect(),
    )
}

/// The names in the root's `objects`, in file order (the JSON tree sorts them). Empty when the
/// text cannot be read so (its problems are found by the main parse).
fn object_order(text: &str) -> Vec<String> {
    struct Root;
    struct Keys;
    impl<'de> Visitor<'de> for Root {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut names = Vec::new();
            while let Some(k) = map.next_key::<String>()? {
                if k == "objects" {
                    names = map.next_value::<KeysOf>()?.0;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(names)
        }
    }
    struct KeysOf(Vec<String>);
    impl<'de> de::Deserialize<'de> for KeysOf {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(Keys).map(KeysOf)
        }
    }
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut names = Vec::new();
            while let Some(k) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                names.push(k);
            }
            Ok(names)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_map(Root).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::signed_area;

    const COUNTRIES: &[u8] = include_bytes!("../../../../tests/fixtures/countries-110m.json");
    const LAND: &[u8] = include_bytes!("../../../../tests/fixtures/land-110m.json");
    const US_STATES: &[u8] = include_bytes!("../../../../tests/fixtures/us-states-10m.json");

    fn errors(l: &Loaded) -> Vec<String> {
        l.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.to_string())
            .collect()
    }

    fn by_id<'a>(l: &'a Loaded, id: &str) -> &'a Feature {
        l.features
            .iter()
            .find(|f| f.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no feature {id}"))
    }

    /// Even-odd point in polygon (rings in lon/lat).
    fn inside(rings: &[Vec<LonLat>], [x, y]: LonLat) -> bool {
        let mut odd = false;
        for ring in rings {
            for w in ring.windows(2) {
                let ([x0, y0], [x1, y1]) = (w[0], w[1]);
                if (y0 > y) != (y1 > y) && x < x0 + (y - y0) / (y1 - y0) * (x1 - x0) {
                    odd = !odd;
                }
            }
        }
        odd
    }

    fn polygons(f: &Feature) -> Vec<&Vec<Vec<LonLat>>> {
        f.shapes
            .iter()
            .map(|s| match s {
                Shape::Polygon(r) => r,
                other => panic!("not a polygon: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn recognises_topojson_by_its_type() {
        assert!(is_topojson(COUNTRIES));
        assert!(is_topojson(
            b"\xef\xbb\xbf{ \"type\" :\n \"Topology\", \"objects\": {}}"
        ));
        // Keys sorted (type last, after long arcs).
        let mut sorted = b"{\"arcs\":[".to_vec();
        sorted.extend(std::iter::repeat_n(b' ', 10_000));
        sorted.extend_from_slice(b"],\"objects\":{},\"type\":\"Topology\"}");
        assert!(is_topojson(&sorted));
        assert!(!is_topojson(
            br#"{"type":"FeatureCollection","features":[]}"#
        ));
        assert!(!is_topojson(b""));
        // The GeoJSON loader still refuses it, saying what it is.
        let l = geojson::load("c.json", COUNTRIES);
        assert!(l.problems[0].message.contains("TopoJSON"));
    }

    /// Reference values from topojson-client 3.1.0's `feature()` on the same file (npm, run
    /// with node): 177 countries; South Korea one ring of 19 positions starting at
    /// [126.1758617586176, 37.74971091204921]; France 3 polygons of 19, 48 and 7 positions;
    /// Antarctica 8 polygons; Russia 12; the land object one MultiPolygon of 124 polygons.
    #[test]
    fn world_atlas_countries_load_as_two_layers() {
        let l = read_topojson("countries-110m.json", COUNTRIES);
        assert!(errors(&l).is_empty(), "{:?}", errors(&l));
        assert_eq!(
            l.groups,
            vec![
                ("countries".to_string(), 0..177),
                ("land".to_string(), 177..178)
            ]
        );
        // Three countries have no id (N. Cyprus, Somaliland, Kosovo).
        assert_eq!(
            l.features[..177].iter().filter(|f| f.id.is_none()).count(),
            3
        );
        assert_eq!(
            l.features[0].path, "objects.countries.geometries[0]",
            "{:?}",
            l.features[0].id
        );

        let korea = by_id(&l, "410");
        assert_eq!(korea.str_prop("name"), Some("South Korea"));
        let p = polygons(korea);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].len(), 1);
        let ring = &p[0][0];
        assert_eq!(ring.len(), 19);
        assert!((ring[0][0] - 126.1758617586176).abs() < 1e-12);
        assert!((ring[0][1] - 37.74971091204921).abs() < 1e-12);
        assert!(signed_area(ring) > 0.0, "outer rings counter-clockwise");
        assert!(inside(p[0], [126.98, 37.57]), "Seoul is in South Korea");
        assert!(!inside(p[0], [125.75, 39.02]), "Pyongyang is not");
        let north = by_id(&l, "408");
        assert!(polygons(north).iter().any(|r| inside(r, [125.75, 39.02])));

        let france = by_id(&l, "250");
        let sizes: Vec<usize> = polygons(france).iter().map(|r| r[0].len()).collect();
        assert_eq!(sizes, [19, 48, 7]);
        assert!(polygons(france).iter().any(|r| inside(r, [2.35, 48.86])));

        // Antarctica's main ring closes with a step from 180° to -180° at 84.7°S, which on
        // the globe has no length: the ring goes round the pole, and covers it.
        let antarctica = by_id(&l, "010");
        assert_eq!(polygons(antarctica).len(), 8);
        assert!(polygons(antarctica).iter().any(|r| inside(r, [0.0, -89.0])));
        assert!(
            polygons(antarctica)
                .iter()
                .any(|r| inside(r, [100.0, -80.0]))
        );
        assert!(!polygons(antarctica).iter().any(|r| inside(r, [0.0, -60.0])));
        // Fiji's eastern island touches 180° on both sides: a small ring, not a polar cap.
        let fiji = by_id(&l, "242");
        for r in polygons(fiji) {
            assert!(signed_area(&r[0]) > 0.0 && signed_area(&r[0]) < 2.0);
        }
        assert_eq!(polygons(by_id(&l, "643")).len(), 12);
        // Fiji and Russia reach across 180°: drawn continuous.
        assert!(
            l.problems.iter().any(|p| p.message.contains("180°")),
            "{:?}",
            l.problems
        );
        // Clockwise outer rings are TopoJSON's convention: no warning for rewinding them, nor
        // for closing Antarctica through the pole.
        assert!(!l.problems.iter().any(|p| p.message.contains("rewound")));
        assert!(!l.problems.iter().any(|p| p.message.contains("pole")));

        let land = &l.features[177];
        assert_eq!(land.path, "objects.land.geometries[0]");
        assert_eq!(land.shapes.len(), 124);
    }

    /// topojson-client: one MultiPolygon of 125 polygons, 5123 positions in all.
    #[test]
    fn world_atlas_land_loads() {
        let l = read_topojson("land-110m.json", LAND);
        assert!(errors(&l).is_empty(), "{:?}", errors(&l));
        assert_eq!(l.groups, vec![("land".to_string(), 0..1)]);
        let shapes = &l.features[0].shapes;
        assert_eq!(shapes.len(), 125);
        let positions: usize = shapes
            .iter()
            .map(|s| match s {
                Shape::Polygon(r) => r.iter().map(Vec::len).sum::<usize>(),
                _ => 0,
            })
            .sum();
        // Antarctica is closed through the south pole (three more positions).
        assert_eq!(positions, 5123 + 3);
    }

    /// us-atlas 3.0.1 states-10m (topojson-client: 56 states, Alaska 137 polygons), whose
    /// Aleutians cross 180°.
    #[test]
    fn us_atlas_states_load() {
        let l = read_topojson("states-10m.json", US_STATES);
        assert!(errors(&l).is_empty(), "{:?}", errors(&l));
        assert_eq!(
            l.groups,
            vec![
                ("states".to_string(), 0..56),
                ("nation".to_string(), 56..57)
            ]
        );
        let alaska = by_id(&l, "02");
        assert_eq!(alaska.str_prop("name"), Some("Alaska"));
        assert_eq!(alaska.shapes.len(), 137);
        // Anchorage.
        assert!(polygons(alaska).iter().any(|r| inside(r, [-149.9, 61.2])));
    }

    fn topo(objects: &str, arcs: &str, transform: &str) -> Loaded {
        let src = format!(r#"{{"type":"Topology",{transform}"objects":{objects},"arcs":{arcs}}}"#);
        read_topojson("t.topojson", src.as_bytes())
    }

    #[test]
    fn quantized_arcs_points_and_reversed_arcs_decode() {
        // Arc 0: (0,0) → (10,0) → (10,10); arc 1: (10,10) → (0,10) → (0,0), delta-encoded.
        let tr = r#""transform":{"scale":[0.5,0.25],"translate":[100,30]},"#;
        let arcs = "[[[0,0],[10,0],[0,10]],[[10,10],[-10,0],[0,-10]]]";
        let objects = r#"{"b":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"id":7,"properties":{"name":"square"}},
            {"type":"LineString","arcs":[-1]},
            {"type":"MultiPoint","coordinates":[[4,4],[4,4]]},
            {"type":null,"id":"nowhere"},
            {"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[2,2]},{"type":"MultiLineString","arcs":[[0],[1]]}]}
        ]},"a":{"type":"Point","coordinates":[0,0]}}"#;
        let l = topo(objects, arcs, tr);
        assert!(errors(&l).is_empty(), "{:?}", l.problems);
        // Objects in file order, not sorted.
        assert_eq!(
            l.groups,
            vec![("b".to_string(), 0..5), ("a".to_string(), 5..6)]
        );
        let f = &l.features;
        assert_eq!(f[0].id.as_deref(), Some("7"));
        assert_eq!(f[0].str_prop("name"), Some("square"));
        assert_eq!(
            f[0].shapes,
            vec![Shape::Polygon(vec![vec![
                [100.0, 30.0],
                [105.0, 30.0],
                [105.0, 32.5],
                [100.0, 32.5],
                [100.0, 30.0]
            ]])]
        );
        assert_eq!(
            f[1].shapes,
            vec![Shape::Line(vec![
                [105.0, 32.5],
                [105.0, 30.0],
                [100.0, 30.0]
            ])]
        );
        // Points are transformed but not delta-encoded.
        assert_eq!(
            f[2].shapes,
            vec![Shape::Point([102.0, 31.0]), Shape::Point([102.0, 31.0])]
        );
        assert_eq!(f[3].id.as_deref(), Some("nowhere"));
        assert!(f[3].shapes.is_empty());
        assert_eq!(f[4].shapes.len(), 3);
        assert_eq!(f[4].shapes[0], Shape::Point([101.0, 30.5]));
        assert_eq!(f[5].shapes, vec![Shape::Point([100.0, 30.0])]);
        assert_eq!(f[5].path, "objects.a");
    }

    #[test]
    fn unquantized_arcs_are_used_as_they_are() {
        let l = topo(
            r#"{"x":{"type":"Polygon","arcs":[[0]]}}"#,
            "[[[0,0],[0,1],[1,1],[1,0],[0,0]]]",
            "",
        );
        assert!(errors(&l).is_empty(), "{:?}", l.problems);
        let Shape::Polygon(r) = &l.features[0].shapes[0] else {
            panic!()
        };
        assert!(signed_area(&r[0]) > 0.0);
        assert_eq!(r[0].len(), 5);
    }

    #[test]
    fn broken_topologies_are_refused_with_their_paths() {
        let arcs = "[[[0,0],[0,1],[1,1],[1,0],[0,0]]]";
        let l = topo(
            r#"{"countries":{"type":"GeometryCollection","geometries":[
                {"type":"Polygon","arcs":[[0]],"id":"ok"},
                {"type":"MultiPolygon","arcs":[[[0,-1,5]]],"id":"bad"}]}}"#,
            arcs,
            "",
        );
        let e = errors(&l);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with("t.topojson at objects.countries.geometries[1].arcs[0][0][2]: error: arc 5 does not exist: the file has 1 arc"),
            "{}",
            e[0]
        );
        assert_eq!(l.features.len(), 1);
        assert_eq!(l.groups, vec![("countries".to_string(), 0..1)]);

        // Arcs that do not join into a closed ring: reported at the ring's arcs.
        let l = topo(
            r#"{"x":{"type":"MultiPolygon","arcs":[[[0]],[[1]]]}}"#,
            "[[[0,0],[0,1],[1,1],[1,0],[0,0]],[[5,5],[5,6],[6,6],[6,5]]]",
            "",
        );
        let e = errors(&l);
        assert!(
            e[0].contains("objects.x.arcs[1][0]: error: this polygon ring is not closed"),
            "{e:?}"
        );

        // Quantized whole numbers without a transform.
        let l = topo(
            r#"{"x":{"type":"LineString","arcs":[0]}}"#,
            "[[[5000,3000],[12,-40]]]",
            "",
        );
        let e = errors(&l);
        assert!(
            e[0].contains("at transform") && e[0].contains("no \"transform\""),
            "{e:?}"
        );

        // Projected before it was made TopoJSON (like us-atlas's *-albers files).
        let l = topo(
            r#"{"x":{"type":"LineString","arcs":[0]}}"#,
            "[[[0,0],[3000,2000]]]",
            r#""transform":{"scale":[0.5,0.5],"translate":[-57.6,12.9]},"#,
        );
        let e = errors(&l);
        assert!(
            e[0].contains("at arcs[0][1]") && e[0].contains("projected"),
            "{e:?}"
        );

        // A broken transform, arcs that are not positions, a feature's bad type.
        let l = topo(
            "{}",
            "[]",
            r#""transform":{"scale":[1],"translate":[0,0]},"#,
        );
        assert!(
            errors(&l)[0].contains("transform.scale"),
            "{:?}",
            l.problems
        );
        let l = topo(
            r#"{"x":{"type":"LineString","arcs":[0]},"y":{"type":"Circle"}}"#,
            r#"[[[0,0],["a",1]]]"#,
            "",
        );
        let e = errors(&l);
        assert!(e[0].contains("at arcs[0][1]"), "{e:?}");
        assert!(
            e.iter()
                .any(|m| m.contains("objects.y.type") && m.contains("Circle")),
            "{e:?}"
        );
        assert!(l.features.is_empty());

        // Not a topology at all; a syntax error with its line.
        let l = read_topojson("g.json", br#"{"type":"FeatureCollection","features":[]}"#);
        assert!(errors(&l)[0].contains("this is GeoJSON"));
        let l = read_topojson("s.json", b"{\"type\":\"Topology\",\n\"objects\":{,}}");
        assert_eq!(l.problems[0].place, Place::LineCol(2, 12));
    }
}
