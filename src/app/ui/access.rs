//! What a screen reader is told: the accessibility tree egui builds of the panels (names and
//! roles of every button, list entry, field and window), kept each frame for the capture's
//! scene description and the tests; with a screen reader attached, bevy_egui hands the same
//! tree to the system (AccessKit). Announcements (the place chosen by key, the date stepped
//! to) show over the map and are read out as a live region.

use bevy::prelude::*;
use bevy_egui::egui;
use bevy_egui::egui::accesskit::{self, Role};
use bevy_egui::{EguiContexts, EguiOutput, EguiPostUpdateSet, EguiPrimaryContextPass};

use super::layout::free_rect;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::Announcement;
use crate::app::state::screen::{TextFocus, UiLayout};
use crate::app::state::settings::Settings;
use crate::app::state::systems::AppSystems;
use crate::core::tr;

/// The accessibility tree's nodes of the last frame, when asked for (captures, tests).
#[derive(Resource, Debug, Default, Clone)]
pub struct AccessTree {
    /// Build the tree even with no screen reader attached.
    pub wanted: bool,
    /// Each node: its role, its name (label) and its value (a label's text, a field's
    /// contents, a slider's date), in the order egui made them.
    pub nodes: Vec<AccessNode>,
}

/// One node of the accessibility tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessNode {
    /// Its role, as AccessKit names it (`Button`, `Label`, `Slider`, `Window`…).
    pub role: String,
    /// Its name.
    pub name: String,
    /// Its value, if any.
    pub value: String,
    /// Whether it announces changes by itself (a live region).
    pub live: bool,
}

/// Keeps the tree when wanted: in capture mode always.
pub(super) fn plugin(app: &mut App) {
    let wanted = app
        .world()
        .get_resource::<Settings>()
        .is_some_and(|s| s.screenshot.is_some());
    app.insert_resource(AccessTree {
        wanted,
        nodes: Vec::new(),
    })
    .add_systems(
        EguiPrimaryContextPass,
        (
            enable.in_set(AppSystems::UiSetup),
            announce.in_set(AppSystems::UiOverlays),
            note_text_focus.in_set(AppSystems::UiOverlays),
        ),
    )
    .add_systems(
        PostUpdate,
        (name_close_buttons, keep_tree)
            .chain()
            .after(EguiPostUpdateSet::ProcessOutput)
            .before(EguiPostUpdateSet::PostProcessOutput),
    );
}

/// The name egui gives every window's close button (its own words, with no way to change
/// them when the window is made).
const EGUI_CLOSE_NAME: &str = "Close window";

/// Names the windows' close buttons in the interface's language before the tree goes to the
/// screen reader (bevy_egui hands it over in `PostProcessOutput`).
fn name_close_buttons(mut outputs: Query<&mut EguiOutput>, prefs: Res<UiPrefs>) {
    let mut name = None;
    for mut output in &mut outputs {
        let Some(update) = output
            .bypass_change_detection()
            .platform_output
            .accesskit_update
            .as_mut()
        else {
            continue;
        };
        for (_, node) in &mut update.nodes {
            if node.role() == Role::Button && node.label() == Some(EGUI_CLOSE_NAME) {
                let name = name.get_or_insert_with(|| tr!(prefs.lang, "close-window"));
                node.set_label(name.clone());
            }
        }
    }
}

fn enable(mut contexts: EguiContexts, tree: Res<AccessTree>) -> Result {
    if tree.wanted {
        contexts.ctx_mut()?.enable_accesskit();
    }
    Ok(())
}

fn keep_tree(outputs: Query<&EguiOutput>, mut tree: ResMut<AccessTree>) {
    if !tree.wanted {
        return;
    }
    for output in &outputs {
        if let Some(update) = &output.platform_output.accesskit_update {
            tree.nodes = nodes_of(update);
        }
    }
}

/// The named nodes of a tree update.
pub fn nodes_of(update: &accesskit::TreeUpdate) -> Vec<AccessNode> {
    update
        .nodes
        .iter()
        .filter(|(_, n)| n.role() != Role::Unknown || n.label().is_some())
        .map(|(_, n)| AccessNode {
            role: format!("{:?}", n.role()),
            name: n.label().unwrap_or_default().to_string(),
            value: n.value().unwrap_or_default().to_string(),
            live: n.live().is_some_and(|l| l != accesskit::Live::Off),
        })
        .filter(|n| !n.name.is_empty() || !n.value.is_empty())
        .collect()
}

/// Gives a button drawn as a symbol (⏮, +, ?) a name for screen readers.
pub fn named(r: egui::Response, name: String) -> egui::Response {
    named_as(r, egui::WidgetType::Button, name)
}

/// Gives a widget egui leaves unnamed (a combo box, a text field with only a hint) a name
/// for screen readers.
pub fn named_as(r: egui::Response, kind: egui::WidgetType, name: String) -> egui::Response {
    r.widget_info(|| egui::WidgetInfo::labeled(kind, r.enabled(), &name));
    r
}

/// Shows the announcement over the bottom left of the map for a few seconds, as a live region
/// (a screen reader reads it when it changes).
fn announce(
    mut contexts: EguiContexts,
    mut said: ResMut<Announcement>,
    layout: Res<UiLayout>,
    time: Res<Time>,
) -> Result {
    if said.left <= 0.0 || said.text.is_empty() {
        return Ok(());
    }
    said.left -= time.delta_secs();
    let ctx = contexts.ctx_mut()?;
    let free = free_rect(ctx, &layout);
    let text = said.text.clone();
    egui::Area::new("announcement".into())
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::CENTER_BOTTOM)
        .fixed_pos(free.center_bottom() - egui::vec2(0.0, 12.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                // One line (a date must not break after each word).
                let r = ui.add(egui::Label::new(egui::RichText::new(&text).strong()).extend());
                ui.ctx().accesskit_node_builder(r.id, |node| {
                    node.set_live(accesskit::Live::Polite);
                });
            });
        });
    Ok(())
}

/// Notes whether a text field has the keyboard, for the shortcuts (next frame).
fn note_text_focus(mut contexts: EguiContexts, mut focus: ResMut<TextFocus>) -> Result {
    let typing = contexts.ctx_mut()?.text_edit_focused();
    focus.set_if_neq(TextFocus(typing));
    Ok(())
}
