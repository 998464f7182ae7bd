//! Find a place: a search box over the map that matches English or Korean names (prefix,
//! case-insensitive) and flies the map to the chosen place, which pulses for a few seconds.

use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::camera::MapCamera;
use super::labels::{Highlight, thousands};
use super::map::LayerToggles;
use super::{AppSystems, AtlasData, MapInsets, UiLayout};
use crate::core::atlas::Place;
use crate::core::labels::search;
use crate::core::projection::{Lcc, Projection as MapProjection};
use crate::core::view::fit_points;

/// The search box's state.
#[derive(Resource, Debug, Clone, Default)]
pub struct SearchState {
    /// What the user typed.
    pub query: String,
    /// Give the box keyboard focus on the next frame (Ctrl+F or /).
    pub focus: bool,
}

/// Adds the search box.
pub fn plugin(app: &mut App) {
    app.init_resource::<SearchState>()
        .add_systems(PostStartup, find_at_start)
        .add_systems(Update, keys.in_set(AppSystems::Input))
        .add_systems(
            EguiPrimaryContextPass,
            search_box.in_set(AppSystems::UiOverlays),
        );
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    egui: Option<Res<EguiWantsInput>>,
    mut state: ResMut<SearchState>,
) {
    if egui.is_some_and(|e| e.wants_keyboard_input()) {
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if (ctrl && keys.just_pressed(KeyCode::KeyF)) || keys.just_pressed(KeyCode::Slash) {
        state.focus = true;
    }
}

/// `--find NAME`: fly to the best match at start.
fn find_at_start(
    settings: Res<super::Settings>,
    atlas: Res<AtlasData>,
    mut cam: ResMut<MapCamera>,
    mut hl: ResMut<Highlight>,
    insets: Res<MapInsets>,
) {
    let Some(q) = &settings.find else {
        return;
    };
    let size = [settings.size[0] as f64, settings.size[1] as f64];
    match search(&atlas.0.places, q, 1).first() {
        Some((i, p)) => {
            fly_to_place(*i, p, &mut cam, &insets, size, &mut hl);
            cam.current = cam.target;
        }
        None => warn!("--find {q}: no place by that name"),
    }
}

/// The zoom a place is shown at when found.
fn zoom_for_kind(kind: &str) -> f64 {
    match kind {
        "country" => 4.8,
        "sea" | "ocean" => 4.5,
        "province" | "strait" => 6.0,
        _ => 7.0,
    }
}

/// Moves the map to a place and highlights it.
pub fn fly_to_place(
    i: usize,
    p: &Place,
    cam: &mut MapCamera,
    insets: &MapInsets,
    size: [f64; 2],
    hl: &mut Highlight,
) {
    let plane = Lcc::atlas().project(p.lonlat);
    if let Some(v) = fit_points(&[plane], size, insets.0, zoom_for_kind(&p.kind)) {
        cam.target = v;
    }
    hl.place = Some(i);
    hl.left = Duration::from_secs(4);
}

fn describe(p: &Place, atlas: &AtlasData) -> String {
    let country = p.country.as_deref().and_then(|c| atlas.0.country(c));
    let mut s = p.kind.clone();
    if let Some(c) = country.filter(|_| p.kind != "country") {
        s.push_str(&format!(", {}", c.name));
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
    mut layout: ResMut<UiLayout>,
    mut cam: ResMut<MapCamera>,
    mut hl: ResMut<Highlight>,
    insets: Res<MapInsets>,
    atlas: Res<AtlasData>,
    toggles: Res<LayerToggles>,
    window: Single<&Window>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let free = layout.free.unwrap_or_else(|| ctx.viewport_rect());
    let size = [window.width() as f64, window.height() as f64];
    let mut chosen = None;
    let area = egui::Area::new("search".into())
        .fixed_pos(free.left_top() + egui::vec2(10.0, 10.0))
        .order(egui::Order::Middle)
        .show(&ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(260.0);
                let resp = ui.add(
                    egui::TextEdit::singleline(&mut state.query)
                        .hint_text("Find a place… (Ctrl+F)")
                        .desired_width(f32::INFINITY),
                );
                if state.focus {
                    resp.request_focus();
                    state.focus = false;
                }
                let results = search(&atlas.0.places, &state.query, 8);
                if state.query.trim().is_empty() {
                    return;
                }
                if results.is_empty() {
                    ui.label(egui::RichText::new("No place by that name on this map.").small());
                    return;
                }
                let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if enter {
                    chosen = results.first().map(|(i, _)| *i);
                }
                for (i, p) in &results {
                    let name = toggles.lang.label(&p.name, p.name_ko.as_deref());
                    let r = ui.add(
                        egui::Button::selectable(false, format!("{name}\n{}", describe(p, &atlas)))
                            .min_size(egui::vec2(250.0, 0.0)),
                    );
                    if r.clicked() {
                        chosen = Some(*i);
                    }
                }
            });
        });
    let r = area.response.rect;
    layout
        .covered
        .push([r.left(), r.top(), r.right(), r.bottom()]);
    if let Some(i) = chosen
        && let Some(p) = atlas.0.places.get(i)
    {
        fly_to_place(i, p, &mut cam, &insets, size, &mut hl);
        state.query.clear();
    }
    Ok(())
}
