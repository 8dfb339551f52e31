//! Password hashes (argon2id). Checking one is deliberately slow, so it runs
//! on the blocking pool, at most one per core at a time: a burst of sign-ins
//! queues instead of stalling the server's other requests.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;
use tokio::sync::Semaphore;

/// Checked when the e-mail is unknown, so response times don't reveal accounts.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$F1q0Cz2vJtW5e5r8Cz5x3d1m0Q0b3y6x9tYt3Yx0zq8";

pub fn hash(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| e.to_string())
}

fn matches(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Whether `password` matches the stored `phc` hash.
pub async fn verify(password: &str, phc: &str) -> bool {
    static CHECKS: OnceLock<Semaphore> = OnceLock::new();
    let checks = CHECKS.get_or_init(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));
    let Ok(_permit) = checks.acquire().await else { return false };
    let (password, phc) = (password.to_string(), phc.to_string());
    tokio::task::spawn_blocking(move || matches(&password, &phc)).await.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn password_hash_verifies_only_the_right_password() {
        let phc = hash("orgdesk-demo").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify("orgdesk-demo", &phc).await);
        assert!(!verify("orgdesk-dem0", &phc).await);
        assert_ne!(phc, hash("orgdesk-demo").unwrap(), "salted");
    }
}
