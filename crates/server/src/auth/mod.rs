//! Who is calling: passwords (argon2, on a bounded blocking pool), bearer
//! tokens, and the extractors handlers take instead of checking by hand.

pub mod client;
pub mod extract;
pub mod password;
pub mod throttle;
pub mod tokens;

pub use crate::db::accounts::{Account, Dialect};
pub use client::Client;
pub use extract::{OrgMember, PlatformError, SignedIn};

use sqlx::SqlitePool;

/// `(email, password)` from a sign-in body. A missing or non-text field reads
/// as empty, so the validation that follows names exactly that field; `None`
/// when the body is not a JSON object at all.
pub fn credentials(body: &[u8]) -> Option<(String, String)> {
    let serde_json::Value::Object(fields) = serde_json::from_slice(body).ok()? else { return None };
    let text = |name: &str| fields.get(name).and_then(serde_json::Value::as_str).unwrap_or_default().to_string();
    Some((text("email"), text("password")))
}

/// Why a sign-in did not give a session.
#[derive(Debug)]
pub enum SignInError {
    /// Unknown e-mail or wrong password (the same answer for both).
    Wrong,
    /// Too many failures from this IP, or for this e-mail from this IP:
    /// refused without checking the password.
    Locked { retry_after_secs: u64 },
    /// Every core is checking passwords and the queue is full.
    Busy { retry_after_secs: u64 },
    Database(sqlx::Error),
}

impl From<sqlx::Error> for SignInError {
    fn from(e: sqlx::Error) -> Self {
        SignInError::Database(e)
    }
}

/// Signs `email` in with `password` for `client`, throttled: a locked pair
/// or IP is refused before argon2 runs; a failure counts, a success resets
/// the pair. Returns the account's id. Logs each outcome (never the password).
pub async fn sign_in(db: &SqlitePool, client: &Client, dialect: Dialect, email: &str, password: &str) -> Result<String, SignInError> {
    let (ip, email) = (client.ip, email.trim());
    // Each platform's accounts are their own: its pairs are too.
    let who = format!("{} {email}", dialect.as_str());
    if let Err(locked) = client.throttle.check(ip, &who) {
        tracing::warn!(dialect = dialect.as_str(), %ip, email, retry_after_secs = locked.retry_after_secs, whole_ip = locked.whole_ip, "sign-in refused: locked out");
        return Err(SignInError::Locked { retry_after_secs: locked.retry_after_secs });
    }
    let busy = || {
        tracing::warn!(dialect = dialect.as_str(), %ip, "sign-in refused: password checks busy");
        SignInError::Busy { retry_after_secs: password::BUSY_RETRY_AFTER_SECS }
    };
    if password::busy() {
        return Err(busy());
    }
    let stored = crate::db::accounts::password_of(db, dialect, email).await?;
    let phc = stored.as_ref().map_or(password::DUMMY_HASH, |s| s.password_hash.as_str());
    let Ok(matches) = password::verify(password, phc).await else { return Err(busy()) };
    match stored.filter(|_| matches) {
        Some(account) => {
            client.throttle.succeeded(ip, &who);
            tracing::info!(dialect = dialect.as_str(), %ip, account = %account.id, "sign-in succeeded");
            Ok(account.id)
        }
        None => {
            tracing::warn!(dialect = dialect.as_str(), %ip, email, "sign-in failed: unknown e-mail or wrong password");
            if let Some(locked) = client.throttle.failed(ip, &who) {
                tracing::warn!(dialect = dialect.as_str(), %ip, email, retry_after_secs = locked.retry_after_secs, whole_ip = locked.whole_ip, "sign-in locked out after repeated failures");
            }
            Err(SignInError::Wrong)
        }
    }
}

/// Middleware for the APIs: an answer to a request that carried credentials
/// is never stored by a browser or proxy (`Cache-Control: no-store`, whatever
/// the handler said), and neither is one that says nothing about caching
/// (sign-in answers carry tokens).
pub async fn no_store(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    let credentials = request.headers().contains_key(header::AUTHORIZATION);
    let mut response = next.run(request).await;
    if credentials || !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_bodies_are_read_field_by_field() {
        let both = br#"{"email":"a@b.example","password":"pw"}"#;
        assert_eq!(credentials(both), Some(("a@b.example".into(), "pw".into())));
        assert_eq!(credentials(br#"{"email":"a@b.example","password":7}"#), Some(("a@b.example".into(), String::new())));
        assert_eq!(credentials(br#"{}"#), Some((String::new(), String::new())));
        assert_eq!(credentials(b"[]"), None);
        assert_eq!(credentials(b"{not json"), None);
    }
}
