//! Pictures: the view saved as a PNG at a chosen size (Ctrl+Shift+S or Save image), and a
//! lesson exported step by step: one PNG per step and a handout page (`handout.html`) with the
//! images, the narration, the questions and answers and the sources of every event shown.
//! Frames are taken as the capture takes them (the window resized to the size asked for, and
//! back); files are written on the IO task pool. `--export-lesson DIR` does it headless.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::tasks::{IoTaskPool, Task, block_on, poll_once};
use bevy::window::{PrimaryWindow, WindowResized};

use crate::app::camera::map::MapCamera;
use crate::app::render::markers::SceneEvents;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::{LessonRequest, LessonState};
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::{ExportProgress, ExportRequest};
use crate::app::state::settings::Settings;
use crate::app::state::story::Story;
use crate::app::state::systems::AppSystems;
use crate::core::i18n::UiLang;
use crate::core::lesson::{HANDOUT_FONT, HANDOUT_FONT_LICENCE, Slide, handout};
use crate::core::tr;

/// Frames to let the view, labels and panels settle before each picture (the card's type
/// fits itself to a long step over a few frames).
const SETTLE: u8 = 14;

/// What is being saved.
enum Kind {
    /// The view, to a file.
    View(PathBuf),
    /// A lesson's slides and handout, into a folder.
    Lesson(PathBuf),
}

/// An export under way.
struct Job {
    kind: Kind,
    /// The window's size before it was changed for the pictures, to go back to.
    restore_size: Option<Vec2>,
    /// The camera's easing before, the step shown and whether it was being presented.
    restore: (bool, usize, bool),
    /// Frames left to wait before the next picture.
    wait: u8,
    /// A picture has been asked for and has not arrived.
    pending: bool,
    /// The lesson's step being taken.
    step: usize,
    /// Each slide taken: its file name and the events shown on it.
    slides: Vec<(String, Vec<String>)>,
    /// Files being written.
    writes: Vec<Task<Result<(), String>>>,
    /// All pictures taken: waiting for the writes, then done.
    finishing: bool,
}

/// The export under way, and the picture the screenshot hands over.
#[derive(Resource, Default)]
struct Exporting {
    job: Option<Job>,
    picture: Arc<Mutex<Option<image::RgbImage>>>,
}

/// Adds exporting.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Exporting>().add_systems(
        Update,
        (headless, start, step).chain().in_set(AppSystems::Capture),
    );
}

/// `--export-lesson DIR`: once the lesson has opened, export it, then exit.
fn headless(
    settings: Res<Settings>,
    lesson: Res<LessonState>,
    mut asked: Local<bool>,
    mut out: MessageWriter<ExportRequest>,
) {
    let Some(dir) = &settings.export_lesson else {
        return;
    };
    if !*asked && lesson.lesson.is_some() && !lesson.loading() {
        *asked = true;
        out.write(ExportRequest::Lesson {
            dir: dir.clone(),
            size: settings.export_size,
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn start(
    mut requests: MessageReader<ExportRequest>,
    mut exporting: ResMut<Exporting>,
    mut progress: ResMut<ExportProgress>,
    mut window: WindowSize,
    mut cam: ResMut<MapCamera>,
    mut lesson: ResMut<LessonState>,
    mut to_lesson: MessageWriter<LessonRequest>,
    prefs: Res<UiPrefs>,
) {
    for r in requests.read() {
        if exporting.job.is_some() {
            continue;
        }
        let (kind, size) = match r {
            ExportRequest::View { path, size } => (Kind::View(path.clone()), *size),
            ExportRequest::Lesson { dir, size } => {
                let Some(l) = &lesson.lesson else {
                    progress.last = Some(Err(tr!(prefs.lang, "export-no-lesson")));
                    continue;
                };
                progress.running = Some((0, l.steps.len()));
                (Kind::Lesson(dir.clone()), *size)
            }
        };
        let before = window.get();
        let restore_size = size
            .map(|[w, h]| Vec2::new(w as f32, h as f32))
            .filter(|s| *s != before)
            .map(|s| {
                window.set(s);
                before
            });
        let restore = (cam.instant, lesson.step, lesson.presenting);
        if matches!(kind, Kind::Lesson(_)) {
            // Slides as the class sees them (presenting: the card, no chrome), each step's
            // view and date at once, not eased.
            cam.instant = true;
            lesson.exporting = true;
            to_lesson.write(LessonRequest::Present(true));
            to_lesson.write(LessonRequest::GoTo(0));
        }
        exporting.job = Some(Job {
            kind,
            restore_size,
            restore,
            wait: SETTLE,
            pending: false,
            step: 0,
            slides: Vec::new(),
            writes: Vec::new(),
            finishing: false,
        });
    }
}

/// The window's size, changed for the pictures and back.
#[derive(bevy::ecs::system::SystemParam)]
struct WindowSize<'w, 's> {
    window: Single<'w, 's, (Entity, &'static mut Window), With<PrimaryWindow>>,
    resized: MessageWriter<'w, WindowResized>,
}

impl WindowSize<'_, '_> {
    /// The window's size (logical pixels).
    fn get(&self) -> Vec2 {
        Vec2::new(self.window.1.width(), self.window.1.height())
    }

    /// Sets the window's size and says so at once: the cameras take their new size in the
    /// same frame as the window's surface. Waiting for the system's answer instead would draw
    /// one frame with the old depth buffer and the new surface, which the renderer refuses
    /// (and quits).
    fn set(&mut self, size: Vec2) {
        let (id, window) = &mut *self.window;
        window.resolution.set(size.x, size.y);
        self.resized.write(WindowResized {
            window: *id,
            width: size.x,
            height: size.y,
        });
    }
}

/// Writes a PNG on the IO pool.
fn write_png(img: image::RgbImage, path: PathBuf, lang: UiLang) -> Task<Result<(), String>> {
    IoTaskPool::get().spawn(async move {
        make_folder(&path, lang)?;
        img.save(&path).map_err(|e| cannot_write(&path, e, lang))
    })
}

/// Makes the folder a file goes into, or says why it cannot.
fn make_folder(path: &Path, lang: UiLang) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            tr!(
                lang,
                "export-cannot-make-folder",
                folder = dir.display().to_string(),
                error = e.to_string()
            )
        })?;
    }
    Ok(())
}

/// Why a file could not be written.
fn cannot_write(path: &Path, e: impl std::fmt::Display, lang: UiLang) -> String {
    tr!(
        lang,
        "export-cannot-write",
        file = path.display().to_string(),
        error = e.to_string()
    )
}

/// The bundled font's licence, written beside the handout with the font.
const FONT_LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

/// Writes bytes to a file on the IO pool.
fn write_bytes(bytes: &'static [u8], path: PathBuf, lang: UiLang) -> Task<Result<(), String>> {
    IoTaskPool::get().spawn(async move {
        make_folder(&path, lang)?;
        std::fs::write(&path, bytes).map_err(|e| cannot_write(&path, e, lang))
    })
}

/// Writes a text file on the IO pool.
fn write_text(text: String, path: PathBuf, lang: UiLang) -> Task<Result<(), String>> {
    IoTaskPool::get().spawn(async move {
        make_folder(&path, lang)?;
        std::fs::write(&path, text).map_err(|e| cannot_write(&path, e, lang))
    })
}

#[allow(clippy::too_many_arguments)]
fn step(
    mut commands: Commands,
    mut exporting: ResMut<Exporting>,
    mut progress: ResMut<ExportProgress>,
    mut window: WindowSize,
    mut cam: ResMut<MapCamera>,
    mut lesson: ResMut<LessonState>,
    (story, events, toggles): (Res<Story>, Option<Res<SceneEvents>>, Res<LayerToggles>),
    settings: Res<Settings>,
    mut to_lesson: MessageWriter<LessonRequest>,
    mut exit: MessageWriter<AppExit>,
    prefs: Res<UiPrefs>,
) {
    let lang = prefs.lang;
    let picture = exporting.picture.clone();
    let Some(job) = exporting.job.as_mut() else {
        return;
    };
    if job.finishing {
        job.writes
            .retain_mut(|t| match block_on(poll_once(&mut *t)) {
                Some(Ok(())) => false,
                Some(Err(e)) => {
                    progress.last = Some(Err(e));
                    false
                }
                None => true,
            });
        if !job.writes.is_empty() {
            return;
        }
        // Done: the window, the easing and the step as they were.
        if let Some(s) = job.restore_size {
            window.set(s);
        }
        cam.instant = job.restore.0;
        lesson.exporting = false;
        let result = match &job.kind {
            Kind::View(p) => tr!(lang, "export-saved-view", file = p.display().to_string()),
            Kind::Lesson(d) => {
                to_lesson.write(LessonRequest::GoTo(job.restore.1));
                to_lesson.write(LessonRequest::Present(job.restore.2));
                tr!(
                    lang,
                    "export-saved-lesson",
                    n = job.slides.len(),
                    folder = d.display().to_string()
                )
            }
        };
        if !matches!(progress.last, Some(Err(_))) || progress.running.is_none() {
            progress.last = Some(Ok(result.clone()));
        }
        progress.running = None;
        exporting.job = None;
        if settings.export_lesson.is_some() {
            match progress.last.clone() {
                Some(Err(e)) => {
                    eprintln!("dateline: error: {e}");
                    exit.write(AppExit::error());
                }
                _ => {
                    println!("dateline: {result}");
                    exit.write(AppExit::Success);
                }
            }
        }
        return;
    }
    if job.pending {
        // The picture arrives a frame or two after it is asked for.
        let Some(img) = picture.lock().ok().and_then(|mut p| p.take()) else {
            return;
        };
        job.pending = false;
        match &job.kind {
            Kind::View(path) => {
                job.writes.push(write_png(img, path.clone(), lang));
                job.finishing = true;
            }
            Kind::Lesson(dir) => {
                let name = format!("step-{:02}.png", job.step + 1);
                job.writes.push(write_png(img, dir.join(&name), lang));
                let shown: Vec<String> = events
                    .as_ref()
                    .map(|e| {
                        e.events
                            .iter()
                            .zip(story.events())
                            .filter(|(s, _)| s.visible)
                            .map(|(_, e)| e.id.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                job.slides.push((name, shown));
                let total = lesson.lesson.as_ref().map_or(0, |l| l.steps.len());
                progress.running = Some((job.slides.len(), total));
                if job.step + 1 < total {
                    job.step += 1;
                    job.wait = SETTLE;
                    to_lesson.write(LessonRequest::GoTo(job.step));
                } else {
                    job.writes.push(write_text(
                        handout_page(&lesson, &story, toggles.lang, &job.slides),
                        dir.join("handout.html"),
                        lang,
                    ));
                    // Its font and the font's licence beside it: Korean reads anywhere.
                    job.writes.push(write_bytes(
                        crate::core::atlas::bundled::font(),
                        dir.join(HANDOUT_FONT),
                        lang,
                    ));
                    job.writes.push(write_bytes(
                        FONT_LICENCE.as_bytes(),
                        dir.join(HANDOUT_FONT_LICENCE),
                        lang,
                    ));
                    job.finishing = true;
                }
            }
        }
        return;
    }
    let ready = match job.kind {
        Kind::View(_) => true,
        Kind::Lesson(_) => lesson.shown() && lesson.step == job.step,
    };
    if !ready {
        return;
    }
    if job.wait > 0 {
        job.wait -= 1;
        return;
    }
    job.pending = true;
    commands
        .spawn(Screenshot::primary_window())
        .observe(move |shot: On<ScreenshotCaptured>| {
            if let Ok(img) = shot.image.clone().try_into_dynamic()
                && let Ok(mut p) = picture.lock()
            {
                *p = Some(img.to_rgb8());
            }
        });
}

/// The handout of the lesson open: the slides' images and the sources of the events each
/// showed, highlighted events first.
fn handout_page(
    lesson: &LessonState,
    story: &Story,
    lang: crate::core::model::Lang,
    slides: &[(String, Vec<String>)],
) -> String {
    let Some(l) = &lesson.lesson else {
        return String::new();
    };
    let slides: Vec<Slide<'_>> = slides
        .iter()
        .zip(&l.steps)
        .map(|((image, shown), step)| {
            let mut ids: Vec<&String> = step.events.iter().collect();
            ids.extend(shown.iter().filter(|id| !step.events.contains(id)));
            Slide {
                image: image.clone(),
                events: ids.iter().filter_map(|id| story.get(id)).collect(),
            }
        })
        .collect();
    handout(l, lang, &slides)
}
