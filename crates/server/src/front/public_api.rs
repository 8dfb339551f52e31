//! `GET /api/v1/public/organizations/{id}` on the web front, answered from
//! the same cache as `/issuers/{id}`: the upstream's body, ETag and
//! `Cache-Control` as it sent them, `If-None-Match` answered with a 304
//! here. Only anonymous GET and HEAD without a query take this path; any
//! other request for it is proxied like the rest of `/api`.

use super::profiles::{lookup, valid_id, Lookup};
use crate::web::conditional::none_match;
use super::proxy;
use super::state::FrontState;
use super::upstream::Platform;
use axum::extract::{Path, Request, State as Extract};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

pub async fn show(Extract(front): Extract<FrontState>, Path(id): Path<String>, request: Request) -> Response {
    let anonymous_read = matches!(*request.method(), Method::GET | Method::HEAD) && !request.headers().contains_key(header::AUTHORIZATION) && request.uri().query().is_none();
    let Some(upstream) = front.openbadge.as_ref().filter(|_| anonymous_read) else {
        return proxy::open_badge(Extract(front), request).await;
    };
    if !valid_id(&id) {
        return not_found();
    }
    match lookup(&front, upstream, &id).await {
        Lookup::Found(found) => {
            let mut kept = HeaderMap::new();
            if let Some(etag) = &found.etag {
                kept.insert(header::ETAG, etag.clone());
            }
            if let Some(cache_control) = &found.cache_control {
                kept.insert(header::CACHE_CONTROL, cache_control.clone());
            }
            let unchanged = found.etag.as_ref().and_then(|e| e.to_str().ok()).is_some_and(|etag| none_match(request.headers(), etag));
            if unchanged {
                return (StatusCode::NOT_MODIFIED, kept).into_response();
            }
            kept.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            (kept, found.body.clone()).into_response()
        }
        Lookup::NotFound => not_found(),
        Lookup::Unavailable => Platform::OpenBadge.error(StatusCode::BAD_GATEWAY, "The Open Badge service cannot be reached."),
    }
}

/// The platform's own 404, for unknown, private and malformed ids alike.
fn not_found() -> Response {
    Platform::OpenBadge.error(StatusCode::NOT_FOUND, "Not found.")
}
