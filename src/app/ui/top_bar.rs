//! The top bar: views, the globe switch, zoom, Home, label language, layers, the event list,
//! Open…, the files and problems windows, Controls and About.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::event_editor::EventEditor;
use super::event_list::EventListOpen;
use super::export_window::{SaveWhat, SaveWindow};
use super::files::FileWindows;
use super::layout::show_panel;
use super::windows::Windows;
use crate::app::camera::map::MapCamera;
use crate::app::files::store::OpenFiles;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::{LessonRequest, LessonSource, LessonState};
use crate::app::state::requests::{GoHome, ShowOpenDialog, ShowView, ToggleGlobe};
use crate::app::state::screen::{TOP_BAR_H, UiLayout, ViewMode, window_size};
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::{Tool, Tools};
use crate::app::theme;
use crate::core::atlas::LineKind;
use crate::core::model::Lang;
use crate::core::view::ViewSpec;

/// Adds the top bar.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, top_bar.in_set(AppSystems::UiTop));
}

/// The messages the top bar sends.
#[derive(bevy::ecs::system::SystemParam)]
struct Requests<'w> {
    view: MessageWriter<'w, ShowView>,
    home: MessageWriter<'w, GoHome>,
    globe: MessageWriter<'w, ToggleGlobe>,
    open: MessageWriter<'w, ShowOpenDialog>,
    lesson: MessageWriter<'w, LessonRequest>,
}

#[allow(clippy::too_many_arguments)]
fn top_bar(
    mut contexts: EguiContexts,
    mut windows: ResMut<Windows>,
    mut toggles: ResMut<LayerToggles>,
    mut cam: ResMut<MapCamera>,
    mut layout: ResMut<UiLayout>,
    mut list: ResMut<EventListOpen>,
    mut file_windows: ResMut<FileWindows>,
    files: Res<OpenFiles>,
    mode: Res<State<ViewMode>>,
    mut lesson: ResMut<LessonState>,
    mut tools: ResMut<Tools>,
    mut save: ResMut<SaveWindow>,
    mut events_ed: ResMut<EventEditor>,
    mut requests: Requests,
    window: Single<&Window>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let size = window_size(&window);
    // The first panel of the frame: everything is free again.
    layout.free = Some(ctx.viewport_rect());
    layout.covered.clear();
    // Presenting: no chrome.
    if lesson.presenting {
        return Ok(());
    }
    let panel = egui::Panel::top("top").exact_size(TOP_BAR_H);
    show_panel(ctx, &mut layout, panel, |ui| {
        ui.horizontal_centered(|ui| {
            ui.strong("Dateline");
            ui.separator();
            ui.label("View:");
            for (name, spec) in [
                ("Korea", ViewSpec::Korea),
                ("Region", ViewSpec::Region),
                ("World", ViewSpec::World),
            ] {
                if ui
                    .button(name)
                    .on_hover_text(format!("Show the {} view", name.to_lowercase()))
                    .clicked()
                {
                    requests.view.write(ShowView(spec));
                }
            }
            let globe_on = *mode.get() == ViewMode::Globe;
            if ui
                .selectable_label(globe_on, "Globe")
                .on_hover_text("Switch between the flat map and the globe (G)")
                .clicked()
            {
                requests.globe.write(ToggleGlobe);
            }
            if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
                cam.zoom_about(-0.5, [size[0] / 2.0, size[1] / 2.0], size);
            }
            if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
                cam.zoom_about(0.5, [size[0] / 2.0, size[1] / 2.0], size);
            }
            if ui
                .button("Home")
                .on_hover_text("Back to the start view (Home)")
                .clicked()
            {
                requests.home.write(GoHome);
            }
            ui.separator();
            ui.label("Names:");
            for (lang, text) in [
                (Lang::En, "English"),
                (Lang::Ko, "한국어"),
                (Lang::Both, "Both"),
            ] {
                ui.selectable_value(&mut toggles.lang, lang, text);
            }
            ui.separator();
            ui.menu_button("Layers", |ui| {
                for kind in LineKind::ALL {
                    let on = toggles.lines.entry(kind).or_insert(true);
                    ui.checkbox(on, kind.name());
                }
                ui.checkbox(&mut toggles.graticule, "graticule");
            });
            ui.toggle_value(&mut list.0, "Events")
                .on_hover_text("Show or hide the event list (E)");
            ui.separator();
            if ui
                .button("Open…")
                .on_hover_text(
                    "Open a map or events file: GeoJSON, TopoJSON, KML/KMZ, zipped shapefile, CSV (Ctrl+O); you can also drop files on the window",
                )
                .clicked()
            {
                requests.open.write(ShowOpenDialog);
            }
            for (tool, name, tip) in [
                (Tool::Measure, "Measure", "Measure a distance along great circles (M)"),
                (Tool::Circle, "Circle", "Draw a range circle of a radius in km (C)"),
                (Tool::Arrow, "Arrow", "Draw an arrow with a label (A)"),
                (Tool::Note, "Note", "Put a text note on the map (T)"),
            ] {
                if ui
                    .selectable_label(tools.active == Some(tool), name)
                    .on_hover_text(tip)
                    .clicked()
                {
                    tools.toggle(tool);
                }
            }
            if ui
                .button("+ Event")
                .on_hover_text("Add an event of your own: click the map for its place, then give its date, status and sources")
                .clicked()
            {
                events_ed.start_new(&mut tools);
            }
            if ui
                .button("Save…")
                .on_hover_text("Save the view as a PNG, or a lesson's slides and handout (Ctrl+Shift+S)")
                .clicked()
            {
                save.open = !save.open;
                save.what = SaveWhat::View;
            }
            let has_lesson = lesson.lesson.is_some();
            if ui
                .selectable_label(lesson.window, "Lesson")
                .on_hover_text(
                    "Step through a lesson, or present it to a class (F5). Opens the bundled lesson \"From Hamhung to Kursk\" when none is open",
                )
                .clicked()
            {
                if !has_lesson && !lesson.loading() {
                    requests.lesson.write(LessonRequest::Open(LessonSource::Bundled));
                }
                lesson.window = !lesson.window || !has_lesson;
            }
            if !files.files.is_empty() {
                let show = file_windows.files;
                if ui
                    .selectable_label(show, format!("Files ({})", files.files.len()))
                    .clicked()
                {
                    file_windows.files = !show;
                }
            }
            let (errors, warnings) = files.problem_counts();
            if errors + warnings > 0 {
                let text = egui::RichText::new(format!("Problems ({})", errors + warnings));
                let text = if errors > 0 {
                    text.color(theme::ERROR)
                } else {
                    text
                };
                if ui.button(text).clicked() {
                    file_windows.problems = !file_windows.problems;
                }
            }
            if ui.button("Controls").on_hover_text("F1").clicked() {
                windows.help = !windows.help;
            }
            if ui.button("About").clicked() {
                windows.about = !windows.about;
            }
        });
    });
    Ok(())
}
