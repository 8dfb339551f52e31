//! The built app from `--dist`: files through tower-http's `ServeDir` (with
//! the `.br`/`.gz` the build made beside them), HTML pages with the
//! response's nonce, and every other path the entry page it belongs to
//! (`page::entry_for`: a console routes on the client).

use super::page::{self, Dist};
use super::security::Nonce;
use axum::extract::{Extension, Request, State as Extract};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::ServeDir;

pub async fn serve(Extract(Dist(dist)): Extract<Dist>, Extension(nonce): Extension<Nonce>, request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let path = request.uri().path().to_string();
    if let Some(file) = safe_join(&dist, &path).filter(|f| f.extension().is_some_and(|e| e == "html")) {
        if let Ok(built) = tokio::fs::read_to_string(&file).await {
            return page::html(StatusCode::OK, page::with_nonce(&built, &nonce));
        }
    }
    // HTML goes through the page above: a directory's index.html would miss the nonce.
    let files = ServeDir::new(&dist).precompressed_br().precompressed_gzip().append_index_html_on_directories(false);
    let Ok(mut response) = files.oneshot(request).await;
    if response.status() == StatusCode::NOT_FOUND {
        return page::app_index(&dist, &path, &nonce).await;
    }
    let cache = if is_hashed(Path::new(&path)) { "public, max-age=31536000, immutable" } else { "no-cache" };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    response.into_response()
}

/// `dist` + the URL path of an existing file, refusing anything that would
/// leave `dist`.
fn safe_join(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative.as_os_str().is_empty() || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let path = dist.join(relative);
    path.is_file().then_some(path)
}

/// Trunk names built assets `name-<hash>.ext` and those never change. The
/// hash is 16 hex digits, fewer when it starts with zeros (Trunk drops them).
fn is_hashed(file: &Path) -> bool {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed(Path::new("orgdesk-8fe65934e90dd972_bg.wasm")));
        assert!(is_hashed(Path::new("base-e499c7e845e7f63a.css")));
        assert!(is_hashed(Path::new("public-5c0ffee1234abcd.js")), "a hash that lost its leading zero");
        assert!(!is_hashed(Path::new("index.html")));
        assert!(!is_hashed(Path::new("robots.txt")));
        assert!(!is_hashed(Path::new("sign-in.css")));
    }

    #[test]
    fn paths_cannot_leave_dist() {
        let dist = std::env::temp_dir();
        assert_eq!(safe_join(&dist, "/../etc/passwd"), None);
        assert_eq!(safe_join(&dist, "/"), None);
    }
}
