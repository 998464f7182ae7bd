//! The pointer over the map: where a left click on the map ended, for the click handlers of
//! event markers and user layers.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use crate::app::state::screen::{TextFocus, UiLayout};

/// Where a left click on the map ended, on the frame it ends: pressed and released within 4
/// pixels (a drag that moved the map is not a click), with the pointer neither over an egui
/// panel nor held by one when it is released. `pressed_at` is the caller's `Local` memory of
/// the press. The press is remembered wherever it is: egui's answer on the press's frame may
/// still be about where the pointer was a frame before (a slow frame that both moved and
/// pressed), so the release decides.
pub fn map_click(
    buttons: &ButtonInput<MouseButton>,
    window: &Window,
    egui: Option<&EguiWantsInput>,
    layout: &UiLayout,
    pressed_at: &mut Option<Vec2>,
) -> Option<Vec2> {
    let cursor = window.cursor_position()?;
    if buttons.just_pressed(MouseButton::Left) {
        *pressed_at = Some(cursor);
    }
    if !buttons.just_released(MouseButton::Left) {
        return None;
    }
    let press = pressed_at.take()?;
    let on_ui = egui.is_some_and(|e| e.wants_pointer_input()) || over_ui(egui, layout, window);
    (press.distance(cursor) < 4.0 && !on_ui).then_some(cursor)
}

/// Whether the pointer is over an egui panel or window (hover cards then stay away). The
/// side panels are drawn on egui's background layer, which egui does not count as an area, so
/// the rectangles the panels recorded last frame are asked too.
pub fn over_ui(egui: Option<&EguiWantsInput>, layout: &UiLayout, window: &Window) -> bool {
    egui.is_some_and(|e| e.is_pointer_over_area())
        || window
            .cursor_position()
            .is_some_and(|c| layout.covers([c.x, c.y]))
}

/// Whether the keys go into a text field (then they are not shortcuts). A button or list row
/// reached with Tab does not take the shortcuts away.
pub fn typing(text: Option<&TextFocus>) -> bool {
    text.is_some_and(|t| t.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn click_at(layout: &UiLayout, from: Vec2, to: Vec2) -> Option<Vec2> {
        let mut window = Window::default();
        window.resolution.set(1600.0, 1000.0);
        let mut buttons = ButtonInput::<MouseButton>::default();
        let mut pressed_at = None;
        window.set_cursor_position(Some(from));
        buttons.press(MouseButton::Left);
        let early = map_click(&buttons, &window, None, layout, &mut pressed_at);
        assert!(early.is_none(), "a press alone is not a click");
        buttons.clear();
        window.set_cursor_position(Some(to));
        buttons.release(MouseButton::Left);
        map_click(&buttons, &window, None, layout, &mut pressed_at)
    }

    #[test]
    fn clicks_on_a_side_panel_are_not_the_maps() {
        // The editor's panel on the left, recorded as the panels record themselves.
        let layout = UiLayout {
            free: None,
            covered: vec![[0.0, 28.0, 410.0, 860.0]],
            marks: Vec::new(),
        };
        let map = Vec2::new(900.0, 400.0);
        assert_eq!(click_at(&layout, map, map), Some(map));
        let panel = Vec2::new(200.0, 400.0);
        assert_eq!(
            click_at(&layout, panel, panel),
            None,
            "a click in the panel"
        );
        assert_eq!(
            click_at(&layout, map, map + Vec2::new(30.0, 0.0)),
            None,
            "a drag is not a click"
        );
        let window = {
            let mut w = Window::default();
            w.set_cursor_position(Some(panel));
            w
        };
        assert!(over_ui(None, &layout, &window), "hover cards stay away");
    }
}
