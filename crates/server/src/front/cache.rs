//! What the web front keeps of the upstream's public profiles: bounded
//! maps, least recently used out first, one fetch at a time per issuer so a
//! burst of visitors to a cold page costs the upstream one request, and a
//! bound on the fetches under way for all issuers together.

use crate::web::prepared::Prepared;
use axum::body::Bytes;
use axum::http::HeaderValue;
use orgdesk_model::openbadge::PublicOrganization;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Issuers kept at most, and unknown ids remembered at most (apart, so a
/// flood of unknown ids cannot push the known issuers out).
pub const CAPACITY: usize = 1000;
/// Upstream requests for public profiles under way at once, all ids together.
const CONCURRENT_FETCHES: usize = 16;

/// One upstream answer about an id, and until when it is used without asking.
#[derive(Clone, Debug)]
pub struct Cached {
    /// `None`: the upstream has no public profile for the id.
    pub found: Option<Arc<Found>>,
    pub fresh_until: Instant,
}

/// A public profile as the upstream answered it.
#[derive(Debug)]
pub struct Found {
    /// Parsed, its description sanitized, for the page.
    pub profile: PublicOrganization,
    /// The upstream's body as it came, for the API path.
    pub body: Bytes,
    pub etag: Option<HeaderValue>,
    pub cache_control: Option<HeaderValue>,
    /// The issuer page rendered from it, and the public base URL it was
    /// rendered for (a page names its own address).
    page: Mutex<Option<(String, Arc<Prepared>)>>,
}

impl Found {
    pub fn new(profile: PublicOrganization, body: Bytes, etag: Option<HeaderValue>, cache_control: Option<HeaderValue>) -> Found {
        Found { profile, body, etag, cache_control, page: Mutex::new(None) }
    }

    /// The page kept for `base`, if any.
    pub fn page(&self, base: &str) -> Option<Arc<Prepared>> {
        locked(&self.page).as_ref().filter(|(kept_for, _)| kept_for == base).map(|(_, page)| page.clone())
    }

    pub fn keep_page(&self, base: String, page: Arc<Prepared>) {
        *locked(&self.page) = Some((base, page));
    }
}

impl Cached {
    pub fn is_fresh(&self) -> bool {
        Instant::now() < self.fresh_until
    }
}

/// A map of at most `capacity` entries; inserting into a full one drops the
/// least recently read or written entry.
pub struct Lru<V> {
    capacity: usize,
    clock: u64,
    entries: HashMap<String, (u64, V)>,
}

impl<V: Clone> Lru<V> {
    pub fn new(capacity: usize) -> Lru<V> {
        Lru { capacity: capacity.max(1), clock: 0, entries: HashMap::new() }
    }

    pub fn get(&mut self, key: &str) -> Option<V> {
        self.clock += 1;
        let clock = self.clock;
        self.entries.get_mut(key).map(|(used, value)| {
            *used = clock;
            value.clone()
        })
    }

    pub fn insert(&mut self, key: String, value: V) {
        self.clock += 1;
        if !self.entries.contains_key(&key) && self.entries.len() >= self.capacity {
            // A scan of at most `capacity` entries, on a miss only.
            if let Some(oldest) = self.entries.iter().min_by_key(|(_, (used, _))| *used).map(|(k, _)| k.clone()) {
                self.entries.remove(&oldest);
            }
        }
        self.entries.insert(key, (self.clock, value));
    }

    pub fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }
}

/// The front's cache of public profiles, by organization id.
pub struct PageCache {
    entries: Mutex<Lru<Arc<Cached>>>,
    /// Ids the upstream said it does not know, briefly.
    missing: Mutex<Lru<Arc<Cached>>>,
    fetching: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    fetches: tokio::sync::Semaphore,
}

fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl PageCache {
    pub fn new(capacity: usize) -> PageCache {
        PageCache {
            entries: Mutex::new(Lru::new(capacity)),
            missing: Mutex::new(Lru::new(capacity)),
            fetching: Mutex::new(HashMap::new()),
            fetches: tokio::sync::Semaphore::new(CONCURRENT_FETCHES),
        }
    }

    pub fn get(&self, id: &str) -> Option<Arc<Cached>> {
        locked(&self.entries).get(id).or_else(|| locked(&self.missing).get(id))
    }

    /// Keeps `cached` as what is known of `id`, in place of anything before.
    pub fn put(&self, id: &str, cached: Arc<Cached>) {
        let (to, other) = if cached.found.is_some() { (&self.entries, &self.missing) } else { (&self.missing, &self.entries) };
        locked(other).remove(id);
        locked(to).insert(id.to_string(), cached);
    }

    /// Waits until fewer than [`CONCURRENT_FETCHES`] upstream requests are
    /// under way; the request may go while the permit lives.
    pub async fn fetch_permit(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        self.fetches.acquire().await.ok()
    }

    /// Waits for this id's turn to ask the upstream; the turn lasts as long
    /// as the guard. Whoever waited should look in the cache again first.
    pub async fn turn(&self, id: &str) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut fetching = locked(&self.fetching);
            // Locks nobody holds or waits for are dropped, so the map stays small.
            fetching.retain(|_, lock| Arc::strong_count(lock) > 1);
            fetching.entry(id.to_string()).or_default().clone()
        };
        lock.lock_owned().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_never_holds_more_than_its_capacity() {
        let mut lru = Lru::new(3);
        for i in 0..10 {
            lru.insert(format!("k{i}"), i);
            assert!(lru.len() <= 3);
        }
        assert_eq!(lru.len(), 3);
        assert_eq!(lru.get("k9"), Some(9));
        assert_eq!(lru.get("k0"), None, "the oldest went first");
    }

    #[test]
    fn the_least_recently_used_entry_is_evicted() {
        let mut lru = Lru::new(2);
        lru.insert("a".into(), 1);
        lru.insert("b".into(), 2);
        assert_eq!(lru.get("a"), Some(1));
        lru.insert("c".into(), 3);
        assert_eq!(lru.get("b"), None, "b was read least recently");
        assert_eq!(lru.get("a"), Some(1));
        lru.insert("a".into(), 4);
        assert_eq!(lru.len(), 2, "replacing an entry evicts nothing");
        assert_eq!(lru.get("c"), Some(3));
    }

    #[tokio::test]
    async fn one_fetch_at_a_time_per_id() {
        let cache = PageCache::new(CAPACITY);
        let first = cache.turn("a").await;
        let other = tokio::time::timeout(std::time::Duration::from_millis(50), cache.turn("b")).await;
        assert!(other.is_ok(), "another id does not wait");
        let same = tokio::time::timeout(std::time::Duration::from_millis(50), cache.turn("a")).await;
        assert!(same.is_err(), "the same id waits");
        drop(first);
        assert!(tokio::time::timeout(std::time::Duration::from_millis(50), cache.turn("a")).await.is_ok());
    }
}
