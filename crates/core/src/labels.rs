//! Label candidates and collision-free placement in screen space.
//!
//! Candidates come from the atlas's places (countries, capitals, cities, provinces, seas),
//! each with a rank (capitals and the places of the news first, then cities by population),
//! a zoom from which it may show, and text measured with the bundled font. Placement is greedy
//! by rank: each label tries a few positions around its anchor (right, left, above, below the
//! city dot; centred for areas and seas), trying its previous position first so labels do not
//! jump while the map pans, and takes the first that stays on the free part of the screen and
//! overlaps no placed label, dot or obstacle. A uniform grid finds the overlaps.

use std::collections::HashMap;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::atlas::{Atlas, Place, PlaceKind};
use super::model::Lang;
use super::projection::Projection;
use super::view::{MapView, km_per_px};

/// A screen rectangle `[left, top, right, bottom]` in pixels.
pub type Rect = [f64; 4];

/// True when two rectangles overlap (touching edges do not count).
pub fn overlaps(a: &Rect, b: &Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Measures text with the bundled font (advance widths; no kerning, so slightly wide).
pub struct TextMeasure {
    font: FontRef<'static>,
}

impl TextMeasure {
    /// A measure for the bundled font (Dateline Sans KR).
    pub fn bundled() -> TextMeasure {
        TextMeasure {
            font: FontRef::new(super::atlas::bundled::FONT)
                .expect("the bundled font is a valid OpenType font"),
        }
    }

    /// The characters of `text` the font has no glyph for (controls and spaces aside).
    pub fn missing(&self, text: &str) -> Vec<char> {
        missing_glyphs(&self.font, text)
    }

    /// Width of `text` in ems (multiply by the font size in pixels).
    pub fn width_em(&self, text: &str) -> f64 {
        let charmap = self.font.charmap();
        let metrics = self
            .font
            .glyph_metrics(Size::new(1.0), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|g| metrics.advance_width(g))
                    .unwrap_or(if c.is_ascii() { 0.6 } else { 1.0 }) as f64
            })
            .sum()
    }
}

/// The characters of `text` a font (OpenType bytes) has no glyph for, controls and
/// whitespace aside; every character when the bytes are not a font.
pub fn missing_in_font(font: &[u8], text: &str) -> Vec<char> {
    match FontRef::new(font) {
        Ok(f) => missing_glyphs(&f, text),
        Err(_) => text.chars().collect(),
    }
}

fn missing_glyphs(font: &FontRef<'_>, text: &str) -> Vec<char> {
    let charmap = font.charmap();
    let mut out: Vec<char> = text
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && charmap.map(*c).is_none())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// A country, at an interior point.
    Country,
    /// A capital city (dot drawn distinct).
    Capital,
    /// A city (or a district of the news).
    City,
    /// A province, at mid zoom.
    Province,
    /// A sea, strait or ocean.
    Sea,
    /// A line on the map (the Military Demarcation Line).
    Line,
}

impl LabelKind {
    /// The name used in the scene description.
    pub fn code(self) -> &'static str {
        match self {
            LabelKind::Country => "country",
            LabelKind::Capital => "capital",
            LabelKind::City => "city",
            LabelKind::Province => "province",
            LabelKind::Sea => "sea",
            LabelKind::Line => "line",
        }
    }

    /// Whether the label sits beside a dot (cities) or is centred on its anchor (areas).
    pub fn has_dot(self) -> bool {
        matches!(self, LabelKind::Capital | LabelKind::City)
    }
}

/// Places of the news, most central first: (name as in the data, rank, zoom from which it
/// shows). The three at the heart of the story come even before capitals.
pub const STORY_PLACES: [(&str, f64, f64); 17] = [
    ("Hamhung", 0.90, 3.5),
    ("Kursk", 0.91, 3.5),
    ("Vladivostok", 0.92, 3.5),
    ("Kharkiv", 1.45, 3.5),
    ("Chongjin", 1.46, 4.0),
    ("Sinpo", 1.50, 4.5),
    ("Rajin", 1.50, 4.5),
    ("Ussuriysk", 1.52, 5.0),
    ("Khabarovsk", 1.52, 4.5),
    ("Blagoveshchensk", 1.52, 4.5),
    ("Zaporizhzhia", 1.52, 4.5),
    ("Sudzha", 1.55, 5.5),
    ("Ryongsong", 1.60, 6.5),
    ("Sohae", 1.55, 5.5),
    ("Tumangang", 1.56, 6.0),
    ("Khasan", 1.57, 6.0),
    ("Pyongyang", 1.00, 0.0),
];

/// One label source: a place with its text measured once per language.
#[derive(Debug, Clone)]
pub struct LabelSource {
    /// Index of the place in the atlas (stable id).
    pub place: usize,
    /// What it names.
    pub kind: LabelKind,
    /// Font size in pixels.
    pub font_px: f64,
    /// Text in the current language.
    pub text: String,
    /// Text width in ems.
    pub width_em: f64,
    /// Plane position (km).
    pub plane: [f64; 2],
    /// Longitude, latitude.
    pub lonlat: [f64; 2],
    /// Lower ranks are placed first.
    pub rank: f64,
    /// The zoom from which it may show.
    pub min_zoom: f64,
    /// For areas (countries): their size in km; the label shows only when the area is at
    /// least [`AREA_FIT`] times the label's width on screen.
    pub extent_km: Option<f64>,
}

/// How wide (relative to its label) an area must be on screen for its name to show.
pub const AREA_FIT: f64 = 0.8;

impl LabelSource {
    /// Label size in pixels (width, height), with a little room for the halo.
    pub fn size(&self) -> [f64; 2] {
        [
            (self.width_em * self.font_px).ceil() + 4.0,
            (self.font_px * 1.3).ceil(),
        ]
    }
}

fn kind_of(place: &Place) -> Option<LabelKind> {
    Some(match place.kind {
        PlaceKind::Country => LabelKind::Country,
        PlaceKind::Capital => LabelKind::Capital,
        PlaceKind::Province | PlaceKind::Area => LabelKind::Province,
        PlaceKind::Sea
        | PlaceKind::Strait
        | PlaceKind::Ocean
        | PlaceKind::Bay
        | PlaceKind::River => LabelKind::Sea,
        _ if place.is_spot() => LabelKind::City,
        _ => return None,
    })
}

/// Builds the label sources for the atlas's places in a language.
pub fn sources(
    atlas: &Atlas,
    lang: Lang,
    measure: &TextMeasure,
    proj: &impl Projection,
) -> Vec<LabelSource> {
    let places = &atlas.places;
    // A country's size on the map (square root of its area), so its name shows only once
    // the country is big enough on screen to hold it.
    let extent: HashMap<&str, f64> = atlas
        .countries
        .iter()
        .map(|c| (c.iso3.as_str(), c.mesh.area().sqrt()))
        .collect();
    let city_names: std::collections::HashSet<&str> = places
        .iter()
        .filter(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Capital))
        .map(|p| p.name.as_str())
        .collect();
    places
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let kind = kind_of(p)?;
            let story = STORY_PLACES.iter().find(|s| s.0 == p.name);
            let pop = p.population.unwrap_or(0) as f64;
            let pop_rank = 1.0 - (pop.max(1.0).log10() / 8.0).min(1.0);
            if kind == LabelKind::Province && city_names.contains(p.name.as_str()) {
                // City-provinces (Beijing, Seoul, Tokyo…): the city's label names them.
                return None;
            }
            let (rank, min_zoom, font_px) = match (kind, p.kind) {
                // After capitals and the places of the news, which sit at fixed points;
                // a country's name can move within the country.
                (LabelKind::Country, _) => (1.8, 0.0, 15.0),
                // Capitals from the world view on, except the smallest (island territories'
                // seats of a few hundred people), which wait until zoomed in.
                (LabelKind::Capital, _) if pop < 1e5 => (1.0 + pop_rank * 0.5, 3.5, 13.0),
                (LabelKind::Capital, _) => (1.0 + pop_rank * 0.5, 0.0, 14.0),
                (LabelKind::City, _) if story.is_some() => {
                    let (_, rank, zoom) = story.copied().unwrap_or(("", 1.5, 4.0));
                    (rank, zoom, 13.0)
                }
                (LabelKind::City, PlaceKind::District | PlaceKind::Site | PlaceKind::Town) => {
                    (1.6, 6.5, 12.0)
                }
                // Dokdo and Ulleungdo: small, far out at sea, shown from the Korea view on.
                (LabelKind::City, PlaceKind::Island) => (1.4, 5.5, 12.0),
                (LabelKind::City, _) => {
                    let z = match pop {
                        p if p >= 5e6 => 3.0,
                        p if p >= 1e6 => 4.0,
                        p if p >= 5e5 => 5.0,
                        p if p >= 2e5 => 6.0,
                        p if p >= 5e4 => 6.5,
                        _ => 7.5,
                    };
                    (3.0 + pop_rank, z, if pop >= 1e6 { 13.0 } else { 12.0 })
                }
                (LabelKind::Province, PlaceKind::Area) => (4.5, 5.0, 11.0),
                (LabelKind::Province, _) => {
                    let korea = matches!(p.country.as_deref(), Some("KR" | "KP"));
                    (5.0, if korea { 5.0 } else { 5.8 }, 11.0)
                }
                (LabelKind::Sea, PlaceKind::Strait | PlaceKind::Bay) => (2.5, 5.0, 12.0),
                (LabelKind::Sea, PlaceKind::River) => (2.8, 4.5, 11.0),
                (LabelKind::Sea, _) => (2.0, 0.0, 13.0),
                (LabelKind::Line, _) => (0.5, 5.5, 12.0),
            };
            let en = if kind == LabelKind::Country {
                p.name.to_uppercase()
            } else {
                p.name.clone()
            };
            let text = lang.label(&en, p.name_ko.as_deref());
            Some(LabelSource {
                place: i,
                kind,
                font_px,
                width_em: measure.width_em(&text),
                text,
                plane: proj.project(p.lonlat),
                lonlat: p.lonlat,
                rank,
                min_zoom,
                extent_km: (kind == LabelKind::Country)
                    .then(|| p.country.as_deref().and_then(|c| extent.get(c).copied()))
                    .flatten(),
            })
        })
        .collect()
}

/// Where a label sits relative to its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// Centred on the anchor (areas, seas).
    Center,
    /// Right of the dot, `gap` pixels away (as an index into [`GAPS`]).
    Right(u8),
    /// Left of the dot.
    Left(u8),
    /// Above the dot.
    Above(u8),
    /// Below the dot.
    Below(u8),
    /// Above and to the right of the dot.
    UpRight(u8),
    /// Below and to the right.
    DownRight(u8),
    /// Above and to the left.
    UpLeft(u8),
    /// Below and to the left.
    DownLeft(u8),
    /// An area label moved off its anchor (index into [`SHIFTS`]).
    Shifted(u8),
}

/// Moves tried for area labels (countries, seas) when the centre is taken, as fractions of
/// the label's width and height.
pub const SHIFTS: [(f64, f64); 6] = [
    (0.0, -1.2),
    (0.0, 1.2),
    (-0.4, 0.0),
    (0.4, 0.0),
    (0.0, -2.4),
    (0.0, 2.4),
];

/// Gaps between a dot and its label: close, then clear of an event marker on the same place,
/// then clear of markers next to it.
pub const GAPS: [f64; 3] = [4.0, 13.0, 24.0];
/// Candidates ranked below this (capitals, places of the news) keep their dots clear of
/// other labels even before they are placed.
pub const RESERVE_RANK: f64 = 2.0;
/// Radius of a city dot (pixels).
pub const DOT_PX: f64 = 3.5;

const DOT_POSITIONS: [Pos; 20] = [
    Pos::Right(0),
    Pos::Left(0),
    Pos::Above(0),
    Pos::Below(0),
    Pos::UpRight(0),
    Pos::DownRight(0),
    Pos::UpLeft(0),
    Pos::DownLeft(0),
    Pos::Right(1),
    Pos::Left(1),
    Pos::Above(1),
    Pos::Below(1),
    Pos::UpRight(1),
    Pos::DownRight(1),
    Pos::UpLeft(1),
    Pos::DownLeft(1),
    Pos::Right(2),
    Pos::Left(2),
    Pos::Above(2),
    Pos::Below(2),
];
const AREA_POSITIONS: [Pos; 7] = [
    Pos::Center,
    Pos::Shifted(0),
    Pos::Shifted(1),
    Pos::Shifted(2),
    Pos::Shifted(3),
    Pos::Shifted(4),
    Pos::Shifted(5),
];

/// The rectangle of a label of `size` at `pos` around `anchor`.
pub fn rect_at(pos: Pos, anchor: [f64; 2], size: [f64; 2]) -> Rect {
    let [x, y] = anchor;
    let [w, h] = size;
    let g = |i: u8| GAPS[i as usize] + DOT_PX;
    match pos {
        Pos::Center => [x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0],
        Pos::Right(i) => [x + g(i), y - h / 2.0, x + g(i) + w, y + h / 2.0],
        Pos::Left(i) => [x - g(i) - w, y - h / 2.0, x - g(i), y + h / 2.0],
        Pos::Above(i) => [x - w / 2.0, y - g(i) - h, x + w / 2.0, y - g(i)],
        Pos::Below(i) => [x - w / 2.0, y + g(i), x + w / 2.0, y + g(i) + h],
        Pos::UpRight(i) => {
            let d = g(i) * 0.7;
            [x + d, y - d - h, x + d + w, y - d]
        }
        Pos::DownRight(i) => {
            let d = g(i) * 0.7;
            [x + d, y + d, x + d + w, y + d + h]
        }
        Pos::UpLeft(i) => {
            let d = g(i) * 0.7;
            [x - d - w, y - d - h, x - d, y - d]
        }
        Pos::DownLeft(i) => {
            let d = g(i) * 0.7;
            [x - d - w, y + d, x - d, y + d + h]
        }
        Pos::Shifted(i) => {
            let (fx, fy) = SHIFTS[i as usize];
            let (cx, cy) = (x + fx * w, y + fy * h);
            [cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0]
        }
    }
}

/// A label to place this frame.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Stable id (the place index).
    pub id: usize,
    /// Lower is placed first.
    pub rank: f64,
    /// Anchor pixel.
    pub anchor: [f64; 2],
    /// Size in pixels.
    pub size: [f64; 2],
    /// Beside a dot (cities) or centred (areas).
    pub dot: bool,
}

/// A placed label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The candidate's id.
    pub id: usize,
    /// Where it went.
    pub pos: Pos,
    /// Its rectangle.
    pub rect: Rect,
}

/// The candidates for a view: sources that may show at this zoom with anchors on screen.
pub fn candidates(sources: &[LabelSource], view: &MapView, size: [f64; 2]) -> Vec<Candidate> {
    candidates_by(sources, view.zoom, size, |s| {
        Some(view.to_pixel(s.plane, size))
    })
}

/// The candidates for any projection: `pixel_of` gives a source's anchor pixel, or `None`
/// when it cannot be seen (the far side of the globe); `zoom` is the map-equivalent zoom.
pub fn candidates_by(
    sources: &[LabelSource],
    zoom: f64,
    size: [f64; 2],
    pixel_of: impl Fn(&LabelSource) -> Option<[f64; 2]>,
) -> Vec<Candidate> {
    sources
        .iter()
        .filter(|s| zoom >= s.min_zoom)
        .filter(|s| {
            s.extent_km
                .is_none_or(|e| e / km_per_px(zoom) >= AREA_FIT * s.size()[0])
        })
        .filter_map(|s| {
            let anchor = pixel_of(s)?;
            let inside = anchor[0] >= -50.0
                && anchor[1] >= -50.0
                && anchor[0] <= size[0] + 50.0
                && anchor[1] <= size[1] + 50.0;
            inside.then(|| Candidate {
                id: s.place,
                rank: s.rank,
                anchor,
                size: s.size(),
                dot: s.kind.has_dot(),
            })
        })
        .collect()
}

/// A uniform grid over the screen holding rectangles, for fast overlap tests.
struct Grid {
    cell: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
}

impl Grid {
    fn new(bounds: Rect, cell: f64) -> Grid {
        let cols = ((bounds[2].max(1.0)) / cell).ceil() as usize + 1;
        let rows = ((bounds[3].max(1.0)) / cell).ceil() as usize + 1;
        Grid {
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
        }
    }

    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let c = |v: f64, n: usize| ((v / self.cell).floor().max(0.0) as usize).min(n - 1);
        (
            c(r[0], self.cols),
            c(r[1], self.rows),
            c(r[2], self.cols),
            c(r[3], self.rows),
        )
    }

    fn hits(&self, r: &Rect) -> bool {
        let (x0, y0, x1, y1) = self.span(r);
        (y0..=y1).any(|y| {
            (x0..=x1).any(|x| {
                self.cells[y * self.cols + x]
                    .iter()
                    .any(|&i| overlaps(&self.rects[i as usize], r))
            })
        })
    }

    fn insert(&mut self, r: Rect) {
        let i = self.rects.len() as u32;
        let (x0, y0, x1, y1) = self.span(&r);
        for y in y0..=y1 {
            for x in x0..=x1 {
                self.cells[y * self.cols + x].push(i);
            }
        }
        self.rects.push(r);
    }
}

fn inside(r: &Rect, b: &Rect) -> bool {
    r[0] >= b[0] && r[1] >= b[1] && r[2] <= b[2] && r[3] <= b[3]
}

fn dot_rect(a: [f64; 2]) -> Rect {
    [a[0] - DOT_PX, a[1] - DOT_PX, a[0] + DOT_PX, a[1] + DOT_PX]
}

fn order(cands: &[Candidate]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..cands.len()).collect();
    idx.sort_by(|&a, &b| {
        cands[a]
            .rank
            .total_cmp(&cands[b].rank)
            .then(cands[a].id.cmp(&cands[b].id))
    });
    idx
}

fn positions<'a>(c: &Candidate, prev: &HashMap<usize, Pos>) -> impl Iterator<Item = Pos> + 'a {
    let all: &'static [Pos] = if c.dot {
        &DOT_POSITIONS
    } else {
        &AREA_POSITIONS
    };
    let first = prev.get(&c.id).copied().filter(|p| all.contains(p));
    first
        .into_iter()
        .chain(all.iter().copied().filter(move |p| Some(*p) != first))
}

/// Where placed rectangles are kept and tested for overlap.
trait Occupancy {
    /// True when `r` overlaps a rectangle already kept.
    fn hits(&self, r: &Rect) -> bool;
    /// Keeps a rectangle.
    fn insert(&mut self, r: Rect);
}

impl Occupancy for Grid {
    fn hits(&self, r: &Rect) -> bool {
        Grid::hits(self, r)
    }
    fn insert(&mut self, r: Rect) {
        Grid::insert(self, r)
    }
}

/// The naive structure: a list, every rectangle tested.
impl Occupancy for Vec<Rect> {
    fn hits(&self, r: &Rect) -> bool {
        self.iter().any(|t| overlaps(t, r))
    }
    fn insert(&mut self, r: Rect) {
        self.push(r)
    }
}

/// The placement itself, over any [`Occupancy`]: `new` makes an empty one.
fn place_with<O: Occupancy>(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
    new: impl Fn() -> O,
) -> Vec<Placed> {
    // Obstacles (panels, event markers) block label text; a city's dot may sit under an
    // event marker on the same place, so dots are tested against labels only.
    let mut blocked = new();
    for o in obstacles {
        blocked.insert(*o);
    }
    // The dots of capitals and places of the news are kept clear of other labels.
    for c in cands.iter().filter(|c| c.dot && c.rank < RESERVE_RANK) {
        blocked.insert(dot_rect(c.anchor));
    }
    let mut taken = new();
    let mut out = Vec::new();
    for i in order(cands) {
        let c = &cands[i];
        let dot = c.dot.then(|| dot_rect(c.anchor));
        if dot.is_some_and(|d| !inside(&d, &bounds) || taken.hits(&d)) {
            continue;
        }
        for pos in positions(c, prev) {
            let r = rect_at(pos, c.anchor, c.size);
            if inside(&r, &bounds) && !taken.hits(&r) && !blocked.hits(&r) {
                taken.insert(r);
                if let Some(d) = dot {
                    taken.insert(d);
                }
                out.push(Placed {
                    id: c.id,
                    pos,
                    rect: r,
                });
                break;
            }
        }
    }
    out
}

/// Places labels by rank with no overlap, inside `bounds`, clear of `obstacles`, trying each
/// label's previous position (`prev`) first. Uses a grid; same result as [`place_naive`].
pub fn place(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
) -> Vec<Placed> {
    place_with(cands, bounds, obstacles, prev, || Grid::new(bounds, 48.0))
}

/// The same placement with an all-pairs overlap check (the benchmark's baseline).
pub fn place_naive(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
) -> Vec<Placed> {
    place_with(cands, bounds, obstacles, prev, Vec::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::projection::Lcc;
    use crate::view::{Insets, MAP_BBOX, MAX_ZOOM, MIN_ZOOM, ViewSpec};

    /// A small deterministic generator (xorshift) for seeded random views.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    fn layout(view: &MapView, srcs: &[LabelSource], size: [f64; 2]) -> Vec<Placed> {
        let c = candidates(srcs, view, size);
        place(&c, [0.0, 30.0, size[0], size[1]], &[], &HashMap::new())
    }

    fn assert_no_overlap(placed: &[Placed], what: &str) {
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(&a.rect, &b.rect), "{what}: {a:?} overlaps {b:?}");
            }
        }
    }

    fn names(atlas: &Atlas, placed: &[Placed]) -> Vec<String> {
        placed
            .iter()
            .map(|p| atlas.places[p.id].name.clone())
            .collect()
    }

    #[test]
    fn measures_text_with_the_font() {
        let m = TextMeasure::bundled();
        let w = m.width_em("Seoul");
        assert!((1.5..3.5).contains(&w), "{w}");
        // Hangul syllables are about one em each.
        let k = m.width_em("서울");
        assert!((1.6..2.2).contains(&k), "{k}");
        assert!(m.width_em("Pyongyang 평양") > m.width_em("Pyongyang"));
    }

    #[test]
    fn named_views_show_the_places_of_the_story_without_overlap() {
        let atlas = Atlas::bundled().unwrap();
        let proj = Lcc::atlas();
        let m = TextMeasure::bundled();
        let size = [1280.0, 800.0];
        for lang in [Lang::En, Lang::Ko, Lang::Both] {
            let srcs = sources(&atlas, lang, &m, &proj);
            let korea = ViewSpec::Korea.resolve_in(size, Insets::default(), &proj);
            let placed = layout(&korea, &srcs, size);
            assert_no_overlap(&placed, "korea");
            let n = names(&atlas, &placed);
            for want in ["Seoul", "Pyongyang", "Hamhung"] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} korea lacks {want}: {n:?}"
                );
            }
            let region = ViewSpec::Region.resolve_in(size, Insets::default(), &proj);
            let placed = layout(&region, &srcs, size);
            assert_no_overlap(&placed, "region");
            let n = names(&atlas, &placed);
            for want in ["Moscow", "Kyiv", "Kursk", "Vladivostok", "Beijing", "Tokyo"] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} region lacks {want}: {n:?}"
                );
            }
            // The World view is on the world map: its labels are placed from that map's plane.
            let wp = crate::projection::MapKind::World.projection();
            let wsrcs = sources(&atlas, lang, &m, &wp);
            let world = ViewSpec::World.resolve_in(size, Insets::default(), &wp);
            let placed = layout(&world, &wsrcs, size);
            assert_no_overlap(&placed, "world");
            let n = names(&atlas, &placed);
            for want in ["Brasilia", "Canberra", "Washington, D.C."] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} world lacks {want}: {n:?}"
                );
            }
        }
    }

    #[test]
    fn twenty_seeded_random_views_have_no_overlap_and_stay_on_screen() {
        let atlas = Atlas::bundled().unwrap();
        let proj = Lcc::atlas();
        let m = TextMeasure::bundled();
        let srcs = sources(&atlas, Lang::Both, &m, &proj);
        let mut rng = Rng(0xda7e_11e5);
        for k in 0..20 {
            let lon = MAP_BBOX[0] + rng.next() * (MAP_BBOX[2] - MAP_BBOX[0]);
            let lat = MAP_BBOX[1] + rng.next() * (MAP_BBOX[3] - MAP_BBOX[1]);
            let zoom = MIN_ZOOM + rng.next() * (MAX_ZOOM - 3.0 - MIN_ZOOM);
            let size = [
                800.0 + (rng.next() * 1120.0).round(),
                600.0 + (rng.next() * 480.0).round(),
            ];
            let view = MapView {
                center: proj.project([lon, lat]),
                zoom,
            };
            let placed = layout(&view, &srcs, size);
            assert_no_overlap(
                &placed,
                &format!("view {k} ({lon:.1}, {lat:.1}, z{zoom:.1})"),
            );
            for p in &placed {
                assert!(
                    p.rect[0] >= 0.0
                        && p.rect[2] <= size[0]
                        && p.rect[1] >= 30.0
                        && p.rect[3] <= size[1]
                );
            }
        }
    }

    #[test]
    fn a_placed_label_keeps_its_place_while_panning() {
        let atlas = Atlas::bundled().unwrap();
        let proj = Lcc::atlas();
        let m = TextMeasure::bundled();
        let srcs = sources(&atlas, Lang::En, &m, &proj);
        let size = [1280.0, 800.0];
        let mut view = ViewSpec::Korea.resolve(size, &proj);
        let bounds = [0.0, 0.0, size[0], size[1]];
        let mut prev: HashMap<usize, Pos> = HashMap::new();
        let first = place(&candidates(&srcs, &view, size), bounds, &[], &prev);
        prev.extend(first.iter().map(|p| (p.id, p.pos)));
        // Pan by 3 pixels a few times: labels well inside the screen keep their position.
        for _ in 0..5 {
            view.center[0] += 3.0 * crate::view::km_per_px(view.zoom);
            let now = place(&candidates(&srcs, &view, size), bounds, &[], &prev);
            // Away from the screen's edges (where labels enter and leave), none moves.
            let inner = |r: &Rect| {
                r[0] > 60.0 && r[1] > 60.0 && r[2] < size[0] - 60.0 && r[3] < size[1] - 60.0
            };
            let moved: Vec<&Placed> = now
                .iter()
                .filter(|p| inner(&p.rect) && prev.get(&p.id).is_some_and(|q| *q != p.pos))
                .collect();
            assert!(
                moved.is_empty(),
                "{moved:?} changed position after a 3-pixel pan"
            );
            assert!(now.len() > 50);
            prev = now.iter().map(|p| (p.id, p.pos)).collect();
        }
    }

    #[test]
    fn grid_and_naive_placement_agree() {
        let mut rng = Rng(42);
        let cands: Vec<Candidate> = (0..2000)
            .map(|i| Candidate {
                id: i,
                rank: rng.next(),
                anchor: [rng.next() * 1920.0, rng.next() * 1080.0],
                size: [30.0 + rng.next() * 90.0, 16.0],
                dot: rng.next() < 0.8,
            })
            .collect();
        let bounds = [0.0, 0.0, 1920.0, 1080.0];
        let obstacles = [[100.0, 100.0, 300.0, 300.0]];
        let a = place(&cands, bounds, &obstacles, &HashMap::new());
        let b = place_naive(&cands, bounds, &obstacles, &HashMap::new());
        assert_eq!(a, b);
        assert!(a.len() > 100);
        assert_no_overlap(&a, "random");
        assert!(a.iter().all(|p| !overlaps(&p.rect, &obstacles[0])));
    }
}
