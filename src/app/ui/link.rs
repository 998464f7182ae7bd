//! The link to what is shown (`#view=…&mode=…&date=…&lang=…&lesson=…&step=…`): worked out
//! every frame from the view, the date, the languages, the selection and the lesson; kept
//! current in the web page's address; copied by the top bar's "Copy link" (the same part
//! after `#` on the desktop and on the web).

use bevy::prelude::*;

use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::LessonState;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::screen::Projector;
use crate::app::state::settings::BUNDLED_LESSON_ID;
use crate::app::state::story::{Clock, Selection};
use crate::app::state::systems::AppSystems;
use crate::core::link::{self, LinkState, Mode};
use crate::core::view::ViewSpec;

/// What is shown now as a link's state, written as the part after `#` (without it).
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct CurrentLink(pub String);

/// Adds the current link (and, in the web page, keeping the address current).
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CurrentLink>()
        .add_systems(Update, keep_current.in_set(AppSystems::Capture));
    #[cfg(target_arch = "wasm32")]
    app.add_systems(
        Update,
        address::write_address
            .after(keep_current)
            .in_set(AppSystems::Capture),
    );
}

/// The link state of what is shown: the view's centre and zoom (map or globe), the date and
/// time window, the names' and the interface's languages, the selected event, and the
/// bundled lesson's step (a lesson from a file has no id a link can carry).
pub fn link_state(
    projector: &Projector,
    clock: &Clock,
    toggles: &LayerToggles,
    ui: crate::core::i18n::UiLang,
    selection: &Selection,
    lesson: &LessonState,
) -> LinkState {
    let (center, mode) = match projector {
        Projector::Map(v, kind) => (v.center_lonlat(&kind.projection()), Mode::Map),
        Projector::Globe(g, _) => (g.center, Mode::Globe),
    };
    let bundled = lesson.lesson.is_some() && lesson.folder.is_none() && !lesson.loading();
    LinkState {
        view: Some(ViewSpec::At {
            center,
            zoom: projector.zoom(),
        }),
        mode: Some(mode),
        date: Some(clock.day()),
        window: Some(clock.window()),
        lang: Some(toggles.lang),
        ui: Some(ui),
        event: selection.event.clone(),
        lesson: bundled.then(|| BUNDLED_LESSON_ID.to_string()),
        step: bundled.then(|| (lesson.step + 1).to_string()),
    }
}

#[allow(clippy::too_many_arguments)]
fn keep_current(
    projector: Option<Res<Projector>>,
    clock: Option<Res<Clock>>,
    toggles: Res<LayerToggles>,
    prefs: Res<UiPrefs>,
    selection: Option<Res<Selection>>,
    lesson: Option<Res<LessonState>>,
    mut current: ResMut<CurrentLink>,
) {
    let (Some(p), Some(c), Some(s), Some(l)) = (
        projector.as_deref(),
        clock.as_deref(),
        selection.as_deref(),
        lesson.as_deref(),
    ) else {
        return;
    };
    let text = link::write(&link_state(p, c, &toggles, prefs.lang, s, l));
    if current.0 != text {
        current.0 = text;
    }
}

/// The web page's address, kept current without filling the browser's history.
#[cfg(target_arch = "wasm32")]
mod address {
    use super::CurrentLink;
    use bevy::platform::time::Instant;
    use bevy::prelude::*;

    /// Writes the link into the address at most twice a second (browsers refuse faster),
    /// and once more when the view settles.
    pub(super) fn write_address(
        current: Res<CurrentLink>,
        mut written: Local<Option<(String, Instant)>>,
    ) {
        if current.0.is_empty() || written.as_ref().is_some_and(|(w, _)| *w == current.0) {
            return;
        }
        if written
            .as_ref()
            .is_some_and(|(_, at)| at.elapsed().as_secs_f32() < 0.5)
        {
            return;
        }
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let url = format!("#{}", current.0);
        if history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .is_ok()
        {
            *written = Some((current.0.clone(), Instant::now()));
        }
    }
}
