//! What the user asked for on the command line, and the bundled atlas built once at start-up.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use super::screen::{EVENT_LIST_W, TIMELINE_H, TOP_BAR_H};
use crate::core::atlas::Atlas;
use crate::core::labels::MapStyle;
use crate::core::model::Lang;
use crate::core::view::{Insets, ViewSpec};

/// Where a lesson comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonSource {
    /// The bundled lesson ("From Hamhung to Kursk").
    Bundled,
    /// A lesson file.
    File(PathBuf),
}

/// What the user asked for on the command line.
#[derive(Resource, Debug, Clone)]
pub struct Settings {
    /// The initial (and Home) view.
    pub view: ViewSpec,
    /// Label language.
    pub lang: Lang,
    /// The map's look, when chosen on the command line (otherwise it follows presenting).
    pub style: Option<MapStyle>,
    /// Headless capture target, if any.
    pub screenshot: Option<PathBuf>,
    /// Window size in pixels.
    pub size: [u32; 2],
    /// Timeline date (day number) from `--date`; default: the newest event's.
    pub date: Option<i64>,
    /// Whether the event list starts open.
    pub event_list: bool,
    /// An event to select at start, by id (its card opens and the map flies to it).
    pub event: Option<String>,
    /// Start in recent-window mode with this many days, instead of cumulative.
    pub recent_days: Option<f64>,
    /// A place to find and fly to at start.
    pub find: Option<String>,
    /// The user's files to open at start.
    pub files: Vec<PathBuf>,
    /// Start on the globe instead of the map.
    pub globe: bool,
    /// Whether `--view` was given (the globe otherwise opens on Korea and Kursk together).
    pub view_given: bool,
    /// Start with the Open… dialog shown.
    pub open_dialog: bool,
    /// Capture mode only: put the pointer over this place (lon, lat), to show hover cards.
    pub pointer_at: Option<[f64; 2]>,
    /// Capture mode only: switch between map and globe just before the capture, so the
    /// frame shows the transition under way.
    pub capture_transition: bool,
    /// Capture mode only: render this many more frames after the warm-up and report their
    /// mean time in the scene description (the drawing benchmark, tools/bench-draw.sh).
    pub bench_frames: u32,
    /// A lesson to open at start (`--lesson FILE`, or `--lesson bundled`).
    pub lesson: Option<LessonSource>,
    /// The lesson's step to show first: a number from 1, or a step's id (`--step`).
    pub lesson_step: Option<String>,
    /// Start presenting the lesson (`--present`).
    pub present: bool,
    /// Open the lesson in the editor (`--edit`).
    pub edit: bool,
    /// Export the lesson's slides and handout into this folder, then exit
    /// (`--export-lesson`).
    pub export_lesson: Option<PathBuf>,
    /// The exported slides' size, when not the window's (`--export-size`).
    pub export_size: Option<[u32; 2]>,
}

/// The bundled lesson's id in links (`lesson=hamhung-kursk`).
pub const BUNDLED_LESSON_ID: &str = "hamhung-kursk";

impl Settings {
    /// Starts where a link says (the web page's address, or `--link`): view, map or globe,
    /// date, time window, names' language, selected event, the bundled lesson and its step.
    /// Returns the interface language it asks for, if any. A lesson the link names that is
    /// not the bundled one is left out (only the bundled lesson has an id a link can carry).
    pub fn apply_link(
        &mut self,
        link: &crate::core::link::LinkState,
    ) -> Option<crate::core::i18n::UiLang> {
        use crate::core::link::Mode;
        use crate::core::timeline::Window;
        if let Some(v) = &link.view {
            self.view = v.clone();
            self.view_given = true;
        }
        if let Some(m) = link.mode {
            self.globe = m == Mode::Globe;
        }
        if let Some(d) = link.date {
            self.date = Some(d);
        }
        match link.window {
            Some(Window::Recent { days }) => self.recent_days = Some(days),
            Some(Window::Cumulative) => self.recent_days = None,
            None => {}
        }
        if let Some(l) = link.lang {
            self.lang = l;
        }
        if link.event.is_some() {
            self.event = link.event.clone();
        }
        if let Some(id) = &link.lesson
            && matches!(id.as_str(), BUNDLED_LESSON_ID | "bundled")
        {
            self.lesson = Some(LessonSource::Bundled);
            self.lesson_step = link.step.clone();
        }
        link.ui
    }

    /// Settings for a view with everything else at its default (tests, examples).
    pub fn new(view: ViewSpec) -> Settings {
        Settings {
            view,
            lang: Lang::En,
            style: None,
            screenshot: None,
            size: [1280, 800],
            date: None,
            event_list: true,
            event: None,
            recent_days: None,
            find: None,
            files: Vec::new(),
            globe: false,
            view_given: true,
            capture_transition: false,
            open_dialog: false,
            pointer_at: None,
            bench_frames: 0,
            lesson: None,
            lesson_step: None,
            present: false,
            edit: false,
            export_lesson: None,
            export_size: None,
        }
    }

    /// The screen taken by panels when the app starts, for the first view.
    pub fn startup_insets(&self) -> Insets {
        let right = if self.event_list {
            EVENT_LIST_W as f64
        } else {
            0.0
        };
        Insets([TOP_BAR_H as f64, right, TIMELINE_H as f64, 0.0])
    }

    /// The window size the app starts with, as floats.
    pub fn size_f64(&self) -> [f64; 2] {
        [self.size[0] as f64, self.size[1] as f64]
    }
}

/// The bundled atlas, built once at start-up.
#[derive(Resource, Clone)]
pub struct AtlasData(pub Arc<Atlas>);
