//! Passwords (argon2) and bearer tokens (random, stored as SHA-256, expiring).

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::http::HeaderMap;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::{Row, SqlitePool};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    OpenBadge,
    BlendVision,
}

impl Dialect {
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::OpenBadge => "openbadge",
            Dialect::BlendVision => "blendvision",
        }
    }
}

/// The signed-in account behind a request.
#[derive(Clone, Debug)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub username: Option<String>,
    pub ob_organization_id: Option<String>,
    pub bv_organization_id: Option<String>,
    pub email_verified_at: Option<String>,
}

pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// `(email, password)` from a sign-in body. A missing or non-text field reads
/// as empty, so the validation that follows names exactly that field; `None`
/// when the body is not a JSON object at all.
pub fn credentials(body: &[u8]) -> Option<(String, String)> {
    let serde_json::Value::Object(fields) = serde_json::from_slice(body).ok()? else { return None };
    let text = |name: &str| fields.get(name).and_then(serde_json::Value::as_str).unwrap_or_default().to_string();
    Some((text("email"), text("password")))
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Checks e-mail and password for an account of `dialect`; the same `None`
/// for an unknown e-mail and a wrong password.
pub async fn check_credentials(db: &SqlitePool, dialect: Dialect, email: &str, password: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT id, password_hash FROM accounts WHERE dialect = ? AND email = ? AND status = 'ACCOUNT_STATUS_ACTIVATED'")
        .bind(dialect.as_str())
        .bind(email.trim())
        .fetch_optional(db)
        .await?;
    Ok(match row {
        Some(row) => {
            let hash: String = row.get("password_hash");
            verify_password(password, &hash).then(|| row.get("id"))
        }
        None => {
            // Spend the same time as a real check so response times don't reveal accounts.
            let _ = verify_password(password, DUMMY_HASH);
            None
        }
    })
}

const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$F1q0Cz2vJtW5e5r8Cz5x3d1m0Q0b3y6x9tYt3Yx0zq8";

/// Issues a new token for `account_id`; returns it and its expiry (Unix seconds).
pub async fn issue_token(db: &SqlitePool, dialect: Dialect, account_id: &str, ttl_secs: i64) -> Result<(String, i64), sqlx::Error> {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let now = now_secs();
    let expires = now + ttl_secs;
    sqlx::query("INSERT INTO tokens (hash, account_id, dialect, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(token_hash(&token))
        .bind(account_id)
        .bind(dialect.as_str())
        .bind(expires)
        .bind(now)
        .execute(db)
        .await?;
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
    let row = sqlx::query(
        "SELECT a.id, a.email, a.username, a.ob_organization_id, a.bv_organization_id, a.email_verified_at
         FROM tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.hash = ? AND t.dialect = ? AND t.revoked = 0 AND t.expires_at > ? AND a.status = 'ACCOUNT_STATUS_ACTIVATED'",
    )
    .bind(token_hash(token))
    .bind(dialect.as_str())
    .bind(now_secs())
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| Account {
        id: r.get("id"),
        email: r.get("email"),
        username: r.get("username"),
        ob_organization_id: r.get("ob_organization_id"),
        bv_organization_id: r.get("bv_organization_id"),
        email_verified_at: r.get("email_verified_at"),
    }))
}

/// Revokes the request's token.
pub async fn revoke(db: &SqlitePool, headers: &HeaderMap) -> Result<(), sqlx::Error> {
    if let Some(token) = bearer(headers) {
        sqlx::query("UPDATE tokens SET revoked = 1 WHERE hash = ?").bind(token_hash(token)).execute(db).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hash_verifies_only_the_right_password() {
        let phc = hash_password("orgdesk-demo").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("orgdesk-demo", &phc));
        assert!(!verify_password("orgdesk-dem0", &phc));
        assert_ne!(phc, hash_password("orgdesk-demo").unwrap(), "salted");
    }

    #[test]
    fn sign_in_bodies_are_read_field_by_field() {
        let both = br#"{"email":"a@b.example","password":"pw"}"#;
        assert_eq!(credentials(both), Some(("a@b.example".into(), "pw".into())));
        assert_eq!(credentials(br#"{"email":"a@b.example","password":7}"#), Some(("a@b.example".into(), String::new())));
        assert_eq!(credentials(br#"{}"#), Some((String::new(), String::new())));
        assert_eq!(credentials(b"[]"), None);
        assert_eq!(credentials(b"{not json"), None);
    }

    #[test]
    fn bearer_header_is_parsed_case_insensitively() {
        let mut h = HeaderMap::new();
        h.insert("authorization", "bearer abc".parse().unwrap());
        assert_eq!(bearer(&h), Some("abc"));
        h.insert("authorization", "Basic abc".parse().unwrap());
        assert_eq!(bearer(&h), None);
    }
}
