//! `/issuers/{id}` on the web front: the reference server's page, rendered
//! from the Open Badge upstream's public endpoint
//! (`GET /api/v1/public/organizations/{id}`). Answers are kept while the
//! upstream's `max-age` says they are fresh, then revalidated with their
//! ETag; while the upstream is down a recent answer is still shown.

use super::cache::Cached;
use super::state::{Front, FrontState};
use super::upstream::Upstream;
use crate::origin::public_base;
use crate::web::issuer_page::{self, Issuer};
use crate::web::security::Nonce;
use axum::extract::{Extension, Path, State as Extract};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use orgdesk_model::openbadge::PublicOrganization;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Freshness when the upstream says nothing, and the most we believe.
const DEFAULT_MAX_AGE: Duration = Duration::from_secs(60);
const MAX_MAX_AGE: Duration = Duration::from_secs(300);
/// How long past its freshness an answer may stand in for a failing upstream.
const MAX_STALE_IF_ERROR: Duration = Duration::from_secs(3600);
/// The largest public profile read from the upstream.
const MAX_BODY: usize = 2 * 1024 * 1024;

enum Lookup {
    Found(Arc<Cached>),
    NotFound,
    Unavailable,
}

enum Answer {
    Fresh(Cached),
    NotModified(Duration),
    Gone,
}

pub async fn show(Extract(front): Extract<FrontState>, Extension(nonce): Extension<Nonce>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let lookup = match front.openbadge.as_ref().filter(|_| valid_id(&id)) {
        Some(upstream) => lookup(&front, upstream, &id).await,
        None => Lookup::NotFound,
    };
    match lookup {
        Lookup::Found(cached) => {
            let mut profile = cached.profile.clone();
            // The upstream wrote its own address; the page lives here.
            profile.public_url = Some(format!("{}/issuers/{id}", public_base(&headers)));
            let issuer = Issuer { profile, email: None, logo_size: None };
            issuer_page::respond(&front.dist, &id, Some(&issuer), &headers, &nonce).await
        }
        Lookup::NotFound => issuer_page::respond(&front.dist, &id, None, &headers, &nonce).await,
        Lookup::Unavailable => issuer_page::unavailable(&front.dist, &headers, &nonce).await,
    }
}

/// Organization ids as the platforms make them (UUIDs), checked before any
/// upstream call.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

async fn lookup(front: &Front, upstream: &Upstream, id: &str) -> Lookup {
    if let Some(cached) = front.pages.get(id).filter(|c| c.is_fresh()) {
        return Lookup::Found(cached);
    }
    let _turn = front.pages.turn(id).await;
    // Whoever had the turn before may have just fetched it.
    let known = front.pages.get(id);
    if let Some(cached) = known.as_ref().filter(|c| c.is_fresh()) {
        return Lookup::Found(cached.clone());
    }
    match fetch(front, upstream, id, known.as_ref().and_then(|c| c.etag.as_deref())).await {
        Ok(Answer::Fresh(cached)) => {
            let cached = Arc::new(cached);
            front.pages.put(id, cached.clone());
            Lookup::Found(cached)
        }
        Ok(Answer::NotModified(max_age)) => match known {
            Some(old) => {
                let cached = Arc::new(Cached { fresh_until: Instant::now() + max_age, ..Cached::clone(&old) });
                front.pages.put(id, cached.clone());
                Lookup::Found(cached)
            }
            // A 304 to an unconditional request: nothing to show.
            None => Lookup::Unavailable,
        },
        Ok(Answer::Gone) => {
            front.pages.forget(id);
            Lookup::NotFound
        }
        Err(reason) => {
            tracing::warn!(upstream = %upstream.origin(), %reason, "public profile unavailable");
            match known.filter(|c| c.fresh_until + MAX_STALE_IF_ERROR > Instant::now()) {
                Some(stale) => Lookup::Found(stale),
                None => Lookup::Unavailable,
            }
        }
    }
}

/// Asks the upstream for one public profile, conditionally when `etag` is known.
async fn fetch(front: &Front, upstream: &Upstream, id: &str, etag: Option<&str>) -> Result<Answer, String> {
    let url = upstream.url_for(&format!("/api/v1/public/organizations/{id}")).ok_or("not a valid id")?;
    let mut request = front.client.get(url).header(header::ACCEPT, "application/json");
    if let Some(etag) = etag {
        request = request.header(header::IF_NONE_MATCH, etag);
    }
    let mut answer = request.send().await.map_err(|e| if e.is_timeout() { "timed out".to_string() } else { e.to_string() })?;
    let max_age = max_age(answer.headers());
    match answer.status() {
        StatusCode::NOT_MODIFIED => Ok(Answer::NotModified(max_age)),
        // No public endpoint looks the same as an unknown id.
        StatusCode::NOT_FOUND | StatusCode::GONE | StatusCode::METHOD_NOT_ALLOWED => Ok(Answer::Gone),
        status if status.is_success() => {
            let etag = answer.headers().get(header::ETAG).and_then(|v| v.to_str().ok()).map(str::to_string);
            let mut body = Vec::new();
            while let Some(chunk) = answer.chunk().await.map_err(|e| e.to_string())? {
                body.extend_from_slice(&chunk);
                if body.len() > MAX_BODY {
                    return Err("the public profile is too large".into());
                }
            }
            Ok(Answer::Fresh(Cached { profile: parse(&body)?, etag, fresh_until: Instant::now() + max_age }))
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
    use axum::http::HeaderValue;

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
