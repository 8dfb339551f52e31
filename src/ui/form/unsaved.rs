//! Asks before unsaved changes are left behind: closing or reloading the tab
//! (the browser's own `beforeunload` prompt) and following a link inside the
//! app (a confirm, in the viewer's language). What was typed is kept as a
//! draft either way; the question is whether to go.

use crate::i18n::{use_i18n, I18n, T};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the page on screen holds unsaved changes.
#[derive(Clone, Copy)]
pub struct Unsaved(pub RwSignal<bool>);

/// Installs the listeners once, for the life of the app.
pub fn provide_unsaved() {
    let unsaved = Unsaved(RwSignal::new(false));
    provide_context(unsaved);
    let i18n = use_i18n();
    let Some(window) = web_sys::window() else { return };
    let before_unload = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(move |ev: web_sys::BeforeUnloadEvent| {
        if unsaved.0.get_untracked() {
            ev.prevent_default();
            ev.set_return_value(i18n.t_untracked(T::LeaveConfirm));
        }
    });
    let _ = window.add_event_listener_with_callback("beforeunload", before_unload.as_ref().unchecked_ref());
    before_unload.forget();

    // Capture phase on the document: runs before the router's own handler,
    // so a declined confirm stops the navigation.
    let click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !unsaved.0.get_untracked() || ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(anchor) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a[href]").ok().flatten()) else {
            return;
        };
        let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else { return };
        let same_page = anchor.get_attribute("href").is_some_and(|h| h.starts_with('#'));
        let new_tab = !anchor.target().is_empty() && anchor.target() != "_self";
        let same_origin = web_sys::window().and_then(|w| w.location().origin().ok()).is_some_and(|o| anchor.origin() == o);
        // Other origins unload the app: the browser's own prompt asks then.
        if same_page || new_tab || !same_origin {
            return;
        }
        if !ask_to_leave(i18n) {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    if let Some(doc) = window.document() {
        let _ = doc.add_event_listener_with_callback_and_bool("click", click.as_ref().unchecked_ref(), true);
    }
    click.forget();
}

fn ask_to_leave(i18n: I18n) -> bool {
    super::inputs::confirm(i18n.t_untracked(T::LeaveConfirm))
}

/// Whether the admin may leave now: true without unsaved changes, else
/// their answer to the question.
pub fn may_leave() -> bool {
    let Some(unsaved) = use_context::<Unsaved>() else { return true };
    !unsaved.0.get_untracked() || ask_to_leave(use_i18n())
}

/// Marks the page as holding unsaved changes while `dirty` says so.
pub fn guard_unsaved(dirty: impl Fn() -> bool + 'static) {
    let Some(unsaved) = use_context::<Unsaved>() else { return };
    Effect::new(move |_| unsaved.0.set(dirty()));
    on_cleanup(move || unsaved.0.set(false));
}
