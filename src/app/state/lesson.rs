//! The lesson open (the bundled one or a file), the step shown and whether it is being
//! presented; a step, once shown, moves the view, the date and the layers (the camera and the
//! clock ease there). Lesson files are read off the frame by `files::lessons`, which hands the
//! lesson over here ([`LessonState::opened`]).

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use super::layers::LayerToggles;
use super::requests::{ShowView, ToggleGlobe};
use super::screen::ViewMode;
pub use super::settings::LessonSource;
use super::settings::Settings;
use super::story::Clock;
use super::systems::AppSystems;
use crate::core::atlas::LineKind;
use crate::core::labels::MapStyle;
use crate::core::lesson::{Lesson, Step};
use crate::core::problem::Problem;
use crate::core::timeline::Window;

/// What a lesson request asks.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum LessonRequest {
    /// Open a lesson (the last good one stays if it cannot be read). Handled by
    /// `files::lessons`, which reads it off the frame.
    Open(LessonSource),
    /// Show a step, by its index.
    GoTo(usize),
    /// The next step.
    Next,
    /// The step before.
    Prev,
    /// Start (true) or stop presenting.
    Present(bool),
    /// Show the answer to the step's question (or hide it again).
    Reveal,
    /// Blank the screen (or show it again).
    Blank,
    /// Close the lesson.
    Close,
    /// Start a new, empty lesson (to build from what is on screen).
    New,
    /// The lesson as edited, with the step to show (an edit: undoable).
    Edit(Box<Lesson>, usize),
    /// Undo the last edit.
    Undo,
    /// Redo the last edit undone.
    Redo,
    /// Save the lesson, to its file or to this one (save as). Handled by `files::lessons`.
    Save(Option<PathBuf>),
}

/// The lesson open, the step shown, and presenting.
#[derive(Resource, Default)]
pub struct LessonState {
    /// The lesson (`None`: none open).
    pub lesson: Option<Arc<Lesson>>,
    /// Its file name, as problems name it.
    pub name: String,
    /// Its folder (`None` for the bundled lesson).
    pub folder: Option<PathBuf>,
    /// The step shown, by index.
    pub step: usize,
    /// Presenting: full screen, chrome hidden, large type.
    pub presenting: bool,
    /// The answer to the step's question is shown.
    pub revealed: bool,
    /// The screen is blanked (B while presenting).
    pub blank: bool,
    /// The lesson window is open (when not presenting).
    pub window: bool,
    /// The lesson window shows the editor.
    pub editing: bool,
    /// Problems of the last read and check.
    pub problems: Vec<Problem>,
    /// The step whose view, date and layers were last applied.
    applied: Option<usize>,
    /// A lesson is being read (by `files::lessons`).
    pub reading: bool,
    /// Slides are being exported: each step jumps to its date instead of easing there, and
    /// presenting keeps the window as it is (no full screen).
    pub exporting: bool,
    /// The step to show once the lesson loads (from the command line: a number from 1 or
    /// an id).
    pending_step: Option<String>,
    /// The date being eased to: from, to, and the time gone (seconds).
    date_ease: Option<(f64, f64, f32)>,
    /// The file the lesson is saved to (`None`: the bundled lesson or a new one).
    pub path: Option<PathBuf>,
    /// The file's modification time when it was last read or saved (a newer one on disk is
    /// read again, see `files::lessons`).
    pub mtime: Option<std::time::SystemTime>,
    /// Edited since it was opened or saved.
    pub dirty: bool,
    /// Edits to undo and to redo (the lesson and step before each).
    undo: Vec<(Arc<Lesson>, usize)>,
    redo: Vec<(Arc<Lesson>, usize)>,
    /// When the last text edit was kept for undo (typing is one edit per pause).
    last_edit: f64,
    /// Frames to wait before showing the step's view: the panels change when a lesson opens
    /// or presenting starts or stops, and the view is fitted to what they leave free.
    settle: u8,
}

impl LessonState {
    /// The step shown, if a lesson is open.
    pub fn current(&self) -> Option<&Step> {
        self.lesson.as_ref()?.steps.get(self.step)
    }

    /// Whether the step's view, date and layers have been applied (an export waits for it).
    pub fn shown(&self) -> bool {
        self.lesson.is_some() && self.applied == Some(self.step)
    }

    /// Whether a lesson is being read.
    pub fn loading(&self) -> bool {
        self.reading
    }

    /// A lesson was read: it is shown (at the step asked for on the command line, else the
    /// first), with its problems; `path` is its file (`None` for the bundled lesson).
    pub fn opened(
        &mut self,
        lesson: Lesson,
        name: String,
        folder: Option<PathBuf>,
        path: Option<PathBuf>,
        problems: Vec<Problem>,
    ) {
        let step = self
            .pending_step
            .take()
            .and_then(|s| match s.parse::<usize>() {
                Ok(n) if n >= 1 => Some(n - 1),
                _ => lesson.step(&s).map(|(i, _)| i),
            })
            .filter(|i| *i < lesson.steps.len())
            .unwrap_or(0);
        self.lesson = Some(Arc::new(lesson));
        self.name = name;
        self.folder = folder;
        self.problems = problems;
        self.step = step;
        self.applied = None;
        self.settle = SETTLE_FRAMES;
        self.reading = false;
        self.window = !self.presenting;
        self.path = path;
        self.dirty = false;
        self.undo.clear();
        self.redo.clear();
    }

    /// The lesson's file changed on disk and was read again: the new version is shown at the
    /// same step (or the last, if it has fewer), presenting or editing as before.
    pub fn reloaded(&mut self, lesson: Lesson, problems: Vec<Problem>) {
        let id = self.current().map(|s| s.id.clone());
        self.step = id
            .and_then(|id| lesson.step(&id).map(|(i, _)| i))
            .unwrap_or(self.step)
            .min(lesson.steps.len().saturating_sub(1));
        self.lesson = Some(Arc::new(lesson));
        self.problems = problems;
        self.applied = None;
        self.settle = SETTLE_FRAMES;
        self.reading = false;
        self.dirty = false;
        self.undo.clear();
        self.redo.clear();
    }

    /// Whether there is an edit to undo, and one to redo.
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (!self.undo.is_empty(), !self.redo.is_empty())
    }

    /// The lesson was saved to `path`.
    pub fn saved(&mut self, path: PathBuf) {
        self.folder = path.parent().map(|p| p.to_path_buf());
        self.name = path.display().to_string();
        self.path = Some(path);
        self.dirty = false;
    }

    /// A lesson could not be read: the last good one stays, with the problems listed.
    pub fn failed(&mut self, problems: Vec<Problem>) {
        self.problems = problems;
        self.reading = false;
        self.window = !self.presenting;
    }
}

/// Whether a lesson is being presented (a run condition: the chrome and the map's own keys
/// stand aside while it is).
pub fn presenting(state: Option<Res<LessonState>>) -> bool {
    state.is_some_and(|s| s.presenting)
}

/// The opposite of [`presenting`].
pub fn not_presenting(state: Option<Res<LessonState>>) -> bool {
    !presenting(state)
}

/// Frames a step's view waits for the panels to settle (see `LessonState::settle`).
const SETTLE_FRAMES: u8 = 2;

/// How long the date takes to ease from one step's to the next's (seconds).
const DATE_EASE_S: f32 = 0.8;

/// Adds the lesson state, its requests and its systems.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LessonState>()
        .add_message::<LessonRequest>()
        .add_systems(Startup, from_command_line)
        .add_systems(
            Update,
            (requests, apply_step, ease_date, style_follows_presenting)
                .chain()
                .in_set(AppSystems::Story),
        );
}

/// The projector style while a lesson is presented, the atlas style otherwise, unless the
/// command line chose one.
fn style_follows_presenting(
    settings: Res<Settings>,
    lesson: Res<LessonState>,
    mut toggles: ResMut<LayerToggles>,
) {
    if settings.style.is_some() {
        return;
    }
    let presenting = lesson.presenting;
    let style = if presenting {
        MapStyle::Projector
    } else {
        MapStyle::Atlas
    };
    if toggles.style != style {
        toggles.style = style;
    }
}
fn from_command_line(
    settings: Res<Settings>,
    mut state: ResMut<LessonState>,
    mut out: MessageWriter<LessonRequest>,
) {
    if let Some(source) = &settings.lesson {
        state.pending_step = settings.lesson_step.clone();
        out.write(LessonRequest::Open(source.clone()));
        if settings.present {
            out.write(LessonRequest::Present(true));
        }
        state.editing = settings.edit;
    }
}

/// Undo keeps this many edits.
const UNDO_DEPTH: usize = 100;

fn requests(
    mut state: ResMut<LessonState>,
    mut incoming: MessageReader<LessonRequest>,
    time: Res<Time>,
) {
    for r in incoming.read() {
        let count = state.lesson.as_ref().map_or(0, |l| l.steps.len());
        match r {
            // Read by `files::lessons` (which marks the state as reading).
            LessonRequest::Open(_) => {}
            LessonRequest::GoTo(i) if *i < count => state.step = *i,
            LessonRequest::GoTo(_) => {}
            LessonRequest::Next => state.step = (state.step + 1).min(count.saturating_sub(1)),
            LessonRequest::Prev => state.step = state.step.saturating_sub(1),
            LessonRequest::Present(on) => {
                let was = state.presenting;
                state.presenting = *on && (state.lesson.is_some() || state.reading);
                state.blank = false;
                if state.presenting != was {
                    // The view again, fitted beside the card (or the panels).
                    state.applied = None;
                    state.settle = SETTLE_FRAMES;
                }
                if state.presenting {
                    state.window = false;
                }
            }
            LessonRequest::Reveal => state.revealed = !state.revealed,
            LessonRequest::Blank => state.blank = state.presenting && !state.blank,
            LessonRequest::Close => {
                *state = LessonState::default();
            }
            LessonRequest::New => {
                *state = LessonState {
                    lesson: Some(Arc::new(Lesson::new("New lesson"))),
                    name: "new lesson".into(),
                    window: true,
                    editing: true,
                    ..LessonState::default()
                };
            }
            LessonRequest::Edit(lesson, step) => {
                let now = time.elapsed_secs_f64();
                // A structural edit, or typing after a pause, is a new undo step.
                let structural = state
                    .lesson
                    .as_ref()
                    .is_none_or(|l| l.steps.len() != lesson.steps.len() || state.step != *step);
                if let Some(before) = state.lesson.clone()
                    && (structural || now - state.last_edit > 1.0)
                {
                    let at = state.step;
                    state.undo.push((before, at));
                    if state.undo.len() > UNDO_DEPTH {
                        state.undo.remove(0);
                    }
                }
                state.last_edit = now;
                state.redo.clear();
                let to = (*step).min(lesson.steps.len().saturating_sub(1));
                if to != state.step || state.current().is_none() {
                    // Another step: show it. (Typing in a step leaves the map where it is.)
                    state.applied = None;
                }
                state.step = to;
                state.lesson = Some(Arc::new((**lesson).clone()));
                state.dirty = true;
            }
            LessonRequest::Undo => {
                if let Some((l, at)) = state.undo.pop() {
                    if let Some(now) = state.lesson.clone() {
                        let here = state.step;
                        state.redo.push((now, here));
                    }
                    state.lesson = Some(l);
                    state.step = at;
                    state.dirty = true;
                    state.applied = None;
                    state.last_edit = 0.0;
                }
            }
            LessonRequest::Redo => {
                if let Some((l, at)) = state.redo.pop() {
                    if let Some(now) = state.lesson.clone() {
                        let here = state.step;
                        state.undo.push((now, here));
                    }
                    state.lesson = Some(l);
                    state.step = at;
                    state.dirty = true;
                    state.applied = None;
                }
            }
            // Written by `files::lessons`.
            LessonRequest::Save(_) => {}
        }
        if state.applied != Some(state.step) {
            state.revealed = false;
        }
    }
}

/// Shows the step: its view (and map or globe), date, window and layers.
#[allow(clippy::too_many_arguments)]
fn apply_step(
    mut state: ResMut<LessonState>,
    mut clock: ResMut<Clock>,
    mut toggles: ResMut<LayerToggles>,
    mode: Res<State<ViewMode>>,
    settings: Res<Settings>,
    mut views: MessageWriter<ShowView>,
    mut globe: MessageWriter<ToggleGlobe>,
) {
    if state.lesson.is_none() || state.applied == Some(state.step) {
        return;
    }
    if state.settle > 0 {
        state.settle -= 1;
        return;
    }
    let Some(step) = state.current().cloned() else {
        return;
    };
    state.applied = Some(state.step);
    state.revealed = false;
    if let Some(v) = &step.view {
        let on_globe = *mode.get() == ViewMode::Globe;
        if v.globe != on_globe {
            globe.write(ToggleGlobe);
        }
        views.write(ShowView(v.spec.clone()));
    }
    if let Some(d) = step.date {
        let to = d.last_day() as f64;
        clock.playing = false;
        if settings.screenshot.is_some() || state.exporting {
            clock.date = to;
        } else {
            state.date_ease = Some((clock.date, to, 0.0));
        }
    }
    if let Some(w) = step.window {
        match w {
            Window::Cumulative => clock.recent = false,
            Window::Recent { days } => {
                clock.recent = true;
                clock.recent_days = days;
            }
        }
    }
    let l = &step.layers;
    if let Some(on) = l.rivers {
        toggles.lines.insert(LineKind::River, on);
    }
    if let Some(on) = l.provinces {
        toggles.lines.insert(LineKind::ProvinceKorea, on);
        toggles.lines.insert(LineKind::ProvinceOther, on);
    }
    if let Some(on) = l.graticule {
        toggles.graticule = on;
    }
}

fn ease_date(time: Res<Time>, mut state: ResMut<LessonState>, mut clock: ResMut<Clock>) {
    let Some((from, to, t)) = state.date_ease.as_mut() else {
        return;
    };
    *t += time.delta_secs();
    let k = (*t / DATE_EASE_S).clamp(0.0, 1.0) as f64;
    // Smooth start and stop.
    let k = k * k * (3.0 - 2.0 * k);
    clock.date = *from + (*to - *from) * k;
    if k >= 1.0 {
        clock.date = *to;
        state.date_ease = None;
    }
}
