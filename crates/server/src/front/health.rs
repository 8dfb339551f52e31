//! `/readyz`: whether the configured upstreams answer. (`/healthz`, the
//! process being up, is `crate::web::healthz`, as on the reference server.)

use super::state::FrontState;
use super::upstream::Upstream;
use axum::extract::State as Extract;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// How long a readiness probe waits for each upstream.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// 200 when every configured upstream answers a cheap unauthenticated GET
/// with any status below 500 (a 401 means alive) within two seconds; else
/// 503 naming the ones that did not.
pub async fn ready(Extract(front): Extract<FrontState>) -> Response {
    let (openbadge, blendvision) = tokio::join!(
        probe(&front.client, front.openbadge.as_ref(), "/api/v1/auth/user"),
        probe(&front.client, front.blendvision.as_ref(), "/bv/org/v1/organizations"),
    );
    let failures: Vec<String> = [("openbadge", openbadge), ("blendvision", blendvision)]
        .into_iter()
        .filter_map(|(name, result)| result.err().map(|why| format!("{name} upstream: {why}")))
        .collect();
    let (status, body) = if failures.is_empty() { (StatusCode::OK, "ready\n".to_string()) } else { (StatusCode::SERVICE_UNAVAILABLE, format!("not ready\n{}\n", failures.join("\n"))) };
    (status, [(header::CACHE_CONTROL, "no-store"), (header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// `Ok` for an upstream not configured.
async fn probe(client: &reqwest::Client, upstream: Option<&Upstream>, path: &str) -> Result<(), String> {
    let Some(upstream) = upstream else { return Ok(()) };
    let url = upstream.url_for(path).ok_or("no probe URL")?;
    match client.get(url).timeout(PROBE_TIMEOUT).send().await {
        Ok(answer) if answer.status().as_u16() < 500 => Ok(()),
        Ok(answer) => Err(format!("{} answered {}", upstream.origin(), answer.status())),
        Err(e) if e.is_timeout() => Err(format!("{} did not answer within {} s", upstream.origin(), PROBE_TIMEOUT.as_secs())),
        Err(_) => Err(format!("{} cannot be reached", upstream.origin())),
    }
}
