//! Bearer tokens: random, stored as SHA-256 only, expiring, revocable.

use super::{Account, Dialect};
use crate::db::accounts;
use axum::http::HeaderMap;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Deletes tokens that expired or were revoked: they can never be used
/// again, and nothing else would remove them.
pub async fn purge(db: &SqlitePool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM tokens WHERE expires_at <= ? OR revoked <> 0").bind(now_secs()).execute(db).await?;
    Ok(done.rows_affected())
}

/// Issues a new token for `account_id` (first purging dead ones, so the
/// table does not grow with every sign-in); returns it and its expiry (Unix seconds).
pub async fn issue(db: &SqlitePool, dialect: Dialect, account_id: &str, ttl_secs: i64) -> Result<(String, i64), sqlx::Error> {
    let purged = purge(db).await?;
    if purged > 0 {
        tracing::debug!(purged, "expired or revoked tokens deleted");
    }
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let now = now_secs();
    let expires = now + ttl_secs;
    accounts::insert_token(db, dialect, &token_hash(&token), account_id, expires, now).await?;
    Ok((token, expires))
}

/// The bearer token of a request, if it sent one.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(axum::http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim()).filter(|t| !t.is_empty())
}

/// The account behind a live token of `dialect`; `None` for a missing,
/// unknown, expired, revoked or other-platform token.
pub async fn authenticate(db: &SqlitePool, dialect: Dialect, headers: &HeaderMap) -> Result<Option<Account>, sqlx::Error> {
    let Some(token) = bearer(headers) else { return Ok(None) };
    accounts::account_for_token(db, dialect, &token_hash(token), now_secs()).await
}

/// Revokes the request's token.
pub async fn revoke(db: &SqlitePool, headers: &HeaderMap) -> Result<(), sqlx::Error> {
    match bearer(headers) {
        Some(token) => accounts::revoke_token(db, &token_hash(token)).await,
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_header_is_parsed_case_insensitively() {
        let mut h = HeaderMap::new();
        h.insert("authorization", "bearer abc".parse().unwrap());
        assert_eq!(bearer(&h), Some("abc"));
        h.insert("authorization", "Basic abc".parse().unwrap());
        assert_eq!(bearer(&h), None);
    }
}
