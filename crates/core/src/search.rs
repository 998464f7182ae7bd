//! Place search: the atlas's places whose English or Korean name starts with what was typed,
//! best matches first.

use super::atlas::{Place, PlaceKind};

/// Places matching a search: prefix of the English or Korean name (or of a word in the
/// English name), case-insensitive; capitals and large cities first.
pub fn search<'a>(places: &'a [Place], query: &str, limit: usize) -> Vec<(usize, &'a Place)> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(usize, &Place, u8)> = places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind != PlaceKind::Province || q.chars().count() >= 2)
        .filter_map(|(i, p)| {
            let en = p.name.to_lowercase();
            let ko = p.name_ko.as_deref().unwrap_or("");
            // The North Korean form finds the place too (라진 finds 나진).
            let nk = p.name_ko_nk.as_deref().unwrap_or("");
            let score = if en.starts_with(&q) || ko.starts_with(q.as_str()) {
                0
            } else if (!nk.is_empty() && nk.starts_with(q.as_str()))
                || en.split([' ', '-', '(']).any(|w| w.starts_with(&q))
            {
                1
            } else {
                return None;
            };
            Some((i, p, score))
        })
        .collect();
    let kind_rank = |p: &Place| match p.kind {
        PlaceKind::Country => 0,
        PlaceKind::Capital => 1,
        _ if p.is_spot() => 2,
        PlaceKind::Sea | PlaceKind::Strait | PlaceKind::Ocean | PlaceKind::Bay => 3,
        _ => 4,
    };
    hits.sort_by(|a, b| {
        a.2.cmp(&b.2)
            .then(kind_rank(a.1).cmp(&kind_rank(b.1)))
            .then(
                b.1.population
                    .unwrap_or(0)
                    .cmp(&a.1.population.unwrap_or(0)),
            )
            .then(a.1.name.cmp(&b.1.name))
    });
    hits.into_iter()
        .take(limit)
        .map(|(i, p, _)| (i, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;

    #[test]
    fn search_matches_english_or_korean_prefixes() {
        let atlas = Atlas::bundled().unwrap();
        let first = |q: &str| {
            search(&atlas.places, q, 5)
                .first()
                .map(|(_, p)| p.name.clone())
        };
        assert_eq!(first("pyong").as_deref(), Some("Pyongyang"));
        assert_eq!(first("PYONG").as_deref(), Some("Pyongyang"));
        assert_eq!(first("평양").as_deref(), Some("Pyongyang"));
        assert_eq!(first("함흥").as_deref(), Some("Hamhung"));
        assert_eq!(first("키이").as_deref(), Some("Kyiv"));
        assert_eq!(first("vladi").as_deref(), Some("Vladivostok"));
        // Places added from their articles: a launch site, a district, a town.
        assert_eq!(first("서해").as_deref(), Some("Sohae"));
        assert_eq!(first("tumang").as_deref(), Some("Tumangang"));
        assert_eq!(first("하산").as_deref(), Some("Khasan"));
        assert!(search(&atlas.places, "zzzz", 5).is_empty());
        assert!(search(&atlas.places, "  ", 5).is_empty());
    }
}
