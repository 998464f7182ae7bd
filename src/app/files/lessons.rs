//! Lesson files read off the frame: the file is read and parsed on the IO task pool, the files
//! it names are looked for inside its folder there too, and the lesson is handed to the
//! lesson state with every problem (its event and place ids checked against the story and the
//! atlas); the files it needs are opened with it. The bundled lesson is read the same way.
//! Saving (Save, Save as) and autosaving edits beside the file are done here too, and the
//! lesson's file is watched: saved by another program, it is read again (a version that
//! cannot be read leaves the last good one open, with its problems); unsaved edits in the app
//! are never replaced.

use bevy::platform::time::Instant;
use std::path::PathBuf;
use std::time::SystemTime;

use bevy::prelude::*;
use bevy::tasks::{IoTaskPool, Task, block_on, poll_once};

use super::load::mtime;
use super::watch::WATCH_EVERY;
use crate::app::state::lesson::{LessonRequest, LessonSource, LessonState};
use crate::app::state::requests::OpenFile;
use crate::app::state::settings::AtlasData;
use crate::app::state::story::Story;
use crate::app::state::systems::AppSystems;
use crate::core::lesson::{self, Known, LoadedLesson};
use crate::core::problem::{Place, Problem, Severity, Words};

/// A lesson as the task read it: the lesson and its problems so far, its name and folder, and
/// the files it needs that are in its folder.
struct Read {
    loaded: LoadedLesson,
    name: String,
    folder: Option<PathBuf>,
    files: Vec<PathBuf>,
    /// Its file and that file's modification time (`None` for the bundled lesson).
    path: Option<PathBuf>,
    mtime: Option<SystemTime>,
    /// Read again because the file changed (not opened anew).
    reload: bool,
}

/// The watch on the lesson's file: when it last looked, and the look in flight.
#[derive(Resource, Default)]
struct Watch {
    last: Option<Instant>,
    task: Option<Task<Option<SystemTime>>>,
}

/// The lesson being read, if any (a newer request replaces it).
#[derive(Resource, Default)]
struct Reading(Option<Task<Read>>);

/// A save under way: where to, and the write; and when the last autosave was.
#[derive(Resource, Default)]
struct Saving {
    task: Option<(PathBuf, Task<Written>)>,
    autosaved: f64,
}

/// Unsaved edits are written beside the lesson (or into the home folder for a new one)
/// this often, in seconds.
pub const AUTOSAVE_S: f64 = 20.0;

/// Where a lesson's unsaved edits are kept: `<file>.autosave` beside it, or
/// `~/dateline-new-lesson.dateline-lesson.json.autosave` for a lesson never saved.
pub fn autosave_path(path: Option<&PathBuf>) -> PathBuf {
    let file = path.cloned().unwrap_or_else(|| {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."))
            .join("dateline-new-lesson.dateline-lesson.json")
    });
    let mut name = file.into_os_string();
    name.push(".autosave");
    PathBuf::from(name)
}

/// Adds the reading, saving and autosaving of lessons.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Reading>()
        .init_resource::<Saving>()
        .init_resource::<Watch>()
        .add_systems(
            Update,
            (start, watch, finish, save, autosave)
                .chain()
                .in_set(AppSystems::Input),
        );
}

/// A save's result: the file's new modification time, or what went wrong.
type Written = Result<Option<SystemTime>, Words>;

/// Writes the lesson; its file's new modification time once written.
fn write(path: PathBuf, text: String) -> Task<Written> {
    IoTaskPool::get().spawn(async move {
        std::fs::write(&path, text).map_err(|e| {
            Words::key("lesson-cannot-save")
                .arg("file", path.display())
                .arg("error", e)
        })?;
        Ok(mtime(&path))
    })
}

/// Save and Save as: the lesson written on the IO pool; once written, it is the lesson's file.
fn save(
    mut requests: MessageReader<LessonRequest>,
    mut saving: ResMut<Saving>,
    mut state: ResMut<LessonState>,
) {
    for r in requests.read() {
        if let LessonRequest::Save(to) = r {
            let Some(l) = &state.lesson else { continue };
            let Some(path) = to.clone().or_else(|| state.path.clone()) else {
                state.problems = vec![Problem::worded(
                    Severity::Warning,
                    &state.name,
                    Place::File,
                    Words::key("lesson-no-file"),
                    Words::key("lesson-no-file-hint"),
                )];
                continue;
            };
            saving.task = Some((path.clone(), write(path, l.to_json())));
        }
    }
    let Some((path, task)) = saving.task.as_mut() else {
        return;
    };
    let Some(result) = block_on(poll_once(task)) else {
        return;
    };
    let path = path.clone();
    saving.task = None;
    match result {
        Ok(m) => {
            state.saved(path);
            // Its own save is not a change to read again.
            state.mtime = m;
        }
        Err(e) => {
            state.problems = vec![Problem::worded(
                Severity::Error,
                &path.display().to_string(),
                Place::File,
                e,
                Words::key("lesson-cannot-save-hint"),
            )];
        }
    }
}

/// Unsaved edits written beside the lesson every [`AUTOSAVE_S`] seconds (never over it).
fn autosave(time: Res<Time>, mut saving: ResMut<Saving>, state: Res<LessonState>) {
    let now = time.elapsed_secs_f64();
    if !state.dirty || now - saving.autosaved < AUTOSAVE_S || saving.task.is_some() {
        return;
    }
    let Some(l) = &state.lesson else { return };
    saving.autosaved = now;
    // Fire and forget: a failed autosave must not disturb the lesson; the next one retries.
    let (path, text) = (autosave_path(state.path.as_ref()), l.to_json());
    IoTaskPool::get()
        .spawn(async move {
            let _ = std::fs::write(path, text);
        })
        .detach();
}

/// On the task: read and parse, and look for the files it names in its folder (the file
/// problems of the check; ids are checked on the frame, against the story and the atlas).
fn read(source: LessonSource, reload: bool) -> Read {
    let path = match &source {
        LessonSource::File(p) => Some(p.clone()),
        LessonSource::Bundled => None,
    };
    // Before reading: a save between the two is then seen as a change at the next look.
    let modified = path.as_deref().and_then(mtime);
    let (loaded, name, folder) = match &source {
        LessonSource::Bundled => (
            lesson::parse(lesson::BUNDLED_NAME, lesson::BUNDLED),
            lesson::BUNDLED_NAME.to_string(),
            None,
        ),
        LessonSource::File(path) => {
            let name = path.display().to_string();
            let folder = path.parent().map(|f| f.to_path_buf());
            let loaded = match std::fs::read(path) {
                Ok(bytes) => lesson::parse(&name, &bytes),
                Err(e) => LoadedLesson {
                    lesson: None,
                    problems: vec![Problem::worded(
                        Severity::Error,
                        &name,
                        Place::File,
                        Words::key("lesson-cannot-read").arg("error", e),
                        Words::key("lesson-cannot-read-hint"),
                    )],
                },
            };
            (loaded, name, folder)
        }
    };
    let mut read = Read {
        loaded,
        name,
        folder,
        files: Vec::new(),
        path,
        mtime: modified,
        reload,
    };
    if let (Some(l), Some(dir)) = (&read.loaded.lesson, &read.folder) {
        let files_only = Known {
            event: &|_| true,
            place: &|_| true,
            folder: Some(dir),
        };
        let problems = lesson::check(l, &read.name, &files_only);
        read.loaded.problems.extend(problems);
        read.files = l
            .all_files()
            .into_iter()
            .filter_map(|f| lesson::resolve(dir, f).ok())
            .filter(|p| p.is_file())
            .collect();
    }
    read
}

fn start(
    mut requests: MessageReader<LessonRequest>,
    mut reading: ResMut<Reading>,
    mut state: ResMut<LessonState>,
) {
    for r in requests.read() {
        if let LessonRequest::Open(source) = r {
            let source = source.clone();
            reading.0 = Some(IoTaskPool::get().spawn(async move { read(source, false) }));
            state.reading = true;
        }
    }
}

fn finish(
    mut reading: ResMut<Reading>,
    mut state: ResMut<LessonState>,
    story: Option<Res<Story>>,
    atlas: Option<Res<AtlasData>>,
    mut open: MessageWriter<OpenFile>,
) {
    let Some(task) = reading.0.as_mut() else {
        return;
    };
    let Some(read) = block_on(poll_once(task)) else {
        return;
    };
    reading.0 = None;
    let Read {
        loaded,
        name,
        folder,
        files,
        path,
        mtime,
        reload,
    } = read;
    state.mtime = mtime;
    let Some(l) = loaded.lesson else {
        state.failed(loaded.problems);
        return;
    };
    let ids = Known {
        event: &|e| story.as_ref().is_some_and(|s| s.get(e).is_some()),
        place: &|p| {
            atlas
                .as_ref()
                .is_some_and(|a| a.0.places.iter().any(|x| x.id.as_deref() == Some(p)))
        },
        folder: None,
    };
    let mut problems = loaded.problems;
    problems.extend(lesson::check(&l, &name, &ids));
    if reload {
        state.reloaded(l, problems);
        return;
    }
    for f in files {
        open.write(OpenFile(f));
    }
    state.opened(l, name, folder, path, problems);
}

/// Looks at the lesson file's modification time every [`WATCH_EVERY`] on the IO pool; when
/// another program saved it, reads it again, unless the lesson has edits not yet saved: those
/// are kept, and the problems say the file changed.
fn watch(
    mut w: ResMut<Watch>,
    mut reading: ResMut<Reading>,
    saving: Res<Saving>,
    mut state: ResMut<LessonState>,
) {
    if let Some(task) = w.task.as_mut() {
        let Some(m) = block_on(poll_once(task)) else {
            return;
        };
        w.task = None;
        let busy = reading.0.is_some() || saving.task.is_some();
        if let (Some(path), Some(m), false) = (state.path.clone(), m, busy)
            && Some(m) != state.mtime
        {
            if state.dirty {
                state.mtime = Some(m);
                state.problems.push(Problem::worded(
                    Severity::Warning,
                    &path.display().to_string(),
                    Place::File,
                    Words::key("lesson-changed"),
                    Words::key("lesson-changed-hint"),
                ));
            } else {
                let source = LessonSource::File(path);
                reading.0 = Some(IoTaskPool::get().spawn(async move { read(source, true) }));
                state.reading = true;
            }
        }
    }
    let now = Instant::now();
    if w.last.is_some_and(|t| now - t < WATCH_EVERY) || w.task.is_some() {
        return;
    }
    let Some(path) = state.path.clone() else {
        return;
    };
    w.last = Some(now);
    w.task = Some(IoTaskPool::get().spawn(async move { mtime(&path) }));
}
