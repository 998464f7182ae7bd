//! The egui panels: top bar (views, zoom, language, layers), legend, About/credits, controls.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::camera::MapCamera;
use super::map::{LAND, LayerToggles, SEA, line_style};
use super::{AppSystems, Settings};
use crate::core::atlas::LineKind;
use crate::core::model::Lang;
use crate::core::projection::Lcc;
use crate::core::view::ViewSpec;

/// Attribution text shown in the About panel (also in assets/CREDITS.txt).
pub const CREDITS: &str = include_str!("../../assets/CREDITS.txt");

/// Which windows are open.
#[derive(Resource, Debug, Default)]
pub struct UiState {
    /// About / credits.
    pub about: bool,
    /// Keyboard and mouse controls.
    pub help: bool,
    fonts_set: bool,
}

/// Adds the panels.
pub fn plugin(app: &mut App) {
    app.init_resource::<UiState>()
        .add_systems(EguiPrimaryContextPass, (install_fonts, panels).chain())
        .add_systems(Update, shortcuts.in_set(AppSystems::Input));
}

fn install_fonts(mut contexts: EguiContexts, mut state: ResMut<UiState>) -> Result {
    if state.fonts_set {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-kr".into(),
        egui::FontData::from_static(crate::core::atlas::bundled::FONT).into(),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-kr".into());
    }
    ctx.set_fonts(fonts);
    state.fonts_set = true;
    Ok(())
}

fn to_egui(c: Color) -> egui::Color32 {
    let s = c.to_srgba();
    egui::Color32::from_rgba_unmultiplied(
        (s.red * 255.0) as u8,
        (s.green * 255.0) as u8,
        (s.blue * 255.0) as u8,
        (s.alpha * 255.0) as u8,
    )
}

fn shortcuts(
    keys: Res<ButtonInput<KeyCode>>,
    mut state: ResMut<UiState>,
    mut toggles: ResMut<LayerToggles>,
) {
    if keys.just_pressed(KeyCode::F1) {
        state.help = !state.help;
    }
    if keys.just_pressed(KeyCode::KeyL) {
        toggles.lang = match toggles.lang {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::Both,
            Lang::Both => Lang::En,
        };
    }
    if keys.just_pressed(KeyCode::Escape) {
        state.about = false;
        state.help = false;
    }
}

fn panels(
    mut contexts: EguiContexts,
    mut state: ResMut<UiState>,
    mut toggles: ResMut<LayerToggles>,
    mut cam: ResMut<MapCamera>,
    settings: Res<Settings>,
    window: Single<&Window>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let size = [window.width() as f64, window.height() as f64];
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::Panel::top("top").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.strong("Dateline");
            ui.separator();
            ui.label("View:");
            for (name, spec) in [
                ("Korea", ViewSpec::Korea),
                ("Region", ViewSpec::Region),
                ("World", ViewSpec::World),
            ] {
                if ui
                    .button(name)
                    .on_hover_text(format!("Show the {} view", name.to_lowercase()))
                    .clicked()
                {
                    cam.target = spec.resolve(size, &Lcc::atlas());
                }
            }
            if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
                cam.zoom_about(-0.5, [size[0] / 2.0, size[1] / 2.0], size);
            }
            if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
                cam.zoom_about(0.5, [size[0] / 2.0, size[1] / 2.0], size);
            }
            if ui
                .button("Home")
                .on_hover_text("Back to the start view (Home)")
                .clicked()
            {
                cam.target = settings.view.resolve(size, &Lcc::atlas());
            }
            ui.separator();
            ui.label("Names:");
            for (lang, text) in [
                (Lang::En, "English"),
                (Lang::Ko, "한국어"),
                (Lang::Both, "Both"),
            ] {
                ui.selectable_value(&mut toggles.lang, lang, text);
            }
            ui.separator();
            ui.menu_button("Layers", |ui| {
                for kind in LineKind::ALL {
                    let on = toggles.lines.entry(kind).or_insert(true);
                    ui.checkbox(on, kind.name());
                }
                ui.checkbox(&mut toggles.graticule, "graticule");
            });
            if ui.button("Controls").on_hover_text("F1").clicked() {
                state.help = !state.help;
            }
            if ui.button("About").clicked() {
                state.about = !state.about;
            }
        });
    });

    egui::Area::new("legend".into())
        .anchor(egui::Align2::LEFT_BOTTOM, [8.0, -8.0])
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new("Legend").strong());
                let swatch = |ui: &mut egui::Ui, c: Color, text: &str| {
                    ui.horizontal(|ui| {
                        let (r, _) =
                            ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
                        ui.painter().rect_filled(r, 2.0, to_egui(c));
                        ui.label(text);
                    });
                };
                swatch(ui, LAND[0], "land (neighbours in different colours)");
                swatch(ui, SEA, "sea and lakes");
                for kind in [
                    LineKind::Coast,
                    LineKind::Border,
                    LineKind::Mdl,
                    LineKind::ProvinceKorea,
                    LineKind::River,
                ] {
                    let (c, w, dashed) = line_style(kind);
                    ui.horizontal(|ui| {
                        let (r, _) =
                            ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
                        let y = r.center().y;
                        let stroke = egui::Stroke::new(w, to_egui(c));
                        if dashed {
                            ui.painter().add(egui::Shape::dashed_line(
                                &[egui::pos2(r.left(), y), egui::pos2(r.right(), y)],
                                stroke,
                                4.0,
                                3.0,
                            ));
                        } else {
                            ui.painter().line_segment(
                                [egui::pos2(r.left(), y), egui::pos2(r.right(), y)],
                                stroke,
                            );
                        }
                        ui.label(kind.name());
                    });
                }
            });
        });

    if state.help {
        egui::Window::new("Controls")
            .open(&mut state.help)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for (k, v) in [
                        ("Drag", "move the map"),
                        ("Wheel, + / −", "zoom about the pointer"),
                        ("Arrow keys", "move the map"),
                        ("Home", "back to the start view"),
                        ("L", "names: English → 한국어 → both"),
                        ("F1", "show or hide this window"),
                        ("Esc", "close windows"),
                    ] {
                        ui.strong(k);
                        ui.label(v);
                        ui.end_row();
                    }
                });
            });
    }
    if state.about {
        egui::Window::new("About Dateline").open(&mut state.about).default_width(520.0).show(ctx, |ui| {
            ui.label("An offline atlas of the Korean peninsula and its region, for learning the geography of the news.");
            ui.separator();
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                ui.label(egui::RichText::new(CREDITS).monospace().size(11.0));
            });
        });
    }
    Ok(())
}
