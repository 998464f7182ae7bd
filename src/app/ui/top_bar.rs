//! The egui panels: top bar (views, zoom, language, layers), legend, About/credits, controls.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::camera::MapCamera;
use super::map::{LAND, LayerToggles, SEA, line_style};
use super::{AppSystems, MapInsets, Settings, TOP_BAR_H, UiLayout};
use crate::core::atlas::LineKind;
use crate::core::model::Lang;
use crate::core::projection::Lcc;
use crate::core::view::Insets;
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
        .add_systems(
            EguiPrimaryContextPass,
            (
                install_fonts.in_set(AppSystems::UiSetup),
                top_bar.in_set(AppSystems::UiTop),
                overlays.in_set(AppSystems::UiOverlays),
            ),
        )
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
    state.fonts_set = true;
    Ok(())
}

/// Shows a panel in the area the earlier panels left free, and records what it covered.
pub fn show_panel<R>(
    ctx: &egui::Context,
    layout: &mut UiLayout,
    panel: egui::Panel,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let free = layout.free.unwrap_or_else(|| ctx.viewport_rect());
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new(("panel-root", free.min.x as i32, free.min.y as i32)),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(free),
    );
    let r = panel.show(&mut root, add_contents);
    let rect = r.response.rect;
    layout
        .covered
        .push([rect.left(), rect.top(), rect.right(), rect.bottom()]);
    layout.free = Some(root.available_rect_before_wrap());
    r.inner
}

/// Converts a Bevy colour for egui.
pub fn to_egui(c: Color) -> egui::Color32 {
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
    egui: Option<Res<bevy_egui::input::EguiWantsInput>>,
    mut state: ResMut<UiState>,
    mut toggles: ResMut<LayerToggles>,
    mut files: ResMut<super::files::OpenFiles>,
) {
    // Keys typed into a text box are not shortcuts.
    if egui.is_some_and(|e| e.wants_keyboard_input()) {
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if ctrl && keys.just_pressed(KeyCode::KeyO) {
        files.dialog = Some(super::files::OpenDialog::new());
    }
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

#[allow(clippy::too_many_arguments)]
fn top_bar(
    mut contexts: EguiContexts,
    mut state: ResMut<UiState>,
    mut toggles: ResMut<LayerToggles>,
    mut cam: ResMut<MapCamera>,
    mut layout: ResMut<UiLayout>,
    mut list: ResMut<super::event_list::EventListState>,
    mut files: ResMut<super::files::OpenFiles>,
    (mode, mut toggle): (
        Res<State<super::ViewMode>>,
        ResMut<super::globe::ToggleGlobe>,
    ),
    insets: Res<MapInsets>,
    settings: Res<Settings>,
    window: Single<&Window>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let size = [window.width() as f64, window.height() as f64];
    let insets = insets.0;
    layout.free = Some(ctx.viewport_rect());
    layout.covered.clear();
    let panel = egui::Panel::top("top").exact_size(TOP_BAR_H);
    show_panel(ctx, &mut layout, panel, |ui| {
        ui.horizontal_centered(|ui| {
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
                    cam.target = spec.resolve_in(size, insets, &Lcc::atlas());
                }
            }
            let globe_on = *mode.get() == super::ViewMode::Globe;
            if ui
                .selectable_label(globe_on, "Globe")
                .on_hover_text("Switch between the flat map and the globe (G)")
                .clicked()
            {
                toggle.0 = true;
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
                cam.target = settings.view.resolve_in(size, insets, &Lcc::atlas());
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
            ui.toggle_value(&mut list.open, "Events")
                .on_hover_text("Show or hide the event list (E)");
            ui.separator();
            if ui
                .button("Open…")
                .on_hover_text(
                    "Open a GeoJSON or CSV file (Ctrl+O); you can also drop files on the window",
                )
                .clicked()
            {
                files.dialog = Some(super::files::OpenDialog::new());
            }
            if !files.files.is_empty() {
                let show = files.show_files;
                if ui
                    .selectable_label(show, format!("Files ({})", files.files.len()))
                    .clicked()
                {
                    files.show_files = !show;
                }
            }
            let (errors, warnings) = files.problem_counts();
            if errors + warnings > 0 {
                let text = egui::RichText::new(format!("Problems ({})", errors + warnings));
                let text = if errors > 0 {
                    text.color(egui::Color32::from_rgb(230, 90, 80))
                } else {
                    text
                };
                if ui.button(text).clicked() {
                    files.show_problems = !files.show_problems;
                }
            }
            if ui.button("Controls").on_hover_text("F1").clicked() {
                state.help = !state.help;
            }
            if ui.button("About").clicked() {
                state.about = !state.about;
            }
        });
    });
    Ok(())
}

fn overlays(
    mut contexts: EguiContexts,
    mut state: ResMut<UiState>,
    mut layout: ResMut<UiLayout>,
    mut insets: ResMut<MapInsets>,
    window: Single<&Window>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let free = layout.free.unwrap_or_else(|| ctx.viewport_rect());
    let (w, h) = (window.width(), window.height());
    insets.0 = Insets([
        free.top() as f64,
        (w - free.right()).max(0.0) as f64,
        (h - free.bottom()).max(0.0) as f64,
        free.left() as f64,
    ]);
    let legend = egui::Area::new("legend".into())
        .fixed_pos(free.left_bottom() + egui::vec2(8.0, -8.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                // Open by default only where it leaves room for the map.
                egui::CollapsingHeader::new(egui::RichText::new("Legend").strong())
                    .default_open(free.height() > 760.0)
                    .show(ui, legend);
            });
        });
    let r = legend.response.rect;
    layout
        .covered
        .push([r.left(), r.top(), r.right(), r.bottom()]);

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
                        ("Space", "play or pause the timeline"),
                        (", or [", "previous event"),
                        (". or ]", "next event"),
                        ("E", "show or hide the event list"),
                        ("Click a marker", "open the event's card"),
                        ("F1", "show or hide this window"),
                        ("G", "switch between the map and the globe"),
                        ("Ctrl+F or /", "find a place"),
                        (
                            "Ctrl+O",
                            "open a GeoJSON or CSV file (or drop it on the window)",
                        ),
                        ("Click a feature", "show its properties (your layers)"),
                        ("Hover a city", "its names, population, province, country"),
                        ("Esc", "close windows and the event card"),
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

/// The legend's contents: map layers and event markers.
fn legend(ui: &mut egui::Ui) {
    let swatch = |ui: &mut egui::Ui, c: Color, text: &str| {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
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
            let (r, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
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
                ui.painter()
                    .line_segment([egui::pos2(r.left(), y), egui::pos2(r.right(), y)], stroke);
            }
            ui.label(kind.name());
        });
    }

    ui.separator();
    ui.label(egui::RichText::new("Events (colour = category)").small());
    for s in crate::core::events::Status::ALL {
        ui.horizontal(|ui| {
            super::timeline::status_icon(ui, s, egui::Color32::from_gray(60));
            ui.label(s.describe());
        });
    }
    ui.label(
        egui::RichText::new(
            "Arrows: routes, growing over their dates.\nDashed circle: place known only roughly.",
        )
        .small(),
    );
}
