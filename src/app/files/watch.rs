//! Files dropped on the window are opened; opened files are watched for saves (their
//! modification times read on the I/O task pool, never on the frame) and read again.

use bevy::platform::time::Instant;
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use bevy::tasks::futures::check_ready;
use bevy::tasks::{IoTaskPool, Task};
use bevy::window::FileDragAndDrop;

use super::load::mtime;
use super::store::OpenFiles;
use crate::app::state::requests::OpenFile;
use crate::app::state::story::FileId;
use crate::app::state::systems::AppSystems;

/// How often opened files are checked for changes.
pub const WATCH_EVERY: Duration = Duration::from_millis(700);

/// Each file's modification time, as one look found them.
type Times = Vec<(FileId, Option<SystemTime>)>;

/// The watcher: when it last looked, and the look in flight.
#[derive(Resource, Default)]
struct Watcher {
    last: Option<Instant>,
    task: Option<Task<Times>>,
}

/// Adds drag-and-drop and watching.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Watcher>()
        .add_systems(Update, (dropped, watch).chain().in_set(AppSystems::Input));
}

fn dropped(mut drops: MessageReader<FileDragAndDrop>, mut open: MessageWriter<OpenFile>) {
    for d in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = d {
            open.write(OpenFile(path_buf.clone()));
        }
    }
}

/// Starts a look at the files' modification times every [`WATCH_EVERY`], and reloads those
/// that changed when the look comes back.
fn watch(mut watcher: ResMut<Watcher>, mut files: ResMut<OpenFiles>) {
    if let Some(task) = &mut watcher.task {
        let Some(times) = check_ready(task) else {
            return;
        };
        watcher.task = None;
        for (id, m) in times {
            if let Some(f) = files.get_mut(id)
                && f.loading.is_none()
                && m.is_some()
                && m != f.mtime
            {
                f.reload();
            }
        }
    }
    let now = Instant::now();
    if watcher.last.is_some_and(|t| now - t < WATCH_EVERY) || files.files.is_empty() {
        return;
    }
    watcher.last = Some(now);
    let paths: Vec<_> = files
        .files
        .iter()
        .filter(|f| f.loading.is_none())
        .map(|f| (f.id, f.path.clone()))
        .collect();
    watcher.task = Some(
        IoTaskPool::get()
            .spawn(async move { paths.into_iter().map(|(id, p)| (id, mtime(&p))).collect() }),
    );
}
