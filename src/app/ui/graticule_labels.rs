//! Degree labels where the graticule's lines meet the map's edges ("40°N" down the left,
//! "130°E" along the bottom), on the flat maps, kept clear of the map's names.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::route_marks::route_marks;
use crate::app::state::layers::LayerToggles;
use crate::app::state::screen::{Projector, UiLayout, window_size};
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::graticule::{degree_label, edge_crossings, step_for};
use crate::core::labels::MapStyle;
use crate::core::projection::Projection;
use crate::core::view::km_per_px;

/// Adds the labels (after the route marks, which start the frame's list of marks).
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        graticule_labels
            .after(route_marks)
            .in_set(AppSystems::UiOverlays),
    );
}

/// How far from an edge (pixels) the labels sit, and how far from the corners they stop.
const INSET: f32 = 3.0;
const CORNER: f64 = 40.0;

fn graticule_labels(
    mut contexts: EguiContexts,
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    toggles: Res<LayerToggles>,
    mut layout: ResMut<UiLayout>,
) -> Result {
    let Projector::Map(view, kind) = *projector else {
        return Ok(());
    };
    if !toggles.graticule {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let size = window_size(&window);
    let free = super::layout::free_rect(ctx, &layout);
    let proj = kind.projection();
    // The place under a pixel, if it is on the Earth (the world map's paper is not).
    let at = |px: [f64; 2]| proj.unproject_on_earth(view.from_pixel(px, size));
    // The same spacing as the lines drawn (render::atlas).
    let step = step_for(km_per_px(view.zoom), 90.0);
    let (left, top, right, bottom) = (
        f64::from(free.left()),
        f64::from(free.top()),
        f64::from(free.right()),
        f64::from(free.bottom()),
    );
    let x_edge = left + 1.0;
    let y_edge = bottom - 1.0;
    let parallels = edge_crossings(step, bottom - top, true, |t| at([x_edge, top + t]));
    let meridians = edge_crossings(step, right - left, false, |t| at([left + t, y_edge]));
    let px = if toggles.style == MapStyle::Projector {
        16.0
    } else {
        11.0
    };
    let painter = ctx
        .layer_painter(egui::LayerId::background())
        .with_clip_rect(free);
    let ink = theme::to_egui(theme::GRATICULE_LABEL);
    let mut draw = |text: String, anchor: egui::Align2, pos: egui::Pos2| {
        let galley = painter.layout_no_wrap(text, egui::FontId::proportional(px), ink);
        let rect = anchor.anchor_size(pos, galley.size());
        let b = rect.expand2(egui::vec2(2.0, 0.0));
        layout
            .marks
            .push([b.left(), b.top(), b.right(), b.bottom()]);
        painter.rect_filled(b, 2.0, theme::GRATICULE_LABEL_BOX);
        painter.galley(rect.min, galley, ink);
    };
    // Parallels down the left edge, meridians along the bottom, clear of the corners.
    let left_edge = parallels.into_iter().map(|(t, v)| {
        let pos = egui::pos2(free.left() + INSET, (top + t) as f32);
        (
            t,
            bottom - top,
            degree_label(v, true),
            egui::Align2::LEFT_CENTER,
            pos,
        )
    });
    let bottom_edge = meridians.into_iter().map(|(t, v)| {
        let pos = egui::pos2((left + t) as f32, free.bottom() - INSET);
        (
            t,
            right - left,
            degree_label(v, false),
            egui::Align2::CENTER_BOTTOM,
            pos,
        )
    });
    for (t, len, text, anchor, pos) in left_edge.chain(bottom_edge) {
        if t >= CORNER && t <= len - CORNER {
            draw(text, anchor, pos);
        }
    }
    Ok(())
}
