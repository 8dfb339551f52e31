//! `GET /api/v1/public/organizations/{id}`: the public profile, for anyone.

use super::OpenBadgeError;
use crate::db::ob_orgs;
use crate::origin::public_base;
use crate::state::State;
use axum::extract::{Path, State as Extract};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// Cacheable for a minute by anyone; revalidated with the ETag.
pub async fn organization(Extract(state): Extract<State>, Path(id): Path<String>, headers: HeaderMap) -> Result<Response, OpenBadgeError> {
    let org = ob_orgs::public_profile(&state.db, &id, &public_base(&headers)).await?.ok_or(OpenBadgeError::NotFound)?;
    let body = serde_json::to_vec(&serde_json::json!({ "data": org })).map_err(|_| OpenBadgeError::Internal)?;
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&body))[..32]);
    let cache = [(header::CACHE_CONTROL, "public, max-age=60".to_string()), (header::ETAG, etag.clone())];
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((cache, [(header::CONTENT_TYPE, "application/json".to_string())], body).into_response())
}
