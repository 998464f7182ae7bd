//! Headless capture: render one frame to PNG, write the scene description beside it, exit.

use bevy::platform::time::Instant;
use std::path::{Path, PathBuf};
use std::time::Duration;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::text::TextLayoutInfo;

use crate::app::camera::map::MapCamera;
use crate::app::files::store::OpenFiles;
use crate::app::render::labels::LabelsOnScreen;
use crate::app::render::markers::SceneEvents;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::LessonState;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::ToggleGlobe;
use crate::app::state::screen::{Projector, UiLayout};
use crate::app::state::settings::{AtlasData, Settings};
use crate::app::state::story::{Clock, Story};
use crate::app::state::systems::AppSystems;
use crate::app::ui::access::AccessTree;
use crate::app::ui::lesson::LessonCard;
use crate::core::lesson::plain;
use crate::core::model::Lang;
use crate::core::projection::MapKind;
use crate::core::scene::{
    Scene, SceneDrawing, SceneLabel, SceneLayer, SceneLesson, SceneLessonPlace, SceneUiNode,
    SceneView,
};
use crate::core::timeline::iso;
use crate::core::userfile::{Content, draws_coarse};
use crate::core::view::km_per_px;

/// Frames rendered before the capture, so meshes, fonts and egui have settled.
pub const WARMUP_FRAMES: u32 = 10;
/// Give up (exit non-zero) if no frame could be captured by then.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// When the process started: `main` sets it first thing, and capture mode reports its first
/// frame against it (the figure set beside the web page's first frame).
pub static PROCESS_START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

#[derive(Resource)]
struct CaptureState {
    out: PathBuf,
    frames: u32,
    requested: bool,
    started: Instant,
    /// `--bench-frames`: when the timed frames began, and their mean (ms) once done.
    timing: Option<Instant>,
    frame_ms: Option<f64>,
    /// Whether the first frame's time since the start was said.
    first_frame_said: bool,
}

/// Adds capture mode when `--screenshot` was given.
pub(super) fn plugin(app: &mut App) {
    #[cfg(target_arch = "wasm32")]
    app.add_systems(Update, publish_scene.in_set(AppSystems::Capture));
    let Some(out) = app
        .world()
        .get_resource::<Settings>()
        .and_then(|s| s.screenshot.clone())
    else {
        return;
    };
    app.insert_resource(CaptureState {
        out,
        frames: 0,
        requested: false,
        started: Instant::now(),
        timing: None,
        frame_ms: None,
        first_frame_said: false,
    })
    .add_systems(Update, request.in_set(AppSystems::Capture));
}

/// The web page: the scene description as shown, every 5 frames, in the page's
/// `window.datelineScene` (JSON, as `OUT.json` beside a capture), and the frames drawn so far
/// in `window.datelineFrames`: what the browser check reads beside its screenshot.
#[cfg(target_arch = "wasm32")]
fn publish_scene(
    sources: SceneSources,
    window: Single<&Window, With<bevy::window::PrimaryWindow>>,
    mut frames: Local<u32>,
) {
    use wasm_bindgen::JsValue;
    *frames += 1;
    if *frames % 5 != 1 {
        return;
    }
    let Some(page) = web_sys::window() else {
        return;
    };
    let size = [window.physical_width(), window.physical_height()];
    if let Ok(json) = serde_json::to_string(&sources.scene(size)) {
        let _ = js_sys::Reflect::set(&page, &"datelineScene".into(), &JsValue::from_str(&json));
    }
    let _ = js_sys::Reflect::set(
        &page,
        &"datelineFrames".into(),
        &JsValue::from_f64(f64::from(*frames)),
    );
}

/// The scene description's path for a PNG path (`out.png` → `out.json`).
pub fn scene_path(png: &Path) -> PathBuf {
    png.with_extension("json")
}

#[allow(clippy::too_many_arguments)]
fn request(
    mut commands: Commands,
    mut state: ResMut<CaptureState>,
    files: Option<Res<OpenFiles>>,
    settings: Res<Settings>,
    mut toggle: MessageWriter<ToggleGlobe>,
    mut cam: ResMut<MapCamera>,
    mut virtual_time: ResMut<Time<Virtual>>,
    (projector, mut window): (
        Option<Res<Projector>>,
        Query<&mut Window, With<bevy::window::PrimaryWindow>>,
    ),
    mut exit: MessageWriter<AppExit>,
    lesson: Option<Res<LessonState>>,
) {
    // Wait for the user's files and a lesson to finish loading (they count as warm-up).
    if files.is_some_and(|f| f.busy()) || lesson.is_some_and(|l| l.loading()) {
        state.frames = 0;
    }
    if !state.first_frame_said {
        state.first_frame_said = true;
        let start = PROCESS_START.get().copied().unwrap_or(state.started);
        eprintln!(
            "dateline: first frame {:.0} ms after start",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    state.frames += 1;
    if let Some(ll) = settings.pointer_at
        && let Some(p) = projector.as_deref()
        && let Ok(mut w) = window.single_mut()
    {
        let size = [w.width() as f64, w.height() as f64];
        if let Some([x, y]) = p.pixel(ll, size) {
            w.set_cursor_position(Some(Vec2::new(x as f32, y as f32)));
        }
    }
    if settings.capture_transition && state.frames == WARMUP_FRAMES - 2 {
        // Animate (not jump) from here, and start the switch.
        cam.instant = false;
        toggle.write(ToggleGlobe);
    }
    // The drawing benchmark: time `bench_frames` frames after the warm-up, then capture.
    let bench = settings.bench_frames;
    if bench > 0 && state.frames == WARMUP_FRAMES {
        state.timing = Some(Instant::now());
    }
    if bench > 0 && state.frames == WARMUP_FRAMES + bench {
        state.frame_ms = state
            .timing
            .map(|t| t.elapsed().as_secs_f64() * 1000.0 / f64::from(bench));
    }
    if !state.requested && state.frames >= WARMUP_FRAMES + bench {
        state.requested = true;
        // Freeze motion (a transition under way) so the scene description written when the
        // image arrives, a frame or two later, matches the image.
        virtual_time.pause();
        commands.spawn(Screenshot::primary_window()).observe(save);
    }
    if state.started.elapsed() > TIMEOUT {
        eprintln!(
            "dateline: error: no frame could be rendered within {} s; is a graphics driver available? (on a server: install mesa-vulkan-drivers and run under xvfb-run)",
            TIMEOUT.as_secs()
        );
        exit.write(AppExit::error());
    }
}

/// What the scene description is made from: the view, the labels as laid out, the
/// timeline, the panels, the user's files and the lesson.
#[derive(bevy::ecs::system::SystemParam)]
pub struct SceneSources<'w, 's> {
    settings: Res<'w, Settings>,
    cam: Res<'w, MapCamera>,
    toggles: Res<'w, LayerToggles>,
    atlas: Res<'w, AtlasData>,
    labels: Res<'w, LabelsOnScreen>,
    layouts: Query<'w, 's, &'static TextLayoutInfo>,
    clock: Option<Res<'w, Clock>>,
    events: Option<Res<'w, SceneEvents>>,
    story: Option<Res<'w, Story>>,
    layout: Res<'w, UiLayout>,
    files: Option<Res<'w, OpenFiles>>,
    projector: Option<Res<'w, Projector>>,
    lesson: Option<Res<'w, LessonState>>,
    card: Option<Res<'w, LessonCard>>,
    prefs: Res<'w, UiPrefs>,
    tree: Res<'w, AccessTree>,
}

impl SceneSources<'_, '_> {
    /// The scene as shown now in a frame of `size` pixels: view, labels, events on screen,
    /// panels, the interface as a screen reader hears it, the user's files, the lesson.
    pub fn scene(&self, size: [u32; 2]) -> Scene {
        let (settings, atlas, toggles) = (&self.settings, &self.atlas, &self.toggles);
        let clock = self.clock.as_deref();
        let mut scene = describe(
            settings,
            &self.cam,
            toggles,
            atlas,
            size,
            &self.labels,
            &self.layouts,
        );
        scene.date = clock.map(|t| iso(t.day()));
        if let Some(Projector::Globe(g, vp)) = self.projector.as_deref() {
            scene.mode = "globe".into();
            scene.view.center = g.center;
            scene.view.zoom = crate::core::view::zoom_for(g.km_per_px(vp[3]));
            scene.view.viewport = Some(*vp);
            scene.view.projection =
                "globe (perspective camera looking at the Earth's centre)".into();
            scene.view.distance = Some(g.distance);
            scene.view.fov_deg = Some(g.fov.to_degrees());
            scene.layers.retain(|l| l.name != "graticule");
        }
        // On the globe, only what is on the visible side (and events without a place).
        let globe = self.projector.as_deref().is_some_and(|p| p.is_globe());
        scene.events = match (self.events.as_deref(), self.story.as_deref()) {
            (Some(e), Some(s)) => e.describe(s, globe),
            _ => Vec::new(),
        };
        scene.ui = self.layout.covered.clone();
        scene.ui_lang = self.prefs.lang.code().into();
        scene.interface = self
            .tree
            .nodes
            .iter()
            .map(|n| SceneUiNode {
                role: n.role.clone(),
                name: n.name.clone(),
                value: n.value.clone(),
                live: n.live,
            })
            .collect();
        if let (Some(l), Some(p)) = (self.lesson.as_deref(), self.projector.as_deref()) {
            let card = self.card.as_deref().and_then(|c| c.rect);
            scene.lesson = describe_lesson(l, atlas, toggles.lang, p, size, card);
        }
        if let Some(files) = self.files.as_deref() {
            for f in &files.files {
                let (features, kind) = match &f.good {
                    Some(Content::Layer(l)) if l.time.is_some() => {
                        // How many of a timed layer's features show at the date.
                        let shown = l
                            .features
                            .iter()
                            .filter(|x| clock.is_none_or(|c| x.opacity(c.date, c.window()) > 0.0))
                            .count();
                        let n = l.features.len();
                        (n, format!("timed layer: {shown} of {n} shown"))
                    }
                    Some(Content::Layer(l)) => (l.features.len(), "layer".to_string()),
                    Some(Content::Events(e)) => (e.len(), "events".to_string()),
                    None => (0, "nothing loaded".to_string()),
                };
                scene.layers.push(SceneLayer {
                    name: format!("{} ({kind})", f.name),
                    features,
                    visible: f.visible && f.good.is_some(),
                });
                scene
                    .problems
                    .extend(f.problems.iter().map(|p| p.to_string()));
            }
        }
        scene
    }
}

fn save(
    shot: On<ScreenshotCaptured>,
    state: Res<CaptureState>,
    sources: SceneSources,
    mut exit: MessageWriter<AppExit>,
) {
    let result = (|| -> Result<(), String> {
        let img = shot
            .image
            .clone()
            .try_into_dynamic()
            .map_err(|e| format!("the rendered frame could not be converted: {e}"))?
            .to_rgb8();
        let size = [img.width(), img.height()];
        img.save(&state.out)
            .map_err(|e| format!("cannot write {}: {e}", state.out.display()))?;
        let mut scene = sources.scene(size);
        if let Some(frame_ms) = state.frame_ms {
            scene.drawing = Some(drawing(
                sources.settings.bench_frames,
                frame_ms,
                &sources.atlas,
                &sources.toggles,
                &sources.cam,
                sources.files.as_deref(),
            ));
        }
        let json = serde_json::to_string_pretty(&scene).map_err(|e| e.to_string())?;
        let path = scene_path(&state.out);
        std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(())
    })();
    match result {
        Ok(()) => {
            println!(
                "dateline: wrote {} and {}",
                state.out.display(),
                scene_path(&state.out).display()
            );
            exit.write(AppExit::Success);
        }
        Err(e) => {
            eprintln!("dateline: error: {e}");
            exit.write(AppExit::error());
        }
    }
}

/// The lesson's step as shown: its text in the names' language and the pixels of the
/// places it highlights.
fn describe_lesson(
    state: &LessonState,
    atlas: &AtlasData,
    lang: Lang,
    projector: &Projector,
    size: [u32; 2],
    card: Option<[f32; 4]>,
) -> Option<SceneLesson> {
    let lesson = state.lesson.as_ref()?;
    let step = state.current()?;
    let size = [f64::from(size[0]), f64::from(size[1])];
    let places = step
        .places
        .iter()
        .filter_map(|id| {
            let p = atlas
                .0
                .places
                .iter()
                .find(|p| p.id.as_deref() == Some(id))?;
            Some(SceneLessonPlace {
                id: id.clone(),
                name: p.name.clone(),
                lonlat: p.lonlat,
                pixel: projector.pixel(p.lonlat, size),
            })
        })
        .collect();
    Some(SceneLesson {
        title: lesson.title.get(lang),
        step: state.step + 1,
        steps: lesson.steps.len(),
        step_id: step.id.clone(),
        step_title: step.title.get(lang),
        narration: step
            .narration
            .as_ref()
            .map(|n| plain(&n.get(lang)))
            .unwrap_or_default(),
        presenting: state.presenting,
        editing: state.editing,
        drawings: step.annotations.len(),
        card: card.filter(|_| state.presenting),
        events: step.events.clone(),
        places,
        question: step.question.as_ref().map(|q| q.prompt.get(lang)),
        problems: state.problems.iter().map(ToString::to_string).collect(),
    })
}

/// What the map draws at this zoom, for the drawing benchmark: the atlas's triangles and
/// shown line points, and the user's layers' triangles and line points at the level of
/// detail the zoom picks (as `render::user_layers` does).
fn drawing(
    frames: u32,
    frame_ms: f64,
    atlas: &AtlasData,
    toggles: &LayerToggles,
    cam: &MapCamera,
    files: Option<&OpenFiles>,
) -> SceneDrawing {
    let a = &atlas.0;
    let (zoom, kind) = (cam.current.zoom, cam.kind);
    let atlas_triangles = a
        .countries
        .iter()
        .map(|c| c.mesh_of(kind).indices.len() / 3)
        .sum::<usize>()
        + a.lakes_of(kind).indices.len() / 3;
    let atlas_line_points = a
        .lines
        .iter()
        .filter(|l| toggles.line_visible(l.kind, zoom))
        .map(|l| l.lines_of(kind).iter().map(Vec::len).sum::<usize>())
        .sum();
    let coarse = draws_coarse(km_per_px(zoom));
    let (mut user_triangles, mut user_line_points) = (0, 0);
    for f in files.into_iter().flat_map(|f| f.files.iter()) {
        if let (true, Some(Content::Layer(l))) = (f.visible, &f.good) {
            let (fill, lines) = match (kind, coarse) {
                (MapKind::World, _) => (&l.world.fill, &l.world.lines),
                (MapKind::Regional, true) => (&l.fill, &l.lines_coarse),
                (MapKind::Regional, false) => (&l.fill, &l.lines),
            };
            user_triangles += fill.indices.len() / 3;
            user_line_points += lines.iter().map(Vec::len).sum::<usize>();
        }
    }
    SceneDrawing {
        frames,
        frame_ms,
        atlas_triangles,
        atlas_line_points,
        user_triangles,
        user_line_points,
    }
}

fn describe(
    settings: &Settings,
    cam: &MapCamera,
    toggles: &LayerToggles,
    atlas: &AtlasData,
    size: [u32; 2],
    labels: &LabelsOnScreen,
    layouts: &Query<&TextLayoutInfo>,
) -> Scene {
    let proj = cam.proj();
    let view = cam.current;
    let mut layers = vec![
        SceneLayer {
            name: "countries".into(),
            features: atlas.0.countries.len(),
            visible: true,
        },
        SceneLayer {
            name: "lakes".into(),
            features: atlas.0.lake_count,
            visible: true,
        },
    ];
    for l in &atlas.0.lines {
        layers.push(SceneLayer {
            name: l.kind.name().into(),
            features: l.lines.len(),
            visible: toggles.line_visible(l.kind, view.zoom),
        });
    }
    layers.push(SceneLayer {
        name: "graticule".into(),
        features: 0,
        visible: toggles.graticule,
    });
    // Placed labels, with the size the text was actually laid out at.
    let mut out_labels = labels.0.clone();
    for l in &mut out_labels {
        if let Some(info) = l.entity.and_then(|e| layouts.get(e).ok()) {
            // As drawn: laid out at the font's size, then scaled where the label shrank.
            let k = info.scale_factor.max(1e-3) as f64 / l.scale;
            l.label.text_size = Some([info.size.x as f64 / k, info.size.y as f64 / k]);
        }
    }
    let out_labels: Vec<SceneLabel> = out_labels.into_iter().map(|l| l.label).collect();
    Scene {
        size,
        mode: "map".into(),
        date: None,
        lang: toggles.lang.code().into(),
        style: toggles.style.code().into(),
        view: SceneView {
            name: settings.view.name(),
            center: view.center_lonlat(&proj),
            zoom: view.zoom,
            projection: cam.kind.name().into(),
            distance: None,
            fov_deg: None,
            viewport: None,
        },
        layers,
        labels: out_labels,
        events: Vec::new(),
        ui: Vec::new(),
        problems: Vec::new(),
        ui_lang: String::new(),
        interface: Vec::new(),
        drawing: None,
        lesson: None,
    }
}
