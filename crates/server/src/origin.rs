//! The origin a request came in on, for the absolute URLs the Open Badge API
//! and the issuer page write (`public_url`, `og:url`).

use axum::http::{header, HeaderMap};

/// `scheme://host` of the request; behind a proxy, its `X-Forwarded-Proto`.
pub fn public_base(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let proto = headers.get("x-forwarded-proto").and_then(|h| h.to_str().ok()).unwrap_or("http");
    format!("{proto}://{host}")
}
