//! The bundled atlas: the map data shipped in `assets/map`, validated, projected and
//! tessellated once, ready to become meshes and lines.

use rayon::prelude::*;

use super::clip::clip_line;
use super::geojson::{self, Loaded};
use super::globe::sphere_polygon;
use super::ground::GroundIndex;
use super::model::{Feature, LonLat, Shape};
use super::projection::{EqualEarth, Lcc, MapKind, Projection};
use super::tessellate::{MeshData, densify, triangulate};
use super::topology::{self, EdgeKind};

/// The frame of the bundled data (west, south, east, north): the world, cut at ±180° and at
/// the poles. Polygon edges along it (Antarctica's cap, the antimeridian) are not coasts.
pub const DATA_FRAME: [f64; 4] = [-180.0, -90.0, 180.0, 90.0];

/// Longest triangle edge (km) of the atlas on the globe: nothing cuts through the sphere.
pub const GLOBE_EDGE_KM: f32 = 120.0;

/// Triangles on the unit sphere.
#[derive(Debug, Clone, Default)]
pub struct SphereMesh {
    /// Vertex positions on the unit sphere.
    pub positions: Vec<[f32; 3]>,
    /// Triangle indices into `positions`.
    pub indices: Vec<u32>,
}

impl SphereMesh {
    /// A polygon (lon/lat rings) on the unit sphere, whatever the map projection shows of it.
    pub fn of_polygon(rings: &[Vec<LonLat>]) -> SphereMesh {
        let (positions, indices) = sphere_polygon(rings, GLOBE_EDGE_KM, 1.0);
        SphereMesh { positions, indices }
    }

    /// Appends another mesh.
    pub fn extend(&mut self, other: SphereMesh) {
        let base = self.positions.len() as u32;
        self.positions.extend(other.positions);
        self.indices
            .extend(other.indices.into_iter().map(|i| i + base));
    }
}

/// The bundled layers, embedded (Deflate-compressed by `build.rs`) so the app opens with good
/// data and no files to find; each is inflated once, when first used.
pub mod bundled {
    use std::sync::OnceLock;

    /// Inflates an embedded file once and keeps it for the program's life.
    fn inflated(cell: &'static OnceLock<Vec<u8>>, packed: &[u8]) -> &'static [u8] {
        cell.get_or_init(|| {
            // Compressed by build.rs from the repository's own files: it cannot fail unless
            // the build itself is broken.
            miniz_oxide::inflate::decompress_to_vec(packed)
                .expect("the bundled data was compressed by build.rs")
        })
    }

    macro_rules! bundled_file {
        ($(#[$doc:meta])* $name:ident, $file:literal) => {
            $(#[$doc])*
            pub fn $name() -> &'static [u8] {
                static CELL: OnceLock<Vec<u8>> = OnceLock::new();
                inflated(&CELL, include_bytes!(concat!(env!("OUT_DIR"), "/", $file)))
            }
        };
    }

    bundled_file!(
        /// Country polygons (countries.geojson).
        countries,
        "countries.geojson.deflate"
    );
    bundled_file!(
        /// Province borders, the MDL, rivers (lines.geojson).
        lines,
        "lines.geojson.deflate"
    );
    bundled_file!(
        /// Lakes (lakes.geojson).
        lakes,
        "lakes.geojson.deflate"
    );
    bundled_file!(
        /// Label points (places.geojson).
        places,
        "places.geojson.deflate"
    );
    bundled_file!(
        /// Dateline Sans KR: Noto Sans KR subset to Latin, Cyrillic and Hangul, renamed (OFL).
        font,
        "DatelineSansKR-Regular.otf.deflate"
    );
}

/// Number of land colours; neighbours always get different ones.
pub const PALETTE: usize = 5;

/// One country, ready to draw.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166 alpha-3 code.
    pub iso3: String,
    /// ISO 3166 alpha-2 code, where there is one.
    pub iso2: Option<String>,
    /// English name.
    pub name: String,
    /// Korean name.
    pub name_ko: Option<String>,
    /// Index into the land palette.
    pub colour: usize,
    /// Triangles in plane kilometres on the region's conic (what it shows).
    pub mesh: MeshData,
    /// Triangles in plane kilometres on the world map (all of it).
    pub mesh_world: MeshData,
    /// Triangles on the unit sphere (the globe: all of it).
    pub globe: SphereMesh,
}

impl Country {
    /// Its triangles on a flat map of this kind.
    pub fn mesh_of(&self, kind: MapKind) -> &MeshData {
        match kind {
            MapKind::Regional => &self.mesh,
            MapKind::World => &self.mesh_world,
        }
    }
}

impl LineLayer {
    /// Its polylines on a flat map of this kind.
    pub fn lines_of(&self, kind: MapKind) -> &[Vec<[f32; 2]>] {
        match kind {
            MapKind::Regional => &self.lines,
            MapKind::World => &self.lines_world,
        }
    }
}

/// The kinds of line drawn on the map, in drawing order (later on top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LineKind {
    /// Rivers.
    River,
    /// Province borders of countries other than the two Koreas (shown when zoomed in).
    ProvinceOther,
    /// Province borders of South and North Korea.
    ProvinceKorea,
    /// Land meets sea.
    Coast,
    /// Country borders.
    Border,
    /// The Military Demarcation Line between the Koreas (approximate).
    Mdl,
}

impl LineKind {
    /// All kinds, in drawing order.
    pub const ALL: [LineKind; 6] = [
        LineKind::River,
        LineKind::ProvinceOther,
        LineKind::ProvinceKorea,
        LineKind::Coast,
        LineKind::Border,
        LineKind::Mdl,
    ];

    /// The layer name used in the UI and the scene description.
    pub fn name(self) -> &'static str {
        match self {
            LineKind::River => "rivers",
            LineKind::ProvinceOther => "provinces (other countries)",
            LineKind::ProvinceKorea => "provinces (Korea)",
            LineKind::Coast => "coastlines",
            LineKind::Border => "borders",
            LineKind::Mdl => "military demarcation line (approximate)",
        }
    }
}

/// Polylines of one kind, in plane kilometres.
#[derive(Debug, Clone)]
pub struct LineLayer {
    /// What the lines are.
    pub kind: LineKind,
    /// The polylines in plane kilometres on the region's conic, cut where it tears.
    pub lines: Vec<Vec<[f32; 2]>>,
    /// The same on the world map, cut at its seam.
    pub lines_world: Vec<Vec<[f32; 2]>>,
    /// The same polylines in longitude/latitude, whole (for the globe).
    pub lonlat: Vec<Vec<LonLat>>,
}

/// What a place is (the `kind` property of the places file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country's capital.
    Capital,
    /// A city.
    City,
    /// A town.
    Town,
    /// A district of a city.
    District,
    /// A site (a plant, a port, a launch site).
    Site,
    /// A country (its label point).
    Country,
    /// A province or region.
    Province,
    /// A sea.
    Sea,
    /// A strait.
    Strait,
    /// An ocean.
    Ocean,
    /// A bay or gulf.
    Bay,
    /// An island (a dot with a name: Dokdo, Ulleungdo).
    Island,
    /// A river's label point (on the river, or on the border line where the river is it).
    River,
    /// An area whose status is disputed (its card says who administers and who claims it).
    Area,
}

impl PlaceKind {
    /// Every kind.
    pub const ALL: [PlaceKind; 14] = [
        PlaceKind::Capital,
        PlaceKind::City,
        PlaceKind::Town,
        PlaceKind::District,
        PlaceKind::Site,
        PlaceKind::Country,
        PlaceKind::Province,
        PlaceKind::Sea,
        PlaceKind::Strait,
        PlaceKind::Ocean,
        PlaceKind::Bay,
        PlaceKind::Island,
        PlaceKind::River,
        PlaceKind::Area,
    ];

    /// Parses the data's word (`capital`, `city`, …; exact, lower case).
    pub fn parse(s: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// The data's word for the kind.
    pub fn code(self) -> &'static str {
        match self {
            PlaceKind::Capital => "capital",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::District => "district",
            PlaceKind::Site => "site",
            PlaceKind::Country => "country",
            PlaceKind::Province => "province",
            PlaceKind::Sea => "sea",
            PlaceKind::Strait => "strait",
            PlaceKind::Ocean => "ocean",
            PlaceKind::Bay => "bay",
            PlaceKind::Island => "island",
            PlaceKind::River => "river",
            PlaceKind::Area => "area",
        }
    }
}

impl std::fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A point to label (city, country, province, sea).
#[derive(Debug, Clone)]
pub struct Place {
    /// The id of the reviewed names table (`tools/names/`), for the places it holds.
    pub id: Option<String>,
    /// What it is.
    pub kind: PlaceKind,
    /// English name.
    pub name: String,
    /// Korean name (the South Korean standard form).
    pub name_ko: Option<String>,
    /// The North Korean form, where it differs (라진 for 나진), shown in the place card.
    pub name_ko_nk: Option<String>,
    /// Position.
    pub lonlat: LonLat,
    /// Population, for cities.
    pub population: Option<u64>,
    /// Province (cities).
    pub province: Option<String>,
    /// Country: ISO 3166 alpha-2 for cities and provinces, alpha-3 for countries.
    pub country: Option<String>,
    /// True when the position is approximate (said so in the data).
    pub approximate: bool,
    /// Where the position comes from, for places added from a cited source rather than
    /// GeoNames; for disputed areas and rivers, what the card says about them.
    pub note: Option<String>,
}

impl Place {
    /// True for the places drawn as a dot with a name: capitals, cities, towns, districts of
    /// a city and sites (a launch site, say).
    pub fn is_spot(&self) -> bool {
        matches!(
            self.kind,
            PlaceKind::Capital
                | PlaceKind::City
                | PlaceKind::Town
                | PlaceKind::District
                | PlaceKind::Site
                | PlaceKind::Island
        )
    }
}

/// Everything the map draws from the bundled data.
#[derive(Debug, Clone)]
pub struct Atlas {
    /// Countries with colours and meshes.
    pub countries: Vec<Country>,
    /// All lakes as one mesh, on the region's conic.
    pub lakes: MeshData,
    /// All lakes on the world map.
    pub lakes_world: MeshData,
    /// All lakes on the unit sphere.
    pub lakes_globe: SphereMesh,
    /// Number of lake polygons.
    pub lake_count: usize,
    /// Lines by kind, in drawing order.
    pub lines: Vec<LineLayer>,
    /// Label points.
    pub places: Vec<Place>,
    /// A point on the MDL where its label goes.
    pub mdl_label: Option<LonLat>,
    /// Which country, or water, lies under a point of the region's map (for keeping names on
    /// their side).
    pub ground_regional: GroundIndex,
    /// The same on the world map (and, through it, the globe).
    pub ground_world: GroundIndex,
}

/// Fails when bundled data does not load cleanly (a build problem, never a user's).
fn must_load(name: &str, bytes: &[u8]) -> Result<Loaded, String> {
    let l = geojson::load(name, bytes);
    if l.is_fatal() {
        let msgs: Vec<String> = l.problems.iter().map(ToString::to_string).collect();
        return Err(msgs.join("\n"));
    }
    Ok(l)
}

/// A line on the map: cut where the projection tears (its seam) or stops (its last parallel),
/// each piece densified and projected.
fn project_line(line: &[LonLat], proj: &impl Projection, max_deg: f64) -> Vec<Vec<[f32; 2]>> {
    clip_line(line, &proj.extent())
        .iter()
        .map(|piece| {
            densify(piece, max_deg)
                .into_iter()
                .map(|p| {
                    let [x, y] = proj.project(p);
                    [x as f32, y as f32]
                })
                .collect()
        })
        .collect()
}

fn polygons(f: &Feature) -> impl Iterator<Item = &Vec<Vec<LonLat>>> {
    f.shapes.iter().filter_map(|s| match s {
        Shape::Polygon(r) => Some(r),
        _ => None,
    })
}

impl Atlas {
    /// Builds the atlas from the bundled data.
    pub fn bundled() -> Result<Atlas, String> {
        Atlas::build(
            bundled::countries(),
            bundled::lines(),
            bundled::lakes(),
            bundled::places(),
        )
    }

    /// Builds the atlas from the four layer files' bytes.
    pub fn build(
        countries: &[u8],
        lines: &[u8],
        lakes: &[u8],
        places: &[u8],
    ) -> Result<Atlas, String> {
        let proj = Lcc::atlas();
        let world = EqualEarth::atlas();
        let countries = must_load("countries.geojson", countries)?;
        let lines_file = must_load("lines.geojson", lines)?;
        let lakes_file = must_load("lakes.geojson", lakes)?;
        let places_file = must_load("places.geojson", places)?;

        let rings: Vec<Vec<Vec<LonLat>>> = countries
            .features
            .iter()
            .map(|f| polygons(f).flatten().cloned().collect())
            .collect();
        let topo = topology::derive(&rings, DATA_FRAME);
        let colours = topology::colour(&topo.neighbours, PALETTE);
        let iso3: Vec<&str> = countries
            .features
            .iter()
            .map(|f| f.str_prop("iso3").unwrap_or(""))
            .collect();

        // Each country's map and globe triangles, countries in parallel.
        let out: Vec<Country> = countries
            .features
            .par_iter()
            .enumerate()
            .map(|(i, f)| {
                let mut mesh = MeshData::default();
                let mut mesh_world = MeshData::default();
                let mut globe = SphereMesh::default();
                for poly in polygons(f) {
                    mesh.extend(&triangulate(poly, &proj));
                    mesh_world.extend(&triangulate(poly, &world));
                    globe.extend(SphereMesh::of_polygon(poly));
                }
                Country {
                    iso3: iso3[i].to_string(),
                    iso2: f.str_prop("iso2").map(str::to_string),
                    name: f.str_prop("name").unwrap_or("?").to_string(),
                    name_ko: f.str_prop("name_ko").map(str::to_string),
                    colour: colours[i],
                    mesh,
                    mesh_world,
                    globe,
                }
            })
            .collect();

        let mut by_kind: Vec<LineLayer> = LineKind::ALL
            .iter()
            .map(|&kind| LineLayer {
                kind,
                lines: Vec::new(),
                lines_world: Vec::new(),
                lonlat: Vec::new(),
            })
            .collect();
        let mut push = |kind: LineKind, line: &[LonLat]| {
            if line.len() < 2 {
                return;
            }
            let layer = &mut by_kind[LineKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)];
            layer.lines.extend(
                project_line(line, &proj, 0.5)
                    .into_iter()
                    .filter(|l| l.len() >= 2),
            );
            layer.lines_world.extend(
                project_line(line, &world, 0.5)
                    .into_iter()
                    .filter(|l| l.len() >= 2),
            );
            layer.lonlat.push(line.to_vec());
        };
        let is_korea_pair =
            |a: usize, b: usize| matches!((iso3[a], iso3[b]), ("KOR", "PRK") | ("PRK", "KOR"));
        for l in &topo.lines {
            match l.kind {
                EdgeKind::Coast => push(LineKind::Coast, &l.points),
                // The KOR–PRK border is the MDL, drawn from its own feature below.
                EdgeKind::Border(a, b) if is_korea_pair(a, b) => {}
                EdgeKind::Border(..) => push(LineKind::Border, &l.points),
            }
        }
        let mut mdl_label = None;
        for f in &lines_file.features {
            let kind = match (f.str_prop("kind"), f.str_prop("country")) {
                (Some("mdl"), _) => LineKind::Mdl,
                (Some("river"), _) => LineKind::River,
                (Some("province"), Some("KR" | "KP")) => LineKind::ProvinceKorea,
                (Some("province"), _) => LineKind::ProvinceOther,
                _ => continue,
            };
            for s in &f.shapes {
                if let Shape::Line(pts) = s {
                    if kind == LineKind::Mdl && mdl_label.is_none() {
                        mdl_label = pts.get(pts.len() / 3).copied();
                    }
                    push(kind, pts);
                }
            }
        }

        let mut lake_mesh = MeshData::default();
        let mut lakes_world = MeshData::default();
        let mut lakes_globe = SphereMesh::default();
        let mut lake_count = 0;
        for f in &lakes_file.features {
            for poly in polygons(f) {
                lake_mesh.extend(&triangulate(poly, &proj));
                lakes_world.extend(&triangulate(poly, &world));
                lakes_globe.extend(SphereMesh::of_polygon(poly));
                lake_count += 1;
            }
        }

        let places = places_file
            .features
            .iter()
            .filter_map(|f| {
                let Some(Shape::Point(p)) = f.shapes.first() else {
                    return None;
                };
                Some(Place {
                    id: f.str_prop("id").map(str::to_string),
                    kind: PlaceKind::parse(f.str_prop("kind")?)?,
                    name: f.str_prop("name")?.to_string(),
                    name_ko: f.str_prop("name_ko").map(str::to_string),
                    name_ko_nk: f.str_prop("name_ko_nk").map(str::to_string),
                    lonlat: *p,
                    population: f
                        .properties
                        .get("population")
                        .and_then(serde_json::Value::as_u64),
                    province: f.str_prop("province").map(str::to_string),
                    country: f
                        .str_prop("country")
                        .or_else(|| f.str_prop("iso3"))
                        .map(str::to_string),
                    approximate: f
                        .properties
                        .get("approximate")
                        .and_then(serde_json::Value::as_bool)
                        .unwrap_or(false),
                    note: f.str_prop("note").map(str::to_string),
                })
            })
            .collect();

        let (ground_regional, ground_world) = rayon::join(
            || GroundIndex::build(&out, MapKind::Regional),
            || GroundIndex::build(&out, MapKind::World),
        );
        Ok(Atlas {
            ground_regional,
            ground_world,
            countries: out,
            lakes: lake_mesh,
            lakes_world,
            lakes_globe,
            lake_count,
            lines: by_kind,
            places,
            mdl_label,
        })
    }

    /// The country with this ISO code, alpha-3 (`PRK`) or alpha-2 (`KP`, as places give it).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index(code).map(|i| &self.countries[i])
    }

    /// The index of the country with this ISO code (alpha-3 or alpha-2).
    pub fn country_index(&self, code: &str) -> Option<usize> {
        self.countries
            .iter()
            .position(|c| c.iso3 == code || c.iso2.as_deref() == Some(code))
    }

    /// What lies under points of a flat map of this kind.
    pub fn ground(&self, kind: MapKind) -> &GroundIndex {
        match kind {
            MapKind::Regional => &self.ground_regional,
            MapKind::World => &self.ground_world,
        }
    }

    /// The lakes on a flat map of this kind.
    pub fn lakes_of(&self, kind: MapKind) -> &MeshData {
        match kind {
            MapKind::Regional => &self.lakes,
            MapKind::World => &self.lakes_world,
        }
    }

    /// The line layer of a kind.
    pub fn layer(&self, kind: LineKind) -> &LineLayer {
        &self.lines[LineKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }
}

/// Whether a plane point lies inside a mesh (used by tests and the capture self-check).
pub fn mesh_contains(mesh: &MeshData, p: [f64; 2]) -> bool {
    mesh.indices.chunks_exact(3).any(|t| {
        let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.positions[i as usize].map(f64::from));
        let s = |p: [f64; 2], q: [f64; 2], r: [f64; 2]| {
            (q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1])
        };
        let (d1, d2, d3) = (s(a, b, p), s(b, c, p), s(c, a, p));
        !((d1 < 0.0 || d2 < 0.0 || d3 < 0.0) && (d1 > 0.0 || d2 > 0.0 || d3 > 0.0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_atlas_loads_with_the_countries_of_the_story() {
        let a = Atlas::bundled().expect("bundled data loads");
        for iso in ["KOR", "PRK", "RUS", "CHN", "JPN", "MNG", "UKR"] {
            let c = a.country(iso).unwrap_or_else(|| panic!("{iso} missing"));
            assert!(c.mesh.area() > 0.0, "{iso} has no area");
        }
        assert!(a.mdl_label.is_some());
        assert!(!a.layer(LineKind::Coast).lines.is_empty());
        assert!(!a.layer(LineKind::Border).lines.is_empty());
        assert!(!a.layer(LineKind::ProvinceKorea).lines.is_empty());
        assert!(
            a.places
                .iter()
                .any(|p| p.name == "Seoul" && p.name_ko.as_deref() == Some("서울"))
        );
    }

    #[test]
    fn bundled_atlas_has_every_place_of_the_news_in_its_country() {
        let a = Atlas::bundled().unwrap();
        // The list, with the country each must lie in (point in the country's mesh).
        let news = [
            ("Hamhung", "PRK"),
            ("Ryongsong", "PRK"),
            ("Sinpo", "PRK"),
            ("Sohae", "PRK"),
            ("Rajin", "PRK"),
            ("Tumangang", "PRK"),
            ("Chongjin", "PRK"),
            ("Khasan", "RUS"),
            ("Vladivostok", "RUS"),
            ("Kursk", "RUS"),
            ("Sudzha", "RUS"),
            ("Kharkiv", "UKR"),
        ];
        let proj = Lcc::atlas();
        for (name, iso3) in news {
            let p = a
                .places
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{name} is missing from the places"));
            assert!(p.is_spot(), "{name} is a {}", p.kind);
            assert!(p.name_ko.is_some(), "{name} has no Korean name");
            let c = a.country(iso3).unwrap();
            assert_eq!(a.country(p.country.as_deref().unwrap()).unwrap().iso3, iso3);
            assert!(
                c.mesh.contains(proj.project(p.lonlat)),
                "{name} at {:?} is not inside {iso3}",
                p.lonlat
            );
            // A place not from GeoNames (no population) says where its position comes from.
            if p.population.is_none() {
                assert!(p.note.is_some(), "{name} has no source note");
            }
        }
    }

    #[test]
    fn place_kinds_read_and_write_the_data_words() {
        for k in PlaceKind::ALL {
            assert_eq!(PlaceKind::parse(k.code()), Some(k));
            assert_eq!(k.to_string(), k.code());
        }
        assert_eq!(PlaceKind::parse("capital"), Some(PlaceKind::Capital));
        assert_eq!(PlaceKind::parse("strait"), Some(PlaceKind::Strait));
        assert_eq!(PlaceKind::parse("village"), None);
        assert_eq!(PlaceKind::parse("City"), None);
        // Every place of the bundled file has a kind Dateline knows (none is skipped).
        let a = Atlas::bundled().unwrap();
        let raw = geojson::load("places.geojson", bundled::places());
        assert_eq!(a.places.len(), raw.features.len());
        let seoul = a.places.iter().find(|p| p.name == "Seoul").unwrap();
        assert_eq!(seoul.kind, PlaceKind::Capital);
    }

    #[test]
    fn bundled_neighbours_have_different_colours() {
        let a = Atlas::bundled().unwrap();
        let rings: Vec<Vec<Vec<LonLat>>> = geojson::load("c", bundled::countries())
            .features
            .iter()
            .map(|f| polygons(f).flatten().cloned().collect())
            .collect();
        let topo = topology::derive(&rings, DATA_FRAME);
        let mut pairs = 0;
        for (i, ns) in topo.neighbours.iter().enumerate() {
            for &j in ns {
                assert_ne!(
                    a.countries[i].colour, a.countries[j].colour,
                    "{} / {}",
                    a.countries[i].iso3, a.countries[j].iso3
                );
                pairs += 1;
            }
        }
        assert!(pairs > 50, "too few neighbours found: {pairs}");
        let find = |iso| a.countries.iter().position(|c| c.iso3 == iso).unwrap();
        assert!(topo.neighbours[find("PRK")].contains(&find("CHN")));
        assert!(topo.neighbours[find("PRK")].contains(&find("RUS")));
    }

    #[test]
    fn pyongyang_is_on_land_and_the_east_sea_is_not() {
        let a = Atlas::bundled().unwrap();
        let p = Lcc::atlas();
        let prk = a.country("PRK").unwrap();
        assert_eq!(a.country("KP").map(|c| c.iso3.as_str()), Some("PRK"));
        assert!(mesh_contains(&prk.mesh, p.project([125.7625, 39.0392])));
        let sea = p.project([131.0, 40.0]);
        assert!(a.countries.iter().all(|c| !mesh_contains(&c.mesh, sea)));
    }

    #[test]
    fn crimea_is_drawn_in_ukraine() {
        let a = Atlas::bundled().unwrap();
        let simferopol = Lcc::atlas().project([34.10, 44.95]);
        assert!(mesh_contains(&a.country("UKR").unwrap().mesh, simferopol));
        assert!(!mesh_contains(&a.country("RUS").unwrap().mesh, simferopol));
    }

    #[test]
    fn siberia_is_whole_across_the_arctic_circle() {
        // The antimeridian cut in Natural Earth once made the build drop a band of Siberia
        // between 65°N and 69°N; Norilsk, Salekhard and Verkhoyansk lie in it.
        let a = Atlas::bundled().unwrap();
        let rus = &a.country("RUS").unwrap().mesh;
        for p in [
            [88.20, 69.35],
            [66.60, 66.53],
            [133.39, 67.55],
            [170.0, 66.5],
            // North of 78°N, where the map once sliced Russia flat: October Revolution Island
            // (Severnaya Zemlya) and Novaya Zemlya's northern island.
            [97.0, 79.3],
            [63.5, 76.0],
        ] {
            assert!(
                mesh_contains(rus, Lcc::atlas().project(p)),
                "{p:?} not in Russia"
            );
        }
    }
}

#[cfg(test)]
mod mesh_tests {
    use super::*;
    use crate::projection::Projection;

    /// Shoelace area of a projected ring.
    fn ring_area(ring: &[LonLat], proj: &Lcc) -> f64 {
        let pts: Vec<[f64; 2]> = crate::tessellate::densify(ring, 1.0)
            .iter()
            .map(|p| proj.project(*p))
            .collect();
        pts.windows(2)
            .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
            .sum::<f64>()
            .abs()
            / 2.0
    }

    #[test]
    fn every_country_mesh_covers_its_polygons() {
        let atlas = Atlas::bundled().unwrap();
        let countries = geojson::load("countries.geojson", bundled::countries());
        let proj = Lcc::atlas();
        let e = proj.extent();
        let mut checked = 0;
        for (f, c) in countries.features.iter().zip(&atlas.countries) {
            // Every country is on the globe.
            assert!(!c.globe.indices.is_empty(), "{} not on the globe", c.iso3);
            // On the map, compare areas where the projection shows all of the country:
            // not across its seam (75°W) and north of its last parallel.
            let b = crate::clip::bounds(polygons(f).flatten().flatten());
            let seam = e.seam.unwrap_or(f64::NAN);
            let crosses = |s: f64| (b[0]..=b[2]).contains(&s);
            if crosses(seam) || crosses(seam - 360.0) || crosses(seam + 360.0) || b[1] < e.south {
                continue;
            }
            checked += 1;
            let want: f64 = polygons(f)
                .map(|rings| {
                    ring_area(&rings[0], &proj)
                        - rings[1..].iter().map(|r| ring_area(r, &proj)).sum::<f64>()
                })
                .sum();
            let got = c.mesh.area();
            assert!(
                (got - want).abs() <= want * 1e-3,
                "{}: mesh {got:.0} km² vs polygons {want:.0} km²",
                c.iso3
            );
        }
        assert!(checked > 200, "only {checked} countries checked");
    }

    /// Area of a ring on the sphere (km²), from longitude and sin(latitude): the area under
    /// the ring on the equal-area cylindrical plane (Lambert), edges densified to 0.1°. It
    /// uses no map projection of the atlas.
    fn sphere_ring_area(ring: &[LonLat]) -> f64 {
        let r = crate::projection::EARTH_RADIUS_KM;
        let pts = crate::tessellate::densify(ring, 0.1);
        pts.windows(2)
            .map(|w| {
                (w[1][0] - w[0][0]).to_radians()
                    * (w[0][1].to_radians().sin() + w[1][1].to_radians().sin())
            })
            .sum::<f64>()
            .abs()
            * r
            * r
            / 2.0
    }

    #[test]
    fn the_world_map_shows_every_country_whole_at_its_true_area() {
        let atlas = Atlas::bundled().unwrap();
        let countries = geojson::load("countries.geojson", bundled::countries());
        let mut total = 0.0;
        for (f, c) in countries.features.iter().zip(&atlas.countries) {
            let want: f64 = polygons(f)
                .map(|rings| {
                    sphere_ring_area(&rings[0])
                        - rings[1..].iter().map(|r| sphere_ring_area(r)).sum::<f64>()
                })
                .sum();
            let got = c.mesh_world.area();
            total += got;
            // Equal Earth is equal-area: the map's area is the country's, seam or not
            // (Greenland), poles or not (Antarctica).
            assert!(
                (got - want).abs() <= want * 3e-3 + 1.0,
                "{}: world mesh {got:.0} km² vs sphere {want:.0} km²",
                c.iso3
            );
        }
        // Known figure: the land of the Earth (Antarctica included) is about 149 million km².
        assert!((140e6..155e6).contains(&total), "land {total:.3e} km²");
        let ata = atlas.country("ATA").expect("Antarctica");
        assert!(ata.mesh_world.area() > 11e6, "{}", ata.mesh_world.area());
        assert!(ata.mesh.indices.is_empty() || ata.mesh.area() < ata.mesh_world.area());
    }

    #[test]
    fn every_place_has_its_own_id() {
        let atlas = Atlas::bundled().unwrap();
        let mut seen = std::collections::HashSet::new();
        for p in &atlas.places {
            let id =
                p.id.as_deref()
                    .unwrap_or_else(|| panic!("{} has no id", p.name));
            assert!(seen.insert(id), "two places are {id}");
        }
        // Readable ids for the places of the story.
        for (id, name) in [
            ("ru-kursk", "Kursk"),
            ("ua-kyiv", "Kyiv"),
            ("kp-hamhung", "Hamhung"),
        ] {
            let p = atlas
                .places
                .iter()
                .find(|p| p.id.as_deref() == Some(id))
                .unwrap();
            assert_eq!(p.name, name);
        }
    }
}
