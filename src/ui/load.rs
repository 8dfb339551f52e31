//! The views of a page that is loading or failed to load.

use crate::core::error::ApiError;
use crate::core::fetch::Fetched;
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

/// What every signed-in page shows of its data: a spinner until the first
/// answer, then `ready` with it, or an explained error with a retry. A
/// refetch keeps the last answer on screen until the next one is in (no
/// flash of a spinner after a save). `not_found` replaces the error view
/// for a 404 where the page has its own words for it.
pub fn loaded<T>(
    resource: Fetched<T>,
    ready: impl Fn(T) -> AnyView + Send + Sync + 'static,
    not_found: Option<fn() -> AnyView>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let last = RwSignal::new(None::<Result<T, ApiError>>);
    Effect::new(move |_| {
        if let Some(answer) = resource.get() {
            last.set(Some(answer));
        }
    });
    move || match last.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(value)) => ready(value),
        Some(Err(ApiError::NotFound { .. })) if not_found.is_some() => not_found.map(|view| view()).unwrap_or_else(|| ().into_any()),
        Some(Err(ApiError::Cancelled)) => view! { <Loading/> }.into_any(),
        Some(Err(e)) => view! { <LoadError error=e on_retry=Callback::new(move |_| resource.refetch())/> }.into_any(),
    }
}
