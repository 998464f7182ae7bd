//! Find a place: a search box over the map that matches English or Korean names (prefix,
//! case-insensitive) and flies the map to the chosen place, which pulses for a few seconds.

use std::time::Duration;

use super::access::named_as;
use super::words::place_kind;
use crate::app::state::prefs::UiPrefs;
use crate::core::i18n::UiLang;
use crate::core::model::Lang;
use crate::core::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::free_rect;
use crate::app::render::labels::Highlight;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::not_presenting;
use crate::app::state::requests::{FlyTo, FocusSearch};
use crate::app::state::screen::UiLayout;
use crate::app::state::settings::{AtlasData, Settings};
use crate::app::state::systems::AppSystems;
use crate::core::atlas::{Place, PlaceKind};
use crate::core::model::thousands;
use crate::core::search::search;

/// The search box's state.
#[derive(Resource, Debug, Clone, Default)]
pub struct SearchState {
    /// What the user typed.
    pub query: String,
}

/// Adds the search box.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SearchState>()
        .add_systems(PostStartup, find_at_start)
        .add_systems(
            EguiPrimaryContextPass,
            search_box
                .run_if(not_presenting)
                .in_set(AppSystems::UiOverlays),
        );
}

/// `--find NAME`: fly to the best match at start.
fn find_at_start(
    settings: Res<Settings>,
    atlas: Res<AtlasData>,
    mut fly: MessageWriter<FlyTo>,
    mut hl: ResMut<Highlight>,
) {
    let Some(q) = &settings.find else {
        return;
    };
    match search(&atlas.0.places, q, 1).first() {
        Some((i, p)) => fly_to_place(*i, p, true, &mut fly, &mut hl),
        None => warn!("--find {q}: no place by that name"),
    }
}

/// The zoom a place is shown at when found.
fn zoom_for_kind(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Country => 4.8,
        PlaceKind::Sea | PlaceKind::Ocean => 4.5,
        PlaceKind::Province
        | PlaceKind::Strait
        | PlaceKind::Bay
        | PlaceKind::River
        | PlaceKind::Area => 6.0,
        _ => 7.0,
    }
}

/// Asks the camera to show a place (at once with `instant`), and highlights it for a few
/// seconds.
pub fn fly_to_place(
    i: usize,
    p: &Place,
    instant: bool,
    fly: &mut MessageWriter<FlyTo>,
    hl: &mut Highlight,
) {
    fly.write(FlyTo {
        places: vec![p.lonlat],
        max_zoom: zoom_for_kind(p.kind),
        card_room: false,
        instant,
    });
    hl.place = Some(i);
    hl.left = Duration::from_secs(4);
}

fn describe(p: &Place, atlas: &AtlasData, lang: UiLang, names: Lang) -> String {
    let country = p.country.as_deref().and_then(|c| atlas.0.country(c));
    let mut s = place_kind(lang, p.kind);
    if let Some(c) = country.filter(|_| p.kind != PlaceKind::Country) {
        s.push_str(&format!(", {}", names.label(&c.name, c.name_ko.as_deref())));
    }
    if let Some(pop) = p.population.filter(|n| *n > 0) {
        s.push_str(&format!(" · {}", thousands(pop)));
    }
    s
}

#[allow(clippy::too_many_arguments)]
fn search_box(
    mut contexts: EguiContexts,
    mut state: ResMut<SearchState>,
    mut focus: MessageReader<FocusSearch>,
    mut layout: ResMut<UiLayout>,
    mut fly: MessageWriter<FlyTo>,
    mut hl: ResMut<Highlight>,
    atlas: Res<AtlasData>,
    toggles: Res<LayerToggles>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    let ctx = contexts.ctx_mut()?.clone();
    let free = free_rect(&ctx, &layout);
    let focus = focus.read().count() > 0;
    let mut chosen = None;
    let area = egui::Area::new("search".into())
        .fixed_pos(free.left_top() + egui::vec2(10.0, 10.0))
        .order(egui::Order::Middle)
        .show(&ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(260.0);
                let resp = named_as(
                    ui.add(
                        egui::TextEdit::singleline(&mut state.query)
                            .hint_text(tr!(lang, "search-hint"))
                            .desired_width(f32::INFINITY),
                    ),
                    egui::WidgetType::TextEdit,
                    tr!(lang, "search-hint"),
                );
                if focus {
                    resp.request_focus();
                }
                let results = search(&atlas.0.places, &state.query, 8);
                if state.query.trim().is_empty() {
                    return;
                }
                if results.is_empty() {
                    ui.label(egui::RichText::new(tr!(lang, "search-none")).small());
                    return;
                }
                let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if enter {
                    chosen = results.first().map(|(i, _)| *i);
                }
                for (i, p) in &results {
                    let name = toggles.lang.label(&p.name, p.name_ko.as_deref());
                    let r = ui.add(
                        egui::Button::selectable(
                            false,
                            format!("{name}\n{}", describe(p, &atlas, lang, toggles.lang)),
                        )
                        .min_size(egui::vec2(250.0, 0.0)),
                    );
                    if r.clicked() {
                        chosen = Some(*i);
                    }
                }
            });
        });
    layout.cover(area.response.rect);
    if let Some(i) = chosen
        && let Some(p) = atlas.0.places.get(i)
    {
        fly_to_place(i, p, false, &mut fly, &mut hl);
        state.query.clear();
    }
    Ok(())
}
