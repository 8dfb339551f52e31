//! The origin a request came in on, for the absolute URLs the Open Badge API
//! and the issuer page write (`public_url`, `og:url`).

use axum::http::{header, HeaderMap};

/// `scheme://host` of the request; behind a proxy (such as the web front),
/// its `X-Forwarded-Proto` and `X-Forwarded-Host`.
pub fn public_base(headers: &HeaderMap) -> String {
    let forwarded_host = headers.get("x-forwarded-host").and_then(|h| h.to_str().ok()).filter(|h| is_host(h));
    let host = forwarded_host.or_else(|| headers.get(header::HOST).and_then(|h| h.to_str().ok())).unwrap_or("localhost");
    let proto = headers.get("x-forwarded-proto").and_then(|h| h.to_str().ok()).unwrap_or("http");
    format!("{proto}://{host}")
}

/// `name[:port]` or `[v6]:port`, nothing that could end or extend a URL's authority.
fn is_host(value: &str) -> bool {
    !value.is_empty() && value.len() <= 255 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
}
