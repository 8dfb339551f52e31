//! HTML pages of the built app: Trunk's nonce placeholder filled with the
//! response's nonce, never cached without revalidation. (Compression is the
//! router's `CompressionLayer`: the pages differ with every nonce.)

use super::security::Nonce;
use crate::state::State;
use axum::extract::FromRef;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};

/// The built app's folder (`--dist`), for the handlers that serve it in
/// either shape of the server (with a database, or as the web front).
#[derive(Clone, Debug)]
pub struct Dist(pub PathBuf);

impl FromRef<State> for Dist {
    fn from_ref(state: &State) -> Dist {
        Dist(state.dist.clone())
    }
}

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

/// The app's `index.html` (it routes on the client), or a page saying how to
/// build it.
pub async fn app_index(dist: &Path, nonce: &Nonce) -> Response {
    match tokio::fs::read_to_string(dist.join("index.html")).await {
        Ok(built) => html(StatusCode::OK, with_nonce(&built, nonce)),
        Err(_) => not_built(),
    }
}

fn not_built() -> Response {
    let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>orgdesk is not built</title></head>\
        <body><h1>orgdesk is not built yet</h1><p>Run <code>make run</code> to build the app and start the server.</p></body></html>";
    (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}
