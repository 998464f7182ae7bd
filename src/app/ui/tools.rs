//! The teaching tools on screen: measure a distance (M, or Measure in the top bar: click
//! places; the length along great circles in km and miles) and a range circle (C: click its
//! centre, give its radius, a label and its source), on the map and the globe, in a small
//! window that says what to do.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::{cover_window, free_rect};
use super::lesson::{boxed_text, polyline, to_pos};
use crate::app::camera::pointer::{map_click, typing};
use crate::app::state::lesson::LessonState;
use crate::app::state::screen::{Projector, UiLayout, window_size};
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::{Tool, Tools};
use crate::app::theme;
use crate::core::globe::{ground_circle, path_arcs};
use crate::core::lesson::km_and_miles;

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
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    lesson: Res<LessonState>,
    mut tools: ResMut<Tools>,
    mut pressed_at: Local<Option<Vec2>>,
) {
    if !typing(egui.as_deref()) {
        if keys.just_pressed(KeyCode::KeyM) {
            tools.toggle(Tool::Measure);
        }
        if keys.just_pressed(KeyCode::KeyC) {
            tools.toggle(Tool::Circle);
        }
        if tools.active == Some(Tool::Measure) && keys.just_pressed(KeyCode::Delete) {
            tools.points.pop();
        }
        // Esc leaves presenting first, when presenting.
        if keys.just_pressed(KeyCode::Escape) && !lesson.presenting {
            tools.active = None;
        }
    }
    if tools.active.is_none() {
        return;
    }
    if let Some(c) = map_click(&buttons, &window, egui.as_deref(), &mut pressed_at)
        && let Some(at) = projector.lonlat_at([c.x as f64, c.y as f64], window_size(&window))
    {
        tools.click(at);
    }
}

/// The measured line and the range circle, with their lengths.
fn tool_marks(
    mut contexts: EguiContexts,
    tools: Res<Tools>,
    projector: Res<Projector>,
    layout: Res<UiLayout>,
    window: Single<&Window, With<PrimaryWindow>>,
) -> Result {
    if tools.points.is_empty() && tools.center.is_none() {
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
            text.push_str(&format!("{} radius", km_and_miles(tools.radius_km)));
            if !tools.source.trim().is_empty() {
                text.push_str(&format!("\nsource: {}", tools.source.trim()));
            }
            boxed_text(&painter, to_pos(px), &text, 13.0);
        }
    }
    Ok(())
}

/// The tool's window: what to do, the length or the radius, Clear and Done.
fn tool_window(
    mut contexts: EguiContexts,
    mut tools: ResMut<Tools>,
    mut layout: ResMut<UiLayout>,
) -> Result {
    let Some(tool) = tools.active else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let free = free_rect(ctx, &layout);
    let title = match tool {
        Tool::Measure => "Measure a distance",
        Tool::Circle => "Range circle",
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
                ui.label("Click places on the map or the globe; the line follows great circles (the shortest way over the Earth). Delete removes the last place.");
                ui.separator();
                if tools.points.len() >= 2 {
                    ui.strong(format!("{} in all", km_and_miles(tools.length_km())));
                    if tools.points.len() > 2 {
                        for (i, w) in tools.points.windows(2).enumerate() {
                            let d = crate::core::globe::distance_km(w[0], w[1]);
                            ui.label(format!("{} → {}: {}", i + 1, i + 2, km_and_miles(d)));
                        }
                    }
                } else {
                    ui.label(format!("{} place(s) so far", tools.points.len()));
                }
                ui.horizontal(|ui| {
                    if ui.button("Clear").clicked() {
                        tools.points.clear();
                    }
                    if ui.button("Done (M)").clicked() {
                        tools.active = None;
                    }
                });
            }
            Tool::Place => {}
            Tool::Circle => {
                ui.label("Click the centre on the map or the globe, then set the radius.");
                ui.horizontal(|ui| {
                    ui.label("Radius:");
                    ui.add(
                        egui::DragValue::new(&mut tools.radius_km)
                            .range(1.0..=19_000.0)
                            .speed(5.0)
                            .suffix(" km"),
                    );
                });
                ui.horizontal(|ui| {
                    ui.label("Label:");
                    ui.text_edit_singleline(&mut tools.label);
                });
                ui.horizontal(|ui| {
                    ui.label("Source:");
                    ui.text_edit_singleline(&mut tools.source)
                        .on_hover_text("Where the radius comes from: a report, a specification");
                });
                ui.horizontal(|ui| {
                    if ui.button("Clear").clicked() {
                        tools.center = None;
                    }
                    if ui.button("Done (C)").clicked() {
                        tools.active = None;
                    }
                });
            }
        });
    cover_window(&mut layout, shown);
    Ok(())
}
