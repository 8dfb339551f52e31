//! Serves the built app from `--dist`: files as they are, every other path
//! the app's `index.html` (the app routes on the client).

use crate::State;
use crate::compression::{compress, preferred};
use crate::security::{Nonce, NONCE_PLACEHOLDER};
use axum::extract::{Extension, State as Extract};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path, PathBuf};

pub async fn serve(Extract(state): Extract<State>, Extension(nonce): Extension<Nonce>, method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    if let Some(file) = safe_join(&state.dist, uri.path()) {
        if file.extension().is_some_and(|e| e == "html") {
            if let Ok(html) = tokio::fs::read_to_string(&file).await {
                return html_response(StatusCode::OK, &html, &nonce, &headers);
            }
        }
        if let Some(response) = asset_response(&file, &headers).await {
            return response;
        }
    }
    // The public issuer page has its own, much smaller, entry point, with the
    // organization already in its <head>.
    if let Some(id) = uri.path().strip_prefix("/issuers/").map(|rest| rest.trim_end_matches('/')).filter(|id| !id.is_empty() && !id.contains('/')) {
        if let Some(response) = crate::public_page::render(&state, id, &headers, &nonce).await {
            return response;
        }
    }
    match tokio::fs::read_to_string(state.dist.join("index.html")).await {
        Ok(html) => html_response(StatusCode::OK, &html, &nonce, &headers),
        Err(_) => not_built(),
    }
}

/// An HTML page: Trunk's nonce placeholder filled with this response's
/// nonce, compressed on the fly (it is small and never the same twice).
pub fn html_response(status: StatusCode, html: &str, nonce: &Nonce, request: &HeaderMap) -> Response {
    let html = html.replace(NONCE_PLACEHOLDER, &nonce.0);
    let coding = preferred(request);
    let body = match coding {
        Some(c) => compress(html.as_bytes(), c, false),
        None => html.into_bytes(),
    };
    let mut response = (status, body).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(c) = coding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(c.header()));
    }
    response
}

/// A static asset, precompressed when the build made a `.br`/`.gz` beside it.
async fn asset_response(file: &Path, request: &HeaderMap) -> Option<Response> {
    if let Some(coding) = preferred(request) {
        let mut name = file.as_os_str().to_owned();
        name.push(".");
        name.push(coding.extension());
        if let Ok(bytes) = tokio::fs::read(PathBuf::from(name)).await {
            let mut response = file_response(file, bytes);
            response.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding.header()));
            return Some(response);
        }
    }
    let bytes = tokio::fs::read(file).await.ok()?;
    Some(file_response(file, bytes))
}

/// `dist` + the URL path, refusing anything that would leave `dist`.
fn safe_join(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative.as_os_str().is_empty() || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let path = dist.join(relative);
    path.is_file().then_some(path)
}

/// Trunk names built assets `name-<16 hex>.ext`: those never change.
fn is_hashed(file: &Path) -> bool {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn file_response(file: &Path, bytes: Vec<u8>) -> Response {
    let cache = if is_hashed(file) { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(file)));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    response
}

fn not_built() -> Response {
    let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>orgdesk is not built</title></head>\
        <body><h1>orgdesk is not built yet</h1><p>Run <code>make run</code> to build the app and start the server.</p></body></html>";
    (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed(Path::new("orgdesk-8fe65934e90dd972_bg.wasm")));
        assert!(is_hashed(Path::new("base-e499c7e845e7f63a.css")));
        assert!(!is_hashed(Path::new("index.html")));
        assert!(!is_hashed(Path::new("robots.txt")));
    }

    #[test]
    fn paths_cannot_leave_dist() {
        let dist = std::env::temp_dir();
        assert_eq!(safe_join(&dist, "/../etc/passwd"), None);
        assert_eq!(safe_join(&dist, "/"), None);
    }
}
