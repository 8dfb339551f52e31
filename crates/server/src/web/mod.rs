//! The app on the web: the built app's files, the public issuer page
//! rendered with the organization already in it, and the headers every
//! response carries. The stateless web front (the `front` module) serves the
//! same files and renders the same issuer page from its upstream.

pub mod conditional;
pub mod issuer_page;
pub mod page;
pub mod prepared;
pub mod security;
pub mod static_files;

use crate::state::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/issuers/{id}", get(issuer_page::show))
        .route("/issuers/{id}/", get(issuer_page::show))
        .fallback(static_files::serve)
}

/// `GET /healthz`: the process is up (for load balancers and orchestrators).
pub async fn healthz() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store"), (header::CONTENT_TYPE, "text/plain; charset=utf-8")], "ok")
}
