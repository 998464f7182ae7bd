//! The teaching tools on screen: measure a distance (M, or Measure in the top bar: click
//! places; the length along great circles in km and miles), a range circle (C: click its
//! centre, give its radius, a label and its source), arrows (A: click where it starts and
//! where it points) and text notes (T: click where it goes), on the map and the globe, in a
//! small window that says what to do and where each arrow's and note's text is edited.

use crate::app::state::prefs::UiPrefs;
use crate::core::i18n::UiLang;
use crate::core::tr;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::{cover_window, free_rect};
use super::lesson::{annotation, boxed_text, polyline, to_pos};
use crate::app::camera::pointer::{map_click, typing};
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::LessonState;
use crate::app::state::screen::{Projector, TextFocus, UiLayout, window_size};
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::{Tool, Tools};
use crate::app::theme;
use crate::core::globe::{ground_circle, path_arcs};
use crate::core::lesson::{Annotation, Text, km_and_miles};

/// Adds the tools' keys, clicks, drawing and window.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, tool_input.in_set(AppSystems::Input))
        .add_systems(
            EguiPrimaryContextPass,
            (tool_marks, tool_window)
                .chain()
                .in_set(AppSystems::UiOverlays),
        );
}

#[allow(clippy::too_many_arguments)]
fn tool_input(
    keys: Res<ButtonInput<KeyCode>>,
    buttons: Res<ButtonInput<MouseButton>>,
    egui: Option<Res<EguiWantsInput>>,
    text: Option<Res<TextFocus>>,
    layout: Res<UiLayout>,
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    lesson: Res<LessonState>,
    mut tools: ResMut<Tools>,
    mut pressed_at: Local<Option<Vec2>>,
) {
    if !typing(text.as_deref()) {
        if keys.just_pressed(KeyCode::KeyM) {
            tools.toggle(Tool::Measure);
        }
        if keys.just_pressed(KeyCode::KeyC) {
            tools.toggle(Tool::Circle);
        }
        if keys.just_pressed(KeyCode::KeyA) {
            tools.toggle(Tool::Arrow);
        }
        if keys.just_pressed(KeyCode::KeyT) {
            tools.toggle(Tool::Note);
        }
        if keys.just_pressed(KeyCode::Delete) {
            let tool = tools.active;
            if tool == Some(Tool::Measure) {
                tools.points.pop();
            } else if matches!(tool, Some(Tool::Arrow | Tool::Note))
                && tools.arrow_from.take().is_none()
            {
                tools.drawings.pop();
            }
        }
        // Esc leaves presenting first, when presenting.
        if keys.just_pressed(KeyCode::Escape) && !lesson.presenting {
            tools.active = None;
        }
    }
    if tools.active.is_none() {
        return;
    }
    if let Some(c) = map_click(&buttons, &window, egui.as_deref(), &layout, &mut pressed_at)
        && let Some(at) = projector.lonlat_at([c.x as f64, c.y as f64], window_size(&window))
    {
        tools.click(at);
    }
}

/// The measured line and the range circle, with their lengths; the arrows and notes.
fn tool_marks(
    mut contexts: EguiContexts,
    tools: Res<Tools>,
    projector: Res<Projector>,
    layout: Res<UiLayout>,
    toggles: Res<LayerToggles>,
    window: Single<&Window, With<PrimaryWindow>>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if !tools.has_marks() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let size = window_size(&window);
    let painter = ctx
        .layer_painter(egui::LayerId::background())
        .with_clip_rect(free_rect(ctx, &layout));
    let stroke = egui::Stroke::new(2.5, theme::MEASURE);
    if tools.points.len() >= 2 {
        let along = path_arcs(&tools.points, 64);
        polyline(&painter, &projector, size, &along, stroke, 0.0);
    }
    for p in &tools.points {
        if let Some(px) = projector.pixel(*p, size) {
            painter.circle_stroke(to_pos(px), 5.0, stroke);
        }
    }
    if let (Some(last), true) = (tools.points.last(), tools.points.len() >= 2)
        && let Some(px) = projector.pixel(*last, size)
    {
        boxed_text(&painter, to_pos(px), &km_and_miles(tools.length_km()), 14.0);
    }
    if let Some(c) = tools.center {
        let ring = ground_circle(c, tools.radius_km, 120);
        polyline(&painter, &projector, size, &ring, stroke, 0.0);
        if let Some(px) = projector.pixel(c, size) {
            painter.circle_filled(to_pos(px), 3.0, theme::MEASURE);
            let mut text = tools.label.trim().to_string();
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&tr!(
                lang,
                "tool-radius-of",
                km = km_and_miles(tools.radius_km)
            ));
            if !tools.source.trim().is_empty() {
                text.push_str(&format!(
                    "\n{}",
                    tr!(lang, "tool-source-of", source = tools.source.trim())
                ));
            }
            boxed_text(&painter, to_pos(px), &text, 13.0);
        }
    }
    for a in &tools.drawings {
        annotation(&painter, &projector, size, a, toggles.lang, 1.0, true);
    }
    if let Some(px) = tools.arrow_from.and_then(|p| projector.pixel(p, size)) {
        painter.circle_stroke(to_pos(px), 6.0, egui::Stroke::new(2.5, theme::ANNOTATION));
    }
    Ok(())
}

/// The arrows and notes drawn, each with its text to edit and a button to remove it.
fn drawings_list(ui: &mut egui::Ui, lang: UiLang, tools: &mut Tools) {
    let mut remove = None;
    for (i, a) in tools.drawings.iter_mut().enumerate() {
        let (kind, text) = match a {
            Annotation::Arrow { label, .. } => (
                tr!(lang, "tool-arrow-n", n = i + 1),
                label.get_or_insert_with(Text::default),
            ),
            Annotation::Note { text, .. } => (tr!(lang, "tool-note-n", n = i + 1), text),
            _ => continue,
        };
        ui.horizontal(|ui| {
            ui.label(kind);
            let mut buf = text.en.clone().unwrap_or_default();
            if ui
                .add(egui::TextEdit::singleline(&mut buf).desired_width(150.0))
                .changed()
            {
                text.en = (!buf.trim().is_empty()).then_some(buf);
            }
            if ui
                .small_button("×")
                .on_hover_text(tr!(lang, "tool-remove-it"))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        tools.drawings.remove(i);
    }
    // An arrow whose label was emptied has none.
    for a in &mut tools.drawings {
        if let Annotation::Arrow { label, .. } = a
            && label.as_ref().is_some_and(Text::is_empty)
        {
            *label = None;
        }
    }
}

/// The tool's window: what to do, the length or the radius, Clear and Done.
fn tool_window(
    mut contexts: EguiContexts,
    mut tools: ResMut<Tools>,
    mut layout: ResMut<UiLayout>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    let Some(tool) = tools.active else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let free = free_rect(ctx, &layout);
    let title = match tool {
        Tool::Measure => tr!(lang, "tool-measure-title"),
        Tool::Circle => tr!(lang, "tool-circle-title"),
        Tool::Arrow => tr!(lang, "tool-arrow-title"),
        Tool::Note => tr!(lang, "tool-note-title"),
        // The event editor says what to do.
        Tool::Place => return Ok(()),
    };
    let shown = egui::Window::new(title)
        .id(egui::Id::new("tool-window"))
        .default_pos(free.right_top() + egui::vec2(-300.0, 50.0))
        .default_width(260.0)
        .resizable(false)
        .show(ctx, |ui| match tool {
            Tool::Measure => {
                ui.label(tr!(lang, "tool-measure-how"));
                ui.separator();
                if tools.points.len() >= 2 {
                    ui.strong(tr!(
                        lang,
                        "tool-in-all",
                        km = km_and_miles(tools.length_km())
                    ));
                    if tools.points.len() > 2 {
                        for (i, w) in tools.points.windows(2).enumerate() {
                            let d = crate::core::globe::distance_km(w[0], w[1]);
                            ui.label(format!("{} → {}: {}", i + 1, i + 2, km_and_miles(d)));
                        }
                    }
                } else {
                    ui.label(tr!(lang, "tool-places-so-far", n = tools.points.len()));
                }
                ui.horizontal(|ui| {
                    if ui.button(tr!(lang, "tool-clear")).clicked() {
                        tools.points.clear();
                    }
                    if ui.button(tr!(lang, "tool-done", key = "M")).clicked() {
                        tools.active = None;
                    }
                });
            }
            Tool::Place => {}
            Tool::Arrow | Tool::Note => {
                ui.label(if tool == Tool::Arrow {
                    tr!(lang, "tool-arrow-how")
                } else {
                    tr!(lang, "tool-note-how")
                });
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "tool-text"));
                    ui.text_edit_singleline(&mut tools.text);
                });
                if tool == Tool::Arrow && tools.arrow_from.is_some() {
                    ui.label(tr!(lang, "tool-arrow-then"));
                }
                ui.separator();
                drawings_list(ui, lang, &mut tools);
                ui.label(egui::RichText::new(tr!(lang, "tool-keep-in-step")).small());
                ui.horizontal(|ui| {
                    if ui.button(tr!(lang, "tool-clear")).clicked() {
                        tools.drawings.clear();
                        tools.arrow_from = None;
                    }
                    let key = if tool == Tool::Arrow { "A" } else { "T" };
                    if ui.button(tr!(lang, "tool-done", key = key)).clicked() {
                        tools.active = None;
                    }
                });
            }
            Tool::Circle => {
                ui.label(tr!(lang, "tool-circle-how"));
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "tool-radius"));
                    ui.add(
                        egui::DragValue::new(&mut tools.radius_km)
                            .range(1.0..=19_000.0)
                            .speed(5.0)
                            .suffix(" km"),
                    );
                });
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "tool-label"));
                    ui.text_edit_singleline(&mut tools.label);
                });
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "tool-source"));
                    ui.text_edit_singleline(&mut tools.source)
                        .on_hover_text(tr!(lang, "tool-source-tip"));
                });
                ui.horizontal(|ui| {
                    if ui.button(tr!(lang, "tool-clear")).clicked() {
                        tools.center = None;
                    }
                    if ui.button(tr!(lang, "tool-done", key = "C")).clicked() {
                        tools.active = None;
                    }
                });
            }
        });
    cover_window(&mut layout, shown);
    Ok(())
}
