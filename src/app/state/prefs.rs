//! The user's own choices kept between runs: the interface language (English or Korean),
//! kept in a small settings file in the user's config folder.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::tasks::IoTaskPool;
use serde::{Deserialize, Serialize};

use crate::core::i18n::UiLang;

/// Keeps the file in step with [`UiPrefs`].
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiPrefs>()
        .init_resource::<PrefsFile>()
        .add_systems(Last, save_prefs);
}

/// How the interface speaks (the names on the map are chosen apart, in the layer switches).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Default)]
pub struct UiPrefs {
    /// The interface language.
    pub lang: UiLang,
}

/// Where the settings file is (`None`: not kept, as in captures and tests).
#[derive(Resource, Debug, Clone, Default)]
pub struct PrefsFile(pub Option<PathBuf>);

/// The settings file's contents. Unknown fields are ignored and missing ones take their
/// defaults, so an older or newer Dateline reads it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StoredPrefs {
    /// `en` or `ko`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_lang: Option<String>,
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
    let stored = StoredPrefs {
        ui_lang: Some(prefs.lang.code().to_string()),
    };
    IoTaskPool::get()
        .spawn(async move {
            let json = serde_json::to_string_pretty(&stored).unwrap_or_default();
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, json + "\n"));
            if let Err(e) = written {
                warn!("could not keep the settings in {}: {e}", path.display());
            }
        })
        .detach();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_command_line_then_the_file_then_the_locale() {
        let stored = StoredPrefs {
            ui_lang: Some("ko".into()),
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
        };
        assert_eq!(initial_ui_lang(None, &bad, Some("en")), UiLang::En);
    }

    #[test]
    fn a_changed_language_is_written_to_the_file_and_read_back() {
        let dir = std::env::temp_dir().join(format!("dateline-prefs-{}", std::process::id()));
        let path = dir.join("sub").join("settings.json");
        let _ = std::fs::remove_dir_all(&dir);
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin));
        app.insert_resource(PrefsFile(Some(path.clone())));
        app.update();
        // Nothing written until the user changes something.
        assert!(!path.exists());
        app.world_mut().resource_mut::<UiPrefs>().lang = UiLang::Ko;
        app.update();
        // The write runs on the I/O pool: wait for it.
        for _ in 0..200 {
            if StoredPrefs::read(&path).ui_lang() == Some(UiLang::Ko) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(StoredPrefs::read(&path).ui_lang(), Some(UiLang::Ko));
        // A damaged file reads as the defaults.
        std::fs::write(&path, "{ not json").unwrap();
        assert_eq!(StoredPrefs::read(&path), StoredPrefs::default());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
