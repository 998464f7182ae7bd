//! The opened files, each under a [`FileId`] given when it is opened: what loaded last (kept
//! when a later save is broken), the problems of the latest attempt, whether it is shown, its
//! colour, and the load in flight. Opening, reloading and closing are requests; finished
//! loads are taken here, keeping the last good version when a new one cannot be read.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use bevy::prelude::*;

use super::load::{Loading, start_loading, start_loading_bytes};
use crate::app::state::requests::{FileRequest, OpenBytes, OpenFile};
use crate::app::state::settings::Settings;
use crate::app::state::story::{Clock, FileId, Story};
use crate::app::state::systems::AppSystems;
use crate::app::theme::LAYER_COLOURS;
use crate::core::problem::{Problem, Severity};
use crate::core::userfile::{Content, Layer};

/// One opened file.
pub struct UserFile {
    /// Its key.
    pub id: FileId,
    /// Where it is (absolute).
    pub path: PathBuf,
    /// Its name as shown (file name).
    pub name: String,
    /// The last version that loaded (kept when a later save is broken).
    pub good: Option<Content>,
    /// Problems of the latest attempt.
    pub problems: Vec<Problem>,
    /// True when the latest attempt could not be read at all (the last good version shows).
    pub stale: bool,
    /// Shown on the map and the timeline.
    pub visible: bool,
    /// Colour index into the theme's layer colours.
    pub colour: usize,
    /// Modification time of the version loaded or being loaded.
    pub mtime: Option<SystemTime>,
    /// A load in flight (dropping it cancels the load).
    pub loading: Option<Loading>,
    /// Bumped when `good` changes, so its drawing is rebuilt.
    pub version: u64,
    /// The numeric property that sizes and shades a layer's points (`mag` for earthquakes).
    pub size_by: Option<String>,
    /// Groups of the layer the user hid (by name: a TopoJSON object, a KML folder).
    pub hidden_groups: std::collections::HashSet<String>,
    /// The bytes of a file given as bytes (picked or dropped in the web page), read again
    /// from here on reload; `None` for a file on disk.
    pub memory: Option<std::sync::Arc<Vec<u8>>>,
}

impl UserFile {
    /// Whether feature `i` of layer `l` of this file shows (its group is not hidden).
    pub fn shows_feature(&self, l: &Layer, i: usize) -> bool {
        l.group_of(i)
            .is_none_or(|g| !self.hidden_groups.contains(&l.groups[g].0))
    }
}

impl UserFile {
    /// Reads the file again now; a load in flight is cancelled (dropped).
    pub fn reload(&mut self) {
        self.loading = Some(match &self.memory {
            Some(bytes) => start_loading_bytes(bytes.clone(), &self.name),
            None => start_loading(&self.path, &self.name),
        });
    }

    /// Numbers of errors and warnings of the latest attempt.
    pub fn problem_counts(&self) -> (usize, usize) {
        let errors = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        (errors, self.problems.len() - errors)
    }
}

/// Something that happened to a file, for the windows that show files and problems.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum FileEvent {
    /// A file was opened (its load started).
    Opened(FileId),
    /// A load finished; `errors` when it found errors.
    Loaded {
        /// The file.
        id: FileId,
        /// Whether the attempt found errors.
        errors: bool,
    },
}

/// All opened files, in the order opened.
#[derive(Resource, Default)]
pub struct OpenFiles {
    /// The files.
    pub files: Vec<UserFile>,
    next_id: u64,
}

impl OpenFiles {
    /// The file with this id.
    pub fn get(&self, id: FileId) -> Option<&UserFile> {
        self.files.iter().find(|f| f.id == id)
    }

    /// The file with this id, to change.
    pub fn get_mut(&mut self, id: FileId) -> Option<&mut UserFile> {
        self.files.iter_mut().find(|f| f.id == id)
    }

    /// Opens a file, or reads it again when it is already open (the load in flight, if any,
    /// is cancelled). Returns its id, and whether it was not open before.
    pub fn open(&mut self, path: &Path) -> (FileId, bool) {
        let path = normalise(path);
        if let Some(f) = self.files.iter_mut().find(|f| f.path == path) {
            f.reload();
            return (f.id, false);
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.display().to_string());
        let loading = start_loading(&path, &name);
        (self.push(path, name, loading, None), true)
    }

    /// Opens a file given as its bytes (picked or dropped in the web page), or reads it
    /// again from the new bytes when a file of that name was given before (its last good
    /// version stays until the new one loads). Returns its id, and whether it is new.
    pub fn open_bytes(&mut self, name: &str, bytes: std::sync::Arc<Vec<u8>>) -> (FileId, bool) {
        if let Some(f) = self
            .files
            .iter_mut()
            .find(|f| f.memory.is_some() && f.name == name)
        {
            f.memory = Some(bytes);
            f.reload();
            return (f.id, false);
        }
        let loading = start_loading_bytes(bytes.clone(), name);
        let id = self.push(PathBuf::from(name), name.to_string(), loading, Some(bytes));
        (id, true)
    }

    fn push(
        &mut self,
        path: PathBuf,
        name: String,
        loading: Loading,
        memory: Option<std::sync::Arc<Vec<u8>>>,
    ) -> FileId {
        let id = FileId(self.next_id);
        self.next_id += 1;
        self.files.push(UserFile {
            id,
            loading: Some(loading),
            path,
            name,
            good: None,
            problems: Vec::new(),
            stale: false,
            visible: true,
            colour: id.0 as usize % LAYER_COLOURS.len(),
            mtime: None,
            version: 0,
            size_by: None,
            hidden_groups: Default::default(),
            memory,
        });
        id
    }

    /// True while any file is loading.
    pub fn busy(&self) -> bool {
        self.files.iter().any(|f| f.loading.is_some())
    }

    /// Number of errors and warnings across files.
    pub fn problem_counts(&self) -> (usize, usize) {
        self.files.iter().fold((0, 0), |(e, w), f| {
            let (fe, fw) = f.problem_counts();
            (e + fe, w + fw)
        })
    }
}

/// A path made absolute, with `.` and `..` folded, without touching the disk (no blocking
/// call on the frame): `a/../b.csv` and `b.csv` are the same file.
pub fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Puts a file's events on the story's timeline, or takes them off (hidden, closed, or not
/// an events file); a timed layer's days likewise.
pub fn sync_story(story: &mut Story, file: Option<&UserFile>, id: FileId) {
    let shown = file.filter(|f| f.visible);
    let events = shown.and_then(|f| match &f.good {
        Some(Content::Events(e)) => Some(e.clone()),
        _ => None,
    });
    if events.is_some() || story.has_file(id) {
        story.set_file(id, events);
    }
    let span = shown.and_then(|f| match &f.good {
        Some(Content::Layer(l)) => l.time.as_ref().map(|t| (t.first, t.last)),
        _ => None,
    });
    story.set_span(id, span);
}

/// The numeric property a layer's points are sized by at first: a magnitude if it has one.
pub fn default_size_by(layer: &Layer) -> Option<String> {
    layer
        .numeric
        .iter()
        .find(|n| {
            let k = n.name.to_ascii_lowercase();
            k == "mag" || k == "magnitude" || k == "size" || k == "value"
        })
        .map(|n| n.name.clone())
}

/// Adds the store and the open, reload, close and show/hide requests.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<OpenFiles>()
        .add_message::<FileEvent>()
        .add_systems(Startup, open_from_command_line)
        .add_systems(
            Update,
            (open_requests, file_requests, receive)
                .chain()
                .in_set(AppSystems::Input),
        );
}

fn open_from_command_line(settings: Res<Settings>, mut open: MessageWriter<OpenFile>) {
    for p in &settings.files {
        open.write(OpenFile(p.clone()));
    }
}

fn open_requests(
    mut requests: MessageReader<OpenFile>,
    mut given: MessageReader<OpenBytes>,
    mut files: ResMut<OpenFiles>,
    mut events: MessageWriter<FileEvent>,
) {
    for OpenFile(path) in requests.read() {
        if let (id, true) = files.open(path.as_path()) {
            events.write(FileEvent::Opened(id));
        }
    }
    for OpenBytes { name, bytes } in given.read() {
        if let (id, true) = files.open_bytes(name, bytes.clone()) {
            events.write(FileEvent::Opened(id));
        }
    }
}

fn file_requests(
    mut requests: MessageReader<FileRequest>,
    mut files: ResMut<OpenFiles>,
    story: Option<ResMut<Story>>,
) {
    let mut story = story;
    for r in requests.read() {
        match r.clone() {
            FileRequest::Reload(id) => {
                if let Some(f) = files.get_mut(id) {
                    f.reload();
                }
            }
            FileRequest::Remove(id) => {
                // Dropping the file cancels its load in flight.
                files.files.retain(|f| f.id != id);
                if let Some(s) = story.as_deref_mut() {
                    sync_story(s, None, id);
                }
            }
            FileRequest::ShowGroup(id, group, on) => {
                if let Some(f) = files.get_mut(id) {
                    if on {
                        f.hidden_groups.remove(&group);
                    } else {
                        f.hidden_groups.insert(group);
                    }
                }
            }
            FileRequest::SizeBy(id, by) => {
                if let Some(f) = files.get_mut(id) {
                    f.size_by = by;
                }
            }
            FileRequest::SetVisible(id, on) => {
                if let Some(f) = files.get_mut(id) {
                    f.visible = on;
                }
                if let Some(s) = story.as_deref_mut() {
                    sync_story(s, files.get(id), id);
                }
            }
        }
    }
}

/// Takes finished loads; keeps the last good version when a new one cannot be read, and
/// puts events files on the timeline.
fn receive(
    mut files: ResMut<OpenFiles>,
    mut story: Option<ResMut<Story>>,
    mut clock: Option<ResMut<Clock>>,
    mut events: MessageWriter<FileEvent>,
) {
    for f in &mut files.files {
        let Some(loading) = &mut f.loading else {
            continue;
        };
        let Some((opened, stamp)) = loading.finished() else {
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
        let errors = opened
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error);
        f.problems = opened.problems;
        match opened.content {
            Some(c) => {
                f.good = Some(c);
                f.stale = false;
                f.version += 1;
            }
            None => f.stale = f.good.is_some(),
        }
        if let Some(Content::Layer(l)) = &f.good {
            let keep = f
                .size_by
                .as_ref()
                .is_some_and(|k| l.numeric.iter().any(|n| &n.name == k));
            if !keep {
                f.size_by = default_size_by(l);
            }
        }
        let first_time = f.version == 1 && f.good.is_some();
        if let Some(s) = story.as_deref_mut() {
            sync_story(s, Some(f), f.id);
            // A timed layer opened while the date is outside it: the timeline narrows to its
            // days and shows the last, so everything it holds shows; Play unfolds it.
            if let (true, Some(Content::Layer(l)), Some(c)) =
                (first_time, &f.good, clock.as_deref_mut())
                && let Some(t) = &l.time
                && !(t.first as f64..=t.last as f64 + 1.0).contains(&c.date)
            {
                c.set_focus(Some((t.first, t.last)));
            }
        }
        events.write(FileEvent::Loaded { id: f.id, errors });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_without_the_disk() {
        let a = normalise(Path::new("/data/maps/../events/./week.csv"));
        assert_eq!(a, PathBuf::from("/data/events/week.csv"));
        let rel = normalise(Path::new("week.csv"));
        assert!(rel.is_absolute() && rel.ends_with("week.csv"));
    }
}
