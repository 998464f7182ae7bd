//! The pointer over the map: where a left click on the map ended, for the click handlers of
//! event markers and user layers.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

/// Where a left click on the map ended, on the frame it ends: pressed and released within 4
/// pixels (a drag that moved the map is not a click), with the pointer neither over an egui
/// panel nor held by one. `pressed_at` is the caller's `Local` memory of the press.
pub fn map_click(
    buttons: &ButtonInput<MouseButton>,
    window: &Window,
    egui: Option<&EguiWantsInput>,
    pressed_at: &mut Option<Vec2>,
) -> Option<Vec2> {
    if egui.is_some_and(|e| e.wants_pointer_input() || e.is_pointer_over_area()) {
        return None;
    }
    let cursor = window.cursor_position()?;
    if buttons.just_pressed(MouseButton::Left) {
        *pressed_at = Some(cursor);
    }
    (buttons.just_released(MouseButton::Left)
        && pressed_at.take().is_some_and(|p| p.distance(cursor) < 4.0))
    .then_some(cursor)
}

/// Whether the pointer is over an egui panel or window (hover cards then stay away).
pub fn over_ui(egui: Option<&EguiWantsInput>) -> bool {
    egui.is_some_and(|e| e.is_pointer_over_area())
}

/// Whether egui has the keyboard (keys typed into a text box are not shortcuts).
pub fn typing(egui: Option<&EguiWantsInput>) -> bool {
    egui.is_some_and(|e| e.wants_keyboard_input())
}
