//! Signed-in areas: redirect to sign-in without a session, and end the
//! session (with a message) when the server says the token is no longer good.

use crate::api::ApiError;
use crate::i18n::{api_error_key, use_i18n, T};
use crate::state::session::{use_session, Dialect, SignedOutReason};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use std::future::Future;

/// Renders `children` only while a session for `dialect` exists.
#[component]
pub fn RequireSession(dialect: Dialect, children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let signed_in = move || session.current.with(|s| s.as_ref().is_some_and(|s| s.dialect == dialect));
    // Come back here after signing in again (not when already on the way to sign-in: signing out).
    let sign_in = move || {
        let here = location.pathname.get_untracked();
        if here.starts_with(dialect.sign_in_path()) {
            dialect.sign_in_path().to_string()
        } else {
            format!("{}?next={}", dialect.sign_in_path(), js_sys::encode_uri_component(&here))
        }
    };
    view! {
        <Show when=signed_in fallback=move || view! { <Redirect path=sign_in()/> }>
            {children()}
        </Show>
    }
}

/// A resource fetched with the session's token. A 401 ends the session, which
/// sends the admin to sign-in with "your session has ended".
pub fn authed_resource<T, Fut>(dialect: Dialect, fetch: impl Fn(String) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let session = use_session();
    LocalResource::new(move || {
        let token = session.current.with(|s| s.as_ref().filter(|s| s.dialect == dialect).map(|s| s.token.clone()));
        let fut = token.map(&fetch);
        async move {
            let result = match fut {
                Some(fut) => fut.await,
                None => Err(ApiError::Unauthenticated { message: String::new() }),
            };
            if matches!(result, Err(ApiError::Unauthenticated { .. })) && session.current.with_untracked(Option::is_some) {
                session.end(SignedOutReason::Expired);
            }
            result
        }
    })
}

/// Shown while the first answer is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{move || i18n.t(T::Loading)}</p> }
}

/// A failed load: what happened in words, and a retry.
#[component]
pub fn LoadError(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let key = api_error_key(&error);
    view! {
        <section class="message-page" role="alert">
            <h1>{move || i18n.t(T::LoadFailed)}</h1>
            <p>{move || i18n.t(key)}</p>
            <p><button type="button" class="button" on:click=move |_| on_retry.run(())>{move || i18n.t(T::Retry)}</button></p>
        </section>
    }
}
