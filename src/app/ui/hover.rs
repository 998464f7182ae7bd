//! Hover cards: an event marker's title, date and status; a city's names in both languages,
//! population, province, country and source.

use super::words::status_word;
use crate::app::state::prefs::UiPrefs;
use crate::core::tr;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::event_list::title;
use crate::app::camera::pointer::over_ui;
use crate::app::render::labels::LabelsOnScreen;
use crate::app::render::markers::{EventMarker, PICK_PX, SceneEvents, marker_under};
use crate::app::state::layers::LayerToggles;
use crate::app::state::screen::{Projector, UiLayout, window_size};
use crate::app::state::settings::AtlasData;
use crate::app::state::story::Story;
use crate::app::state::systems::AppSystems;
use crate::core::atlas::PlaceKind;
use crate::core::labels::DOT_PX;
use crate::core::model::Lang;
use crate::core::model::thousands;

/// Adds the hover cards.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (event_hover, city_card).in_set(AppSystems::UiOverlays),
    );
}

/// A card with the event's title when the pointer is over its marker.
#[allow(clippy::too_many_arguments)]
fn event_hover(
    mut contexts: EguiContexts,
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    markers: Query<(&EventMarker, &Visibility)>,
    story: Res<Story>,
    toggles: Res<LayerToggles>,
    egui: Option<Res<EguiWantsInput>>,
    layout: Res<UiLayout>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if over_ui(egui.as_deref(), &layout, &window) {
        return Ok(());
    }
    let Some(cursor) = window.cursor_position() else {
        return Ok(());
    };
    let Some(e) = marker_under(cursor, &projector, window_size(&window), &markers)
        .and_then(|id| story.get(&id))
    else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("event-hover".into())
        .order(egui::Order::Tooltip)
        .fixed_pos(egui::pos2(cursor.x + 14.0, cursor.y + 10.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(title(e, toggles.lang));
                ui.label(tr!(
                    lang,
                    "hover-event",
                    date = lang.describe_span(&e.span),
                    status = status_word(lang, e.status)
                ));
            });
        });
    Ok(())
}

/// Country name (in the chosen language) for an ISO alpha-2 or alpha-3 code.
fn country_name(atlas: &AtlasData, code: &str, lang: Lang) -> String {
    atlas
        .0
        .country(code)
        .map(|c| lang.label(&c.name, c.name_ko.as_deref()))
        .unwrap_or_else(|| code.to_string())
}

/// A small card for the city under the pointer: names, population, province, country.
#[allow(clippy::too_many_arguments)]
fn city_card(
    mut contexts: EguiContexts,
    window: Single<&Window, With<PrimaryWindow>>,
    labels: Res<LabelsOnScreen>,
    atlas: Res<AtlasData>,
    toggles: Res<LayerToggles>,
    projector: Res<Projector>,
    egui: Option<Res<EguiWantsInput>>,
    layout: Res<UiLayout>,
    events: Option<Res<SceneEvents>>,
    prefs: Res<UiPrefs>,
) -> Result {
    let ui_lang = prefs.lang;
    if over_ui(egui.as_deref(), &layout, &window) {
        return Ok(());
    }
    let Some(cursor) = window.cursor_position() else {
        return Ok(());
    };
    let (cx, cy) = (cursor.x as f64, cursor.y as f64);
    // Event markers take precedence (they have their own tooltip).
    if events.is_some_and(|ev| {
        ev.events
            .iter()
            .filter(|e| e.visible)
            .filter_map(|e| e.anchor)
            .any(|[x, y]| (x - cx).hypot(y - cy) <= PICK_PX as f64)
    }) {
        return Ok(());
    }
    let size = window_size(&window);
    let hit = labels.0.iter().find(|p| {
        let Some(place) = atlas.0.places.get(p.source) else {
            return false;
        };
        // Dots (cities, sites, islands) and the labels that have a card to show: rivers and
        // disputed areas.
        let described = matches!(place.kind, PlaceKind::River | PlaceKind::Area);
        if !place.is_spot() && !described {
            return false;
        }
        let Some([ax, ay]) = projector.pixel(place.lonlat, size) else {
            return false;
        };
        let r = p.label.rect;
        let in_rect = cx >= r[0] && cx <= r[2] && cy >= r[1] && cy <= r[3];
        in_rect || (place.is_spot() && (ax - cx).hypot(ay - cy) <= DOT_PX + 4.0)
    });
    let Some(p) = hit.and_then(|h| atlas.0.places.get(h.source)) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("city-card".into())
        .order(egui::Order::Tooltip)
        .fixed_pos(egui::pos2(cursor.x + 14.0, cursor.y + 12.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(300.0);
                ui.strong(match &p.name_ko {
                    Some(ko) => format!("{} · {ko}", p.name),
                    None => p.name.clone(),
                });
                let kind = match p.kind {
                    PlaceKind::Capital => Some(tr!(ui_lang, "place-capital")),
                    PlaceKind::Town => Some(tr!(ui_lang, "place-town")),
                    PlaceKind::District => Some(tr!(ui_lang, "place-district")),
                    PlaceKind::Site => Some(tr!(ui_lang, "place-site")),
                    PlaceKind::Island => Some(tr!(ui_lang, "place-island")),
                    PlaceKind::River => Some(tr!(ui_lang, "place-river")),
                    PlaceKind::Area => Some(tr!(ui_lang, "place-area")),
                    _ => None,
                };
                if let Some(kind) = kind {
                    ui.label(kind);
                }
                if let Some(nk) = &p.name_ko_nk {
                    ui.label(tr!(ui_lang, "place-nk-form", name = nk.as_str()));
                }
                if let Some(pop) = p.population {
                    ui.label(tr!(ui_lang, "place-population", n = thousands(pop)));
                }
                if let Some(prov) = &p.province {
                    ui.label(tr!(ui_lang, "place-province", name = prov.as_str()));
                }
                if let Some(c) = &p.country {
                    ui.label(tr!(
                        ui_lang,
                        "place-country",
                        name = country_name(&atlas, c, toggles.lang)
                    ));
                }
                if p.approximate {
                    ui.label(egui::RichText::new(tr!(ui_lang, "place-approximate")).italics());
                }
                if let Some(note) = &p.note {
                    // A river's or a disputed area's card says what it is; a place's note
                    // says where its position comes from.
                    let text = match p.kind {
                        PlaceKind::River | PlaceKind::Area => note.clone(),
                        _ => tr!(ui_lang, "place-source", note = note.as_str()),
                    };
                    ui.add(egui::Label::new(egui::RichText::new(text).small()).wrap());
                }
                // The id names the place in lessons (docs/lesson-format.md).
                let id =
                    p.id.as_deref()
                        .map(|i| tr!(ui_lang, "place-id", id = i))
                        .unwrap_or_default();
                ui.label(
                    egui::RichText::new(format!("{:.2}°N {:.2}°E{id}", p.lonlat[1], p.lonlat[0]))
                        .small(),
                );
            });
        });
    Ok(())
}
