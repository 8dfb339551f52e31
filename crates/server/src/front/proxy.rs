//! The same-origin proxy: `/api/*` and `/media/*` to the Open Badge
//! upstream, `/bv/*` to the BlendVision one. Method, path, query, body and
//! end-to-end headers go through; hop-by-hop headers do not. The answer comes
//! back as the upstream gave it, its body relayed as it arrives.

use super::state::FrontState;
use super::upstream::{Platform, Upstream};
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State as Extract};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Request bodies up to the reference server's logo upload limit.
pub const BODY_LIMIT: usize = orgdesk_model::media::MAX_LOGO_BYTES as usize + 64 * 1024;
/// Request headers: at most this many, of at most this many bytes together.
const MAX_HEADERS: usize = 64;
const MAX_HEADER_BYTES: usize = 32 * 1024;

/// Headers that concern one connection only (RFC 9110 §7.6.1), never forwarded.
const HOP_BY_HOP: [&str; 9] = ["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"];
/// Request headers the front sets itself, or that describe the client's side:
/// `Origin` was checked by the front's own policy and would look
/// cross-origin to the upstream.
const REPLACED: [&str; 7] = ["host", "origin", "content-length", "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"];

pub async fn open_badge(Extract(front): Extract<FrontState>, request: Request) -> Response {
    forward(&front, Platform::OpenBadge, front.openbadge.as_ref(), request).await
}

pub async fn blendvision(Extract(front): Extract<FrontState>, request: Request) -> Response {
    forward(&front, Platform::BlendVision, front.blendvision.as_ref(), request).await
}

async fn forward(front: &FrontState, platform: Platform, upstream: Option<&Upstream>, request: Request) -> Response {
    let Some(upstream) = upstream else {
        return platform.error(StatusCode::NOT_FOUND, &format!("This server does not serve the {} API.", platform.name()));
    };
    let Some(url) = upstream.url_for(request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/")) else {
        return platform.error(StatusCode::BAD_REQUEST, "The request's path is not valid.");
    };
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let (parts, body) = request.into_parts();
    let declared = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT) {
        return platform.error(StatusCode::PAYLOAD_TOO_LARGE, "The request is too large.");
    }
    let Ok(body) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return platform.error(StatusCode::PAYLOAD_TOO_LARGE, "The request is too large.");
    };
    let mut outgoing = front.client.request(parts.method.clone(), url).headers(outgoing_headers(&parts.headers, peer));
    if !body.is_empty() {
        outgoing = outgoing.body(body);
    }
    match outgoing.send().await {
        Ok(answer) => relay(answer),
        Err(e) if e.is_timeout() => {
            tracing::warn!(upstream = %upstream.origin(), "upstream timed out");
            platform.error(StatusCode::GATEWAY_TIMEOUT, &format!("The {} service did not answer in time.", platform.name()))
        }
        Err(e) => {
            tracing::warn!(upstream = %upstream.origin(), error = %e, "upstream unreachable");
            platform.error(StatusCode::BAD_GATEWAY, &format!("The {} service cannot be reached.", platform.name()))
        }
    }
}

/// Drops hop-by-hop headers, and the ones `Connection` names as such.
fn end_to_end(headers: &HeaderMap, also_dropped: &[&str]) -> HeaderMap {
    let named: Vec<String> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|n| n.trim().to_ascii_lowercase())
        .collect();
    let mut out = HeaderMap::new();
    for (name, value) in headers {
        let name_str = name.as_str();
        if !HOP_BY_HOP.contains(&name_str) && !also_dropped.contains(&name_str) && !named.iter().any(|n| n == name_str) {
            out.append(name.clone(), value.clone());
        }
    }
    out
}

/// The client's end-to-end headers plus `X-Forwarded-*`: the client's
/// address appended to any earlier hops, the protocol a proxy in front of us
/// saw (else http), and the host the client asked for.
fn outgoing_headers(incoming: &HeaderMap, peer: Option<SocketAddr>) -> HeaderMap {
    let mut out = end_to_end(incoming, &REPLACED);
    let mut hops: Vec<String> = incoming.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).map(str::to_string).collect();
    hops.extend(peer.map(|p| p.ip().to_string()));
    let mut set = |name: &'static str, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            out.insert(HeaderName::from_static(name), v);
        }
    };
    if !hops.is_empty() {
        set("x-forwarded-for", &hops.join(", "));
    }
    set("x-forwarded-proto", incoming.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).unwrap_or("http"));
    if let Some(host) = incoming.get(header::HOST).and_then(|v| v.to_str().ok()) {
        set("x-forwarded-host", host);
    }
    out
}

/// The upstream's answer as ours: status, end-to-end headers, and the body
/// passed on chunk by chunk.
fn relay(answer: reqwest::Response) -> Response {
    let status = answer.status();
    let headers = end_to_end(answer.headers(), &[]);
    let mut response = Response::new(relay_body(answer));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

fn relay_body(mut answer: reqwest::Response) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::spawn(async move {
        loop {
            let chunk = answer.chunk().await;
            let done = !matches!(chunk, Ok(Some(_)));
            let Some(item) = chunk.transpose() else { break };
            // The client went away: stop reading.
            if tx.send(item).await.is_err() || done {
                break;
            }
        }
    });
    Body::new(Relayed(rx))
}

/// A body fed by [`relay_body`]'s reader task.
struct Relayed(tokio::sync::mpsc::Receiver<Result<Bytes, reqwest::Error>>);

impl http_body::Body for Relayed {
    type Data = Bytes;
    type Error = reqwest::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<http_body::Frame<Bytes>, reqwest::Error>>> {
        self.0.poll_recv(cx).map(|item| item.map(|chunk| chunk.map(http_body::Frame::data)))
    }
}

/// Refuses requests with too many or too large headers (431) before any
/// handler reads them.
pub async fn bounded_headers(request: Request, next: Next) -> Response {
    let bytes: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if request.headers().len() > MAX_HEADERS || bytes > MAX_HEADER_BYTES {
        return (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "Request header fields too large").into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hop_by_hop_headers_stay_behind() {
        let mut incoming = HeaderMap::new();
        for (name, value) in [
            ("connection", "keep-alive, x-secret-hop"),
            ("keep-alive", "timeout=5"),
            ("te", "trailers"),
            ("upgrade", "websocket"),
            ("proxy-authorization", "Basic eA=="),
            ("x-secret-hop", "1"),
            ("host", "front.example"),
            ("origin", "https://front.example"),
            ("authorization", "Bearer t"),
            ("if-none-match", "\"a\""),
            ("x-bv-org-id", "o"),
            ("x-forwarded-for", "203.0.113.9"),
        ] {
            incoming.append(HeaderName::from_static(name), HeaderValue::from_static(value));
        }
        let out = outgoing_headers(&incoming, Some("198.51.100.7:5000".parse().unwrap()));
        for gone in ["connection", "keep-alive", "te", "upgrade", "proxy-authorization", "x-secret-hop", "host", "origin"] {
            assert!(!out.contains_key(gone), "{gone}");
        }
        assert_eq!(out["authorization"], "Bearer t");
        assert_eq!(out["if-none-match"], "\"a\"");
        assert_eq!(out["x-bv-org-id"], "o");
        assert_eq!(out["x-forwarded-for"], "203.0.113.9, 198.51.100.7");
        assert_eq!(out["x-forwarded-proto"], "http");
        assert_eq!(out["x-forwarded-host"], "front.example");
    }
}
