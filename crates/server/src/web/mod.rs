//! The web front: the built app's files, the public issuer page rendered
//! with the organization already in it, and the headers every response
//! carries.

mod issuer_page;
mod page;
pub mod security;
mod static_files;

use crate::state::State;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/issuers/{id}", get(issuer_page::show))
        .route("/issuers/{id}/", get(issuer_page::show))
        .fallback(static_files::serve)
}
