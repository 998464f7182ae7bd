//! What lies under a point or a rectangle of a flat map — which countries, or water — so
//! names can be kept on their own side of borders and coasts. A uniform grid over a map's
//! plane lists the country triangles that touch each cell; a lookup tests only those, and a
//! rectangle is tested exactly against them (no sampling).

use super::atlas::Country;
use super::model::LonLat;
use super::projection::{MapKind, Projection};

/// What lies under a point of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ground {
    /// Sea, ocean or a lake outside every country.
    Water,
    /// Land of a country (its index in the atlas).
    Land(u16),
    /// Not on the Earth (off the globe's disc, or outside the world map).
    Off,
}

/// Side of the grid's cells in km, at least (larger planes get larger cells).
const CELL_KM: f64 = 25.0;
/// The most cells a grid has.
const MAX_CELLS: f64 = 1.5e6;

/// Finds the countries under a point or rectangle of one flat map, from its country triangles.
#[derive(Debug, Clone, Default)]
pub struct GroundIndex {
    kind: Option<MapKind>,
    cell: f64,
    origin: [f64; 2],
    cols: usize,
    rows: usize,
    /// For each cell, where its triangles start in `items` (one more entry than cells).
    starts: Vec<u32>,
    /// Triangle numbers, cell by cell.
    items: Vec<u32>,
    /// Triangles on the world map's plane, with their country.
    tris: Vec<([[f32; 2]; 3], u16)>,
}

fn cross(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (b[1] - a[1])
}

/// True when a triangle and an axis-aligned box `[x0, y0, x1, y1]` overlap (separating axes:
/// the box's two and the triangle's three edge normals).
pub fn touches(t: &[[f64; 2]; 3], b: [f64; 4]) -> bool {
    let (tx0, tx1) = (
        t[0][0].min(t[1][0]).min(t[2][0]),
        t[0][0].max(t[1][0]).max(t[2][0]),
    );
    let (ty0, ty1) = (
        t[0][1].min(t[1][1]).min(t[2][1]),
        t[0][1].max(t[1][1]).max(t[2][1]),
    );
    if tx1 < b[0] || tx0 > b[2] || ty1 < b[1] || ty0 > b[3] {
        return false;
    }
    let corners = [[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]];
    for i in 0..3 {
        let (a, c) = (t[i], t[(i + 1) % 3]);
        let n = [c[1] - a[1], a[0] - c[0]];
        let dot = |p: [f64; 2]| n[0] * p[0] + n[1] * p[1];
        let tri: Vec<f64> = t.iter().map(|p| dot(*p)).collect();
        let (tmin, tmax) = tri
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
        let (bmin, bmax) = corners
            .iter()
            .map(|p| dot(*p))
            .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
        if tmax < bmin || bmax < tmin {
            return false;
        }
    }
    true
}

impl GroundIndex {
    /// Indexes the countries' triangles on a flat map of this kind.
    pub fn build(countries: &[Country], kind: MapKind) -> GroundIndex {
        let mut tris = Vec::new();
        for (ci, c) in countries.iter().enumerate() {
            let m = c.mesh_of(kind);
            for t in m.indices.chunks_exact(3) {
                let p = [t[0], t[1], t[2]].map(|i| m.positions[i as usize]);
                tris.push((p, ci as u16));
            }
        }
        let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
        for (t, _) in &tris {
            for p in t {
                for k in 0..2 {
                    lo[k] = lo[k].min(p[k] as f64);
                    hi[k] = hi[k].max(p[k] as f64);
                }
            }
        }
        if tris.is_empty() {
            return GroundIndex::default();
        }
        let cell = CELL_KM.max(((hi[0] - lo[0]) * (hi[1] - lo[1]) / MAX_CELLS).sqrt());
        let cols = ((hi[0] - lo[0]) / cell).ceil() as usize + 1;
        let rows = ((hi[1] - lo[1]) / cell).ceil() as usize + 1;
        let cell_of =
            |v: f64, o: f64, n: usize| (((v - o) / cell).floor().max(0.0) as usize).min(n - 1);
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (ti, (t, _)) in tris.iter().enumerate() {
            let t64 = t.map(|p| p.map(f64::from));
            let (x0, x1) = (
                t64.iter().map(|p| p[0]).fold(f64::MAX, f64::min),
                t64.iter().map(|p| p[0]).fold(f64::MIN, f64::max),
            );
            let (y0, y1) = (
                t64.iter().map(|p| p[1]).fold(f64::MAX, f64::min),
                t64.iter().map(|p| p[1]).fold(f64::MIN, f64::max),
            );
            let (c0, c1) = (cell_of(x0, lo[0], cols), cell_of(x1, lo[0], cols));
            let (r0, r1) = (cell_of(y0, lo[1], rows), cell_of(y1, lo[1], rows));
            let small = c0 == c1 && r0 == r1;
            for r in r0..=r1 {
                for c in c0..=c1 {
                    let b = [
                        lo[0] + c as f64 * cell,
                        lo[1] + r as f64 * cell,
                        lo[0] + (c + 1) as f64 * cell,
                        lo[1] + (r + 1) as f64 * cell,
                    ];
                    if small || touches(&t64, b) {
                        pairs.push(((r * cols + c) as u32, ti as u32));
                    }
                }
            }
        }
        pairs.sort_unstable();
        let mut starts = vec![0u32; cols * rows + 1];
        for (cell, _) in &pairs {
            starts[*cell as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        GroundIndex {
            kind: Some(kind),
            cell,
            origin: lo,
            cols,
            rows,
            starts,
            items: pairs.into_iter().map(|(_, t)| t).collect(),
            tris,
        }
    }

    /// What lies at a longitude and latitude: a country's land, or water.
    pub fn at(&self, lonlat: LonLat) -> Ground {
        match self.kind {
            Some(k) => self.at_plane(k.projection().project(lonlat)),
            None => Ground::Water,
        }
    }

    /// Whether a point of the plane is on the Earth (the world map has an outline; the
    /// region's conic is taken as covering its plane).
    fn on_earth(&self, xy: [f64; 2]) -> bool {
        let Some(kind) = self.kind else {
            return true;
        };
        kind.projection().unproject_on_earth(xy).is_some()
    }

    /// What lies at a point of the plane (km): `Off` outside the world map's outline.
    pub fn at_point(&self, xy: [f64; 2]) -> Ground {
        if !self.on_earth(xy) {
            return Ground::Off;
        }
        self.at_plane(xy)
    }

    /// The cells a box `[x0, y0, x1, y1]` of the plane overlaps.
    fn cells(&self, b: [f64; 4]) -> impl Iterator<Item = usize> + '_ {
        let c = |v: f64, o: f64, n: usize| {
            (((v - o) / self.cell).floor().max(0.0) as usize).min(n.max(1) - 1)
        };
        let (c0, c1) = (
            c(b[0], self.origin[0], self.cols),
            c(b[2], self.origin[0], self.cols),
        );
        let (r0, r1) = (
            c(b[1], self.origin[1], self.rows),
            c(b[3], self.origin[1], self.rows),
        );
        (r0..=r1).flat_map(move |r| (c0..=c1).map(move |c| r * self.cols + c))
    }

    /// Whether a box `[x0, y0, x1, y1]` of the plane keeps off every country's land but
    /// `home`'s (`None`: off all land), and lies on the Earth. Exact: each triangle listed in
    /// the box's cells is tested against the box.
    pub fn box_clear(&self, b: [f64; 4], home: Option<u16>) -> bool {
        if self.cols == 0 {
            return true;
        }
        if !self.box_on_earth(b) {
            return false;
        }
        self.cells(b).all(|cell| {
            let (s, e) = (self.starts[cell] as usize, self.starts[cell + 1] as usize);
            self.items[s..e].iter().all(|&ti| {
                let (t, country) = &self.tris[ti as usize];
                Some(*country) == home || !touches(&t.map(|q| q.map(f64::from)), b)
            })
        })
    }

    /// Whether any land of country `home` touches a box `[x0, y0, x1, y1]` of the plane.
    pub fn box_touches(&self, b: [f64; 4], home: u16) -> bool {
        self.cols != 0
            && self.cells(b).any(|cell| {
                let (s, e) = (self.starts[cell] as usize, self.starts[cell + 1] as usize);
                self.items[s..e].iter().any(|&ti| {
                    let (t, country) = &self.tris[ti as usize];
                    *country == home && touches(&t.map(|q| q.map(f64::from)), b)
                })
            })
    }

    /// Whether a box `[x0, y0, x1, y1]` of the plane lies on the Earth, at points an eighth of
    /// the box apart (the world map's rim, the conic's seam far from the region).
    pub fn box_on_earth(&self, b: [f64; 4]) -> bool {
        // The world map's outline (Equal Earth) is convex: a box is on it when its corners
        // are (its edges' middles tested too); elsewhere, points an eighth apart.
        let n = if self.kind == Some(MapKind::World) {
            2
        } else {
            8
        };
        self.box_on_earth_at(b, n)
    }

    /// Whether a box lies on the Earth at `n + 1` points across each of three lines.
    fn box_on_earth_at(&self, b: [f64; 4], n: usize) -> bool {
        (0..=n).all(|i| {
            let x = b[0] + (b[2] - b[0]) * i as f64 / n as f64;
            [b[1], (b[1] + b[3]) / 2.0, b[3]]
                .iter()
                .all(|y| self.on_earth([x, *y]))
        })
    }

    /// What lies at a point of the plane (km), the Earth's outline aside.
    pub fn at_plane(&self, p: [f64; 2]) -> Ground {
        if self.cols == 0 {
            return Ground::Water;
        }
        let c = ((p[0] - self.origin[0]) / self.cell).floor();
        let r = ((p[1] - self.origin[1]) / self.cell).floor();
        if c < 0.0 || r < 0.0 || c >= self.cols as f64 || r >= self.rows as f64 {
            return Ground::Water;
        }
        let cell = r as usize * self.cols + c as usize;
        let (s, e) = (self.starts[cell] as usize, self.starts[cell + 1] as usize);
        for &ti in &self.items[s..e] {
            let (t, country) = &self.tris[ti as usize];
            let [a, b, c] = t.map(|q| q.map(f64::from));
            let (d1, d2, d3) = (cross(a, b, p), cross(b, c, p), cross(c, a, p));
            let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
            let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
            if !(neg && pos) {
                return Ground::Land(*country);
            }
        }
        Ground::Water
    }

    /// The most triangles any cell lists, and the mean over cells that list any (for tuning).
    pub fn load(&self) -> (usize, f64) {
        let counts: Vec<usize> = self
            .starts
            .windows(2)
            .map(|w| (w[1] - w[0]) as usize)
            .filter(|n| *n > 0)
            .collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        let mean = counts.iter().sum::<usize>() as f64 / counts.len().max(1) as f64;
        (max, mean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{Atlas, mesh_contains};

    #[test]
    fn on_the_world_map_a_box_is_on_the_earth_when_its_corners_are() {
        // The quick test (corners and middles) agrees with a dense one on boxes all over
        // the world map and across its rim.
        let atlas = Atlas::bundled().unwrap();
        let g = GroundIndex::build(&atlas.countries, MapKind::World);
        let mut s: u64 = 0x5eed;
        let mut rnd = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let (mut on, mut off) = (0, 0);
        for _ in 0..4000 {
            let (x, y) = ((rnd() - 0.5) * 36_000.0, (rnd() - 0.5) * 18_000.0);
            let (w, h) = (rnd() * 8_000.0, rnd() * 2_000.0);
            let b = [x, y, x + w, y + h];
            let dense = (0..=64).all(|i| {
                (0..=16)
                    .all(|j| g.on_earth([b[0] + w * i as f64 / 64.0, b[1] + h * j as f64 / 16.0]))
            });
            assert_eq!(g.box_on_earth(b), dense, "{b:?}");
            if dense {
                on += 1;
            } else {
                off += 1;
            }
        }
        assert!(on > 500 && off > 500, "{on} on the Earth, {off} not");
    }

    #[test]
    fn known_places_lie_in_their_country_or_at_sea() {
        let atlas = Atlas::bundled().unwrap();
        let g = GroundIndex::build(&atlas.countries, MapKind::World);
        let r = GroundIndex::build(&atlas.countries, MapKind::Regional);
        let idx = |iso: &str| atlas.countries.iter().position(|c| c.iso3 == iso).unwrap() as u16;
        for (name, ll, iso) in [
            ("Seoul", [126.978, 37.566], "KOR"),
            ("Pyongyang", [125.7625, 39.0392], "PRK"),
            ("Kaesong, just north of the MDL", [126.55, 37.97], "PRK"),
            ("Paju, just south of it", [126.78, 37.76], "KOR"),
            ("Dandong, across the Yalu", [124.39, 40.13], "CHN"),
            ("Sinuiju", [124.40, 40.10], "PRK"),
            ("Vladivostok", [131.9, 43.12], "RUS"),
            ("Kursk", [36.19, 51.73], "RUS"),
            ("Kharkiv", [36.23, 49.99], "UKR"),
            ("Tsushima", [129.3, 34.4], "JPN"),
            ("Quito", [-78.5, -0.22], "ECU"),
            ("the South Pole", [0.0, -89.9], "ATA"),
        ] {
            assert_eq!(g.at(ll), Ground::Land(idx(iso)), "{name} on the world map");
            if ll[1] > 0.0 {
                assert_eq!(
                    r.at(ll),
                    Ground::Land(idx(iso)),
                    "{name} on the region's map"
                );
            }
        }
        for (name, ll) in [
            ("East Sea", [133.0, 40.0]),
            ("Yellow Sea", [123.5, 36.0]),
            ("Korea Strait", [129.0, 34.9]),
            ("Caspian Sea", [50.5, 42.0]),
            ("mid-Pacific", [-150.0, 0.0]),
        ] {
            assert_eq!(g.at(ll), Ground::Water, "{name}");
            assert_eq!(r.at(ll), Ground::Water, "{name}");
        }
    }

    /// A small deterministic generator (xorshift).
    fn rng(mut s: u64) -> impl FnMut() -> f64 {
        move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    #[test]
    fn agrees_with_testing_every_triangle() {
        let atlas = Atlas::bundled().unwrap();
        for kind in [MapKind::Regional, MapKind::World] {
            let g = GroundIndex::build(&atlas.countries, kind);
            let (max, mean) = g.load();
            assert!(
                max < 1000 && mean < 10.0,
                "{kind:?}: cells list {max} (mean {mean:.1})"
            );
            // Seeded points over the region of the news, where coasts and borders are detailed.
            let mut next = rng(0x9e37_79b9_7f4a_7c15);
            let proj = kind.projection();
            for _ in 0..2000 {
                let ll = [30.0 + next() * 120.0, 25.0 + next() * 40.0];
                let p = proj.project(ll);
                let inside: Vec<usize> = atlas
                    .countries
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| mesh_contains(c.mesh_of(kind), p))
                    .map(|(i, _)| i)
                    .collect();
                let fast = g.at_point(p);
                // On an edge two countries share, a point may go to either.
                let ok = match fast {
                    Ground::Land(c) => inside.contains(&(c as usize)),
                    Ground::Water => inside.is_empty(),
                    Ground::Off => false,
                };
                assert!(
                    ok,
                    "{kind:?} {ll:?}: index says {fast:?}, every triangle says {inside:?}"
                );
            }
        }
    }

    #[test]
    fn a_clear_box_has_no_foreign_land_at_any_point_in_it() {
        let atlas = Atlas::bundled().unwrap();
        let g = GroundIndex::build(&atlas.countries, MapKind::Regional);
        let proj = MapKind::Regional.projection();
        let mut next = rng(7);
        let (mut clear, mut blocked) = (0, 0);
        for _ in 0..400 {
            // Boxes of 5-80 km round points near Korea and its neighbours.
            let c = proj.project([120.0 + next() * 15.0, 33.0 + next() * 10.0]);
            let (w, h) = (5.0 + next() * 75.0, 3.0 + next() * 12.0);
            let b = [
                c[0] - w / 2.0,
                c[1] - h / 2.0,
                c[0] + w / 2.0,
                c[1] + h / 2.0,
            ];
            let home = match g.at_point(c) {
                Ground::Land(k) => Some(k),
                _ => None,
            };
            let says = g.box_clear(b, home);
            // Points 0.25 km apart over the box, each found by point (checked against every
            // triangle in the test above), not by the box test.
            let mut foreign = false;
            let (nx, ny) = ((w / 0.25) as usize, (h / 0.25) as usize);
            'grid: for i in 0..=nx {
                for j in 0..=ny {
                    let p = [
                        b[0] + w * i as f64 / nx as f64,
                        b[1] + h * j as f64 / ny as f64,
                    ];
                    let hit = matches!(g.at_point(p), Ground::Land(k) if Some(k) != home);
                    if hit {
                        foreign = true;
                        break 'grid;
                    }
                }
            }
            if says {
                clear += 1;
                assert!(
                    !foreign,
                    "{b:?} said clear of all but {home:?}, yet has foreign land"
                );
            } else {
                blocked += 1;
            }
        }
        assert!(
            clear > 50 && blocked > 30,
            "clear {clear}, blocked {blocked}"
        );
    }
}
