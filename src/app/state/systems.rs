//! The app's system sets, ordered here and nowhere else; every feature adds its systems to one.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

/// The app's system sets.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Read keyboard and mouse; send requests.
    Input,
    /// Apply requests to the story: selection, playback.
    Story,
    /// Move the cameras towards their targets.
    Camera,
    /// Show, hide and size layers, markers and labels for the current view.
    Layers,
    /// Headless capture bookkeeping.
    Capture,
    /// egui, in order: fonts, the top bar, the timeline (bottom), the event list (right),
    /// then floating windows and overlays, which use what the panels left free.
    UiSetup,
    /// The top bar.
    UiTop,
    /// The bottom panel.
    UiBottom,
    /// The side panel.
    UiSide,
    /// Windows, cards, legend.
    UiOverlays,
}

/// Orders the sets: input, story, camera, layers, capture in `Update`; the panels in egui's pass.
pub(super) fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Input,
            AppSystems::Story,
            AppSystems::Camera,
            AppSystems::Layers,
            AppSystems::Capture,
        )
            .chain(),
    )
    .configure_sets(
        EguiPrimaryContextPass,
        (
            AppSystems::UiSetup,
            AppSystems::UiTop,
            AppSystems::UiBottom,
            AppSystems::UiSide,
            AppSystems::UiOverlays,
        )
            .chain(),
    );
}
