//! The Save window: the view as a PNG (Ctrl+Shift+S, Save… in the top bar) or the lesson's slides and
//! handout, at the window's size or a chosen one, into a folder the user can change; with the
//! export's progress and result.

use std::path::{Path, PathBuf};

use crate::app::state::prefs::UiPrefs;
use crate::core::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::cover_window;
use crate::app::camera::pointer::typing;
use crate::app::state::lesson::LessonState;
use crate::app::state::requests::{ExportProgress, ExportRequest};
use crate::app::state::screen::{TextFocus, UiLayout};
use crate::app::state::systems::AppSystems;
use crate::core::timeline::{day_number, iso};

/// What the Save window saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SaveWhat {
    /// The view as it is.
    #[default]
    View,
    /// The lesson's slides and handout.
    Lesson,
}

/// The Save window's state.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveWindow {
    /// Shown.
    pub open: bool,
    /// What it saves.
    pub what: SaveWhat,
    /// The size chosen (an index into [`SIZES`]).
    pub size: usize,
    /// The folder, as typed.
    pub folder: String,
}

/// The sizes offered: the window's (named from the catalogue), HD and full HD (a
/// projector's usual sizes).
pub const SIZES: [(&str, Option<[u32; 2]>); 3] = [
    ("", None),
    ("1280 × 720", Some([1280, 720])),
    ("1920 × 1080", Some([1920, 1080])),
];

/// Where pictures go unless the user says otherwise: the Pictures folder in their home.
pub fn default_folder() -> PathBuf {
    std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join("Pictures"))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A picture of the view's file name in `dir`: `dateline-<date>-<time>.png` (UTC).
pub fn view_file(dir: &Path, unix_secs: u64) -> PathBuf {
    let days = (unix_secs / 86_400) as i64;
    let secs = unix_secs % 86_400;
    let date = iso(day_number(1970, 1, 1) + days);
    dir.join(format!(
        "dateline-{date}-{:02}{:02}{:02}.png",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    ))
}

/// A name for a folder: lowercase letters, digits and dashes (Hangul kept).
fn folder_name(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let parts: Vec<&str> = s.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "lesson".into()
    } else {
        parts.join("-")
    }
}

/// Adds the Save window and Ctrl+Shift+S.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SaveWindow>()
        .add_systems(Update, shortcut.in_set(AppSystems::Input))
        .add_systems(
            EguiPrimaryContextPass,
            save_window.in_set(AppSystems::UiOverlays),
        );
}

fn shortcut(
    keys: Res<ButtonInput<KeyCode>>,
    text: Option<Res<TextFocus>>,
    mut window: ResMut<SaveWindow>,
) {
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if !typing(text.as_deref()) && ctrl && shift && keys.just_pressed(KeyCode::KeyS) {
        window.open = true;
        window.what = SaveWhat::View;
    }
}

fn save_window(
    mut contexts: EguiContexts,
    mut state: ResMut<SaveWindow>,
    lesson: Res<LessonState>,
    progress: Res<ExportProgress>,
    mut layout: ResMut<UiLayout>,
    mut out: MessageWriter<ExportRequest>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if !state.open || lesson.presenting {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    if state.folder.is_empty() {
        state.folder = default_folder().display().to_string();
    }
    let mut open = true;
    let shown = egui::Window::new(tr!(lang, "save-title"))
        .id(egui::Id::new("save-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(360.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut state.what, SaveWhat::View, tr!(lang, "save-view-png"));
                let has = lesson.lesson.is_some();
                ui.add_enabled_ui(has, |ui| {
                    ui.selectable_value(
                        &mut state.what,
                        SaveWhat::Lesson,
                        tr!(lang, "save-lesson"),
                    )
                    .on_disabled_hover_text(tr!(lang, "save-lesson-first"));
                });
            });
            ui.label(tr!(lang, "save-size"));
            for (i, (name, size)) in SIZES.iter().enumerate() {
                let name = match size {
                    None => tr!(lang, "save-window-size"),
                    Some(_) => name.to_string(),
                };
                ui.radio_value(&mut state.size, i, name);
            }
            ui.horizontal(|ui| {
                ui.label(tr!(lang, "save-folder"));
                ui.text_edit_singleline(&mut state.folder);
            });
            let dir = PathBuf::from(state.folder.trim());
            let size = SIZES.get(state.size).and_then(|s| s.1);
            let busy = progress.running.is_some();
            match state.what {
                SaveWhat::View => {
                    ui.label(egui::RichText::new(tr!(lang, "save-view-where")).small());
                    if ui
                        .add_enabled(!busy, egui::Button::new(tr!(lang, "save-view-button")))
                        .clicked()
                    {
                        let now = std::time::SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .map_or(0, |d| d.as_secs());
                        out.write(ExportRequest::View {
                            path: view_file(&dir, now),
                            size,
                        });
                    }
                }
                SaveWhat::Lesson => {
                    let title = lesson
                        .lesson
                        .as_ref()
                        .map(|l| {
                            l.title
                                .en
                                .clone()
                                .or(l.title.ko.clone())
                                .unwrap_or_default()
                        })
                        .unwrap_or_default();
                    let target = dir.join(format!("{}-handout", folder_name(&title)));
                    ui.label(
                        egui::RichText::new(tr!(
                            lang,
                            "save-lesson-where",
                            folder = target.display().to_string()
                        ))
                        .small(),
                    );
                    if ui
                        .add_enabled(!busy, egui::Button::new(tr!(lang, "save-lesson-button")))
                        .clicked()
                    {
                        out.write(ExportRequest::Lesson { dir: target, size });
                    }
                }
            }
            if let Some((done, total)) = progress.running {
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32).text(tr!(
                        lang,
                        "save-progress",
                        done = done,
                        total = total
                    )),
                );
            }
            match &progress.last {
                Some(Ok(msg)) => {
                    ui.label(egui::RichText::new(msg).small());
                }
                Some(Err(e)) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        tr!(lang, "save-failed", error = e.as_str()),
                    );
                }
                None => {}
            }
        });
    cover_window(&mut layout, shown);
    if !open {
        state.open = false;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_for_pictures_and_folders() {
        // 2026-11-26 12:34:56 UTC.
        let f = view_file(Path::new("/tmp"), 1_795_696_496);
        assert_eq!(f, PathBuf::from("/tmp/dateline-2026-11-26-123456.png"));
        assert_eq!(
            folder_name("From Hamhung to Kursk"),
            "from-hamhung-to-kursk"
        );
        assert_eq!(
            folder_name("함흥에서 쿠르스크까지"),
            "함흥에서-쿠르스크까지"
        );
        assert_eq!(folder_name("../.."), "lesson");
    }
}
