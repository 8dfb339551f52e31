//! HTML pages of the built app: Trunk's nonce placeholder filled with the
//! response's nonce, never cached without revalidation. (Compression is the
//! router's `CompressionLayer`: the pages differ with every nonce.)

use super::security::Nonce;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};

/// The built app's folder (`--dist`), for the handlers that serve it in
/// either shape of the server (with a database, or as the web front).
#[derive(Clone, Debug)]
pub struct Dist(pub PathBuf);

/// Trunk's placeholder in built HTML, replaced by the response's nonce.
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// A built page with this response's nonce. Call it on the page as built,
/// before anything from the database goes in, so no stored text can carry
/// the placeholder into a script's nonce.
pub fn with_nonce(built: &str, nonce: &Nonce) -> String {
    built.replace(NONCE_PLACEHOLDER, &nonce.0)
}

pub fn html(status: StatusCode, html: String) -> Response {
    let mut response = (status, html).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    response
}

/// The consoles, each built into its own folder of `dist/` and routing its
/// own paths on the client.
pub const CONSOLES: [&str; 2] = ["openbadge", "blendvision"];

/// The built page a path of the app is answered with: a console's
/// `index.html` for its paths, the landing page for `/`, and for any other
/// path the landing page as a 404 (it says so, and links both consoles).
pub fn entry_for(path: &str) -> (String, StatusCode) {
    let console = CONSOLES.into_iter().find(|c| path.strip_prefix('/').and_then(|p| p.strip_prefix(c)).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')));
    match console {
        Some(console) => (format!("{console}/index.html"), StatusCode::OK),
        None if path == "/" => ("index.html".to_string(), StatusCode::OK),
        None => ("index.html".to_string(), StatusCode::NOT_FOUND),
    }
}

/// The page for `path` (see [`entry_for`]), or a page saying how to build
/// the app.
pub async fn app_index(dist: &Path, path: &str, nonce: &Nonce) -> Response {
    let (entry, status) = entry_for(path);
    match tokio::fs::read_to_string(dist.join(entry)).await {
        Ok(built) => html(status, with_nonce(&built, nonce)),
        Err(_) => not_built(),
    }
}

/// The 503 page of a server whose `--dist` holds no built app.
pub fn not_built() -> Response {
    let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>orgdesk is not built</title></head>\
        <body><h1>orgdesk is not built yet</h1><p>Run <code>make run</code> to build the app and start the server.</p></body></html>";
    (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_console_answers_its_own_paths_and_only_those() {
        let ok = |entry: &str| (entry.to_string(), StatusCode::OK);
        assert_eq!(entry_for("/"), ok("index.html"));
        assert_eq!(entry_for("/openbadge"), ok("openbadge/index.html"));
        assert_eq!(entry_for("/openbadge/billing"), ok("openbadge/index.html"));
        assert_eq!(entry_for("/blendvision/sub-orgs/x"), ok("blendvision/index.html"));
        for other in ["/openbadgeX", "/blendvisionary/x", "/nowhere", "/index", "//openbadge"] {
            assert_eq!(entry_for(other), ("index.html".to_string(), StatusCode::NOT_FOUND), "{other}");
        }
    }
}
