//! The interface's words for the core's kinds of things (event statuses and categories, line
//! layers, the map's projection), in the interface language, from the message catalogue.

use crate::app::files::browse::LookError;
use crate::app::state::screen::Projector;
use crate::core::atlas::{LineKind, PlaceKind};
use crate::core::events::{CATEGORIES, PlacePrecision, Status, category_index};
use crate::core::i18n::UiLang;
use crate::core::projection::MapKind;
use crate::core::tr;

/// A line layer's name (the Layers menu, the legend).
pub fn line_kind_name(lang: UiLang, kind: LineKind) -> String {
    match kind {
        LineKind::River => tr!(lang, "layer-rivers"),
        LineKind::ProvinceOther => tr!(lang, "layer-provinces-other"),
        LineKind::ProvinceKorea => tr!(lang, "layer-provinces-korea"),
        LineKind::Coast => tr!(lang, "layer-coast"),
        LineKind::Border => tr!(lang, "layer-borders"),
        LineKind::Mdl => tr!(lang, "layer-mdl"),
    }
}

/// A status in one word or two: "confirmed", "확인됨".
pub fn status_word(lang: UiLang, status: Status) -> String {
    match status {
        Status::Confirmed => tr!(lang, "status-confirmed"),
        Status::Reported => tr!(lang, "status-reported"),
        Status::Claimed => tr!(lang, "status-claimed"),
        Status::Disputed => tr!(lang, "status-disputed"),
        Status::Denied => tr!(lang, "status-denied"),
    }
}

/// A status with its marker's look: "confirmed (solid marker)".
pub fn status_describe(lang: UiLang, status: Status) -> String {
    match status {
        Status::Confirmed => tr!(lang, "status-confirmed-marker"),
        Status::Reported => tr!(lang, "status-reported-marker"),
        Status::Claimed => tr!(lang, "status-claimed-marker"),
        Status::Disputed => tr!(lang, "status-disputed-marker"),
        Status::Denied => tr!(lang, "status-denied-marker"),
    }
}

/// How precisely a place is known, as the card says it: "the spot", "지점".
pub fn place_precision(lang: UiLang, p: PlacePrecision) -> String {
    match p {
        PlacePrecision::Exact => tr!(lang, "precision-exact"),
        PlacePrecision::Site => tr!(lang, "precision-site"),
        PlacePrecision::District => tr!(lang, "precision-district"),
        PlacePrecision::City => tr!(lang, "precision-city"),
        PlacePrecision::Region => tr!(lang, "precision-region"),
        PlacePrecision::Country => tr!(lang, "precision-country"),
    }
}

/// Why a file or folder could not be opened, in plain words: "cannot open /x: there is no
/// such file or folder".
pub fn look_error(lang: UiLang, e: &LookError) -> String {
    use std::io::ErrorKind;
    let why = match e.kind {
        ErrorKind::NotFound => tr!(lang, "io-not-found"),
        ErrorKind::PermissionDenied => tr!(lang, "io-permission"),
        _ => e.detail.clone(),
    };
    let path = e.path.display().to_string();
    if e.listing {
        tr!(lang, "io-cannot-list", path = path, why = why)
    } else {
        tr!(lang, "io-cannot-open", path = path, why = why)
    }
}

/// What a place is, in a word, for search results: "city", "도시".
pub fn place_kind(lang: UiLang, kind: PlaceKind) -> String {
    match kind {
        PlaceKind::Capital => tr!(lang, "kind-capital"),
        PlaceKind::City => tr!(lang, "kind-city"),
        PlaceKind::Town => tr!(lang, "kind-town"),
        PlaceKind::District => tr!(lang, "kind-district"),
        PlaceKind::Site => tr!(lang, "kind-site"),
        PlaceKind::Country => tr!(lang, "kind-country"),
        PlaceKind::Province => tr!(lang, "kind-province"),
        PlaceKind::Sea => tr!(lang, "kind-sea"),
        PlaceKind::Strait => tr!(lang, "kind-strait"),
        PlaceKind::Ocean => tr!(lang, "kind-ocean"),
        PlaceKind::Bay => tr!(lang, "kind-bay"),
        PlaceKind::Island => tr!(lang, "kind-island"),
        PlaceKind::River => tr!(lang, "kind-river"),
        PlaceKind::Area => tr!(lang, "kind-area"),
    }
}

/// An event category's name by its code ("Other" for unknown codes).
pub fn category_name(lang: UiLang, code: &str) -> String {
    match CATEGORIES[category_index(code)].0 {
        "diplomacy" => tr!(lang, "category-diplomacy"),
        "arms-transfer" => tr!(lang, "category-arms-transfer"),
        "weapons-production" => tr!(lang, "category-weapons-production"),
        "missile-use" => tr!(lang, "category-missile-use"),
        "troops" => tr!(lang, "category-troops"),
        "fighting" => tr!(lang, "category-fighting"),
        _ => tr!(lang, "category-other"),
    }
}

/// What the map is drawn on, for the legend's last line.
pub fn projection_note(lang: UiLang, projector: &Projector) -> String {
    match projector {
        Projector::Map(_, MapKind::Regional) => tr!(lang, "projection-regional"),
        Projector::Map(_, MapKind::World) => tr!(lang, "projection-world"),
        Projector::Globe(..) => tr!(lang, "projection-globe"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_and_status_has_its_own_words_in_both_languages() {
        for lang in UiLang::ALL {
            let names: std::collections::BTreeSet<String> = CATEGORIES
                .iter()
                .map(|(code, _, _)| category_name(lang, code))
                .collect();
            assert_eq!(names.len(), CATEGORIES.len(), "{lang:?}: {names:?}");
            let words: std::collections::BTreeSet<String> =
                Status::ALL.iter().map(|s| status_word(lang, *s)).collect();
            assert_eq!(words.len(), Status::ALL.len());
        }
        // The English words are the core's (the files' codes and descriptions).
        assert_eq!(category_name(UiLang::En, "troops"), CATEGORIES[4].1);
        for s in Status::ALL {
            assert_eq!(status_word(UiLang::En, s), s.code());
            assert_eq!(status_describe(UiLang::En, s), s.describe());
        }
        assert_eq!(category_name(UiLang::Ko, "no-such"), "기타");
    }
}
