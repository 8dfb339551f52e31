//! Keeps a BlendVision session alive while the admin works: the access token
//! is renewed with the refresh token shortly before it expires, so nobody is
//! signed out after `expires_in`. Renewal is an orgdesk extension; without it
//! the session simply ends at expiry (drafts are kept, as for any ended session).

use crate::api;
use crate::core::capabilities::{use_capabilities, Capabilities, Extension};
use crate::core::error::ApiError;
use crate::core::session::{use_session, Dialect, SessionStore, SignedOutReason};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// When to renew a token that expires in `left_ms`: at four fifths of its
/// life, but at least five seconds and at most a minute before the end.
fn renew_in(left_ms: i64) -> u32 {
    let lead = (left_ms / 5).clamp(5_000, 60_000);
    (left_ms - lead).clamp(0, i64::from(i32::MAX)) as u32
}

/// Watches the session and schedules each renewal. Call once, in the app root.
pub fn keep_alive() {
    let session = use_session();
    let caps = use_capabilities();
    Effect::new(move |previous: Option<Option<Timeout>>| {
        drop(previous);
        let current = session.current.get()?;
        let refresh = current.refresh_token.clone().filter(|_| current.dialect == Dialect::BlendVision)?;
        let expires_at = current.expires_at?;
        if !caps.offers(Extension::BvRefresh) {
            return None;
        }
        let wait = renew_in(expires_at - js_sys::Date::now() as i64);
        Some(Timeout::new(wait, move || spawn_local(renew(session, caps, refresh))))
    });
}

async fn renew(session: SessionStore, caps: Capabilities, refresh: String) {
    let still_ours = move || session.current.with_untracked(|s| s.as_ref().is_some_and(|s| s.refresh_token.as_deref() == Some(refresh.as_str())));
    for attempt in 0..3 {
        match api::blendvision::refresh(&refresh_of(session)).await {
            Ok(r) if still_ours() => {
                let now = js_sys::Date::now() as i64;
                session.amend(|s| {
                    s.token = r.access_token;
                    s.refresh_token = Some(r.refresh_token).filter(|t| !t.is_empty());
                    s.expires_at = r.expires_in.map(|secs| now + secs * 1000);
                });
                return;
            }
            // Signed out or renewed elsewhere meanwhile.
            Ok(_) => return,
            // The refresh token is no longer good: the session has ended.
            Err(ApiError::Unauthenticated { .. } | ApiError::Invalid { .. }) => {
                if still_ours() {
                    session.end(SignedOutReason::Expired);
                }
                return;
            }
            Err(ApiError::NotOffered) => {
                caps.lacks(Extension::BvRefresh);
                return;
            }
            // No answer: try again shortly, while the token still lives.
            Err(_) => gloo_timers::future::TimeoutFuture::new(5_000 * (attempt + 1)).await,
        }
    }
}

fn refresh_of(session: SessionStore) -> String {
    session.current.with_untracked(|s| s.as_ref().and_then(|s| s.refresh_token.clone())).unwrap_or_default()
}
