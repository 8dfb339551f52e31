//! The frame around every page: skip link, header (brand, language, sign
//! out) and the main landmark.

use super::lang_switch::LangSwitch;
use crate::api;
use crate::i18n::{use_i18n, T};
use crate::state::session::{use_session, Dialect, SignedOutReason};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let sign_out = move |_| {
        let Some(current) = session.current.get_untracked() else { return };
        let unsaved = use_context::<super::unsaved::Unsaved>().is_some_and(|u| u.0.get_untracked());
        if unsaved && !super::form_fields::confirm(i18n.t_untracked(T::SignOutDiscard)) {
            return;
        }
        // Drafts belong to this admin: signing out on purpose removes them.
        crate::state::storage::session_remove_prefix("orgdesk.draft.");
        if current.dialect == Dialect::OpenBadge {
            // Revoke server-side too; if that fails the token is still forgotten here.
            let token = current.token.clone();
            spawn_local(async move {
                let _ = api::openbadge::logout(token).await;
            });
        }
        session.end(SignedOutReason::SignedOut);
        navigate(current.dialect.sign_in_path(), Default::default());
    };
    view! {
        <a class="skip-link" href="#main">{move || i18n.t(T::SkipToContent)}</a>
        <header class="app-header">
            <a class="app-header__brand" href="/">"orgdesk"</a>
            <div class="app-header__tools">
                <LangSwitch/>
                <Show when=move || session.current.with(Option::is_some)>
                    <button type="button" class="button button--secondary" on:click=sign_out.clone()>
                        {move || i18n.t(T::SignOut)}
                    </button>
                </Show>
            </div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
    }
}
