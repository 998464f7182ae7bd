//! Thin Bevy plugins, one feature per file; `main.rs` composes them through [`plugin`].

use std::sync::Arc;

use bevy::prelude::*;

use bevy_egui::EguiPrimaryContextPass;

use crate::core::atlas::Atlas;
use crate::core::model::Lang;
use crate::core::view::{Insets, ViewSpec};

pub mod camera;
pub mod capture;
pub mod event_list;
pub mod events;
pub mod files;
pub mod labels;
pub mod map;
pub mod search;
pub mod timeline;
pub mod ui;

/// Height of the top bar (pixels).
pub const TOP_BAR_H: f32 = 30.0;
/// Height of the timeline panel at the bottom.
pub const TIMELINE_H: f32 = 132.0;
/// Width of the event list on the right.
pub const EVENT_LIST_W: f32 = 340.0;

/// The app's system sets, ordered once here.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Read keyboard and mouse.
    Input,
    /// Move the camera towards its target.
    Camera,
    /// Show, hide and size layers and labels for the current view.
    Layers,
    /// Headless capture bookkeeping.
    Capture,
    /// egui, in order: fonts, the top bar, the timeline (bottom), the event list (right),
    /// then floating windows and overlays, which use what the panels left free.
    UiSetup,
    /// The top bar.
    UiTop,
    /// The bottom panel.
    UiBottom,
    /// The side panel.
    UiSide,
    /// Windows, cards, legend.
    UiOverlays,
}

/// What the user asked for on the command line.
#[derive(Resource, Debug, Clone)]
pub struct Settings {
    /// The initial (and Home) view.
    pub view: ViewSpec,
    /// Label language.
    pub lang: Lang,
    /// Headless capture target, if any.
    pub screenshot: Option<std::path::PathBuf>,
    /// Window size in pixels.
    pub size: [u32; 2],
    /// Timeline date (day number) from `--date`; default: the newest event's.
    pub date: Option<i64>,
    /// Whether the event list starts open.
    pub event_list: bool,
    /// An event to select at start (its card opens and the map flies to it).
    pub event: Option<String>,
    /// Start in recent-window mode with this many days, instead of cumulative.
    pub recent_days: Option<f64>,
    /// A place to find and fly to at start.
    pub find: Option<String>,
    /// The user's files to open at start.
    pub files: Vec<std::path::PathBuf>,
}

impl Settings {
    /// Settings for a view with everything else at its default (tests, examples).
    pub fn new(view: ViewSpec) -> Settings {
        Settings {
            view,
            lang: Lang::En,
            screenshot: None,
            size: [1280, 800],
            date: None,
            event_list: true,
            event: None,
            recent_days: None,
            find: None,
            files: Vec::new(),
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
}

/// The screen taken by panels now (pixels: top, right, bottom, left), kept by the UI.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct MapInsets(pub Insets);

/// Rectangles covered by panels and windows this frame (`[left, top, right, bottom]`),
/// for the scene description; and what is left for the map.
#[derive(Resource, Debug, Clone, Default)]
pub struct UiLayout {
    /// The area not covered by panels.
    pub free: Option<bevy_egui::egui::Rect>,
    /// Panels and windows drawn this frame.
    pub covered: Vec<[f32; 4]>,
}

/// The bundled atlas, built once at start-up.
#[derive(Resource, Clone)]
pub struct AtlasData(pub Arc<Atlas>);

/// Orders the system sets; every feature plugin adds its systems to one of them.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Input,
            AppSystems::Camera,
            AppSystems::Layers,
            AppSystems::Capture,
        )
            .chain(),
    )
    .configure_sets(
        EguiPrimaryContextPass,
        (
            AppSystems::UiSetup,
            AppSystems::UiTop,
            AppSystems::UiBottom,
            AppSystems::UiSide,
            AppSystems::UiOverlays,
        )
            .chain(),
    )
    .init_resource::<MapInsets>()
    .init_resource::<UiLayout>();
}
