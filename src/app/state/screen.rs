//! How the screen is shared: the view mode (map or globe), how places land on screen this
//! frame ([`Projector`]), the render layers, and the parts of the window panels cover.

use bevy::prelude::*;

use crate::core::globe::GlobeView;
use crate::core::projection::{MapKind, Projection};
use crate::core::view::{Insets, MapView, zoom_for};

/// Height of the top bar (pixels).
pub const TOP_BAR_H: f32 = 30.0;
/// Height of the timeline panel at the bottom.
pub const TIMELINE_H: f32 = 168.0;
/// Width of the event list on the right.
pub const EVENT_LIST_W: f32 = 340.0;
/// Width of the event card (pixels), kept clear when flying to an event.
pub const CARD_W: f32 = 360.0;

/// Render layer of the flat map: fills, lines, the user's layers, routes (drawn by the flat
/// map's camera, in map mode only, under the overlay).
pub const MAP_LAYER: usize = 0;
/// Render layer of labels, city dots and event markers (drawn by the overlay camera in both
/// modes, after the map or the globe, positioned through the [`Projector`]).
pub const OVERLAY_LAYER: usize = 1;
/// Render layer of the globe (drawn by the 3D camera).
pub const GLOBE_LAYER: usize = 2;

/// Flat map or globe.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ViewMode {
    /// The 2D map.
    #[default]
    Map,
    /// The 3D globe.
    Globe,
}

/// How places land on screen this frame: through the flat map or the globe. Labels, event
/// markers and the scene description use it, so they follow whichever view is shown.
#[derive(Resource, Debug, Clone, Copy)]
pub enum Projector {
    /// The flat map as the 2D camera shows it, on the region's conic or the world map.
    Map(MapView, MapKind),
    /// The globe as the 3D camera shows it, in a viewport `[left, top, width, height]` (the
    /// part of the window not covered by panels).
    Globe(GlobeView, [f64; 4]),
}

impl Projector {
    /// The pixel of a place, or `None` when it is on the far side of the globe.
    pub fn pixel(&self, lonlat: [f64; 2], size: [f64; 2]) -> Option<[f64; 2]> {
        match self {
            Projector::Map(v, kind) => Some(v.to_pixel(kind.projection().project(lonlat), size)),
            Projector::Globe(g, vp) => g
                .to_pixel(lonlat, [vp[2], vp[3]])
                .map(|p| [p[0] + vp[0], p[1] + vp[1]]),
        }
    }

    /// The place under a pixel, or `None` off the globe's disc.
    pub fn lonlat_at(&self, px: [f64; 2], size: [f64; 2]) -> Option<[f64; 2]> {
        match self {
            Projector::Map(v, kind) => Some(kind.projection().unproject(v.from_pixel(px, size))),
            Projector::Globe(g, vp) => g.from_pixel([px[0] - vp[0], px[1] - vp[1]], [vp[2], vp[3]]),
        }
    }

    /// The map-equivalent zoom (for what shows at which scale).
    pub fn zoom(&self) -> f64 {
        match self {
            Projector::Map(v, _) => v.zoom,
            Projector::Globe(g, vp) => zoom_for(g.km_per_px(vp[3])),
        }
    }

    /// True for the globe.
    pub fn is_globe(&self) -> bool {
        matches!(self, Projector::Globe(..))
    }
}

/// Drawn on the flat map of this kind only (the region's conic or the world map): its
/// geometry is in that map's plane. Hidden while the other map is shown.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnMap(pub MapKind);

/// The screen taken by panels now (pixels: top, right, bottom, left), kept by the UI.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct MapInsets(pub Insets);

/// Rectangles covered by panels and windows this frame (`[left, top, right, bottom]`), for
/// label placement and the scene description; and what is left for the map.
#[derive(Resource, Debug, Clone, Default)]
pub struct UiLayout {
    /// The area not covered by panels.
    pub free: Option<bevy_egui::egui::Rect>,
    /// Panels and windows drawn this frame.
    pub covered: Vec<[f32; 4]>,
    /// Boxes drawn over the map this frame ("route not reported" marks): names keep clear of
    /// them, clicks go through.
    pub marks: Vec<[f32; 4]>,
}

impl UiLayout {
    /// Whether a panel or window covers this pixel (logical, origin top-left).
    pub fn covers(&self, p: [f32; 2]) -> bool {
        self.covered
            .iter()
            .any(|r| p[0] >= r[0] && p[0] <= r[2] && p[1] >= r[1] && p[1] <= r[3])
    }

    /// Records a rectangle covered by a panel or window.
    pub fn cover(&mut self, r: bevy_egui::egui::Rect) {
        self.covered
            .push([r.left(), r.top(), r.right(), r.bottom()]);
    }
}

/// Whether a text field of the panels has the keyboard this frame (keys typed there are not
/// shortcuts; a focused button or list row does not count).
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextFocus(pub bool);

/// The window's size in pixels, as floats.
pub fn window_size(window: &Window) -> [f64; 2] {
    [window.width() as f64, window.height() as f64]
}

/// Adds the view mode (starting on the map) and the screen-sharing resources.
pub(super) fn plugin(app: &mut App) {
    app.init_state::<ViewMode>()
        .init_resource::<MapInsets>()
        .init_resource::<UiLayout>()
        .init_resource::<TextFocus>();
}
