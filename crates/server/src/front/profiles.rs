//! The upstream's public profiles (`GET /api/v1/public/organizations/{id}`)
//! as the web front knows them, for `/issuers/{id}` and for the same API
//! path answered from the cache. Answers are kept while the upstream's
//! `max-age` says they are fresh, then revalidated with their ETag; an
//! unknown id is remembered for a few seconds; while the upstream is down a
//! recent answer is still used.

use super::cache::{Cached, Found};
use super::state::Front;
use super::upstream::Upstream;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use orgdesk_model::openbadge::PublicOrganization;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Freshness when the upstream says nothing, and the most we believe.
const DEFAULT_MAX_AGE: Duration = Duration::from_secs(60);
const MAX_MAX_AGE: Duration = Duration::from_secs(300);
/// How long an upstream 404 is believed: a flood of requests for one unknown
/// id costs the upstream one request per this long.
pub const NOT_FOUND_TTL: Duration = Duration::from_secs(5);
/// How long past its freshness an answer may stand in for a failing upstream.
const MAX_STALE_IF_ERROR: Duration = Duration::from_secs(3600);
/// The largest public profile read from the upstream.
const MAX_BODY: usize = 2 * 1024 * 1024;

pub enum Lookup {
    Found(Arc<Found>),
    NotFound,
    Unavailable,
}

enum Answer {
    Fresh(Found, Duration),
    NotModified(Duration),
    Gone,
}

/// Organization ids as the platforms make them (UUIDs), checked before any
/// upstream call.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn known(cached: &Cached) -> Lookup {
    match &cached.found {
        Some(found) => Lookup::Found(found.clone()),
        None => Lookup::NotFound,
    }
}

/// The public profile of `id` (a [`valid_id`]), from the cache while fresh,
/// else from the upstream, one request at a time per id.
pub async fn lookup(front: &Front, upstream: &Upstream, id: &str) -> Lookup {
    if let Some(cached) = front.pages.get(id).filter(|c| c.is_fresh()) {
        return known(&cached);
    }
    let _turn = front.pages.turn(id).await;
    // Whoever had the turn before may have just fetched it.
    let known_entry = front.pages.get(id);
    if let Some(cached) = known_entry.as_ref().filter(|c| c.is_fresh()) {
        return known(cached);
    }
    let etag = known_entry.as_ref().and_then(|c| c.found.as_ref()).and_then(|f| f.etag.clone());
    let answer = {
        let _permit = front.pages.fetch_permit().await;
        fetch(front, upstream, id, etag.as_ref()).await
    };
    match answer {
        Ok(Answer::Fresh(found, max_age)) => {
            let found = Arc::new(found);
            front.pages.put(id, Arc::new(Cached { found: Some(found.clone()), fresh_until: Instant::now() + max_age }));
            Lookup::Found(found)
        }
        Ok(Answer::NotModified(max_age)) => match known_entry.and_then(|c| c.found.clone()) {
            Some(old) => {
                front.pages.put(id, Arc::new(Cached { found: Some(old.clone()), fresh_until: Instant::now() + max_age }));
                Lookup::Found(old)
            }
            // A 304 to an unconditional request: nothing to show.
            None => Lookup::Unavailable,
        },
        Ok(Answer::Gone) => {
            front.pages.put(id, Arc::new(Cached { found: None, fresh_until: Instant::now() + NOT_FOUND_TTL }));
            Lookup::NotFound
        }
        Err(reason) => {
            tracing::warn!(upstream = %upstream.origin(), %reason, "public profile unavailable");
            match known_entry.filter(|c| c.fresh_until + MAX_STALE_IF_ERROR > Instant::now()) {
                Some(stale) => known(&stale),
                None => Lookup::Unavailable,
            }
        }
    }
}

/// Asks the upstream for one public profile, conditionally when `etag` is known.
async fn fetch(front: &Front, upstream: &Upstream, id: &str, etag: Option<&HeaderValue>) -> Result<Answer, String> {
    let url = upstream.url_for(&format!("/api/v1/public/organizations/{id}")).ok_or("not a valid id")?;
    let mut request = front.client.get(url).header(header::ACCEPT, "application/json");
    if let Some(etag) = etag {
        request = request.header(header::IF_NONE_MATCH, etag.clone());
    }
    let mut answer = request.send().await.map_err(|e| if e.is_timeout() { "timed out".to_string() } else { e.to_string() })?;
    let max_age = max_age(answer.headers());
    match answer.status() {
        StatusCode::NOT_MODIFIED => Ok(Answer::NotModified(max_age)),
        // No public endpoint looks the same as an unknown id.
        StatusCode::NOT_FOUND | StatusCode::GONE | StatusCode::METHOD_NOT_ALLOWED => Ok(Answer::Gone),
        status if status.is_success() => {
            let etag = answer.headers().get(header::ETAG).cloned();
            let cache_control = answer.headers().get(header::CACHE_CONTROL).cloned();
            let mut body = Vec::new();
            while let Some(chunk) = answer.chunk().await.map_err(|e| e.to_string())? {
                body.extend_from_slice(&chunk);
                if body.len() > MAX_BODY {
                    return Err("the public profile is too large".into());
                }
            }
            let profile = parse(&body)?;
            Ok(Answer::Fresh(Found::new(profile, Bytes::from(body), etag, cache_control), max_age))
        }
        status => Err(format!("the upstream answered {status}")),
    }
}

/// `{"data": {…}}`, its description sanitized here too: the page puts it in
/// as HTML, and the front trusts no upstream with that.
fn parse(body: &[u8]) -> Result<PublicOrganization, String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        data: PublicOrganization,
    }
    let mut profile = serde_json::from_slice::<Envelope>(body).map_err(|e| format!("unreadable public profile: {e}"))?.data;
    profile.description = profile.description.as_deref().map(crate::sanitize::description);
    Ok(profile)
}

/// The upstream's `Cache-Control: max-age`, at most [`MAX_MAX_AGE`]; zero for
/// `no-cache` or `no-store`.
fn max_age(headers: &HeaderMap) -> Duration {
    let Some(value) = headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()) else { return DEFAULT_MAX_AGE };
    let mut age = DEFAULT_MAX_AGE;
    for directive in value.split(',').map(|d| d.trim().to_ascii_lowercase()) {
        if directive == "no-cache" || directive == "no-store" {
            return Duration::ZERO;
        }
        if let Some(secs) = directive.strip_prefix("max-age=").and_then(|s| s.trim_matches('"').parse::<u64>().ok()) {
            age = Duration::from_secs(secs);
        }
    }
    age.min(MAX_MAX_AGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache_control(value: &str) -> Duration {
        let mut headers = HeaderMap::new();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_str(value).unwrap());
        max_age(&headers)
    }

    #[test]
    fn freshness_follows_the_upstream_within_bounds() {
        assert_eq!(max_age(&HeaderMap::new()), DEFAULT_MAX_AGE);
        assert_eq!(cache_control("public, max-age=30"), Duration::from_secs(30));
        assert_eq!(cache_control("max-age=86400"), MAX_MAX_AGE);
        assert_eq!(cache_control("no-cache"), Duration::ZERO);
        assert_eq!(cache_control("public"), DEFAULT_MAX_AGE);
    }

    #[test]
    fn only_plain_ids_reach_the_upstream() {
        assert!(valid_id("3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10"));
        for bad in ["", "../x", "a/b", "a?b", "a%2e", "é", &"a".repeat(65)] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn upstream_descriptions_are_sanitized() {
        let profile = parse(br#"{"data":{"id":"a","name":"A","description":"<p>Hi</p><script>alert(1)</script><img src=x onerror=alert(1)>"}}"#).unwrap();
        let description = profile.description.unwrap();
        assert!(description.contains("<p>Hi</p>") && !description.contains("script") && !description.contains("onerror"), "{description}");
    }
}
