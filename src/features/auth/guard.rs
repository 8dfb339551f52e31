//! Signed-in areas: redirect to sign-in without a session, and end the
//! session (with a message) when the server says the token is no longer good.

use crate::api::ApiError;
use crate::core::fetch::Fetched;
use crate::core::session::{use_session, Dialect};
use leptos::prelude::*;
use crate::core::navigation::{use_location, Go};
use std::future::Future;

/// Renders `children` only while a session for `dialect` exists.
#[component]
pub fn RequireSession(dialect: Dialect, children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let signed_in = move || session.current.with(|s| s.as_ref().is_some_and(|s| s.dialect == dialect));
    // Come back here after signing in again (not when already on the way to sign-in: signing out).
    let sign_in = move || {
        let here = location.path_untracked();
        if here.starts_with(dialect.sign_in_path()) {
            dialect.sign_in_path().to_string()
        } else {
            format!("{}?next={}", dialect.sign_in_path(), js_sys::encode_uri_component(&here))
        }
    };
    view! {
        <Show when=signed_in fallback=move || to_sign_in(location, sign_in())>
            {children()}
        </Show>
    }
}

/// Goes to `to` (sign-in) once this render is over, instead of the page
/// that needs a session, so the back button does not lead here again.
fn to_sign_in(location: crate::core::navigation::Location, to: String) -> impl IntoView {
    queue_microtask(move || location.go(&to, Go::INSTEAD));
}

/// Data fetched with the session's token; it fetches again when the
/// session changes. (A 401 ends the session in `api/http.rs`.)
pub fn authed_resource<T, Fut>(dialect: Dialect, fetch: impl Fn(String) -> Fut + 'static) -> Fetched<T>
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let session = use_session();
    Fetched::new(move || {
        let token = session.current.with(|s| s.as_ref().filter(|s| s.dialect == dialect).map(|s| s.token.clone()));
        let fut = token.map(&fetch);
        async move {
            match fut {
                Some(fut) => fut.await,
                None => Err(ApiError::Unauthenticated { message: String::new() }),
            }
        }
    })
}

