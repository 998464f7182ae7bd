//! The panels' look: the theme follows the map's style (dark beside the atlas on a screen,
//! light with the projector style, where dark panels turn murky on a projector), in the
//! high-contrast variant when chosen, with text and spacing at the interface's scale.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::state::layers::LayerToggles;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::labels::MapStyle;

/// Switches egui's theme and style when the map's style or the user's choices change.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        follow_style.in_set(AppSystems::UiSetup),
    );
}

/// The egui theme of a map style.
pub fn theme_of(style: MapStyle) -> egui::Theme {
    match style {
        MapStyle::Atlas => egui::Theme::Dark,
        MapStyle::Projector => egui::Theme::Light,
    }
}

/// egui's style for a theme, in the high-contrast variant or not, with text and spacing
/// `scale` times egui's own.
pub fn panel_style(theme: egui::Theme, high_contrast: bool, scale: f32) -> egui::Style {
    let mut style = egui::Style {
        visuals: theme::panel_visuals(theme == egui::Theme::Dark, high_contrast),
        ..Default::default()
    };
    for font in style.text_styles.values_mut() {
        font.size *= scale;
    }
    let s = &mut style.spacing;
    s.item_spacing *= scale;
    s.button_padding *= scale;
    s.menu_margin = egui::Margin::same((f32::from(s.menu_margin.left) * scale) as i8);
    s.indent *= scale;
    s.interact_size *= scale;
    s.slider_width *= scale;
    s.combo_width *= scale;
    s.text_edit_width *= scale;
    s.icon_width *= scale;
    s.icon_width_inner *= scale;
    s.icon_spacing *= scale;
    s.combo_height *= scale;
    style
}

fn follow_style(
    mut contexts: EguiContexts,
    toggles: Res<LayerToggles>,
    prefs: Res<UiPrefs>,
    mut shown: Local<Option<(MapStyle, bool, f32)>>,
) -> Result {
    let want = (toggles.style, prefs.high_contrast, prefs.scale);
    if *shown == Some(want) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let theme = theme_of(toggles.style);
    ctx.set_style_of(theme, panel_style(theme, prefs.high_contrast, prefs.scale));
    ctx.set_theme(theme);
    *shown = Some(want);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_sizes_text_and_spacing_and_the_theme_keeps_its_colours() {
        let one = panel_style(egui::Theme::Dark, false, 1.0);
        let big = panel_style(egui::Theme::Dark, true, 1.5);
        let body = |s: &egui::Style| s.text_styles[&egui::TextStyle::Body].size;
        assert!((body(&big) / body(&one) - 1.5).abs() < 1e-4);
        assert!((big.spacing.interact_size.y / one.spacing.interact_size.y - 1.5).abs() < 1e-4);
        assert_eq!(big.visuals.panel_fill, egui::Color32::BLACK);
        assert!(
            one.visuals.dark_mode
                && !panel_style(egui::Theme::Light, false, 1.0)
                    .visuals
                    .dark_mode
        );
    }
}
