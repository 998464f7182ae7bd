//! The bundled Noto Sans KR for every panel, so Latin and Hangul share one set of metrics.

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
    fonts.font_data.insert(
        "noto-kr".into(),
        egui::FontData::from_static(crate::core::atlas::bundled::FONT).into(),
    );
    // Noto Sans KR first for text, so Latin and Hangul share one set of line metrics (with
    // it as a fallback only, mixed lines overlap the next line); egui's own fonts stay as
    // fallbacks for symbols.
    fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .insert(0, "noto-kr".into());
    fonts
        .families
        .entry(egui::FontFamily::Monospace)
        .or_default()
        .push("noto-kr".into());
    ctx.set_fonts(fonts);
    *done = true;
    Ok(())
}
