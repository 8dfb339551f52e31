//! The public profile answers made lately (by organization id and public
//! base), shared by the handler that makes them and the writes that drop them.

use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a made answer is served without looking at the database again.
pub const FRESH_FOR: Duration = Duration::from_secs(2);
/// Answers kept at most (public organizations × the hosts they are asked on).
const CAPACITY: usize = 4096;

/// A made public answer.
pub struct Answer {
    pub body: Bytes,
    pub etag: String,
}

/// The public answers made lately, by organization id and public base.
#[derive(Default)]
pub struct PublicAnswers {
    made: Mutex<HashMap<(String, String), (Instant, Arc<Answer>)>>,
}

impl PublicAnswers {
    pub fn get(&self, key: &(String, String)) -> Option<Arc<Answer>> {
        let made = self.made.lock().unwrap_or_else(|e| e.into_inner());
        made.get(key).filter(|(at, _)| at.elapsed() < FRESH_FOR).map(|(_, answer)| answer.clone())
    }

    pub fn keep(&self, key: (String, String), answer: Arc<Answer>) {
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

