//! The timeline panel (bottom): playback controls, the date, speed, the window (everything so
//! far or recent), and the date axis with one lane per category; click or drag to set the
//! date, click a mark to open its event.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::access::{named, named_as};
use super::event_list::title;
use super::layout::show_panel;
use super::words::status_describe;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::not_presenting;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::SelectEvent;
use crate::app::state::screen::{TIMELINE_H, UiLayout};
use crate::app::state::story::{Clock, EventFilters, Selection, Story};
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::events::{CATEGORIES, Event, category_index};
use crate::core::i18n::UiLang;
use crate::core::model::Lang;
use crate::core::timeline::{self, SPEEDS, civil, day_number};
use crate::core::tr;

/// Adds the bottom panel.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        panel.run_if(not_presenting).in_set(AppSystems::UiBottom),
    );
}

#[allow(clippy::too_many_arguments)]
fn panel(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut clock: ResMut<Clock>,
    selection: Res<Selection>,
    mut select: MessageWriter<SelectEvent>,
    filters: Res<EventFilters>,
    story: Res<Story>,
    prefs: Res<UiPrefs>,
    toggles: Res<LayerToggles>,
) -> Result {
    let lang = prefs.lang;
    let names = toggles.lang;
    let ctx = contexts.ctx_mut()?.clone();
    let panel = egui::Panel::bottom("timeline").exact_size(TIMELINE_H * prefs.scale);
    let clicked = show_panel(&ctx, &mut layout, panel, |ui| {
        ui.add_space(4.0);
        controls(ui, (lang, prefs.scale), &mut clock, &story);
        ui.add_space(2.0);
        axis(ui, (lang, names), &mut clock, &selection, &filters, &story)
    });
    if let Some(id) = clicked {
        select.write(SelectEvent {
            id: Some(id),
            fly: true,
        });
    }
    Ok(())
}

fn controls(ui: &mut egui::Ui, (lang, scale): (UiLang, f32), timeline: &mut Clock, story: &Story) {
    ui.horizontal(|ui| {
        if named(ui.button("⏮"), tr!(lang, "timeline-prev-name"))
            .on_hover_text(tr!(lang, "timeline-prev-tip"))
            .clicked()
        {
            timeline.step(story, -1);
        }
        let play = if timeline.playing {
            tr!(lang, "timeline-pause")
        } else {
            tr!(lang, "timeline-play")
        };
        if ui
            .button(play)
            .on_hover_text(tr!(lang, "timeline-play-tip"))
            .clicked()
        {
            timeline.toggle_play(story);
        }
        if named(ui.button("⏭"), tr!(lang, "timeline-next-name"))
            .on_hover_text(tr!(lang, "timeline-next-tip"))
            .clicked()
        {
            timeline.step(story, 1);
        }
        ui.separator();
        ui.label(
            egui::RichText::new(lang.long_date(timeline.day()))
                .strong()
                .size(16.0 * scale),
        );
        ui.separator();
        ui.label(tr!(lang, "timeline-speed"));
        let speed_box = egui::ComboBox::from_id_salt("speed")
            .selected_text(speed_name(lang, timeline.speed))
            .width(110.0 * scale)
            .show_ui(ui, |ui| {
                for i in 0..SPEEDS.len() {
                    ui.selectable_value(&mut timeline.speed, i, speed_name(lang, i));
                }
            })
            .response;
        let speed = format!(
            "{} {}",
            tr!(lang, "timeline-speed"),
            speed_name(lang, timeline.speed)
        );
        named_as(speed_box, egui::WidgetType::ComboBox, speed)
            .on_hover_text(tr!(lang, "timeline-speed-tip"));
        ui.separator();
        ui.label(tr!(lang, "timeline-show"));
        ui.selectable_value(
            &mut timeline.recent,
            false,
            tr!(lang, "timeline-cumulative"),
        )
        .on_hover_text(tr!(lang, "timeline-cumulative-tip"));
        ui.selectable_value(&mut timeline.recent, true, tr!(lang, "timeline-recent"))
            .on_hover_text(tr!(lang, "timeline-recent-tip"));
        if timeline.recent {
            ui.add(
                egui::DragValue::new(&mut timeline.recent_days)
                    .range(7.0..=730.0)
                    .speed(1.0)
                    .suffix(tr!(lang, "timeline-days-suffix")),
            );
        }
        if let Some((first, last)) = timeline.focus {
            ui.separator();
            ui.label(format!(
                "{} – {}",
                lang.long_date(first),
                lang.long_date(last)
            ));
            if ui
                .button(tr!(lang, "timeline-whole"))
                .on_hover_text(tr!(lang, "timeline-whole-tip"))
                .clicked()
            {
                timeline.set_focus(None);
            }
        }
        ui.separator();
        let w = timeline.window();
        let shown = story
            .events()
            .iter()
            .filter(|e| timeline::opacity(&e.span, timeline.date, w) > 0.0)
            .count();
        ui.label(tr!(
            lang,
            "timeline-shown",
            shown = shown,
            n = story.events().len()
        ));
    });
}

/// A playback speed's name ([`SPEEDS`] by index).
fn speed_name(lang: UiLang, i: usize) -> String {
    match i {
        0 => tr!(lang, "speed-day"),
        1 => tr!(lang, "speed-week"),
        2 => tr!(lang, "speed-month"),
        3 => tr!(lang, "speed-quarter"),
        _ => tr!(lang, "speed-year"),
    }
}

/// Lane of a category on the axis (one lane per category, in [`CATEGORIES`] order).
fn lane(e: &Event) -> usize {
    category_index(&e.category)
}

/// The date axis with the events' marks; returns the id of a clicked event.
fn axis(
    ui: &mut egui::Ui,
    (lang, names): (UiLang, Lang),
    timeline: &mut Clock,
    selection: &Selection,
    filters: &EventFilters,
    story: &Story,
) -> Option<String> {
    let (first, last) = timeline.span(story);
    // A month of air either side (a day or more when narrowed to a few days).
    let air = match timeline.focus {
        Some(_) => ((last - first) / 30).max(1),
        None => 31,
    };
    let (a, b) = ((first - air) as f64, (last + 1 + air) as f64);
    let width = ui.available_width();
    let height = ui.available_height().max(60.0);
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click_and_drag());
    // For screen readers: the timeline and the date it shows.
    let date = lang.long_date(timeline.day());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::WidgetType::Slider,
            true,
            tr!(lang, "timeline-axis-name", date = date.as_str()),
        )
    });
    let painter = ui.painter_at(rect);
    let left = rect.left() + 8.0;
    let right = rect.right() - 8.0;
    let x_of = |d: f64| left + ((d - a) / (b - a)) as f32 * (right - left);
    let d_of = |x: f32| a + ((x - left) / (right - left)) as f64 * (b - a);
    let visuals = ui.visuals().clone();
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);

    // Month and year ticks with labels where there is room.
    let axis_y = rect.bottom() - 18.0;
    let text_color = visuals.text_color();
    let faint = visuals.weak_text_color();
    painter.line_segment(
        [egui::pos2(left, axis_y), egui::pos2(right, axis_y)],
        egui::Stroke::new(1.0, faint),
    );
    let (y0, m0, _) = civil(a as i64);
    let px_per_month = (right - left) / ((b - a) / 30.44) as f32;
    // A tick's label, left-aligned after it; left out when it would run into the previous
    // label or past the timeline's right edge (a clipped "20" is worse than none).
    let last_end = std::cell::Cell::new(f32::MIN);
    let tick_label = |x: f32, dy: f32, text: String, size: f32, color: egui::Color32| {
        let galley = painter.layout_no_wrap(text, egui::FontId::proportional(size), color);
        let (start, end) = (x + 3.0, x + 3.0 + galley.size().x);
        if end <= rect.right() - 2.0 && start >= last_end.get() + 4.0 {
            painter.galley(egui::pos2(start, axis_y + dy), galley, color);
            last_end.set(end);
            true
        } else {
            false
        }
    };
    // The year shows at the first labelled month too, so the first months before a January
    // are not yearless.
    let mut year_shown = false;
    // Over decades or centuries (a TimelineJS file of the 7th century beside today's news):
    // year ticks only, every 1, 2, 5, 10… years so labels keep 60 px apart.
    if px_per_month < 3.0 {
        let px_per_year = px_per_month * 12.0;
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
            .into_iter()
            .find(|s| px_per_year * *s as f32 >= 60.0)
            .unwrap_or(2000);
        let (y1, _, _) = civil(b as i64);
        let mut y = y0.div_euclid(step) * step;
        while y <= y1 {
            let d = day_number(y, 1, 1) as f64;
            if d >= a {
                let x = x_of(d);
                painter.line_segment(
                    [egui::pos2(x, axis_y - 8.0), egui::pos2(x, axis_y + 6.0)],
                    egui::Stroke::new(1.5, faint),
                );
                tick_label(x, 2.0, y.to_string(), 12.0, text_color);
            }
            y += step;
        }
    }
    let (mut y, mut m) = (y0, m0);
    loop {
        if px_per_month < 3.0 {
            break;
        }
        let d = day_number(y, m, 1) as f64;
        if d > b {
            break;
        }
        if d >= a {
            let x = x_of(d);
            let year_tick = m == 1;
            painter.line_segment(
                [
                    egui::pos2(x, axis_y - if year_tick { 8.0 } else { 4.0 }),
                    egui::pos2(x, axis_y + if year_tick { 6.0 } else { 3.0 }),
                ],
                egui::Stroke::new(if year_tick { 1.5 } else { 1.0 }, faint),
            );
            if year_tick {
                year_shown |= tick_label(x, 2.0, y.to_string(), 12.0, text_color);
            } else if px_per_month > 34.0 || (px_per_month > 18.0 && m % 3 == 1) {
                let text = if year_shown {
                    lang.month_short(m)
                } else {
                    lang.month_year(d as i64)
                };
                year_shown |= tick_label(x, 2.0, text, 12.0, text_color);
            }
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }

    // Day ticks when days are wide enough to tell apart, numbered where there is room.
    let px_per_day = (right - left) / (b - a) as f32;
    if px_per_day >= 6.0 {
        let mut d = a.ceil() as i64;
        while (d as f64) <= b {
            let (_, _, day) = civil(d);
            let x = x_of(d as f64);
            painter.line_segment(
                [egui::pos2(x, axis_y - 3.0), egui::pos2(x, axis_y + 2.0)],
                egui::Stroke::new(1.0, faint),
            );
            if day != 1 && (px_per_day >= 22.0 || (px_per_day >= 10.0 && day % 5 == 0)) {
                painter.text(
                    egui::pos2(x + 2.0, axis_y + 3.0),
                    egui::Align2::LEFT_TOP,
                    day.to_string(),
                    egui::FontId::proportional(11.0),
                    text_color,
                );
            }
            d += 1;
        }
    }

    // The recent window, shaded.
    if timeline.recent {
        let x0 = x_of((timeline.date - timeline.recent_days).max(a));
        let x1 = x_of(timeline.date);
        painter.rect_filled(
            egui::Rect::from_min_max(egui::pos2(x0, rect.top() + 2.0), egui::pos2(x1, axis_y)),
            0.0,
            theme::recent_window(),
        );
    }

    // One lane per category; month-precision events are bands across their month.
    let lanes = CATEGORIES.len() as f32;
    let lane_h = ((axis_y - rect.top() - 6.0) / lanes).clamp(4.0, 15.0);
    // Titles go on bars wide enough for them, when lanes are tall enough to read.
    let title_px = (lane_h - 3.0).min(11.0);
    let mut hovered: Option<&Event> = None;
    let pointer = response.hover_pos();
    for e in story.events() {
        if !filters.passes(e) {
            continue;
        }
        let y = rect.top() + 4.0 + lane(e) as f32 * lane_h;
        let x0 = x_of(e.span.first_day() as f64);
        let x1 = x_of((e.span.last_day() + 1) as f64);
        let color = theme::category_egui(&e.category);
        let shown = timeline::opacity(&e.span, timeline.date, timeline.window()) > 0.0;
        let alpha = if shown { 255 } else { 110 };
        let c = egui::Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha);
        // A span known only roughly (to the month or year): pale with an outline; a span of
        // days: filled; a single day: a diamond.
        let uncertain = x1 - x0 >= 4.0 && e.span.is_uncertain();
        let single = !uncertain && e.span.first_day() == e.span.last_day();
        let mark = if uncertain {
            let r = egui::Rect::from_min_max(egui::pos2(x0, y), egui::pos2(x1, y + lane_h - 1.0));
            painter.rect_filled(
                r,
                1.0,
                egui::Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha / 3),
            );
            painter.rect_stroke(r, 1.0, egui::Stroke::new(1.0, c), egui::StrokeKind::Inside);
            r
        } else if single {
            let cx = (x0 + x1) / 2.0;
            let cy = y + (lane_h - 1.0) / 2.0;
            let h = (lane_h / 2.0 + 1.0).max(4.0);
            painter.add(egui::Shape::convex_polygon(
                vec![
                    egui::pos2(cx, cy - h),
                    egui::pos2(cx + h, cy),
                    egui::pos2(cx, cy + h),
                    egui::pos2(cx - h, cy),
                ],
                c,
                egui::Stroke::new(1.0, visuals.extreme_bg_color),
            ));
            egui::Rect::from_center_size(egui::pos2(cx, cy), egui::vec2(2.0 * h, 2.0 * h))
        } else {
            let r = egui::Rect::from_min_max(
                egui::pos2(x0 - 1.5, y - 1.0),
                egui::pos2(x0.max(x1 - 1.0) + 1.5, y + lane_h),
            );
            painter.rect_filled(r, 1.0, c);
            r
        };
        // The title inside a bar wide enough for it (dark on pale bars, white or black on
        // filled ones, whichever reads better).
        if !single && title_px >= 9.0 {
            let ink = if uncertain {
                text_color
            } else {
                theme::ink_on(color)
            };
            let galley =
                painter.layout_no_wrap(title(e, names), egui::FontId::proportional(title_px), ink);
            if galley.size().x + 6.0 <= mark.width() {
                painter.galley(
                    egui::pos2(mark.left() + 3.0, mark.center().y - galley.size().y / 2.0),
                    galley,
                    ink,
                );
            }
        }
        if selection.is(e) {
            painter.rect_stroke(
                mark.expand(2.0),
                2.0,
                egui::Stroke::new(2.0, text_color),
                egui::StrokeKind::Outside,
            );
        }
        if pointer.is_some_and(|p| mark.expand2(egui::vec2(3.0, 1.0)).contains(p)) {
            hovered = Some(e);
        }
    }

    // The cursor at the date.
    let cx = x_of(timeline.date);
    painter.line_segment(
        [egui::pos2(cx, rect.top()), egui::pos2(cx, axis_y + 4.0)],
        egui::Stroke::new(2.0, theme::CURSOR),
    );
    painter.add(egui::Shape::convex_polygon(
        vec![
            egui::pos2(cx - 5.0, rect.top()),
            egui::pos2(cx + 5.0, rect.top()),
            egui::pos2(cx, rect.top() + 6.0),
        ],
        theme::CURSOR,
        egui::Stroke::NONE,
    ));

    let mut clicked = None;
    if let Some(e) = hovered {
        let text = format!(
            "{}\n{} · {}{}",
            title(e, names),
            lang.describe_span(&e.span),
            status_describe(lang, e.status),
            if e.anchor().is_none() {
                tr!(lang, "timeline-no-place")
            } else {
                String::new()
            }
        );
        if response.clicked() {
            clicked = Some(e.id.clone());
        }
        response.on_hover_text_at_pointer(text);
    } else {
        if let Some(p) = response.interact_pointer_pos()
            && (response.clicked() || response.dragged())
        {
            timeline.date = d_of(p.x).clamp(a, b).floor();
            timeline.playing = false;
        }
        response.on_hover_text_at_pointer(tr!(lang, "timeline-axis-tip"));
    }
    clicked
}
