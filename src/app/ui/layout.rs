//! Panel layout, in one place: panels fill the area earlier panels left free (top bar, then
//! timeline, then event list), and every panel and window records the rectangle it covers
//! (labels avoid them; the scene description lists them).

use bevy_egui::egui;

use crate::app::state::screen::UiLayout;

/// Shows a panel in the area the earlier panels left free, and records what it covered.
pub fn show_panel<R>(
    ctx: &egui::Context,
    layout: &mut UiLayout,
    panel: egui::Panel,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let free = free_rect(ctx, layout);
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new(("panel-root", free.min.x as i32, free.min.y as i32)),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(free),
    );
    let r = panel.show(&mut root, add_contents);
    layout.cover(r.response.rect);
    layout.free = Some(root.available_rect_before_wrap());
    r.inner
}

/// The part of the window the panels left free so far.
pub fn free_rect(ctx: &egui::Context, layout: &UiLayout) -> egui::Rect {
    layout.free.unwrap_or_else(|| ctx.viewport_rect())
}

/// Records the rectangle of a window that was shown (`None`: closed).
pub fn cover_window<R>(layout: &mut UiLayout, shown: Option<egui::InnerResponse<R>>) {
    if let Some(r) = shown {
        layout.cover(r.response.rect);
    }
}
