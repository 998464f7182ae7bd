//! Lessons on screen: the Lesson window (its steps, the narration, its problems, Present),
//! presenting (full screen, chrome hidden, large type on a light card beside the map, which
//! the step's view is fitted to, step dots, the question and its answer, blanking, the keys a
//! presentation clicker sends), and the step's highlights and annotations on the map and the
//! globe.

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::export_window::{SaveWhat, SaveWindow};
use super::layout::{free_rect, show_panel};
use super::lesson_editor::{OnScreen, editor};
use crate::app::camera::map::MapCamera;
use crate::app::camera::pointer::{map_click, over_ui, typing};
use crate::app::render::labels::LabelsOnScreen;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::{LessonRequest, LessonSource, LessonState, presenting};
use crate::app::state::prefs::UiPrefs;
use crate::app::state::screen::{MapInsets, TextFocus, ViewMode};
use crate::app::state::screen::{Projector, UiLayout, window_size};
use crate::app::state::settings::{AtlasData, Settings};
use crate::app::state::story::Story;
use crate::app::state::story::{Clock, Selection};
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::Tools;
use crate::app::theme;
use crate::core::globe::{arc, ground_circle, path_arcs};
use crate::core::i18n::UiLang;
use crate::core::lesson::{Annotation, Answer, Span, Text, km_and_miles, paragraphs};
use crate::core::model::Lang;
use crate::core::tr;

/// The presenter's card this frame (`[left, top, right, bottom]`), for the scene description.
/// It is a panel on the left: the step's view is fitted to the rest of the screen, so the
/// card keeps clear of what the step shows.
#[derive(Resource, Debug, Default, Clone)]
pub struct LessonCard {
    /// The card's rectangle, when presenting.
    pub rect: Option<[f32; 4]>,
}

/// The presenter's type size: text is this many times the screen style's (adjustable with
/// + and − while presenting).
#[derive(Resource, Debug, Clone, Copy)]
pub struct PresenterScale(pub f32);

impl Default for PresenterScale {
    fn default() -> Self {
        PresenterScale(1.6)
    }
}

/// Adds the Lesson window, presenting and the step's marks.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LessonCard>()
        .init_resource::<PresenterScale>()
        .add_systems(
            Update,
            (
                f5,
                present_keys.run_if(presenting),
                full_screen,
                super::lesson_editor::undo_keys,
            )
                .in_set(AppSystems::Input),
        )
        // The presenter's card and the editor are panels (the map's views fit beside them),
        // the marks and the Lesson window float over the map.
        .add_systems(
            EguiPrimaryContextPass,
            (
                (presenter, editor_panel).chain().in_set(AppSystems::UiSide),
                (marks, lesson_window)
                    .chain()
                    .in_set(AppSystems::UiOverlays),
            ),
        );
}

/// F5: present the lesson open, or the bundled one when none is.
fn f5(
    keys: Res<ButtonInput<KeyCode>>,
    text: Option<Res<TextFocus>>,
    state: Res<LessonState>,
    mut out: MessageWriter<LessonRequest>,
) {
    if typing(text.as_deref()) || !keys.just_pressed(KeyCode::F5) {
        return;
    }
    if state.lesson.is_none() && !state.loading() {
        out.write(LessonRequest::Open(LessonSource::Bundled));
    }
    out.write(LessonRequest::Present(!state.presenting));
}

/// Presenting: what clickers send (PageDown/PageUp, arrows, Space, B, clicks), Esc, R, +/−.
#[allow(clippy::too_many_arguments)]
fn present_keys(
    keys: Res<ButtonInput<KeyCode>>,
    buttons: Res<ButtonInput<MouseButton>>,
    egui: Option<Res<EguiWantsInput>>,
    layout: Res<UiLayout>,
    window: Single<&Window, With<PrimaryWindow>>,
    state: Res<LessonState>,
    mut scale: ResMut<PresenterScale>,
    tools: Res<Tools>,
    mut pressed_at: Local<Option<Vec2>>,
    mut out: MessageWriter<LessonRequest>,
) {
    let last = state
        .lesson
        .as_ref()
        .map_or(0, |l| l.steps.len().saturating_sub(1));
    let next = [
        KeyCode::PageDown,
        KeyCode::ArrowRight,
        KeyCode::ArrowDown,
        KeyCode::Space,
        KeyCode::KeyN,
    ];
    let prev = [
        KeyCode::PageUp,
        KeyCode::ArrowLeft,
        KeyCode::ArrowUp,
        KeyCode::Backspace,
        KeyCode::KeyP,
    ];
    if keys.any_just_pressed(next) {
        out.write(LessonRequest::Next);
    }
    if keys.any_just_pressed(prev) {
        out.write(LessonRequest::Prev);
    }
    if keys.just_pressed(KeyCode::Home) {
        out.write(LessonRequest::GoTo(0));
    }
    if keys.just_pressed(KeyCode::End) {
        out.write(LessonRequest::GoTo(last));
    }
    // Clickers blank the screen with B or "." (PowerPoint's keys).
    if keys.any_just_pressed([KeyCode::KeyB, KeyCode::Period]) {
        out.write(LessonRequest::Blank);
    }
    if keys.any_just_pressed([KeyCode::KeyR, KeyCode::Enter]) {
        out.write(LessonRequest::Reveal);
    }
    if keys.just_pressed(KeyCode::Escape) {
        out.write(LessonRequest::Present(false));
    }
    if keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]) {
        scale.0 = (scale.0 + 0.2).min(3.0);
    }
    if keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]) {
        scale.0 = (scale.0 - 0.2).max(1.0);
    }
    // A click on the map is "next", a right click "back" (not on the card's links); with a
    // tool on (M, C), clicks are the tool's.
    if tools.active.is_none()
        && map_click(&buttons, &window, egui.as_deref(), &layout, &mut pressed_at).is_some()
    {
        out.write(LessonRequest::Next);
    }
    if buttons.just_pressed(MouseButton::Right) && !over_ui(egui.as_deref(), &layout, &window) {
        out.write(LessonRequest::Prev);
    }
}

/// Full screen while presenting (not in capture mode), the window as it was after.
fn full_screen(
    state: Res<LessonState>,
    settings: Res<Settings>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
    mut was: Local<bool>,
) {
    if state.presenting == *was || settings.screenshot.is_some() || state.exporting {
        return;
    }
    *was = state.presenting;
    window.mode = if state.presenting {
        WindowMode::BorderlessFullscreen(MonitorSelection::Current)
    } else {
        WindowMode::Windowed
    };
}

pub(super) fn to_pos(p: [f64; 2]) -> egui::Pos2 {
    egui::pos2(p[0] as f32, p[1] as f32)
}

/// A line of places on screen, cut where it goes round the back of the globe, and stopping
/// `gap` pixels short of its ends (so it never covers the places it joins).
pub(super) fn polyline(
    painter: &egui::Painter,
    projector: &Projector,
    size: [f64; 2],
    pts: &[[f64; 2]],
    stroke: egui::Stroke,
    gap: f32,
) {
    let ends =
        [pts.first(), pts.last()].map(|p| p.and_then(|p| projector.pixel(*p, size)).map(to_pos));
    let clear = |q: egui::Pos2| ends.iter().flatten().all(|e| e.distance(q) >= gap);
    let mut run: Vec<egui::Pos2> = Vec::new();
    for p in pts {
        let px = projector.pixel(*p, size).filter(|q| clear(to_pos(*q)));
        match px {
            Some(px) => run.push(to_pos(px)),
            None => {
                if run.len() >= 2 {
                    painter.add(egui::Shape::line(std::mem::take(&mut run), stroke));
                }
                run.clear();
            }
        }
    }
    if run.len() >= 2 {
        painter.add(egui::Shape::line(run, stroke));
    }
}

/// A text with a light box, for annotation labels.
pub(super) fn boxed_text(
    painter: &egui::Painter,
    at: egui::Pos2,
    text: &str,
    size: f32,
) -> egui::Rect {
    boxed_text_clear(painter, at, text, size, &mut Vec::new())
}

/// [`boxed_text`] clear of the boxes in `taken` (moved up above them, with a line down to
/// `at`), added to them: the names of neighbouring places (Pyongyang and Hamhung on the
/// world map) stacked, never one over the other.
pub(super) fn boxed_text_clear(
    painter: &egui::Painter,
    at: egui::Pos2,
    text: &str,
    size: f32,
    taken: &mut Vec<egui::Rect>,
) -> egui::Rect {
    let galley = painter.layout(
        text.to_string(),
        egui::FontId::proportional(size),
        theme::PRESENTER_TEXT,
        260.0,
    );
    let first = egui::Align2::CENTER_BOTTOM
        .anchor_size(at - egui::vec2(0.0, 8.0), galley.size())
        .expand(4.0);
    let mut rect = first;
    // (Each move goes above the box it met, so this ends.)
    while let Some(o) = taken.iter().find(|o| o.intersects(rect)) {
        rect = rect.translate(egui::vec2(0.0, o.top() - 2.0 - rect.bottom()));
    }
    if rect != first {
        painter.line_segment(
            [at, rect.center_bottom()],
            egui::Stroke::new(1.5, theme::PRESENTER_TEXT),
        );
    }
    taken.push(rect);
    painter.rect_filled(rect, 4.0, theme::ANNOTATION_BOX);
    painter.galley(
        rect.min + egui::vec2(4.0, 4.0),
        galley,
        theme::PRESENTER_TEXT,
    );
    rect
}

/// The step's highlights (rings round its places and events; a name where the map left its
/// place unlabelled) and its annotations, on the map or the globe.
#[allow(clippy::too_many_arguments)]
fn marks(
    mut contexts: EguiContexts,
    state: Res<LessonState>,
    atlas: Res<AtlasData>,
    story: Res<Story>,
    projector: Res<Projector>,
    labels: Option<Res<LabelsOnScreen>>,
    toggles: Res<LayerToggles>,
    layout: Res<UiLayout>,
    scale: Res<PresenterScale>,
    window: Single<&Window, With<PrimaryWindow>>,
) -> Result {
    let Some(step) = state.current() else {
        return Ok(());
    };
    if state.blank {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let size = window_size(&window);
    let lang = lesson_lang(&toggles, &state);
    let painter = ctx
        .layer_painter(egui::LayerId::background())
        .with_clip_rect(free_rect(ctx, &layout));
    let k = if state.presenting { scale.0 } else { 1.0 };
    let ring = egui::Stroke::new(3.0 * k, theme::LESSON_HIGHLIGHT);
    // The names drawn here, kept apart: south first, so that a name moved up for another
    // keeps the places' order north to south.
    let mut named: Vec<egui::Rect> = Vec::new();
    let mut places: Vec<_> = step
        .places
        .iter()
        .filter_map(|id| atlas.0.places.iter().find(|p| p.id.as_deref() == Some(id)))
        .filter_map(|p| projector.pixel(p.lonlat, size).map(|px| (p, to_pos(px))))
        .collect();
    places.sort_by(|a, b| b.1.y.total_cmp(&a.1.y));
    for (p, c) in places {
        painter.circle_stroke(c, 13.0 * k, ring);
        // The map may have left the place unlabelled (no room): name it here.
        let labelled = labels.as_ref().is_some_and(|l| {
            l.0.iter()
                .any(|x| x.label.lon == p.lonlat[0] && x.label.lat == p.lonlat[1])
        });
        if !labelled {
            let name = lang.label(&p.name, p.name_ko.as_deref());
            boxed_text_clear(
                &painter,
                c - egui::vec2(0.0, 10.0 * k),
                &name,
                13.0 * k,
                &mut named,
            );
        }
    }
    for id in &step.events {
        let Some(e) = story.get(id) else { continue };
        let Some(px) = e.anchor().and_then(|a| projector.pixel(a, size)) else {
            continue;
        };
        let c = to_pos(px);
        painter.circle_stroke(c, 17.0 * k, ring);
    }
    // The length of a measured line shows once the answer is (a question may ask for it).
    let asks = step.question.is_some() && !state.revealed;
    for a in &step.annotations {
        annotation(&painter, &projector, size, a, lang, k, !asks);
    }
    Ok(())
}

/// One of a step's drawings (an arrow, a circle, a note, a measured line), at `k` times the
/// screen's sizes; a measured line's length shown when `length` is true.
pub(super) fn annotation(
    painter: &egui::Painter,
    projector: &Projector,
    size: [f64; 2],
    a: &Annotation,
    lang: Lang,
    k: f32,
    length: bool,
) {
    let line = egui::Stroke::new(2.5 * k, theme::ANNOTATION);
    match a {
        Annotation::Arrow { from, to, label } => {
            let pts = arc(*from, *to, 64);
            let gap = 14.0 * k;
            polyline(painter, projector, size, &pts, line, gap);
            let tail = pts.len().saturating_sub(4);
            if let (Some(a), Some(b)) =
                (projector.pixel(pts[tail], size), projector.pixel(*to, size))
            {
                let (a, b) = (to_pos(a), to_pos(b));
                let dir = (b - a).normalized();
                // The head stops short of the place, as the line does.
                let b = b - dir * gap;
                let side = egui::vec2(-dir.y, dir.x);
                let head = 12.0 * k;
                painter.add(egui::Shape::convex_polygon(
                    vec![
                        b,
                        b - dir * head + side * head * 0.5,
                        b - dir * head - side * head * 0.5,
                    ],
                    theme::ANNOTATION,
                    egui::Stroke::NONE,
                ));
            }
            if let (Some(l), Some(px)) = (label, projector.pixel(*from, size)) {
                boxed_text(painter, to_pos(px), &l.get(lang), 12.0 * k);
            }
        }
        Annotation::Circle {
            center,
            radius_km,
            label,
            source,
        } => {
            let ring = ground_circle(*center, *radius_km, 96);
            polyline(painter, projector, size, &ring, line, 0.0);
            if let Some(px) = projector.pixel(*center, size) {
                let mut text = label.as_ref().map(|l| l.get(lang)).unwrap_or_default();
                text.push_str(&format!(" ({})", km_and_miles(*radius_km)));
                if let Some(s) = source {
                    let ui_lang = if lang == Lang::Ko {
                        UiLang::Ko
                    } else {
                        UiLang::En
                    };
                    text.push_str(&format!(
                        "\n{}",
                        tr!(ui_lang, "tool-source-of", source = s.as_str())
                    ));
                }
                boxed_text(painter, to_pos(px), text.trim(), 12.0 * k);
            }
        }
        Annotation::Note { at, text } => {
            if let Some(px) = projector.pixel(*at, size) {
                boxed_text(painter, to_pos(px), &text.get(lang), 13.0 * k);
            }
        }
        Annotation::Measure { points } => {
            let along = path_arcs(points, 64);
            // The ends: open circles round the places, the line stopping at them.
            let gap = 12.0 * k;
            polyline(painter, projector, size, &along, line, gap);
            for p in points {
                if let Some(px) = projector.pixel(*p, size) {
                    painter.circle_stroke(
                        to_pos(px),
                        gap,
                        egui::Stroke::new(1.5 * k, theme::ANNOTATION),
                    );
                }
            }
            if let (true, Some(km), Some(px)) = (
                length,
                a.length_km(),
                projector.pixel(along[along.len() / 2], size),
            ) {
                boxed_text(painter, to_pos(px), &km_and_miles(km), 14.0 * k);
            }
        }
    }
}

/// The language of the lesson's text: the names' language, unless the lesson lacks it.
fn lesson_lang(toggles: &LayerToggles, state: &LessonState) -> Lang {
    let langs = state
        .lesson
        .as_ref()
        .map(|l| l.languages.clone())
        .unwrap_or_default();
    match toggles.lang {
        Lang::Ko if !langs.contains(&Lang::Ko) => Lang::En,
        Lang::En if !langs.contains(&Lang::En) && langs.contains(&Lang::Ko) => Lang::Ko,
        l => l,
    }
}

/// Narration with its bold, italics and links, at a size.
/// Narration in short paragraphs, at `size`, in `color`. Bold is drawn in `bold` (the bundled
/// font has one weight, and egui's "strong" is a colour anyway), italic slanted, links opened
/// in the browser only when clicked.
fn narration(
    ui: &mut egui::Ui,
    text: &str,
    size: f32,
    color: egui::Color32,
    bold_color: egui::Color32,
) {
    for para in paragraphs(text) {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for Span {
                text,
                bold,
                italic,
                link,
            } in para
            {
                let mut rt = egui::RichText::new(text).size(size).color(if bold {
                    bold_color
                } else {
                    color
                });
                if bold {
                    rt = rt.strong();
                }
                if italic {
                    rt = rt.italics();
                }
                match link {
                    // Opened in the browser only when clicked.
                    Some(url) => {
                        ui.hyperlink_to(rt, url);
                    }
                    None => {
                        ui.label(rt);
                    }
                }
            }
        });
        ui.add_space(size * 0.4);
    }
}

fn text_of(t: &Option<Text>, lang: Lang) -> String {
    t.as_ref().map(|t| t.get(lang)).unwrap_or_default()
}

/// What the editor's "Add step from screen" reads.
#[derive(bevy::ecs::system::SystemParam)]
struct Screen<'w> {
    cam: Res<'w, MapCamera>,
    insets: Res<'w, MapInsets>,
    mode: Res<'w, State<ViewMode>>,
    clock: Res<'w, Clock>,
    selection: Res<'w, Selection>,
    tools: Res<'w, Tools>,
    atlas: Res<'w, AtlasData>,
    story: Res<'w, Story>,
}

/// The lesson editor, a side panel on the left while editing (the map's views fit beside
/// it): the steps to pick from, then the editor of the lesson and the step picked.
#[allow(clippy::too_many_arguments)]
fn editor_panel(
    mut contexts: EguiContexts,
    mut state: ResMut<LessonState>,
    toggles: Res<LayerToggles>,
    mut layout: ResMut<UiLayout>,
    mut out: MessageWriter<LessonRequest>,
    screen: Screen,
    window: Single<&Window, With<PrimaryWindow>>,
    mut save_as: Local<String>,
    mut save_as_for: Local<Option<std::path::PathBuf>>,
    prefs: Res<UiPrefs>,
) -> Result {
    let ui_lang = prefs.lang;
    if state.presenting || !state.editing {
        return Ok(());
    }
    // The Save as field starts from the lesson's own file, and follows it when another opens.
    if *save_as_for != state.path {
        save_as.clear();
        save_as_for.clone_from(&state.path);
    }
    let on_screen = OnScreen {
        cam: &screen.cam,
        insets: &screen.insets,
        size: window_size(&window),
        globe: *screen.mode.get() == ViewMode::Globe,
        clock: &screen.clock,
        selection: &screen.selection,
        tools: &screen.tools,
        toggles: &toggles,
        atlas: &screen.atlas.0,
        story: &screen.story,
        lang: ui_lang,
    };
    let ctx = contexts.ctx_mut()?.clone();
    let lang = lesson_lang(&toggles, &state);
    let panel = egui::Panel::left("lesson-editor")
        .exact_size(410.0)
        .resizable(false);
    show_panel(&ctx, &mut layout, panel, |ui| {
        ui.horizontal(|ui| {
            ui.heading(tr!(ui_lang, "le-heading"));
            if ui
                .button(tr!(ui_lang, "le-done"))
                .on_hover_text(tr!(ui_lang, "le-done-tip"))
                .clicked()
            {
                state.editing = false;
                state.window = true;
            }
            if ui.small_button(tr!(ui_lang, "lesson-new")).clicked() {
                out.write(LessonRequest::New);
            }
        });
        let Some(lesson) = state.lesson.clone() else {
            ui.label(if state.loading() {
                tr!(ui_lang, "lesson-opening")
            } else {
                tr!(ui_lang, "le-none-open")
            });
            return;
        };
        // Steps, to pick the one to edit; a long lesson's list scrolls.
        egui::ScrollArea::vertical()
            .id_salt("lesson-steps")
            .max_height(190.0)
            .show(ui, |ui| {
                for (i, s) in lesson.steps.iter().enumerate() {
                    if ui
                        .selectable_label(
                            i == state.step,
                            format!("{}. {}", i + 1, s.title.get(lang)),
                        )
                        .clicked()
                    {
                        out.write(LessonRequest::GoTo(i));
                    }
                }
            });
        if lesson.steps.is_empty() {
            ui.label(tr!(ui_lang, "le-no-steps"));
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("lesson-editor")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                editor(ui, &state, &on_screen, &mut save_as, &mut out);
            });
    });
    Ok(())
}

/// The Lesson window (not presenting, not editing): steps, narration, question, problems,
/// Present, and Edit.
fn lesson_window(
    mut contexts: EguiContexts,
    mut state: ResMut<LessonState>,
    toggles: Res<LayerToggles>,
    mut layout: ResMut<UiLayout>,
    mut save: ResMut<SaveWindow>,
    mut out: MessageWriter<LessonRequest>,
    prefs: Res<UiPrefs>,
) -> Result {
    let ui_lang = prefs.lang;
    // While editing, the editor's side panel stands for the window.
    if state.presenting || !state.window || state.editing {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let lang = lesson_lang(&toggles, &state);
    let free = free_rect(ctx, &layout);
    let mut open = true;
    let shown = egui::Window::new(tr!(ui_lang, "lesson-title"))
        .id(egui::Id::new("lesson-window"))
        .open(&mut open)
        .default_pos(free.left_top() + egui::vec2(12.0, 60.0))
        .default_width(340.0)
        .show(ctx, |ui| {
            let Some(lesson) = state.lesson.clone() else {
                if state.loading() {
                    ui.label(tr!(ui_lang, "lesson-opening"));
                } else {
                    ui.label(tr!(ui_lang, "lesson-none-open"));
                }
                for p in &state.problems {
                    ui.label(egui::RichText::new(p.describe(ui_lang)).small());
                }
                ui.horizontal(|ui| {
                    if ui.button(tr!(ui_lang, "lesson-open-bundled")).clicked() {
                        out.write(LessonRequest::Open(
                            crate::app::state::lesson::LessonSource::Bundled,
                        ));
                    }
                    if ui.button(tr!(ui_lang, "lesson-new")).clicked() {
                        out.write(LessonRequest::New);
                    }
                });
                return;
            };
            ui.horizontal(|ui| {
                ui.toggle_value(&mut state.editing, tr!(ui_lang, "lesson-edit"))
                    .on_hover_text(tr!(ui_lang, "lesson-edit-tip"));
                if ui.small_button(tr!(ui_lang, "lesson-new")).clicked() {
                    out.write(LessonRequest::New);
                }
            });
            ui.heading(lesson.title.get(lang));
            if let Some(a) = &lesson.author {
                ui.label(
                    egui::RichText::new(tr!(ui_lang, "lesson-by", author = a.as_str())).small(),
                );
            }
            ui.separator();
            for (i, s) in lesson.steps.iter().enumerate() {
                let mut label = format!("{}. {}", i + 1, s.title.get(lang));
                if s.question.is_some() {
                    label.push_str("  ?");
                }
                if ui.selectable_label(i == state.step, label).clicked() {
                    out.write(LessonRequest::GoTo(i));
                }
            }
            ui.separator();
            if let Some(s) = lesson.steps.get(state.step) {
                egui::ScrollArea::vertical()
                    .max_height(220.0)
                    .show(ui, |ui| {
                        narration(
                            ui,
                            &text_of(&s.narration, lang),
                            13.0,
                            ui.visuals().text_color(),
                            ui.visuals().strong_text_color(),
                        );
                        if let Some(q) = &s.question {
                            ui.strong(q.prompt.get(lang));
                            for (i, c) in q.choices.iter().enumerate() {
                                let right = state.revealed && q.answer == Answer::Choice(i);
                                let t = format!("{}. {}", (b'A' + i as u8) as char, c.get(lang));
                                ui.label(if right {
                                    egui::RichText::new(t).strong()
                                } else {
                                    egui::RichText::new(t)
                                });
                            }
                            if state.revealed {
                                if let Answer::Open(a) = &q.answer {
                                    ui.label(a.get(lang));
                                }
                                narration(
                                    ui,
                                    &text_of(&q.explanation, lang),
                                    12.0,
                                    ui.visuals().text_color(),
                                    ui.visuals().strong_text_color(),
                                );
                            }
                        }
                    });
            }
            ui.horizontal(|ui| {
                if ui.button(tr!(ui_lang, "lesson-back")).clicked() {
                    out.write(LessonRequest::Prev);
                }
                if ui.button(tr!(ui_lang, "lesson-next")).clicked() {
                    out.write(LessonRequest::Next);
                }
                if lesson
                    .steps
                    .get(state.step)
                    .is_some_and(|s| s.question.is_some())
                    && ui
                        .button(if state.revealed {
                            tr!(ui_lang, "lesson-hide-answer")
                        } else {
                            tr!(ui_lang, "lesson-show-answer")
                        })
                        .clicked()
                {
                    out.write(LessonRequest::Reveal);
                }
                if ui.button(tr!(ui_lang, "lesson-present")).clicked() {
                    out.write(LessonRequest::Present(true));
                }
            });
            if ui
                .button(tr!(ui_lang, "lesson-save"))
                .on_hover_text(tr!(ui_lang, "lesson-save-tip"))
                .clicked()
            {
                save.open = true;
                save.what = SaveWhat::Lesson;
            }
            if !state.problems.is_empty() {
                ui.collapsing(
                    tr!(ui_lang, "problems-button", n = state.problems.len()),
                    |ui| {
                        for p in &state.problems {
                            ui.label(egui::RichText::new(p.describe(ui_lang)).small());
                        }
                    },
                );
            }
            if ui.small_button(tr!(ui_lang, "lesson-close")).clicked() {
                out.write(LessonRequest::Close);
            }
        });
    if let Some(r) = &shown {
        layout.cover(r.response.rect);
    }
    if !open {
        state.window = false;
    }
    Ok(())
}

/// Presenting: the narration card (a light panel on the left, the map's views fitted beside
/// it), step dots and number, the question and, on R, its answer; B blanks the screen.
#[allow(clippy::too_many_arguments)]
fn presenter(
    mut contexts: EguiContexts,
    state: Res<LessonState>,
    toggles: Res<LayerToggles>,
    scale: Res<PresenterScale>,
    mut card: ResMut<LessonCard>,
    mut layout: ResMut<UiLayout>,
    mut fit: Local<(f32, usize)>,
    prefs: Res<UiPrefs>,
) -> Result {
    let ui_lang = prefs.lang;
    card.rect = None;
    if !state.presenting {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let screen = ctx.viewport_rect();
    if state.blank {
        ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::new("blank"),
        ))
        .rect_filled(screen, 0.0, egui::Color32::BLACK);
        return Ok(());
    }
    let Some(lesson) = state.lesson.clone() else {
        return Ok(());
    };
    let Some(step) = lesson.steps.get(state.step) else {
        return Ok(());
    };
    let lang = lesson_lang(&toggles, &state);
    // Type shrinks (to the screen style's size at most) while a long step does not fit the
    // card, and grows back for a short one; a new step starts at the chosen size.
    if fit.1 != state.step || fit.0 <= 0.0 {
        *fit = (1.0, state.step);
    }
    let k = (scale.0 * fit.0).max(1.0);
    let width = (screen.width() * 0.34).clamp(300.0, 340.0 * k);
    let text = theme::PRESENTER_TEXT;
    let panel = egui::Panel::left("presenter-card")
        .exact_size(width)
        .resizable(false)
        .frame(
            egui::Frame::new()
                .fill(theme::PRESENTER_CARD)
                .inner_margin(egui::Margin::same((14.0 * k) as i8))
                .stroke(egui::Stroke::new(1.0, theme::PRESENTER_RULE)),
        );
    let shown = show_panel(&ctx, &mut layout, panel, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.label(
                egui::RichText::new(step.title.get(lang))
                    .size(20.0 * k)
                    .strong()
                    .color(text),
            );
            ui.add_space(6.0 * k);
            narration(
                ui,
                &text_of(&step.narration, lang),
                14.0 * k,
                text,
                theme::PRESENTER_BOLD,
            );
            if let Some(q) = &step.question {
                ui.separator();
                ui.label(
                    egui::RichText::new(q.prompt.get(lang))
                        .size(15.0 * k)
                        .strong()
                        .color(text),
                );
                for (i, c) in q.choices.iter().enumerate() {
                    let right = state.revealed && q.answer == Answer::Choice(i);
                    let mut t = egui::RichText::new(format!(
                        "{}  {}",
                        (b'A' + i as u8) as char,
                        c.get(lang)
                    ))
                    .size(14.0 * k)
                    .color(if right { theme::PRESENTER_RIGHT } else { text });
                    if right {
                        t = t.strong();
                    }
                    ui.label(t);
                }
                if state.revealed {
                    if let Answer::Open(a) = &q.answer {
                        ui.label(
                            egui::RichText::new(a.get(lang))
                                .size(14.0 * k)
                                .color(theme::PRESENTER_RIGHT),
                        );
                    }
                    narration(
                        ui,
                        &text_of(&q.explanation, lang),
                        13.0 * k,
                        text,
                        theme::PRESENTER_BOLD,
                    );
                } else {
                    ui.label(
                        egui::RichText::new(tr!(ui_lang, "present-answer-hint"))
                            .size(11.0 * k)
                            .color(theme::PRESENTER_HINT),
                    );
                }
            }
            ui.add_space(10.0 * k);
            // Step dots: the current one filled.
            let r = 4.0 * k;
            let n = lesson.steps.len();
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(n as f32 * 3.0 * r, 2.0 * r + 2.0),
                    egui::Sense::hover(),
                );
                for i in 0..n {
                    let c = egui::pos2(rect.left() + r + 3.0 * r * i as f32, rect.center().y);
                    if i == state.step {
                        ui.painter().circle_filled(c, r, theme::PRESENTER_TEXT);
                    } else {
                        ui.painter().circle_stroke(
                            c,
                            r - 0.5,
                            egui::Stroke::new(1.2, theme::PRESENTER_HINT),
                        );
                    }
                }
                ui.label(
                    egui::RichText::new(format!("{} / {}", state.step + 1, n))
                        .size(12.0 * k)
                        .color(theme::PRESENTER_HINT),
                );
            });
            ui.label(
                egui::RichText::new(tr!(ui_lang, "present-keys"))
                    .size(10.0 * k)
                    .color(theme::PRESENTER_HINT),
            );
        })
    });
    let (content, room) = (shown.content_size.y, shown.inner_rect.height());
    if content > room && k > 1.0 {
        fit.0 *= 0.92;
        ctx.request_repaint();
    } else if content < room * 0.8 && fit.0 < 1.0 {
        fit.0 = (fit.0 * 1.04).min(1.0);
    }
    // The panel's rectangle, as it recorded it.
    card.rect = layout.covered.last().copied();
    Ok(())
}
