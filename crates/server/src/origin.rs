//! The origin a request came in on, for the absolute URLs the Open Badge API
//! and the issuer page write (`public_url`, `og:url`).

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;

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

/// `--public-url`: the scheme and host every public address is written with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    scheme: String,
    host: String,
}

impl PublicUrl {
    /// An `http(s)://host[:port]` origin, without path, query or user.
    pub fn parse(url: &str) -> Result<PublicUrl, String> {
        let url = url.trim().trim_end_matches('/');
        let (scheme, host) = url.split_once("://").ok_or_else(|| format!("--public-url {url:?}: write it as https://host"))?;
        let scheme = scheme.to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https") || !is_host(host) {
            return Err(format!("--public-url {url:?}: only an http(s) origin such as https://badges.example.org, without a path"));
        }
        Ok(PublicUrl { scheme, host: host.to_string() })
    }
}

/// Leaves `public_base` only what may be believed: with a configured public
/// URL, that (whatever the request says); without one, the request's Host,
/// and `X-Forwarded-Host`/`-Proto` only from a trusted proxy
/// (`ORGDESK_TRUSTED_PROXIES`). Public answers are cached by anyone, so a
/// hostile header must not be able to write their addresses.
pub async fn believed_forwarding(State(configured): State<Option<PublicUrl>>, mut request: Request, next: Next) -> Response {
    let headers = request.headers_mut();
    match configured {
        Some(url) => {
            let (Ok(host), Ok(proto)) = (HeaderValue::from_str(&url.host), HeaderValue::from_str(&url.scheme)) else { return next.run(request).await };
            headers.insert("x-forwarded-host", host);
            headers.insert("x-forwarded-proto", proto);
        }
        None => {
            let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
            if !peer.is_some_and(crate::auth::client::is_trusted_proxy) {
                let headers = request.headers_mut();
                headers.remove("x-forwarded-host");
                headers.remove("x-forwarded-proto");
            }
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_are_origins_only() {
        assert_eq!(PublicUrl::parse("https://badges.example.org/").unwrap(), PublicUrl { scheme: "https".into(), host: "badges.example.org".into() });
        assert!(PublicUrl::parse("HTTP://127.0.0.1:8080").is_ok());
        for bad in ["badges.example.org", "ftp://x.org", "https://x.org/path", "https://user@x.org", "https://"] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
