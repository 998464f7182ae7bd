//! The Open… dialog's model: the folder shown and its GeoJSON/CSV files and sub-folders,
//! listed on the I/O task pool (never on the frame). Its window is `ui::open_dialog`.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::tasks::futures::check_ready;
use bevy::tasks::{IoTaskPool, Task};

use crate::app::state::requests::{OpenFile, ShowOpenDialog};
use crate::app::state::settings::Settings;
use crate::app::state::systems::AppSystems;

/// File name endings the dialog lists.
pub const OPENABLE: [&str; 7] = [
    ".geojson",
    ".json",
    ".topojson",
    ".csv",
    ".kml",
    ".kmz",
    ".zip",
];

/// What looking at a typed or clicked path found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Looked {
    /// A folder and its entries: (name, is a folder), folders first, by name.
    Folder(PathBuf, Vec<(String, bool)>),
    /// A file: open it.
    File(PathBuf),
    /// It cannot be opened or listed: why.
    Error(LookError),
}

/// Why a path could not be looked at, for the dialog to say in the interface's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookError {
    /// The path.
    pub path: PathBuf,
    /// True when it is a folder that could not be listed (false: it could not be opened).
    pub listing: bool,
    /// What the system said went wrong.
    pub kind: std::io::ErrorKind,
    /// The system's own words (English), for the kinds with no words of ours.
    pub detail: String,
}

impl LookError {
    fn new(path: &Path, listing: bool, e: std::io::Error) -> LookError {
        LookError {
            path: path.to_path_buf(),
            listing,
            kind: e.kind(),
            detail: e.to_string(),
        }
    }
}

/// Looks at a path: lists a folder, or says it is a file. Blocking: run it on a task.
pub fn look(path: &Path) -> Looked {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_dir() => return Looked::File(path.to_path_buf()),
        Ok(_) => {}
        Err(e) => {
            return Looked::Error(LookError::new(path, false, e));
        }
    }
    match std::fs::read_dir(path) {
        Ok(rd) => {
            let mut entries = Vec::new();
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if name.starts_with('.') {
                    continue;
                }
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                let lower = name.to_ascii_lowercase();
                if is_dir || OPENABLE.iter().any(|x| lower.ends_with(x)) {
                    entries.push((name, is_dir));
                }
            }
            entries.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(a.0.to_lowercase().cmp(&b.0.to_lowercase()))
            });
            Looked::Folder(path.to_path_buf(), entries)
        }
        Err(e) => Looked::Error(LookError::new(path, true, e)),
    }
}

/// The dialog's state.
#[derive(Debug, Default)]
pub struct Dialog {
    /// The folder shown.
    pub dir: PathBuf,
    /// The path in the text box.
    pub typed: String,
    /// Its entries: (name, is a folder).
    pub entries: Vec<(String, bool)>,
    /// Why the folder could not be listed.
    pub error: Option<LookError>,
    task: Option<Task<Looked>>,
}

impl Dialog {
    /// Looks at a path (a folder to list or a file to open) in the background.
    pub fn go(&mut self, path: PathBuf) {
        self.task = Some(IoTaskPool::get().spawn(async move { look(&path) }));
    }

    /// True while a folder is being listed.
    pub fn busy(&self) -> bool {
        self.task.is_some()
    }
}

/// The Open… dialog, when shown.
#[derive(Resource, Debug, Default)]
pub struct Browser(pub Option<Dialog>);

/// Adds the dialog's model: shown on request, its listings taken when ready.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Browser>()
        .add_systems(Startup, open_at_start)
        .add_systems(Update, (show, listed).chain().in_set(AppSystems::Input));
}

fn open_at_start(settings: Res<Settings>, mut show: MessageWriter<ShowOpenDialog>) {
    if settings.open_dialog {
        show.write(ShowOpenDialog);
    }
}

fn show(mut requests: MessageReader<ShowOpenDialog>, mut browser: ResMut<Browser>) {
    // The web page cannot list folders: its Open… is the browser's file picker (`page`).
    if cfg!(target_arch = "wasm32") {
        return;
    }
    if requests.read().count() > 0 && browser.0.is_none() {
        let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let mut d = Dialog {
            typed: dir.display().to_string(),
            dir: dir.clone(),
            ..default()
        };
        d.go(dir);
        browser.0 = Some(d);
    }
}

fn listed(mut browser: ResMut<Browser>, mut open: MessageWriter<OpenFile>) {
    let Some(d) = &mut browser.0 else {
        return;
    };
    let Some(task) = &mut d.task else {
        return;
    };
    let Some(looked) = check_ready(task) else {
        return;
    };
    d.task = None;
    match looked {
        Looked::Folder(dir, entries) => {
            d.typed = dir.display().to_string();
            d.dir = dir;
            d.entries = entries;
            d.error = None;
        }
        Looked::File(path) => {
            open.write(OpenFile(path));
            browser.0 = None;
        }
        Looked::Error(e) => d.error = Some(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_subfolders_first_then_openable_files() {
        let dir = std::env::temp_dir().join(format!("dateline-browse-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("zeta")).unwrap();
        for f in ["b.csv", "A.geojson", "notes.txt", ".hidden.json"] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let Looked::Folder(_, entries) = look(&dir) else {
            panic!("not a folder")
        };
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["zeta", "A.geojson", "b.csv"]);
        assert_eq!(look(&dir.join("b.csv")), Looked::File(dir.join("b.csv")));
        assert!(matches!(look(&dir.join("missing")), Looked::Error(..)));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
