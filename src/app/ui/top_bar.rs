//! The top bar: views, the globe switch, zoom, Home, label language, layers, the event list,
//! Open…, the files and problems windows, Controls and About.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::access::named;
use super::event_editor::EventEditor;
use super::event_list::EventListOpen;
use super::export_window::{SaveWhat, SaveWindow};
use super::files::FileWindows;
use super::layout::show_panel;
use super::link::CurrentLink;
use super::windows::Windows;
use super::words::line_kind_name;
use crate::app::camera::map::MapCamera;
use crate::app::files::store::OpenFiles;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::{LessonRequest, LessonSource, LessonState};
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::{Announcement, GoHome, ShowOpenDialog, ShowView, ToggleGlobe};
use crate::app::state::screen::{TOP_BAR_H, UiLayout, ViewMode, window_size};
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::{Tool, Tools};
use crate::core::atlas::LineKind;
use crate::core::i18n::UiLang;
use crate::core::model::Lang;
use crate::core::tr;
use crate::core::view::ViewSpec;

/// Adds the top bar.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, top_bar.in_set(AppSystems::UiTop));
}

/// The messages the top bar sends, and the link it copies.
#[derive(bevy::ecs::system::SystemParam)]
struct Requests<'w> {
    view: MessageWriter<'w, ShowView>,
    home: MessageWriter<'w, GoHome>,
    globe: MessageWriter<'w, ToggleGlobe>,
    open: MessageWriter<'w, ShowOpenDialog>,
    lesson: MessageWriter<'w, LessonRequest>,
    link: Res<'w, CurrentLink>,
    said: ResMut<'w, Announcement>,
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
    mut prefs: ResMut<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    let ctx = contexts.ctx_mut()?;
    let size = window_size(&window);
    // The first panel of the frame: everything is free again.
    layout.free = Some(ctx.viewport_rect());
    layout.covered.clear();
    // Presenting: no chrome.
    if lesson.presenting {
        return Ok(());
    }
    let panel = egui::Panel::top("top")
        .resizable(false)
        .min_size(TOP_BAR_H * prefs.scale);
    show_panel(ctx, &mut layout, panel, |ui| {
        // One row on a wide window; wrapped onto a second one when the text is large.
        ui.horizontal_wrapped(|ui| {
            ui.strong("Dateline");
            ui.separator();
            for (name, tip, spec) in [
                (
                    tr!(lang, "top-korea"),
                    tr!(lang, "top-korea-tip"),
                    ViewSpec::Korea,
                ),
                (
                    tr!(lang, "top-region"),
                    tr!(lang, "top-region-tip"),
                    ViewSpec::Region,
                ),
                (
                    tr!(lang, "top-world"),
                    tr!(lang, "top-world-tip"),
                    ViewSpec::World,
                ),
            ] {
                if ui.button(name).on_hover_text(tip).clicked() {
                    requests.view.write(ShowView(spec));
                }
            }
            let globe_on = *mode.get() == ViewMode::Globe;
            if ui
                .selectable_label(globe_on, tr!(lang, "top-globe"))
                .on_hover_text(tr!(lang, "top-globe-tip"))
                .clicked()
            {
                requests.globe.write(ToggleGlobe);
            }
            if named(ui.button("−"), tr!(lang, "top-zoom-out-name"))
                .on_hover_text(tr!(lang, "top-zoom-out-tip"))
                .clicked()
            {
                cam.zoom_about(-0.5, [size[0] / 2.0, size[1] / 2.0], size);
            }
            if named(ui.button("+"), tr!(lang, "top-zoom-in-name"))
                .on_hover_text(tr!(lang, "top-zoom-in-tip"))
                .clicked()
            {
                cam.zoom_about(0.5, [size[0] / 2.0, size[1] / 2.0], size);
            }
            if ui
                .button(tr!(lang, "top-home"))
                .on_hover_text(tr!(lang, "top-home-tip"))
                .clicked()
            {
                requests.home.write(GoHome);
            }
            ui.separator();
            ui.label(tr!(lang, "top-names"))
                .on_hover_text(tr!(lang, "top-names-tip"));
            for (names, text) in [
                (Lang::En, tr!(lang, "lang-en")),
                (Lang::Ko, tr!(lang, "lang-ko")),
                (Lang::Both, tr!(lang, "lang-both")),
            ] {
                ui.selectable_value(&mut toggles.lang, names, text);
            }
            ui.separator();
            ui.menu_button(tr!(lang, "top-layers"), |ui| {
                for kind in LineKind::ALL {
                    let on = toggles.lines.entry(kind).or_insert(true);
                    ui.checkbox(on, line_kind_name(lang, kind));
                }
                ui.checkbox(&mut toggles.graticule, tr!(lang, "layer-graticule"));
            });
            ui.toggle_value(&mut list.0, tr!(lang, "top-events"))
                .on_hover_text(tr!(lang, "top-events-tip"));
            ui.separator();
            if ui
                .button(tr!(lang, "top-open"))
                .on_hover_text(tr!(lang, "top-open-tip"))
                .clicked()
            {
                requests.open.write(ShowOpenDialog);
            }
            // The teaching tools in one menu (each has its key), named by the one in use.
            let tool_list = [
                (
                    Tool::Measure,
                    tr!(lang, "tool-measure"),
                    tr!(lang, "tool-measure-tip"),
                ),
                (
                    Tool::Circle,
                    tr!(lang, "tool-circle"),
                    tr!(lang, "tool-circle-tip"),
                ),
                (
                    Tool::Arrow,
                    tr!(lang, "tool-arrow"),
                    tr!(lang, "tool-arrow-tip"),
                ),
                (
                    Tool::Note,
                    tr!(lang, "tool-note"),
                    tr!(lang, "tool-note-tip"),
                ),
            ];
            let in_use = tool_list
                .iter()
                .find(|t| tools.active == Some(t.0))
                .map(|t| t.1.clone());
            let menu = match &in_use {
                Some(name) => tr!(lang, "top-tools-in-use", tool = name.as_str()),
                None => tr!(lang, "top-tools"),
            };
            ui.menu_button(menu, |ui| {
                for (tool, name, tip) in tool_list {
                    if ui
                        .selectable_label(tools.active == Some(tool), name)
                        .on_hover_text(tip)
                        .clicked()
                    {
                        tools.toggle(tool);
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(tr!(lang, "top-tools-tip"));
            if ui
                .button(tr!(lang, "top-add-event"))
                .on_hover_text(tr!(lang, "top-add-event-tip"))
                .clicked()
            {
                events_ed.start_new(&mut tools);
            }
            if ui
                .button(tr!(lang, "top-save"))
                .on_hover_text(tr!(lang, "top-save-tip"))
                .clicked()
            {
                save.open = !save.open;
                save.what = SaveWhat::View;
            }
            // The link to what is shown (the web page's address carries the same): a teacher
            // shares exactly what the class saw.
            if ui
                .button(tr!(lang, "top-copy-link"))
                .on_hover_text(tr!(
                    lang,
                    "top-copy-link-tip",
                    link = format!("#{}", requests.link.0)
                ))
                .clicked()
            {
                let link = format!("#{}", requests.link.0);
                ui.ctx().copy_text(link.clone());
                requests.said.say(tr!(lang, "top-link-copied", link = link));
            }
            let has_lesson = lesson.lesson.is_some();
            if ui
                .selectable_label(lesson.window, tr!(lang, "top-lesson"))
                .on_hover_text(tr!(lang, "top-lesson-tip"))
                .clicked()
            {
                if !has_lesson && !lesson.loading() {
                    requests
                        .lesson
                        .write(LessonRequest::Open(LessonSource::Bundled));
                }
                lesson.window = !lesson.window || !has_lesson;
            }
            if !files.files.is_empty() {
                let show = file_windows.files;
                if ui
                    .selectable_label(show, tr!(lang, "files-button", n = files.files.len()))
                    .clicked()
                {
                    file_windows.files = !show;
                }
            }
            let (errors, warnings) = files.problem_counts();
            if errors + warnings > 0 {
                // Short: a sign and the count, in red when any is an error.
                let text = egui::RichText::new(format!("⚠ {}", errors + warnings));
                let text = if errors > 0 {
                    text.color(ui.visuals().error_fg_color)
                } else {
                    text
                };
                let name = tr!(lang, "problems-button", n = errors + warnings);
                if named(ui.button(text), name.clone())
                    .on_hover_text(name)
                    .clicked()
                {
                    file_windows.problems = !file_windows.problems;
                }
            }
            // Controls (F1) and About under one "?".
            let help = ui.menu_button("?", |ui| {
                if ui.button(tr!(lang, "top-controls")).clicked() {
                    windows.help = !windows.help;
                    ui.close();
                }
                if ui.button(tr!(lang, "top-about")).clicked() {
                    windows.about = !windows.about;
                    ui.close();
                }
                ui.separator();
                // How the panels look: text size and high contrast, kept for next time.
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "top-text-size"));
                    if named(ui.button("−"), tr!(lang, "top-text-smaller")).clicked() {
                        prefs.step_scale(-1);
                    }
                    ui.label(format!("{:.0}%", prefs.scale * 100.0));
                    if named(ui.button("+"), tr!(lang, "top-text-larger")).clicked() {
                        prefs.step_scale(1);
                    }
                });
                let mut high = prefs.high_contrast;
                if ui
                    .checkbox(&mut high, tr!(lang, "top-high-contrast"))
                    .changed()
                {
                    prefs.high_contrast = high;
                }
            });
            named(help.response, tr!(lang, "top-help-name"))
                .on_hover_text(tr!(lang, "top-help-tip"));
            // The interface's language, each named in itself (Ctrl+L switches).
            let langs = ui.menu_button(format!("🌐 {}", lang.native_name()), |ui| {
                ui.label(tr!(lang, "top-ui-lang"));
                for ui_lang in UiLang::ALL {
                    if ui
                        .selectable_label(lang == ui_lang, ui_lang.native_name())
                        .clicked()
                    {
                        if lang != ui_lang {
                            prefs.lang = ui_lang;
                        }
                        ui.close();
                    }
                }
            });
            let name = format!("{}: {}", tr!(lang, "top-ui-lang"), lang.native_name());
            named(langs.response, name).on_hover_text(tr!(lang, "top-ui-lang-tip"));
        });
    });
    Ok(())
}
