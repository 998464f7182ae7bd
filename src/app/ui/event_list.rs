//! The event list (right panel: search, filters by category and status, sorted by date) and
//! the event card (title, date at its precision, summary, who claims and denies, sources).

use std::collections::HashSet;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::map::LayerToggles;
use super::timeline::{EventsData, Selection, Timeline, category_color, status_icon};
use super::ui::show_panel;
use super::{AppSystems, EVENT_LIST_W, Settings, UiLayout};
use crate::core::events::{CATEGORIES, Event, Status, category_index};
use crate::core::model::Lang;
use crate::core::timeline::opacity;

/// The list's state and filters (the filters also apply to the map and the axis).
#[derive(Resource, Debug, Clone, Default)]
pub struct EventListState {
    /// Whether the panel is shown.
    pub open: bool,
    /// Search text (matches title, summary, place, sources, who claims or denies).
    pub search: String,
    /// Categories switched off (indices into [`CATEGORIES`]).
    pub hidden_categories: HashSet<usize>,
    /// Statuses switched off.
    pub hidden_statuses: HashSet<Status>,
}

impl EventListState {
    /// Whether an event passes the category and status filters and the search.
    pub fn passes(&self, e: &Event) -> bool {
        !self
            .hidden_categories
            .contains(&category_index(&e.category))
            && !self.hidden_statuses.contains(&e.status)
            && (self.search.trim().is_empty()
                || e.search_text().contains(&self.search.trim().to_lowercase()))
    }
}

/// Adds the event list and the card.
pub fn plugin(app: &mut App) {
    app.add_systems(PreStartup, init)
        .add_systems(Update, keys.in_set(AppSystems::Input))
        .add_systems(
            EguiPrimaryContextPass,
            (
                panel.in_set(AppSystems::UiSide),
                card.in_set(AppSystems::UiOverlays),
            ),
        );
}

fn init(mut commands: Commands, settings: Res<Settings>) {
    commands.insert_resource(EventListState {
        open: settings.event_list,
        ..default()
    });
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    egui: Option<Res<EguiWantsInput>>,
    mut state: ResMut<EventListState>,
    mut selection: ResMut<Selection>,
) {
    if egui.is_some_and(|e| e.wants_keyboard_input()) {
        return;
    }
    if keys.just_pressed(KeyCode::KeyE) {
        state.open = !state.open;
    }
    if keys.just_pressed(KeyCode::Escape) {
        selection.event = None;
    }
}

/// The event's title in the chosen language.
pub fn title(e: &Event, lang: Lang) -> String {
    match (lang, &e.title_ko) {
        (Lang::Ko, Some(ko)) => ko.clone(),
        (Lang::Both, Some(ko)) => format!("{} · {ko}", e.title),
        _ => e.title.clone(),
    }
}

fn panel(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut state: ResMut<EventListState>,
    mut selection: ResMut<Selection>,
    mut timeline: ResMut<Timeline>,
    toggles: Res<LayerToggles>,
    events: Res<EventsData>,
) -> Result {
    if !state.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let panel = egui::Panel::right("events").exact_size(EVENT_LIST_W);
    show_panel(&ctx, &mut layout, panel, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("Events");
            ui.label(format!("({})", events.events.len()));
        });
        ui.horizontal(|ui| {
            ui.label("Search:");
            ui.add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text("title, place, source… (English or 한국어)")
                    .desired_width(f32::INFINITY),
            );
        });
        ui.label(egui::RichText::new("Show categories:").small());
        egui::Grid::new("category-filters")
            .num_columns(2)
            .show(ui, |ui| {
                for (i, (code, name, _)) in CATEGORIES.iter().enumerate() {
                    let mut on = !state.hidden_categories.contains(&i);
                    ui.horizontal(|ui| {
                        let (r, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter().rect_filled(r, 2.0, category_color(code));
                        if ui.checkbox(&mut on, *name).changed() {
                            if on {
                                state.hidden_categories.remove(&i);
                            } else {
                                state.hidden_categories.insert(i);
                            }
                        }
                    });
                    if i % 2 == 1 {
                        ui.end_row();
                    }
                }
            });
        ui.label(egui::RichText::new("Show how sure:").small());
        ui.horizontal_wrapped(|ui| {
            for s in Status::ALL {
                let mut on = !state.hidden_statuses.contains(&s);
                status_icon(ui, s, egui::Color32::from_gray(70)).on_hover_text(s.describe());
                if ui
                    .checkbox(&mut on, s.code())
                    .on_hover_text(s.describe())
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
        let window = timeline.window();
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut any = false;
                for (i, e) in events.events.iter().enumerate() {
                    if !state.passes(e) {
                        continue;
                    }
                    any = true;
                    let shown = opacity(&e.span, timeline.date, window) > 0.0;
                    let color = category_color(&e.category);
                    let selected = selection.event == Some(i);
                    let weak = ui.visuals().weak_text_color();
                    let r = ui
                        .push_id(i, |ui| {
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
                                        ui.label(
                                            egui::RichText::new(e.span.describe())
                                                .small()
                                                .color(if shown { color } else { weak }),
                                        );
                                    });
                                    let t = egui::RichText::new(title(e, toggles.lang));
                                    ui.label(if shown { t } else { t.color(weak) });
                                })
                                .response
                        })
                        .inner;
                    let r = ui.interact(
                        r.rect,
                        egui::Id::new(("event-row", i)),
                        egui::Sense::click(),
                    );
                    if r.clicked() {
                        clicked = Some(i);
                    }
                    r.on_hover_text(if shown {
                        "Show on the map"
                    } else {
                        "Not yet on the map at this date: click to jump to it"
                    });
                }
                if !any {
                    ui.label("No event matches the search and filters.");
                }
            });
        if let Some(i) = clicked {
            selection.select(i, &events, &mut timeline);
        }
    });
    Ok(())
}

fn card(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut selection: ResMut<Selection>,
    toggles: Res<LayerToggles>,
    events: Res<EventsData>,
) -> Result {
    let Some(i) = selection.event else {
        return Ok(());
    };
    let Some(e) = events.events.get(i) else {
        selection.event = None;
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let free = layout.free.unwrap_or_else(|| ctx.viewport_rect());
    let mut open = true;
    let w = egui::Window::new("Event")
        .id(egui::Id::new("event-card"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(super::events::CARD_W)
        .max_width(super::events::CARD_W)
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(free.right_top() + egui::vec2(-10.0, 10.0))
        .show(&ctx, |ui| {
            let color = category_color(&e.category);
            ui.label(
                egui::RichText::new(title(e, toggles.lang))
                    .heading()
                    .strong(),
            );
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(format!("■ {}", CATEGORIES[category_index(&e.category)].1))
                        .color(color),
                );
                ui.label("·");
                ui.strong(e.span.describe());
            });
            if e.span.is_uncertain() {
                ui.label(
                    egui::RichText::new("The sources give only the month or year.")
                        .small()
                        .italics(),
                );
            }
            if let Some(place) = &e.place {
                let precision = e
                    .place_precision
                    .map(|p| format!(" (place known to the {})", p.code()))
                    .unwrap_or_default();
                ui.label(format!("Where: {place}{precision}"));
            } else if e.shapes.is_empty() {
                ui.label("Where: no place given");
            }
            ui.add_space(4.0);
            ui.label(&e.summary);
            ui.add_space(4.0);
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                status_icon(ui, e.status, color);
                ui.strong(format!("Status: {}", e.status.code()));
            });
            if !e.claimed_by.is_empty() {
                ui.label(format!(
                    "Claimed or reported by: {}",
                    e.claimed_by.join("; ")
                ));
            }
            if !e.denied_by.is_empty() {
                ui.label(format!("Denied by: {}", e.denied_by.join("; ")));
            }
            ui.separator();
            ui.strong("Sources");
            if e.sources.is_empty() {
                ui.label("None given in the file.");
            }
            for s in &e.sources {
                let date = s
                    .date
                    .map(|d| d.describe())
                    .unwrap_or_else(|| "undated".into());
                let mut text = format!("{}, {date}", s.publisher);
                if let Some(t) = &s.title {
                    text.push_str(&format!(": “{t}”"));
                }
                if let Some(a) = &s.author {
                    text.push_str(&format!(" ({a})"));
                }
                match &s.url {
                    Some(url) => {
                        ui.hyperlink_to(text, url)
                            .on_hover_text(format!("Open in the browser: {url}"));
                    }
                    None => {
                        ui.label(format!("• {text}"));
                    }
                }
            }
            if e.file != crate::core::events::BUNDLED_NAME {
                ui.label(egui::RichText::new(format!("From {}", e.file)).small());
            }
        });
    if let Some(r) = w {
        let r = r.response.rect;
        layout
            .covered
            .push([r.left(), r.top(), r.right(), r.bottom()]);
    }
    if !open {
        selection.event = None;
    }
    Ok(())
}
