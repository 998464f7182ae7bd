//! The scene description written beside a capture: what a person would see, as data.

use serde::Serialize;

/// The whole scene.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Scene {
    /// Image size in pixels.
    pub size: [u32; 2],
    /// `map` or `globe`.
    pub mode: String,
    /// Timeline date, if any.
    pub date: Option<String>,
    /// Label language.
    pub lang: String,
    /// Where the camera looks.
    pub view: SceneView,
    /// Visible layers with their feature counts.
    pub layers: Vec<SceneLayer>,
    /// Visible labels.
    pub labels: Vec<SceneLabel>,
    /// Events (none until the timeline exists).
    pub events: Vec<serde_json::Value>,
}

/// The view part of the scene.
#[derive(Debug, Clone, Serialize, Default)]
pub struct SceneView {
    /// The view's name as given (`korea`, `region`, `world` or `LON,LAT,ZOOM`).
    pub name: String,
    /// Longitude, latitude at the image centre.
    pub center: [f64; 2],
    /// Web-map zoom level.
    pub zoom: f64,
    /// Projection used.
    pub projection: String,
}

/// One layer.
#[derive(Debug, Clone, Serialize)]
pub struct SceneLayer {
    /// Layer name.
    pub name: String,
    /// Number of features (or lines) in it.
    pub features: usize,
    /// Whether it is drawn at this zoom.
    pub visible: bool,
}

/// One label.
#[derive(Debug, Clone, Serialize)]
pub struct SceneLabel {
    /// Its text.
    pub text: String,
    /// What it names (`city`, `country`, `line`…).
    pub kind: String,
    /// Longitude of what it names.
    pub lon: f64,
    /// Latitude of what it names.
    pub lat: f64,
    /// Anchor pixel (origin top-left).
    pub anchor: [f64; 2],
    /// Pixel rectangle `[left, top, right, bottom]`.
    pub rect: [f64; 4],
}
