//! The Open… window: browse folders (listed in the background) and pick a file (GeoJSON, TopoJSON, KML/KMZ, a zipped shapefile, CSV),
//! or type a path.

use std::path::PathBuf;

use crate::app::state::prefs::UiPrefs;
use crate::core::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::cover_window;
use super::words::look_error;
use crate::app::files::browse::Browser;
use crate::app::state::lesson::not_presenting;
use crate::app::state::requests::OpenFile;
use crate::app::state::screen::UiLayout;
use crate::app::state::systems::AppSystems;

/// Adds the Open… window.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        open_dialog
            .run_if(not_presenting)
            .in_set(AppSystems::UiOverlays),
    );
}

fn open_dialog(
    mut contexts: EguiContexts,
    mut browser: ResMut<Browser>,
    mut open_file: MessageWriter<OpenFile>,
    mut layout: ResMut<UiLayout>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    let Some(dialog) = &mut browser.0 else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let mut open = true;
    let mut chosen: Option<PathBuf> = None;
    let mut go: Option<PathBuf> = None;
    let r = egui::Window::new(tr!(lang, "open-title"))
        .id(egui::Id::new("open-dialog"))
        .open(&mut open)
        .collapsible(false)
        .default_width(460.0)
        .show(&ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button(tr!(lang, "open-up")).clicked()
                    && let Some(parent) = dialog.dir.parent()
                {
                    go = Some(parent.to_path_buf());
                }
                let r = ui.add(
                    egui::TextEdit::singleline(&mut dialog.typed).desired_width(f32::INFINITY),
                );
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    // A folder is listed, a file is opened: the look happens off the frame. A
                    // relative path is taken from the folder shown.
                    go = Some(dialog.dir.join(dialog.typed.trim()));
                }
            });
            ui.label(egui::RichText::new(tr!(lang, "open-kinds")).small());
            if let Some(e) = &dialog.error {
                ui.colored_label(ui.visuals().error_fg_color, look_error(lang, e));
            }
            if dialog.busy() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!(lang, "open-reading"));
                });
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for (name, is_dir) in &dialog.entries {
                        let label = if *is_dir {
                            format!("📁 {name}")
                        } else {
                            name.clone()
                        };
                        let r = ui.selectable_label(false, label);
                        if r.clicked() || r.double_clicked() {
                            if *is_dir {
                                go = Some(dialog.dir.join(name));
                            } else {
                                chosen = Some(dialog.dir.join(name));
                            }
                        }
                    }
                    if dialog.entries.is_empty() && dialog.error.is_none() && !dialog.busy() {
                        ui.label(tr!(lang, "open-empty"));
                    }
                });
        });
    cover_window(&mut layout, r);
    if let Some(p) = go {
        dialog.go(p);
    }
    match chosen {
        Some(p) => {
            open_file.write(OpenFile(p));
            browser.0 = None;
        }
        None if !open => browser.0 = None,
        None => {}
    }
    Ok(())
}
