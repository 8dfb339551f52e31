//! Bearer tokens: random, stored as SHA-256 only, expiring, revocable; and
//! the one-time refresh tokens a BlendVision sign-in hands out with them.

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

/// How long a refresh token lives (it is used once, to get a new pair).
pub const REFRESH_TTL_SECS: i64 = 30 * 24 * 3600;

/// Deletes tokens and refresh tokens that expired, were revoked or used:
/// they can never be used again, and nothing else would remove them.
pub async fn purge(db: &SqlitePool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM tokens WHERE expires_at <= ? OR revoked <> 0").bind(now_secs()).execute(db).await?;
    Ok(done.rows_affected() + accounts::purge_refresh_tokens(db, now_secs()).await?)
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Issues a new token for `account_id` (first purging dead ones, so the
/// table does not grow with every sign-in); returns it and its expiry (Unix seconds).
pub async fn issue(db: &SqlitePool, dialect: Dialect, account_id: &str, ttl_secs: i64) -> Result<(String, i64), sqlx::Error> {
    let purged = purge(db).await?;
    if purged > 0 {
        tracing::debug!(purged, "expired or revoked tokens deleted");
    }
    let token = random_token();
    let now = now_secs();
    let expires = now + ttl_secs;
    accounts::insert_token(db, dialect, &token_hash(&token), account_id, expires, now).await?;
    Ok((token, expires))
}

/// A signed-in session: an access token and the refresh token that renews it.
#[derive(Debug)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
}

/// Issues an access token (living `ttl_secs`) and a refresh token bound to it.
pub async fn issue_session(db: &SqlitePool, dialect: Dialect, account_id: &str, ttl_secs: i64) -> Result<Session, sqlx::Error> {
    let (access_token, _) = issue(db, dialect, account_id, ttl_secs).await?;
    let refresh_token = random_token();
    let now = now_secs();
    accounts::insert_refresh_token(db, dialect, &token_hash(&refresh_token), account_id, &token_hash(&access_token), now + REFRESH_TTL_SECS, now).await?;
    Ok(Session { access_token, refresh_token })
}

/// Trades a live refresh token for a new session, using it up; `None` for an
/// unknown, used, expired or other-platform one.
pub async fn refresh(db: &SqlitePool, dialect: Dialect, refresh_token: &str, ttl_secs: i64) -> Result<Option<Session>, sqlx::Error> {
    let Some(account_id) = accounts::use_refresh_token(db, dialect, &token_hash(refresh_token.trim()), now_secs()).await? else { return Ok(None) };
    issue_session(db, dialect, &account_id, ttl_secs).await.map(Some)
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

/// Revokes the request's token and the refresh tokens issued with it.
pub async fn revoke(db: &SqlitePool, headers: &HeaderMap) -> Result<(), sqlx::Error> {
    let Some(token) = bearer(headers) else { return Ok(()) };
    let hash = token_hash(token);
    accounts::revoke_token(db, &hash).await?;
    accounts::revoke_refresh_tokens_of(db, &hash).await
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
