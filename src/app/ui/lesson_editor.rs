//! The lesson editor, in the Lesson window: a new lesson, steps added from what is on screen
//! (view, map or globe, date, window, layers, the selected event, the tools' measured line,
//! range circle, arrows and notes), their titles, narration, date and question edited in
//! English and Korean, the events and places they highlight, the layers they turn on or off,
//! each drawing's text, radius and source; steps reordered, duplicated and deleted; undo and
//! redo (Ctrl+Z, Ctrl+Y); Save and Save as (edits are also autosaved beside the file, see
//! `files::lessons`).

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::egui;

use crate::app::camera::map::MapCamera;
use crate::app::camera::pointer::typing;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::{LessonRequest, LessonState};
use crate::app::state::screen::{MapInsets, TextFocus};
use crate::app::state::story::{Clock, Selection, Story};
use crate::app::state::tools::Tools;
use crate::core::atlas::{Atlas, LineKind};
use crate::core::i18n::UiLang;
use crate::core::lesson::{
    Annotation, Answer, Layers, Lesson, Question, Step, StepView, Text, blank_step, km_and_miles,
};
use crate::core::model::to_4_decimals;
use crate::core::projection::Projection;
use crate::core::search::search;
use crate::core::timeline::{FuzzyDate, Window};
use crate::core::tr;
use crate::core::view::ViewSpec;

/// What is on screen, for "Add step from screen".
pub struct OnScreen<'a> {
    /// The map camera (its view and flat map).
    pub cam: &'a MapCamera,
    /// The part of the window panels leave free.
    pub insets: &'a MapInsets,
    /// The window's size.
    pub size: [f64; 2],
    /// Map or globe.
    pub globe: bool,
    /// The clock (date and window).
    pub clock: &'a Clock,
    /// The selected event.
    pub selection: &'a Selection,
    /// The teaching tools' drawings.
    pub tools: &'a Tools,
    /// The layers on and off.
    pub toggles: &'a LayerToggles,
    /// The atlas (its places, for highlights).
    pub atlas: &'a Atlas,
    /// The events (their titles).
    pub story: &'a Story,
    /// The interface's language.
    pub lang: UiLang,
}

impl OnScreen<'_> {
    /// A step of what is on screen: the view at the middle of the free part of the window,
    /// the date and window, rivers, provinces and graticule on or off, the selected event, the
    /// tools' line, circle, arrows and notes.
    pub fn step(&self, id: &str, title: &str) -> Step {
        let mut s = blank_step(id, title);
        let mid = self.insets.0.middle(self.size);
        let center = self
            .cam
            .proj()
            .unproject(self.cam.current.from_pixel(mid, self.size));
        let lon = (center[0] + 180.0).rem_euclid(360.0) - 180.0;
        s.view = Some(StepView {
            spec: ViewSpec::At {
                center: to_4_decimals([lon, center[1]]),
                zoom: (self.cam.current.zoom * 100.0).round() / 100.0,
            },
            globe: self.globe,
        });
        s.date = Some(FuzzyDate::from_day(self.clock.day()));
        s.window = Some(self.clock.window());
        s.events = self.selection.event.iter().cloned().collect();
        let line = |k: LineKind| self.toggles.lines.get(&k).copied().unwrap_or(true);
        s.layers = Layers {
            rivers: Some(line(LineKind::River)),
            provinces: Some(line(LineKind::ProvinceKorea)),
            graticule: Some(self.toggles.graticule),
            files: Default::default(),
        };
        if self.tools.points.len() >= 2 {
            s.annotations.push(Annotation::Measure {
                points: self.tools.points.clone(),
            });
        }
        s.annotations.extend(self.tools.drawings.iter().cloned());
        if let Some(c) = self.tools.center {
            s.annotations.push(Annotation::Circle {
                center: c,
                radius_km: self.tools.radius_km,
                label: Text::typed_english(&self.tools.label),
                source: (!self.tools.source.trim().is_empty())
                    .then(|| self.tools.source.trim().to_string()),
            });
        }
        s
    }
}

/// Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) in the editor, when no text box has the keys.
pub fn undo_keys(
    keys: Res<ButtonInput<KeyCode>>,
    text: Option<Res<TextFocus>>,
    state: Res<LessonState>,
    mut out: MessageWriter<LessonRequest>,
) {
    if !state.editing || state.presenting || typing(text.as_deref()) {
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if ctrl && keys.just_pressed(KeyCode::KeyZ) {
        out.write(if shift {
            LessonRequest::Redo
        } else {
            LessonRequest::Undo
        });
    }
    if ctrl && keys.just_pressed(KeyCode::KeyY) {
        out.write(LessonRequest::Redo);
    }
}

/// A text in both languages as two fields; true when changed.
fn text_fields(ui: &mut egui::Ui, label: &str, t: &mut Text, multiline: bool) -> bool {
    let mut changed = false;
    for (lang, slot) in [("EN", &mut t.en), ("KO", &mut t.ko)] {
        let mut buf = slot.clone().unwrap_or_default();
        ui.label(format!("{label} ({lang})"));
        let r = if multiline {
            ui.add(
                egui::TextEdit::multiline(&mut buf)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
        } else {
            ui.add(egui::TextEdit::singleline(&mut buf).desired_width(f32::INFINITY))
        };
        if r.changed() {
            *slot = (!buf.is_empty()).then_some(buf);
            changed = true;
        }
    }
    changed
}

/// The editor's part of the Lesson window.
pub fn editor(
    ui: &mut egui::Ui,
    state: &LessonState,
    screen: &OnScreen<'_>,
    save_as: &mut String,
    out: &mut MessageWriter<LessonRequest>,
) {
    let Some(current) = state.lesson.as_deref() else {
        return;
    };
    let mut l: Lesson = current.clone();
    let mut step = state.step;
    let mut changed = false;
    let lang = screen.lang;
    changed |= text_fields(ui, &tr!(lang, "le-lesson-title"), &mut l.title, false);
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(tr!(lang, "le-add-step"))
            .on_hover_text(tr!(lang, "le-add-step-tip"))
            .clicked()
        {
            let n = l.steps.len() + 1;
            let s = screen.step(&format!("step-{n}"), &tr!(lang, "le-step-n", n = n));
            step = l.insert_step(state.step, s);
            changed = true;
        }
        if !l.steps.is_empty() {
            if ui.button(tr!(lang, "le-duplicate")).clicked() {
                let s = l.steps[state.step].clone();
                step = l.insert_step(state.step, s);
                changed = true;
            }
            if ui.button(tr!(lang, "le-delete")).clicked() && l.steps.len() > 1 {
                l.steps.remove(state.step);
                step = state.step.min(l.steps.len() - 1);
                changed = true;
            }
            if ui
                .button(tr!(lang, "le-up"))
                .on_hover_text(tr!(lang, "le-up-tip"))
                .clicked()
            {
                step = l.move_step(state.step, -1);
                changed = true;
            }
            if ui
                .button(tr!(lang, "le-down"))
                .on_hover_text(tr!(lang, "le-down-tip"))
                .clicked()
            {
                step = l.move_step(state.step, 1);
                changed = true;
            }
        }
    });
    if let Some(s) = l.steps.get_mut(state.step) {
        ui.label(egui::RichText::new(tr!(lang, "le-step-id", id = s.id.as_str())).small());
        changed |= text_fields(ui, &tr!(lang, "le-title"), &mut s.title, false);
        let mut n = s.narration.clone().unwrap_or_default();
        if text_fields(ui, &tr!(lang, "le-narration"), &mut n, true) {
            s.narration = (!n.is_empty()).then_some(n);
            changed = true;
        }
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "le-date"));
            let mut d = s.date.map(|d| lang.describe_date(&d)).unwrap_or_default();
            let iso = s.date.map(|d| d.file_form());
            // What is typed stays while it is not yet a date (kept in egui's memory).
            let key = egui::Id::new(("lesson-date", s.id.clone()));
            let mut buf = ui
                .data_mut(|m| m.get_temp::<String>(key))
                .unwrap_or_else(|| iso.clone().unwrap_or_default());
            let r = ui
                .add(egui::TextEdit::singleline(&mut buf).desired_width(90.0))
                .on_hover_text(tr!(lang, "le-date-tip"));
            if r.changed()
                && let Ok(nd) = FuzzyDate::parse(&buf)
            {
                s.date = Some(nd);
                changed = true;
            }
            if r.has_focus() {
                ui.data_mut(|m| m.insert_temp(key, buf));
            } else {
                ui.data_mut(|m| m.remove::<String>(key));
            }
            d.insert(0, '(');
            d.push(')');
            ui.label(egui::RichText::new(d).small());
        });
        if ui.button(tr!(lang, "le-use-screen")).clicked() {
            let now = screen.step(&s.id, "");
            s.view = now.view;
            s.date = now.date;
            s.window = now.window.or(Some(Window::Cumulative));
            changed = true;
        }
        // The question: a prompt, choices one per line (English), the right one's number.
        let mut has_q = s.question.is_some();
        if ui
            .checkbox(&mut has_q, tr!(lang, "le-question-on"))
            .changed()
        {
            s.question = has_q.then(|| Question {
                prompt: Text::default(),
                choices: Vec::new(),
                answer: Answer::Open(Text::default()),
                explanation: None,
            });
            changed = true;
        }
        if let Some(q) = &mut s.question {
            changed |= text_fields(ui, &tr!(lang, "le-question"), &mut q.prompt, false);
            let mut lines = q
                .choices
                .iter()
                .map(|c| c.en.clone().or(c.ko.clone()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n");
            ui.label(tr!(lang, "le-choices"));
            if ui
                .add(egui::TextEdit::multiline(&mut lines).desired_rows(3))
                .changed()
            {
                q.choices = lines
                    .lines()
                    .filter(|x| !x.trim().is_empty())
                    .map(|x| Text {
                        en: Some(x.trim().to_string()),
                        ko: None,
                    })
                    .collect();
                if q.choices.is_empty() {
                    q.answer = Answer::Open(Text::default());
                } else if !matches!(q.answer, Answer::Choice(i) if i < q.choices.len()) {
                    q.answer = Answer::Choice(0);
                }
                changed = true;
            }
            match &mut q.answer {
                Answer::Choice(i) => {
                    let mut k = *i + 1;
                    ui.horizontal(|ui| {
                        ui.label(tr!(lang, "le-right-choice"));
                        if ui
                            .add(egui::DragValue::new(&mut k).range(1..=q.choices.len().max(1)))
                            .changed()
                        {
                            *i = k - 1;
                            changed = true;
                        }
                    });
                }
                Answer::Open(t) => {
                    changed |= text_fields(ui, &tr!(lang, "le-model-answer"), t, false)
                }
            }
        }
        ui.separator();
        changed |= highlights(ui, s, screen);
        ui.separator();
        changed |= layers(ui, lang, &mut s.layers);
        ui.separator();
        changed |= drawings(ui, lang, &mut s.annotations);
    }
    if changed {
        out.write(LessonRequest::Edit(Box::new(l), step));
    }
    ui.separator();
    let (can_undo, can_redo) = state.can_undo_redo();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(can_undo, egui::Button::new(tr!(lang, "le-undo")))
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            out.write(LessonRequest::Undo);
        }
        if ui
            .add_enabled(can_redo, egui::Button::new(tr!(lang, "le-redo")))
            .on_hover_text("Ctrl+Y")
            .clicked()
        {
            out.write(LessonRequest::Redo);
        }
        let has_file = state.path.is_some();
        if ui
            .add_enabled(has_file, egui::Button::new(tr!(lang, "le-save")))
            .clicked()
        {
            out.write(LessonRequest::Save(None));
        }
        ui.label(if state.dirty {
            tr!(lang, "le-edited")
        } else {
            tr!(lang, "le-saved")
        });
    });
    ui.horizontal(|ui| {
        if save_as.is_empty() {
            *save_as = state.path.as_ref().map_or_else(
                || {
                    std::env::var_os("HOME")
                        .map(PathBuf::from)
                        .unwrap_or_default()
                        .join("my-lesson.dateline-lesson.json")
                        .display()
                        .to_string()
                },
                |p| p.display().to_string(),
            );
        }
        ui.add(egui::TextEdit::singleline(save_as).desired_width(220.0));
        if ui.button(tr!(lang, "le-save-as")).clicked() {
            let mut p = save_as.trim().to_string();
            if !p.ends_with(crate::core::lesson::EXTENSION) {
                p.push_str(crate::core::lesson::EXTENSION);
            }
            out.write(LessonRequest::Save(Some(PathBuf::from(p))));
        }
    });
}

/// The events and places a step highlights: each named, with a button to remove it; the
/// selected event and places found by name added. True when changed.
fn highlights(ui: &mut egui::Ui, s: &mut Step, screen: &OnScreen<'_>) -> bool {
    let mut changed = false;
    let lang = screen.lang;
    ui.strong(tr!(lang, "le-highlights"));
    let mut remove = None;
    for (i, id) in s.events.iter().enumerate() {
        ui.horizontal(|ui| {
            match screen.story.get(id) {
                Some(e) => ui.label(tr!(lang, "le-event", title = e.title.as_str())),
                None => ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr!(lang, "le-event-missing", id = id.as_str()),
                ),
            };
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
        s.events.remove(i);
        changed = true;
    }
    if let Some(sel) = screen
        .selection
        .event
        .as_ref()
        .filter(|e| !s.events.contains(e))
        && ui
            .small_button(tr!(lang, "le-add-selected"))
            .on_hover_text(tr!(lang, "le-add-selected-tip"))
            .clicked()
    {
        s.events.push(sel.clone());
        changed = true;
    }
    let mut remove = None;
    for (i, id) in s.places.iter().enumerate() {
        ui.horizontal(|ui| {
            match screen
                .atlas
                .places
                .iter()
                .find(|p| p.id.as_deref() == Some(id))
            {
                Some(p) => ui.label(tr!(
                    lang,
                    "le-place",
                    name = format!(
                        "{}{}",
                        p.name,
                        p.name_ko
                            .as_ref()
                            .map(|k| format!(" · {k}"))
                            .unwrap_or_default()
                    )
                )),
                None => ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr!(lang, "le-place-missing", id = id.as_str()),
                ),
            };
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
        s.places.remove(i);
        changed = true;
    }
    // A place found by name, as in the search box; its id goes in the step.
    let key = egui::Id::new("lesson-place-query");
    let mut q = ui
        .data_mut(|m| m.get_temp::<String>(key))
        .unwrap_or_default();
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "le-add-place"));
        ui.add(
            egui::TextEdit::singleline(&mut q)
                .hint_text(tr!(lang, "le-add-place-hint"))
                .desired_width(170.0),
        );
    });
    if q.trim().chars().count() >= 2 {
        let found = search(&screen.atlas.places, q.trim(), 4);
        if found.is_empty() {
            ui.label(egui::RichText::new(tr!(lang, "le-no-place")).small());
        }
        for (_, p) in found {
            let Some(id) = &p.id else { continue };
            let text = format!(
                "+ {}{}{}",
                p.name,
                p.name_ko
                    .as_ref()
                    .map(|k| format!(" · {k}"))
                    .unwrap_or_default(),
                p.country
                    .as_ref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default()
            );
            if ui.small_button(text).clicked() {
                if !s.places.contains(id) {
                    s.places.push(id.clone());
                    changed = true;
                }
                q.clear();
            }
        }
    }
    ui.data_mut(|m| m.insert_temp(key, q));
    changed
}

/// The layers a step turns on or off (or leaves as they are). True when changed.
fn layers(ui: &mut egui::Ui, lang: UiLang, l: &mut Layers) -> bool {
    let mut changed = false;
    ui.strong(tr!(lang, "le-layers"));
    for (name, slot) in [
        (tr!(lang, "le-rivers"), &mut l.rivers),
        (tr!(lang, "le-provinces"), &mut l.provinces),
        (tr!(lang, "le-graticule"), &mut l.graticule),
    ] {
        ui.horizontal(|ui| {
            ui.label(format!("{name}:"));
            for (text, v) in [
                (tr!(lang, "le-as-before"), None),
                (tr!(lang, "le-on"), Some(true)),
                (tr!(lang, "le-off"), Some(false)),
            ] {
                if ui.selectable_label(*slot == v, text).clicked() && *slot != v {
                    *slot = v;
                    changed = true;
                }
            }
        });
    }
    for (file, on) in l.files.iter_mut() {
        changed |= ui
            .checkbox(on, tr!(lang, "le-file", file = file.as_str()))
            .changed();
    }
    changed
}

/// A step's drawings, one by one: an arrow's label, a circle's label, radius and source, a
/// note's text (English and Korean), a measured line's length; each can be removed. True when
/// changed.
fn drawings(ui: &mut egui::Ui, lang: UiLang, list: &mut Vec<Annotation>) -> bool {
    let mut changed = false;
    ui.strong(tr!(lang, "le-drawings"));
    if list.is_empty() {
        ui.label(egui::RichText::new(tr!(lang, "le-no-drawings")).small());
    }
    let mut remove = None;
    for (i, a) in list.iter_mut().enumerate() {
        ui.push_id(("drawing", i), |ui| {
            ui.horizontal(|ui| {
                let what = match a {
                    Annotation::Arrow { .. } => tr!(lang, "le-arrow"),
                    Annotation::Circle { radius_km, .. } => {
                        tr!(lang, "le-circle", km = km_and_miles(*radius_km))
                    }
                    Annotation::Note { .. } => tr!(lang, "le-note"),
                    Annotation::Measure { points } => {
                        tr!(lang, "le-measure", n = points.len())
                    }
                };
                ui.label(egui::RichText::new(format!("{}. {what}", i + 1)).strong());
                if ui
                    .small_button("×")
                    .on_hover_text(tr!(lang, "tool-remove-it"))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
            match a {
                Annotation::Arrow { label, .. } => {
                    let mut t = label.clone().unwrap_or_default();
                    if text_fields(ui, &tr!(lang, "le-label"), &mut t, false) {
                        *label = (!t.is_empty()).then_some(t);
                        changed = true;
                    }
                }
                Annotation::Circle {
                    radius_km,
                    label,
                    source,
                    ..
                } => {
                    ui.horizontal(|ui| {
                        ui.label(tr!(lang, "tool-radius"));
                        changed |= ui
                            .add(
                                egui::DragValue::new(radius_km)
                                    .range(1.0..=19_000.0)
                                    .speed(5.0)
                                    .suffix(" km"),
                            )
                            .changed();
                    });
                    let mut t = label.clone().unwrap_or_default();
                    if text_fields(ui, &tr!(lang, "le-label"), &mut t, false) {
                        *label = (!t.is_empty()).then_some(t);
                        changed = true;
                    }
                    let mut src = source.clone().unwrap_or_default();
                    ui.label(tr!(lang, "le-radius-source"));
                    if ui
                        .add(egui::TextEdit::singleline(&mut src).desired_width(f32::INFINITY))
                        .changed()
                    {
                        *source = (!src.trim().is_empty()).then_some(src);
                        changed = true;
                    }
                }
                Annotation::Note { text, .. } => {
                    changed |= text_fields(ui, &tr!(lang, "le-text"), text, false);
                }
                Annotation::Measure { .. } => {
                    if let Some(km) = a.length_km() {
                        ui.label(km_and_miles(km));
                    }
                }
            }
        });
    }
    if let Some(i) = remove {
        list.remove(i);
        changed = true;
    }
    changed
}
