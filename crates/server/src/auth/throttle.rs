//! Failed sign-ins, counted per (client IP, e-mail) pair and per client IP,
//! the way Laravel's login throttle and fail2ban-style guards do:
//!
//! - a pair that failed [`Policy::pair_limit`] times (with no more than
//!   [`Policy::window`] between failures) is locked, first for
//!   [`Policy::first_lock`], then twice as long for every further failure, up
//!   to [`Policy::max_lock`]; a successful sign-in forgets the pair;
//! - an IP that failed [`Policy::ip_limit`] times within one window, across
//!   all accounts, is locked until that window ends.
//!
//! Never by account alone: someone who only knows an admin's e-mail must not
//! be able to lock that admin out from elsewhere.
//!
//! Kept in memory, which is enough for the one-process reference server (a
//! restart forgets it; several processes would need a shared store such as
//! Redis). Both maps are bounded and pruned as they are written.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug)]
pub struct Policy {
    pub pair_limit: u32,
    pub ip_limit: u32,
    pub window: Duration,
    pub first_lock: Duration,
    pub max_lock: Duration,
    /// Entries kept per map at most.
    pub max_entries: usize,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            pair_limit: 5,
            ip_limit: 30,
            window: Duration::from_secs(15 * 60),
            first_lock: Duration::from_secs(60),
            max_lock: Duration::from_secs(60 * 60),
            max_entries: 100_000,
        }
    }
}

/// Why a sign-in is refused before its password is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locked {
    /// Seconds until it may be tried again (at least 1).
    pub retry_after_secs: u64,
    /// Whether the whole IP is locked (otherwise just this pair).
    pub whole_ip: bool,
}

#[derive(Clone, Copy, Debug)]
struct Failures {
    count: u32,
    /// The last failure (pairs) or the window's first (IPs).
    since: Instant,
    locked_until: Option<Instant>,
}

impl Failures {
    fn locked(&self, now: Instant) -> Option<Duration> {
        self.locked_until.filter(|&until| until > now).map(|until| until - now)
    }
}

#[derive(Default)]
struct Maps {
    pairs: HashMap<(IpAddr, String), Failures>,
    ips: HashMap<IpAddr, Failures>,
    last_prune: Option<Instant>,
}

#[derive(Default)]
pub struct Throttle {
    policy: Policy,
    maps: Mutex<Maps>,
}

/// E-mails differ only in case and surrounding spaces for the same account.
fn key(ip: IpAddr, email: &str) -> (IpAddr, String) {
    (ip, email.trim().to_lowercase())
}

fn secs(d: Duration) -> u64 {
    (d.as_secs() + u64::from(d.subsec_nanos() > 0)).max(1)
}

impl Throttle {
    pub fn new(policy: Policy) -> Throttle {
        Throttle { policy, maps: Mutex::default() }
    }

    fn maps(&self) -> std::sync::MutexGuard<'_, Maps> {
        self.maps.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// `Err` when this pair or this IP is locked: answer 429 without
    /// checking the password.
    pub fn check(&self, ip: IpAddr, email: &str) -> Result<(), Locked> {
        let now = Instant::now();
        let maps = self.maps();
        if let Some(left) = maps.ips.get(&ip).and_then(|f| f.locked(now)) {
            return Err(Locked { retry_after_secs: secs(left), whole_ip: true });
        }
        if let Some(left) = maps.pairs.get(&key(ip, email)).and_then(|f| f.locked(now)) {
            return Err(Locked { retry_after_secs: secs(left), whole_ip: false });
        }
        Ok(())
    }

    /// Counts a failed sign-in; `Some` when it locked the pair or the IP.
    pub fn failed(&self, ip: IpAddr, email: &str) -> Option<Locked> {
        let now = Instant::now();
        let p = self.policy;
        let mut maps = self.maps();
        self.prune(&mut maps, now);
        let mut locked = None;

        let full = maps.pairs.len() >= p.max_entries;
        let pair_key = key(ip, email);
        if let Some(pair) = maps.pairs.get_mut(&pair_key) {
            if now.duration_since(pair.since) > p.window && pair.locked(now).is_none() {
                *pair = Failures { count: 0, since: now, locked_until: None };
            }
            pair.count += 1;
            pair.since = now;
            if pair.count >= p.pair_limit {
                let doublings = (pair.count - p.pair_limit).min(16);
                let lock = p.first_lock.saturating_mul(1 << doublings).min(p.max_lock);
                pair.locked_until = Some(now + lock);
                locked = Some(Locked { retry_after_secs: secs(lock), whole_ip: false });
            }
        } else if !full {
            let mut pair = Failures { count: 1, since: now, locked_until: None };
            if p.pair_limit <= 1 {
                pair.locked_until = Some(now + p.first_lock);
                locked = Some(Locked { retry_after_secs: secs(p.first_lock), whole_ip: false });
            }
            maps.pairs.insert(pair_key, pair);
        }

        let full = maps.ips.len() >= p.max_entries;
        let entry = maps.ips.get(&ip).copied();
        let mut budget = match entry {
            Some(f) if now.duration_since(f.since) <= p.window || f.locked(now).is_some() => f,
            _ if full && entry.is_none() => return locked,
            _ => Failures { count: 0, since: now, locked_until: None },
        };
        budget.count += 1;
        if budget.count >= p.ip_limit && budget.locked(now).is_none() {
            let until = budget.since + p.window;
            budget.locked_until = Some(until);
            locked = Some(Locked { retry_after_secs: secs(until.saturating_duration_since(now)), whole_ip: true });
        }
        maps.ips.insert(ip, budget);
        locked
    }

    /// A successful sign-in forgets the pair's failures (not the IP's).
    pub fn succeeded(&self, ip: IpAddr, email: &str) {
        self.maps().pairs.remove(&key(ip, email));
    }

    /// At most once a minute: drops what no longer counts; when a map is
    /// still full, keeps only the locked entries.
    fn prune(&self, maps: &mut Maps, now: Instant) {
        let due = maps.last_prune.is_none_or(|at| now.duration_since(at) >= Duration::from_secs(60));
        let full = maps.pairs.len() >= self.policy.max_entries || maps.ips.len() >= self.policy.max_entries;
        if !due && !full {
            return;
        }
        maps.last_prune = Some(now);
        let window = self.policy.window;
        let live = |f: &Failures| f.locked(now).is_some() || now.duration_since(f.since) <= window;
        maps.pairs.retain(|_, f| live(f));
        maps.ips.retain(|_, f| live(f));
        if maps.pairs.len() >= self.policy.max_entries {
            maps.pairs.retain(|_, f| f.locked(now).is_some());
        }
        if maps.ips.len() >= self.policy.max_entries {
            maps.ips.retain(|_, f| f.locked(now).is_some());
        }
    }

    #[cfg(test)]
    fn sizes(&self) -> (usize, usize) {
        let maps = self.maps();
        (maps.pairs.len(), maps.ips.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, last])
    }

    #[test]
    fn a_pair_locks_after_its_limit_and_the_lock_grows() {
        let t = Throttle::new(Policy::default());
        for _ in 0..4 {
            assert_eq!(t.check(ip(1), "a@b.example"), Ok(()));
            assert_eq!(t.failed(ip(1), "a@b.example"), None);
        }
        assert_eq!(t.failed(ip(1), " A@B.example "), Some(Locked { retry_after_secs: 60, whole_ip: false }));
        assert_eq!(t.check(ip(1), "a@b.example").unwrap_err().whole_ip, false);
        // The same account from elsewhere, and another account from here, are not locked.
        assert_eq!(t.check(ip(2), "a@b.example"), Ok(()));
        assert_eq!(t.check(ip(1), "c@d.example"), Ok(()));
        assert_eq!(t.failed(ip(1), "a@b.example"), Some(Locked { retry_after_secs: 120, whole_ip: false }));
    }

    #[test]
    fn success_forgets_the_pair() {
        let t = Throttle::new(Policy::default());
        for _ in 0..4 {
            t.failed(ip(1), "a@b.example");
        }
        t.succeeded(ip(1), "a@b.example");
        assert_eq!(t.failed(ip(1), "a@b.example"), None);
    }

    #[test]
    fn an_ip_has_a_budget_across_accounts() {
        let t = Throttle::new(Policy::default());
        for n in 0..29 {
            assert_eq!(t.failed(ip(1), &format!("user{n}@b.example")), None);
        }
        let locked = t.failed(ip(1), "last@b.example").unwrap();
        assert!(locked.whole_ip && locked.retry_after_secs > 800, "{locked:?}");
        assert!(t.check(ip(1), "fresh@b.example").unwrap_err().whole_ip);
        assert_eq!(t.check(ip(2), "fresh@b.example"), Ok(()));
    }

    #[test]
    fn the_maps_stay_bounded() {
        let t = Throttle::new(Policy { max_entries: 50, ..Policy::default() });
        for n in 0..200u32 {
            t.failed(IpAddr::from(n.to_be_bytes()), "a@b.example");
        }
        let (pairs, ips) = t.sizes();
        assert!(pairs <= 50 && ips <= 50, "{pairs} pairs, {ips} IPs");
    }
}
