//! "route not reported" written at the middle of each arrow whose route no source gives, on
//! the flat map and the globe, so that an arrow is never read as the path that was taken.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::render::labels::StoryNameRoom;
use crate::app::render::markers::SceneEvents;
use crate::app::state::layers::LayerToggles;
use crate::app::state::screen::{Projector, UiLayout, window_size};
use crate::app::state::story::{Clock, EventFilters, Story};
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::globe::slerp;
use crate::core::model::{Lang, Shape};
use crate::core::projection::Projection;

/// The mark's text in each language.
pub fn mark_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "route not reported",
        Lang::Ko => "경로 보도 없음",
        Lang::Both => "route not reported · 경로 보도 없음",
    }
}

/// Adds the marks.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        route_marks.in_set(AppSystems::UiOverlays),
    );
}

#[allow(clippy::too_many_arguments)]
pub(super) fn route_marks(
    mut contexts: EguiContexts,
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    story: Option<Res<Story>>,
    clock: Option<Res<Clock>>,
    filters: Res<EventFilters>,
    toggles: Res<LayerToggles>,
    markers: Option<Res<SceneEvents>>,
    room: Option<Res<StoryNameRoom>>,
    mut layout: ResMut<UiLayout>,
) -> Result {
    layout.marks.clear();
    let (Some(story), Some(clock)) = (story, clock) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let size = window_size(&window);
    // Over the map only, never over a panel (the presenter's card is one).
    let painter = ctx
        .layer_painter(egui::LayerId::background())
        .with_clip_rect(super::layout::free_rect(ctx, &layout));
    // Event markers, the room of the story's countries' names and the marks placed so far:
    // a mark that would cover one moves below or above it, or along its arrow.
    let mut placed: Vec<egui::Rect> = markers
        .iter()
        .flat_map(|m| m.events.iter())
        .filter(|m| m.visible)
        .filter_map(|m| m.anchor)
        .map(|[x, y]| {
            egui::Rect::from_center_size(egui::pos2(x as f32, y as f32), egui::vec2(24.0, 24.0))
        })
        .chain(
            room.iter()
                .flat_map(|r| r.0.iter())
                .map(|r| egui::Rect::from_min_max(egui::pos2(r[0], r[1]), egui::pos2(r[2], r[3]))),
        )
        .collect();
    for e in story.events() {
        if e.route_not_reported.is_none() {
            continue;
        }
        let o = filters.opacity(e, &clock);
        if o <= 0.0 {
            continue;
        }
        for s in &e.shapes {
            let Shape::Line(line) = s else { continue };
            let (Some(a), Some(b)) = (line.first(), line.last()) else {
                continue;
            };
            // A point of the arrow as drawn (`t` along it): straight on the map's plane, a
            // great circle on the globe (hidden on its far side).
            let at = |t: f64| match *projector {
                Projector::Map(view, kind) => {
                    let proj = kind.projection();
                    let (pa, pb) = (proj.project(*a), proj.project(*b));
                    let p = [pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t];
                    Some(view.to_pixel(p, size))
                }
                Projector::Globe(..) => projector.pixel(slerp(*a, *b, t), size),
            };
            let (Some(sa), Some(sb)) = (at(0.0), at(1.0)) else {
                continue;
            };
            let on_screen = (sb[0] - sa[0]).hypot(sb[1] - sa[1]) as f32;
            let color = theme::category_egui(&e.category).gamma_multiply(o);
            let galley = painter.layout_no_wrap(
                mark_text(toggles.lang).into(),
                egui::FontId::proportional(11.0),
                color,
            );
            // An arrow shorter than its mark is marked once zoomed in (the card says it too).
            if on_screen < galley.size().x + 24.0 {
                continue;
            }
            // The middle first, then a little above or below, then further along the arrow.
            let step = galley.size().y + 4.0;
            let Some(rect) = [0.5, 0.38, 0.62, 0.28, 0.72]
                .iter()
                .filter_map(|&t| at(t))
                .flat_map(|m| {
                    let pos = egui::pos2(m[0] as f32, m[1] as f32);
                    let base = egui::Align2::CENTER_CENTER.anchor_size(pos, galley.size());
                    [0.0, 1.0, -1.0, 2.0, -2.0].map(|k| base.translate(egui::vec2(0.0, k * step)))
                })
                .find(|r| !placed.iter().any(|p| p.expand(2.0).intersects(*r)))
            else {
                continue;
            };
            placed.push(rect);
            let b = rect.expand(2.0);
            layout
                .marks
                .push([b.left(), b.top(), b.right(), b.bottom()]);
            painter.rect_filled(b, 3.0, theme::route_mark_box(o));
            painter.galley(rect.min, galley, color);
        }
    }
    Ok(())
}
