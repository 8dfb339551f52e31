//! Signs the admin out after [`IDLE_MS`] without activity (unless they
//! chose to stay signed in on this device), with a warning a minute before.
//! Works the same against every backend: the token is revoked where the
//! platform can, and forgotten here in any case. Unsaved changes stay as
//! drafts in this tab, as for any ended session.

use super::sign_out::Revoke;
use crate::core::capabilities::{use_capabilities, Capabilities};
use crate::core::session::{use_session, SessionStore, SignedOutReason};
use crate::core::storage;
use crate::i18n::{use_i18n, T};
use leptos::prelude::*;
use std::cell::Cell;
use std::time::Duration;

/// Time without activity after which the session ends.
pub const IDLE_MS: f64 = 30.0 * 60_000.0;
/// How long before the end the warning shows.
const WARN_MS: f64 = 60_000.0;
/// The last activity (ms since the epoch), kept in this tab so a reload
/// does not restart the clock.
const ACTIVE_KEY: &str = "orgdesk.active-at";

thread_local! {
    static LAST_ACTIVE: Cell<f64> = const { Cell::new(0.0) };
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn last_active() -> f64 {
    let known = LAST_ACTIVE.with(Cell::get);
    if known > 0.0 {
        return known;
    }
    // Whole milliseconds (as mark_active writes them).
    let stored = storage::session_get(ACTIVE_KEY).and_then(|s| s.parse::<i64>().ok()).map_or_else(now, |ms| ms as f64);
    LAST_ACTIVE.with(|l| l.set(stored));
    stored
}

/// Notes activity now (stored at most every few seconds).
fn mark_active() {
    let at = now();
    let before = LAST_ACTIVE.with(|l| l.replace(at));
    if at - before > 5_000.0 {
        // Whole milliseconds, written as an integer (no float formatting in the wasm).
        storage::session_set(ACTIVE_KEY, &(at.round() as i64).to_string());
    }
}

/// Whether the idle warning shows, shared with [`IdleWarning`].
#[derive(Clone, Copy)]
struct Warning(RwSignal<bool>);

/// Watches activity and the clock; an idle session's token is revoked with
/// `revoke`. Call once, in the app root.
pub fn watch_idle(revoke: Revoke) {
    let session = use_session();
    let caps = use_capabilities();
    let warning = RwSignal::new(false);
    provide_context(Warning(warning));
    let on_activity = move || {
        mark_active();
        if warning.get_untracked() {
            warning.set(false);
        }
    };
    // The listeners and the timer live as long as the app.
    std::mem::forget(window_event_listener(leptos::ev::keydown, move |_| on_activity()));
    std::mem::forget(window_event_listener(leptos::ev::pointerdown, move |_| on_activity()));
    std::mem::forget(window_event_listener(leptos::ev::pointermove, move |_| on_activity()));
    std::mem::forget(window_event_listener(leptos::ev::wheel, move |_| on_activity()));
    // A new sign-in starts the clock afresh (a stored session keeps its clock).
    Effect::new(move |previous: Option<Option<String>>| {
        let token = session.current.with(|s| s.as_ref().map(|s| s.token.clone()));
        if previous.is_some_and(|p| p != token) && token.is_some() {
            LAST_ACTIVE.with(|l| l.set(0.0));
            storage::session_remove(ACTIVE_KEY);
            mark_active();
        }
        token
    });
    let _ = set_interval_with_handle(move || tick(session, caps, warning, revoke), Duration::from_secs(5));
}

fn tick(session: SessionStore, caps: Capabilities, warning: RwSignal<bool>, revoke: Revoke) {
    let Some(current) = session.current.get_untracked().filter(|s| !s.keep) else {
        warning.set(false);
        return;
    };
    let idle = now() - last_active();
    if idle >= IDLE_MS {
        warning.set(false);
        // Ended from a task, as a refused token ends a session, not from
        // inside the timer's callback.
        leptos::task::spawn_local(async move {
            session.end(SignedOutReason::Idle);
            revoke(current.token, caps);
        });
    } else if idle >= IDLE_MS - WARN_MS && !warning.get_untracked() {
        warning.set(true);
    }
}

/// "You will be signed out in a minute", with a button to stay.
#[component]
pub fn IdleWarning() -> impl IntoView {
    let i18n = use_i18n();
    let Warning(warning) = expect_context::<Warning>();
    view! {
        <Show when=move || warning.get()>
            <div class="notice notice--warning idle-warning" role="alert">
                <p>{move || i18n.t(T::IdleWarning)}</p>
                <button type="button" class="button" on:click=move |_| warning.set(false)>
                    {move || i18n.t(T::StaySignedIn)}
                </button>
            </div>
        </Show>
    }
}
