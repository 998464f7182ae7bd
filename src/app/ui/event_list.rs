//! The event list (right panel): search, filters by category and status, the events sorted
//! by date; a click opens an event's card and flies the map to it.

use super::access::named_as;
use super::words::{category_name, status_describe, status_word};
use crate::app::state::prefs::UiPrefs;
use crate::core::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::show_panel;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::not_presenting;
use crate::app::state::requests::SelectEvent;
use crate::app::state::screen::{EVENT_LIST_W, UiLayout};
use crate::app::state::settings::Settings;
use crate::app::state::story::{Clock, EventFilters, Selection, Story};
use crate::app::state::systems::AppSystems;
use crate::app::theme::{self, icons::status_icon};
use crate::core::events::{CATEGORIES, Event, Status};
use crate::core::model::Lang;
use crate::core::timeline::opacity;

/// Whether the event list is shown (E, the top bar, `--no-event-list`).
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct EventListOpen(pub bool);

/// Adds the event list.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EventListOpen>()
        .add_systems(PreStartup, init)
        .add_systems(
            EguiPrimaryContextPass,
            panel.run_if(not_presenting).in_set(AppSystems::UiSide),
        );
}

fn init(mut open: ResMut<EventListOpen>, settings: Res<Settings>) {
    open.0 = settings.event_list;
}

/// The event's title in the chosen language.
pub fn title(e: &Event, lang: Lang) -> String {
    match (lang, &e.title_ko) {
        (Lang::Ko, Some(ko)) => ko.clone(),
        (Lang::Both, Some(ko)) => format!("{} · {ko}", e.title),
        _ => e.title.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
fn panel(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    open: Res<EventListOpen>,
    mut state: ResMut<EventFilters>,
    selection: Res<Selection>,
    mut select: MessageWriter<SelectEvent>,
    clock: Res<Clock>,
    toggles: Res<LayerToggles>,
    story: Res<Story>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if !open.0 {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let panel = egui::Panel::right("events").exact_size(EVENT_LIST_W * prefs.scale);
    show_panel(&ctx, &mut layout, panel, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(tr!(lang, "list-title"));
            ui.label(format!("({})", story.events().len()));
        });
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "list-search"));
            named_as(
                ui.add(
                    egui::TextEdit::singleline(&mut state.search)
                        .hint_text(tr!(lang, "list-search-hint"))
                        .desired_width(f32::INFINITY),
                ),
                egui::WidgetType::TextEdit,
                tr!(lang, "list-search-name"),
            );
        });
        ui.label(egui::RichText::new(tr!(lang, "list-categories")).small());
        egui::Grid::new("category-filters")
            .num_columns(2)
            .show(ui, |ui| {
                for (i, (code, _, _)) in CATEGORIES.iter().enumerate() {
                    let mut on = !state.hidden_categories.contains(*code);
                    ui.horizontal(|ui| {
                        let (r, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter().rect_filled(r, 2.0, theme::category_egui(code));
                        if ui.checkbox(&mut on, category_name(lang, code)).changed() {
                            if on {
                                state.hidden_categories.remove(*code);
                            } else {
                                state.hidden_categories.insert(code.to_string());
                            }
                        }
                    });
                    if i % 2 == 1 {
                        ui.end_row();
                    }
                }
            });
        ui.label(egui::RichText::new(tr!(lang, "list-statuses")).small());
        ui.horizontal_wrapped(|ui| {
            for s in Status::ALL {
                let mut on = !state.hidden_statuses.contains(&s);
                status_icon(ui, s, theme::ICON_GREY).on_hover_text(status_describe(lang, s));
                if ui
                    .checkbox(&mut on, status_word(lang, s))
                    .on_hover_text(status_describe(lang, s))
                    .changed()
                {
                    if on {
                        state.hidden_statuses.remove(&s);
                    } else {
                        state.hidden_statuses.insert(s);
                    }
                }
            }
        });
        ui.separator();
        let window = clock.window();
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut any = false;
                for e in story.events() {
                    if !state.passes(e) {
                        continue;
                    }
                    any = true;
                    let shown = opacity(&e.span, clock.date, window) > 0.0;
                    let color = theme::category_egui(&e.category);
                    let selected = selection.is(e);
                    let weak = ui.visuals().weak_text_color();
                    let strong = ui.visuals().strong_text_color();
                    let r = ui
                        .push_id(&e.id, |ui| {
                            egui::Frame::new()
                                .inner_margin(egui::Margin::symmetric(4, 3))
                                .fill(if selected {
                                    ui.visuals().selection.bg_fill
                                } else {
                                    egui::Color32::TRANSPARENT
                                })
                                .show(ui, |ui| {
                                    ui.set_width(ui.available_width());
                                    ui.horizontal(|ui| {
                                        status_icon(ui, e.status, color);
                                        // The date in the text's colour (category
                                        // colours on the dark panel read at about 3:1);
                                        // the icon carries the category.
                                        ui.label(
                                            egui::RichText::new(lang.describe_span(&e.span))
                                                .small()
                                                .color(if shown { strong } else { weak }),
                                        );
                                        if e.anchor().is_none() {
                                            ui.label(
                                                egui::RichText::new(tr!(lang, "list-no-place"))
                                                    .small()
                                                    .color(weak),
                                            );
                                        }
                                    });
                                    let t = egui::RichText::new(title(e, toggles.lang));
                                    ui.label(if shown { t } else { t.color(weak) });
                                })
                                .response
                        })
                        .inner;
                    let r = ui.interact(
                        r.rect,
                        egui::Id::new(("event-row", &e.id)),
                        egui::Sense::click(),
                    );
                    // Named for screen readers as it reads: title, date, how sure, and
                    // whether it is on the map yet.
                    let name = tr!(
                        lang,
                        "list-row-name",
                        title = title(e, toggles.lang),
                        date = lang.describe_span(&e.span),
                        status = status_word(lang, e.status),
                        shown = if shown { "yes" } else { "no" }
                    );
                    r.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::WidgetType::Button,
                            true,
                            selected,
                            name.clone(),
                        )
                    });
                    if r.has_focus() {
                        // Tab reached it: the focus ring, and it scrolls into view.
                        ui.painter().rect_stroke(
                            r.rect.shrink(1.0),
                            3.0,
                            ui.visuals().widgets.active.bg_stroke,
                            egui::StrokeKind::Inside,
                        );
                        if r.gained_focus() {
                            r.scroll_to_me(None);
                        }
                    }
                    if r.clicked() {
                        clicked = Some(e.id.clone());
                    }
                    r.on_hover_text(if shown {
                        tr!(lang, "list-show-tip")
                    } else {
                        tr!(lang, "list-later-tip")
                    });
                }
                if !any {
                    ui.label(tr!(lang, "list-none"));
                }
            });
        if let Some(id) = clicked {
            select.write(SelectEvent {
                id: Some(id),
                fly: true,
            });
        }
    });
    Ok(())
}
