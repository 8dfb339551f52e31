//! Password hashes (argon2id). Checking one is deliberately slow, so it runs
//! in a [`crate::cpu::Pool`] of its own: on all cores but one, at most a few
//! waiting, and a burst beyond that is answered "busy, retry after" at once.

use crate::cpu::{NotDone, Pool};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;
use std::time::Duration;

pub use crate::cpu::Busy;

/// Checked when the e-mail is unknown, so response times don't reveal accounts.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$F1q0Cz2vJtW5e5r8Cz5x3d1m0Q0b3y6x9tYt3Yx0zq8";

/// How many checks may wait for a core, per core.
const QUEUE_PER_CORE: usize = 4;
/// The longest a check waits for a core before the caller is told "busy".
const MAX_WAIT: Duration = Duration::from_secs(1);
/// What a "busy" answer tells the client to wait (the `Retry-After` seconds).
pub const BUSY_RETRY_AFTER_SECS: u64 = 2;

pub fn hash(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| e.to_string())
}

fn matches(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| Pool::for_cores(QUEUE_PER_CORE, MAX_WAIT))
}

/// One check in `pool`: a check that panicked is no match.
async fn verify_in(pool: &'static Pool, password: &str, phc: &str) -> Result<bool, Busy> {
    let (password, phc) = (password.to_string(), phc.to_string());
    match pool.run(move || matches(&password, &phc)).await {
        Ok(matched) => Ok(matched),
        Err(NotDone::Failed) => Ok(false),
        Err(NotDone::Busy) => Err(Busy),
    }
}

/// Whether a check would be told busy now: lets a sign-in answer 503
/// before spending anything else (such as a database query) on it.
pub fn busy() -> bool {
    pool().busy()
}

/// Whether `password` matches the stored `phc` hash; `Err(Busy)` when the
/// check could not run soon enough.
pub async fn verify(password: &str, phc: &str) -> Result<bool, Busy> {
    verify_in(pool(), password, phc).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn password_hash_verifies_only_the_right_password() {
        let phc = hash("orgdesk-demo").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert_eq!(verify("orgdesk-demo", &phc).await, Ok(true));
        assert_eq!(verify("orgdesk-dem0", &phc).await, Ok(false));
        assert_ne!(phc, hash("orgdesk-demo").unwrap(), "salted");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_burst_beyond_the_queue_is_told_busy_at_once() {
        let phc = hash("orgdesk-demo").unwrap();
        let pool: &'static Pool = Box::leak(Box::new(Pool::new(2, QUEUE_PER_CORE, MAX_WAIT)));
        let burst = pool.capacity() * 3;
        let started = std::time::Instant::now();
        let checks: Vec<_> = (0..burst).map(|_| { let phc = phc.clone(); tokio::spawn(async move { verify_in(pool, "wrong", &phc).await }) }).collect();
        let mut busy = 0;
        for c in checks {
            if c.await.unwrap() == Err(Busy) {
                busy += 1;
            }
        }
        assert!(busy >= burst / 2, "{busy} of {burst} told busy");
        assert!(started.elapsed() < MAX_WAIT * 3, "{:?}", started.elapsed());
    }
}
