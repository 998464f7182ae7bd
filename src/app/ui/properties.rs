//! The properties of the inspected feature of a user layer (shown, never fetched or opened).

use crate::app::state::prefs::UiPrefs;
use crate::core::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::cover_window;
use crate::app::files::inspect::Inspected;
use crate::app::files::store::OpenFiles;
use crate::app::state::lesson::not_presenting;
use crate::app::state::screen::UiLayout;
use crate::app::state::systems::AppSystems;

/// Adds the properties window.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        properties_window
            .run_if(not_presenting)
            .in_set(AppSystems::UiOverlays),
    );
}

fn properties_window(
    mut contexts: EguiContexts,
    mut inspected: ResMut<Inspected>,
    files: Res<OpenFiles>,
    mut layout: ResMut<UiLayout>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if inspected.0.is_none() {
        return Ok(());
    }
    // The file was closed, or a reload no longer has the feature: nothing to show.
    let Some((file, feature)) = inspected.get(&files) else {
        inspected.0 = None;
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let mut open = true;
    let r = egui::Window::new(format!("{} — {}", file.name, feature.key))
        .id(egui::Id::new("feature-properties"))
        .open(&mut open)
        .default_width(320.0)
        .show(&ctx, |ui| {
            if feature.properties.is_empty() {
                ui.label(tr!(lang, "properties-none"));
            }
            egui::Grid::new("props").striped(true).show(ui, |ui| {
                for (k, v) in &feature.properties {
                    ui.strong(k);
                    let text = match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    // Links are shown, never fetched or opened by the app on its own.
                    ui.label(text);
                    ui.end_row();
                }
            });
        });
    cover_window(&mut layout, r);
    if !open {
        inspected.0 = None;
    }
    Ok(())
}
