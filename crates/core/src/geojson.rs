//! GeoJSON loading: bytes → validated, normalised features, with problems that name the place.
//!
//! The `geojson` crate alone accepts unclosed rings, short rings and one-number positions and
//! gives vague errors, so every structural rule of RFC 7946 is checked here first, on a JSON
//! tree, with a JSON path for each problem (`features[3].geometry.coordinates[0]`). Syntax
//! errors carry line and column. Valid features of a file still load when others are broken.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::cancel::Cancel;
use super::formats::crs::{self, Reprojector};
use super::model::{Feature, LonLat, Shape, signed_area};
use super::problem::{Place, Problem, Severity, Words};
use crate::words;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

/// The result of loading one file: what loaded, and every problem found.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The file's name.
    pub file: String,
    /// The valid features, normalised.
    pub features: Vec<Feature>,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
    /// Foreign members at the top level (for example `name`), kept for the legend.
    pub name: Option<String>,
    /// Named parts of the file shown as separate layers (a TopoJSON object, a KML folder, a
    /// shapefile in an archive): each a name and a range of `features`. Empty: one layer.
    pub groups: Vec<(String, std::ops::Range<usize>)>,
}

impl Loaded {
    /// True when at least one problem is an error (something in the file was refused).
    pub fn is_fatal(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Loads GeoJSON bytes. Never panics; every refusal is a [`Problem`].
pub fn load(file: &str, bytes: &[u8]) -> Loaded {
    // Never cancelled, so always `Some`.
    load_with(file, bytes, &mut Cancel::never()).unwrap_or_default()
}

/// [`load`], asking `cancel` every thousand features whether to go on (`None`: cancelled).
pub(crate) fn load_with(file: &str, bytes: &[u8], cancel: &mut Cancel<'_>) -> Option<Loaded> {
    let mut ctx = Ctx::new(file);
    let mut out = Loaded {
        file: file.to_string(),
        ..Default::default()
    };
    let Some(text) = sniff(&mut ctx, bytes) else {
        out.problems = ctx.problems;
        return Some(out);
    };
    // Pass 1: the whole text is checked for syntax, and everything but the features list is
    // kept (of the list, only its first feature, to recognise Esri JSON). Pass 2 (below, in
    // `root`) reads the features one at a time, so a large file never exists as a JSON tree.
    let text = &*text;
    let value = match parse_meta(text, cancel) {
        Ok(v) => v,
        Err(_) if cancel.is_cancelled() => return None,
        Err(e) => {
            ctx.problems.push(syntax_problem(&ctx.file, text, &e));
            out.problems = ctx.problems;
            return Some(out);
        }
    };
    out.name = value
        .get("name")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut stream = |ctx: &mut Ctx, features: &mut Vec<Feature>| {
        if let Err(e) = stream_features(text, ctx, features, cancel) {
            features.clear();
            if !cancel.is_cancelled() {
                let p = syntax_problem(&ctx.file, text, &e);
                ctx.problems.push(p);
            }
        }
    };
    root(&mut ctx, &value, &mut out.features, &mut stream);
    if cancel.is_cancelled() {
        return None;
    }
    out.problems = ctx.finish();
    Some(out)
}

pub(crate) struct Ctx {
    file: String,
    pub(crate) problems: Vec<Problem>,
    pub(crate) rewound: usize,
    crossed: usize,
    /// Rings that went all the way round a pole and were closed through it.
    pub(crate) polar: usize,
    extra_dims: usize,
    /// A non-WGS 84 `crs` declared by the file; coordinates are refused while it is set.
    foreign_crs: Option<(String, String)>,
    /// A `crs` Dateline converts from, while it is in force.
    reproject: Option<Reprojector>,
    /// Positions converted by `reproject`.
    reprojected: usize,
    /// Lines join as on the globe (TopoJSON): see [`unwrap`].
    pub(crate) spherical: bool,
}

impl Ctx {
    pub(crate) fn new(file: &str) -> Ctx {
        Ctx {
            file: file.to_string(),
            problems: Vec::new(),
            rewound: 0,
            crossed: 0,
            polar: 0,
            extra_dims: 0,
            foreign_crs: None,
            reproject: None,
            reprojected: 0,
            spherical: false,
        }
    }

    /// True while a `crs` is in force that positions are converted from, or refused for.
    pub(crate) fn converts_or_refuses_coordinates(&self) -> bool {
        self.reproject.is_some() || self.foreign_crs.is_some()
    }

    /// Adds the file-wide warnings (rings rewound, lines across 180°, …) and returns every
    /// problem found.
    pub(crate) fn finish(mut self) -> Vec<Problem> {
        let ctx = &mut self;
        if ctx.reprojected > 0
            && let Some(r) = &ctx.reproject
        {
            let (label, identity) = (r.known().label(), r.is_identity());
            if identity {
                ctx.warn(
                    Place::File,
                    words!("geo-coordinates-which-longitude-latitude", label = label),
                    words!("geo-nothing-do"),
                );
            } else {
                ctx.warn(
                    Place::File,
                    words!(
                        "geo-coordinates-converted-longitude-latitude",
                        label = label
                    ),
                    words!("geo-nothing-do-skip-conversion"),
                );
            }
        }
        if ctx.rewound > 0 {
            ctx.warn(
                Place::File,
                words!("geo-polygon-ring-s-wound", rewound = ctx.rewound),
                words!("geo-nothing-do-rfc-7946"),
            );
        }
        if ctx.crossed > 0 {
            ctx.warn(
                Place::File,
                words!("geo-line-s-ring-s", crossed = ctx.crossed),
                words!("geo-nothing-do"),
            );
        }
        if ctx.polar > 0 {
            ctx.warn(
                Place::File,
                words!("geo-polygon-ring-s-go", polar = ctx.polar),
                words!("geo-nothing-do-enclose-rest"),
            );
        }
        if ctx.extra_dims > 0 {
            ctx.warn(
                Place::File,
                words!("geo-position-s-more-than", extra_dims = ctx.extra_dims),
                words!("geo-nothing-do"),
            );
        }
        self.problems
    }

    fn push(&mut self, severity: Severity, place: Place, message: Words, hint: Words) {
        self.problems
            .push(Problem::worded(severity, &self.file, place, message, hint));
    }
    pub(crate) fn error(&mut self, path: &str, message: Words, hint: Words) {
        let place = if path.is_empty() {
            Place::Top
        } else {
            Place::Path(path.to_string())
        };
        self.push(Severity::Error, place, message, hint);
    }
    pub(crate) fn warn(&mut self, place: Place, message: Words, hint: Words) {
        self.push(Severity::Warning, place, message, hint);
    }
}

/// Recognises files that are not GeoJSON text at all, strips a UTF-8 BOM and decodes Korean
/// CP949/EUC-KR text (with a warning) when the file is not UTF-8.
pub(crate) fn sniff<'a>(ctx: &mut Ctx, bytes: &'a [u8]) -> Option<Cow<'a, str>> {
    let fatal = |ctx: &mut Ctx, msg: Words, hint: Words| {
        ctx.push(Severity::Error, Place::File, msg, hint);
        None
    };
    if bytes.len() > MAX_FILE_BYTES {
        return fatal(
            ctx,
            words!(
                "geo-file-mb-more-than",
                bytes = bytes.len() >> 20,
                value = MAX_FILE_BYTES >> 20
            ),
            words!("geo-split-into-smaller-files"),
        );
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fatal(
            ctx,
            words!("geo-file-empty"),
            words!("geo-save-geojson-again-file"),
        );
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return fatal(
            ctx,
            words!("geo-gzip-compressed-file"),
            words!("geo-unzip-first-gunzip-then"),
        );
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return fatal(
            ctx,
            words!("geo-zip-archive-maybe-kmz"),
            words!("geo-extract-open-geojson-inside"),
        );
    }
    if bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || bytes.iter().take(64).any(|&b| b == 0)
    {
        return fatal(
            ctx,
            words!("geo-file-saved-utf-16"),
            words!("geo-save-again-utf-8"),
        );
    }
    let mut body = bytes;
    if body.starts_with(&[0xef, 0xbb, 0xbf]) {
        body = &body[3..];
        ctx.warn(
            Place::File,
            words!("geo-file-starts-byte-order"),
            words!("geo-nothing-do"),
        );
    }
    let text = match std::str::from_utf8(body) {
        Ok(t) => Cow::Borrowed(t),
        Err(e) => {
            if let Some(t) = decode_cp949(body) {
                ctx.warn(
                    Place::File,
                    cp949_message(),
                    words!("geo-nothing-do-avoid-warning"),
                );
                t.into()
            } else {
                let (line, col) = line_col(&body[..e.valid_up_to()]);
                ctx.push(
                    Severity::Error,
                    Place::LineCol(line, col),
                    words!("geo-file-not-utf-8"),
                    words!("geo-open-text-editor-save"),
                );
                return None;
            }
        }
    };
    let start = text.trim_start();
    let lower: String = start
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<?xml") || lower.starts_with("<kml") {
        if lower.contains("<kml") || text.contains("<kml") {
            return fatal(
                ctx,
                words!("geo-kml-file-not-geojson"),
                words!("geo-convert-geojson-first-example"),
            );
        }
        return fatal(
            ctx,
            words!("geo-xml-file-not-geojson"),
            words!("geo-export-data-geojson"),
        );
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with('<') {
        return fatal(
            ctx,
            words!("geo-web-page-html-not"),
            words!("geo-download-probably-saved-page"),
        );
    }
    if let Some(rest) = js_wrapper(start) {
        let _ = rest;
        return fatal(
            ctx,
            words!("geo-javascript-var-name-not"),
            words!("geo-delete-everything-before-first"),
        );
    }
    Some(text)
}

/// The warning for a file read as CP949 (shared with the CSV reader).
/// The warning that a file was read as Korean CP949 (GeoJSON, CSV and shapefile readers).
pub(crate) fn cp949_message() -> Words {
    words!("load-read-as-cp949")
}

/// Bytes that are not UTF-8 read as CP949 (Korean Windows; `encoding_rs`'s EUC-KR is the
/// WHATWG one, which is CP949), when they are valid CP949; `None` otherwise.
pub(crate) fn decode_cp949(bytes: &[u8]) -> Option<String> {
    encoding_rs::EUC_KR
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(Cow::into_owned)
}

/// Detects `var x = {`, `let x = {`, `const x = {` or `x = {` at the start of a file.
fn js_wrapper(s: &str) -> Option<&str> {
    let s = s
        .strip_prefix("var ")
        .or_else(|| s.strip_prefix("let "))
        .or_else(|| s.strip_prefix("const "))
        .unwrap_or(s);
    let ident_end = s.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '.'))?;
    if ident_end == 0 {
        return None;
    }
    let rest = s[ident_end..].trim_start().strip_prefix('=')?;
    let rest = rest.trim_start();
    (rest.starts_with('{') || rest.starts_with('[')).then_some(rest)
}

pub(crate) fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = prefix.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}

/// A JSON value parsed with duplicate keys refused (serde_json would keep the last silently).
pub(crate) struct Strict(pub(crate) Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(x)) = seq.next_element()? {
            v.push(x);
        }
        Ok(Value::Array(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            if m.contains_key(&k) {
                return Err(de::Error::custom(format_args!("duplicate key \"{k}\"")));
            }
            m.insert(k, v);
        }
        Ok(Value::Object(m))
    }
}

/// Pass 1: parses the whole text (so every syntax error is found, with its line and column)
/// into a tree that holds everything except the features: a root `features` list keeps only
/// its first element. Duplicate keys are refused outside the features list here, inside it in
/// pass 2.
fn parse_meta(text: &str, cancel: &mut Cancel<'_>) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let v = de.deserialize_any(MetaVisitor(cancel))?;
    de.end()?;
    Ok(v)
}

/// The scalar `visit_*` methods of a visitor, forwarded to [`StrictVisitor`] (pass 1's
/// visitors differ from it only in how they read lists and objects).
macro_rules! scalars_as_strict {
    () => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
            StrictVisitor.visit_bool(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
            StrictVisitor.visit_i64(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
            StrictVisitor.visit_u64(v)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
            StrictVisitor.visit_f64(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
            StrictVisitor.visit_str(v)
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
            StrictVisitor.visit_string(v)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
            StrictVisitor.visit_unit()
        }
        fn visit_none<E: de::Error>(self) -> Result<Value, E> {
            StrictVisitor.visit_none()
        }
    };
}

/// The root visitor of pass 1 (nesting is bounded by serde_json's recursion limit, 128).
struct MetaVisitor<'c, 'a>(&'c mut Cancel<'a>);

impl<'de> Visitor<'de> for MetaVisitor<'_, '_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    scalars_as_strict!();
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Value, A::Error> {
        StrictVisitor.visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = if k == "features" {
                map.next_value_seed(FirstOnly(&mut *self.0))?
            } else {
                map.next_value::<Strict>()?.0
            };
            if m.contains_key(&k) {
                return Err(de::Error::custom(format_args!("duplicate key \"{k}\"")));
            }
            m.insert(k, v);
        }
        Ok(Value::Object(m))
    }
}

/// Pass 1's `features`: a list keeps only its first element (the rest is syntax-checked and
/// skipped); anything else is kept whole, for its error message.
struct FirstOnly<'c, 'a>(&'c mut Cancel<'a>);

impl<'de> de::DeserializeSeed<'de> for FirstOnly<'_, '_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(FirstOnlyVisitor(self.0))
    }
}

struct FirstOnlyVisitor<'c, 'a>(&'c mut Cancel<'a>);

impl<'de> Visitor<'de> for FirstOnlyVisitor<'_, '_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    scalars_as_strict!();
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        StrictVisitor.visit_map(map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut v = Vec::new();
        if let Some(Strict(first)) = seq.next_element()? {
            v.push(first);
        }
        while seq.next_element::<de::IgnoredAny>()?.is_some() {
            if !self.0.work(1) {
                return Err(de::Error::custom("loading was cancelled"));
            }
        }
        Ok(Value::Array(v))
    }
}

/// Pass 2: reads the root object again and validates its features one at a time.
fn stream_features(
    text: &str,
    ctx: &mut Ctx,
    out: &mut Vec<Feature>,
    cancel: &mut Cancel<'_>,
) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_map(StreamVisitor { ctx, out, cancel })?;
    Ok(())
}

struct StreamVisitor<'c, 'a> {
    ctx: &'c mut Ctx,
    out: &'c mut Vec<Feature>,
    cancel: &'c mut Cancel<'a>,
}

impl<'de> Visitor<'de> for StreamVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let StreamVisitor { ctx, out, cancel } = self;
        while let Some(k) = map.next_key::<String>()? {
            if k == "features" {
                map.next_value_seed(FeatureSeq {
                    ctx: &mut *ctx,
                    out: &mut *out,
                    cancel: &mut *cancel,
                })?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct FeatureSeq<'c, 'a> {
    ctx: &'c mut Ctx,
    out: &'c mut Vec<Feature>,
    cancel: &'c mut Cancel<'a>,
}

impl<'de> de::DeserializeSeed<'de> for FeatureSeq<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for FeatureSeq<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of features")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while let Some(Strict(v)) = seq.next_element()? {
            if let Some(f) = feature(self.ctx, &v, &format!("features[{i}]")) {
                self.out.push(f);
            }
            i += 1;
            if !self.cancel.work(1) {
                return Err(de::Error::custom("loading was cancelled"));
            }
        }
        Ok(())
    }
}

/// Turns a serde_json error into a plain-language problem at its line and column.
pub(crate) fn syntax_problem(file: &str, text: &str, e: &serde_json::Error) -> Problem {
    let (line, col) = (e.line(), e.column());
    let msg = e.to_string();
    let at = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.get(col.saturating_sub(1)..))
        .unwrap_or("");
    let (message, hint) = if msg.contains("duplicate key") {
        let key = msg.split('"').nth(1).unwrap_or("?");
        (
            words!("geo-key-appears-twice-same", key = key),
            words!("geo-keep-one-them-json"),
        )
    } else if msg.contains("recursion limit") {
        (
            words!("geo-data-nested-too-deeply"),
            words!("geo-geojson-never-needs-much"),
        )
    } else if msg.contains("trailing characters") {
        if text.lines().filter(|l| !l.trim().is_empty()).count() > 1
            && text
                .lines()
                .all(|l| l.trim().is_empty() || serde_json::from_str::<Value>(l).is_ok())
        {
            (
                words!("geo-newline-delimited-geojson-one"),
                words!("geo-wrap-lines-commas-between"),
            )
        } else {
            (
                words!("geo-there-more-data-after"),
                words!("geo-delete-what-follows-last"),
            )
        }
    } else if at.starts_with("//") || at.starts_with("/*") {
        (
            words!("geo-json-does-not-allow"),
            words!("geo-delete-comment"),
        )
    } else if at.starts_with("NaN") || at.starts_with("Infinity") || at.starts_with("-Infinity") {
        (
            words!("geo-nan-infinity-not-numbers"),
            words!("geo-replace-them-real-coordinates"),
        )
    } else if msg.contains("number out of range") {
        (
            words!("geo-number-too-large-coordinate"),
            words!("geo-check-coordinates-place"),
        )
    } else if (at.starts_with(']') || at.starts_with('}')) && msg.contains("trailing comma") {
        (
            words!("geo-there-comma-before-closing"),
            words!("geo-delete-last-comma"),
        )
    } else if msg.contains("EOF") {
        (
            words!("geo-file-ends-middle-data"),
            words!("geo-file-cut-short-save"),
        )
    } else {
        let short = msg.split(" at line").next().unwrap_or(&msg).to_string();
        (
            words!("geo-not-valid-json", short = short),
            words!("geo-check-punctuation-here-quotes"),
        )
    };
    // serde_json gives column 0 just after a line break (a line break inside a text, or the
    // end of a file that ends with one): point at that line break, at the end of its line.
    let (line, col) = match (line, col) {
        (l, 0) if l > 1 => (l - 1, text.split('\n').nth(l - 2).map_or(0, str::len) + 1),
        (l, c) => (l.max(1), c.max(1)),
    };
    Problem::worded(
        Severity::Error,
        file,
        Place::LineCol(line, col),
        message,
        hint,
    )
}

const GEOMETRY_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

fn type_hint(t: &str) -> Words {
    let all = GEOMETRY_TYPES
        .iter()
        .chain(["Feature", "FeatureCollection"].iter());
    for k in all {
        if k.eq_ignore_ascii_case(t) {
            return words!("geo-type-case", name = k);
        }
    }
    words!("geo-type-one-of")
}

/// Reads the features of a FeatureCollection (pass 2 of the parse).
type FeatureStream<'a> = dyn FnMut(&mut Ctx, &mut Vec<Feature>) + 'a;

fn root(ctx: &mut Ctx, v: &Value, out: &mut Vec<Feature>, stream: &mut FeatureStream<'_>) {
    let Some(obj) = v.as_object() else {
        ctx.error(
            "",
            words!("geo-file-holds-instead-geojson", v = kind_of(v)),
            words!("geo-geojson-file-starts"),
        );
        return;
    };
    if let Some(t) = obj.get("type").and_then(Value::as_str) {
        if t == "Topology" {
            ctx.error(
                "type",
                words!("geo-topojson-not-geojson"),
                words!("geo-convert-topo2geo-npm-topojson"),
            );
            return;
        }
    } else if obj.contains_key("spatialReference")
        || obj.contains_key("geometryType")
        || obj
            .get("features")
            .and_then(|f| f.get(0))
            .and_then(|f| f.get("attributes"))
            .is_some()
    {
        ctx.error(
            "",
            words!("geo-esri-json-arcgis-not"),
            words!("geo-export-layer-geojson-arcgis"),
        );
        return;
    }
    if !check_crs(ctx, obj, "") {
        return;
    }
    check_bbox(ctx, obj, "");
    match type_of(ctx, obj, "") {
        Some("FeatureCollection") => {
            forbid(
                ctx,
                obj,
                "",
                "FeatureCollection",
                &["coordinates", "geometry", "geometries", "properties"],
            );
            match obj.get("features") {
                None => ctx.error(
                    "",
                    words!("geo-featurecollection-needs-features-list"),
                    words!("geo-add-features-features-inside"),
                ),
                Some(Value::Array(_)) => stream(ctx, out),
                Some(other) => ctx.error(
                    "features",
                    words!("geo-features-must-list-not", other = kind_of(other)),
                    words!("geo-put-features-square-brackets"),
                ),
            }
        }
        Some("Feature") => {
            if let Some(f) = feature(ctx, v, "") {
                out.push(f);
            }
        }
        Some(t) if GEOMETRY_TYPES.contains(&t) => {
            let mut shapes = Vec::new();
            if geometry(ctx, v, "", &mut shapes, 0) {
                out.push(Feature {
                    id: None,
                    shapes,
                    properties: Map::new(),
                    path: String::new(),
                });
            }
        }
        Some(t) => {
            let t = t.to_string();
            ctx.error("type", words!("geo-unknown-type", t = t), type_hint(&t));
        }
        None => {}
    }
}

pub(crate) fn kind_of(v: &Value) -> Words {
    match v {
        Value::Null => words!("kind-null"),
        Value::Bool(_) => words!("kind-true-false"),
        Value::Number(_) => words!("kind-number"),
        Value::String(_) => words!("kind-text"),
        Value::Array(_) => words!("kind-list"),
        Value::Object(_) => words!("kind-object"),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn type_of<'a>(ctx: &mut Ctx, obj: &'a Map<String, Value>, path: &str) -> Option<&'a str> {
    match obj.get("type") {
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            ctx.error(
                &join(path, "type"),
                words!("geo-type-must-text-not", other = kind_of(other)),
                words!("geo-write-type-text-e"),
            );
            None
        }
        None => {
            ctx.error(
                path,
                words!("geo-object-no-type"),
                words!("geo-add-type-feature-geometry"),
            );
            None
        }
    }
}

fn forbid(ctx: &mut Ctx, obj: &Map<String, Value>, path: &str, what: &str, keys: &[&str]) -> bool {
    let mut ok = true;
    for k in keys {
        if obj.contains_key(*k) {
            ctx.error(
                &join(path, k),
                words!("geo-must-not-member", what = what, k = k),
                words!("geo-move-where-belongs-feature"),
            );
            ok = false;
        }
    }
    ok
}

pub(crate) fn check_crs(ctx: &mut Ctx, obj: &Map<String, Value>, path: &str) -> bool {
    let Some(crs) = obj.get("crs") else {
        return true;
    };
    if crs.is_null() {
        return true;
    }
    let name = crs
        .pointer("/properties/name")
        .and_then(Value::as_str)
        .unwrap_or("");
    let lower = name.to_ascii_lowercase();
    if lower.contains("crs84")
        || lower.ends_with(":4326")
        || lower.ends_with("::4326")
        || lower.ends_with("epsg/0/4326")
    {
        return true;
    }
    let code = crs::epsg_code(name);
    if let Some(r) = code.and_then(Reprojector::new) {
        // Positions are converted from here on (see `position`).
        ctx.reproject = Some(r);
        ctx.foreign_crs = None;
        return true;
    }
    let shown = match code {
        _ if name.is_empty() => "an unknown one".to_string(),
        Some(c) if !name.eq_ignore_ascii_case(&format!("EPSG:{c}")) => {
            format!("EPSG:{c} (\"{name}\")")
        }
        _ => name.to_string(),
    };
    // Only an error once coordinates appear: a file without any is harmless.
    ctx.foreign_crs = Some((shown, join(path, "crs")));
    ctx.reproject = None;
    true
}

fn check_bbox(ctx: &mut Ctx, obj: &Map<String, Value>, path: &str) -> bool {
    let Some(b) = obj.get("bbox") else {
        return true;
    };
    let p = join(path, "bbox");
    match b {
        Value::Array(a) if (a.len() == 4 || a.len() == 6) && a.iter().all(Value::is_number) => {
            return true;
        }
        Value::Array(a) if a.iter().all(Value::is_number) => ctx.error(
            &p,
            words!("geo-bbox-numbers-needs-4", a = a.len()),
            words!("geo-fix-bbox-delete-optional"),
        ),
        _ => ctx.error(
            &p,
            words!("geo-bbox-must-list-4"),
            words!("geo-fix-bbox-delete-optional"),
        ),
    }
    false
}

fn feature(ctx: &mut Ctx, v: &Value, path: &str) -> Option<Feature> {
    let Some(obj) = v.as_object() else {
        ctx.error(
            path,
            words!("geo-expected-feature-object-here", v = kind_of(v)),
            words!("geo-each-entry-features-must"),
        );
        return None;
    };
    match type_of(ctx, obj, path)? {
        "Feature" => {}
        t => {
            let hint = if GEOMETRY_TYPES.contains(&t) {
                words!("geo-wrap-geometry-feature")
            } else {
                type_hint(t)
            };
            ctx.error(
                &join(path, "type"),
                words!("geo-expected-feature-found", t = t),
                hint,
            );
            return None;
        }
    }
    let before = ctx.problems.len();
    forbid(
        ctx,
        obj,
        path,
        "Feature",
        &["coordinates", "features", "geometries"],
    );
    check_bbox(ctx, obj, path);
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            ctx.error(
                &join(path, "id"),
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
                &join(path, "properties"),
                words!("geo-properties-must-object-not", other = kind_of(other)),
                words!("geo-use-null"),
            );
            Map::new()
        }
    };
    let mut shapes = Vec::new();
    match obj.get("geometry") {
        None => ctx.error(
            path,
            words!("geo-feature-no-geometry-member"),
            words!("geo-add-geometry-null-if"),
        ),
        Some(Value::Null) => {}
        Some(g) => {
            geometry(ctx, g, &join(path, "geometry"), &mut shapes, 0);
        }
    }
    if ctx.problems[before..]
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

/// Validates a geometry and appends its shapes. Returns false (with problems) when invalid.
pub(crate) fn geometry(
    ctx: &mut Ctx,
    v: &Value,
    path: &str,
    out: &mut Vec<Shape>,
    depth: usize,
) -> bool {
    let Some(obj) = v.as_object() else {
        ctx.error(
            path,
            words!("geo-expected-geometry-object-found", v = kind_of(v)),
            words!("geo-geometry-looks-like"),
        );
        return false;
    };
    let Some(t) = type_of(ctx, obj, path) else {
        return false;
    };
    if !GEOMETRY_TYPES.contains(&t) {
        let t = t.to_string();
        let msg = if t == "Feature" || t == "FeatureCollection" {
            words!("geo-cannot-stand-where-geometry", t = t)
        } else {
            words!("topo-unknown-geometry-type", t = t)
        };
        ctx.error(&join(path, "type"), msg, type_hint(&t));
        return false;
    }
    if !forbid(
        ctx,
        obj,
        path,
        "geometry",
        &["features", "geometry", "properties"],
    ) || !check_crs(ctx, obj, path)
    {
        return false;
    }
    if !check_bbox(ctx, obj, path) {
        return false;
    }
    if t == "GeometryCollection" {
        if obj.contains_key("coordinates") {
            ctx.error(
                &join(path, "coordinates"),
                words!("geo-geometrycollection-geometries-not-coordinates"),
                words!("geo-put-each-geometry-geometries"),
            );
            return false;
        }
        let Some(list) = obj.get("geometries") else {
            ctx.error(
                path,
                words!("geo-geometrycollection-needs-geometries-list"),
                words!("geo-add-geometries"),
            );
            return false;
        };
        let Value::Array(list) = list else {
            ctx.error(
                &join(path, "geometries"),
                words!("geo-geometries-must-list-not", list = kind_of(list)),
                words!("geo-put-geometries-square-brackets"),
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
            ok &= geometry(ctx, g, &format!("{path}.geometries[{i}]"), out, depth + 1);
        }
        return ok;
    }
    let cpath = join(path, "coordinates");
    let Some(c) = obj.get("coordinates") else {
        ctx.error(
            path,
            words!("geo-no-coordinates", t = t),
            words!("geo-add-coordinates"),
        );
        return false;
    };
    let parsed = match t {
        "Point" => position(ctx, c, &cpath).map(|p| vec![Shape::Point(p)]),
        "MultiPoint" => list(ctx, c, &cpath, words!("kind-positions"), position)
            .map(|ps| ps.into_iter().map(Shape::Point).collect()),
        "LineString" => line(ctx, c, &cpath).map(|l| l.into_iter().map(Shape::Line).collect()),
        "MultiLineString" => list(ctx, c, &cpath, words!("kind-lines"), line)
            .map(|ls| ls.into_iter().flatten().map(Shape::Line).collect()),
        "Polygon" => polygon(ctx, c, &cpath).map(|p| p.into_iter().collect()),
        "MultiPolygon" => list(ctx, c, &cpath, words!("kind-polygons"), polygon)
            .map(|ps| ps.into_iter().flatten().collect()),
        _ => unreachable!("checked against GEOMETRY_TYPES"),
    };
    match parsed {
        Some(shapes) => {
            // The object model of the `geojson` crate must agree with what we validated.
            if let Err(e) = geojson::Geometry::deserialize(v) {
                ctx.error(
                    path,
                    words!("geo-geometry-could-not-read", e = e),
                    words!("geo-check-coordinates"),
                );
                return false;
            }
            out.extend(shapes);
            true
        }
        None => false,
    }
}

fn list<T>(
    ctx: &mut Ctx,
    v: &Value,
    path: &str,
    what: Words,
    mut item: impl FnMut(&mut Ctx, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let Value::Array(a) = v else {
        ctx.error(
            path,
            words!("geo-expected-list-found", what = what, v = kind_of(v)),
            words!("geo-coordinates-nested-lists-numbers"),
        );
        return None;
    };
    let mut out = Vec::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        // Stop at the first bad item: one clear problem per geometry, not thousands.
        out.push(item(ctx, x, &format!("{path}[{i}]"))?);
    }
    Some(out)
}

fn position(ctx: &mut Ctx, v: &Value, path: &str) -> Option<LonLat> {
    if let Some((crs, at)) = &ctx.foreign_crs {
        let (crs, at) = (crs.clone(), at.clone());
        ctx.error(
            path,
            words!(
                "geo-these-coordinates-coordinate-system",
                crs = crs,
                at = at
            ),
            words!("geo-re-export-file-geojson"),
        );
        return None;
    }
    let Value::Array(a) = v else {
        let hint = if v.is_number() {
            words!("geo-needs-one-more-level")
        } else {
            words!("geo-position-longitude-latitude")
        };
        ctx.error(
            path,
            words!("geo-expected-position-longitude-latitude", v = kind_of(v)),
            hint,
        );
        return None;
    };
    if a.len() < 2 {
        ctx.error(
            path,
            words!("geo-position-needs-2-numbers", a = a.len()),
            words!("geo-add-missing-number"),
        );
        return None;
    }
    if a.len() > 3 {
        ctx.extra_dims += 1;
    }
    let mut xy = [0.0; 2];
    for (i, slot) in xy.iter_mut().enumerate() {
        match a[i].as_f64() {
            Some(f) if f.is_finite() => *slot = f,
            _ => {
                ctx.error(
                    &format!("{path}[{i}]"),
                    words!("geo-coordinates-must-numbers-found", i = kind_of(&a[i])),
                    words!("geo-remove-quotes-fix-value"),
                );
                return None;
            }
        }
    }
    if a[2..].iter().any(|x| !x.is_number()) {
        ctx.error(
            path,
            words!("geo-height-third-number-position"),
            words!("geo-remove-write-number"),
        );
        return None;
    }
    if let Some(r) = &ctx.reproject {
        let [x, y] = xy;
        let Some(ll) = r.to_lon_lat(x, y).filter(|p| p[1].abs() <= 90.0) else {
            let label = r.known().label();
            ctx.error(
                path,
                words!(
                    "geo-not-position-coordinate-system",
                    x = x,
                    y = y,
                    label = label
                ),
                words!("geo-check-coordinates-here-file"),
            );
            return None;
        };
        ctx.reprojected += 1;
        xy = ll;
    }
    let [lon, lat] = xy;
    if lon.abs() > 540.0 || lat.abs() > 90.0 {
        let off = words!("geo-not-on-earth", lon = lon, lat = lat);
        let (message, hint) = if lat.abs() > 90.0 && lat.abs() <= 180.0 && lon.abs() <= 90.0 {
            (off, words!("geo-latitude-longitude-look-swapped"))
        } else if lon.abs() > 1000.0 || lat.abs() > 1000.0 {
            let message = match crs::guess_projected(lon, lat) {
                Some(guess) => words!(
                    "geo-not-on-earth-metres-guess",
                    lon = lon,
                    lat = lat,
                    guess = guess
                ),
                None => words!("geo-not-on-earth-metres", lon = lon, lat = lat),
            };
            (message, words!("geo-metres-add-crs"))
        } else {
            (off, words!("fmt-longitude-must-within-180"))
        };
        ctx.error(path, message, hint);
        return None;
    }
    Some(xy)
}

/// Makes consecutive longitudes continuous (no jump over 180°); true when it had to.
/// A step from exactly ±180° to exactly ∓180° is kept as written: it goes all the way round
/// (a ring over the whole globe, or closed along a pole), as GeoJSON's straight lines in
/// longitude and latitude have it.
///
/// With `full_turns_cross` (TopoJSON, whose lines join as on the globe, as in d3), such a step
/// is kept only along a pole (at latitude ±90°): elsewhere it joins two names of one point
/// (world-atlas closes Fiji and Antarctica so) and is a crossing like any other.
fn unwrap_lons_with(pts: &mut [LonLat], full_turns_cross: bool) -> bool {
    let mut crossed = false;
    let mut offset = 0.0;
    let mut before = pts.first().copied().unwrap_or([0.0, 0.0]);
    for p in pts.iter_mut().skip(1) {
        let lon = p[0];
        let d = lon - before[0];
        let full_turn = before[0].abs() == 180.0
            && lon == -before[0]
            && (!full_turns_cross || (before[1].abs() == 90.0 && p[1] == before[1]));
        if d.abs() > 180.0 && !full_turn {
            offset -= 360.0 * (d / 360.0).round();
            crossed = true;
        }
        p[0] = lon + offset;
        before = [lon, p[1]];
    }
    crossed
}

/// [`unwrap_lons_with`] counting a crossing in the file's notes.
fn unwrap(ctx: &mut Ctx, pts: &mut [LonLat], full_turns_cross: bool) {
    if unwrap_lons_with(pts, full_turns_cross) {
        ctx.crossed += 1;
    }
}

/// [`unwrap_lons_with`] as GeoJSON's straight lines have it: true when the line crossed.
pub(crate) fn unwrap_lons(pts: &mut [LonLat]) -> bool {
    unwrap_lons_with(pts, false)
}

fn line(ctx: &mut Ctx, v: &Value, path: &str) -> Option<Option<Vec<LonLat>>> {
    let mut pts = list(ctx, v, path, words!("kind-positions"), position)?;
    if pts.is_empty() {
        ctx.warn(
            Place::Path(path.to_string()),
            words!("geo-empty-line-skipped"),
            words!("geo-nothing-do"),
        );
        return Some(None);
    }
    if pts.len() < 2 {
        ctx.error(
            path,
            words!("geo-line-needs-least-2"),
            words!("geo-add-second-position-make"),
        );
        return None;
    }
    unwrap(ctx, &mut pts, ctx.spherical);
    Some(Some(pts))
}

fn polygon(ctx: &mut Ctx, v: &Value, path: &str) -> Option<Option<Shape>> {
    let rings = list(ctx, v, path, words!("kind-rings"), |ctx, r, p| {
        list(ctx, r, p, words!("kind-positions"), position)
    })?;
    let dims = |i: usize, j: usize| {
        v.get(i)
            .and_then(|r| r.get(j))
            .and_then(Value::as_array)
            .map(Vec::len)
    };
    if rings.is_empty() || rings.iter().all(Vec::is_empty) {
        ctx.warn(
            Place::Path(path.to_string()),
            words!("geo-empty-polygon-skipped"),
            words!("geo-nothing-do"),
        );
        return Some(None);
    }
    let mut out = Vec::with_capacity(rings.len());
    for (i, mut ring) in rings.into_iter().enumerate() {
        let rp = format!("{path}[{i}]");
        if ring.len() < 4 {
            ctx.error(
                &rp,
                words!("geo-polygon-ring-needs-least", ring = ring.len()),
                words!("geo-add-missing-corners-close"),
            );
            return None;
        }
        if ring.first() != ring.last() || dims(i, 0) != dims(i, ring.len() - 1) {
            ctx.error(
                &rp,
                words!("geo-polygon-ring-not-closed"),
                words!("geo-repeat-first-position-end"),
            );
            return None;
        }
        // A ring that does not close with its steps from ±180° to ∓180° kept as written
        // (Fiji from world-atlas: it touches 180° on both sides and closes with such a step)
        // closes with them taken as crossings: then they are.
        let written = (!ctx.spherical
            && ring
                .windows(2)
                .any(|w| w[0][0].abs() == 180.0 && w[1][0] == -w[0][0]))
        .then(|| ring.clone());
        let crossed_before = ctx.crossed;
        unwrap(ctx, &mut ring, ctx.spherical);
        if let Some(mut retry) = written
            && ring.first().map(|p| p[0]) != ring.last().map(|p| p[0])
        {
            let crossed_after = ctx.crossed;
            ctx.crossed = crossed_before;
            unwrap(ctx, &mut retry, true);
            if retry.first() == retry.last() {
                ring = retry;
            } else {
                ctx.crossed = crossed_after;
            }
        }
        let mut polar = false;
        if let (Some(&first), Some(&last)) = (ring.first(), ring.last())
            && (first[0] - last[0]).abs() > 1e-9
        {
            // The ring goes all the way round a pole (its longitude gains or loses 360°), so
            // it encloses nothing as it stands: close it through the pole on its side (the
            // nearer one, by its mean latitude), so it encloses the cap around that pole.
            let mean = ring.iter().map(|p| p[1]).sum::<f64>() / ring.len() as f64;
            let pole = if mean < 0.0 { -90.0 } else { 90.0 };
            ring.extend([[last[0], pole], [first[0], pole], first]);
            ctx.polar += 1;
            polar = true;
        }
        let area = signed_area(&ring);
        let want_ccw = i == 0;
        if (area > 0.0) != want_ccw && area != 0.0 {
            ring.reverse();
            // The winding of a ring closed through a pole is ours, not the file's.
            ctx.rewound += usize::from(!polar);
        }
        out.push(ring);
    }
    Some(Some(Shape::Polygon(out)))
}

/// What [`normalise_ring`] changed in a ring.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RingFix {
    /// It crossed the 180° meridian and was made continuous.
    pub crossed: bool,
    /// It went all the way round a pole and was closed through it.
    pub polar: bool,
    /// It was wound the wrong way and was reversed (not counted for a ring closed through a
    /// pole, whose winding is ours).
    pub rewound: bool,
}

/// Normalises a closed ring (first position repeated at the end): longitudes made
/// continuous, a ring round a pole closed through it, and wound counter-clockwise when
/// `outer`, clockwise otherwise.
pub(crate) fn normalise_ring(ring: &mut Vec<LonLat>, outer: bool) -> RingFix {
    let mut fix = RingFix {
        crossed: unwrap_lons(ring),
        ..RingFix::default()
    };
    if let (Some(&first), Some(&last)) = (ring.first(), ring.last())
        && (first[0] - last[0]).abs() > 1e-9
    {
        // The ring goes all the way round a pole (its longitude gains or loses 360°), so
        // it encloses nothing as it stands: close it through the pole on its side (the
        // nearer one, by its mean latitude), so it encloses the cap around that pole.
        let mean = ring.iter().map(|p| p[1]).sum::<f64>() / ring.len() as f64;
        let pole = if mean < 0.0 { -90.0 } else { 90.0 };
        ring.extend([[last[0], pole], [first[0], pole], first]);
        fix.polar = true;
    }
    let area = signed_area(ring);
    if (area > 0.0) != outer && area != 0.0 {
        ring.reverse();
        // The winding of a ring closed through a pole is ours, not the file's.
        fix.rewound = !fix.polar;
    }
    fix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(l: &Loaded) -> Vec<String> {
        l.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn loads_a_point_feature_collection() {
        let l = load("a.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[125.75,39.02]},"properties":{"name":"Pyongyang"}}]}"#);
        assert!(!l.is_fatal(), "{:?}", l.problems);
        assert_eq!(l.features.len(), 1);
        assert_eq!(l.features[0].id.as_deref(), Some("7"));
        assert_eq!(l.features[0].shapes, vec![Shape::Point([125.75, 39.02])]);
        assert_eq!(l.features[0].str_prop("name"), Some("Pyongyang"));
    }

    #[test]
    fn unclosed_ring_is_refused_with_its_path() {
        let l = load("r.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#);
        let e = errors(&l);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].contains("features[0].geometry.coordinates[0]"),
            "{}",
            e[0]
        );
        assert!(e[0].contains("not closed"), "{}", e[0]);
        assert!(l.features.is_empty());
    }

    #[test]
    fn short_ring_and_one_number_position_are_refused() {
        let l = load(
            "s.geojson",
            br#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#,
        );
        assert!(errors(&l)[0].contains("at least 4 positions"));
        let l = load("p.geojson", br#"{"type":"Point","coordinates":[5]}"#);
        assert!(
            errors(&l)[0].contains("coordinates: error: a position needs 2 numbers"),
            "{:?}",
            errors(&l)
        );
    }

    #[test]
    fn valid_features_survive_a_broken_neighbour() {
        let l = load("m.geojson", br#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1,2]}},
            {"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":["x",2]}},
            {"type":"Feature","properties":null,"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}"#);
        assert_eq!(l.features.len(), 2);
        let e = errors(&l);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].contains("features[1].geometry.coordinates[0]: error"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let l = load(
            "j.geojson",
            b"{\n  \"type\": \"Point\",\n  \"coordinates\": [1, 2,]\n}",
        );
        let p = &l.problems[0];
        assert_eq!(p.place, Place::LineCol(3, 24));
        assert!(p.to_string().starts_with("j.geojson:3:24: error"), "{p}");
    }

    #[test]
    fn errors_at_a_line_break_point_at_the_end_of_its_line() {
        // A line break inside a text: serde_json says line 2, column 0.
        let l = load("n.geojson", b"{\"type\": \"Poi\nnt\"}");
        assert_eq!(
            l.problems[0].place,
            Place::LineCol(1, 14),
            "{}",
            l.problems[0]
        );
        // A file cut short just after a line break.
        let l = load("c.geojson", b"{\"type\": \"Point\",\r\n");
        assert_eq!(
            l.problems[0].place,
            Place::LineCol(1, 19),
            "{}",
            l.problems[0]
        );
        assert!(l.problems[0].message.contains("ends in the middle"));
    }

    #[test]
    fn bom_is_stripped_and_reported() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice(br#"{"type":"Point","coordinates":[1,2]}"#);
        let l = load("b.geojson", &bytes);
        assert_eq!(l.features.len(), 1);
        assert!(!l.is_fatal());
        assert!(
            l.problems
                .iter()
                .any(|p| p.message.contains("byte-order mark"))
        );
    }

    #[test]
    fn clockwise_exterior_is_rewound() {
        let l = load(
            "w.geojson",
            br#"{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}"#,
        );
        let Shape::Polygon(rings) = &l.features[0].shapes[0] else {
            panic!()
        };
        assert!(signed_area(&rings[0]) > 0.0);
        assert!(l.problems.iter().any(|p| p.message.contains("rewound")));
    }

    #[test]
    fn antimeridian_crossing_becomes_continuous() {
        let l = load(
            "a.geojson",
            br#"{"type":"LineString","coordinates":[[179,60],[-179,61]]}"#,
        );
        assert_eq!(
            l.features[0].shapes[0],
            Shape::Line(vec![[179.0, 60.0], [181.0, 61.0]])
        );
        assert!(l.problems.iter().any(|p| p.message.contains("180°")));
    }

    #[test]
    fn rings_over_the_whole_globe_or_round_a_pole_keep_their_area() {
        // Edges from -180 to 180 go all the way round: the whole globe stays the whole globe.
        let l = load(
            "w.geojson",
            br#"{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}"#,
        );
        let Shape::Polygon(rings) = &l.features[0].shapes[0] else {
            panic!()
        };
        assert_eq!(signed_area(&rings[0]), 360.0 * 180.0);
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        // A ring round the south pole that does not reach it is closed through it.
        let l = load(
            "p.geojson",
            br#"{"type":"Polygon","coordinates":[[[0,-70],[90,-70],[180,-70],[-90,-70],[0,-70]]]}"#,
        );
        let Shape::Polygon(rings) = &l.features[0].shapes[0] else {
            panic!()
        };
        assert_eq!(signed_area(&rings[0]), 360.0 * 20.0);
        assert_eq!(rings[0].iter().filter(|p| p[1] == -90.0).count(), 2);
        assert_eq!(rings[0].first(), rings[0].last());
        assert!(
            l.problems
                .iter()
                .any(|p| p.message.contains("round a pole")),
            "{:?}",
            l.problems
        );
        assert!(!l.problems.iter().any(|p| p.message.contains("rewound")));
    }

    #[test]
    fn a_ring_closed_by_a_step_from_180_to_minus_180_is_not_taken_round_the_pole() {
        // Fiji's eastern island as world-atlas writes it (rounded): it touches 180° on both
        // sides and closes with a step from 180° to -180° at the same latitude.
        let l = load(
            "f.geojson",
            br#"{"type":"Polygon","coordinates":[[[-180,-16.07],[-179.79,-16.02],[-179.92,-16.5],[-180,-16.56],[179.36,-16.8],[178.73,-17.01],[178.6,-16.64],[179.1,-16.43],[179.41,-16.38],[180,-16.07],[-180,-16.07]]]}"#,
        );
        let Shape::Polygon(rings) = &l.features[0].shapes[0] else {
            panic!()
        };
        assert!(
            rings[0].iter().all(|p| p[1] > -17.1 && p[1] < -16.0),
            "{rings:?}"
        );
        assert!(signed_area(&rings[0]).abs() < 2.0);
        assert!(
            !l.problems.iter().any(|p| p.message.contains("pole")),
            "{:?}",
            l.problems
        );
        assert!(l.problems.iter().any(|p| p.message.contains("180°")));
    }

    #[test]
    fn recognises_files_that_are_not_geojson() {
        let cases: [(&[u8], &str); 8] = [
            (b"", "empty"),
            (b"\x1f\x8b\x08\x00", "gzip"),
            (b"<html><body>404</body></html>", "web page"),
            (b"<?xml version=\"1.0\"?><kml></kml>", "KML"),
            (b"var data = {\"type\":\"Point\"}", "JavaScript"),
            (b"{\"type\":\"Topology\",\"objects\":{}}", "TopoJSON"),
            (b"{\"type\":\"Point\",\"coordinates\":[1,2]}\n{\"type\":\"Point\",\"coordinates\":[1,2]}", "newline-delimited"),
            // Neither UTF-8 nor CP949 (0xFF never follows a CP949 lead byte).
            (b"{\"type\":\"Point\",\"coordinates\":[\xc7\xff]}", "EUC-KR"),
        ];
        for (bytes, want) in cases {
            let l = load("x", bytes);
            assert!(l.is_fatal(), "{want}");
            assert!(
                l.problems.iter().any(|p| p.message.contains(want)),
                "{want}: {:?}",
                l.problems
            );
        }
    }

    #[test]
    fn duplicate_keys_and_projected_coordinates_are_refused() {
        let l = load(
            "d",
            br#"{"type":"Point","type":"Point","coordinates":[1,2]}"#,
        );
        assert!(l.problems[0].message.contains("appears twice"));
        let l = load(
            "m",
            br#"{"type":"Point","coordinates":[955000.5,1950000.25]}"#,
        );
        assert!(l.problems[0].hint.contains("metres"), "{:?}", l.problems);
        let l = load("s", br#"{"type":"Point","coordinates":[37.5,127.0]}"#);
        assert!(l.problems[0].hint.contains("swapped"), "{:?}", l.problems);
    }

    #[test]
    fn unknown_crs_is_refused_naming_it_but_crs84_is_fine() {
        let l = load("c", br#"{"type":"Point","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2193"}},"coordinates":[1,2]}"#);
        assert!(l.is_fatal());
        assert!(
            errors(&l)[0].contains("EPSG:2193 (\"urn:ogc:def:crs:EPSG::2193\")"),
            "{:?}",
            errors(&l)
        );
        let l = load("c", br#"{"type":"Point","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"coordinates":[1,2]}"#);
        assert!(!l.is_fatal());
        assert!(l.problems.is_empty(), "{:?}", l.problems);
    }

    fn point_in(crs: &str, x: f64, y: f64) -> Loaded {
        let src = format!(
            r#"{{"type":"Feature","properties":null,"crs":null,"geometry":{{"type":"Point","crs":{{"type":"name","properties":{{"name":"{crs}"}}}},"coordinates":[{x},{y}]}}}}"#
        );
        load("p.geojson", src.as_bytes())
    }

    /// Seoul City Hall (126.9780 E, 37.5665 N) as `cs2cs EPSG:4326 EPSG:5179` gives it.
    #[test]
    fn projected_crs_is_converted_with_one_warning() {
        for name in [
            "urn:ogc:def:crs:EPSG::5179",
            "EPSG:5179",
            "urn:ogc:def:crs:EPSG:6.3:5179",
            "http://www.opengis.net/def/crs/EPSG/0/5179",
        ] {
            let l = point_in(name, 953901.165, 1952032.081);
            assert!(!l.is_fatal(), "{name}: {:?}", l.problems);
            let Shape::Point([lon, lat]) = l.features[0].shapes[0] else {
                panic!()
            };
            assert!((lon - 126.978).abs() < 1e-6 && (lat - 37.5665).abs() < 1e-6);
            assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
            assert_eq!(
                l.problems[0].message,
                "coordinates were in EPSG:5179 (Korea 2000 / Unified CS) and were converted to longitude/latitude"
            );
            assert_eq!(l.problems[0].severity, Severity::Warning);
        }
        // The same place in EPSG:5186 and EPSG:3857 (cs2cs).
        for (crs, x, y) in [
            ("EPSG:5186", 198056.367, 551885.031),
            ("EPSG:3857", 14135126.302, 4518366.510),
        ] {
            let l = point_in(crs, x, y);
            let Shape::Point([lon, lat]) = l.features[0].shapes[0] else {
                panic!("{crs}: {:?}", l.problems)
            };
            assert!((lon - 126.978).abs() < 1e-6 && (lat - 37.5665).abs() < 1e-6);
        }
        // Korea 2000 longitude/latitude is used as it is, with a note.
        let l = point_in("EPSG:4737", 126.978, 37.5665);
        assert_eq!(l.features[0].shapes, vec![Shape::Point([126.978, 37.5665])]);
        assert!(l.problems[0].message.contains("used as they are"));
        // Positions the projection has no place for: past the poles, far outside the zone.
        let l = point_in("EPSG:3857", 0.0, 1e9);
        assert!(
            errors(&l)[0].contains("is not a position in EPSG:3857"),
            "{:?}",
            l.problems
        );
        let l = point_in("EPSG:32652", 0.0, 5e7);
        assert!(errors(&l)[0].contains("is not a position in EPSG:32652 (WGS 84 / UTM zone 52N)"));
    }

    #[test]
    fn antimeridian_and_winding_are_handled_after_conversion() {
        // 179° E → 179° W at 60° N in Web Mercator metres: one continuous line.
        let m = 20037508.342789244;
        let x = 179.0 / 180.0 * m;
        let y = 8399737.889818357; // 60° N (cs2cs)
        let src = format!(
            r#"{{"type":"LineString","crs":{{"type":"name","properties":{{"name":"EPSG:3857"}}}},"coordinates":[[{x},{y}],[{},{y}]]}}"#,
            -x
        );
        let l = load("a.geojson", src.as_bytes());
        let Shape::Line(pts) = &l.features[0].shapes[0] else {
            panic!("{:?}", l.problems)
        };
        assert!((pts[0][0] - 179.0).abs() < 1e-9 && (pts[1][0] - 181.0).abs() < 1e-9);
        assert!((pts[0][1] - 60.0).abs() < 1e-9, "{pts:?}");
        assert!(l.problems.iter().any(|p| p.message.contains("180°")));
        // A clockwise square in UTM 52N is rewound once converted.
        let src = r#"{"type":"Polygon","crs":{"type":"name","properties":{"name":"EPSG:32652"}},"coordinates":[[[300000,4100000],[300000,4200000],[400000,4200000],[400000,4100000],[300000,4100000]]]}"#;
        let l = load("u.geojson", src.as_bytes());
        let Shape::Polygon(rings) = &l.features[0].shapes[0] else {
            panic!("{:?}", l.problems)
        };
        assert!(signed_area(&rings[0]) > 0.0);
        assert!(rings[0].iter().all(|p| (126.0..128.5).contains(&p[0])));
        assert!(l.problems.iter().any(|p| p.message.contains("rewound")));
    }

    /// Made with `ogr2ogr -t_srs EPSG:5179` from world-atlas's countries-110m (see the
    /// fixtures' README): converted back, each position of South Korea is within 1e-6° of the
    /// TopoJSON's, and Seoul is inside.
    #[test]
    fn korea_in_epsg_5179_comes_back_to_the_topojson_positions() {
        let l = load(
            "korea-5179.geojson",
            include_bytes!("../../../tests/fixtures/korea-5179.geojson"),
        );
        assert!(!l.is_fatal(), "{:?}", l.problems);
        assert!(l.problems.iter().any(|p| p.message.contains("EPSG:5179")));
        let south = l
            .features
            .iter()
            .find(|f| f.str_prop("id") == Some("410"))
            .unwrap();
        let topo = crate::formats::topojson::read_topojson(
            "countries-110m.json",
            include_bytes!("../../../tests/fixtures/countries-110m.json"),
        );
        let want = topo
            .features
            .iter()
            .find(|f| f.id.as_deref() == Some("410"))
            .unwrap();
        let (Shape::Polygon(got), Shape::Polygon(want)) = (&south.shapes[0], &want.shapes[0])
        else {
            panic!()
        };
        assert_eq!(got[0].len(), want[0].len());
        for p in &got[0] {
            assert!(
                want[0]
                    .iter()
                    .any(|q| (p[0] - q[0]).abs() < 1e-6 && (p[1] - q[1]).abs() < 1e-6),
                "{p:?}"
            );
        }
    }

    #[test]
    fn metres_without_a_crs_name_the_likely_system() {
        let l = load(
            "m",
            br#"{"type":"Point","coordinates":[953901.165,1952032.081]}"#,
        );
        let p = &l.problems[0];
        assert!(p.message.contains("probably EPSG:5179"), "{p}");
        assert!(
            p.hint.contains("\"crs\"") && p.hint.contains("EPSG:4326"),
            "{p}"
        );
        let l = load(
            "m",
            br#"{"type":"Point","coordinates":[198056.367,551885.031]}"#,
        );
        assert!(
            l.problems[0].message.contains("Korean TM"),
            "{}",
            l.problems[0]
        );
        let l = load(
            "m",
            br#"{"type":"Point","coordinates":[14135126.302,4518366.51]}"#,
        );
        assert!(
            l.problems[0].message.contains("EPSG:3857"),
            "{}",
            l.problems[0]
        );
        let l = load(
            "m",
            br#"{"type":"Point","coordinates":[321424.286,4159640.641]}"#,
        );
        assert!(l.problems[0].message.contains("UTM"), "{}", l.problems[0]);
    }

    #[test]
    fn cp949_geojson_is_read_with_a_warning() {
        let src = r#"{"type":"Feature","properties":{"name":"서울특별시"},"geometry":{"type":"Point","coordinates":[126.978,37.5665]}}"#;
        let (bytes, _, bad) = encoding_rs::EUC_KR.encode(src);
        assert!(!bad);
        let l = load("k.geojson", &bytes);
        assert!(!l.is_fatal(), "{:?}", l.problems);
        assert_eq!(l.features[0].str_prop("name"), Some("서울특별시"));
        assert!(l.problems[0].message.contains("CP949/EUC-KR"));
    }
}
