//! The event card: title, date at its precision, category, place and how precisely it is
//! known, summary, status with who claims and who denies, and the sources with links.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::event_editor::{Draft, EventEditor};
use super::event_list::title;
use super::layout::{cover_window, free_rect};
use super::words::{category_name, place_precision, status_word};
use crate::app::files::store::OpenFiles;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::not_presenting;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::SelectEvent;
use crate::app::state::screen::{CARD_W, UiLayout};
use crate::app::state::story::{Selection, Story};
use crate::app::state::systems::AppSystems;
use crate::app::theme::{self, icons::status_icon};
use crate::core::events::BUNDLED_NAME;
use crate::core::model::Lang;
use crate::core::tr;
use crate::core::userfile::Content;

/// Adds the card of the selected event.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        card.run_if(not_presenting).in_set(AppSystems::UiOverlays),
    );
}

#[allow(clippy::too_many_arguments)]
fn card(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    selection: Res<Selection>,
    mut select: MessageWriter<SelectEvent>,
    toggles: Res<LayerToggles>,
    story: Res<Story>,
    files: Res<OpenFiles>,
    mut editor: ResMut<EventEditor>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    let Some(e) = selection.get(&story) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let free = free_rect(&ctx, &layout);
    let mut open = true;
    let w = egui::Window::new(tr!(lang, "card-title"))
        .id(egui::Id::new("event-card"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width((CARD_W * prefs.scale).min(free.width() - 20.0))
        .max_width((CARD_W * prefs.scale).min(free.width() - 20.0))
        // A long card (large type, many sources) scrolls inside the free part of the window.
        .vscroll(true)
        .max_height((free.height() - 30.0).max(120.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(free.right_top() + egui::vec2(-10.0, 10.0))
        .show(&ctx, |ui| {
            let color = theme::category_egui(&e.category);
            let heading = ui.label(
                egui::RichText::new(title(e, toggles.lang))
                    .heading()
                    .strong(),
            );
            // A live region: a screen reader reads the event chosen (on the map, in the list,
            // by key) with its date and how sure it is.
            let announce = tr!(
                lang,
                "card-announce",
                title = title(e, toggles.lang),
                date = lang.describe_span(&e.span),
                status = status_word(lang, e.status)
            );
            ui.ctx().accesskit_node_builder(heading.id, |node| {
                node.set_live(egui::accesskit::Live::Polite);
                node.set_value(announce);
            });
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(format!("■ {}", category_name(lang, &e.category)))
                        .color(color),
                );
                ui.label("·");
                ui.strong(lang.describe_span(&e.span));
            });
            if e.span.is_uncertain() {
                ui.label(
                    egui::RichText::new(tr!(lang, "card-uncertain"))
                        .small()
                        .italics(),
                );
            }
            if let Some(place) = &e.place {
                match e.place_precision {
                    Some(p) => ui.label(tr!(
                        lang,
                        "card-where-precision",
                        place = place.as_str(),
                        precision = place_precision(lang, p)
                    )),
                    None => ui.label(tr!(lang, "card-where", place = place.as_str())),
                };
            } else if e.shapes.is_empty() {
                ui.label(tr!(lang, "card-where-none"));
            }
            if let Some(note) = &e.route_not_reported {
                // The dotted arrow is not a path: say so where the reader looks.
                ui.label(egui::RichText::new(tr!(lang, "card-route-not-reported")).strong());
                let text = match (toggles.lang, &note.ko) {
                    (Lang::Ko, Some(ko)) => ko.clone(),
                    (Lang::Both, Some(ko)) => format!("{}\n{ko}", note.en),
                    _ => note.en.clone(),
                };
                ui.label(egui::RichText::new(text).small());
            }
            ui.add_space(4.0);
            ui.label(&e.summary);
            ui.add_space(4.0);
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                status_icon(ui, e.status, color);
                ui.strong(tr!(
                    lang,
                    "card-status",
                    status = status_word(lang, e.status)
                ));
            });
            if !e.claimed_by.is_empty() {
                ui.label(tr!(lang, "card-claimed-by", who = e.claimed_by.join("; ")));
            }
            if !e.denied_by.is_empty() {
                ui.label(tr!(lang, "card-denied-by", who = e.denied_by.join("; ")));
            }
            ui.separator();
            ui.strong(tr!(lang, "card-sources"));
            if e.sources.is_empty() {
                ui.label(tr!(lang, "card-no-sources"));
            }
            for s in &e.sources {
                let date = s
                    .date
                    .map(|d| lang.describe_date(&d))
                    .unwrap_or_else(|| tr!(lang, "card-undated"));
                let mut text = format!("{}, {date}", s.publisher);
                if let Some(t) = &s.title {
                    text.push_str(&format!(": “{t}”"));
                }
                if let Some(a) = &s.author {
                    text.push_str(&format!(" ({a})"));
                }
                match &s.url {
                    Some(url) => {
                        ui.hyperlink_to(text, url).on_hover_text(tr!(
                            lang,
                            "card-open-link",
                            url = url.as_str()
                        ));
                    }
                    None => {
                        ui.label(format!("• {text}"));
                    }
                }
            }
            if e.file != BUNDLED_NAME {
                ui.label(
                    egui::RichText::new(tr!(lang, "card-from-file", file = e.file.as_str()))
                        .small(),
                );
                // Your own events in a GeoJSON or CSV file can be edited; the bundled ones
                // cannot.
                let file = files
                    .files
                    .iter()
                    .find(|f| f.name == e.file && matches!(f.good, Some(Content::Events(_))));
                let writable = file.is_some_and(|f| {
                    let p = f.path.to_string_lossy().to_lowercase();
                    p.ends_with(".geojson") || p.ends_with(".json") || p.ends_with(".csv")
                });
                if let Some(f) = file.filter(|_| writable)
                    && ui
                        .button(tr!(lang, "card-edit"))
                        .on_hover_text(tr!(lang, "card-edit-tip"))
                        .clicked()
                {
                    // Its id in the file (the story puts the file's name in front).
                    let namespaced = |raw: &str| raw == e.id || format!("{}#{raw}", e.file) == e.id;
                    let id_in_file = match &f.good {
                        Some(Content::Events(list)) => list
                            .iter()
                            .map(|x| x.id.as_str())
                            .find(|raw| namespaced(raw))
                            .unwrap_or(&e.id)
                            .to_string(),
                        _ => e.id.clone(),
                    };
                    editor.draft = Draft::of(e, &id_in_file);
                    editor.file = f.path.display().to_string();
                    editor.problems.clear();
                    editor.open = true;
                }
            }
        });
    cover_window(&mut layout, w);
    if !open {
        select.write(SelectEvent {
            id: None,
            fly: false,
        });
    }
    Ok(())
}
