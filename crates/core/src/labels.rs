//! Label candidates and collision-free placement in screen space.
//!
//! Candidates come from the atlas's places (countries, capitals, cities, provinces, seas),
//! each with a rank (capitals and the places of the news first, then cities by population),
//! a zoom from which it may show, and text measured with the bundled font. Placement is greedy
//! by rank: each label tries a few positions around its anchor (right, left, above, below the
//! city dot; centred for areas and seas), trying its previous position first so labels do not
//! jump while the map pans, and takes the first that stays on the free part of the screen and
//! overlaps no placed label, dot or obstacle. A uniform grid finds the overlaps.

use std::collections::{HashMap, HashSet};

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::atlas::{Atlas, Place, PlaceKind};
use super::ground::{Ground, GroundIndex};
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
            font: FontRef::new(super::atlas::bundled::font())
                .expect("the bundled font is a valid OpenType font"),
        }
    }

    /// Width in ems of the widest line of `text`.
    pub fn lines_em(&self, text: &str) -> f64 {
        text.lines().map(|l| self.width_em(l)).fold(0.0, f64::max)
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

/// Which ground a label may cover, so a name stays on its own side of borders and coasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Anywhere on the Earth (never off the globe's disc or past the world map's rim): rivers
    /// (named along the borders they form), the MDL, places of no country at sea.
    Any,
    /// Its own country's land or water, never another country (cities and capitals; coastal
    /// towns may run out to sea).
    HomeOrWater(u16),
    /// Centred on its own country, the rest on it or on water (country and province names).
    Inside(u16),
    /// Water only (seas, straits, bays, oceans).
    Water,
    /// Beside its own country over the water: touching its land, the rest water (the
    /// story's countries where the country is too narrow for its name).
    Beside(u16),
}

impl Side {
    /// Whether a label with its centre on `centre` and its other points on `all` keeps the rule.
    pub fn allows(self, centre: Ground, mut all: impl Iterator<Item = Ground>) -> bool {
        match self {
            Side::Any => all.all(|g| g != Ground::Off),
            Side::HomeOrWater(c) => all.all(|g| g == Ground::Water || g == Ground::Land(c)),
            Side::Inside(c) => {
                centre == Ground::Land(c) && all.all(|g| g == Ground::Water || g == Ground::Land(c))
            }
            Side::Water => centre == Ground::Water && all.all(|g| g == Ground::Water),
            Side::Beside(c) => {
                let mut home = centre == Ground::Land(c);
                all.all(|g| {
                    home |= g == Ground::Land(c);
                    g == Ground::Water || g == Ground::Land(c)
                }) && home
            }
        }
    }
}

/// Spacing (pixels) of the points of a label tested against the ground on the globe.
pub const SIDE_STEP_PX: f64 = 3.0;

/// The part of a label's rectangle its letters cover: the halo's room and the space above
/// and below the letters left out.
pub fn text_box(r: &Rect) -> Rect {
    let h = r[3] - r[1];
    [r[0] + 2.0, r[1] + 0.2 * h, r[2] - 2.0, r[3] - 0.2 * h]
}

/// The side rule on a flat map: each label's letters tested exactly against the triangles of
/// the countries under them (a name over a one-pixel island counts).
pub fn flat_map_sides<'a>(
    ground: &'a GroundIndex,
    view: &'a MapView,
    size: [f64; 2],
) -> impl Fn(Side, &Rect) -> bool + 'a {
    move |side, r| {
        let t = text_box(r);
        let a = view.from_pixel([t[0], t[3]], size);
        let b = view.from_pixel([t[2], t[1]], size);
        let plane = [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[0].max(b[0]),
            a[1].max(b[1]),
        ];
        let centre =
            || ground.at_point(view.from_pixel([(r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0], size));
        match side {
            Side::Any => ground.box_on_earth(plane),
            Side::HomeOrWater(c) => ground.box_clear(plane, Some(c)),
            Side::Inside(c) => centre() == Ground::Land(c) && ground.box_clear(plane, Some(c)),
            Side::Water => centre() == Ground::Water && ground.box_clear(plane, None),
            Side::Beside(c) => {
                // Clear of other countries by a margin too, so that it reads as its own
                // country's name and not a neighbour's.
                let m = BESIDE_CLEAR_PX;
                let a = view.from_pixel([t[0] - m, t[3] + m], size);
                let b = view.from_pixel([t[2] + m, t[1] - m], size);
                let wide = [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[0].max(b[0]),
                    a[1].max(b[1]),
                ];
                ground.box_clear(wide, Some(c)) && ground.box_touches(plane, c)
            }
        }
    }
}

/// How far (pixels) a name set beside its country over the water keeps from every other
/// country's land: JAPAN beside Kyushu but next to Korea's coast would read as Korea's.
pub const BESIDE_CLEAR_PX: f64 = 10.0;

/// The side rule anywhere a pixel's ground is known (the globe): points `step` apart.
pub fn sampled_sides(
    ground: impl Fn([f64; 2]) -> Ground,
    step: f64,
) -> impl Fn(Side, &Rect) -> bool {
    move |side, r| keeps_side(side, r, &ground, step)
}

/// Points over a label's letters ([`text_box`]) at most `step` pixels apart, edges included.
pub fn side_points(r: &Rect, step: f64) -> Vec<[f64; 2]> {
    let t = text_box(r);
    let nx = ((t[2] - t[0]) / step).ceil().max(1.0) as usize;
    let ny = ((t[3] - t[1]) / step).ceil().max(2.0) as usize;
    let mut out = Vec::with_capacity((ny + 1) * (nx + 1));
    for j in 0..=ny {
        let y = t[1] + (t[3] - t[1]) * j as f64 / ny as f64;
        for i in 0..=nx {
            out.push([t[0] + (t[2] - t[0]) * i as f64 / nx as f64, y]);
        }
    }
    out
}

/// Whether a label at `r` keeps its side, tested at points `step` pixels apart.
pub fn keeps_side(side: Side, r: &Rect, ground: &dyn Fn([f64; 2]) -> Ground, step: f64) -> bool {
    let centre = ground([(r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0]);
    let keeps = side.allows(centre, side_points(r, step).into_iter().map(ground));
    match side {
        // Beside its country: no other country within [`BESIDE_CLEAR_PX`] either.
        Side::Beside(c) => {
            let m = BESIDE_CLEAR_PX;
            let wide = [r[0] - m, r[1] - m, r[2] + m, r[3] + m];
            keeps
                && Side::HomeOrWater(c)
                    .allows(centre, side_points(&wide, step).into_iter().map(ground))
        }
        _ => keeps,
    }
}

/// Places of the news, most central first: (name as in the data, rank, zoom from which it
/// shows). The three at the heart of the story come even before capitals, and show from
/// the default globe view (about zoom 3.1) on.
pub const STORY_PLACES: [(&str, f64, f64); 17] = [
    ("Hamhung", 0.90, 3.0),
    ("Kursk", 0.91, 3.0),
    ("Vladivostok", 0.92, 3.0),
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
    /// Which ground it may cover.
    pub side: Side,
    /// Whether it may sit away from its dot with a leader line (capitals and places of the
    /// news, which must be named).
    pub leader: bool,
    /// A name no story country's name displaces when moved up (see [`place`]): the places of
    /// the news and the story's countries' capitals.
    pub keep: bool,
    /// Named whenever any of it is on screen (the story's countries): when its own point is
    /// off screen, a point inside the part on screen is used.
    pub always: bool,
    /// Space added between letters, in ems (spaced capitals of countries, seas).
    pub tracking_em: f64,
    /// Drawn heavier (capitals).
    pub bold: bool,
    /// The smallest font size (pixels) it may shrink to where it must be named.
    pub min_px: f64,
    /// A shorter form (its text and width in ems) for where the name fits nowhere, not even
    /// in a callout: the story's countries, abbreviated as atlases do ([`SHORT_NAMES`]).
    pub short: Option<(String, f64)>,
    /// A shorter form still, for where the short form fits nowhere either
    /// ([`shortest_name`]).
    pub shortest: Option<(String, f64)>,
}

impl LabelSource {
    /// The scale it may shrink to ([`ALWAYS_SHRINK`], never below [`LabelSource::min_px`]);
    /// 1 for names that are not always shown.
    pub fn shrink(&self) -> f64 {
        if self.always {
            ALWAYS_SHRINK.max(self.min_px / self.font_px).min(1.0)
        } else {
            1.0
        }
    }
}

/// The number of characters in the longest line of `text` (tracking widens each one's
/// advance, the last included, as the renderer lays it out).
pub fn longest_line(text: &str) -> f64 {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0) as f64
}

/// The countries of the news: always named when on screen.
pub const STORY_COUNTRIES: [&str; 7] = ["KOR", "PRK", "RUS", "CHN", "JPN", "MNG", "UKR"];

/// The short forms of the story's countries' names (ISO code, English, Korean where Korean
/// shortens it), for where the full name fits nowhere on screen (MONGOLIA on the world map
/// beside Beijing, the Koreas on the projector's region view): the abbreviations of
/// reference atlases (National Geographic's "N. KOREA", "S. KOREA"; "MONG.", "UKR.",
/// "RUS." as Natural Earth's ABBREV field writes them, in capitals like the full names).
/// 한국 is the usual short name of 대한민국; 북한, 몽골, 러시아 are short already and
/// 우크라이나 has no common abbreviation. CHINA and JAPAN are short enough.
pub const SHORT_NAMES: [(&str, &str, Option<&str>); 5] = [
    ("KOR", "S. KOREA", Some("한국")),
    ("PRK", "N. KOREA", None),
    ("MNG", "MONG.", None),
    ("UKR", "UKR.", None),
    ("RUS", "RUS.", None),
];

/// A story country's short name in a language ([`SHORT_NAMES`]), or `None` where the
/// language has none (Korean alone, 북한) or the country has none.
pub fn short_name(lang: Lang, iso3: &str, ko: Option<&str>) -> Option<String> {
    let (_, en, ko_short) = SHORT_NAMES.iter().find(|s| s.0 == iso3)?;
    match lang {
        Lang::En => Some(en.to_string()),
        Lang::Ko => ko_short.map(str::to_string),
        Lang::Both => Some(stacked(lang, en, ko_short.or(ko))),
    }
}

/// A story country's shortest name, for where even its short name fits nowhere: with both
/// languages, the English short form on its own line ("MONG.": the stacked "MONG.\n몽골"
/// is two lines, taller than Mongolia's strip on the world map); `None` in one language.
pub fn shortest_name(lang: Lang, iso3: &str) -> Option<String> {
    let (_, en, _) = SHORT_NAMES.iter().find(|s| s.0 == iso3)?;
    (lang == Lang::Both).then(|| en.to_string())
}

/// The two looks of the map: an atlas read up close on a screen, and a projector seen from
/// the back of a classroom (presenter mode), with larger names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MapStyle {
    /// On a screen, read up close.
    #[default]
    Atlas,
    /// On a projector, read from about 3 m away.
    Projector,
}

/// Font sizes (pixels) of each kind of name in a style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Countries by area: over 2.5 million km², over 250,000 km², smaller.
    pub country: [f64; 3],
    /// Capitals.
    pub capital: f64,
    /// The places of the news.
    pub story: f64,
    /// Cities by population: a million or more, 200,000 or more, smaller.
    pub city: [f64; 3],
    /// Towns, districts and islands.
    pub town: f64,
    /// Provinces and regions.
    pub province: f64,
    /// Seas and oceans.
    pub sea: f64,
    /// Straits and bays.
    pub strait: f64,
    /// Rivers.
    pub river: f64,
    /// The MDL's name.
    pub line: f64,
}

impl MapStyle {
    /// Its name (in the scene description and on the command line).
    pub fn code(self) -> &'static str {
        match self {
            MapStyle::Atlas => "atlas",
            MapStyle::Projector => "projector",
        }
    }

    /// The style of a name.
    pub fn parse(s: &str) -> Result<MapStyle, String> {
        match s.to_ascii_lowercase().as_str() {
            "atlas" => Ok(MapStyle::Atlas),
            "projector" => Ok(MapStyle::Projector),
            other => Err(format!("unknown style {other:?}: use atlas or projector")),
        }
    }

    /// Font sizes of each kind of name. The projector's follow the rule of text height at
    /// least viewing distance ÷ 200: from 3 m on a 2.5 m wide screen showing 1600 px, city
    /// names at 18 px and country and capital names at 24 px or more.
    pub fn sizes(self) -> Sizes {
        match self {
            MapStyle::Atlas => Sizes {
                country: [20.0, 16.0, 13.0],
                capital: 15.0,
                story: 14.0,
                city: [14.0, 13.0, 12.0],
                town: 12.0,
                province: 11.0,
                sea: 14.0,
                strait: 12.0,
                river: 11.0,
                line: 12.0,
            },
            MapStyle::Projector => Sizes {
                country: [32.0, 28.0, 24.0],
                capital: 24.0,
                story: 20.0,
                city: [20.0, 18.0, 18.0],
                town: 18.0,
                province: 16.0,
                sea: 22.0,
                strait: 18.0,
                river: 16.0,
                line: 18.0,
            },
        }
    }
}

/// How wide (relative to its label) an area must be on screen for its name to show.
pub const AREA_FIT: f64 = 0.8;

impl LabelSource {
    /// Label size in pixels (width, height), with a little room for the halo.
    pub fn size(&self) -> [f64; 2] {
        self.size_of(&self.text, self.width_em)
    }

    /// The size of its short form ([`LabelSource::short`]), if it has one.
    pub fn short_size(&self) -> Option<[f64; 2]> {
        self.short.as_ref().map(|(t, w)| self.size_of(t, *w))
    }

    /// The size of its shortest form ([`LabelSource::shortest`]), if it has one.
    pub fn shortest_size(&self) -> Option<[f64; 2]> {
        self.shortest.as_ref().map(|(t, w)| self.size_of(t, *w))
    }

    /// The text it shows when placed as `placed` (its short or shortest form where that was
    /// placed).
    pub fn text_of(&self, placed: &Placed) -> &str {
        match (&self.short, &self.shortest, placed.short) {
            (Some((t, _)), _, Form::Short) | (_, Some((t, _)), Form::Shortest) => t,
            _ => &self.text,
        }
    }

    fn size_of(&self, text: &str, width_em: f64) -> [f64; 2] {
        let lines = text.lines().count().max(1) as f64;
        [
            (width_em * self.font_px).ceil() + 4.0,
            (self.font_px * 1.3 * lines).ceil(),
        ]
    }

    /// The text on one line (as the scene lists it).
    pub fn one_line(&self) -> String {
        self.text.replace('\n', " ")
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

/// Which ground the label of the atlas's place `i` may cover ([`Side::Any`] for places
/// that have no label).
pub fn side_of(atlas: &Atlas, i: usize) -> Side {
    let Some(p) = atlas.places.get(i) else {
        return Side::Any;
    };
    let Some(kind) = kind_of(p) else {
        return Side::Any;
    };
    // A place of no country in the atlas (Vatican City) keeps to the country its point lies
    // in, as the others keep to theirs.
    let home = p
        .country
        .as_deref()
        .and_then(|c| atlas.country_index(c))
        .map(|c| c as u16)
        .or(match atlas.ground_world.at(p.lonlat) {
            Ground::Land(c) => Some(c),
            _ => None,
        });
    match (kind, p.kind, home) {
        (LabelKind::Sea, PlaceKind::River, _) | (LabelKind::Line, _, _) => Side::Any,
        (LabelKind::Sea, _, _) => Side::Water,
        (LabelKind::Capital | LabelKind::City, _, Some(c)) => Side::HomeOrWater(c),
        (LabelKind::Country | LabelKind::Province, _, Some(c)) => Side::Inside(c),
        (_, _, None) => Side::Any,
    }
}

/// The side a place's name may keep where it fits nowhere on its own: beside its country
/// over the water, for the story's countries (always named); `None` for the rest.
pub fn beside_of(atlas: &Atlas, i: usize) -> Option<Side> {
    let p = atlas.places.get(i)?;
    let iso = atlas.country(p.country.as_deref()?)?.iso3.as_str();
    if kind_of(p)? == LabelKind::Country && STORY_COUNTRIES.contains(&iso) {
        off_side(side_of(atlas, i))
    } else {
        None
    }
}

/// Builds the label sources for the atlas's places in a language.
pub fn sources(
    atlas: &Atlas,
    lang: Lang,
    style: MapStyle,
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
            let z = &style.sizes();
            let home_iso = p
                .country
                .as_deref()
                .and_then(|c| atlas.country(c))
                .map(|c| c.iso3.as_str());
            let in_korea = matches!(p.country.as_deref(), Some("KR" | "KP" | "KOR" | "PRK"));
            let story_country = home_iso.is_some_and(|c| STORY_COUNTRIES.contains(&c));
            // Outside Korea, cities wait a little longer and yield to Korea's, so the Korea
            // view is not crowded with Japan's and China's towns.
            let (thin_rank, thin_zoom) = if in_korea { (0.0, 0.0) } else { (0.3, 0.5) };
            let (rank, min_zoom, font_px) = match (kind, p.kind) {
                // After capitals and the places of the news, which sit at fixed points;
                // a country's name can move within the country. The story's countries first.
                (LabelKind::Country, _) => {
                    let area = home_iso.and_then(|c| extent.get(c)).map_or(0.0, |e| e * e);
                    let tier = if area >= 2.5e6 {
                        0
                    } else if area >= 2.5e5 {
                        1
                    } else {
                        2
                    };
                    let rank = if story_country {
                        STORY_COUNTRY_RANK
                    } else {
                        1.8
                    };
                    (rank, 0.0, z.country[tier])
                }
                // Capitals from the world view on, except the smallest (island territories'
                // seats of a few hundred people), which wait until zoomed in.
                (LabelKind::Capital, _) if pop < 1e5 => (1.0 + pop_rank * 0.5, 3.5, z.capital),
                (LabelKind::Capital, _) => (1.0 + pop_rank * 0.5, 0.0, z.capital),
                (LabelKind::City, _) if story.is_some() => {
                    let (_, rank, zoom) = story.copied().unwrap_or(("", 1.5, 4.0));
                    (rank, zoom, z.story)
                }
                (LabelKind::City, PlaceKind::District | PlaceKind::Site | PlaceKind::Town) => {
                    (1.6 + thin_rank, 6.5 + thin_zoom, z.town)
                }
                // Dokdo and Ulleungdo: small, far out at sea, shown from the Korea view on.
                (LabelKind::City, PlaceKind::Island) => (1.4, 5.5, z.town),
                (LabelKind::City, _) => {
                    let zoom = match pop {
                        p if p >= 5e6 => 3.0,
                        p if p >= 1e6 => 4.0,
                        p if p >= 5e5 => 5.0,
                        p if p >= 2e5 => 6.0,
                        p if p >= 5e4 => 6.5,
                        _ => 7.5,
                    };
                    let tier = if pop >= 1e6 {
                        0
                    } else if pop >= 2e5 {
                        1
                    } else {
                        2
                    };
                    (3.0 + pop_rank + thin_rank, zoom + thin_zoom, z.city[tier])
                }
                (LabelKind::Province, PlaceKind::Area) => (4.5, 5.0, z.province),
                (LabelKind::Province, _) => (5.0, if in_korea { 5.0 } else { 5.8 }, z.province),
                (LabelKind::Sea, PlaceKind::Strait | PlaceKind::Bay) => (2.5, 5.0, z.strait),
                (LabelKind::Sea, PlaceKind::River) => (2.8, 4.5, z.river),
                (LabelKind::Sea, _) => (2.0, 0.0, z.sea),
                (LabelKind::Line, _) => (0.5, 5.5, z.line),
            };
            // Larger names need more room: on the projector, towns, cities and provinces
            // show from a little further in (capitals and the news's places as before).
            let min_zoom = match (style, kind) {
                (MapStyle::Projector, LabelKind::City | LabelKind::Province) if story.is_none() => {
                    min_zoom + 0.7
                }
                _ => min_zoom,
            };
            let tracking_em = match (kind, p.kind) {
                (LabelKind::Country, _) if font_px >= z.country[0] => 0.3,
                (LabelKind::Country, _) if font_px >= z.country[1] => 0.15,
                (LabelKind::Country, _) => 0.12,
                (LabelKind::Sea, PlaceKind::River) => 0.0,
                (LabelKind::Sea, PlaceKind::Strait | PlaceKind::Bay) => 0.05,
                (LabelKind::Sea, _) => 0.1,
                _ => 0.0,
            };
            let en = if kind == LabelKind::Country {
                p.name.to_uppercase()
            } else {
                p.name.clone()
            };
            // The story's countries with names of two words (NORTH KOREA) on two lines, so
            // they fit inside the narrow peninsula.
            let en = if story_country && kind == LabelKind::Country {
                en.replace(' ', "\n")
            } else {
                en
            };
            let text = stacked(lang, &en, p.name_ko.as_deref());
            let short = (kind == LabelKind::Country)
                .then(|| home_iso.and_then(|c| short_name(lang, c, p.name_ko.as_deref())))
                .flatten()
                .filter(|t| *t != text)
                .map(|t| {
                    let w = measure.lines_em(&t) + tracking_em * longest_line(&t);
                    (t, w)
                });
            let shortest = (kind == LabelKind::Country)
                .then(|| home_iso.and_then(|c| shortest_name(lang, c)))
                .flatten()
                .map(|t| {
                    let w = measure.lines_em(&t) + tracking_em * longest_line(&t);
                    (t, w)
                });
            let side = side_of(atlas, i);
            Some(LabelSource {
                side,
                leader: kind == LabelKind::Capital || story.is_some(),
                keep: story.is_some() || (kind == LabelKind::Capital && story_country),
                always: story_country && kind == LabelKind::Country,
                place: i,
                kind,
                font_px,
                width_em: measure.lines_em(&text) + tracking_em * longest_line(&text),
                tracking_em,
                bold: kind == LabelKind::Capital,
                // The projector's country names stay at 24 px or more.
                min_px: match style {
                    MapStyle::Atlas => 10.0,
                    MapStyle::Projector => z.country[2],
                },
                text,
                short,
                shortest,
                plane: proj.project(p.lonlat),
                lonlat: p.lonlat,
                rank,
                min_zoom,
                // The story's countries are named wherever their name fits on their side.
                extent_km: (kind == LabelKind::Country && !story_country)
                    .then(|| home_iso.and_then(|c| extent.get(c).copied()))
                    .flatten(),
            })
        })
        .collect()
}

/// A place's name in a language; with both languages, English above Korean on two lines (as
/// bilingual atlases stack them), so long names stay short enough to keep their side.
pub fn stacked(lang: Lang, en: &str, ko: Option<&str>) -> String {
    match (lang, ko) {
        (Lang::Both, Some(k)) => format!("{en}\n{k}"),
        _ => lang.label(en, ko),
    }
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
    /// A story country's name set off over the water beside it, with a leader line (index
    /// into [`OFF_SHIFTS`]).
    Off(u8),
    /// A story country's name set off in a callout, stacked with its neighbours' names that
    /// found no room either (the two Koreas on the world map), with a leader line: see
    /// [`place_callouts`].
    Callout,
}

/// Moves tried for area labels (countries, seas) when the centre is taken, as fractions of
/// the label's width and height.
pub const SHIFTS: [(f64, f64); 302] = [
    (0.0, -1.2),
    (0.0, 1.2),
    (-0.4, 0.0),
    (0.4, 0.0),
    (0.0, -2.4),
    (0.0, 2.4),
    (-0.3, -1.2),
    (0.3, -1.2),
    (-0.3, 1.2),
    (0.3, 1.2),
    (-0.7, 0.0),
    (0.7, 0.0),
    (0.0, -3.6),
    (0.0, 3.6),
    // A fine grid round the anchor, nearest first, for the story's countries' short names
    // (which must be named, in a strip of land between a capital's dot and its neighbours:
    // MONG. on the world map): steps of 0.15 of the name's width across and of its height
    // up and down (a strip a few pixels higher than the name is found), then 0.2.
    (0.00, -0.15),
    (0.00, 0.15),
    (0.00, -0.30),
    (0.00, 0.30),
    (0.15, 0.00),
    (-0.15, 0.00),
    (0.00, -0.45),
    (0.00, 0.45),
    (0.15, -0.15),
    (0.15, 0.15),
    (-0.15, -0.15),
    (-0.15, 0.15),
    (0.15, -0.30),
    (0.15, 0.30),
    (-0.15, -0.30),
    (-0.15, 0.30),
    (0.00, -0.60),
    (0.00, 0.60),
    (0.15, -0.45),
    (0.15, 0.45),
    (-0.15, -0.45),
    (-0.15, 0.45),
    (0.15, -0.60),
    (0.15, 0.60),
    (-0.15, -0.60),
    (-0.15, 0.60),
    (0.00, -0.80),
    (0.00, 0.80),
    (0.30, 0.00),
    (-0.30, 0.00),
    (0.30, -0.15),
    (0.30, 0.15),
    (-0.30, -0.15),
    (-0.30, 0.15),
    (0.15, -0.80),
    (0.15, 0.80),
    (-0.15, -0.80),
    (-0.15, 0.80),
    (0.30, -0.30),
    (0.30, 0.30),
    (-0.30, -0.30),
    (-0.30, 0.30),
    (0.00, -1.00),
    (0.00, 1.00),
    (0.30, -0.45),
    (0.30, 0.45),
    (-0.30, -0.45),
    (-0.30, 0.45),
    (0.30, -0.60),
    (0.30, 0.60),
    (-0.30, -0.60),
    (-0.30, 0.60),
    (0.15, -1.00),
    (0.15, 1.00),
    (-0.15, -1.00),
    (-0.15, 1.00),
    (0.00, -1.20),
    (0.00, 1.20),
    (0.30, -0.80),
    (0.30, 0.80),
    (-0.30, -0.80),
    (-0.30, 0.80),
    (0.15, -1.20),
    (0.15, 1.20),
    (-0.15, -1.20),
    (-0.15, 1.20),
    (0.30, -1.00),
    (0.30, 1.00),
    (-0.30, -1.00),
    (-0.30, 1.00),
    (0.45, 0.00),
    (-0.45, 0.00),
    (0.45, -0.15),
    (0.45, 0.15),
    (-0.45, -0.15),
    (-0.45, 0.15),
    (0.45, -0.30),
    (0.45, 0.30),
    (-0.45, -0.30),
    (-0.45, 0.30),
    (0.00, -1.40),
    (0.00, 1.40),
    (0.45, -0.45),
    (0.45, 0.45),
    (-0.45, -0.45),
    (-0.45, 0.45),
    (0.15, -1.40),
    (0.15, 1.40),
    (-0.15, -1.40),
    (-0.15, 1.40),
    (0.45, -0.60),
    (0.45, 0.60),
    (-0.45, -0.60),
    (-0.45, 0.60),
    (0.30, -1.20),
    (0.30, 1.20),
    (-0.30, -1.20),
    (-0.30, 1.20),
    (0.45, -0.80),
    (0.45, 0.80),
    (-0.45, -0.80),
    (-0.45, 0.80),
    (0.30, -1.40),
    (0.30, 1.40),
    (-0.30, -1.40),
    (-0.30, 1.40),
    (0.45, -1.00),
    (0.45, 1.00),
    (-0.45, -1.00),
    (-0.45, 1.00),
    (0.60, 0.00),
    (-0.60, 0.00),
    (0.60, -0.15),
    (0.60, 0.15),
    (-0.60, -0.15),
    (-0.60, 0.15),
    (0.45, -1.20),
    (0.45, 1.20),
    (-0.45, -1.20),
    (-0.45, 1.20),
    (0.60, -0.30),
    (0.60, 0.30),
    (-0.60, -0.30),
    (-0.60, 0.30),
    (0.60, -0.45),
    (0.60, 0.45),
    (-0.60, -0.45),
    (-0.60, 0.45),
    (0.60, -0.60),
    (0.60, 0.60),
    (-0.60, -0.60),
    (-0.60, 0.60),
    (0.45, -1.40),
    (0.45, 1.40),
    (-0.45, -1.40),
    (-0.45, 1.40),
    (0.60, -0.80),
    (0.60, 0.80),
    (-0.60, -0.80),
    (-0.60, 0.80),
    (0.60, -1.00),
    (0.60, 1.00),
    (-0.60, -1.00),
    (-0.60, 1.00),
    (0.60, -1.20),
    (0.60, 1.20),
    (-0.60, -1.20),
    (-0.60, 1.20),
    (0.75, 0.00),
    (-0.75, 0.00),
    (0.75, -0.15),
    (0.75, 0.15),
    (-0.75, -0.15),
    (-0.75, 0.15),
    (0.75, -0.30),
    (0.75, 0.30),
    (-0.75, -0.30),
    (-0.75, 0.30),
    (0.60, -1.40),
    (0.60, 1.40),
    (-0.60, -1.40),
    (-0.60, 1.40),
    (0.75, -0.45),
    (0.75, 0.45),
    (-0.75, -0.45),
    (-0.75, 0.45),
    (0.75, -0.60),
    (0.75, 0.60),
    (-0.75, -0.60),
    (-0.75, 0.60),
    (0.75, -0.80),
    (0.75, 0.80),
    (-0.75, -0.80),
    (-0.75, 0.80),
    (0.75, -1.00),
    (0.75, 1.00),
    (-0.75, -1.00),
    (-0.75, 1.00),
    (0.75, -1.20),
    (0.75, 1.20),
    (-0.75, -1.20),
    (-0.75, 1.20),
    (0.75, -1.40),
    (0.75, 1.40),
    (-0.75, -1.40),
    (-0.75, 1.40),
    (0.90, 0.00),
    (-0.90, 0.00),
    (0.90, -0.15),
    (0.90, 0.15),
    (-0.90, -0.15),
    (-0.90, 0.15),
    (0.90, -0.30),
    (0.90, 0.30),
    (-0.90, -0.30),
    (-0.90, 0.30),
    (0.90, -0.45),
    (0.90, 0.45),
    (-0.90, -0.45),
    (-0.90, 0.45),
    (0.90, -0.60),
    (0.90, 0.60),
    (-0.90, -0.60),
    (-0.90, 0.60),
    (0.90, -0.80),
    (0.90, 0.80),
    (-0.90, -0.80),
    (-0.90, 0.80),
    (0.90, -1.00),
    (0.90, 1.00),
    (-0.90, -1.00),
    (-0.90, 1.00),
    (0.90, -1.20),
    (0.90, 1.20),
    (-0.90, -1.20),
    (-0.90, 1.20),
    (0.90, -1.40),
    (0.90, 1.40),
    (-0.90, -1.40),
    (-0.90, 1.40),
    (1.05, 0.00),
    (-1.05, 0.00),
    (1.05, -0.15),
    (1.05, 0.15),
    (-1.05, -0.15),
    (-1.05, 0.15),
    (1.05, -0.30),
    (1.05, 0.30),
    (-1.05, -0.30),
    (-1.05, 0.30),
    (1.05, -0.45),
    (1.05, 0.45),
    (-1.05, -0.45),
    (-1.05, 0.45),
    (1.05, -0.60),
    (1.05, 0.60),
    (-1.05, -0.60),
    (-1.05, 0.60),
    (1.05, -0.80),
    (1.05, 0.80),
    (-1.05, -0.80),
    (-1.05, 0.80),
    (1.05, -1.00),
    (1.05, 1.00),
    (-1.05, -1.00),
    (-1.05, 1.00),
    (1.05, -1.20),
    (1.05, 1.20),
    (-1.05, -1.20),
    (-1.05, 1.20),
    (1.05, -1.40),
    (1.05, 1.40),
    (-1.05, -1.40),
    (-1.05, 1.40),
    (1.20, 0.00),
    (-1.20, 0.00),
    (1.20, -0.15),
    (1.20, 0.15),
    (-1.20, -0.15),
    (-1.20, 0.15),
    (1.20, -0.30),
    (1.20, 0.30),
    (-1.20, -0.30),
    (-1.20, 0.30),
    (1.20, -0.45),
    (1.20, 0.45),
    (-1.20, -0.45),
    (-1.20, 0.45),
    (1.20, -0.60),
    (1.20, 0.60),
    (-1.20, -0.60),
    (-1.20, 0.60),
    (1.20, -0.80),
    (1.20, 0.80),
    (-1.20, -0.80),
    (-1.20, 0.80),
    (1.20, -1.00),
    (1.20, 1.00),
    (-1.20, -1.00),
    (-1.20, 1.00),
    (1.20, -1.20),
    (1.20, 1.20),
    (-1.20, -1.20),
    (-1.20, 1.20),
    (1.20, -1.40),
    (1.20, 1.40),
    (-1.20, -1.40),
    (-1.20, 1.40),
];

/// Where a story country's name goes, with a leader line, where it fits neither inside
/// nor touching its land: off over the water, as fractions of the name's width and height
/// from the country's point.
pub const OFF_SHIFTS: [(f64, f64); 12] = [
    (1.1, 0.0),
    (-1.1, 0.0),
    (0.9, -1.3),
    (0.9, 1.3),
    (-0.9, -1.3),
    (-0.9, 1.3),
    (0.0, -1.8),
    (0.0, 1.8),
    (1.5, 0.0),
    (-1.5, 0.0),
    (1.3, -1.8),
    (1.3, 1.8),
];

/// Gaps between a dot and its label: close, then clear of an event marker on the same place,
/// then clear of markers next to it; the last two (from [`LEADER_GAP`]) are far enough for a
/// leader line, for capitals and places of the news that fit nowhere nearer on their side.
pub const GAPS: [f64; 6] = [4.0, 13.0, 24.0, 44.0, 70.0, 100.0];
/// The first gap drawn with a leader line from the dot to the label.
pub const LEADER_GAP: u8 = 3;

impl Pos {
    /// Whether the label is far enough from its dot to be joined to it by a leader line.
    pub fn has_leader(self) -> bool {
        match self {
            Pos::Right(i)
            | Pos::Left(i)
            | Pos::Above(i)
            | Pos::Below(i)
            | Pos::UpRight(i)
            | Pos::DownRight(i)
            | Pos::UpLeft(i)
            | Pos::DownLeft(i) => i >= LEADER_GAP,
            Pos::Off(_) | Pos::Callout => true,
            Pos::Center | Pos::Shifted(_) => false,
        }
    }
}

/// The point of a rectangle nearest to `p` (where a leader line ends).
pub fn nearest_point(r: &Rect, p: [f64; 2]) -> [f64; 2] {
    [p[0].clamp(r[0], r[2]), p[1].clamp(r[1], r[3])]
}
/// Candidates ranked below this (capitals, places of the news) keep their dots clear of
/// other labels even before they are placed.
pub const RESERVE_RANK: f64 = 2.0;
/// Radius of a city dot (pixels).
pub const DOT_PX: f64 = 3.5;

/// Positions round a dot, nearest first; the first [`NEAR_POSITIONS`] for every city, the rest
/// (with leader lines) only for capitals and places of the news.
const DOT_POSITIONS: [Pos; 44] = [
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
    Pos::UpRight(3),
    Pos::DownRight(3),
    Pos::UpLeft(3),
    Pos::DownLeft(3),
    Pos::Above(3),
    Pos::Below(3),
    Pos::Right(3),
    Pos::Left(3),
    Pos::UpRight(4),
    Pos::DownRight(4),
    Pos::UpLeft(4),
    Pos::DownLeft(4),
    Pos::Above(4),
    Pos::Below(4),
    Pos::Right(4),
    Pos::Left(4),
    Pos::UpRight(5),
    Pos::DownRight(5),
    Pos::UpLeft(5),
    Pos::DownLeft(5),
    Pos::Above(5),
    Pos::Below(5),
    Pos::Right(5),
    Pos::Left(5),
];
/// How many of [`DOT_POSITIONS`] any city may take.
const NEAR_POSITIONS: usize = 20;
const AREA_POSITIONS: [Pos; 15] = [
    Pos::Center,
    Pos::Shifted(0),
    Pos::Shifted(1),
    Pos::Shifted(2),
    Pos::Shifted(3),
    Pos::Shifted(4),
    Pos::Shifted(5),
    Pos::Shifted(6),
    Pos::Shifted(7),
    Pos::Shifted(8),
    Pos::Shifted(9),
    Pos::Shifted(10),
    Pos::Shifted(11),
    Pos::Shifted(12),
    Pos::Shifted(13),
];

/// Where the story's countries' short names are tried inside their area: [`AREA_POSITIONS`],
/// then the fine grid of [`SHIFTS`].
const STORY_AREA_POSITIONS: [Pos; 15 + 288] = {
    let mut out = [Pos::Center; 15 + 288];
    let mut i = 0;
    while i < out.len() {
        out[i] = if i < 15 {
            AREA_POSITIONS[i]
        } else {
            Pos::Shifted((i - 1) as u8)
        };
        i += 1;
    }
    out
};

/// The rectangle of a label of `size` at `pos` around `anchor`.
pub fn rect_at(pos: Pos, anchor: [f64; 2], size: [f64; 2]) -> Rect {
    let [x, y] = anchor;
    let [w, h] = size;
    let g = |i: u8| GAPS[i as usize] + DOT_PX;
    match pos {
        // (A callout's lines are placed together, never from one anchor.)
        Pos::Center | Pos::Callout => [x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0],
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
        Pos::Shifted(i) | Pos::Off(i) => {
            let (fx, fy) = if let Pos::Off(_) = pos {
                OFF_SHIFTS[i as usize]
            } else {
                SHIFTS[i as usize]
            };
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
    /// Which ground it may cover.
    pub side: Side,
    /// Whether it may sit away from its dot, with a leader line.
    pub leader: bool,
    /// Whether it is kept when a story country's name is moved up ([`LabelSource::keep`]).
    pub keep: bool,
    /// The scale it may shrink to where it fits nowhere at full size (1: it may not).
    pub shrink: f64,
    /// Whether, fitting nowhere inside its area, it may sit beside it over the water (the
    /// story's countries, which are always named: NORTH KOREA off the peninsula where the
    /// peninsula is a few pixels wide). Its letters still never touch another country.
    pub beside: bool,
    /// The size of its short form, tried where it fits nowhere else ([`LabelSource::short`]).
    pub short: Option<[f64; 2]>,
    /// The size of its shortest form ([`LabelSource::shortest`]).
    pub shortest: Option<[f64; 2]>,
    /// Whether it tries the fine grid of places inside its area ([`STORY_AREA_POSITIONS`]):
    /// a story country's short name, the last resort (see `with_short_names`).
    pub fine: bool,
}

/// The side a name keeps where it fits nowhere on its own ([`Candidate::beside`]): a
/// country's name over the water beside it, touching only its own land.
pub fn beside_side(side: Side) -> Option<Side> {
    match side {
        Side::Inside(home) => Some(Side::Beside(home)),
        _ => None,
    }
}

/// The side a name keeps set off beside its country with a leader line: its own land or
/// water, never another country's (and the loosest rule a story country's name keeps).
pub fn off_side(side: Side) -> Option<Side> {
    match side {
        Side::Inside(home) => Some(Side::HomeOrWater(home)),
        _ => None,
    }
}

/// How small the names of the story's countries may get where a view shows only a strip of
/// them (RUSSIA over Primorye in the Korea view).
pub const ALWAYS_SHRINK: f64 = 0.65;

/// A placed label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The candidate's id.
    pub id: usize,
    /// Where it went.
    pub pos: Pos,
    /// Its rectangle.
    pub rect: Rect,
    /// Its size relative to its font's (below 1 where it had to shrink).
    pub scale: f64,
    /// The point it names on screen (a leader line starts there, see [`Pos::has_leader`]).
    pub anchor: [f64; 2],
    /// Which form of its name was placed (a story country's short forms where its name
    /// fits nowhere).
    pub short: Form,
}

/// The form of a name placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Form {
    /// Its full name.
    #[default]
    Full,
    /// Its short form ([`LabelSource::short`]).
    Short,
    /// Its shortest form ([`LabelSource::shortest`]).
    Shortest,
}

impl Form {
    /// Whether it is one of the shorter forms.
    pub fn is_short(self) -> bool {
        self != Form::Full
    }
}

impl Placed {
    /// Its leader line, from the point it names to the nearest point of its rectangle (drawn
    /// where [`Pos::has_leader`]).
    pub fn leader(&self) -> ([f64; 2], [f64; 2]) {
        (self.anchor, nearest_point(&self.rect, self.anchor))
    }
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
                side: s.side,
                leader: s.leader,
                keep: s.keep,
                shrink: s.shrink(),
                beside: s.always,
                short: s.short_size(),
                shortest: s.shortest_size(),
                fine: false,
            })
        })
        .collect()
}

/// What lies under each pixel of a flat map.
pub fn flat_map_ground<'a>(
    ground: &'a GroundIndex,
    view: &'a MapView,
    size: [f64; 2],
) -> impl Fn([f64; 2]) -> Ground + 'a {
    move |px| ground.at_point(view.from_pixel(px, size))
}

/// Spacing (pixels) of the grid searched for a point inside an area's part on screen.
pub const INTERIOR_STEP_PX: f64 = 32.0;

/// A good point inside the part of a country on screen (within `bounds`): of a grid of
/// points on its land, the one farthest from any grid point off it (a coarse pole of
/// inaccessibility), or `None` when it shows on no grid point.
pub fn interior_point(
    home: u16,
    bounds: Rect,
    ground: &dyn Fn([f64; 2]) -> Ground,
) -> Option<[f64; 2]> {
    let step = INTERIOR_STEP_PX;
    let cols = ((bounds[2] - bounds[0]) / step).floor() as usize;
    let rows = ((bounds[3] - bounds[1]) / step).floor() as usize;
    if cols == 0 || rows == 0 {
        return None;
    }
    let at = |i: usize, j: usize| {
        [
            bounds[0] + step * (i as f64 + 0.5),
            bounds[1] + step * (j as f64 + 0.5),
        ]
    };
    let mine: Vec<bool> = (0..rows)
        .flat_map(|j| (0..cols).map(move |i| (i, j)))
        .map(|(i, j)| ground(at(i, j)) == Ground::Land(home))
        .collect();
    let others: Vec<(usize, usize)> = (0..rows)
        .flat_map(|j| (0..cols).map(move |i| (i, j)))
        .filter(|(i, j)| !mine[j * cols + i])
        .collect();
    (0..rows)
        .flat_map(|j| (0..cols).map(move |i| (i, j)))
        .filter(|(i, j)| mine[j * cols + i])
        .map(|(i, j)| {
            // Distance to the nearest grid point off the country; the screen's edge counts
            // as the edge of what shows.
            let edge = i.min(j).min(cols - 1 - i).min(rows - 1 - j) as f64 + 0.5;
            let off = others
                .iter()
                .map(|(a, b)| (*a as f64 - i as f64).hypot(*b as f64 - j as f64))
                .fold(f64::MAX, f64::min);
            ((i, j), off.min(edge))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|((i, j), _)| at(i, j))
}

/// Adds candidates for the labels to name whenever on screen ([`LabelSource::always`]) whose
/// own point is off screen: at a point inside the part that shows.
pub fn add_always_named(
    cands: &mut Vec<Candidate>,
    sources: &[LabelSource],
    zoom: f64,
    bounds: Rect,
    ground: &dyn Fn([f64; 2]) -> Ground,
) {
    for s in sources.iter().filter(|s| s.always && zoom >= s.min_zoom) {
        if cands.iter().any(|c| c.id == s.place) {
            continue;
        }
        let (Side::Inside(home) | Side::HomeOrWater(home)) = s.side else {
            continue;
        };
        if let Some(anchor) = interior_point(home, bounds, ground) {
            cands.push(Candidate {
                id: s.place,
                rank: s.rank,
                anchor,
                size: s.size(),
                dot: false,
                side: s.side,
                leader: false,
                keep: false,
                shrink: s.shrink(),
                beside: s.always,
                short: s.short_size(),
                shortest: s.shortest_size(),
                fine: false,
            });
        }
    }
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

/// The positions a label tries first: round its dot (capitals and places of the news also
/// further off), or shifts of an area's name.
fn positions_of(c: &Candidate) -> &'static [Pos] {
    if c.dot && c.leader {
        &DOT_POSITIONS
    } else if c.dot {
        &DOT_POSITIONS[..NEAR_POSITIONS]
    } else if c.fine {
        &STORY_AREA_POSITIONS
    } else {
        &AREA_POSITIONS
    }
}

/// The positions of `all` in order, `first` (a label's previous position) first if it is
/// one of them.
fn first_then(all: &'static [Pos], first: Option<Pos>) -> impl Iterator<Item = Pos> {
    let first = first.filter(|p| all.contains(p));
    first
        .into_iter()
        .chain(all.iter().copied().filter(move |p| Some(*p) != first))
}

/// A story country's name set off with a leader line: each of [`OFF_SHIFTS`].
const OFF_POSITIONS: [Pos; 12] = [
    Pos::Off(0),
    Pos::Off(1),
    Pos::Off(2),
    Pos::Off(3),
    Pos::Off(4),
    Pos::Off(5),
    Pos::Off(6),
    Pos::Off(7),
    Pos::Off(8),
    Pos::Off(9),
    Pos::Off(10),
    Pos::Off(11),
];

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
/// The country a side rule keeps a name on (`u16::MAX` for none).
fn home_of(side: Side) -> u16 {
    match side {
        Side::HomeOrWater(c) | Side::Inside(c) | Side::Beside(c) => c,
        Side::Any | Side::Water => u16::MAX,
    }
}

/// The rank of the story's countries' names: after capitals and the places of the news,
/// before towns, seas and other countries.
pub const STORY_COUNTRY_RANK: f64 = 1.39;

/// How much (pixels) of other land the leader of a place of the news or a story capital may
/// cross where no place keeps it on its own land or water (a cape, a narrow strait's far
/// shore; never a whole country: Beijing's name once sat in the Sea of Japan, its leader
/// across Korea).
pub const LOOSE_LEADER_PX: f64 = 24.0;

/// The rank a story country's name is moved up to when it found no place in its turn.
pub const BESIDE_EARLY_RANK: f64 = 0.85;

fn place_with<O: Occupancy>(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
    sides: &dyn Fn(Side, &Rect) -> bool,
    new: impl Fn() -> O,
) -> Vec<Placed> {
    // The passes below test the same boxes against the same rules again and again (a story
    // country moved up, the names placed again round callouts): each box is tested once.
    let memo = std::cell::RefCell::new(HashMap::<(Side, [u64; 4]), bool>::new());
    let sides = &|side: Side, r: &Rect| -> bool {
        let key = (side, r.map(f64::to_bits));
        if let Some(&known) = memo.borrow().get(&key) {
            return known;
        }
        let keeps = sides(side, r);
        memo.borrow_mut().insert(key, keeps);
        keeps
    };
    let (best, mut trial) = place_named(cands, bounds, obstacles, &[], prev, sides, &new);
    // The story's countries that still have no name go in callouts, kept clear only of the
    // places of the news and the story's capitals; the other names (other capitals, towns,
    // seas, other countries) are placed again round them. Then what must be named and still
    // finds no room (a place of the news crowded out) goes in a callout clear of them all.
    let countries = place_callouts(
        &trial,
        &best,
        bounds,
        obstacles,
        sides,
        &new,
        Round {
            which: &|c| c.beside || (c.keep && c.dot),
            with_country: true,
            clear_of: &|c| c.beside,
        },
    );
    // (Names that must be shown: the story's countries, the places of the news and the
    // story's capitals.)
    let by_id: HashMap<usize, &Candidate> = cands.iter().map(|c| (c.id, c)).collect();
    let must = |v: &[Placed]| {
        let count = |f: &dyn Fn(&Candidate) -> bool| {
            v.iter()
                .filter(|p| by_id.get(&p.id).is_some_and(|c| f(c)))
                .count()
        };
        // (The story's countries first, then the places.)
        (count(&|c| c.beside), count(&|c| c.keep))
    };
    let (mut out, trial, blocked, countries) = if countries.is_empty() {
        (best, trial, obstacles.to_vec(), countries)
    } else {
        let blocked = with_callouts(obstacles, &countries);
        let called: HashSet<usize> = countries.iter().map(|p| p.id).collect();
        let without = trial.clone();
        trial.retain(|c| !called.contains(&c.id));
        let leaders: Vec<_> = countries.iter().map(Placed::leader).collect();
        // (Each name tries where it went without the callouts first.)
        let mut before = prev.clone();
        before.extend(best.iter().map(|p| (p.id, p.pos)));
        let (out, trial) = place_named(&trial, bounds, &blocked, &leaders, &before, sides, &new);
        // The callouts stand only where they name as many of the story's countries, and of
        // the places of the news and the story's capitals, as they push out (SOUTH KOREA's
        // callout on the region view took the room of NORTH KOREA's name and Pyongyang's):
        // else the names stay as they were, and the short names below try again.
        let with: Vec<Placed> = out.iter().chain(&countries).copied().collect();
        if must(&with) >= must(&best) {
            (out, trial, blocked, countries)
        } else {
            (best, without, obstacles.to_vec(), Vec::new())
        }
    };
    // (Clear of the names placed and the countries' callouts, leaders included.)
    out.extend(countries);
    let more = place_callouts(
        &trial,
        &out,
        bounds,
        &blocked,
        sides,
        &new,
        Round {
            which: &|_| true,
            with_country: false,
            clear_of: &|_| true,
        },
    );
    out.extend(more);
    with_short_names(cands, out, bounds, &blocked, prev, sides, &new)
}

/// How far (pixels) a town's name keeps from the dots of other towns (see `place_pass`).
pub const ASSOC_PX: f64 = 8.0;

/// How far (pixels) a story country's short name keeps from towns' dots.
pub const SHORT_CLEAR_PX: f64 = 8.0;

/// The story's countries whose full names fit nowhere, not even in a callout, named by
/// their short forms ([`Candidate::short`]: MONG., N. KOREA): placed as the full names are
/// (inside, on a fine grid, beside over the water, set off), then in a callout. First in
/// the room left; where that fails, over the names of lower rank (other capitals, towns,
/// seas, other countries), which give way to them (a story country is always named).
/// The places of the news, the story's capitals and the story's countries' names keep
/// their places. Then the same again with their shortest forms ([`shortest_name`]).
#[allow(clippy::too_many_arguments)]
fn with_short_names<O: Occupancy>(
    cands: &[Candidate],
    mut placed: Vec<Placed>,
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
    sides: &dyn Fn(Side, &Rect) -> bool,
    new: &impl Fn() -> O,
) -> Vec<Placed> {
    let by_id: HashMap<usize, &Candidate> = cands.iter().map(|c| (c.id, c)).collect();
    // The short forms, then (with both languages) the shortest.
    for form in [Form::Short, Form::Shortest] {
        let missing = |placed: &[Placed]| -> Vec<Candidate> {
            let named: HashSet<usize> = placed.iter().map(|p| p.id).collect();
            cands
                .iter()
                .filter(|c| c.beside && !named.contains(&c.id))
                .filter_map(|c| {
                    let size = match form {
                        Form::Shortest => c.shortest,
                        _ => c.short,
                    };
                    size.map(|size| Candidate {
                        size,
                        short: None,
                        shortest: None,
                        fine: true,
                        ..c.clone()
                    })
                })
                .collect()
        };
        let short = missing(&placed);
        if short.is_empty() {
            continue;
        }
        let room = |placed: &[Placed], short: &[Candidate]| {
            short_names_in(
                cands, placed, short, bounds, obstacles, prev, sides, new, form,
            )
        };
        let found = room(&placed, &short);
        placed.extend(found);
        let short = missing(&placed);
        if short.is_empty() {
            continue;
        }
        // Over the names of lower rank: placed clear only of the names that keep their
        // places, then those they cover give way.
        let hard = |p: &Placed| by_id.get(&p.id).is_none_or(|c| c.keep || c.beside);
        let (kept, soft): (Vec<Placed>, Vec<Placed>) = placed.into_iter().partition(hard);
        let found = room(&kept, &short);
        let mut out = kept;
        out.extend(soft.into_iter().filter(|q| {
            let dot = by_id
                .get(&q.id)
                .filter(|c| c.dot)
                .map(|c| grown(&dot_rect(c.anchor), SHORT_CLEAR_PX));
            !found.iter().any(|p| {
                let through = |(a, b): ([f64; 2], [f64; 2]), r: &Rect| {
                    along_segment(a, b, 0.0, 2.0)
                        .iter()
                        .any(|q| inside(&[q[0], q[1], q[0], q[1]], r))
                };
                overlaps(&p.rect, &q.rect)
                    || dot.is_some_and(|d| overlaps(&p.rect, &d))
                    || (q.pos.has_leader() && through(q.leader(), &p.rect))
                    || (p.pos.has_leader()
                        && (through(p.leader(), &q.rect)
                            || dot.is_some_and(|d| through(p.leader(), &d))))
            })
        }));
        out.extend(found);
        placed = out;
    }
    placed
}

/// A rectangle grown by `m` on every side.
fn grown(r: &Rect, m: f64) -> Rect {
    [r[0] - m, r[1] - m, r[2] + m, r[3] + m]
}

/// The short names of `short` placed clear of `placed` (names, leaders, dots), as
/// [`with_short_names`] places them.
#[allow(clippy::too_many_arguments)]
fn short_names_in<O: Occupancy>(
    cands: &[Candidate],
    placed: &[Placed],
    short: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
    sides: &dyn Fn(Side, &Rect) -> bool,
    new: &impl Fn() -> O,
    form: Form,
) -> Vec<Placed> {
    let named: HashSet<usize> = placed.iter().map(|p| p.id).collect();
    // Clear of every name placed, its leader and its dot.
    let set_off: Vec<Placed> = placed
        .iter()
        .filter(|p| p.pos.has_leader())
        .copied()
        .collect();
    let mut around = with_callouts(obstacles, &set_off);
    around.extend(placed.iter().map(|p| p.rect));
    // (The dots drawn, with a margin: a short name just beside a town's dot would read as
    // its name.)
    around.extend(
        cands
            .iter()
            .filter(|c| c.dot && named.contains(&c.id))
            .map(|c| grown(&dot_rect(c.anchor), SHORT_CLEAR_PX)),
    );
    let leaders: Vec<_> = set_off.iter().map(Placed::leader).collect();
    let mut found = place_pass(short, bounds, &around, &leaders, prev, sides, new);
    // Still unnamed: in a callout, clear of everything placed.
    let found_ids: HashSet<usize> = found.iter().map(|p| p.id).collect();
    let left: Vec<Candidate> = short
        .iter()
        .filter(|c| !found_ids.contains(&c.id))
        .cloned()
        .chain(
            cands
                .iter()
                .filter(|c| c.dot && named.contains(&c.id))
                .cloned(),
        )
        .collect();
    if left.iter().any(|c| c.beside) {
        let mut all = placed.to_vec();
        all.extend(found.iter().copied());
        let called = place_callouts(
            &left,
            &all,
            bounds,
            &around,
            sides,
            new,
            Round {
                which: &|c| c.beside,
                with_country: true,
                clear_of: &|_| true,
            },
        );
        found.extend(called);
    }
    for p in &mut found {
        p.short = form;
    }
    found
}

/// `obstacles` with callouts' names and leader lines added.
fn with_callouts(obstacles: &[Rect], callouts: &[Placed]) -> Vec<Rect> {
    let mut blocked = obstacles.to_vec();
    for p in callouts {
        blocked.push(p.rect);
        let (from, to) = p.leader();
        blocked.extend(
            along_segment(from, to, 6.0, 4.0)
                .into_iter()
                .map(|q| [q[0] - 1.5, q[1] - 1.5, q[0] + 1.5, q[1] + 1.5]),
        );
    }
    blocked
}

/// One placement by rank, then each story country that found no place moved up before the
/// others: the names placed and the candidates with the ranks that placed them.
#[allow(clippy::too_many_arguments)]
fn place_named<O: Occupancy>(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    leaders: &[([f64; 2], [f64; 2])],
    prev: &HashMap<usize, Pos>,
    sides: &dyn Fn(Side, &Rect) -> bool,
    new: &impl Fn() -> O,
) -> (Vec<Placed>, Vec<Candidate>) {
    let first = place_pass(cands, bounds, obstacles, leaders, prev, sides, new);
    // The story's countries are always named: one that found no place in its turn (the
    // places of the news and capitals took the sea beside a narrow country) goes before
    // them, if that loses none of the places of the news and the story's capitals placed
    // before (other capitals and towns may give way).
    let ids = |placed: &[Placed]| placed.iter().map(|p| p.id).collect::<HashSet<usize>>();
    let named = ids(&first);
    let missing: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].beside && !named.contains(&cands[i].id))
        .collect();
    let mut best = first;
    let mut trial = cands.to_vec();
    let kept: Vec<&Candidate> = cands
        .iter()
        .filter(|c| c.keep && named.contains(&c.id))
        .collect();
    for i in missing {
        let rank = trial[i].rank;
        // Its own capital may give way to it (a small country is named before its capital
        // where there is room for only one); nothing else may.
        let own = |c: &Candidate| c.side == Side::HomeOrWater(home_of(cands[i].side)) && c.dot;
        trial[i].rank = BESIDE_EARLY_RANK;
        let out = place_pass(&trial, bounds, obstacles, leaders, prev, sides, new);
        let out_named = ids(&out);
        let has = |id: usize| out_named.contains(&id);
        if has(cands[i].id) && kept.iter().all(|c| has(c.id) || own(c)) {
            best = out;
        } else {
            trial[i].rank = rank;
        }
    }
    (best, trial)
}

/// Directions a callout is tried in round the countries it names (degrees clockwise from
/// east, on screen), nearest the horizontal first: east and west over the seas either side
/// of a peninsula, then turning towards south and north.
const CALLOUT_DIRS: [f64; 16] = [
    0.0, 180.0, 22.5, 157.5, -22.5, -157.5, 45.0, 135.0, -45.0, -135.0, 67.5, 112.5, -67.5, -112.5,
    90.0, -90.0,
];
/// Gaps (pixels) tried between a callout and the points it names.
const CALLOUT_GAPS: [f64; 6] = [12.0, 24.0, 40.0, 60.0, 85.0, 115.0];
/// Story countries' points nearer than this (pixels) share one callout.
pub const CALLOUT_NEAR_PX: f64 = 40.0;
/// The longest leader (pixels) a callout may have over its country's own land or water.
pub const CALLOUT_MAX_LEADER: f64 = 130.0;
/// The longest leader (pixels) a callout may have where it crosses other land.
pub const CALLOUT_MAX_CROSSING: f64 = 60.0;
/// How far (pixels) from the point it names a callout's leader is kept clear of other names
/// and dots: its start lies over a country a few pixels wide, beside its towns' dots.
pub const CALLOUT_LEADER_SKIP: f64 = 12.0;
/// Space between the lines of a callout (pixels).
const CALLOUT_LINE_GAP: f64 = 3.0;

/// The side a name keeps in a callout, for the names that must be shown: the story's
/// countries (their own land or water) and the places of the news and the story's capitals
/// (their own side); `None` for the rest.
fn callout_side(c: &Candidate) -> Option<Side> {
    if c.beside {
        off_side(c.side)
    } else if c.keep && c.dot {
        Some(c.side)
    } else {
        None
    }
}

/// One round of callouts (see [`place_callouts`]).
struct Round<'a> {
    /// The names it may set in callouts.
    which: &'a dyn Fn(&Candidate) -> bool,
    /// Only the groups that name a story country, and only with one of them named.
    with_country: bool,
    /// The names placed before that it keeps clear of (the rest move for it).
    clear_of: &'a dyn Fn(&Candidate) -> bool,
}

/// How far a callout may bend the rules a name keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loose {
    /// Not at all: names and leaders over their own land or water.
    Not,
    /// Leaders may cross other land.
    Leaders,
}

/// Whether segments a–b and c–d cross (touching at an end does not count).
pub fn segments_cross(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> bool {
    let orient = |p: [f64; 2], q: [f64; 2], r: [f64; 2]| {
        (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    };
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Points along the segment from `a` to `b` every `step` pixels, from `skip` pixels off `a`.
fn along_segment(a: [f64; 2], b: [f64; 2], skip: f64, step: f64) -> Vec<[f64; 2]> {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len = (dx * dx + dy * dy).sqrt();
    let mut out = Vec::new();
    let mut t = skip;
    while t < len {
        out.push([a[0] + dx * t / len, a[1] + dy * t / len]);
        t += step;
    }
    out
}

/// The story's countries still unnamed after placement (too small and too crowded for a
/// name beside them: the two Koreas on the world map and the default globe) are named in a
/// callout, as an atlas names small countries: their names stacked north to south, set off
/// over their own land or the water, each joined to its country by a leader line. Neighbours
/// (points within [`CALLOUT_NEAR_PX`]) share one callout, so their names keep the order of
/// the countries and their leaders never cross. Leaders that keep to the country's land or
/// water are preferred; where none do, a leader may cross other land, never another name.
fn place_callouts<O: Occupancy>(
    cands: &[Candidate],
    placed: &[Placed],
    bounds: Rect,
    obstacles: &[Rect],
    sides: &dyn Fn(Side, &Rect) -> bool,
    new: &impl Fn() -> O,
    round: Round,
) -> Vec<Placed> {
    let Round {
        which,
        with_country,
        clear_of,
    } = round;
    let named: HashSet<usize> = placed.iter().map(|p| p.id).collect();
    let mut out = Vec::new();
    let mut missing: Vec<&Candidate> = cands
        .iter()
        .filter(|c| which(c) && callout_side(c).is_some() && !named.contains(&c.id))
        // (What it names is on screen, not beyond an edge.)
        .filter(|c| inside(&dot_rect(c.anchor), &bounds))
        .collect();
    if missing.is_empty() {
        return out;
    }
    missing.sort_by(|a, b| a.anchor[0].total_cmp(&b.anchor[0]).then(a.id.cmp(&b.id)));
    let called: HashSet<usize> = missing.iter().map(|c| c.id).collect();
    // Neighbours in one group.
    let mut groups: Vec<Vec<&Candidate>> = Vec::new();
    for c in missing {
        let near = |g: &Vec<&Candidate>| {
            g.iter().any(|o| {
                let (dx, dy) = (o.anchor[0] - c.anchor[0], o.anchor[1] - c.anchor[1]);
                (dx * dx + dy * dy).sqrt() < CALLOUT_NEAR_PX
            })
        };
        match groups.iter_mut().find(|g| near(g)) {
            Some(g) => g.push(c),
            None => groups.push(vec![c]),
        }
    }
    // What a callout's names keep clear of: panels and markers, the names placed and their
    // dots, the dots of capitals and places of the news. Its leaders keep clear of names
    // and dots only (they may pass under the markers on the places they name).
    let mut taken = new();
    let mut names = new();
    let mut leaders: Vec<([f64; 2], [f64; 2])> = Vec::new();
    for o in obstacles {
        taken.insert(*o);
    }
    // (Not the dots of the names that go in callouts: their leaders start there.)
    for c in cands
        .iter()
        .filter(|c| c.dot && (c.leader || named.contains(&c.id)) && !called.contains(&c.id))
    {
        taken.insert(dot_rect(c.anchor));
        names.insert(dot_rect(c.anchor));
    }
    // (Only the names `clear_of` picks, and callouts placed before: the rest are placed
    // again.)
    let by_id: HashMap<usize, &Candidate> = cands.iter().map(|c| (c.id, c)).collect();
    for p in placed
        .iter()
        .filter(|p| by_id.get(&p.id).is_none_or(|c| clear_of(c)))
    {
        taken.insert(p.rect);
        names.insert(p.rect);
        if p.pos.has_leader() {
            leaders.push(p.leader());
        }
    }
    // The names that move for callouts: where they were.
    let soft: Vec<Rect> = placed
        .iter()
        .filter(|p| by_id.get(&p.id).is_some_and(|c| !clear_of(c)))
        .map(|p| p.rect)
        .collect();
    // (`with_country`: only the groups that name a story country.)
    groups.retain(|g| !with_country || g.iter().any(|c| c.beside));
    for mut group in groups {
        // North first.
        group.sort_by(|a, b| a.anchor[1].total_cmp(&b.anchor[1]).then(a.id.cmp(&b.id)));
        let room = (&taken, &names, soft.as_slice());
        // The story's countries named so far near these (anchor, middle of the name): the
        // callout keeps their north-to-south order (SOUTH KOREA never above NORTH KOREA).
        let order: Vec<([f64; 2], f64)> = placed
            .iter()
            .chain(out.iter())
            .filter(|p| by_id.get(&p.id).is_some_and(|c| c.beside))
            .map(|p| (p.anchor, (p.rect[1] + p.rect[3]) / 2.0))
            .collect();
        // The names on their own side, leaders too; then leaders over other land (at a cost).
        let levels = [(Loose::Not, 0.0), (Loose::Leaders, 500.0)];
        let options = |group: &[&Candidate]| {
            let scales = [
                (1.0, 0.0),
                (group.iter().map(|c| c.shrink).fold(1.0, f64::min), 200.0),
            ];
            let mut all = Vec::new();
            for (loose, extra) in levels {
                for (scale, smaller) in scales {
                    let found = callout_options(group, scale, loose, bounds, room, &leaders, sides)
                        .into_iter()
                        .filter(|(_, lines)| keeps_order(lines, &order));
                    all.extend(found.into_iter().map(|(c, l)| (c + extra + smaller, l)));
                }
            }
            all
        };
        // All in one callout; else each name on its own, the best choice of places that keep
        // them apart, north to south as their countries are, their leaders never crossing.
        let lines = match cheapest(options(&group)) {
            Some(lines) => lines,
            None => {
                // (A country left out costs more than a town.)
                let each: Vec<(f64, Vec<(f64, Placed)>)> = group
                    .iter()
                    .map(|c| {
                        let missing = if c.beside { 1e8 } else { 1e7 };
                        let o = options(&[*c])
                            .into_iter()
                            .map(|(cost, mut l)| (cost, l.remove(0)))
                            .collect();
                        (missing, o)
                    })
                    .collect();
                choose_lines(&each)
            }
        };
        // (Where it is for the story's countries, only with one of them named: towns and
        // capitals wait for the last round.)
        let country = |p: &Placed| group.iter().any(|c| c.id == p.id && c.beside);
        let lines = if with_country && !lines.iter().any(country) {
            Vec::new()
        } else {
            lines
        };
        for p in &lines {
            taken.insert(p.rect);
            names.insert(p.rect);
            leaders.push(p.leader());
        }
        out.extend(lines);
    }
    out
}

/// Every place where a callout of `group`'s names (north first) at `scale` keeps every rule
/// of [`place_callouts`] (`loose`: whether leaders must keep over each country's own land
/// or water), with its cost: the names in `soft` it covers (placed before, which will move
/// for it) and the length of its leaders, long ones weighing more.
#[allow(clippy::too_many_arguments)]
fn callout_options<O: Occupancy>(
    group: &[&Candidate],
    scale: f64,
    loose: Loose,
    bounds: Rect,
    (taken, names, soft): (&O, &O, &[Rect]),
    leaders: &[([f64; 2], [f64; 2])],
    sides: &dyn Fn(Side, &Rect) -> bool,
) -> Vec<(f64, Vec<Placed>)> {
    let sizes: Vec<[f64; 2]> = group
        .iter()
        .map(|c| [c.size[0] * scale, c.size[1] * scale])
        .collect();
    let w = sizes.iter().map(|s| s[0]).fold(0.0, f64::max);
    let h = sizes.iter().map(|s| s[1]).sum::<f64>() + CALLOUT_LINE_GAP * (sizes.len() - 1) as f64;
    let xs = group.iter().map(|c| c.anchor[0]);
    let ys = group.iter().map(|c| c.anchor[1]);
    let (x0, x1) = (
        xs.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
    );
    let (y0, y1) = (
        ys.clone().fold(f64::MAX, f64::min),
        ys.fold(f64::MIN, f64::max),
    );
    let (gx, gy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (gw, gh) = (x1 - x0, y1 - y0);
    let mut options = Vec::new();
    for gap in CALLOUT_GAPS {
        'dirs: for deg in CALLOUT_DIRS {
            let (dy, dx) = deg.to_radians().sin_cos();
            let (dx, dy) = (
                if dx.abs() < 1e-9 { 0.0 } else { dx },
                if dy.abs() < 1e-9 { 0.0 } else { dy },
            );
            let cx = gx + dx * (gw / 2.0 + w / 2.0 + gap);
            let cy = gy + dy * (gh / 2.0 + h / 2.0 + gap);
            let mut top = cy - h / 2.0;
            let mut lines: Vec<Placed> = Vec::with_capacity(group.len());
            for (c, s) in group.iter().zip(&sizes) {
                // Lines aligned towards the countries they name.
                let left = match dx {
                    d if d > 0.0 => cx - w / 2.0,
                    d if d < 0.0 => cx + w / 2.0 - s[0],
                    _ => cx - s[0] / 2.0,
                };
                let rect = [left, top, left + s[0], top + s[1]];
                top += s[1] + CALLOUT_LINE_GAP;
                let Some(side) = callout_side(c) else {
                    continue 'dirs;
                };
                let line = Placed {
                    id: c.id,
                    pos: Pos::Callout,
                    rect,
                    scale,
                    anchor: c.anchor,
                    short: Form::Full,
                };
                if !inside(&rect, &bounds) || taken.hits(&rect) || !sides(side, &rect) {
                    continue 'dirs;
                }
                lines.push(line);
            }
            let ends: Vec<([f64; 2], [f64; 2])> = lines.iter().map(Placed::leader).collect();
            let clear = lines.iter().zip(&ends).all(|(p, &(a, b))| {
                let longest = match loose {
                    Loose::Not => CALLOUT_MAX_LEADER,
                    Loose::Leaders => CALLOUT_MAX_CROSSING,
                };
                ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt() <= longest && {
                    // Not through a name, a marker or a dot (from where it is drawn, off the point
                    // it names), nor through the callout's other lines, nor across another leader.
                    let points = along_segment(a, b, CALLOUT_LEADER_SKIP, 2.0);
                    let side = group
                        .iter()
                        .find(|c| c.id == p.id)
                        .and_then(|c| callout_side(c));
                    points.iter().all(|q| {
                        let dot = [q[0] - 1.0, q[1] - 1.0, q[0] + 1.0, q[1] + 1.0];
                        !names.hits(&dot)
                            && lines
                                .iter()
                                .all(|o| o.id == p.id || !overlaps(&o.rect, &dot))
                            && (loose != Loose::Not
                                || side.is_none_or(|s| {
                                    sides(s, &[q[0] - 3.0, q[1] - 3.0, q[0] + 3.0, q[1] + 3.0])
                                }))
                    }) && leaders
                        .iter()
                        .chain(ends.iter())
                        .all(|&(c, d)| (c == a && d == b) || !segments_cross(a, b, c, d))
                }
            });
            if clear {
                // The fewest names moved (of those placed before, which give way to it),
                // then the shortest leaders.
                let moved = soft
                    .iter()
                    .filter(|r| lines.iter().any(|p| overlaps(r, &p.rect)))
                    .count();
                let length: f64 = ends
                    .iter()
                    .map(|(a, b)| ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt())
                    .sum();
                // (A name moved weighs as much as 60 px of leader; leaders past 60 px
                // weigh three times as much.)
                let long = (length - 60.0 * ends.len() as f64).max(0.0);
                options.push((moved as f64 * 60.0 + length + 2.0 * long, lines));
            }
        }
    }
    options
}

/// Whether callout lines keep the north-to-south order of the story's countries named just
/// north or south of them (`order`: their anchors and the middles of their names): a line
/// for a country north of one of them sits above its name, south of it below.
fn keeps_order(lines: &[Placed], order: &[([f64; 2], f64)]) -> bool {
    lines.iter().all(|l| {
        let mid = (l.rect[1] + l.rect[3]) / 2.0;
        order.iter().all(|&(a, m)| {
            // (Neighbours more north or south of each other than east or west: JAPAN, east
            // of Korea, is not one.)
            let (dx, dy) = ((a[0] - l.anchor[0]).abs(), (a[1] - l.anchor[1]).abs());
            let near = dx.hypot(dy) < 3.0 * CALLOUT_NEAR_PX && dy > 0.75 * dx;
            !near || a == l.anchor || (a[1] > l.anchor[1]) == (m > mid)
        })
    })
}

/// The cheapest of `options` (see [`callout_options`]).
fn cheapest(options: Vec<(f64, Vec<Placed>)>) -> Option<Vec<Placed>> {
    options
        .into_iter()
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, lines)| lines)
}

/// Whether two callout lines of one group may stand together: apart, in the north-to-south
/// order of what they name, their leaders neither crossing nor running through the other.
fn lines_agree(a: &Placed, b: &Placed) -> bool {
    let mid = |p: &Placed| (p.rect[1] + p.rect[3]) / 2.0;
    let (la, lb) = (a.leader(), b.leader());
    let through = |(p, q): ([f64; 2], [f64; 2]), r: &Rect| {
        along_segment(p, q, CALLOUT_LEADER_SKIP, 2.0)
            .iter()
            .any(|q| overlaps(r, &[q[0] - 1.0, q[1] - 1.0, q[0] + 1.0, q[1] + 1.0]))
    };
    !overlaps(&a.rect, &b.rect)
        && (a.anchor[1] < b.anchor[1]) == (mid(a) < mid(b))
        && !segments_cross(la.0, la.1, lb.0, lb.1)
        && !through(la, &b.rect)
        && !through(lb, &a.rect)
}

/// The cheapest choice of one option per line (or none, at the line's cost `missing`) in
/// which every two lines agree ([`lines_agree`]): a search over each line's cheapest options.
fn choose_lines(options: &[(f64, Vec<(f64, Placed)>)]) -> Vec<Placed> {
    /// Options kept per line.
    const KEEP: usize = 24;
    let options: Vec<(f64, Vec<(f64, Placed)>)> = options
        .iter()
        .map(|(missing, o)| {
            let mut o = o.clone();
            o.sort_by(|a, b| a.0.total_cmp(&b.0));
            o.truncate(KEEP);
            (*missing, o)
        })
        .collect();
    fn search(
        options: &[(f64, Vec<(f64, Placed)>)],
        chosen: &mut Vec<Placed>,
        cost: f64,
        best: &mut (f64, Vec<Placed>),
    ) {
        if cost >= best.0 {
            return;
        }
        let Some(((missing, first), rest)) = options.split_first() else {
            *best = (cost, chosen.clone());
            return;
        };
        for (c, p) in first {
            if chosen.iter().all(|o| lines_agree(o, p)) {
                chosen.push(*p);
                search(rest, chosen, cost + c, best);
                chosen.pop();
            }
        }
        search(rest, chosen, cost + missing, best);
    }
    let mut best = (f64::INFINITY, Vec::new());
    search(&options, &mut Vec::new(), 0.0, &mut best);
    best.1
}

/// One placement by rank; `leaders`: callouts' leader lines. No two leader lines cross.
#[allow(clippy::too_many_arguments)]
fn place_pass<O: Occupancy>(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    leaders: &[([f64; 2], [f64; 2])],
    prev: &HashMap<usize, Pos>,
    sides: &dyn Fn(Side, &Rect) -> bool,
    new: &impl Fn() -> O,
) -> Vec<Placed> {
    // Obstacles (panels, event markers) block label text; a city's dot may sit under an
    // event marker on the same place, so dots are tested against labels only.
    let mut blocked = new();
    for o in obstacles {
        blocked.insert(*o);
    }
    // The dots of capitals and places of the news are kept clear of other labels.
    for c in cands.iter().filter(|c| c.dot && c.leader) {
        blocked.insert(dot_rect(c.anchor));
    }
    // A town's name keeps ASSOC_PX from the other dots drawn (those always drawn, and those
    // of the names placed), so that it never reads as a neighbour's name: the dots with
    // that margin (`near`), and whose they are.
    let mut near = new();
    let mut near_dots: Vec<(usize, Rect)> = Vec::new();
    for c in cands.iter().filter(|c| c.dot && c.leader) {
        let r = grown(&dot_rect(c.anchor), ASSOC_PX);
        near.insert(r);
        near_dots.push((c.id, r));
    }
    let mut taken = new();
    let mut out = Vec::new();
    // Leader lines drawn so far (no two cross).
    let mut drawn = leaders.to_vec();
    for i in order(cands) {
        let c = &cands[i];
        let dot = c.dot.then(|| dot_rect(c.anchor));
        if dot.is_some_and(|d| !inside(&d, &bounds) || taken.hits(&d)) {
            continue;
        }
        // (The other dots within reach of its names and leaders.)
        let reach = GAPS[GAPS.len() - 1] + DOT_PX + c.size[0].max(c.size[1]) + ASSOC_PX;
        // (A capital's or a place of the news's own dot is among them from the start: its
        // names and leaders are tested against the others within reach, found once. A
        // town's dot joins them only once its name is placed.)
        let others = std::cell::OnceCell::new();
        let others = || -> &Vec<Rect> {
            others.get_or_init(|| {
                near_dots
                    .iter()
                    .filter(|(id, d)| {
                        *id != c.id
                            && (d[0] + d[2]) / 2.0 > c.anchor[0] - reach
                            && (d[0] + d[2]) / 2.0 < c.anchor[0] + reach
                            && (d[1] + d[3]) / 2.0 > c.anchor[1] - reach
                            && (d[1] + d[3]) / 2.0 < c.anchor[1] + reach
                    })
                    .map(|(_, d)| *d)
                    .collect()
            })
        };
        let scales: &[f64] = if c.shrink < 1.0 {
            &[1.0, c.shrink]
        } else {
            &[1.0]
        };
        // Inside its area (its previous position first), at full size then smaller; then
        // (the story's countries) touching it over the water, then off over the water with
        // a leader line.
        let fallback: [(Side, &'static [Pos], Option<Pos>); 2];
        let later: &[(Side, &'static [Pos], Option<Pos>)] =
            match (c.beside, beside_side(c.side), off_side(c.side)) {
                (true, Some(beside), Some(off)) => {
                    fallback = [(beside, &AREA_POSITIONS, None), (off, &OFF_POSITIONS, None)];
                    &fallback
                }
                _ => &[],
            };
        // The places of the news and the story's capitals may have a leader that crosses a
        // little other land (at most LOOSE_LEADER_PX: a cape), but only where no place keeps
        // it on their own land or water.
        let leader_rules: &[bool] = if c.keep { &[true, false] } else { &[true] };
        'tries: for (must_clear, (side, all, first, &scale)) in leader_rules.iter().flat_map(|m| {
            let stages = std::iter::once((c.side, positions_of(c), prev.get(&c.id).copied()))
                .chain(later.iter().copied());
            stages
                .flat_map(|(side, all, first)| scales.iter().map(move |s| (side, all, first, s)))
                .map(move |t| (*m, t))
        }) {
            let size = [c.size[0] * scale, c.size[1] * scale];
            for pos in first_then(all, first) {
                let r = rect_at(pos, c.anchor, size);
                // A name set off with a leader: the leader crosses only its own land or
                // water (never another country on the way), tested every 3 px from 6 px off
                // the point it names (see `leader_rules` above).
                let leader_clear = || {
                    let to = nearest_point(&r, c.anchor);
                    let (dx, dy) = (to[0] - c.anchor[0], to[1] - c.anchor[1]);
                    let len = (dx * dx + dy * dy).sqrt();
                    let n = (len / 3.0).ceil() as usize;
                    // From two steps off the point (where the leader is drawn from); under
                    // the loose rule, over at most LOOSE_LEADER_PX of other land.
                    let most = if must_clear {
                        0
                    } else {
                        (LOOSE_LEADER_PX / 3.0) as usize
                    };
                    (2..n)
                        .filter(|&k| {
                            let t = k as f64 / n as f64;
                            let [x, y] = [c.anchor[0] + dx * t, c.anchor[1] + dy * t];
                            // (A small box: the side rule tests a box's middle part.)
                            !sides(side, &[x - 3.0, y - 3.0, x + 3.0, y + 3.0])
                        })
                        .nth(most)
                        .is_none()
                };
                // (Its own dot's margin aside.)
                let apart = || {
                    !c.dot
                        || !near.hits(&r)
                        || (c.leader && others().iter().all(|d| !overlaps(d, &r)))
                };
                if inside(&r, &bounds)
                    && !taken.hits(&r)
                    && !blocked.hits(&r)
                    && apart()
                    && sides(side, &r)
                    && (!pos.has_leader() || leader_clear())
                    // (A town's leader passes no other dot drawn: it would seem to name it.)
                    && (!pos.has_leader() || !c.dot || {
                        let to = nearest_point(&r, c.anchor);
                        along_segment(c.anchor, to, CALLOUT_LEADER_SKIP, 2.0)
                            .iter()
                            .all(|q| {
                                let p = [q[0] - 1.0, q[1] - 1.0, q[0] + 1.0, q[1] + 1.0];
                                !near.hits(&p)
                                    || others()
                                        .iter()
                                        .all(|d| !overlaps(&grown(d, 2.0 - ASSOC_PX), &p))
                            })
                    })
                    && (!pos.has_leader() || {
                        let to = nearest_point(&r, c.anchor);
                        drawn
                            .iter()
                            .all(|&(a, b)| !segments_cross(c.anchor, to, a, b))
                    })
                {
                    taken.insert(r);
                    if let Some(d) = dot {
                        taken.insert(d);
                        if !c.leader {
                            near.insert(grown(&d, ASSOC_PX));
                            near_dots.push((c.id, grown(&d, ASSOC_PX)));
                        }
                    }
                    if pos.has_leader() {
                        drawn.push((c.anchor, nearest_point(&r, c.anchor)));
                    }
                    out.push(Placed {
                        id: c.id,
                        pos,
                        rect: r,
                        scale,
                        anchor: c.anchor,
                        short: Form::Full,
                    });
                    break 'tries;
                }
            }
        }
    }
    out
}

/// Places labels by rank with no overlap, inside `bounds`, clear of `obstacles`, each on its
/// own side ([`Side`]: `sides` says whether a rectangle keeps a rule), trying each label's
/// previous position (`prev`) first. Uses a grid; same result as [`place_naive`].
pub fn place(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
    sides: &dyn Fn(Side, &Rect) -> bool,
) -> Vec<Placed> {
    place_with(cands, bounds, obstacles, prev, sides, || {
        Grid::new(bounds, 48.0)
    })
}

/// The same placement with an all-pairs overlap check (the benchmark's baseline).
pub fn place_naive(
    cands: &[Candidate],
    bounds: Rect,
    obstacles: &[Rect],
    prev: &HashMap<usize, Pos>,
    sides: &dyn Fn(Side, &Rect) -> bool,
) -> Vec<Placed> {
    place_with(cands, bounds, obstacles, prev, sides, Vec::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::projection::{Lcc, MapKind};
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

    /// What lies under a pixel of a flat map.
    fn ground_of<'a>(
        atlas: &'a Atlas,
        view: &'a MapView,
        kind: MapKind,
        size: [f64; 2],
    ) -> impl Fn([f64; 2]) -> Ground + 'a {
        flat_map_ground(atlas.ground(kind), view, size)
    }

    fn layout_on(
        atlas: &Atlas,
        kind: MapKind,
        view: &MapView,
        srcs: &[LabelSource],
        size: [f64; 2],
    ) -> Vec<Placed> {
        let mut c = candidates(srcs, view, size);
        let bounds = [0.0, 30.0, size[0], size[1]];
        let ground = flat_map_ground(atlas.ground(kind), view, size);
        add_always_named(&mut c, srcs, view.zoom, bounds, &ground);
        let sides = flat_map_sides(atlas.ground(kind), view, size);
        place(&c, bounds, &[], &HashMap::new(), &sides)
    }

    fn layout(atlas: &Atlas, view: &MapView, srcs: &[LabelSource], size: [f64; 2]) -> Vec<Placed> {
        layout_on(atlas, MapKind::Regional, view, srcs, size)
    }

    /// Every placed label checked against the country and sea shapes at points 2 px apart
    /// (three times as dense as placement tests them).
    fn assert_on_their_side(
        atlas: &Atlas,
        kind: MapKind,
        view: &MapView,
        srcs: &[LabelSource],
        placed: &[Placed],
        size: [f64; 2],
        what: &str,
    ) -> (usize, usize) {
        let ground = ground_of(atlas, view, kind, size);
        let by_id: HashMap<usize, &LabelSource> = srcs.iter().map(|s| (s.place, s)).collect();
        let mut sided = 0;
        for p in placed {
            let s = by_id[&p.id];
            if s.side != Side::Any {
                sided += 1;
            }
            let beside =
                s.always && off_side(s.side).is_some_and(|b| keeps_side(b, &p.rect, &ground, 1.0));
            // A leader crosses only the land of what it names or water (the places of the
            // news and the story's capitals excepted: they are always named).
            if let (true, false, Side::Inside(home) | Side::HomeOrWater(home)) =
                (p.pos.has_leader() && p.pos != Pos::Callout, s.keep, s.side)
            {
                let to = nearest_point(&p.rect, p.anchor);
                for k in 3..20 {
                    let t = k as f64 / 20.0;
                    let q = [
                        p.anchor[0] + (to[0] - p.anchor[0]) * t,
                        p.anchor[1] + (to[1] - p.anchor[1]) * t,
                    ];
                    let g = ground(q);
                    assert!(
                        g == Ground::Water || g == Ground::Land(home),
                        "{what}: the leader of {:?} crosses {g:?} at {q:?}",
                        s.text
                    );
                }
            }
            assert!(
                keeps_side(s.side, &p.rect, &ground, 1.0) || beside,
                "{what}: {:?} ({:?}, {:?}) crosses onto {:?}",
                s.text,
                s.kind,
                s.side,
                side_points(&p.rect, 1.0)
                    .into_iter()
                    .map(&ground)
                    .filter(|g| match s.side {
                        Side::HomeOrWater(c) | Side::Inside(c) =>
                            *g != Ground::Water && *g != Ground::Land(c),
                        Side::Water => *g != Ground::Water,
                        Side::Any => *g == Ground::Off,
                        Side::Beside(c) => *g != Ground::Water && *g != Ground::Land(c),
                    })
                    .map(|g| match g {
                        Ground::Land(c) => atlas.countries[c as usize].iso3.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect::<std::collections::BTreeSet<_>>()
            );
        }
        (sided, placed.len())
    }

    /// NORTH KOREA's name above SOUTH KOREA's wherever both are named.
    fn assert_koreas_in_order(atlas: &Atlas, placed: &[Placed], what: &str) {
        let mid = |name: &str| {
            placed
                .iter()
                .find(|p| atlas.places[p.id].name == name)
                .map(|p| (p.rect[1] + p.rect[3]) / 2.0)
        };
        if let (Some(n), Some(s)) = (mid("North Korea"), mid("South Korea")) {
            assert!(
                n < s,
                "{what}: NORTH KOREA at y {n:.0}, SOUTH KOREA above it at {s:.0}"
            );
        }
    }

    /// No two leader lines cross, and none runs through another name.
    fn assert_leaders_apart(placed: &[Placed], what: &str) {
        let leaders: Vec<(usize, [f64; 2], [f64; 2])> = placed
            .iter()
            .filter(|p| p.pos.has_leader())
            .map(|p| (p.id, p.anchor, nearest_point(&p.rect, p.anchor)))
            .collect();
        for (i, &(id, a, b)) in leaders.iter().enumerate() {
            for &(other, c, d) in &leaders[i + 1..] {
                assert!(
                    !segments_cross(a, b, c, d),
                    "{what}: the leaders of {id} and {other} cross"
                );
            }
            if placed.iter().any(|p| p.id == id && p.pos == Pos::Callout) {
                for q in along_segment(a, b, CALLOUT_LEADER_SKIP, 2.0) {
                    let dot = [q[0] - 0.5, q[1] - 0.5, q[0] + 0.5, q[1] + 0.5];
                    for p in placed.iter().filter(|p| p.id != id) {
                        assert!(
                            !overlaps(&p.rect, &dot),
                            "{what}: the leader of {id} runs through {}",
                            p.id
                        );
                    }
                }
            }
        }
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
    fn a_place_of_no_country_keeps_to_the_country_it_lies_in() {
        // Vatican City has no country of its own in the atlas: its name keeps to Italy (it
        // was once named over Ukraine on the globe, its leader running from Rome's limb).
        let atlas = Atlas::bundled().unwrap();
        let i = atlas
            .places
            .iter()
            .position(|p| p.name == "Vatican City")
            .unwrap();
        let italy = atlas.country_index("ITA").unwrap() as u16;
        assert_eq!(side_of(&atlas, i), Side::HomeOrWater(italy));
    }

    #[test]
    fn a_name_beside_its_country_keeps_clear_of_the_neighbours() {
        // Country 1's land west of x = 100, country 2's east of x = 200, water between.
        let ground = |p: [f64; 2]| match p[0] {
            x if x < 100.0 => Ground::Land(1),
            x if x > 200.0 => Ground::Land(2),
            _ => Ground::Water,
        };
        // Touching its own land, far from the other's: beside it.
        assert!(keeps_side(
            Side::Beside(1),
            &[95.0, 0.0, 150.0, 20.0],
            &ground,
            1.0
        ));
        // On the water too, but closer than BESIDE_CLEAR_PX to the other country.
        let near = 200.0 - BESIDE_CLEAR_PX / 2.0;
        assert!(!keeps_side(
            Side::Beside(1),
            &[95.0, 0.0, near, 20.0],
            &ground,
            1.0
        ));
        // Not touching its land at all.
        assert!(!keeps_side(
            Side::Beside(1),
            &[120.0, 0.0, 160.0, 20.0],
            &ground,
            1.0
        ));
    }

    #[test]
    fn the_story_countries_have_short_names_in_each_language() {
        assert_eq!(
            short_name(Lang::En, "MNG", Some("몽골")).as_deref(),
            Some("MONG.")
        );
        assert_eq!(
            short_name(Lang::Both, "MNG", Some("몽골")).as_deref(),
            Some("MONG.\n몽골")
        );
        // 대한민국 shortens to 한국; 몽골 is short already; China has no short form.
        assert_eq!(
            short_name(Lang::Ko, "KOR", Some("대한민국")).as_deref(),
            Some("한국")
        );
        assert_eq!(short_name(Lang::Ko, "MNG", Some("몽골")), None);
        assert_eq!(short_name(Lang::En, "CHN", Some("중국")), None);
        // With both languages, the English short form alone is the shortest.
        assert_eq!(shortest_name(Lang::Both, "MNG").as_deref(), Some("MONG."));
        assert_eq!(shortest_name(Lang::En, "MNG"), None);
        assert_eq!(shortest_name(Lang::Both, "CHN"), None);
        // The bundled atlas gives the story's countries theirs, and none to others.
        let atlas = Atlas::bundled().unwrap();
        let m = TextMeasure::bundled();
        let srcs = sources(&atlas, Lang::En, MapStyle::Atlas, &m, &Lcc::atlas());
        let short = |name: &str| {
            srcs.iter()
                .find(|s| s.kind == LabelKind::Country && atlas.places[s.place].name == name)
                .and_then(|s| s.short.as_ref().map(|(t, _)| t.clone()))
        };
        assert_eq!(short("Mongolia").as_deref(), Some("MONG."));
        assert_eq!(short("North Korea").as_deref(), Some("N. KOREA"));
        assert_eq!(short("France"), None);
    }

    #[test]
    fn a_story_country_too_narrow_for_its_name_gets_its_short_name() {
        // A landlocked strip (country 1, 120 × 30 px) inside country 2, its capital's dot in
        // the middle, the capital's name beside it.
        let ground = |p: [f64; 2]| {
            if (0.0..120.0).contains(&p[0]) && (100.0..130.0).contains(&p[1]) {
                Ground::Land(1)
            } else {
                Ground::Land(2)
            }
        };
        let sides = |side: Side, r: &Rect| keeps_side(side, r, &ground, 1.0);
        let capital = Candidate {
            id: 2,
            rank: 1.0,
            anchor: [60.0, 115.0],
            size: [60.0, 16.0],
            dot: true,
            side: Side::Any,
            leader: true,
            keep: true,
            shrink: 1.0,
            beside: false,
            short: None,
            shortest: None,
            fine: false,
        };
        // Its name too long even shrunk (200 × 0.65 = 130 px); its short form 51 px.
        let country = Candidate {
            id: 1,
            rank: STORY_COUNTRY_RANK,
            anchor: [60.0, 115.0],
            size: [200.0, 21.0],
            dot: false,
            side: Side::Inside(1),
            leader: false,
            keep: false,
            shrink: ALWAYS_SHRINK,
            beside: true,
            short: Some([51.0, 21.0]),
            shortest: None,
            fine: false,
        };
        let bounds = [0.0, 0.0, 400.0, 300.0];
        let placed = place(
            &[capital.clone(), country.clone()],
            bounds,
            &[],
            &HashMap::new(),
            &sides,
        );
        let name = placed
            .iter()
            .find(|p| p.id == 1)
            .expect("the country is named");
        assert_eq!(name.short, Form::Short, "{name:?}");
        assert!(sides(Side::Inside(1), &name.rect), "{name:?}");
        assert!(placed.iter().any(|p| p.id == 2 && p.short == Form::Full));
        assert!(!overlaps(&name.rect, &dot_rect(capital.anchor)));
        // With both languages its short form is two lines (90 px, 58 px shrunk), taller
        // than the strip: its shortest form (one line) names it.
        let both = Candidate {
            short: Some([51.0, 90.0]),
            shortest: Some([51.0, 21.0]),
            ..country.clone()
        };
        let placed = place(
            &[capital.clone(), both],
            bounds,
            &[],
            &HashMap::new(),
            &sides,
        );
        let name = placed.iter().find(|p| p.id == 1).expect("named");
        assert_eq!(name.short, Form::Shortest, "{name:?}");
        assert!(sides(Side::Inside(1), &name.rect), "{name:?}");
        // Without a short form it goes unnamed (the test can fail).
        let none = Candidate {
            short: None,
            ..country
        };
        let placed = place(&[capital, none], bounds, &[], &HashMap::new(), &sides);
        assert!(!placed.iter().any(|p| p.id == 1), "{placed:?}");
    }

    #[test]
    fn a_place_of_the_news_keeps_its_leader_off_other_land_where_it_can() {
        // Its own land west of x = 300, a neighbour's strip to x = 345, the sea beyond; the
        // room next to its dot on its own land is taken (an obstacle to x = 292).
        let ground = |p: [f64; 2]| match p[0] {
            x if x < 300.0 => Ground::Land(1),
            x if x < 345.0 => Ground::Land(2),
            _ => Ground::Water,
        };
        let sides = |side: Side, r: &Rect| keeps_side(side, r, &ground, 1.0);
        let news = Candidate {
            id: 7,
            rank: 1.0,
            anchor: [295.0, 150.0],
            size: [40.0, 16.0],
            dot: true,
            side: Side::HomeOrWater(1),
            leader: true,
            keep: true,
            shrink: 1.0,
            beside: false,
            short: None,
            shortest: None,
            fine: false,
        };
        let placed = place(
            std::slice::from_ref(&news),
            [0.0, 0.0, 600.0, 300.0],
            &[[220.0, 0.0, 292.0, 300.0]],
            &HashMap::new(),
            &sides,
        );
        let p = placed.first().expect("placed");
        assert!(p.pos.has_leader(), "{p:?}");
        // Its leader (from where it is drawn, 6 px off the dot) crosses no other land: it
        // went west beyond the obstacle, not east over the sea across the neighbour.
        let (a, b) = p.leader();
        for q in along_segment(a, b, 6.0, 2.0) {
            assert_ne!(
                ground(q),
                Ground::Land(2),
                "{p:?} crosses the neighbour at {q:?}"
            );
        }
        assert!(p.rect[2] < 220.0, "{p:?}");
    }

    #[test]
    fn a_town_name_keeps_clear_of_the_next_towns_dot() {
        // Two towns 42 px apart on one country's land, the east one placed first (its name to
        // its right). The west one's first place, right of its dot, would end 1 px from the
        // east one's dot and read as its name.
        let ground = |_: [f64; 2]| Ground::Land(1);
        let sides = |side: Side, r: &Rect| keeps_side(side, r, &ground, 1.0);
        let town = |id: usize, rank: f64, x: f64| Candidate {
            id,
            rank,
            anchor: [x, 100.0],
            size: [30.0, 16.0],
            dot: true,
            side: Side::HomeOrWater(1),
            leader: false,
            keep: false,
            shrink: 1.0,
            beside: false,
            short: None,
            shortest: None,
            fine: false,
        };
        let (east, west) = (town(1, 1.0, 100.0), town(2, 2.0, 58.0));
        let placed = place(
            &[east.clone(), west.clone()],
            [0.0, 0.0, 300.0, 200.0],
            &[],
            &HashMap::new(),
            &sides,
        );
        let w = placed.iter().find(|p| p.id == 2).expect("named");
        let near = grown(&dot_rect(east.anchor), ASSOC_PX);
        assert!(
            !overlaps(&w.rect, &near),
            "{w:?} is next to the east town's dot"
        );
        assert!(!overlaps(&w.rect, &dot_rect(west.anchor)));
    }

    #[test]
    fn a_place_of_the_news_never_has_a_leader_across_a_whole_country() {
        // Its dot on its own land (west of x = 300) hard against a 70 px wide neighbour, the
        // sea beyond; its own land's room taken (an obstacle over it). Its name may not sit
        // in the sea with a leader across the neighbour.
        let ground = |p: [f64; 2]| match p[0] {
            x if x < 300.0 => Ground::Land(1),
            x if x < 370.0 => Ground::Land(2),
            _ => Ground::Water,
        };
        let sides = |side: Side, r: &Rect| keeps_side(side, r, &ground, 1.0);
        let place_of_news = Candidate {
            id: 1,
            rank: 0.9,
            anchor: [296.0, 150.0],
            size: [60.0, 18.0],
            dot: true,
            side: Side::HomeOrWater(1),
            leader: true,
            keep: true,
            shrink: 1.0,
            beside: false,
            short: None,
            shortest: None,
            fine: false,
        };
        let placed = place(
            &[place_of_news],
            [0.0, 0.0, 600.0, 300.0],
            &[[0.0, 0.0, 292.0, 300.0]],
            &HashMap::new(),
            &sides,
        );
        for p in placed.iter().filter(|p| p.pos.has_leader()) {
            let (a, b) = p.leader();
            let over = along_segment(a, b, 0.0, 1.0)
                .iter()
                .filter(|q| ground(**q) == Ground::Land(2))
                .count() as f64;
            assert!(
                over <= LOOSE_LEADER_PX,
                "{p:?}: {over} px over the neighbour"
            );
        }
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
            let srcs = sources(&atlas, lang, MapStyle::Atlas, &m, &proj);
            let korea = ViewSpec::Korea.resolve_in(size, Insets::default(), &proj);
            let placed = layout(&atlas, &korea, &srcs, size);
            let (sided, n) = assert_on_their_side(
                &atlas,
                MapKind::Regional,
                &korea,
                &srcs,
                &placed,
                size,
                "korea",
            );
            assert!(
                sided * 10 > n * 9,
                "korea: {sided} of {n} labels have a side"
            );
            assert_no_overlap(&placed, "korea");
            assert_koreas_in_order(&atlas, &placed, "korea");
            let n = names(&atlas, &placed);
            for want in ["Seoul", "Pyongyang", "Hamhung"] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} korea lacks {want}: {n:?}"
                );
            }
            // The story's countries are named when on screen (Russia, a strip round
            // Vladivostok here, beside it over the sea where it is too narrow).
            for want in ["North Korea", "South Korea", "China", "Japan", "Russia"] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} korea lacks the country {want}: {n:?}"
                );
            }
            let region = ViewSpec::Region.resolve_in(size, Insets::default(), &proj);
            let placed = layout(&atlas, &region, &srcs, size);
            let (sided, n) = assert_on_their_side(
                &atlas,
                MapKind::Regional,
                &region,
                &srcs,
                &placed,
                size,
                "region",
            );
            assert!(
                sided * 10 > n * 9,
                "region: {sided} of {n} labels have a side"
            );
            assert_no_overlap(&placed, "region");
            assert_koreas_in_order(&atlas, &placed, "region");
            let n = names(&atlas, &placed);
            // The two Koreas are about 30 px wide here, full of the story's places: their
            // names sit beside them over the sea. (With both languages UKRAINE over
            // 우크라이나 takes the room of Kyiv's name: a country's name goes before its
            // capital's where there is room for one.)
            let kyiv = if lang == Lang::Both {
                "Ukraine"
            } else {
                "Kyiv"
            };
            for want in [
                "Moscow",
                kyiv,
                "Kursk",
                "Vladivostok",
                "Beijing",
                "Tokyo",
                "North Korea",
                "South Korea",
            ] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} region lacks {want}: {n:?}"
                );
            }
            // Every one of the story's countries is named.
            for want in ["China", "Russia", "Japan", "Mongolia", "Ukraine"] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} region lacks the country {want}: {n:?}"
                );
            }
            // The World view is on the world map: its labels are placed from that map's plane.
            let wp = crate::projection::MapKind::World.projection();
            let wsrcs = sources(&atlas, lang, MapStyle::Atlas, &m, &wp);
            let world = ViewSpec::World.resolve_in(size, Insets::default(), &wp);
            let placed = layout_on(&atlas, MapKind::World, &world, &wsrcs, size);
            let (sided, n) = assert_on_their_side(
                &atlas,
                MapKind::World,
                &world,
                &wsrcs,
                &placed,
                size,
                "world",
            );
            assert!(
                sided * 10 > n * 9,
                "world: {sided} of {n} labels have a side"
            );
            assert_no_overlap(&placed, "world");
            assert_koreas_in_order(&atlas, &placed, "world");
            let n = names(&atlas, &placed);
            // The whole Earth: capitals, and the story's countries named among them.
            for want in [
                "Brasilia",
                "Canberra",
                "Washington, D.C.",
                "China",
                "Russia",
                "Japan",
                "North Korea",
                "South Korea",
            ] {
                assert!(
                    n.iter().any(|x| x == want),
                    "{lang:?} world lacks {want}: {n:?}"
                );
            }
            // The Koreas, a few pixels wide, are named in callouts (North above South) where
            // their names do not fit beside them.
            let at = |name: &str| {
                placed
                    .iter()
                    .find(|p| atlas.places[p.id].name == name)
                    .map(|p| (p.pos, (p.rect[1] + p.rect[3]) / 2.0))
                    .unwrap()
            };
            let (north, south) = (at("North Korea"), at("South Korea"));
            assert!(
                (north.0 == Pos::Callout || south.0 == Pos::Callout) && north.1 < south.1,
                "{lang:?} world: {north:?} {south:?}"
            );
            assert_leaders_apart(&placed, "world");
        }
    }

    #[test]
    fn names_on_the_globe_stay_on_the_earth() {
        use crate::globe::{FOV, GlobeView};
        let atlas = Atlas::bundled().unwrap();
        let m = TextMeasure::bundled();
        let wp = MapKind::World.projection();
        // The free part of a 1280x800 window beside the panels (and of a 1600x1000 one).
        let mut named = 0;
        // The default view (and the one that once printed "Vatican City" out in space, off
        // the disc's left edge), Africa, the Pacific, Korea close up.
        for (size, center, distance) in [
            (
                [1255.0, 800.0],
                GlobeView::story().center,
                GlobeView::story().distance,
            ),
            (
                [940.0, 602.0],
                GlobeView::story().center,
                GlobeView::story().distance,
            ),
            ([940.0, 602.0], GlobeView::story().center, 3.2),
            ([940.0, 602.0], [20.0, 0.0], 3.6),
            ([940.0, 602.0], [-160.0, 10.0], 4.2),
            ([940.0, 602.0], [127.0, 38.0], 1.6),
        ] {
            let g = GlobeView {
                center,
                distance,
                fov: FOV,
            };
            let zoom = crate::view::zoom_for(g.km_per_px(size[1]));
            for lang in [Lang::En, Lang::Ko] {
                let srcs = sources(&atlas, lang, MapStyle::Atlas, &m, &wp);
                let mut c = candidates_by(&srcs, zoom, size, |s| g.to_pixel(s.lonlat, size));
                let ground = |px: [f64; 2]| {
                    g.from_pixel(px, size)
                        .map_or(Ground::Off, |ll| atlas.ground_world.at(ll))
                };
                let bounds = [0.0, 0.0, size[0], size[1]];
                add_always_named(&mut c, &srcs, zoom, bounds, &ground);
                let sides = sampled_sides(ground, SIDE_STEP_PX);
                let placed = place(&c, bounds, &[], &HashMap::new(), &sides);
                assert_no_overlap(&placed, "globe");
                assert_koreas_in_order(&atlas, &placed, "globe");
                for p in &placed {
                    let off = side_points(&p.rect, 1.0)
                        .into_iter()
                        .filter(|q| ground(*q) == Ground::Off)
                        .count();
                    assert!(
                        off == 0,
                        "{center:?} at {distance}: {} has {off} points off the Earth",
                        atlas.places[p.id].name
                    );
                }
                named += placed.len();
            }
        }
        assert!(named > 100, "{named} names on the globes");
    }

    #[test]
    fn the_projector_style_has_names_readable_from_the_back_of_a_room() {
        let atlas = Atlas::bundled().unwrap();
        let m = TextMeasure::bundled();
        let proj = Lcc::atlas();
        let atlas_srcs = sources(&atlas, Lang::En, MapStyle::Atlas, &m, &proj);
        let srcs = sources(&atlas, Lang::En, MapStyle::Projector, &m, &proj);
        for s in &srcs {
            let least = match s.kind {
                LabelKind::City => 18.0,
                LabelKind::Capital | LabelKind::Country => 24.0,
                _ => 16.0,
            };
            assert!(
                s.font_px >= least,
                "{} ({:?}) at {} px, want {least}",
                s.text,
                s.kind,
                s.font_px
            );
        }
        // A hierarchy in both: big countries over small, capitals over towns, cities by size.
        for set in [&atlas_srcs, &srcs] {
            let px = |name: &str, kind: LabelKind| {
                set.iter()
                    .find(|s| atlas.places[s.place].name == name && s.kind == kind)
                    .map(|s| s.font_px)
                    .unwrap_or_else(|| panic!("{name} has no label"))
            };
            assert!(px("Russia", LabelKind::Country) > px("Ukraine", LabelKind::Country));
            assert!(px("Ukraine", LabelKind::Country) > px("South Korea", LabelKind::Country));
            assert!(px("Seoul", LabelKind::Capital) > px("Busan", LabelKind::City));
            assert!(px("Busan", LabelKind::City) > px("Gyeongju", LabelKind::City));
        }
    }

    #[test]
    fn twenty_seeded_random_views_have_no_overlap_and_stay_on_screen() {
        let atlas = Atlas::bundled().unwrap();
        let proj = Lcc::atlas();
        let m = TextMeasure::bundled();
        let srcs = sources(&atlas, Lang::Both, MapStyle::Atlas, &m, &proj);
        let mut rng = Rng(0xda7e_11e5);
        let (mut all_sided, mut all) = (0, 0);
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
            let placed = layout(&atlas, &view, &srcs, size);
            let (sided, n) = assert_on_their_side(
                &atlas,
                MapKind::Regional,
                &view,
                &srcs,
                &placed,
                size,
                &format!("view {k}"),
            );
            all_sided += sided;
            all += n;
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
        assert!(
            all_sided * 10 > all * 8,
            "{all_sided} of {all} labels have a side"
        );
    }

    #[test]
    fn a_placed_label_keeps_its_place_while_panning() {
        let atlas = Atlas::bundled().unwrap();
        let proj = Lcc::atlas();
        let m = TextMeasure::bundled();
        let srcs = sources(&atlas, Lang::En, MapStyle::Atlas, &m, &proj);
        let size = [1280.0, 800.0];
        let mut view = ViewSpec::Korea.resolve(size, &proj);
        let bounds = [0.0, 0.0, size[0], size[1]];
        let mut prev: HashMap<usize, Pos> = HashMap::new();
        let first = {
            let g = flat_map_sides(atlas.ground(MapKind::Regional), &view, size);
            place(&candidates(&srcs, &view, size), bounds, &[], &prev, &g)
        };
        prev.extend(first.iter().map(|p| (p.id, p.pos)));
        // Pan by 3 pixels a few times: labels well inside the screen keep their position.
        for _ in 0..5 {
            view.center[0] += 3.0 * crate::view::km_per_px(view.zoom);
            let g = flat_map_sides(atlas.ground(MapKind::Regional), &view, size);
            let now = place(&candidates(&srcs, &view, size), bounds, &[], &prev, &g);
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
                side: if rng.next() < 0.5 {
                    Side::Water
                } else {
                    Side::Any
                },
                leader: false,
                keep: false,
                shrink: 1.0,
                beside: false,
                short: None,
                shortest: None,
                fine: false,
            })
            .collect();
        let bounds = [0.0, 0.0, 1920.0, 1080.0];
        let obstacles = [[100.0, 100.0, 300.0, 300.0]];
        let water = |s: Side, _: &Rect| s != Side::Water;
        let a = place(&cands, bounds, &obstacles, &HashMap::new(), &water);
        let b = place_naive(&cands, bounds, &obstacles, &HashMap::new(), &water);
        assert_eq!(a, b);
        assert!(a.len() > 100);
        assert_no_overlap(&a, "random");
        assert!(a.iter().all(|p| !overlaps(&p.rect, &obstacles[0])));
    }
}
