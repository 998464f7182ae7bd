//! Lesson files read off the frame: the file is read and parsed on the IO task pool, the files
//! it names are looked for inside its folder there too, and the lesson is handed to the
//! lesson state with every problem (its event and place ids checked against the story and the
//! atlas); the files it needs are opened with it. The bundled lesson is read the same way.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::tasks::{IoTaskPool, Task, block_on, poll_once};

use crate::app::state::lesson::{LessonRequest, LessonSource, LessonState};
use crate::app::state::requests::OpenFile;
use crate::app::state::settings::AtlasData;
use crate::app::state::story::Story;
use crate::app::state::systems::AppSystems;
use crate::core::lesson::{self, Known, LoadedLesson};
use crate::core::problem::{Place, Problem, Severity};

/// A lesson as the task read it: the lesson and its problems so far, its name and folder, and
/// the files it needs that are in its folder.
struct Read {
    loaded: LoadedLesson,
    name: String,
    folder: Option<PathBuf>,
    files: Vec<PathBuf>,
}

/// The lesson being read, if any (a newer request replaces it).
#[derive(Resource, Default)]
struct Reading(Option<Task<Read>>);

/// Adds the reading of lessons.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Reading>()
        .add_systems(Update, (start, finish).chain().in_set(AppSystems::Input));
}

/// On the task: read and parse, and look for the files it names in its folder (the file
/// problems of the check; ids are checked on the frame, against the story and the atlas).
fn read(source: LessonSource) -> Read {
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
                    problems: vec![Problem {
                        severity: Severity::Error,
                        file: name.clone(),
                        place: Place::File,
                        message: format!("cannot read the lesson ({e})"),
                        hint: "check the file's name and that you may read it".into(),
                    }],
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
            reading.0 = Some(IoTaskPool::get().spawn(async move { read(source) }));
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
    } = read;
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
    for f in files {
        open.write(OpenFile(f));
    }
    state.opened(l, name, folder, problems);
}
