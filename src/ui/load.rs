//! The views of a page that is loading or failed to load.

use crate::core::error::ApiError;
use crate::i18n::{api_error_key, use_i18n, T};
use leptos::prelude::*;

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
