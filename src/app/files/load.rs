//! The user's own files: opened from the command line, by drag-and-drop or with Open…; read
//! in the background with a progress indicator; drawn as layers (own colour, legend entry,
//! show/hide, remove, properties on click) or added to the timeline; watched and reloaded on
//! save, keeping the last good version when a save is broken; every problem in a panel.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use bevy::asset::RenderAssetUsages;
use bevy::camera::visibility::RenderLayers;
use bevy::gizmos::config::{GizmoConfig, GizmoConfigGroup, GizmoLineConfig, GizmoLineJoint};
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::window::{FileDragAndDrop, PrimaryWindow};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::camera::MapCamera;
use super::map::to_mesh;
use super::timeline::EventsData;
use super::{AppSystems, Settings, UiLayout};
use crate::core::events::Event;
use crate::core::geojson::{MAX_FILE_BYTES, Problem, Severity};
use crate::core::projection::Lcc;
use crate::core::userfile::{self, Content, Opened};
use crate::core::view::km_per_px;

/// Colours for user layers (distinct from the land palette and the event categories).
pub const LAYER_COLOURS: [[u8; 3]; 6] = [
    [200, 30, 60],
    [110, 60, 170],
    [0, 140, 150],
    [150, 110, 0],
    [90, 90, 200],
    [180, 60, 140],
];

/// How often opened files are checked for changes.
pub const WATCH_EVERY: Duration = Duration::from_millis(700);

/// Loading progress shared with the background thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes read so far.
    pub read: AtomicU64,
    /// The file's size.
    pub total: AtomicU64,
    /// What the loader is doing.
    pub stage: Mutex<String>,
}

/// A background load in flight.
pub struct Loading {
    /// Progress, updated by the loader.
    pub progress: Arc<Progress>,
    rx: Mutex<Receiver<(Opened, Option<SystemTime>)>>,
    started: Instant,
}

/// One opened file.
pub struct OpenFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its name as shown (file name).
    pub name: String,
    /// The last version that loaded (kept when a later save is broken).
    pub good: Option<Content>,
    /// Problems of the latest attempt.
    pub problems: Vec<Problem>,
    /// True when the latest attempt could not be read at all (the last good version shows).
    pub stale: bool,
    /// Shown on the map.
    pub visible: bool,
    /// Colour index.
    pub colour: usize,
    /// Modification time of the version loaded or being loaded.
    pub mtime: Option<SystemTime>,
    /// A load in flight.
    pub loading: Option<Loading>,
    /// Entities drawing it.
    entities: Vec<Entity>,
    /// Bumped when `good` changes.
    version: u64,
    drawn: u64,
}

/// All opened files.
#[derive(Resource, Default)]
pub struct OpenFiles {
    /// In the order opened.
    pub files: Vec<OpenFile>,
    next_colour: usize,
    /// The bundled events, kept to rebuild the timeline when files change.
    pub bundled: Vec<Event>,
    /// Show the problems window.
    pub show_problems: bool,
    /// Show the files window.
    pub show_files: bool,
    /// The Open… dialog, when shown.
    pub dialog: Option<OpenDialog>,
    /// A feature whose properties are shown: (file index, feature index).
    pub inspect: Option<(usize, usize)>,
    last_watch: Option<Instant>,
}

impl OpenFiles {
    /// Opens a file (or reloads it when already open).
    pub fn open(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        if let Some(f) = self.files.iter_mut().find(|f| f.path == path) {
            f.loading = Some(start_loading(&path));
            return;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.display().to_string());
        let colour = self.next_colour % LAYER_COLOURS.len();
        self.next_colour += 1;
        self.show_files = true;
        self.files.push(OpenFile {
            loading: Some(start_loading(&path)),
            path,
            name,
            good: None,
            problems: Vec::new(),
            stale: false,
            visible: true,
            colour,
            mtime: None,
            entities: Vec::new(),
            version: 0,
            drawn: 0,
        });
    }

    /// True while any file is loading.
    pub fn busy(&self) -> bool {
        self.files.iter().any(|f| f.loading.is_some())
    }

    /// Number of errors and warnings across files.
    pub fn problem_counts(&self) -> (usize, usize) {
        let all = self.files.iter().flat_map(|f| &f.problems);
        let errors = all
            .clone()
            .filter(|p| p.severity == Severity::Error)
            .count();
        (errors, all.count() - errors)
    }
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Reads and loads a file on a background thread.
pub fn start_loading(path: &Path) -> Loading {
    let progress = Arc::new(Progress::default());
    let (tx, rx) = channel();
    let p = progress.clone();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.display().to_string());
        let stamp = mtime(&path);
        let result = read_and_open(&path, &name, &p);
        let _ = tx.send((result, stamp));
    });
    Loading {
        progress,
        rx: Mutex::new(rx),
        started: Instant::now(),
    }
}

fn problem(file: &str, message: String, hint: &str) -> Problem {
    Problem {
        severity: Severity::Error,
        file: file.to_string(),
        place: crate::core::geojson::Place::File,
        message,
        hint: hint.to_string(),
    }
}

/// Reads a file in chunks (reporting progress) and opens it. Never panics on bad input.
pub fn read_and_open(path: &Path, name: &str, progress: &Progress) -> Opened {
    use std::io::Read;
    let fail = |message: String, hint: &str| Opened {
        content: None,
        problems: vec![problem(name, message, hint)],
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            return fail(
                format!("cannot open the file ({e})"),
                "check that it exists and that you may read it",
            );
        }
    };
    if meta.is_dir() {
        return fail(
            "this is a folder, not a file".into(),
            "open a .geojson, .json or .csv file",
        );
    }
    if meta.len() as usize > MAX_FILE_BYTES {
        return fail(
            format!(
                "the file is {} MB; the limit is {} MB",
                meta.len() >> 20,
                MAX_FILE_BYTES >> 20
            ),
            "split it, or simplify it (for example with mapshaper -simplify)",
        );
    }
    progress.total.store(meta.len(), Ordering::Relaxed);
    *progress.stage.lock().unwrap_or_else(|e| e.into_inner()) = "reading".into();
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return fail(
                format!("cannot open the file ({e})"),
                "check that you may read it",
            );
        }
    };
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&buf[..n]);
                progress.read.store(bytes.len() as u64, Ordering::Relaxed);
                if bytes.len() > MAX_FILE_BYTES {
                    return fail(
                        "the file grew past the size limit while reading".into(),
                        "try again once it is saved",
                    );
                }
            }
            Err(e) => {
                return fail(
                    format!("reading stopped ({e})"),
                    "try again; is the file on a removed disk?",
                );
            }
        }
    }
    let proj = Lcc::atlas();
    userfile::open(name, bytes, &proj, &mut |stage| {
        *progress.stage.lock().unwrap_or_else(|e| e.into_inner()) = stage.to_string();
    })
}

/// Dashed-free lines for user layers, a little thicker than borders.
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct UserLines;

/// Adds opening, loading, drawing, watching and the files and problems windows.
pub fn plugin(app: &mut App) {
    app.init_resource::<OpenFiles>()
        .insert_gizmo_config(
            UserLines,
            GizmoConfig {
                line: GizmoLineConfig {
                    width: 2.0,
                    joints: GizmoLineJoint::Round(2),
                    ..default()
                },
                render_layers: RenderLayers::layer(super::MAP_LAYER),
                ..default()
            },
        )
        .add_systems(Startup, open_from_command_line)
        .add_systems(
            Update,
            (
                (dropped, watch, receive).chain().in_set(AppSystems::Input),
                inspect_click.in_set(AppSystems::Input),
                (draw_layers, draw_points)
                    .chain()
                    .in_set(AppSystems::Layers),
            ),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                files_window,
                problems_window,
                open_dialog,
                properties_window,
            )
                .chain()
                .in_set(AppSystems::UiOverlays),
        );
}

fn open_from_command_line(
    settings: Res<Settings>,
    mut files: ResMut<OpenFiles>,
    events: Res<EventsData>,
) {
    files.bundled = events.events.clone();
    for p in &settings.files {
        files.open(p.clone());
    }
    if settings.open_dialog {
        files.dialog = Some(OpenDialog::new());
    }
}

fn dropped(mut drops: MessageReader<FileDragAndDrop>, mut files: ResMut<OpenFiles>) {
    for d in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = d {
            files.open(path_buf.clone());
        }
    }
}

/// Reloads files that changed on disk.
fn watch(mut files: ResMut<OpenFiles>) {
    let now = Instant::now();
    if files.last_watch.is_some_and(|t| now - t < WATCH_EVERY) {
        return;
    }
    files.last_watch = Some(now);
    for f in &mut files.files {
        if f.loading.is_some() {
            continue;
        }
        let m = mtime(&f.path);
        if m.is_some() && m != f.mtime {
            f.loading = Some(start_loading(&f.path));
        }
    }
}

/// Takes finished loads; keeps the last good version when a new one cannot be read.
fn receive(mut files: ResMut<OpenFiles>, mut events: ResMut<EventsData>) {
    let mut events_changed = false;
    let mut new_errors = false;
    for f in &mut files.files {
        let Some(loading) = &f.loading else {
            continue;
        };
        let got = loading.rx.lock().ok().and_then(|rx| rx.try_recv().ok());
        let Some((opened, stamp)) = got else {
            continue;
        };
        info!(
            "{}: read in {:.1} s ({} features or events, {} problems)",
            f.name,
            loading.started.elapsed().as_secs_f64(),
            opened.count(),
            opened.problems.len()
        );
        f.loading = None;
        f.mtime = stamp;
        new_errors |= opened
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error);
        f.problems = opened.problems;
        match opened.content {
            Some(c) => {
                events_changed |=
                    matches!(c, Content::Events(_)) || matches!(f.good, Some(Content::Events(_)));
                f.good = Some(c);
                f.stale = false;
                f.version += 1;
            }
            None => f.stale = f.good.is_some(),
        }
    }
    if new_errors {
        files.show_problems = true;
    }
    if events_changed {
        rebuild_events(&files, &mut events);
    }
}

/// The timeline's events: the bundled story plus every visible events file.
fn rebuild_events(files: &OpenFiles, events: &mut EventsData) {
    let mut all = files.bundled.clone();
    for f in files.files.iter().filter(|f| f.visible) {
        if let Some(Content::Events(e)) = &f.good {
            all.extend(e.iter().cloned());
        }
    }
    let generation = events.generation + 1;
    *events = EventsData::new(all);
    events.generation = generation;
}

/// The colour of a user layer.
pub fn layer_colour(i: usize) -> Color {
    let [r, g, b] = LAYER_COLOURS[i % LAYER_COLOURS.len()];
    Color::srgb_u8(r, g, b)
}

/// (Re)builds the fill and line entities of layers whose content changed (tessellated on load).
fn draw_layers(
    mut commands: Commands,
    mut files: ResMut<OpenFiles>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut gizmo_assets: ResMut<Assets<GizmoAsset>>,
    mut globe_assets: GlobeAssets,
    mut vis: Query<&mut Visibility>,
) {
    for (i, f) in files.files.iter_mut().enumerate() {
        if f.drawn != f.version {
            let started = Instant::now();
            f.drawn = f.version;
            for e in f.entities.drain(..) {
                commands.entity(e).despawn();
            }
            if let Some(Content::Layer(layer)) = &f.good {
                let colour = layer_colour(f.colour);
                // On the globe: the same layer on the sphere, just above the land.
                f.entities.extend(globe_entities(
                    &mut commands,
                    layer,
                    colour,
                    (&mut meshes, &mut gizmo_assets, &mut globe_assets),
                ));
                let z = 30.0 + i as f32 * 0.5;
                if !layer.fill.indices.is_empty() {
                    f.entities.push(
                        commands
                            .spawn((
                                Name::new(format!("layer {}", f.name)),
                                Mesh2d(meshes.add(to_mesh(&layer.fill))),
                                MeshMaterial2d(
                                    materials
                                        .add(ColorMaterial::from_color(colour.with_alpha(0.35))),
                                ),
                                Transform::from_xyz(0.0, 0.0, z),
                            ))
                            .id(),
                    );
                }
                if !layer.lines.is_empty() {
                    let mut g = GizmoAsset::new();
                    for l in &layer.lines {
                        g.linestrip_2d(l.iter().map(|p| Vec2::new(p[0], p[1])), colour);
                    }
                    f.entities.push(
                        commands
                            .spawn((
                                Name::new(format!("layer lines {}", f.name)),
                                Gizmo {
                                    handle: gizmo_assets.add(g),
                                    line_config: GizmoLineConfig {
                                        width: 2.0,
                                        joints: GizmoLineJoint::Round(2),
                                        ..default()
                                    },
                                    ..default()
                                },
                                Transform::from_xyz(0.0, 0.0, z + 0.1),
                            ))
                            .id(),
                    );
                }
            }
            info!(
                "{}: drawing built in {:.2} s",
                f.name,
                started.elapsed().as_secs_f64()
            );
        }
        for e in &f.entities {
            if let Ok(mut v) = vis.get_mut(*e) {
                v.set_if_neq(if f.visible {
                    Visibility::Inherited
                } else {
                    Visibility::Hidden
                });
            }
        }
    }
}

/// Asset collections for a user layer on the globe.
#[derive(bevy::ecs::system::SystemParam)]
pub struct GlobeAssets<'w> {
    materials: Option<ResMut<'w, Assets<StandardMaterial>>>,
}

/// Spawns a layer's fill, lines and points on the globe (render layer of the 3D camera);
/// the geometry was prepared with the rest of the file, off the frame.
fn globe_entities(
    commands: &mut Commands,
    layer: &crate::core::userfile::Layer,
    colour: Color,
    (meshes, gizmos, assets): (&mut Assets<Mesh>, &mut Assets<GizmoAsset>, &mut GlobeAssets),
) -> Vec<Entity> {
    let Some(materials) = assets.materials.as_mut() else {
        return Vec::new();
    };
    let g3 = &layer.globe;
    let rl = RenderLayers::layer(super::GLOBE_LAYER);
    let mut out = Vec::new();
    if !g3.fill_indices.is_empty() {
        let mesh = Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::RENDER_WORLD,
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, g3.fill_positions.clone())
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, g3.fill_positions.clone())
        .with_inserted_indices(Indices::U32(g3.fill_indices.clone()));
        out.push(
            commands
                .spawn((
                    Mesh3d(meshes.add(mesh)),
                    MeshMaterial3d(materials.add(StandardMaterial {
                        base_color: colour.with_alpha(0.35),
                        alpha_mode: AlphaMode::Blend,
                        unlit: true,
                        cull_mode: None,
                        ..default()
                    })),
                    rl.clone(),
                ))
                .id(),
        );
    }
    let mut g = GizmoAsset::new();
    for l in &g3.lines {
        g.linestrip(l.iter().map(|p| Vec3::from_array(*p)), colour);
    }
    for p in g3.points.iter().take(MAX_POINTS_DRAWN) {
        let c = Vec3::from_array(*p);
        // A small cross at each point (screen-sized dots are drawn on the flat map).
        let (e, n) = (
            c.cross(Vec3::Y).normalize_or_zero() * 0.003,
            Vec3::Y * 0.003,
        );
        g.line(c - e, c + e, colour);
        g.line(c - n, c + n, colour);
    }
    out.push(
        commands
            .spawn((
                Gizmo {
                    handle: gizmos.add(g),
                    line_config: GizmoLineConfig {
                        width: 2.0,
                        ..default()
                    },
                    ..default()
                },
                rl,
            ))
            .id(),
    );
    out
}

/// The most points drawn per layer (a dot each, in screen pixels).
pub const MAX_POINTS_DRAWN: usize = 20_000;

fn draw_points(files: Res<OpenFiles>, cam: Res<MapCamera>, mut gizmos: Gizmos<UserLines>) {
    let kpp = km_per_px(cam.current.zoom) as f32;
    for f in files.files.iter().filter(|f| f.visible) {
        if let Some(Content::Layer(layer)) = &f.good {
            let c = layer_colour(f.colour);
            for p in layer.points.iter().take(MAX_POINTS_DRAWN) {
                gizmos
                    .circle_2d(Vec2::new(p[0], p[1]), 4.0 * kpp, c)
                    .resolution(12);
            }
        }
    }
}

/// A click on a user layer's feature shows its properties.
fn inspect_click(
    buttons: Res<ButtonInput<MouseButton>>,
    egui: Option<Res<EguiWantsInput>>,
    window: Single<&Window, With<PrimaryWindow>>,
    cam: Res<MapCamera>,
    mut files: ResMut<OpenFiles>,
    mut pressed_at: Local<Option<Vec2>>,
) {
    let Some(cursor) =
        super::camera::map_click(&buttons, &window, egui.as_deref(), &mut pressed_at)
    else {
        return;
    };
    let size = [window.width() as f64, window.height() as f64];
    let plane = cam
        .current
        .from_pixel([cursor.x as f64, cursor.y as f64], size);
    let tol = 6.0 * km_per_px(cam.current.zoom);
    // Topmost (last opened) first.
    let hit = files
        .files
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, f)| f.visible)
        .find_map(|(i, f)| match &f.good {
            Some(Content::Layer(l)) => l.hit(plane, tol).map(|j| (i, j)),
            _ => None,
        });
    if hit.is_some() {
        files.inspect = hit;
    }
}

fn status_line(f: &OpenFile) -> String {
    if let Some(l) = &f.loading {
        let read = l.progress.read.load(Ordering::Relaxed);
        let total = l.progress.total.load(Ordering::Relaxed).max(1);
        let stage = l
            .progress
            .stage
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default();
        return format!(
            "{stage}… {:.0}% of {:.1} MB ({:.0} s)",
            read as f64 / total as f64 * 100.0,
            total as f64 / 1e6,
            l.started.elapsed().as_secs_f64()
        );
    }
    let (e, w) = (
        f.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count(),
        f.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count(),
    );
    let what = match &f.good {
        Some(Content::Layer(l)) => format!("{} features", l.features.len()),
        Some(Content::Events(ev)) => format!("{} events on the timeline", ev.len()),
        None => "nothing loaded".into(),
    };
    let mut s = what;
    if f.stale {
        s.push_str(" (last good version: the saved file has errors)");
    }
    if e > 0 {
        s.push_str(&format!(" · {e} error(s)"));
    }
    if w > 0 {
        s.push_str(&format!(" · {w} warning(s)"));
    }
    s
}

fn files_window(
    mut commands: Commands,
    mut contexts: EguiContexts,
    mut files: ResMut<OpenFiles>,
    mut events: ResMut<EventsData>,
    mut layout: ResMut<UiLayout>,
) -> Result {
    if !files.show_files {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let free = layout.free.unwrap_or_else(|| ctx.viewport_rect());
    let mut open = files.show_files;
    let mut remove = None;
    let mut reload = None;
    let mut toggled = false;
    let r = egui::Window::new("Your files")
        .open(&mut open)
        .default_pos(free.left_top() + egui::vec2(10.0, 80.0))
        .default_width(300.0)
        .show(&ctx, |ui| {
            if files.files.is_empty() {
                ui.label("No file open. Drop a GeoJSON or CSV file on the window, or use Open….");
            }
            for (i, f) in files.files.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let [r, g, b] = LAYER_COLOURS[f.colour];
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 3.0, egui::Color32::from_rgb(r, g, b));
                    if ui
                        .checkbox(&mut f.visible, egui::RichText::new(&f.name).strong())
                        .changed()
                    {
                        toggled = true;
                    }
                    if ui
                        .small_button("Reload")
                        .on_hover_text("Read the file again now")
                        .clicked()
                    {
                        reload = Some(i);
                    }
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Remove from the map")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                if let Some(l) = &f.loading {
                    let read = l.progress.read.load(Ordering::Relaxed) as f32;
                    let total = l.progress.total.load(Ordering::Relaxed).max(1) as f32;
                    ui.add(
                        egui::ProgressBar::new(read / total)
                            .show_percentage()
                            .animate(true),
                    );
                }
                ui.label(egui::RichText::new(status_line(f)).small());
                ui.separator();
            }
            ui.horizontal(|ui| {
                if ui.button("Open…").clicked() {
                    files.dialog = Some(OpenDialog::new());
                }
                let (e, w) = files.problem_counts();
                if ui
                    .button(format!("Problems ({e} errors, {w} warnings)"))
                    .clicked()
                {
                    files.show_problems = true;
                }
            });
        });
    if let Some(r) = r {
        let r = r.response.rect;
        layout
            .covered
            .push([r.left(), r.top(), r.right(), r.bottom()]);
    }
    files.show_files = open;
    if let Some(i) = reload {
        let p = files.files[i].path.clone();
        files.files[i].loading = Some(start_loading(&p));
    }
    let mut events_changed = toggled;
    if let Some(i) = remove {
        let f = files.files.remove(i);
        events_changed |= matches!(f.good, Some(Content::Events(_)));
        for e in f.entities {
            commands.entity(e).despawn();
        }
        files.inspect = None;
    }
    if events_changed {
        rebuild_events(&files, &mut events);
    }
    Ok(())
}

fn problems_window(
    mut contexts: EguiContexts,
    mut files: ResMut<OpenFiles>,
    mut layout: ResMut<UiLayout>,
) -> Result {
    if !files.show_problems {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let free = layout.free.unwrap_or_else(|| ctx.viewport_rect());
    let mut open = true;
    let r = egui::Window::new("Problems")
        .open(&mut open)
        .default_width(480.0)
        .default_height(300.0)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(free.right_bottom() - egui::vec2(10.0, 10.0))
        .show(&ctx, |ui| {
            let (e, w) = files.problem_counts();
            if e + w == 0 {
                ui.label("No problems in the opened files.");
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for f in &files.files {
                    if f.problems.is_empty() {
                        continue;
                    }
                    ui.strong(&f.name);
                    if f.stale {
                        ui.label("The map still shows the last version that loaded.");
                    }
                    for p in &f.problems {
                        let (icon, colour) = match p.severity {
                            Severity::Error => ("✖ error", egui::Color32::from_rgb(220, 70, 60)),
                            Severity::Warning => {
                                ("⚠ warning", egui::Color32::from_rgb(210, 160, 40))
                            }
                        };
                        ui.horizontal_wrapped(|ui| {
                            ui.label(egui::RichText::new(icon).color(colour));
                            ui.label(egui::RichText::new(place_text(p)).monospace());
                        });
                        ui.label(&p.message);
                        if !p.hint.is_empty() {
                            ui.label(
                                egui::RichText::new(format!("What to do: {}", p.hint)).italics(),
                            );
                        }
                        ui.add_space(4.0);
                    }
                    ui.separator();
                }
            });
        });
    if let Some(r) = r {
        let r = r.response.rect;
        layout
            .covered
            .push([r.left(), r.top(), r.right(), r.bottom()]);
    }
    files.show_problems = open;
    Ok(())
}

/// Where a problem is, in words.
pub fn place_text(p: &Problem) -> String {
    use crate::core::geojson::Place;
    match &p.place {
        Place::File => "the whole file".into(),
        Place::LineCol(l, c) => format!("line {l}, column {c}"),
        Place::Path(path) => path.clone(),
        Place::Cell { row, column } if column.is_empty() => format!("row {row}"),
        Place::Cell { row, column } => format!("row {row}, column \"{column}\""),
    }
}

/// The Open… dialog: browse folders and pick a GeoJSON or CSV file.
pub struct OpenDialog {
    dir: PathBuf,
    typed: String,
    entries: Vec<(String, bool)>,
    error: Option<String>,
}

impl OpenDialog {
    /// A dialog in the current folder.
    pub fn new() -> OpenDialog {
        let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let mut d = OpenDialog {
            typed: dir.display().to_string(),
            dir,
            entries: Vec::new(),
            error: None,
        };
        d.refresh();
        d
    }

    fn refresh(&mut self) {
        self.entries.clear();
        self.error = None;
        match std::fs::read_dir(&self.dir) {
            Ok(rd) => {
                for e in rd.flatten() {
                    let name = e.file_name().to_string_lossy().to_string();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                    let lower = name.to_ascii_lowercase();
                    if is_dir
                        || [".geojson", ".json", ".csv"]
                            .iter()
                            .any(|x| lower.ends_with(x))
                    {
                        self.entries.push((name, is_dir));
                    }
                }
                self.entries.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then(a.0.to_lowercase().cmp(&b.0.to_lowercase()))
                });
            }
            Err(e) => self.error = Some(format!("cannot list {}: {e}", self.dir.display())),
        }
        self.typed = self.dir.display().to_string();
    }
}

impl Default for OpenDialog {
    fn default() -> Self {
        Self::new()
    }
}

fn open_dialog(mut contexts: EguiContexts, mut files: ResMut<OpenFiles>) -> Result {
    let Some(mut dialog) = files.dialog.take() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let mut open = true;
    let mut chosen = None;
    egui::Window::new("Open a file")
        .open(&mut open)
        .collapsible(false)
        .default_width(460.0)
        .show(&ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button("⬆ Up").clicked()
                    && let Some(parent) = dialog.dir.parent()
                {
                    dialog.dir = parent.to_path_buf();
                    dialog.refresh();
                }
                let r = ui.add(egui::TextEdit::singleline(&mut dialog.typed).desired_width(f32::INFINITY));
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    let p = PathBuf::from(dialog.typed.trim());
                    if p.is_dir() {
                        dialog.dir = p;
                        dialog.refresh();
                    } else {
                        chosen = Some(p);
                    }
                }
            });
            ui.label(egui::RichText::new("GeoJSON (.geojson, .json) and CSV (.csv) files; a file with dates becomes timeline events.").small());
            if let Some(e) = &dialog.error {
                ui.colored_label(egui::Color32::from_rgb(220, 70, 60), e);
            }
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                let mut into = None;
                for (name, is_dir) in &dialog.entries {
                    let label = if *is_dir { format!("📁 {name}") } else { name.clone() };
                    let r = ui.selectable_label(false, label);
                    if r.clicked() || r.double_clicked() {
                        if *is_dir {
                            into = Some(dialog.dir.join(name));
                        } else {
                            chosen = Some(dialog.dir.join(name));
                        }
                    }
                }
                if let Some(d) = into {
                    dialog.dir = d;
                    dialog.refresh();
                }
                if dialog.entries.is_empty() && dialog.error.is_none() {
                    ui.label("No folders or GeoJSON/CSV files here.");
                }
            });
        });
    match chosen {
        Some(p) => files.open(p),
        None if open => files.dialog = Some(dialog),
        None => {}
    }
    Ok(())
}

fn properties_window(mut contexts: EguiContexts, mut files: ResMut<OpenFiles>) -> Result {
    let Some((fi, ji)) = files.inspect else {
        return Ok(());
    };
    let Some(f) = files.files.get(fi) else {
        files.inspect = None;
        return Ok(());
    };
    let Some(Content::Layer(layer)) = &f.good else {
        files.inspect = None;
        return Ok(());
    };
    let Some(feature) = layer.features.get(ji) else {
        files.inspect = None;
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let mut open = true;
    egui::Window::new(format!("{} — feature {}", f.name, ji + 1))
        .id(egui::Id::new("feature-properties"))
        .open(&mut open)
        .default_width(320.0)
        .show(&ctx, |ui| {
            if feature.properties.is_empty() {
                ui.label("This feature has no properties.");
            }
            egui::Grid::new("props").striped(true).show(ui, |ui| {
                for (k, v) in &feature.properties {
                    ui.strong(k);
                    let text = match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    // Links are shown, never fetched or opened by the app on its own.
                    ui.label(text);
                    ui.end_row();
                }
            });
        });
    if !open {
        files.inspect = None;
    }
    Ok(())
}
