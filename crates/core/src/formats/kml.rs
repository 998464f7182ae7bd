//! KML and KMZ (Google Earth, Google My Maps): placemarks → features.
//!
//! The XML is read as a stream (quick-xml): containers (Document, Folder) are followed as
//! they open and close, and only one Placemark at a time is held as a small tree, so a large
//! file never exists as a whole tree in memory. Entities declared in a DOCTYPE are never
//! expanded, and nothing a file links to (NetworkLink, icons, overlay images) is fetched.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesStart, Event};
use serde_json::{Map, Value};

use super::archive;
use super::{Fixes, check_lonlat, encoding_for, encoding_name, error, korean, warning};
use crate::geojson::{Loaded, MAX_FILE_BYTES, line_col};
use crate::model::{Feature, LonLat, Shape};
use crate::problem::{Place, Problem, Words};
use crate::words;

/// Placemarks nest their geometry at most this deep (MultiGeometry in MultiGeometry …).
const MAX_PLACEMARK_DEPTH: usize = 64;
/// At most this many NetworkLinks are named one by one; the rest are counted.
const MAX_LINK_WARNINGS: usize = 10;

/// Reads a KML file. Never panics; every refusal is a [`Problem`]. A KMZ (a ZIP archive)
/// given here is read as one.
pub fn read_kml(file: &str, bytes: &[u8]) -> Loaded {
    if archive::is_zip(bytes) {
        return read_kmz(file, bytes);
    }
    let mut problems = Vec::new();
    let mut out = Loaded {
        file: file.to_string(),
        ..Default::default()
    };
    if bytes.len() > MAX_FILE_BYTES {
        out.problems.push(super::too_big(file, bytes.len()));
        return out;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        out.problems.push(error(
            file,
            Place::File,
            words!("geo-file-empty"),
            words!("kml-save-export-kml-again"),
        ));
        return out;
    }
    let text = decode(file, bytes, &mut problems);
    let mut ctx = Ctx {
        file: file.to_string(),
        problems,
        fixes: Fixes::default(),
        placemarks: 0,
        links: 0,
        overlays: 0,
        models: 0,
    };
    match parse(&mut ctx, &text) {
        Ok(doc) => {
            out.name = doc.name;
            arrange(&mut out, doc.features, &doc.folders);
            if !ctx
                .problems
                .iter()
                .any(|p| p.severity == crate::problem::Severity::Error)
                && ctx.placemarks == 0
                && !looks_like_kml(&text)
            {
                ctx.problems.push(error(
                    file,
                    Place::File,
                    words!("kml-not-kml-file-no"),
                    words!("kml-open-kml-file-exported"),
                ));
            }
        }
        Err(e) => {
            let p = syntax_problem(file, &text, &e);
            ctx.problems.push(p);
        }
    }
    if ctx.links > MAX_LINK_WARNINGS {
        let n = ctx.links - MAX_LINK_WARNINGS;
        ctx.problems.push(warning(
            file,
            Place::File,
            words!("kml-more-networklink-s-not", n = n),
            words!("kml-dateline-never-fetches-from"),
        ));
    }
    if ctx.overlays > 0 {
        let n = ctx.overlays;
        ctx.problems.push(warning(
            file,
            Place::File,
            words!("kml-image-overlay-s-skipped", n = n),
            words!("geo-nothing-do"),
        ));
    }
    if ctx.models > 0 {
        let n = ctx.models;
        ctx.problems.push(warning(
            file,
            Place::File,
            words!("kml-3d-model-s-skipped", n = n),
            words!("geo-nothing-do"),
        ));
    }
    ctx.fixes.report(file, &mut ctx.problems);
    out.problems = ctx.problems;
    out
}

/// Reads a KMZ file: a ZIP archive with `doc.kml` (or else the first `.kml`) at its top
/// level. Never panics; every refusal is a [`Problem`]. Plain KML given here is read as KML.
pub fn read_kmz(file: &str, bytes: &[u8]) -> Loaded {
    let mut problems = Vec::new();
    if !archive::is_zip(bytes)
        && looks_like_kml(&String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]))
    {
        let mut l = read_kml(file, bytes);
        l.problems.insert(
            0,
            warning(
                file,
                Place::File,
                words!("kml-file-plain-kml-not"),
                words!("kml-nothing-do-renaming-kml"),
            ),
        );
        return l;
    }
    let fail = |problems: Vec<Problem>| Loaded {
        file: file.to_string(),
        problems,
        ..Default::default()
    };
    let Some(mut kmls) = archive::read_zip(
        file,
        bytes,
        |n| n.to_ascii_lowercase().ends_with(".kml"),
        &mut problems,
    ) else {
        return fail(problems);
    };
    let top = |n: &str| !n.contains('/');
    let pick = kmls
        .iter()
        .position(|e| top(&e.name) && e.name.eq_ignore_ascii_case("doc.kml"))
        .or_else(|| kmls.iter().position(|e| top(&e.name)))
        .or_else(|| (!kmls.is_empty()).then_some(0));
    let Some(pick) = pick else {
        problems.push(error(
            file,
            Place::File,
            words!("kml-kmz-archive-holds-no"),
            words!("kml-check-kmz-from-google"),
        ));
        return fail(problems);
    };
    let doc = kmls.swap_remove(pick);
    if !kmls.is_empty() {
        problems.push(warning(
            file,
            Place::File,
            words!(
                "kml-archive-holds-kml-files",
                kmls = kmls.len() + 1,
                name = doc.name
            ),
            words!("kml-see-others-unzip-archive"),
        ));
    }
    let mut l = read_kml(file, &doc.bytes);
    problems.append(&mut l.problems);
    l.problems = problems;
    l
}

fn looks_like_kml(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<kml") || head.contains(":kml")
}

struct Ctx {
    file: String,
    problems: Vec<Problem>,
    fixes: Fixes,
    /// Placemarks seen so far (numbered from 1 for the user).
    placemarks: usize,
    links: usize,
    overlays: usize,
    models: usize,
}

impl Ctx {
    fn error(&mut self, place: &str, message: Words, hint: Words) {
        let p = error(&self.file, Place::Path(place.to_string()), message, hint);
        self.problems.push(p);
    }
    fn warn(&mut self, place: &str, message: Words, hint: Words) {
        let p = warning(&self.file, Place::Path(place.to_string()), message, hint);
        self.problems.push(p);
    }
}

/// Decodes the file's text: UTF-8 normally; the encoding its XML declaration names (with a
/// warning); or, when it is not UTF-8 and names none, the Korean CP949 (with a warning).
fn decode<'a>(file: &str, bytes: &'a [u8], problems: &mut Vec<Problem>) -> Cow<'a, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if enc != encoding_rs::UTF_8 {
            // UTF-16 with its byte-order mark: read faithfully.
            return Cow::Owned(enc.decode_without_bom_handling(body).0.into_owned());
        }
        return decode(file, body, problems);
    }
    let declared = declared_encoding(bytes);
    let enc = declared.as_deref().and_then(encoding_for);
    match enc {
        Some(enc)
            if enc != encoding_rs::UTF_8
                && enc != encoding_rs::UTF_16LE
                && enc != encoding_rs::UTF_16BE =>
        {
            let label = declared.unwrap_or_default();
            problems.push(warning(
                file,
                Place::File,
                words!(
                    "kml-file-written-encoding-says",
                    enc = encoding_name(enc),
                    label = label
                ),
                words!("kml-nothing-do-share-file"),
            ));
            Cow::Owned(enc.decode_without_bom_handling(bytes).0.into_owned())
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => {
                problems.push(warning(
                    file,
                    Place::File,
                    words!("kml-file-not-utf-8"),
                    words!("kml-if-names-look-garbled"),
                ));
                Cow::Owned(korean(bytes))
            }
        },
    }
}

/// The `encoding` named by an XML declaration (`<?xml version="1.0" encoding="EUC-KR"?>`).
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(256)];
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start();
    if !head.starts_with("<?xml") {
        return None;
    }
    let decl = &head[..head.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].to_string())
}

/// A small tree of one Placemark (or NetworkLink): element names without their prefix.
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    kids: Vec<El>,
}

impl El {
    fn child(&self, name: &str) -> Option<&El> {
        self.kids.iter().find(|k| k.name == name)
    }
    fn children<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s El> + 's {
        self.kids.iter().filter(move |k| k.name == name)
    }
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    /// The trimmed text of a child element, if it has any.
    fn child_text(&self, name: &str) -> Option<String> {
        let t = self.child(name)?.deep_text();
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_string())
    }
    /// Its text and its descendants' text, in order of the children (markup dropped).
    fn deep_text(&self) -> String {
        if self.kids.is_empty() {
            return self.text.clone();
        }
        let mut s = self.text.clone();
        for k in &self.kids {
            s.push_str(&k.deep_text());
        }
        s
    }
}

/// What went wrong reading the XML, and where (a byte offset in the text).
#[derive(Debug)]
enum SyntaxErr {
    Xml(XmlError, usize),
    /// The text ended while these elements were open (the innermost last).
    Eof(Vec<String>),
    TooDeep(usize),
}

/// The parsed document: its name, its features (each with the index of its top-level folder)
/// and its top-level folders' names.
#[derive(Debug, Default)]
struct Doc {
    name: Option<String>,
    features: Vec<(Option<usize>, Feature)>,
    folders: Vec<String>,
}

#[derive(Debug)]
struct Container {
    /// `Document` or `Folder`.
    kind: &'static str,
    /// Depth of its element in the element stack.
    depth: usize,
}

fn parse(ctx: &mut Ctx, text: &str) -> Result<Doc, SyntaxErr> {
    let mut r = Reader::from_str(text);
    r.config_mut().trim_text(false);
    r.config_mut().check_end_names = true;
    let mut doc = Doc::default();
    let mut open: Vec<String> = Vec::new();
    let mut containers: Vec<Container> = Vec::new();
    // The index in `doc.folders` of the top-level folder we are in.
    let mut top_folder: Option<usize> = None;
    let mut documents = 0usize;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| SyntaxErr::Xml(e, r.error_position() as usize))?;
        match ev {
            Event::Start(e) => {
                let name = local(&e);
                match name.as_str() {
                    "Placemark" | "NetworkLink" => {
                        let el = collect(&mut r, &e, false)?;
                        item(ctx, &mut doc, top_folder, el);
                    }
                    "GroundOverlay" | "ScreenOverlay" | "PhotoOverlay" => {
                        ctx.overlays += 1;
                        skip(&mut r, &e)?;
                    }
                    "Document" | "Folder" => {
                        open.push(name.clone());
                        let kind = if name == "Folder" {
                            "Folder"
                        } else {
                            "Document"
                        };
                        if kind == "Document" {
                            documents += 1;
                        }
                        if kind == "Folder" && !containers.iter().any(|c| c.kind == "Folder") {
                            doc.folders.push(String::new());
                            top_folder = Some(doc.folders.len() - 1);
                        }
                        containers.push(Container {
                            kind,
                            depth: open.len(),
                        });
                    }
                    "name" if containers.last().is_some_and(|c| c.depth == open.len()) => {
                        let el = collect(&mut r, &e, false)?;
                        let t = el.deep_text().trim().to_string();
                        let c = containers.last().map_or("", |c| c.kind);
                        let is_top_folder = c == "Folder"
                            && containers.iter().filter(|c| c.kind == "Folder").count() == 1;
                        if c == "Document" && documents == 1 && containers.len() == 1 {
                            doc.name.get_or_insert(t);
                        } else if is_top_folder
                            && let Some(slot) = top_folder.and_then(|i| doc.folders.get_mut(i))
                            && slot.is_empty()
                        {
                            *slot = t;
                        }
                    }
                    _ => open.push(name),
                }
            }
            Event::Empty(e) => {
                let name = local(&e);
                match name.as_str() {
                    "Placemark" | "NetworkLink" => {
                        let el = collect(&mut r, &e, true)?;
                        item(ctx, &mut doc, top_folder, el);
                    }
                    "GroundOverlay" | "ScreenOverlay" | "PhotoOverlay" => ctx.overlays += 1,
                    _ => {}
                }
            }
            Event::End(_) => {
                // quick-xml has checked that it matches the innermost open element.
                if containers.last().is_some_and(|c| c.depth == open.len()) {
                    containers.pop();
                    if !containers.iter().any(|c| c.kind == "Folder") {
                        top_folder = None;
                    }
                }
                open.pop();
            }
            Event::Eof => {
                if !open.is_empty() {
                    return Err(SyntaxErr::Eof(open));
                }
                return Ok(doc);
            }
            _ => {}
        }
    }
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// Reads an element (whose start `e` was just read) and everything in it into a tree.
fn collect(r: &mut Reader<&[u8]>, e: &BytesStart<'_>, empty: bool) -> Result<El, SyntaxErr> {
    let root = El {
        name: local(e),
        attrs: attrs(e),
        ..El::default()
    };
    if empty {
        return Ok(root);
    }
    let mut stack = vec![root];
    loop {
        let ev = r
            .read_event()
            .map_err(|e| SyntaxErr::Xml(e, r.error_position() as usize))?;
        let top = stack
            .last_mut()
            .expect("the stack holds the root until it closes");
        match ev {
            Event::Start(e) => {
                if stack.len() >= MAX_PLACEMARK_DEPTH {
                    return Err(SyntaxErr::TooDeep(r.buffer_position() as usize));
                }
                stack.push(El {
                    name: local(&e),
                    attrs: attrs(&e),
                    ..El::default()
                });
            }
            Event::Empty(e) => top.kids.push(El {
                name: local(&e),
                attrs: attrs(&e),
                ..El::default()
            }),
            Event::Text(t) => top.text.push_str(&t.xml10_content()),
            Event::CData(t) => top.text.push_str(&t.xml10_content()),
            Event::GeneralRef(g) => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    top.text.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&g) {
                    top.text.push_str(s);
                } else {
                    // An entity XML does not define (often HTML's &nbsp;): kept as written.
                    top.text.push('&');
                    top.text.push_str(&g);
                    top.text.push(';');
                }
            }
            Event::End(_) => {
                let done = stack.pop().expect("not empty");
                match stack.last_mut() {
                    Some(parent) => parent.kids.push(done),
                    None => return Ok(done),
                }
            }
            Event::Eof => {
                return Err(SyntaxErr::Eof(stack.into_iter().map(|e| e.name).collect()));
            }
            _ => {}
        }
    }
}

/// Skips an element (whose start `e` was just read) and everything in it.
fn skip(r: &mut Reader<&[u8]>, e: &BytesStart<'_>) -> Result<(), SyntaxErr> {
    let mut depth = 1usize;
    let name = local(e);
    loop {
        match r
            .read_event()
            .map_err(|e| SyntaxErr::Xml(e, r.error_position() as usize))?
        {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(());
                }
            }
            Event::Eof => return Err(SyntaxErr::Eof(vec![name])),
            _ => {}
        }
    }
}

fn attrs(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .filter_map(|a| {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()?
                .into_owned();
            Some((a.key.local_name().as_ref().to_string(), v))
        })
        .collect()
}

/// Turns a syntax error into one problem at its line and column, in plain words.
fn syntax_problem(file: &str, text: &str, e: &SyntaxErr) -> Problem {
    let at = |pos: usize| {
        let pos = pos.min(text.len());
        let (l, c) = line_col(&text.as_bytes()[..pos]);
        Place::LineCol(l, c)
    };
    let check = words!("kml-check-tags");
    let (place, message, hint) = match e {
        SyntaxErr::Eof(open) => (
            at(text.len()),
            words!(
                "kml-ends-before-closed",
                tag = open.last().map_or("kml", String::as_str)
            ),
            words!("kml-incomplete-hint"),
        ),
        SyntaxErr::TooDeep(pos) => (
            at(*pos),
            words!("kml-too-deep", depth = MAX_PLACEMARK_DEPTH),
            words!("kml-too-deep-hint"),
        ),
        SyntaxErr::Xml(x, pos) => {
            let message = match x {
                XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
                    words!(
                        "kml-here-where-expected",
                        found = found,
                        expected = expected
                    )
                }
                XmlError::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
                    words!("kml-closes-tag-never-opened", name = name)
                }
                XmlError::IllFormed(IllFormedError::MissingEndTag(name)) => {
                    words!("kml-never-closed", name = name)
                }
                XmlError::Syntax(SyntaxError::UnclosedTag) => {
                    words!("kml-file-ends-inside-tag")
                }
                XmlError::Syntax(SyntaxError::UnclosedCData) => {
                    words!("kml-cdata-section-never-closed")
                }
                XmlError::Syntax(SyntaxError::UnclosedComment) => {
                    words!("kml-comment-never-closed")
                }
                other => words!("kml-not-valid-xml", other = other),
            };
            (at(*pos), message, check)
        }
    };
    error(file, place, message, hint)
}

/// Handles a Placemark or NetworkLink read whole.
fn item(ctx: &mut Ctx, doc: &mut Doc, folder: Option<usize>, el: El) {
    if el.name == "NetworkLink" {
        ctx.links += 1;
        if ctx.links > MAX_LINK_WARNINGS {
            return;
        }
        let name = el.child_text("name");
        let href = el
            .child("Link")
            .or_else(|| el.child("Url"))
            .and_then(|l| l.child_text("href"));
        let what = match (&name, &href) {
            (Some(n), Some(h)) => words!("kml-link-named-to", name = n, href = h),
            (Some(n), None) => words!("kml-link-named", name = n),
            (None, Some(h)) => words!("kml-link-to", href = h),
            (None, None) => words!("kml-link"),
        };
        let p = warning(
            &ctx.file,
            Place::File,
            words!("kml-not-followed", what = what),
            words!("kml-dateline-never-fetches-from-2"),
        );
        ctx.problems.push(p);
        return;
    }
    ctx.placemarks += 1;
    if let Some(f) = placemark(ctx, &el, ctx.placemarks) {
        doc.features.push((folder, f));
    }
}

/// Orders the features by top-level folder and names the groups, when at least two folders
/// hold placemarks (features outside any folder come first, in a group named after the file's
/// document or "Other places").
fn arrange(out: &mut Loaded, features: Vec<(Option<usize>, Feature)>, folders: &[String]) {
    let mut used: Vec<usize> = features.iter().filter_map(|(g, _)| *g).collect();
    used.sort_unstable();
    used.dedup();
    if used.len() < 2 {
        out.features = features.into_iter().map(|(_, f)| f).collect();
        return;
    }
    let mut buckets: Vec<Vec<Feature>> = vec![Vec::new(); folders.len() + 1];
    for (g, f) in features {
        buckets[g.map_or(0, |i| i + 1)].push(f);
    }
    for (i, b) in buckets.into_iter().enumerate() {
        if b.is_empty() {
            continue;
        }
        let name = match i {
            0 => out
                .name
                .clone()
                .unwrap_or_else(|| "Other places".to_string()),
            i if folders[i - 1].is_empty() => format!("Folder {i}"),
            i => folders[i - 1].clone(),
        };
        let start = out.features.len();
        out.features.extend(b);
        out.groups.push((name, start..out.features.len()));
    }
}

/// Converts one Placemark; `None` (with problems) when its geometry is broken.
fn placemark(ctx: &mut Ctx, el: &El, n: usize) -> Option<Feature> {
    let name = el.child_text("name");
    let path = match &name {
        Some(s) => format!("Placemark {n} (\"{s}\")"),
        None => format!("Placemark {n}"),
    };
    let mut properties = Map::new();
    if let Some(ext) = el.child("ExtendedData") {
        for data in ext.children("Data") {
            if let Some(key) = data.attr("name") {
                let v = data
                    .child("value")
                    .map(|v| v.deep_text().trim().to_string())
                    .unwrap_or_default();
                properties.insert(key.to_string(), Value::String(v));
            }
        }
        for sd in ext.children("SchemaData") {
            for d in sd.children("SimpleData") {
                if let Some(key) = d.attr("name") {
                    let v = d.deep_text().trim().to_string();
                    properties.insert(key.to_string(), Value::String(v));
                }
            }
        }
    }
    if let Some(s) = &name {
        properties.insert("name".into(), Value::String(s.clone()));
    }
    if let Some(d) = el.child_text("description") {
        properties.insert("description".into(), Value::String(d));
    }
    if let Some(w) = el.child("TimeStamp").and_then(|t| t.child_text("when")) {
        properties.insert("timestamp".into(), Value::String(w));
    }
    if let Some(span) = el.child("TimeSpan") {
        for k in ["begin", "end"] {
            if let Some(v) = span.child_text(k) {
                properties.insert(k.into(), Value::String(v));
            }
        }
    }
    let before = ctx.problems.len();
    let mut shapes = Vec::new();
    let mut ok = true;
    for g in &el.kids {
        ok &= geometry(ctx, g, &path, &mut shapes, 0);
    }
    if !ok
        || ctx.problems[before..]
            .iter()
            .any(|p| p.severity == crate::problem::Severity::Error)
    {
        return None;
    }
    Some(Feature {
        id: el.attr("id").map(str::to_string),
        shapes,
        properties,
        path,
    })
}

/// Appends the shapes of a geometry element (anything else is ignored). False when broken.
fn geometry(ctx: &mut Ctx, g: &El, path: &str, out: &mut Vec<Shape>, depth: usize) -> bool {
    match g.name.as_str() {
        "Point" => match coordinates(ctx, g, path) {
            Some(pts) if pts.is_empty() => {
                ctx.warn(
                    path,
                    words!("kml-point-without-coordinates-skipped"),
                    words!("geo-nothing-do"),
                );
                true
            }
            Some(pts) => {
                if pts.len() > 1 {
                    ctx.warn(
                        path,
                        words!("kml-point-positions-only-first", pts = pts.len()),
                        words!("kml-use-linestring-multigeometry-points"),
                    );
                }
                out.push(Shape::Point(pts[0]));
                true
            }
            None => false,
        },
        "LineString" | "LinearRing" => match coordinates(ctx, g, path) {
            Some(pts) => line(ctx, pts, path, out),
            None => false,
        },
        "Track" => {
            let mut pts = Vec::new();
            for c in g.children("coord") {
                let t = c.deep_text();
                let nums: Vec<&str> = t.split_whitespace().collect();
                match position(&nums) {
                    Ok(p) => pts.push(p),
                    Err((m, h)) => {
                        ctx.error(
                            path,
                            words!("kml-gx-track-position", t = t.trim(), m = m),
                            h,
                        );
                        return false;
                    }
                }
            }
            if pts.len() == 1 {
                out.push(Shape::Point(pts[0]));
                true
            } else {
                line(ctx, pts, path, out)
            }
        }
        "Polygon" => polygon(ctx, g, path, out),
        "MultiGeometry" | "MultiTrack" => {
            if depth >= 8 {
                ctx.error(
                    path,
                    words!("kml-multigeometry-nested-more-than"),
                    words!("kml-flatten-multigeometry"),
                );
                return false;
            }
            let mut ok = true;
            for k in &g.kids {
                ok &= geometry(ctx, k, path, out, depth + 1);
            }
            ok
        }
        "Model" => {
            ctx.models += 1;
            true
        }
        _ => true,
    }
}

fn line(ctx: &mut Ctx, mut pts: Vec<LonLat>, path: &str, out: &mut Vec<Shape>) -> bool {
    match pts.len() {
        0 => {
            ctx.warn(
                path,
                words!("geo-empty-line-skipped"),
                words!("geo-nothing-do"),
            );
            true
        }
        1 => {
            ctx.error(
                path,
                words!("geo-line-needs-least-2"),
                words!("geo-add-second-position-make"),
            );
            false
        }
        _ => {
            ctx.fixes.line(&mut pts);
            out.push(Shape::Line(pts));
            true
        }
    }
}

fn polygon(ctx: &mut Ctx, g: &El, path: &str, out: &mut Vec<Shape>) -> bool {
    let Some(outer) = g
        .child("outerBoundaryIs")
        .and_then(|b| b.child("LinearRing"))
    else {
        ctx.error(
            path,
            words!("kml-polygon-no-outer-boundary"),
            words!("kml-add-outer-boundary-delete"),
        );
        return false;
    };
    let mut rings = Vec::new();
    let inner = g
        .children("innerBoundaryIs")
        .flat_map(|b| b.children("LinearRing"));
    for (i, r) in std::iter::once(outer).chain(inner).enumerate() {
        let Some(mut ring) = coordinates(ctx, r, path) else {
            return false;
        };
        if ring.is_empty() {
            if i == 0 {
                ctx.warn(
                    path,
                    words!("geo-empty-polygon-skipped"),
                    words!("geo-nothing-do"),
                );
                return true;
            }
            continue;
        }
        ctx.fixes.close(&mut ring);
        if ring.len() < 4 {
            let what = if i == 0 {
                words!("kml-outer-boundary")
            } else {
                words!("kml-hole")
            };
            ctx.error(
                path,
                words!(
                    "kml-polygon-s-needs-least",
                    what = what,
                    ring = ring.len() - 1
                ),
                words!("kml-add-missing-corners-make"),
            );
            return false;
        }
        ctx.fixes.ring(&mut ring, i == 0);
        rings.push(ring);
    }
    out.push(Shape::Polygon(rings));
    true
}

/// The positions of an element's `<coordinates>`: `lon,lat[,alt]` tuples separated by
/// whitespace (spaces after commas, which some programs write, are tolerated). Empty when
/// there are none; `None` (with an error) when one is not a position on Earth.
fn coordinates(ctx: &mut Ctx, g: &El, path: &str) -> Option<Vec<LonLat>> {
    let Some(c) = g.child("coordinates") else {
        return Some(Vec::new());
    };
    let text = c.deep_text();
    // Drop whitespace next to commas, so "126.9, 37.5" is one tuple.
    let mut joined = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = true;
        } else {
            if pending_space && ch != ',' && !joined.ends_with(',') && !joined.is_empty() {
                joined.push(' ');
            }
            pending_space = false;
            joined.push(ch);
        }
    }
    let mut out = Vec::new();
    for tuple in joined.split(' ').filter(|t| !t.is_empty()) {
        let nums: Vec<&str> = tuple.split(',').collect();
        match position(&nums) {
            Ok(p) => out.push(p),
            Err((m, h)) => {
                let shown: String = tuple.chars().take(60).collect();
                ctx.error(path, words!("kml-coordinates", shown = shown, m = m), h);
                return None;
            }
        }
    }
    Some(out)
}

/// A position from its numbers as written (longitude, latitude, then an ignored altitude).
fn position(nums: &[&str]) -> Result<LonLat, (Words, Words)> {
    if nums.len() < 2 {
        return Err((
            words!("kml-position-needs-longitude-latitude"),
            words!("kml-write-each-position-longitude"),
        ));
    }
    let mut xy = [0.0; 2];
    for (slot, s) in xy.iter_mut().zip(nums) {
        match s.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => *slot = v,
            _ => {
                return Err((
                    words!("kml-not-number", s = s.trim()),
                    words!("kml-fix-number-decimals-use"),
                ));
            }
        }
    }
    check_lonlat(xy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::signed_area;
    use crate::problem::Severity;

    const TWO_LAYERS: &[u8] =
        include_bytes!("../../../../tests/fixtures/kml-samples-two-layers.kml");
    const TWO_LAYERS_KMZ: &[u8] =
        include_bytes!("../../../../tests/fixtures/kml-samples-two-layers.kmz");
    const CDATA: &[u8] = include_bytes!("../../../../tests/fixtures/kml-cdata.kml");

    fn kml(body: &str) -> Loaded {
        let text = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>{body}</Document></kml>"#
        );
        read_kml("t.kml", text.as_bytes())
    }

    fn errors(l: &Loaded) -> Vec<&Problem> {
        l.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect()
    }

    #[test]
    fn reads_the_kml_samples_fixture_with_its_two_folders() {
        let l = read_kml("two_layers.kml", TWO_LAYERS);
        assert!(errors(&l).is_empty(), "{:?}", l.problems);
        assert_eq!(l.name.as_deref(), Some("KML Samples"));
        assert_eq!(l.features.len(), 7);
        assert_eq!(
            l.groups,
            vec![("%Bingo".to_string(), 0..3), ("#Bingo".to_string(), 3..7)]
        );
        let f = &l.features[0];
        assert_eq!(f.str_prop("name"), Some("Simple placemark"));
        assert_eq!(f.path, "Placemark 1 (\"Simple placemark\")");
        let Shape::Point([lon, lat]) = f.shapes[0] else {
            panic!("{:?}", f.shapes)
        };
        assert!((lon - -122.0822035425683).abs() < 1e-6);
        assert!((lat - 37.42228990140251).abs() < 1e-6);
        assert!(
            f.str_prop("description")
                .unwrap()
                .starts_with("Attached to the ground.")
        );
        // An entity reference in text.
        assert!(
            l.features[2]
                .str_prop("description")
                .unwrap()
                .contains("\"tail\"")
        );
        let b = &l.features[3];
        assert_eq!(b.str_prop("name"), Some("Building 40"));
        let Shape::Polygon(rings) = &b.shapes[0] else {
            panic!()
        };
        assert_eq!(rings.len(), 1);
        assert!(signed_area(&rings[0]) > 0.0);
        assert_eq!(rings[0].first(), rings[0].last());
        assert!(
            rings[0]
                .iter()
                .any(|p| (p[0] - -122.0848938459612).abs() < 1e-6
                    && (p[1] - 37.42257124044786).abs() < 1e-6)
        );
    }

    #[test]
    fn reads_the_same_samples_from_a_kmz() {
        let l = read_kmz("two_layers.kmz", TWO_LAYERS_KMZ);
        assert!(errors(&l).is_empty(), "{:?}", l.problems);
        assert_eq!(l.features.len(), 7);
        assert_eq!(l.groups.len(), 2);
        assert_eq!(l.file, "two_layers.kmz");
        // A KMZ opened as KML is still read.
        assert_eq!(read_kml("x.kml", TWO_LAYERS_KMZ).features.len(), 7);
    }

    #[test]
    fn cdata_description_is_kept_as_text() {
        let l = read_kml("cdata.kml", CDATA);
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        assert_eq!(l.features.len(), 1);
        let d = l.features[0].str_prop("description").unwrap();
        assert!(d.starts_with("<h1>CDATA Tags are useful!</h1>"), "{d}");
        assert_eq!(
            l.features[0].shapes,
            vec![Shape::Point([102.595626, 14.996729])]
        );
    }

    #[test]
    fn every_geometry_type_is_read() {
        let l = kml(r#"
<Placemark id="p1"><name>서울</name><Point><coordinates>126.978,37.5665,0</coordinates></Point></Placemark>
<Placemark><LineString><coordinates>126,37 127,38
  128 , 39</coordinates></LineString></Placemark>
<Placemark><LinearRing><coordinates>0,0 1,0 1,1 0,0</coordinates></LinearRing></Placemark>
<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 0,10 10,10 10,0 0,0</coordinates></LinearRing></outerBoundaryIs>
  <innerBoundaryIs><LinearRing><coordinates>2,2 4,2 4,4 2,4 2,2</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
<Placemark><MultiGeometry><Point><coordinates>1,2</coordinates></Point>
  <MultiGeometry><LineString><coordinates>1,2 3,4</coordinates></LineString></MultiGeometry></MultiGeometry></Placemark>
<Placemark><gx:Track><when>2024-01-01T00:00:00Z</when><when>2024-01-01T01:00:00Z</when>
  <gx:coord>126.9 37.5 0</gx:coord><gx:coord>127.0 37.6 0</gx:coord></gx:Track></Placemark>
"#);
        assert!(errors(&l).is_empty(), "{:?}", l.problems);
        let f = &l.features;
        assert_eq!(f.len(), 6);
        assert_eq!(f[0].id.as_deref(), Some("p1"));
        assert_eq!(f[0].str_prop("name"), Some("서울"));
        assert_eq!(f[0].path, "Placemark 1 (\"서울\")");
        assert_eq!(f[0].shapes, vec![Shape::Point([126.978, 37.5665])]);
        assert_eq!(
            f[1].shapes,
            vec![Shape::Line(vec![
                [126.0, 37.0],
                [127.0, 38.0],
                [128.0, 39.0]
            ])]
        );
        assert!(matches!(&f[2].shapes[0], Shape::Line(p) if p.len() == 4));
        let Shape::Polygon(rings) = &f[3].shapes[0] else {
            panic!()
        };
        assert_eq!(rings.len(), 2);
        assert!(signed_area(&rings[0]) > 0.0, "outer counter-clockwise");
        assert!(signed_area(&rings[1]) < 0.0, "hole clockwise");
        assert!(l.problems.iter().any(|p| p.message.contains("rewound")));
        assert_eq!(
            f[4].shapes,
            vec![
                Shape::Point([1.0, 2.0]),
                Shape::Line(vec![[1.0, 2.0], [3.0, 4.0]])
            ]
        );
        assert_eq!(
            f[5].shapes,
            vec![Shape::Line(vec![[126.9, 37.5], [127.0, 37.6]])]
        );
    }

    #[test]
    fn time_and_extended_data_become_properties() {
        let l = kml(r##"
<Placemark><name>A</name><TimeStamp><when>1950-06-25</when></TimeStamp>
  <ExtendedData><Data name="kind"><value>battle</value></Data>
  <SchemaData schemaUrl="#s"><SimpleData name="pop">1000</SimpleData></SchemaData></ExtendedData>
  <Point><coordinates>127,38</coordinates></Point></Placemark>
<Placemark><name>B</name><TimeSpan><begin>1950-06</begin><end>1953-07-27</end></TimeSpan>
  <Point><coordinates>127,38</coordinates></Point></Placemark>
"##);
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        let a = &l.features[0];
        assert_eq!(a.str_prop("timestamp"), Some("1950-06-25"));
        assert_eq!(a.str_prop("kind"), Some("battle"));
        assert_eq!(a.str_prop("pop"), Some("1000"));
        let b = &l.features[1];
        assert_eq!(b.str_prop("begin"), Some("1950-06"));
        assert_eq!(b.str_prop("end"), Some("1953-07-27"));
        assert_eq!(b.str_prop("timestamp"), None);
    }

    #[test]
    fn network_links_are_not_followed() {
        let l = kml(
            r#"<NetworkLink><name>Live data</name><Link><href>http://example.com/live.kml</href></Link></NetworkLink>
<GroundOverlay><Icon><href>http://example.com/map.png</href></Icon></GroundOverlay>"#,
        );
        assert!(l.features.is_empty());
        let w: Vec<_> = l.problems.iter().map(|p| p.to_string()).collect();
        assert!(
            w[0].contains("\"Live data\" (to http://example.com/live.kml) was not followed"),
            "{w:?}"
        );
        assert!(w[0].contains("never fetches from the internet"), "{w:?}");
        assert!(w.iter().any(|p| p.contains("image overlay")), "{w:?}");
        assert!(l.problems.iter().all(|p| p.severity == Severity::Warning));
    }

    #[test]
    fn folders_become_groups_only_when_two_hold_placemarks() {
        let pm = |n: &str| {
            format!(
                "<Placemark><name>{n}</name><Point><coordinates>1,2</coordinates></Point></Placemark>"
            )
        };
        let l = kml(&format!(
            "<name>Doc</name>{}<Folder><name>North</name>{}<Folder><name>Inner</name>{}</Folder></Folder>{}<Folder><name>South</name>{}</Folder>",
            pm("loose"),
            pm("n1"),
            pm("n2"),
            pm("loose2"),
            pm("s1")
        ));
        assert_eq!(l.name.as_deref(), Some("Doc"));
        let names: Vec<_> = l
            .features
            .iter()
            .map(|f| f.str_prop("name").unwrap())
            .collect();
        assert_eq!(names, ["loose", "loose2", "n1", "n2", "s1"]);
        assert_eq!(
            l.groups,
            vec![
                ("Doc".to_string(), 0..2),
                ("North".to_string(), 2..4),
                ("South".to_string(), 4..5)
            ]
        );
        // One folder with placemarks: no groups.
        let l = kml(&format!(
            "<Folder><name>Only</name>{}</Folder><Folder/>",
            pm("a")
        ));
        assert!(l.groups.is_empty());
        assert_eq!(l.features.len(), 1);
    }

    #[test]
    fn malformed_xml_is_one_error_with_its_line() {
        let l = read_kml(
            "bad.kml",
            b"<kml>\n<Document>\n<Placemark><name>x</nam></Placemark>\n</Document></kml>",
        );
        assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
        let p = &l.problems[0];
        assert_eq!(p.severity, Severity::Error);
        assert!(matches!(p.place, Place::LineCol(3, _)), "{p}");
        assert!(p.message.contains("</nam>"), "{p}");
        assert!(!p.hint.is_empty());
        assert!(l.features.is_empty());
        let l = read_kml("cut.kml", b"<kml>\n<Document>\n<Placemark><name>x</name>");
        assert_eq!(l.problems.len(), 1);
        assert!(
            l.problems[0].message.contains("cut short"),
            "{}",
            l.problems[0]
        );
    }

    #[test]
    fn bad_coordinates_refuse_only_their_placemark() {
        let l = kml(
            r#"<Placemark><name>good</name><Point><coordinates>1,2</coordinates></Point></Placemark>
<Placemark><name>swapped</name><Point><coordinates>37.5,126.9</coordinates></Point></Placemark>
<Placemark><name>word</name><Point><coordinates>abc,1</coordinates></Point></Placemark>"#,
        );
        assert_eq!(l.features.len(), 1);
        let e = errors(&l);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].place, Place::Path("Placemark 2 (\"swapped\")".into()));
        assert!(e[0].hint.contains("swapped"));
        assert!(e[1].message.contains("\"abc\" is not a number"), "{}", e[1]);
    }

    #[test]
    fn korean_encodings_are_decoded_with_a_warning() {
        let body = "<?xml version=\"1.0\" encoding=\"EUC-KR\"?><kml><Placemark><name>평양</name><Point><coordinates>125.75,39.02</coordinates></Point></Placemark></kml>";
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(body);
        let l = read_kml("k.kml", &bytes);
        assert_eq!(l.features[0].str_prop("name"), Some("평양"));
        assert_eq!(l.problems.len(), 1);
        assert!(
            l.problems[0].message.contains("EUC-KR"),
            "{}",
            l.problems[0]
        );
        // Not UTF-8 and no declaration: read as CP949, with a warning.
        let undeclared = body.replace(" encoding=\"EUC-KR\"", "");
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(&undeclared);
        let l = read_kml("k.kml", &bytes);
        assert_eq!(l.features[0].str_prop("name"), Some("평양"));
        assert!(l.problems[0].message.contains("not UTF-8"));
    }

    #[test]
    fn not_kml_and_plain_kml_named_kmz() {
        let l = read_kml("x.kml", b"<html><body>404</body></html>");
        assert!(l.is_fatal());
        let l = read_kmz("x.kmz", CDATA);
        assert_eq!(l.features.len(), 1);
        assert!(l.problems[0].message.contains("plain KML"));
        let l = read_kmz("x.kmz", b"hello");
        assert!(l.is_fatal());
        let l = read_kml("e.kml", b"  \n");
        assert!(l.problems[0].message.contains("empty"));
    }

    #[test]
    fn kmz_prefers_doc_kml_and_reports_the_others() {
        let a = b"<kml><Placemark><name>a</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>";
        let d = b"<kml><Placemark><name>d</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>";
        let z =
            archive::tests::zip_of(&[("a.kml", a), ("doc.kml", d), ("files/icon.png", b"\x89PNG")]);
        let l = read_kmz("t.kmz", &z);
        assert_eq!(l.features[0].str_prop("name"), Some("d"));
        assert!(
            l.problems[0].message.contains("2 KML files"),
            "{:?}",
            l.problems
        );
        let z = archive::tests::zip_of(&[("files/icon.png", b"\x89PNG")]);
        assert!(
            read_kmz("t.kmz", &z).problems[0]
                .message
                .contains("no .kml")
        );
    }

    #[test]
    fn truncated_or_garbled_bytes_never_panic() {
        for src in [TWO_LAYERS, CDATA, TWO_LAYERS_KMZ] {
            for cut in (0..src.len()).step_by(src.len() / 97 + 1) {
                let _ = read_kml("t.kml", &src[..cut]);
                let _ = read_kmz("t.kmz", &src[..cut]);
            }
            let mut seed = 0x2545_f491_4f6c_dd1du64;
            for _ in 0..60 {
                let mut b = src.to_vec();
                for _ in 0..8 {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let i = (seed as usize) % b.len();
                    b[i] = (seed >> 32) as u8;
                }
                let _ = read_kml("t.kml", &b);
                let _ = read_kmz("t.kmz", &b);
            }
        }
        let deep = format!(
            "<kml><Placemark>{}</Placemark></kml>",
            "<MultiGeometry>".repeat(100)
        );
        assert!(read_kml("d.kml", deep.as_bytes()).is_fatal());
    }
}
