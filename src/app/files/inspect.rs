//! A click on a feature of a user layer inspects it: the feature is kept by its file's id and
//! its own key (its GeoJSON `id`, or its place in the file), so a reload shows the same
//! feature, or closes the window when the feature is gone.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;

use super::store::{OpenFiles, UserFile};
use crate::app::camera::map::MapCamera;
use crate::app::camera::pointer::map_click;
use crate::app::state::lesson::not_presenting;
use crate::app::state::screen::UiLayout;
use crate::app::state::screen::window_size;
use crate::app::state::story::{Clock, FileId};
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::tool_idle;
use crate::core::userfile::{Content, LayerFeature};

/// The feature whose properties are shown.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Inspected(pub Option<(FileId, String)>);

impl Inspected {
    /// The inspected file and feature, if both are still there.
    pub fn get<'a>(&self, files: &'a OpenFiles) -> Option<(&'a UserFile, &'a LayerFeature)> {
        let (id, key) = self.0.as_ref()?;
        let file = files.get(*id)?;
        let Some(Content::Layer(layer)) = &file.good else {
            return None;
        };
        let feature = layer.features.iter().find(|f| &f.key == key)?;
        Some((file, feature))
    }
}

/// Adds the click that inspects a feature.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Inspected>().add_systems(
        Update,
        inspect_click
            .run_if(not_presenting)
            .run_if(tool_idle)
            .in_set(AppSystems::Input),
    );
}

/// A click on a user layer's feature shows its properties (the topmost layer first).
#[allow(clippy::too_many_arguments)]
fn inspect_click(
    buttons: Res<ButtonInput<MouseButton>>,
    egui: Option<Res<EguiWantsInput>>,
    layout: Res<UiLayout>,
    window: Single<&Window, With<PrimaryWindow>>,
    cam: Res<MapCamera>,
    files: Res<OpenFiles>,
    clock: Option<Res<Clock>>,
    mut inspected: ResMut<Inspected>,
    mut pressed_at: Local<Option<Vec2>>,
) {
    let Some(cursor) = map_click(&buttons, &window, egui.as_deref(), &layout, &mut pressed_at)
    else {
        return;
    };
    let (plane, tol) = cam.regional_point(
        [cursor.x as f64, cursor.y as f64],
        window_size(&window),
        6.0,
    );
    let hit = files
        .files
        .iter()
        .rev()
        .filter(|f| f.visible)
        .find_map(|f| match &f.good {
            Some(Content::Layer(l)) => {
                // A timed layer's features count only on the dates they show.
                let shown = |i: usize, feature: &LayerFeature| {
                    f.shows_feature(l, i)
                        && clock
                            .as_deref()
                            .is_none_or(|c| feature.opacity(c.date, c.window()) > 0.0)
                };
                l.hit_shown(plane, tol, &shown)
                    .map(|j| (f.id, l.features[j].key.clone()))
            }
            _ => None,
        });
    if hit.is_some() {
        inspected.0 = hit;
    }
}
