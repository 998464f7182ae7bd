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
pub mod globe;
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
            globe: false,
            view_given: true,
            capture_transition: false,
            open_dialog: false,
            pointer_at: None,
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

/// How places land on screen this frame: through the flat map or the globe. Labels, event
/// markers and the scene description use it, so they follow whichever view is shown.
#[derive(Resource, Debug, Clone, Copy)]
pub enum Projector {
    /// The flat map (Lambert conformal conic) as the 2D camera shows it.
    Map(crate::core::view::MapView),
    /// The globe as the 3D camera shows it, in a viewport `[left, top, width, height]` (the
    /// part of the window not covered by panels).
    Globe(crate::core::globe::GlobeView, [f64; 4]),
}

impl Projector {
    /// The pixel of a place, or `None` when it is on the far side of the globe.
    pub fn pixel(&self, lonlat: [f64; 2], size: [f64; 2]) -> Option<[f64; 2]> {
        use crate::core::projection::Projection;
        match self {
            Projector::Map(v) => {
                Some(v.to_pixel(crate::core::projection::Lcc::atlas().project(lonlat), size))
            }
            Projector::Globe(g, vp) => g
                .to_pixel(lonlat, [vp[2], vp[3]])
                .map(|p| [p[0] + vp[0], p[1] + vp[1]]),
        }
    }

    /// The map-equivalent zoom (for what shows at which scale).
    pub fn zoom(&self) -> f64 {
        match self {
            Projector::Map(v) => v.zoom,
            Projector::Globe(g, vp) => crate::core::view::zoom_for(g.km_per_px(vp[3])),
        }
    }

    /// True for the globe.
    pub fn is_globe(&self) -> bool {
        matches!(self, Projector::Globe(..))
    }
}

/// Flat map or globe.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ViewMode {
    /// The 2D map.
    #[default]
    Map,
    /// The 3D globe.
    Globe,
}

/// Render layer of the flat map (drawn by the 2D camera in map mode only).
pub const MAP_LAYER: usize = 0;
/// Render layer of labels, city dots and event markers (drawn by the 2D camera in both modes,
/// positioned through the [`Projector`]).
pub const OVERLAY_LAYER: usize = 1;
/// Render layer of the globe (drawn by the 3D camera).
pub const GLOBE_LAYER: usize = 2;

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
