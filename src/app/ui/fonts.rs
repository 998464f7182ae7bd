//! The bundled Dateline Sans KR (a Noto Sans KR subset) for every panel, so Latin and Hangul share one set of metrics.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::state::systems::AppSystems;

/// Installs the font once, before the first panel.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        install_fonts.in_set(AppSystems::UiSetup),
    );
}

fn install_fonts(mut contexts: EguiContexts, mut done: Local<bool>) -> Result {
    if *done {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut fonts = egui::FontDefinitions::default();
    // The web page leaves out egui's Latin and monospace fonts (0.7 MB of its size budget):
    // the bundled font serves both there, with egui's two symbol fonts as fallbacks.
    #[cfg(target_arch = "wasm32")]
    for (name, data) in [
        ("emoji", epaint_default_fonts::NOTO_EMOJI_REGULAR),
        ("icons", epaint_default_fonts::EMOJI_ICON),
    ] {
        fonts
            .font_data
            .insert(name.into(), egui::FontData::from_static(data).into());
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.into());
        }
    }
    fonts.font_data.insert(
        "noto-kr".into(),
        egui::FontData::from_static(crate::core::atlas::bundled::font()).into(),
    );
    // The bundled font first for text, so Latin and Hangul share one set of line metrics (with
    // it as a fallback only, mixed lines overlap the next line); egui's own fonts stay as
    // fallbacks for symbols.
    fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .insert(0, "noto-kr".into());
    let mono = fonts
        .families
        .entry(egui::FontFamily::Monospace)
        .or_default();
    if cfg!(target_arch = "wasm32") {
        mono.insert(0, "noto-kr".into());
    } else {
        mono.push("noto-kr".into());
    }
    ctx.set_fonts(fonts);
    *done = true;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string literals of the app's sources (some of what the interface can show), roughly: the
    /// text between double quotes, escapes kept as written.
    fn ui_text() -> String {
        fn walk(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let src = std::fs::read_to_string(&path).unwrap();
                    for (i, part) in src.split('"').enumerate() {
                        if i % 2 == 1 {
                            out.push_str(part);
                        }
                    }
                }
            }
        }
        let mut out = String::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    #[test]
    fn every_character_of_the_interface_has_a_glyph() {
        // Panels use the bundled font first and egui's own fonts as fallbacks (symbols such as
        // ⏮ ⏸ ⏭ come from its icon font): each character must be in one of them.
        let defaults = egui::FontDefinitions::default();
        let fonts: Vec<&[u8]> = std::iter::once(crate::core::atlas::bundled::font())
            .chain(defaults.font_data.values().map(|d| &*d.font))
            .collect();
        // The code's literals and both message catalogues.
        let text = ui_text() + crate::core::i18n::en_ftl() + crate::core::i18n::ko_ftl();
        assert!(
            text.contains("route not reported") && text.contains("타임라인"),
            "the walk found no UI text"
        );
        let missing: Vec<char> = crate::core::labels::missing_in_font(fonts[0], &text)
            .into_iter()
            .filter(|c| {
                fonts[1..]
                    .iter()
                    .all(|f| !crate::core::labels::missing_in_font(f, &c.to_string()).is_empty())
            })
            .collect();
        assert!(missing.is_empty(), "no glyph in any font for {missing:?}");
    }
}
