//! Signing out on purpose: asks first when a form has unsaved changes,
//! drops this admin's drafts, revokes the token where the platform can.

use crate::api;
use crate::core::capabilities::{use_capabilities, Capabilities, Extension};
use crate::core::session::{use_session, SignedOutReason};
use crate::core::storage;
use crate::i18n::{use_i18n, T};
use crate::ui::form::inputs::confirm;
use crate::ui::form::unsaved::Unsaved;
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::core::navigation::{use_location, Go};

/// The header's sign-out button, shown while a session exists.
#[component]
pub fn SignOutButton(revoke: Revoke) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let caps = use_capabilities();
    let sign_out = move |_| {
        let Some(current) = session.current.get_untracked() else { return };
        let unsaved = use_context::<Unsaved>().is_some_and(|u| u.0.get_untracked());
        if unsaved && !confirm(i18n.t_untracked(T::SignOutDiscard)) {
            return;
        }
        // Drafts belong to this admin: signing out on purpose removes them.
        storage::session_remove_prefix("orgdesk.draft.");
        revoke(current.token.clone(), caps);
        session.end(SignedOutReason::SignedOut);
        location.go(current.dialect.sign_in_path(), Go::PAGE);
    };
    view! {
        <Show when=move || session.current.with(Option::is_some)>
            <button type="button" class="button button--secondary" on:click=sign_out.clone()>
                {move || i18n.t(T::SignOut)}
            </button>
        </Show>
    }
}

/// Revokes a token server-side where the backend can; if that fails or is
/// not offered, the token is still forgotten by the caller. `caps` is taken
/// by the caller: a timer has no owner to find it in. Each console is given
/// its own platform's, so it links only that platform's call (issue 17).
pub type Revoke = fn(String, Capabilities);

/// [`Revoke`] for Open Badge (`POST /api/v1/auth/logout`, our extension).
pub fn revoke_open_badge(token: String, caps: Capabilities) {
    if caps.offers_untracked(Extension::ObPassword) {
        spawn_local(async move {
            let _ = api::openbadge::logout(token).await;
        });
    }
}

/// [`Revoke`] for BlendVision One (`POST /bv/account/v1/accounts/logout`, our extension).
pub fn revoke_blendvision(token: String, caps: Capabilities) {
    if caps.offers_untracked(Extension::BvRevoke) {
        spawn_local(async move {
            let _ = api::blendvision::logout(token).await;
        });
    }
}
