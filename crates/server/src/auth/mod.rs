//! Who is calling: passwords (argon2, on a bounded blocking pool), bearer
//! tokens, and the extractors handlers take instead of checking by hand.

pub mod extract;
pub mod password;
pub mod tokens;

pub use crate::db::accounts::{Account, Dialect};
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

/// Checks e-mail and password for an account of `dialect`; the same `None`
/// (and the same time spent) for an unknown e-mail and a wrong password.
pub async fn check_credentials(db: &SqlitePool, dialect: Dialect, email: &str, password: &str) -> Result<Option<String>, sqlx::Error> {
    let stored = crate::db::accounts::password_of(db, dialect, email.trim()).await?;
    let phc = stored.as_ref().map_or(password::DUMMY_HASH, |s| s.password_hash.as_str());
    let matches = password::verify(password, phc).await && stored.is_some();
    let account = stored.filter(|_| matches).map(|s| s.id);
    match &account {
        Some(id) => tracing::info!(dialect = dialect.as_str(), account = %id, "sign-in succeeded"),
        None => tracing::warn!(dialect = dialect.as_str(), email = %email.trim(), "sign-in failed: unknown e-mail or wrong password"),
    }
    Ok(account)
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
