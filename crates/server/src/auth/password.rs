//! Password hashes (argon2id). Checking one is deliberately slow, so it runs
//! on the blocking pool, on all cores but one at a time, behind a small
//! bounded queue: a burst of sign-ins beyond that is answered "busy, retry
//! after" at once instead of piling up and stalling the server's other
//! requests.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Checked when the e-mail is unknown, so response times don't reveal accounts.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$F1q0Cz2vJtW5e5r8Cz5x3d1m0Q0b3y6x9tYt3Yx0zq8";

/// How many checks may wait for a core, per core.
const QUEUE_PER_CORE: usize = 4;
/// The longest a check waits for a core before the caller is told "busy".
const MAX_WAIT: Duration = Duration::from_secs(1);
/// What a "busy" answer tells the client to wait (the `Retry-After` seconds).
pub const BUSY_RETRY_AFTER_SECS: u64 = 2;

/// Every core is checking a password and the queue is full (or the wait
/// was too long): the check did not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

pub fn hash(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| e.to_string())
}

fn matches(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// The checks running and waiting, shared by the whole process (the CPU is).
struct Pool {
    cores: Semaphore,
    /// Checks in the building: running or waiting for a core.
    admitted: AtomicUsize,
    capacity: usize,
}

impl Pool {
    fn new(cores: usize) -> Pool {
        Pool { cores: Semaphore::new(cores), admitted: AtomicUsize::new(0), capacity: cores * (1 + QUEUE_PER_CORE) }
    }

    async fn verify(&self, password: &str, phc: &str) -> Result<bool, Busy> {
        if self.admitted.fetch_add(1, Ordering::AcqRel) >= self.capacity {
            self.admitted.fetch_sub(1, Ordering::AcqRel);
            return Err(Busy);
        }
        let _admission = Admission(self);
        let permit = match tokio::time::timeout(MAX_WAIT, self.cores.acquire()).await {
            Ok(Ok(permit)) => permit,
            _ => return Err(Busy),
        };
        let (password, phc) = (password.to_string(), phc.to_string());
        let matched = tokio::task::spawn_blocking(move || matches(&password, &phc)).await.unwrap_or(false);
        drop(permit);
        Ok(matched)
    }
}

/// Leaves the building when dropped, however the check ends.
struct Admission<'a>(&'a Pool);

impl Drop for Admission<'_> {
    fn drop(&mut self) {
        self.0.admitted.fetch_sub(1, Ordering::AcqRel);
    }
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    // One core stays free for everything else (on one core, checks share it).
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    POOL.get_or_init(|| Pool::new((cores - 1).max(1)))
}

/// Whether a check would be told busy now: lets a sign-in answer 503
/// before spending anything else (such as a database query) on it.
pub fn busy() -> bool {
    let pool = pool();
    pool.admitted.load(Ordering::Acquire) >= pool.capacity
}

/// Whether `password` matches the stored `phc` hash; `Err(Busy)` when the
/// check could not run soon enough.
pub async fn verify(password: &str, phc: &str) -> Result<bool, Busy> {
    pool().verify(password, phc).await
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
        let pool: &'static Pool = Box::leak(Box::new(Pool::new(2)));
        let burst = pool.capacity * 3;
        let started = std::time::Instant::now();
        let checks: Vec<_> = (0..burst).map(|_| { let phc = phc.clone(); tokio::spawn(async move { pool.verify("wrong", &phc).await }) }).collect();
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
