//! What the web front keeps of the upstream's public profiles: a bounded
//! map, least recently used out first, and one fetch at a time per issuer
//! so a burst of visitors to a cold page costs the upstream one request.

use orgdesk_model::openbadge::PublicOrganization;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Issuers kept at most.
pub const CAPACITY: usize = 1000;

/// One upstream answer: the profile, its ETag to revalidate with, and until
/// when it is served without asking.
#[derive(Clone, Debug)]
pub struct Cached {
    pub profile: PublicOrganization,
    pub etag: Option<String>,
    pub fresh_until: Instant,
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
    fetching: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl PageCache {
    pub fn new(capacity: usize) -> PageCache {
        PageCache { entries: Mutex::new(Lru::new(capacity)), fetching: Mutex::new(HashMap::new()) }
    }

    pub fn get(&self, id: &str) -> Option<Arc<Cached>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).get(id)
    }

    pub fn put(&self, id: &str, cached: Arc<Cached>) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).insert(id.to_string(), cached);
    }

    pub fn forget(&self, id: &str) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).remove(id);
    }

    /// Waits for this id's turn to ask the upstream; the turn lasts as long
    /// as the guard. Whoever waited should look in the cache again first.
    pub async fn turn(&self, id: &str) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut fetching = self.fetching.lock().unwrap_or_else(|e| e.into_inner());
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
