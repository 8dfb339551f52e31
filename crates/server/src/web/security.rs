//! Headers on every response: a strict Content-Security-Policy with a fresh
//! script nonce, and the usual hardening headers. Cross-origin calls to the
//! APIs are refused unless the origin is configured; for a configured origin
//! tower-http's `CorsLayer` (see [`Policy::cors`]) writes the CORS headers
//! and answers preflights.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use std::sync::Arc;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Origins beyond our own, read from the environment at start-up.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    /// `ORGDESK_IMG_ORIGINS`: where logos and badge images may come from (a CDN).
    pub img_origins: Vec<String>,
    /// `ORGDESK_CONNECT_ORIGINS`: API origins the app may call.
    pub connect_origins: Vec<String>,
    /// `ORGDESK_CORS_ORIGINS`: browser origins allowed to call these APIs.
    pub cors_origins: Vec<String>,
    /// `ORGDESK_HSTS=1`: behind TLS, tell browsers to stay on HTTPS.
    pub hsts: bool,
}

impl Policy {
    pub fn from_env() -> Policy {
        let list = |name: &str| std::env::var(name).map(|v| v.split_whitespace().map(|s| s.trim_end_matches('/').to_string()).collect()).unwrap_or_default();
        Policy {
            img_origins: list("ORGDESK_IMG_ORIGINS"),
            connect_origins: list("ORGDESK_CONNECT_ORIGINS"),
            cors_origins: list("ORGDESK_CORS_ORIGINS"),
            hsts: std::env::var("ORGDESK_HSTS").is_ok_and(|v| v == "1"),
        }
    }

    pub fn csp(&self, nonce: &str) -> String {
        let extra = |list: &[String]| list.iter().map(|o| format!(" {o}")).collect::<String>();
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; style-src 'self'; \
             img-src 'self' data: blob:{}; connect-src 'self'{}; font-src 'self'; manifest-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'",
            extra(&self.img_origins),
            extra(&self.connect_origins),
        )
    }

    /// CORS for the APIs: only the configured origins, the methods and
    /// headers the app sends, and the headers it reads.
    pub fn cors(&self) -> CorsLayer {
        let origins: Vec<HeaderValue> = self.cors_origins.iter().filter_map(|o| o.parse().ok()).collect();
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE, Method::OPTIONS])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::ACCEPT,
                header::IF_UNMODIFIED_SINCE,
                header::IF_MATCH,
                header::IF_NONE_MATCH,
                HeaderName::from_static("x-bv-org-id"),
            ])
            .expose_headers([header::ETAG, header::RETRY_AFTER])
            .max_age(Duration::from_secs(600))
    }

    fn refuses(&self, request: &Request) -> bool {
        let path = request.uri().path();
        let is_api = path.starts_with("/api/") || path.starts_with("/bv/");
        let origin = request.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok());
        let cross_origin = origin.filter(|o| !same_origin(o, request.headers()));
        is_api && cross_origin.is_some_and(|o| !self.cors_origins.iter().any(|allowed| allowed == o))
    }
}

/// The nonce of the response being built, for handlers that write HTML.
#[derive(Clone, Debug)]
pub struct Nonce(pub String);

fn fresh_nonce() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 18];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub async fn headers(State(policy): State<Arc<Policy>>, mut request: Request, next: Next) -> Response {
    let nonce = fresh_nonce();
    let response = if policy.refuses(&request) {
        forbidden_origin()
    } else {
        request.extensions_mut().insert(Nonce(nonce.clone()));
        next.run(request).await
    };
    with_headers(response, &policy, &nonce)
}

/// The request's own origin: browsers send `Origin` on same-origin POSTs too.
fn same_origin(origin: &str, headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    origin.split_once("://").is_some_and(|(_, rest)| rest == host)
}

fn forbidden_origin() -> Response {
    tracing::warn!("refused a cross-origin API call from an origin not in ORGDESK_CORS_ORIGINS");
    let body = serde_json::json!({ "message": "This origin may not call the API." });
    (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
}

fn with_headers(mut response: Response, policy: &Policy, nonce: &str) -> Response {
    let h = response.headers_mut();
    let mut set = |name: HeaderName, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    };
    set(header::CONTENT_SECURITY_POLICY, &policy.csp(nonce));
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(HeaderName::from_static("permissions-policy"), "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()");
    set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    if policy.hsts {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
    }
    response
}
