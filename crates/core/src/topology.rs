//! Coastlines and borders derived from country polygons' shared edges, and map colouring.
//!
//! An edge that belongs to two countries is a border; an edge that belongs to one is coast,
//! unless it lies on the edge of the clip box (an artificial cut, not a coastline).

use std::collections::HashMap;

use super::model::LonLat;

/// What a derived line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// Land meets sea.
    Coast,
    /// Two countries meet; the pair of country indices, smaller first.
    Border(usize, usize),
}

/// A polyline of one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeLine {
    /// Coast or border.
    pub kind: EdgeKind,
    /// The positions along it.
    pub points: Vec<LonLat>,
}

/// Coasts, borders and who neighbours whom.
#[derive(Debug, Clone, Default)]
pub struct Topology {
    /// Polylines, each border once.
    pub lines: Vec<EdgeLine>,
    /// For each country, the indices of its neighbours (sorted).
    pub neighbours: Vec<Vec<usize>>,
}

type Key = (i64, i64);

fn key(p: LonLat) -> Key {
    ((p[0] * 1e6).round() as i64, (p[1] * 1e6).round() as i64)
}

fn on_clip(a: LonLat, b: LonLat, clip: [f64; 4]) -> bool {
    let eps = 1e-6;
    (0..2).any(|axis| {
        [clip[axis], clip[axis + 2]]
            .iter()
            .any(|&lim| (a[axis] - lim).abs() < eps && (b[axis] - lim).abs() < eps)
    })
}

/// Derives coasts and borders. `countries[i]` is the list of rings of country `i`;
/// `clip` is the box the data was clipped to (west, south, east, north).
pub fn derive(countries: &[Vec<Vec<LonLat>>], clip: [f64; 4]) -> Topology {
    let mut owners: HashMap<(Key, Key), Vec<usize>> = HashMap::new();
    let edge = |a: LonLat, b: LonLat| {
        let (ka, kb) = (key(a), key(b));
        if ka <= kb { (ka, kb) } else { (kb, ka) }
    };
    for (ci, rings) in countries.iter().enumerate() {
        for ring in rings {
            for w in ring.windows(2) {
                let owners = owners.entry(edge(w[0], w[1])).or_default();
                if !owners.contains(&ci) {
                    owners.push(ci);
                }
            }
        }
    }
    let mut neighbours = vec![Vec::new(); countries.len()];
    let mut lines: Vec<EdgeLine> = Vec::new();
    for (ci, rings) in countries.iter().enumerate() {
        for ring in rings {
            let mut current: Option<EdgeLine> = None;
            for w in ring.windows(2) {
                let (a, b) = (w[0], w[1]);
                let o = &owners[&edge(a, b)];
                let kind = match o.as_slice() {
                    [_] if on_clip(a, b, clip) => None,
                    [_] => Some(EdgeKind::Coast),
                    many => {
                        let other = many.iter().copied().find(|&x| x != ci);
                        match other {
                            Some(other) => {
                                if !neighbours[ci].contains(&other) {
                                    neighbours[ci].push(other);
                                }
                                // Emit each border once, from the country with the smaller index.
                                (ci < other).then_some(EdgeKind::Border(ci, other))
                            }
                            None => None,
                        }
                    }
                };
                match (&mut current, kind) {
                    (Some(line), Some(k)) if line.kind == k && line.points.last() == Some(&a) => {
                        line.points.push(b)
                    }
                    (_, k) => {
                        if let Some(done) = current.take() {
                            lines.push(done);
                        }
                        current = k.map(|kind| EdgeLine {
                            kind,
                            points: vec![a, b],
                        });
                    }
                }
            }
            if let Some(done) = current.take() {
                lines.push(done);
            }
        }
    }
    for n in &mut neighbours {
        n.sort_unstable();
    }
    Topology { lines, neighbours }
}

/// Colours a map so that neighbours always differ: greedy colouring, most-connected first.
/// Returns a colour index per country, below `palette` when the graph allows it.
pub fn colour(neighbours: &[Vec<usize>], palette: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..neighbours.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(neighbours[i].len()), i));
    let mut colours = vec![usize::MAX; neighbours.len()];
    for i in order {
        let used: Vec<usize> = neighbours[i].iter().map(|&n| colours[n]).collect();
        // Prefer a colour not used by neighbours, spreading over the palette by index.
        let c = (0..palette.max(1))
            .map(|k| (k + i) % palette.max(1))
            .find(|c| !used.contains(c))
            .unwrap_or_else(|| (palette..).find(|c| !used.contains(c)).unwrap_or(0));
        colours[i] = c;
    }
    colours
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64) -> Vec<LonLat> {
        vec![
            [x, y],
            [x + 1.0, y],
            [x + 1.0, y + 1.0],
            [x, y + 1.0],
            [x, y],
        ]
    }

    #[test]
    fn shared_edge_is_a_border_and_the_rest_is_coast() {
        let t = derive(
            &[vec![square(0.0, 0.0)], vec![square(1.0, 0.0)]],
            [-10.0, -10.0, 10.0, 10.0],
        );
        let borders: Vec<_> = t
            .lines
            .iter()
            .filter(|l| matches!(l.kind, EdgeKind::Border(..)))
            .collect();
        assert_eq!(borders.len(), 1);
        assert_eq!(borders[0].kind, EdgeKind::Border(0, 1));
        assert_eq!(borders[0].points.len(), 2);
        let coast: usize = t
            .lines
            .iter()
            .filter(|l| l.kind == EdgeKind::Coast)
            .map(|l| l.points.len() - 1)
            .sum();
        assert_eq!(coast, 6);
        assert_eq!(t.neighbours, vec![vec![1], vec![0]]);
    }

    #[test]
    fn clip_box_edges_are_not_coast() {
        let t = derive(&[vec![square(0.0, 0.0)]], [0.0, 0.0, 1.0, 5.0]);
        let coast: usize = t.lines.iter().map(|l| l.points.len() - 1).sum();
        assert_eq!(coast, 1, "{:?}", t.lines); // only the top edge y=1 is inside the box
    }

    #[test]
    fn neighbours_get_different_colours() {
        // A wheel: centre 0 touches 1..=5, which touch in a cycle.
        let n = vec![
            vec![1, 2, 3, 4, 5],
            vec![0, 2, 5],
            vec![0, 1, 3],
            vec![0, 2, 4],
            vec![0, 3, 5],
            vec![0, 1, 4],
        ];
        let c = colour(&n, 5);
        for (i, ns) in n.iter().enumerate() {
            for &j in ns {
                assert_ne!(c[i], c[j], "{i} and {j}");
            }
        }
        assert!(c.iter().all(|&x| x < 5));
    }
}
