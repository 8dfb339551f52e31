//! CPU-heavy work (password checks, image processing) on the blocking pool,
//! a few jobs at a time behind a small bounded queue: a burst beyond that is
//! answered "busy, retry after" at once instead of piling up and stalling
//! the server's other requests. Each kind of work has a pool of its own, so
//! a run of logo uploads never makes sign-ins wait.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Every slot is taken and the queue is full (or the wait was too long):
/// the job did not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// Why a job has no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDone {
    /// It did not run: try again later.
    Busy,
    /// It ran and panicked.
    Failed,
}

/// Jobs running and waiting, shared by the whole process (the CPU is).
pub struct Pool {
    slots: Semaphore,
    /// Jobs in the building: running or waiting for a slot.
    admitted: AtomicUsize,
    capacity: usize,
    max_wait: Duration,
}

impl Pool {
    /// `slots` jobs at once, `queue_per_slot` more waiting per slot, each
    /// waiting at most `max_wait`.
    pub fn new(slots: usize, queue_per_slot: usize, max_wait: Duration) -> Pool {
        Pool { slots: Semaphore::new(slots), admitted: AtomicUsize::new(0), capacity: slots * (1 + queue_per_slot), max_wait }
    }

    /// A pool with all cores but one (one core stays free for everything
    /// else; on one core, jobs share it).
    pub fn for_cores(queue_per_slot: usize, max_wait: Duration) -> Pool {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Pool::new((cores - 1).max(1), queue_per_slot, max_wait)
    }

    /// How many jobs may be in the building at once.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Whether a job would be told busy now: lets a caller answer 503
    /// before spending anything else on the request.
    pub fn busy(&self) -> bool {
        self.admitted.load(Ordering::Acquire) >= self.capacity
    }

    /// Runs `job` on the blocking pool once a slot is free.
    pub async fn run<T: Send + 'static>(&'static self, job: impl FnOnce() -> T + Send + 'static) -> Result<T, NotDone> {
        if self.admitted.fetch_add(1, Ordering::AcqRel) >= self.capacity {
            self.admitted.fetch_sub(1, Ordering::AcqRel);
            return Err(NotDone::Busy);
        }
        let _admission = Admission(self);
        let permit = match tokio::time::timeout(self.max_wait, self.slots.acquire()).await {
            Ok(Ok(permit)) => permit,
            _ => return Err(NotDone::Busy),
        };
        // The slot is held until the job ends, even if the caller goes away.
        let done = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            job()
        });
        done.await.map_err(|_| NotDone::Failed)
    }
}

/// Leaves the building when dropped, however the job ends.
struct Admission<'a>(&'a Pool);

impl Drop for Admission<'_> {
    fn drop(&mut self) {
        self.0.admitted.fetch_sub(1, Ordering::AcqRel);
    }
}
