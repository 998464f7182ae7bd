//! Zipped shapefiles: `.shp` + `.shx` + `.dbf` (+ `.prj`, `.cpg`) in a ZIP archive → features.
//!
//! Geometry is read with the `shapefile` crate, attributes with its `dbase` (record by record,
//! so rows stay paired with shapes), both from memory. Attribute text is decoded as the `.cpg`
//! file says, else as UTF-8, else as Korean CP949 (with a warning). A projected shapefile is
//! converted to longitude/latitude when its `.prj` names a system Dateline knows (the Korean
//! ones, UTM, Web Mercator: see [`to_lonlat`] and `formats::crs`), else refused.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use ::shapefile::dbase::{self, FieldIndex, FieldValue};
use ::shapefile::record::traits::HasXY;
use ::shapefile::{Shape as ShpShape, ShapeReader};
use serde_json::{Map, Number, Value};

use super::archive::{self, base_name};
use super::{Fixes, check_lonlat, encoding_for, encoding_name, error, warning};
use crate::geojson::Loaded;
use crate::model::{Feature, LonLat, Shape, signed_area};
use crate::problem::{Place, Problem, Severity, Words};
use crate::words;

/// The parts of a shapefile Dateline reads, by extension.
const PARTS: [&str; 5] = ["shp", "shx", "dbf", "prj", "cpg"];

/// Reads a ZIP archive holding one or more shapefiles (several: one group each, in the order
/// their files come in the archive). Never panics; every refusal is a [`Problem`].
pub fn read_shapefile_zip(file: &str, bytes: &[u8]) -> Loaded {
    let mut out = Loaded {
        file: file.to_string(),
        ..Default::default()
    };
    let Some(entries) = archive::read_zip(
        file,
        bytes,
        |n| ext_of(n).is_some_and(|e| PARTS.contains(&e.as_str())),
        &mut out.problems,
    ) else {
        return out;
    };
    let sets = sets_of(entries);
    let with_shp: Vec<&Set> = sets.iter().filter(|s| s.shp.is_some()).collect();
    if with_shp.is_empty() {
        let hint = if sets.iter().any(|s| s.dbf.is_some()) {
            words!("shp-archive-only-table-dbf")
        } else {
            words!("shp-zipped-shapefile-holds-least")
        };
        out.problems.push(error(
            file,
            Place::File,
            words!("shp-archive-holds-no-shapefile"),
            hint,
        ));
        return out;
    }
    let mut fixes = Fixes::default();
    for set in &with_shp {
        let start = out.features.len();
        // The crates are careful with damaged files, but a panic in them must not take the
        // app down: it becomes an error like any other.
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut features = Vec::new();
            let mut problems = Vec::new();
            let mut f = Fixes::default();
            read_one(file, set, &mut features, &mut problems, &mut f);
            (features, problems, f)
        }));
        match result {
            Ok((mut features, mut problems, f)) => {
                out.features.append(&mut features);
                out.problems.append(&mut problems);
                fixes.add(&f);
            }
            Err(_) => out.problems.push(error(
                file,
                Place::Path(format!("{}.shp", set.stem)),
                words!("shp-shapefile-damaged-could-not", stem = set.stem),
                words!("shp-export-download-shapefile-again"),
            )),
        }
        if with_shp.len() > 1 {
            out.groups
                .push((set.stem.clone(), start..out.features.len()));
        }
    }
    if with_shp.len() == 1 {
        out.name = Some(with_shp[0].stem.clone());
    }
    fixes.report(file, &mut out.problems);
    out
}

/// The lowercase extension of an entry name.
fn ext_of(name: &str) -> Option<String> {
    let base = base_name(name);
    let (_, ext) = base.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// The files of one shapefile: those with the same name (folder and stem) in the archive.
#[derive(Debug, Default)]
struct Set {
    /// The name without folder or extension, as the user knows it.
    stem: String,
    /// Folder and stem, lowercase: what pairs the parts.
    key: String,
    shp: Option<Vec<u8>>,
    shx: Option<Vec<u8>>,
    dbf: Option<Vec<u8>>,
    prj: Option<Vec<u8>>,
    cpg: Option<Vec<u8>>,
}

fn sets_of(entries: Vec<archive::Entry>) -> Vec<Set> {
    let mut sets: Vec<Set> = Vec::new();
    for e in entries {
        let Some(ext) = ext_of(&e.name) else {
            continue;
        };
        let path = &e.name[..e.name.len() - ext.len() - 1];
        let key = path.to_lowercase();
        let i = match sets.iter().position(|s| s.key == key) {
            Some(i) => i,
            None => {
                sets.push(Set {
                    stem: base_name(path).to_string(),
                    key,
                    ..Set::default()
                });
                sets.len() - 1
            }
        };
        let s = &mut sets[i];
        let slot = match ext.as_str() {
            "shp" => &mut s.shp,
            "shx" => &mut s.shx,
            "dbf" => &mut s.dbf,
            "prj" => &mut s.prj,
            _ => &mut s.cpg,
        };
        slot.get_or_insert(e.bytes);
    }
    sets
}

/// What a `.prj` file says about the coordinates.
#[derive(Debug, Clone, PartialEq)]
enum Crs {
    /// No `.prj`: taken as longitude/latitude.
    Missing,
    /// Longitude/latitude (GEOGCS): used as they are.
    Geographic,
    /// Projected (PROJCS), with its name.
    Projected(String),
    /// Something else (unreadable, or another kind of system).
    Unknown,
}

fn crs_of(prj: &str) -> Crs {
    let t = prj.trim().trim_start_matches('\u{feff}');
    let upper = t.to_ascii_uppercase();
    let name = || {
        t.split('"')
            .nth(1)
            .filter(|n| !n.is_empty())
            .unwrap_or("unnamed")
            .to_string()
    };
    if upper.starts_with("GEOGCS") || upper.starts_with("GEOGCRS") || upper.starts_with("GEODCRS") {
        Crs::Geographic
    } else if upper.starts_with("PROJCS") || upper.starts_with("PROJCRS") {
        Crs::Projected(name())
    } else if t.is_empty() {
        Crs::Missing
    } else {
        Crs::Unknown
    }
}

/// Converts one projected position to longitude/latitude (`None`: it cannot be converted).
type Reprojection = Box<dyn Fn([f64; 2]) -> Option<[f64; 2]>>;

/// Turns the coordinates of a projected coordinate system (its `.prj` text, WKT) into
/// longitude/latitude. The one place where reprojection plugs in: `None` means this system
/// cannot be converted (yet), and such shapefiles are refused with an error.
fn to_lonlat(prj_wkt: &str) -> Option<Reprojection> {
    let r = super::crs::Reprojector::new(super::crs::code_of_wkt(prj_wkt)?)?;
    Some(Box::new(move |[x, y]| r.to_lon_lat(x, y)))
}

/// Reads one shapefile of the archive, appending its features and problems.
fn read_one(
    file: &str,
    set: &Set,
    features: &mut Vec<Feature>,
    problems: &mut Vec<Problem>,
    fixes: &mut Fixes,
) {
    let stem = &set.stem;
    let place = |ext: &str| Place::Path(format!("{stem}.{ext}"));
    let missing = |what: Words, ext: &str| {
        error(
            file,
            place(ext),
            words!("shp-shapefile-no-file", stem = stem, ext = ext, what = what),
            words!("shp-zip-again-together-shapefile", stem = stem, ext = ext),
        )
    };
    let (Some(shp), Some(shx), Some(dbf)) = (&set.shp, &set.shx, &set.dbf) else {
        if set.shx.is_none() {
            problems.push(missing(words!("shp-its-index"), "shx"));
        }
        if set.dbf.is_none() {
            problems.push(missing(words!("shp-its-table"), "dbf"));
        }
        return;
    };
    // Coordinates: longitude/latitude as they are, or converted from a projected system.
    let prj_text = set
        .prj
        .as_deref()
        .map(|b| String::from_utf8_lossy(b).into_owned());
    let crs = prj_text.as_deref().map_or(Crs::Missing, crs_of);
    let convert: Reprojection = match &crs {
        Crs::Projected(name) => match to_lonlat(prj_text.as_deref().unwrap_or("")) {
            Some(f) => {
                let label = super::crs::code_of_wkt(prj_text.as_deref().unwrap_or(""))
                    .and_then(super::crs::known)
                    .map_or_else(|| name.clone(), |k| k.label());
                problems.push(warning(
                    file,
                    place("prj"),
                    words!(
                        "geo-coordinates-converted-longitude-latitude",
                        label = label
                    ),
                    words!("geo-nothing-do"),
                ));
                f
            }
            None => {
                problems.push(error(
                    file,
                    place("prj"),
                    words!("shp-shapefile-projected-coordinate-system", name = name),
                    words!("shp-re-project-longitude-latitude"),
                ));
                return;
            }
        },
        _ => Box::new(Some),
    };
    let Some(mut table) = Table::open(file, set, dbf, problems) else {
        return;
    };
    let mut reader = match ShapeReader::with_shx(Cursor::new(&shp[..]), Cursor::new(&shx[..])) {
        Ok(r) => r,
        Err(e) => {
            problems.push(error(
                file,
                place("shp"),
                words!("shp-shapefile-damaged-could-not-2", stem = stem, e = e),
                words!("shp-export-download-shapefile-again"),
            ));
            return;
        }
    };
    let before = problems.len();
    let mut rows = 0usize;
    let mut skipped_patches = 0usize;
    let mut bad_geometry = 0usize;
    for (i, shape) in reader.iter_shapes().enumerate() {
        let n = i + 1;
        let path = format!("{stem}.shp shape {n}");
        let shape = match shape {
            Ok(s) => s,
            Err(e) => {
                problems.push(error(
                    file,
                    Place::Path(path),
                    words!("shp-shapefile-damaged-from-shape", e = e),
                    words!("shp-export-download-shapefile-again"),
                ));
                break;
            }
        };
        rows = n;
        let (deleted, properties) = table.row(i);
        if deleted {
            continue;
        }
        let shapes = match convert_shape(shape, &*convert, fixes) {
            Ok(Some(s)) => s,
            Ok(None) => {
                skipped_patches += 1;
                Vec::new()
            }
            Err((message, hint)) => {
                bad_geometry += 1;
                // One error per shapefile is enough to act on; the rest are counted.
                if bad_geometry == 1 {
                    problems.push(error(file, Place::Path(path), message, hint));
                }
                continue;
            }
        };
        features.push(Feature {
            id: None,
            shapes,
            properties,
            path,
        });
    }
    if bad_geometry > 1 {
        problems.push(error(
            file,
            place("shp"),
            words!(
                "shp-shapes-all-positions-not",
                bad_geometry = bad_geometry,
                stem = stem
            ),
            if crs == Crs::Missing {
                words!("shp-no-prj-hint")
            } else {
                words!("shp-check-in-gis")
            },
        ));
    }
    let table_rows = table.rows();
    if problems[before..]
        .iter()
        .all(|p| p.severity != Severity::Error)
        && table_rows != rows
    {
        problems.push(warning(
            file,
            place("dbf"),
            words!(
                "shp-table-dbf-rows-but",
                stem = stem,
                table_rows = table_rows,
                rows = rows
            ),
            words!("shp-files-may-come-from"),
        ));
    }
    if skipped_patches > 0 {
        problems.push(warning(
            file,
            place("shp"),
            words!(
                "shp-3d-surface-s-multipatch",
                skipped_patches = skipped_patches
            ),
            words!("geo-nothing-do"),
        ));
    }
    table.report(file, problems);
    match crs {
        Crs::Missing if bad_geometry == 0 => problems.push(warning(
            file,
            place("prj"),
            words!("shp-shapefile-no-prj-file", stem = stem),
            words!("shp-nothing-do-if-map"),
        )),
        Crs::Unknown => problems.push(warning(
            file,
            place("prj"),
            words!("shp-prj-file-could-not"),
            words!("shp-nothing-do-if-map-2"),
        )),
        _ => {}
    }
}

/// Converts a shape: `Ok(None)` for a kind Dateline skips (MultiPatch), `Err` for positions
/// that are not longitude/latitude.
fn convert_shape(
    s: ShpShape,
    convert: &dyn Fn(LonLat) -> Option<LonLat>,
    fixes: &mut Fixes,
) -> Result<Option<Vec<Shape>>, Bad> {
    let pos = |p: &dyn HasXY| -> Result<LonLat, Bad> {
        let xy = [p.x(), p.y()];
        let ll = convert(xy).ok_or_else(|| {
            (
                words!("shp-not-converted", x = xy[0], y = xy[1]),
                words!("shp-check-prj"),
            )
        })?;
        check_lonlat(ll)
    };
    fn all<P: HasXY>(pts: &[P], pos: Pos<'_>) -> Result<Vec<LonLat>, Bad> {
        pts.iter().map(|p| pos(p)).collect()
    }
    let points = |v: Vec<LonLat>| v.into_iter().map(Shape::Point).collect::<Vec<_>>();
    let shapes = match s {
        ShpShape::NullShape => Vec::new(),
        ShpShape::Point(p) => vec![Shape::Point(pos(&p)?)],
        ShpShape::PointM(p) => vec![Shape::Point(pos(&p)?)],
        ShpShape::PointZ(p) => vec![Shape::Point(pos(&p)?)],
        ShpShape::Multipoint(m) => points(all(m.points(), &pos)?),
        ShpShape::MultipointM(m) => points(all(m.points(), &pos)?),
        ShpShape::MultipointZ(m) => points(all(m.points(), &pos)?),
        ShpShape::Polyline(l) => lines(l.parts().iter().map(|p| all(p, &pos)), fixes)?,
        ShpShape::PolylineM(l) => lines(l.parts().iter().map(|p| all(p, &pos)), fixes)?,
        ShpShape::PolylineZ(l) => lines(l.parts().iter().map(|p| all(p, &pos)), fixes)?,
        ShpShape::Polygon(p) => polygons(p.rings().iter().map(|r| all(r.points(), &pos)), fixes)?,
        ShpShape::PolygonM(p) => polygons(p.rings().iter().map(|r| all(r.points(), &pos)), fixes)?,
        ShpShape::PolygonZ(p) => polygons(p.rings().iter().map(|r| all(r.points(), &pos)), fixes)?,
        ShpShape::Multipatch(_) => return Ok(None),
    };
    Ok(Some(shapes))
}

/// Why positions were refused: what is wrong, and what to do.
type Bad = (Words, Words);

type Parts = Result<Vec<LonLat>, Bad>;

/// Reads a position of a shapefile as longitude/latitude.
type Pos<'a> = &'a dyn Fn(&dyn HasXY) -> Result<LonLat, Bad>;

fn lines(parts: impl Iterator<Item = Parts>, fixes: &mut Fixes) -> Result<Vec<Shape>, Bad> {
    let mut out = Vec::new();
    for p in parts {
        let mut p = p?;
        match p.len() {
            0 => {}
            1 => out.push(Shape::Point(p[0])),
            _ => {
                fixes.line(&mut p);
                out.push(Shape::Line(p));
            }
        }
    }
    Ok(out)
}

/// Builds polygons from a shapefile's rings: outer rings are clockwise, holes
/// counter-clockwise, and each hole belongs to the smallest outer ring around it (a hole
/// inside none becomes an outer ring of its own, as other readers do).
fn polygons(rings: impl Iterator<Item = Parts>, fixes: &mut Fixes) -> Result<Vec<Shape>, Bad> {
    let mut outers: Vec<(Vec<LonLat>, f64)> = Vec::new();
    let mut holes: Vec<Vec<LonLat>> = Vec::new();
    for r in rings {
        let mut r = r?;
        if r.is_empty() {
            continue;
        }
        fixes.close(&mut r);
        if r.len() < 4 {
            continue;
        }
        let a = signed_area(&r);
        if a < 0.0 {
            outers.push((r, -a));
        } else if a > 0.0 {
            holes.push(r);
        }
    }
    if outers.is_empty() {
        // All rings wound the other way: a file that did not follow the rule; take them
        // all as outer rings.
        outers = holes
            .drain(..)
            .map(|r| {
                let a = signed_area(&r).abs();
                (r, a)
            })
            .collect();
    }
    let mut polys: Vec<Vec<Vec<LonLat>>> = outers.iter().map(|(r, _)| vec![r.clone()]).collect();
    for h in holes {
        let inside = outers
            .iter()
            .enumerate()
            .filter(|(_, (o, _))| {
                h.iter()
                    .take(h.len() - 1)
                    .all(|&p| contains(o, p) != Some(false))
                    && h.iter().any(|&p| contains(o, p) == Some(true))
            })
            .min_by(|a, b| a.1.1.total_cmp(&b.1.1))
            .map(|(i, _)| i);
        match inside {
            Some(i) => polys[i].push(h),
            None => polys.push(vec![h]),
        }
    }
    let mut out = Vec::with_capacity(polys.len());
    for mut rings in polys {
        for (i, r) in rings.iter_mut().enumerate() {
            // Shapefile order is the opposite of ours: reverse, then let the common
            // normalisation make longitudes continuous (it finds nothing left to rewind).
            if (signed_area(r) > 0.0) != (i == 0) {
                r.reverse();
            }
            fixes.ring(r, i == 0);
        }
        out.push(Shape::Polygon(rings));
    }
    Ok(out)
}

/// Whether `p` is inside `ring` (`Some(true)`), outside (`Some(false)`), or on its edge
/// (`None`), by counting crossings of a ray to the east.
fn contains(ring: &[LonLat], p: LonLat) -> Option<bool> {
    let [x, y] = p;
    let mut inside = false;
    for w in ring.windows(2) {
        let ([x0, y0], [x1, y1]) = (w[0], w[1]);
        // On the edge?
        let cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
        if cross == 0.0 && x >= x0.min(x1) && x <= x0.max(x1) && y >= y0.min(y1) && y <= y0.max(y1)
        {
            return None;
        }
        if (y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) {
            inside = !inside;
        }
    }
    Some(inside)
}

/// The attribute table (`.dbf`), read row by row so rows stay paired with shapes.
struct Table<'a> {
    db: dbase::File<Cursor<&'a [u8]>>,
    names: Vec<String>,
    stem: String,
    /// How text was decoded, when it was a guess (for the warning).
    guessed: Option<&'static encoding_rs::Encoding>,
    /// The `.cpg` named an encoding Dateline does not know.
    unknown_cpg: Option<String>,
    /// Values that could not be read (left empty).
    bad_values: usize,
}

impl<'a> Table<'a> {
    fn open(file: &str, set: &Set, dbf: &'a [u8], problems: &mut Vec<Problem>) -> Option<Self> {
        let cpg = set.cpg.as_deref().map(|b| {
            String::from_utf8_lossy(b)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        });
        let named = cpg
            .as_deref()
            .filter(|c| !c.is_empty())
            .map(|c| (c, encoding_for(c)));
        let (enc, guessed, unknown_cpg) = match named {
            Some((_, Some(enc))) => (enc, None, None),
            other => {
                let enc = if mostly_utf8(dbf) {
                    encoding_rs::UTF_8
                } else {
                    encoding_rs::EUC_KR
                };
                let guessed = (enc != encoding_rs::UTF_8).then_some(enc);
                (enc, guessed, other.map(|(c, _)| c.to_string()))
            }
        };
        let db = dbase::File::open_with_encoding(
            Cursor::new(dbf),
            dbase::encoding::EncodingRs::from(enc),
        );
        match db {
            Ok(db) => {
                let names = db.fields().iter().map(|f| f.name().to_string()).collect();
                Some(Table {
                    db,
                    names,
                    stem: set.stem.clone(),
                    guessed,
                    unknown_cpg,
                    bad_values: 0,
                })
            }
            Err(e) => {
                problems.push(error(
                    file,
                    Place::Path(format!("{}.dbf", set.stem)),
                    words!("shp-table-attributes-dbf-damaged", stem = set.stem, e = e),
                    words!("shp-export-download-shapefile-again"),
                ));
                None
            }
        }
    }

    fn rows(&self) -> usize {
        self.db.num_records()
    }

    /// Row `i`: whether it is marked deleted, and its values (empty past the table's end).
    fn row(&mut self, i: usize) -> (bool, Map<String, Value>) {
        let mut props = Map::new();
        let Some(mut rec) = self.db.record(i) else {
            return (false, props);
        };
        if rec.is_deleted().unwrap_or(false) {
            return (true, props);
        }
        let mut bad = 0;
        for (j, name) in self.names.iter().enumerate() {
            let v = match rec.read_field(FieldIndex(j)) {
                Ok(v) => value(v),
                Err(_) => {
                    bad += 1;
                    Value::Null
                }
            };
            props.insert(name.clone(), v);
        }
        self.bad_values += bad;
        (false, props)
    }

    fn report(&self, file: &str, problems: &mut Vec<Problem>) {
        let place = || Place::Path(format!("{}.dbf", self.stem));
        if let Some(c) = &self.unknown_cpg {
            problems.push(warning(
                file,
                Place::Path(format!("{}.cpg", self.stem)),
                words!("shp-cpg-file-names-text", c = c),
                words!("shp-if-names-look-garbled"),
            ));
        }
        if let Some(enc) = self.guessed {
            problems.push(warning(
                file,
                place(),
                words!(
                    "shp-text-dbf-not-utf",
                    stem = self.stem,
                    enc = encoding_name(enc)
                ),
                words!("shp-if-names-look-garbled-2"),
            ));
        }
        if self.bad_values > 0 {
            problems.push(warning(
                file,
                place(),
                words!(
                    "shp-value-s-dbf-could",
                    bad_values = self.bad_values,
                    stem = self.stem
                ),
                words!("shp-check-table-spreadsheet-gis"),
            ));
        }
    }
}

/// True when the text of a `.dbf` (field names and records) is UTF-8, allowing a few broken
/// characters (programs that cut text to a field's width can split one).
fn mostly_utf8(dbf: &[u8]) -> bool {
    let start = dbf
        .get(8..10)
        .map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])))
        .min(dbf.len());
    let names = dbf
        .get(32..start)
        .unwrap_or(&[])
        .chunks(32)
        .flat_map(|c| &c[..c.len().min(11)]);
    let text: Vec<u8> = names.chain(&dbf[start..]).copied().collect();
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = &text[..];
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (ok, after) = rest.split_at(e.valid_up_to());
                good += std::str::from_utf8(ok)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                bad += 1;
                rest = &after[e.error_len().unwrap_or(after.len()).min(after.len())..];
            }
        }
    }
    bad == 0 || good >= 10 * bad
}

fn value(v: FieldValue) -> Value {
    let num = |f: f64| {
        if f.fract() == 0.0 && f.abs() < 9.0e15 {
            Value::from(f as i64)
        } else {
            Number::from_f64(f).map_or(Value::Null, Value::Number)
        }
    };
    match v {
        FieldValue::Character(s) => s.map_or(Value::Null, Value::String),
        FieldValue::Memo(s) => Value::String(s),
        FieldValue::Numeric(n) => n.map_or(Value::Null, num),
        FieldValue::Float(n) => n.map_or(Value::Null, |f| num(f64::from(f))),
        FieldValue::Integer(i) => Value::from(i),
        FieldValue::Currency(f) | FieldValue::Double(f) => num(f),
        FieldValue::Logical(b) => b.map_or(Value::Null, Value::Bool),
        FieldValue::Date(d) => d.map_or(Value::Null, |d| {
            Value::String(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
        }),
        FieldValue::DateTime(dt) => {
            let (d, t) = (dt.date(), dt.time());
            Value::String(format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                d.year(),
                d.month(),
                d.day(),
                t.hours(),
                t.minutes(),
                t.seconds()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::archive::tests::zip_of;
    use std::io::Read;

    const BLOCKGROUPS: &[u8] = include_bytes!("../../../../tests/fixtures/shp-blockgroups.zip");
    const REL: &[u8] = include_bytes!("../../../../tests/fixtures/shp-rel-projected.zip");

    /// The (name, bytes) entries of a zip fixture.
    fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                let mut b = Vec::new();
                f.read_to_end(&mut b).unwrap();
                (f.name().unwrap().to_string(), b)
            })
            .collect()
    }

    fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), &b[..])).collect();
        zip_of(&refs)
    }

    fn errors(l: &Loaded) -> Vec<&Problem> {
        l.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect()
    }

    #[test]
    fn reads_the_blockgroups_fixture() {
        let l = read_shapefile_zip("blockgroups.zip", BLOCKGROUPS);
        assert!(errors(&l).is_empty(), "{:?}", l.problems);
        assert_eq!(l.features.len(), 663);
        assert_eq!(l.name.as_deref(), Some("blockgroups"));
        assert!(l.groups.is_empty());
        // No .prj in this archive: taken as longitude/latitude, with a warning.
        assert!(
            l.problems.iter().any(|p| p.message.contains("no .prj")),
            "{:?}",
            l.problems
        );
        let f = &l.features[0];
        assert_eq!(f.path, "blockgroups.shp shape 1");
        assert_eq!(f.str_prop("BKG_KEY"), Some("060750179029"));
        assert_eq!(f.properties["POP1990"], Value::from(4531));
        assert_eq!(f.properties["POP90_SQMI"], Value::from(4682.7));
        // Four rings: three outer rings, one of them with a hole.
        assert_eq!(f.shapes.len(), 3);
        let rings: Vec<usize> = f
            .shapes
            .iter()
            .map(|s| match s {
                Shape::Polygon(r) => r.len(),
                _ => panic!("{s:?}"),
            })
            .collect();
        assert_eq!(rings.iter().sum::<usize>(), 4);
        assert!(rings.contains(&2));
        for s in &f.shapes {
            let Shape::Polygon(r) = s else { panic!() };
            assert!(signed_area(&r[0]) > 0.0, "outer ring counter-clockwise");
            for h in &r[1..] {
                assert!(signed_area(h) < 0.0, "hole clockwise");
            }
            assert!(r.iter().all(|ring| ring.first() == ring.last()));
        }
        // The first position of the first shape, as pyshp reads it.
        let all: Vec<LonLat> = f
            .shapes
            .iter()
            .flat_map(|s| match s {
                Shape::Polygon(r) => r.concat(),
                _ => vec![],
            })
            .collect();
        assert!(
            all.iter()
                .any(|p| (p[0] - -122.420391).abs() < 1e-6 && (p[1] - 37.863433).abs() < 1e-6)
        );
        // Shape 612: one outer ring with one hole.
        let Shape::Polygon(r) = &l.features[611].shapes[0] else {
            panic!()
        };
        assert_eq!((l.features[611].shapes.len(), r.len()), (1, 2));
        assert_eq!(l.features[662].str_prop("BKG_KEY"), Some("060816016021"));
        // No warning about rewinding: shapefile winding is expected, not a fault.
        assert!(!l.problems.iter().any(|p| p.message.contains("rewound")));
    }

    #[test]
    fn a_projected_shapefile_is_refused_naming_its_system() {
        let l = read_shapefile_zip("REL.zip", REL);
        assert!(l.features.is_empty());
        let e = errors(&l);
        assert_eq!(e.len(), 1, "{:?}", l.problems);
        assert!(
            e[0].message.contains(
                "projected coordinate system Dateline does not know (MGI_Austria_Lambert)"
            ),
            "{}",
            e[0]
        );
        assert_eq!(e[0].place, Place::Path("releaseArea20090407.prj".into()));
        assert!(e[0].hint.contains("EPSG:4326"));
    }

    #[test]
    fn several_shapefiles_become_groups() {
        let mut entries = unzip(BLOCKGROUPS);
        let copies: Vec<(String, Vec<u8>)> = entries
            .iter()
            .map(|(n, b)| {
                (
                    format!("second/{}", n.replace("blockgroups", "Second")),
                    b.clone(),
                )
            })
            .collect();
        entries.extend(copies);
        let l = read_shapefile_zip("two.zip", &rezip(&entries));
        assert!(errors(&l).is_empty(), "{:?}", l.problems);
        assert_eq!(l.features.len(), 2 * 663);
        assert_eq!(
            l.groups,
            vec![
                ("blockgroups".to_string(), 0..663),
                ("Second".to_string(), 663..1326)
            ]
        );
        assert_eq!(l.features[663].path, "Second.shp shape 1");
        assert_eq!(l.name, None);
    }

    #[test]
    fn missing_parts_are_named() {
        let entries: Vec<_> = unzip(BLOCKGROUPS)
            .into_iter()
            .filter(|(n, _)| !n.ends_with(".dbf") && !n.ends_with(".shx"))
            .collect();
        let l = read_shapefile_zip("x.zip", &rezip(&entries));
        let e: Vec<String> = errors(&l).iter().map(|p| p.to_string()).collect();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].contains("has no .shx file"), "{e:?}");
        assert!(e[1].contains("has no .dbf file"), "{e:?}");
        let l = read_shapefile_zip("x.zip", &zip_of(&[("readme.txt", b"hi")]));
        assert!(errors(&l)[0].message.contains("no shapefile"));
    }

    /// A one-field table (NAME, 20 characters) with the given raw values.
    fn dbf(values: &[&[u8]]) -> Vec<u8> {
        let mut b = vec![0x03, 124, 1, 1];
        b.extend((values.len() as u32).to_le_bytes());
        b.extend(65u16.to_le_bytes()); // header: 32 + one field of 32 + terminator
        b.extend(21u16.to_le_bytes()); // record: deletion flag + 20
        b.extend([0u8; 20]);
        let mut name = [0u8; 11];
        name[..4].copy_from_slice(b"NAME");
        b.extend(name);
        b.push(b'C');
        b.extend([0u8; 4]);
        b.push(20);
        b.push(0);
        b.extend([0u8; 14]);
        b.push(0x0d);
        for v in values {
            b.push(b' ');
            let mut cell = [b' '; 20];
            cell[..v.len()].copy_from_slice(v);
            b.extend(cell);
        }
        b.push(0x1a);
        b
    }

    /// The point shapefile (.shp, .shx) of the given lon/lat points.
    fn points(pts: &[[f64; 2]]) -> (Vec<u8>, Vec<u8>) {
        let header = |len_words: usize| {
            let mut h = Vec::new();
            h.extend(9994i32.to_be_bytes());
            h.extend([0u8; 20]);
            h.extend((len_words as i32).to_be_bytes());
            h.extend(1000i32.to_le_bytes());
            h.extend(1i32.to_le_bytes());
            h.extend([0u8; 64]);
            h
        };
        let mut shp = header(50 + pts.len() * 14);
        let mut shx = header(50 + pts.len() * 4);
        for (i, p) in pts.iter().enumerate() {
            shx.extend(((100 + i * 28) as i32 / 2).to_be_bytes());
            shx.extend(10i32.to_be_bytes());
            shp.extend((i as i32 + 1).to_be_bytes());
            shp.extend(10i32.to_be_bytes());
            shp.extend(1i32.to_le_bytes());
            shp.extend(p[0].to_le_bytes());
            shp.extend(p[1].to_le_bytes());
        }
        (shp, shx)
    }

    #[test]
    fn korean_attributes_are_decoded_from_cpg_or_guessed() {
        let (shp, shx) = points(&[[126.978, 37.5665], [129.075, 35.18]]);
        let (seoul, _, _) = encoding_rs::EUC_KR.encode("서울");
        let (busan, _, _) = encoding_rs::EUC_KR.encode("부산");
        let table = dbf(&[&seoul, &busan]);
        let with_cpg = zip_of(&[
            ("cities.shp", &shp),
            ("cities.shx", &shx),
            ("cities.dbf", &table),
            ("cities.cpg", b"CP949"),
            ("cities.prj", br#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]"#),
        ]);
        let l = read_shapefile_zip("cities.zip", &with_cpg);
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        assert_eq!(l.features[0].str_prop("NAME"), Some("서울"));
        assert_eq!(l.features[1].str_prop("NAME"), Some("부산"));
        assert_eq!(l.features[1].shapes, vec![Shape::Point([129.075, 35.18])]);
        // Without a .cpg: not UTF-8, so read as CP949 with a warning.
        let guessed = zip_of(&[
            ("cities.shp", &shp),
            ("cities.shx", &shx),
            ("cities.dbf", &table),
        ]);
        let l = read_shapefile_zip("cities.zip", &guessed);
        assert_eq!(l.features[0].str_prop("NAME"), Some("서울"));
        assert!(
            l.problems
                .iter()
                .any(|p| p.message.contains("read as Korean")),
            "{:?}",
            l.problems
        );
        // UTF-8 text is read as UTF-8 without a word.
        let utf8 = dbf(&["서울".as_bytes(), "부산".as_bytes()]);
        let plain = zip_of(&[
            ("cities.shp", &shp),
            ("cities.shx", &shx),
            ("cities.dbf", &utf8),
        ]);
        let l = read_shapefile_zip("cities.zip", &plain);
        assert_eq!(l.features[1].str_prop("NAME"), Some("부산"));
        assert!(!l.problems.iter().any(|p| p.message.contains("Korean")));
    }

    #[test]
    fn projected_coordinates_without_a_prj_are_refused() {
        let (shp, shx) = points(&[[955000.5, 1950000.25]]);
        let z = zip_of(&[("m.shp", &shp), ("m.shx", &shx), ("m.dbf", &dbf(&[b"a"]))]);
        let l = read_shapefile_zip("m.zip", &z);
        assert!(l.features.is_empty());
        assert!(errors(&l)[0].hint.contains("metres"), "{:?}", l.problems);
    }

    #[test]
    fn holes_go_to_the_outer_ring_around_them() {
        let sq = |x: f64, y: f64, s: f64| {
            // Clockwise, as a shapefile's outer ring.
            vec![[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]]
        };
        let ccw = |r: Vec<LonLat>| r.into_iter().rev().collect::<Vec<_>>();
        let rings = vec![
            Ok(sq(0.0, 0.0, 10.0)),
            Ok(sq(20.0, 0.0, 10.0)),
            Ok(ccw(sq(22.0, 2.0, 2.0))),
            Ok(ccw(sq(50.0, 50.0, 1.0))),
        ];
        let mut fixes = Fixes::default();
        let polys = polygons(rings.into_iter(), &mut fixes).unwrap();
        let counts: Vec<usize> = polys
            .iter()
            .map(|p| match p {
                Shape::Polygon(r) => r.len(),
                _ => 0,
            })
            .collect();
        assert_eq!(counts, [1, 2, 1]);
        for p in &polys {
            let Shape::Polygon(r) = p else { panic!() };
            assert!(signed_area(&r[0]) > 0.0);
        }
    }

    #[test]
    fn prj_kinds_are_recognised() {
        assert_eq!(crs_of("GEOGCS[\"GCS_WGS_1984\"]"), Crs::Geographic);
        assert_eq!(
            crs_of("PROJCS[\"Korea_2000_Korea_Unified_Coordinate_System\",GEOGCS[…]]"),
            Crs::Projected("Korea_2000_Korea_Unified_Coordinate_System".into())
        );
        assert_eq!(crs_of("  "), Crs::Missing);
        assert_eq!(crs_of("garbage"), Crs::Unknown);
        assert!(to_lonlat("PROJCS[\"x\"]").is_none());
        // A Korean system is converted: Seoul City Hall in EPSG:5179 (cs2cs, PROJ 9).
        let utmk = to_lonlat(
            r#"PROJCS["Korea_2000_Korea_Unified_Coordinate_System",GEOGCS["GCS_Korea_2000"]]"#,
        )
        .unwrap();
        let [lon, lat] = utmk([953_901.165, 1_952_032.081]).unwrap();
        assert!(
            (lon - 126.978).abs() < 1e-6 && (lat - 37.5665).abs() < 1e-6,
            "{lon} {lat}"
        );
    }

    #[test]
    fn truncated_or_garbled_bytes_never_panic() {
        for src in [BLOCKGROUPS, REL] {
            for cut in (0..src.len()).step_by(src.len() / 47 + 1) {
                let _ = read_shapefile_zip("t.zip", &src[..cut]);
            }
        }
        // Damage inside the shapefile's parts (the archive itself stays sound).
        let entries = unzip(BLOCKGROUPS);
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..24 {
            let mut e = entries.clone();
            for (name, b) in e.iter_mut() {
                if name.ends_with(".sbn") || name.ends_with(".sbx") {
                    continue;
                }
                match round % 3 {
                    0 => {
                        let keep = (seed as usize) % (b.len() + 1);
                        b.truncate(keep);
                    }
                    _ => {
                        for _ in 0..16 {
                            seed ^= seed << 13;
                            seed ^= seed >> 7;
                            seed ^= seed << 17;
                            let i = (seed as usize) % b.len().max(1);
                            if let Some(x) = b.get_mut(i) {
                                *x = (seed >> 40) as u8;
                            }
                            // Hit the headers often: they hold the counts and sizes.
                            let j = (seed as usize >> 8) % 120;
                            if let Some(x) = b.get_mut(j) {
                                *x ^= (seed >> 16) as u8;
                            }
                        }
                    }
                }
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            }
            let _ = read_shapefile_zip("t.zip", &rezip(&e));
        }
    }
}
