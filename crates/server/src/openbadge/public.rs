//! `GET /api/v1/public/organizations/{id}`: the public profile, for anyone.
//! The answer (body and ETag) is made once and kept until this server
//! changes the organization, or for [`crate::kept::FRESH_FOR`] at most (badges and
//! templates that other writers add), so its cost does not grow with traffic
//! or badge history.

use super::OpenBadgeError;
use crate::db::ob_orgs;
use crate::origin::public_base;
use crate::state::State;
use crate::web::conditional::none_match;
use axum::extract::{Path, State as Extract};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use super::answers::Answer;
use axum::body::Bytes;
use sha2::{Digest, Sha256};
use std::sync::Arc;

async fn answer(state: &State, id: String, base: String) -> Result<Arc<Answer>, OpenBadgeError> {
    let key = (id, base);
    if let Some(answer) = state.public_answers.get(&key) {
        return Ok(answer);
    }
    let org = ob_orgs::public_profile(&state.db, &key.0, &key.1).await?.ok_or(OpenBadgeError::NotFound)?;
    let body = serde_json::to_vec(&serde_json::json!({ "data": org })).map_err(|_| OpenBadgeError::Internal)?;
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&body))[..32]);
    let answer = Arc::new(Answer { body: Bytes::from(body), etag });
    state.public_answers.keep(key, answer.clone());
    Ok(answer)
}

/// Cacheable for a minute by anyone; revalidated with the ETag.
pub async fn organization(Extract(state): Extract<State>, Path(id): Path<String>, headers: HeaderMap) -> Result<Response, OpenBadgeError> {
    let answer = answer(&state, id, public_base(&headers)).await?;
    let etag = answer.etag.clone();
    let body = answer.body.clone();
    let cache = [(header::CACHE_CONTROL, "public, max-age=60".to_string()), (header::ETAG, etag.clone())];
    if none_match(&headers, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((cache, [(header::CONTENT_TYPE, "application/json".to_string())], body).into_response())
}
