//! Headers on every response: a strict Content-Security-Policy with a fresh
//! script nonce, and the usual hardening headers; plus CORS, which lets a
//! browser on another origin use the APIs only when that origin is configured.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use std::sync::Arc;

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

/// Trunk's placeholder in built HTML, replaced by the response's nonce.
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

pub async fn headers(axum::extract::State(policy): axum::extract::State<Arc<Policy>>, mut request: Request, next: Next) -> Response {
    let origin = request.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_string);
    let is_api = { let p = request.uri().path(); p.starts_with("/api/") || p.starts_with("/bv/") };
    let cross_origin = origin.as_deref().filter(|o| !same_origin(o, request.headers()));
    if let (Some(o), true) = (cross_origin, is_api) {
        if !policy.cors_origins.iter().any(|allowed| allowed == o) {
            return with_headers(forbidden_origin(), &policy, &fresh_nonce(), None);
        }
        if request.method() == Method::OPTIONS {
            return with_headers(StatusCode::NO_CONTENT.into_response(), &policy, &fresh_nonce(), Some(o));
        }
    }
    let allowed_cors = cross_origin.map(str::to_string);
    let nonce = fresh_nonce();
    request.extensions_mut().insert(Nonce(nonce.clone()));
    let response = next.run(request).await;
    with_headers(response, &policy, &nonce, allowed_cors.as_deref())
}

/// The request's own origin: browsers send `Origin` on same-origin POSTs too.
fn same_origin(origin: &str, headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    origin.split_once("://").is_some_and(|(_, rest)| rest == host)
}

fn forbidden_origin() -> Response {
    let body = serde_json::json!({ "message": "This origin may not call the API." });
    (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
}

fn with_headers(mut response: Response<Body>, policy: &Policy, nonce: &str, cors: Option<&str>) -> Response {
    let h = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    };
    set(header::CONTENT_SECURITY_POLICY, &policy.csp(nonce));
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::HeaderName::from_static("permissions-policy"), "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()");
    set(header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    if policy.hsts {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
    }
    if let Some(origin) = cors {
        set(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        set(header::ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        set(header::ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type, Accept, If-Unmodified-Since, If-None-Match, x-bv-org-id");
        set(header::ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Retry-After");
        set(header::ACCESS_CONTROL_MAX_AGE, "600");
        set(header::VARY, "Origin");
    }
    response
}
