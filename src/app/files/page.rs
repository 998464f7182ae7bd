//! The web page's files: its file input (the web's Open…) and files dropped on the page,
//! read by the browser and handed to the store as [`OpenBytes`]. (winit sends no dropped
//! files on the web, and a page cannot list folders: the desktop's ways are `browse` and
//! the window's drops.)

use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::browse::OPENABLE;
use crate::app::state::requests::{OpenBytes, ShowOpenDialog};
use crate::app::state::systems::AppSystems;
use crate::core::geojson::MAX_FILE_BYTES;

/// The id of the page's file input (made here when the page has none).
pub const INPUT_ID: &str = "dateline-file";

/// Files the browser has read, waiting for the next frame: name and bytes.
static INBOX: Mutex<Vec<(String, Vec<u8>)>> = Mutex::new(Vec::new());

/// Listens to the page's file input and to drops, and hands what they give to the store.
pub(super) fn plugin(app: &mut App) {
    listen();
    app.add_systems(Update, (open_picker, take).in_set(AppSystems::Input));
}

/// Open… (the button, Ctrl+O) on the web: the browser's file picker.
fn open_picker(mut requests: MessageReader<ShowOpenDialog>) {
    if requests.read().count() > 0 {
        pick();
    }
}

fn input() -> Option<web_sys::HtmlInputElement> {
    let doc = web_sys::window()?.document()?;
    doc.get_element_by_id(INPUT_ID)?.dyn_into().ok()
}

/// Opens the browser's file picker (the web's Open…). Browsers allow it for a few seconds
/// after a click or key press, which is when the Open… button and Ctrl+O ask for it.
pub fn pick() {
    if let Some(i) = input() {
        // Emptied first, so picking the same file again (after fixing it) reads it again.
        i.set_value("");
        i.click();
    }
}

fn listen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let input = input().or_else(|| {
        let i: web_sys::HtmlInputElement = doc.create_element("input").ok()?.dyn_into().ok()?;
        i.set_type("file");
        i.set_id(INPUT_ID);
        i.set_hidden(true);
        doc.body()?.append_child(&i).ok()?;
        Some(i)
    });
    let Some(input) = input else {
        warn!("the page has no body: files can only be opened by dropping them");
        return;
    };
    input.set_multiple(true);
    input.set_accept(&OPENABLE.join(","));
    let on_change = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(files) = input.and_then(|i| i.files()) {
            read_all(&files);
        }
    });
    let _ = input.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The page lives as long as the app: the listeners are never removed.
    on_change.forget();
    // A drop anywhere on the page opens the files (the browser would otherwise show them).
    let on_over = Closure::<dyn FnMut(web_sys::DragEvent)>::new(|e: web_sys::DragEvent| {
        e.prevent_default();
    });
    let _ = doc.add_event_listener_with_callback("dragover", on_over.as_ref().unchecked_ref());
    on_over.forget();
    let on_drop = Closure::<dyn FnMut(web_sys::DragEvent)>::new(|e: web_sys::DragEvent| {
        e.prevent_default();
        if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
            read_all(&files);
        }
    });
    let _ = doc.add_event_listener_with_callback("drop", on_drop.as_ref().unchecked_ref());
    on_drop.forget();
}

/// Reads each file in the browser (no more than the size limit and one byte, so the store
/// refuses a file too big without holding all of it) and puts it in the inbox.
fn read_all(files: &web_sys::FileList) {
    for i in 0..files.length() {
        let Some(file) = files.get(i) else {
            continue;
        };
        let name = file.name();
        let part = file.slice_with_f64_and_f64(0.0, (MAX_FILE_BYTES + 1) as f64);
        wasm_bindgen_futures::spawn_local(async move {
            let read = match part {
                Ok(blob) => wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await,
                Err(e) => Err(e),
            };
            match read {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    INBOX
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((name, bytes));
                }
                Err(e) => warn!("{name}: the browser could not read the file: {e:?}"),
            }
        });
    }
}

fn take(mut open: MessageWriter<OpenBytes>) {
    let given = std::mem::take(&mut *INBOX.lock().unwrap_or_else(|e| e.into_inner()));
    for (name, bytes) in given {
        open.write(OpenBytes {
            name,
            bytes: Arc::new(bytes),
        });
    }
}
