//! Which map layers the user has switched on, the label language and the map's look (the
//! atlas style, or the projector style: `lesson` switches it while presenting).

use std::collections::HashMap;

use bevy::prelude::*;

use super::settings::Settings;
use crate::core::atlas::LineKind;
use crate::core::labels::MapStyle;
use crate::core::model::Lang;

/// Zoom from which province borders of other countries are drawn.
pub const PROVINCE_ZOOM: f64 = 5.0;
/// Zoom from which the two Koreas' provinces show (below it, at whole-map scale, they would
/// fill the small peninsula with lines).
pub const KOREA_PROVINCE_ZOOM: f64 = 4.0;

/// Which layers the user has switched on.
#[derive(Resource, Debug, Clone)]
pub struct LayerToggles {
    /// Line layers by kind.
    pub lines: HashMap<LineKind, bool>,
    /// Graticule.
    pub graticule: bool,
    /// Current label language.
    pub lang: Lang,
    /// The map's look.
    pub style: MapStyle,
}

impl LayerToggles {
    /// Every layer on, names in `lang`.
    pub fn new(lang: Lang) -> LayerToggles {
        LayerToggles {
            lines: LineKind::ALL.iter().map(|k| (*k, true)).collect(),
            graticule: true,
            lang,
            style: MapStyle::Atlas,
        }
    }

    /// Whether a line kind is drawn at `zoom`.
    pub fn line_visible(&self, kind: LineKind, zoom: f64) -> bool {
        self.lines.get(&kind).copied().unwrap_or(true)
            && match kind {
                LineKind::ProvinceOther => zoom >= PROVINCE_ZOOM,
                LineKind::ProvinceKorea => zoom >= KOREA_PROVINCE_ZOOM,
                _ => true,
            }
    }

    /// The next label language: English → 한국어 → both → English.
    pub fn cycle_lang(&mut self) {
        self.lang = match self.lang {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::Both,
            Lang::Both => Lang::En,
        };
    }
}

/// Adds the toggles, every layer on, in the language of the command line.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreStartup, init);
}

fn init(mut commands: Commands, settings: Res<Settings>) {
    let mut t = LayerToggles::new(settings.lang);
    t.style = settings.style.unwrap_or_default();
    commands.insert_resource(t);
}
