//! The user's own choices kept between runs: the interface language (English or Korean), the
//! interface's text size and the high-contrast panels, kept in a small settings file in the
//! user's config folder.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bevy::tasks::IoTaskPool;
use serde::{Deserialize, Serialize};

use crate::core::i18n::UiLang;

/// Keeps the file in step with [`UiPrefs`].
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiPrefs>()
        .init_resource::<PrefsFile>()
        .add_systems(Last, save_prefs);
}

/// How the interface speaks and looks (the names on the map are chosen apart, in the layer
/// switches).
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct UiPrefs {
    /// The interface language.
    pub lang: UiLang,
    /// The panels' text and spacing, 1 = egui's own ([`MIN_SCALE`]–[`MAX_SCALE`]).
    pub scale: f32,
    /// Black-and-white panels with yellow (or blue) selection and focus.
    pub high_contrast: bool,
}

impl Default for UiPrefs {
    fn default() -> Self {
        UiPrefs {
            lang: UiLang::default(),
            scale: 1.0,
            high_contrast: false,
        }
    }
}

/// The smallest interface scale.
pub const MIN_SCALE: f32 = 0.8;
/// The largest interface scale (text at 2× still leaves the map room on 1280×800).
pub const MAX_SCALE: f32 = 2.0;
/// One step of Ctrl + or Ctrl −.
pub const SCALE_STEP: f32 = 0.1;

impl UiPrefs {
    /// One step larger (`1`) or smaller (`-1`), kept within the limits and to one decimal.
    pub fn step_scale(&mut self, dir: i32) {
        let s = self.scale + dir as f32 * SCALE_STEP;
        self.scale = ((s * 10.0).round() / 10.0).clamp(MIN_SCALE, MAX_SCALE);
    }
}

/// Where the settings file is (`None`: not kept, as in captures and tests), and the number of
/// the latest save (an older save still running when a newer one starts does not write).
#[derive(Resource, Debug, Clone, Default)]
pub struct PrefsFile(pub Option<PathBuf>, pub Arc<AtomicU64>);

impl PrefsFile {
    /// The settings kept in this file.
    pub fn at(path: Option<PathBuf>) -> PrefsFile {
        PrefsFile(path, Arc::default())
    }
}

/// The settings file's contents. Unknown fields are ignored and missing ones take their
/// defaults, so an older or newer Dateline reads it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StoredPrefs {
    /// `en` or `ko`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_lang: Option<String>,
    /// The interface's scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_scale: Option<f32>,
    /// High-contrast panels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_contrast: Option<bool>,
}

impl StoredPrefs {
    /// Reads the file; a missing or damaged one gives the defaults (it is rewritten when the
    /// user next changes a setting).
    pub fn read(path: &Path) -> StoredPrefs {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// The interface language stored, if any and valid.
    pub fn ui_lang(&self) -> Option<UiLang> {
        self.ui_lang.as_deref().and_then(|s| UiLang::parse(s).ok())
    }

    /// The scale stored, within the limits (a damaged value gives 1).
    pub fn ui_scale(&self) -> f32 {
        self.ui_scale
            .filter(|s| s.is_finite())
            .map_or(1.0, |s| s.clamp(MIN_SCALE, MAX_SCALE))
    }
}

/// The settings file: `$XDG_CONFIG_HOME/dateline/settings.json`, else
/// `~/.config/dateline/settings.json` (`%APPDATA%\dateline` on Windows).
pub fn default_prefs_path() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = env("XDG_CONFIG_HOME")
        .or_else(|| env("APPDATA"))
        .or_else(|| env("HOME").map(|h| h.join(".config")))?;
    Some(base.join("dateline").join("settings.json"))
}

/// The interface language at start: the command line's, else the one stored, else the
/// system's locale (Korean for a Korean locale, English otherwise).
pub fn initial_ui_lang(cli: Option<UiLang>, stored: &StoredPrefs, locale: Option<&str>) -> UiLang {
    cli.or_else(|| stored.ui_lang())
        .unwrap_or_else(|| locale.map(UiLang::from_locale).unwrap_or_default())
}

/// Writes the file when the user changes a setting, on the I/O pool (never in the frame).
fn save_prefs(prefs: Res<UiPrefs>, file: Res<PrefsFile>) {
    if !prefs.is_changed() || prefs.is_added() {
        return;
    }
    let Some(path) = file.0.clone() else {
        return;
    };
    let ours = StoredPrefs {
        ui_lang: Some(prefs.lang.code().to_string()),
        ui_scale: Some(prefs.scale),
        high_contrast: Some(prefs.high_contrast),
    };
    let latest = file.1.clone();
    let this = latest.fetch_add(1, Ordering::SeqCst) + 1;
    IoTaskPool::get()
        .spawn(async move {
            if latest.load(Ordering::SeqCst) != this {
                return;
            }
            if let Err(e) = write_prefs(&path, &ours) {
                warn!("could not keep the settings in {}: {e}", path.display());
            }
        })
        .detach();
}

/// Writes our settings into the file, keeping what else it holds (a newer Dateline's
/// settings), through a temporary file renamed over it: a crash mid-write leaves the old file.
fn write_prefs(path: &Path, ours: &StoredPrefs) -> std::io::Result<()> {
    let mut all: serde_json::Map<String, serde_json::Value> = std::fs::read_to_string(path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    if let Ok(serde_json::Value::Object(o)) = serde_json::to_value(ours) {
        all.extend(o);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_string_pretty(&all).unwrap_or_default() + "\n";
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, json)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_command_line_then_the_file_then_the_locale() {
        let stored = StoredPrefs {
            ui_lang: Some("ko".into()),
            ..Default::default()
        };
        let none = StoredPrefs::default();
        assert_eq!(
            initial_ui_lang(Some(UiLang::En), &stored, Some("ko_KR.UTF-8")),
            UiLang::En
        );
        assert_eq!(initial_ui_lang(None, &stored, Some("en_US")), UiLang::Ko);
        assert_eq!(
            initial_ui_lang(None, &none, Some("ko_KR.UTF-8")),
            UiLang::Ko
        );
        assert_eq!(initial_ui_lang(None, &none, None), UiLang::En);
        let bad = StoredPrefs {
            ui_lang: Some("tlh".into()),
            ui_scale: Some(f32::NAN),
            high_contrast: None,
        };
        assert_eq!(bad.ui_scale(), 1.0);
        assert_eq!(
            StoredPrefs {
                ui_scale: Some(9.0),
                ..Default::default()
            }
            .ui_scale(),
            MAX_SCALE
        );
        assert_eq!(initial_ui_lang(None, &bad, Some("en")), UiLang::En);
    }

    #[test]
    fn a_changed_language_is_written_to_the_file_and_read_back() {
        let dir = std::env::temp_dir().join(format!("dateline-prefs-{}", std::process::id()));
        let path = dir.join("sub").join("settings.json");
        let _ = std::fs::remove_dir_all(&dir);
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin));
        app.insert_resource(PrefsFile::at(Some(path.clone())));
        app.update();
        // Nothing written until the user changes something.
        assert!(!path.exists());
        {
            let mut prefs = app.world_mut().resource_mut::<UiPrefs>();
            prefs.lang = UiLang::Ko;
            prefs.high_contrast = true;
            prefs.step_scale(1);
            prefs.step_scale(1);
        }
        app.update();
        // The write runs on the I/O pool: wait for it.
        for _ in 0..200 {
            if StoredPrefs::read(&path).ui_lang() == Some(UiLang::Ko) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let read = StoredPrefs::read(&path);
        assert_eq!(read.ui_lang(), Some(UiLang::Ko));
        assert_eq!(read.ui_scale(), 1.2);
        assert_eq!(read.high_contrast, Some(true));
        // Settings of a newer Dateline in the file are kept when ours are written.
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace('{', "{\n  \"future\": 7,");
        std::fs::write(&path, text).unwrap();
        app.world_mut().resource_mut::<UiPrefs>().high_contrast = false;
        app.update();
        for _ in 0..200 {
            if StoredPrefs::read(&path).high_contrast == Some(false) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let kept = std::fs::read_to_string(&path).unwrap();
        assert!(
            kept.contains("\"future\": 7") && kept.contains("\"high_contrast\": false"),
            "{kept}"
        );
        // A damaged file reads as the defaults.
        std::fs::write(&path, "{ not json").unwrap();
        assert_eq!(StoredPrefs::read(&path), StoredPrefs::default());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_scale_steps_by_a_tenth_within_its_limits() {
        let mut p = UiPrefs::default();
        p.step_scale(1);
        assert_eq!(p.scale, 1.1);
        for _ in 0..30 {
            p.step_scale(1);
        }
        assert_eq!(p.scale, MAX_SCALE);
        for _ in 0..30 {
            p.step_scale(-1);
        }
        assert_eq!(p.scale, MIN_SCALE);
    }
}
