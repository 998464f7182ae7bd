//! Requests one feature sends another, as Bevy messages: the sender says what it wants, the
//! feature that owns the thing acts on it (one place handles each request).

use std::path::PathBuf;

use bevy::prelude::*;

use super::ids::FileId;
use crate::core::model::LonLat;
use crate::core::view::ViewSpec;

/// Select an event by id (`None`: close the card). Handled by the story, which moves the
/// clock to the event when it has not begun yet and, with `fly`, asks the camera to show it.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct SelectEvent {
    /// The event's id, or `None` to clear the selection.
    pub id: Option<String>,
    /// Move the map so the event's places are in view.
    pub fly: bool,
}

/// Move the map (or the globe) so these places are in view, not closer than `max_zoom`.
/// Handled by the camera.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct FlyTo {
    /// The places to show.
    pub places: Vec<LonLat>,
    /// The closest zoom to use (a single place would otherwise fill the screen).
    pub max_zoom: f64,
    /// Keep room on the right for the event card.
    pub card_room: bool,
    /// Jump there at once instead of flying (a place asked for on the command line).
    pub instant: bool,
}

/// Go back to the start view (the Home key and the Home button). Handled by the camera.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GoHome;

/// Show a named view or a place and zoom. Handled by the camera.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct ShowView(pub ViewSpec);

/// Switch between the flat map and the globe. Handled by the globe camera.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ToggleGlobe;

/// Open a file (or read it again when it is already open). Handled by the files.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct OpenFile(pub PathBuf);

/// Open a file given as its bytes and name (picked with the web page's file input or dropped
/// on it), or read it again from these bytes when a file of that name was given before.
/// Handled by the files.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct OpenBytes {
    /// The file's name (how problems name it; its ending tells its form).
    pub name: String,
    /// Its contents.
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// Show the Open… dialog. Handled by the files.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShowOpenDialog;

/// What to do with an opened file. Handled by the files.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum FileRequest {
    /// Read it again now (cancels a load in flight).
    Reload(FileId),
    /// Close it: off the map and the timeline (cancels a load in flight).
    Remove(FileId),
    /// Show or hide it on the map and the timeline.
    SetVisible(FileId, bool),
    /// Show or hide one group of its features (a TopoJSON object, a KML folder), by name.
    ShowGroup(FileId, String, bool),
    /// Size and shade its points by this numeric property (`None`: all alike).
    SizeBy(FileId, Option<String>),
}

/// Give the place search box the keyboard (Ctrl+F or /). Handled by the search box.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FocusSearch;

/// Save pictures: the view as a PNG, or a lesson's slides (one PNG per step) and its handout
/// (an HTML page). `size`: the picture's size in pixels (`None`: the window's). Handled by
/// the export.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum ExportRequest {
    /// The view as it is, to this PNG file.
    View {
        /// The file to write.
        path: PathBuf,
        /// Its size, if not the window's.
        size: Option<[u32; 2]>,
    },
    /// The lesson open, step by step, into this folder.
    Lesson {
        /// The folder to write into (made if missing).
        dir: PathBuf,
        /// The slides' size, if not the window's.
        size: Option<[u32; 2]>,
    },
}

/// How the last export went, for the UI: under way (slides done, of how many), and the
/// result of the last one (what was saved where, or what went wrong).
#[derive(Resource, Debug, Clone, Default)]
pub struct ExportProgress {
    /// Under way: pictures saved so far and how many in all.
    pub running: Option<(usize, usize)>,
    /// The last export's result.
    pub last: Option<Result<String, String>>,
}

/// Write an events file the user made or edited in the app, then open it (or read it again).
/// Handled by the files, off the frame.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct SaveEvents {
    /// The file.
    pub path: PathBuf,
    /// Its text (GeoJSON).
    pub text: String,
    /// The file is new: refuse to write over one that exists (it is not open, so its events
    /// would be lost).
    pub new_file: bool,
}

/// Registers every request.
pub(super) fn plugin(app: &mut App) {
    app.add_message::<SelectEvent>()
        .add_message::<FlyTo>()
        .add_message::<GoHome>()
        .add_message::<ShowView>()
        .add_message::<ToggleGlobe>()
        .add_message::<OpenFile>()
        .add_message::<OpenBytes>()
        .add_message::<ShowOpenDialog>()
        .add_message::<FileRequest>()
        .add_message::<FocusSearch>()
        .add_message::<ExportRequest>()
        .add_message::<SaveEvents>()
        .init_resource::<ExportProgress>()
        .init_resource::<Announcement>();
}

/// A sentence for screen readers and the sighted alike, shown briefly over the map and read
/// out (a live region): the place chosen by key, the date stepped to.
#[derive(Resource, Debug, Clone, Default)]
pub struct Announcement {
    /// What to say.
    pub text: String,
    /// Seconds it stays on screen.
    pub left: f32,
}

impl Announcement {
    /// Says something for a few seconds.
    pub fn say(&mut self, text: String) {
        self.text = text;
        self.left = 4.0;
    }
}
