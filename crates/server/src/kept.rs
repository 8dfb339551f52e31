//! Public answers made once and kept a short while, by organization id and
//! public base: the public profile's JSON and the issuer page. Shared by the
//! handlers that make them and the writes that drop them, so the public
//! answers' cost does not grow with traffic or badge history.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a made answer is served without looking at the database again
/// (the most a change by another writer, such as a badge issued elsewhere,
/// waits to show; this server's own changes drop the answers at once).
pub const FRESH_FOR: Duration = Duration::from_secs(2);
/// Answers kept at most (public organizations × the hosts they are asked on).
const CAPACITY: usize = 4096;

/// The answers of one kind made lately, by organization id and public base.
pub struct Kept<V> {
    made: Mutex<HashMap<(String, String), (Instant, Arc<V>)>>,
}

impl<V> Default for Kept<V> {
    fn default() -> Self {
        Kept { made: Mutex::new(HashMap::new()) }
    }
}

impl<V> Kept<V> {
    pub fn get(&self, key: &(String, String)) -> Option<Arc<V>> {
        let made = self.made.lock().unwrap_or_else(|e| e.into_inner());
        made.get(key).filter(|(at, _)| at.elapsed() < FRESH_FOR).map(|(_, answer)| answer.clone())
    }

    pub fn keep(&self, key: (String, String), answer: Arc<V>) {
        let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
        if made.len() >= CAPACITY {
            made.retain(|_, (at, _)| at.elapsed() < FRESH_FOR);
            if made.len() >= CAPACITY {
                made.clear();
            }
        }
        made.insert(key, (Instant::now(), answer));
    }

    /// The organization changed here: its next answer is made afresh.
    pub fn forget(&self, id: &str) {
        self.made.lock().unwrap_or_else(|e| e.into_inner()).retain(|(org, _), _| org != id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_per_organization_and_base_until_forgotten() {
        let kept = Kept::<u32>::default();
        let key = |id: &str, base: &str| (id.to_string(), base.to_string());
        kept.keep(key("a", "http://x"), Arc::new(1));
        kept.keep(key("a", "http://y"), Arc::new(2));
        kept.keep(key("b", "http://x"), Arc::new(3));
        assert_eq!(kept.get(&key("a", "http://y")).as_deref(), Some(&2));
        kept.forget("a");
        assert!(kept.get(&key("a", "http://x")).is_none() && kept.get(&key("a", "http://y")).is_none());
        assert_eq!(kept.get(&key("b", "http://x")).as_deref(), Some(&3));
    }
}
