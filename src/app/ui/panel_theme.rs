//! The panels' theme follows the map's style: dark beside the atlas on a screen, light with
//! the projector style (presenter mode), where dark panels turn murky on a projector.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::state::layers::LayerToggles;
use crate::app::state::systems::AppSystems;
use crate::core::labels::MapStyle;

/// Switches egui's theme when the map's style changes.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        follow_style.in_set(AppSystems::UiSetup),
    );
}

/// The egui theme of a map style.
pub fn theme_of(style: MapStyle) -> egui::Theme {
    match style {
        MapStyle::Atlas => egui::Theme::Dark,
        MapStyle::Projector => egui::Theme::Light,
    }
}

fn follow_style(
    mut contexts: EguiContexts,
    toggles: Res<LayerToggles>,
    mut shown: Local<Option<MapStyle>>,
) -> Result {
    if *shown == Some(toggles.style) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    ctx.set_theme(theme_of(toggles.style));
    *shown = Some(toggles.style);
    Ok(())
}
