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
    /// The map's look: `atlas` or `projector`.
    pub style: String,
    /// Where the camera looks.
    pub view: SceneView,
    /// Visible layers with their feature counts.
    pub layers: Vec<SceneLayer>,
    /// Visible labels.
    pub labels: Vec<SceneLabel>,
    /// Every event, with whether it shows and where.
    pub events: Vec<SceneEvent>,
    /// Screen rectangles covered by panels and windows (`[left, top, right, bottom]`).
    pub ui: Vec<[f32; 4]>,
    /// Problems in the user's files, as the problems panel lists them.
    pub problems: Vec<String>,
    /// The interface's language: `en` or `ko`.
    pub ui_lang: String,
    /// The panels as a screen reader is told them: the accessibility tree's named nodes.
    pub interface: Vec<SceneUiNode>,
    /// With `--bench-frames`: what was drawn and how long a frame took.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drawing: Option<SceneDrawing>,
    /// The lesson open, if any: the step shown and what it highlights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lesson: Option<SceneLesson>,
}

/// A node of the panels' accessibility tree.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct SceneUiNode {
    /// Its role (`Button`, `Label`, `Slider`, `Window`…).
    pub role: String,
    /// Its name.
    pub name: String,
    /// Its value (a label's text, a field's contents).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// Whether it is a live region (read out when it changes).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub live: bool,
}

/// A lesson's step as shown.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct SceneLesson {
    /// The lesson's title.
    pub title: String,
    /// The step's number, from 1.
    pub step: usize,
    /// How many steps the lesson has.
    pub steps: usize,
    /// The step's id.
    pub step_id: String,
    /// The step's title.
    pub step_title: String,
    /// Its narration as shown, without markup.
    pub narration: String,
    /// Whether it is being presented.
    pub presenting: bool,
    /// Whether it is open in the editor.
    pub editing: bool,
    /// How many drawings (arrows, circles, notes, measured lines) the step has.
    pub drawings: usize,
    /// The narration card's rectangle `[left, top, right, bottom]`, when presenting.
    pub card: Option<[f32; 4]>,
    /// The events it highlights, by id.
    pub events: Vec<String>,
    /// The places it highlights.
    pub places: Vec<SceneLessonPlace>,
    /// Its question, if any.
    pub question: Option<String>,
    /// Problems of the lesson, as its window lists them.
    pub problems: Vec<String>,
}

/// A place a step highlights.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct SceneLessonPlace {
    /// Its id.
    pub id: String,
    /// Its name as labelled.
    pub name: String,
    /// Longitude, latitude.
    pub lonlat: [f64; 2],
    /// Its pixel (origin top-left), `None` on the far side of the globe.
    pub pixel: Option<[f64; 2]>,
}

/// The drawing benchmark's figures for one view.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct SceneDrawing {
    /// Frames timed.
    pub frames: u32,
    /// Mean time of a frame (milliseconds).
    pub frame_ms: f64,
    /// Triangles of the bundled atlas (country fills and lakes).
    pub atlas_triangles: usize,
    /// Line points of the bundled atlas's line layers shown at this zoom.
    pub atlas_line_points: usize,
    /// Triangles of the user's layers (fills).
    pub user_triangles: usize,
    /// Line points of the user's layers at the level of detail this zoom draws.
    pub user_line_points: usize,
}

/// One event as the scene shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SceneEvent {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its date, written at its precision.
    pub date: String,
    /// `confirmed`, `reported`, `claimed`, `disputed` or `denied`.
    pub status: String,
    /// Category code.
    pub category: String,
    /// `point`, `route`, `route not reported` (an arrow between two places), `area` or
    /// `none` (no place).
    pub shape: String,
    /// Shown at this date (and in the frame, when it has a place).
    pub visible: bool,
    /// 0 hidden … 1 fully shown (recent mode fades old events).
    pub opacity: f32,
    /// Pixel of its marker or route tip, when it is in the frame.
    pub anchor: Option<[f64; 2]>,
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
    /// On the globe: the camera's distance from the Earth's centre in Earth radii.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<f64>,
    /// On the globe: the vertical field of view in degrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fov_deg: Option<f64>,
    /// On the globe: where it is drawn, `[left, top, width, height]` in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub viewport: Option<[f64; 4]>,
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
    /// Pixel rectangle `[left, top, right, bottom]` reserved for it (no two overlap); for a
    /// name set along a line, its box before turning by `angle` about the centre.
    pub rect: [f64; 4],
    /// The angle its text is turned by, in degrees, clockwise on screen (0: straight; a name
    /// set along a line).
    #[serde(skip_serializing_if = "is_zero")]
    pub angle: f64,
    /// Size of the text as laid out by the renderer (fits inside `rect`).
    pub text_size: Option<[f64; 2]>,
    /// The font size it is drawn at, in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_px: Option<f64>,
    /// The full name, where `text` is its short form (MONG. for MONGOLIA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}
