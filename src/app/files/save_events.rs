//! Events the user made or edited in the app, written to their GeoJSON file on the IO pool and
//! then opened (or read again), so they join the timeline like any other file. A new file is
//! never written over an existing one.

use bevy::prelude::*;
use bevy::tasks::{IoTaskPool, Task, block_on, poll_once};

use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::{OpenFile, SaveEvents};
use crate::app::state::systems::AppSystems;
use crate::core::tr;

/// Writes under way: the file and the result.
#[derive(Resource, Default)]
pub struct EventWrites {
    tasks: Vec<(std::path::PathBuf, Task<Result<(), String>>)>,
    /// The last write's result, for the editor: what was saved, or what went wrong.
    pub last: Option<Result<String, String>>,
}

/// Adds the writing of events files.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EventWrites>()
        .add_systems(Update, write.in_set(AppSystems::Input));
}

fn write(
    mut requests: MessageReader<SaveEvents>,
    mut writes: ResMut<EventWrites>,
    mut open: MessageWriter<OpenFile>,
    prefs: Res<UiPrefs>,
) {
    let lang = prefs.lang;
    for r in requests.read() {
        let SaveEvents {
            path,
            text,
            new_file,
        } = r.clone();
        let p = path.clone();
        writes.tasks.push((
            path,
            IoTaskPool::get().spawn(async move {
                if new_file && p.exists() {
                    return Err(tr!(
                        lang,
                        "events-file-exists",
                        file = p.display().to_string()
                    ));
                }
                std::fs::write(&p, text).map_err(|e| {
                    tr!(
                        lang,
                        "events-cannot-write",
                        file = p.display().to_string(),
                        error = e.to_string()
                    )
                })
            }),
        ));
    }
    let mut done = Vec::new();
    writes
        .tasks
        .retain_mut(|(p, t)| match block_on(poll_once(t)) {
            Some(r) => {
                done.push((p.clone(), r));
                false
            }
            None => true,
        });
    for (p, r) in done {
        writes.last = Some(match r {
            Ok(()) => {
                open.write(OpenFile(p.clone()));
                Ok(tr!(lang, "events-saved", file = p.display().to_string()))
            }
            Err(e) => Err(e),
        });
    }
}
