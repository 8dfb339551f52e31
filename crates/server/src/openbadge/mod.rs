//! The Open Badge issuer API (`/api/v1`): `{"data": ...}` bodies and Laravel
//! error bodies.

mod badge_templates;
pub mod demo_images;
pub mod error;
pub mod images;
mod logo;
mod organization;
pub mod answers;
pub mod public;
mod sign_in;
mod statistics;
mod vendor;

pub use error::{ObAccount, ObAdmin, OpenBadgeError};
pub use logo::sweep as sweep_logos;

use crate::state::{ApiMode, State};
use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post};
use axum::Router;
use error::{method_not_allowed, not_found, post_only};

/// The API; in vendor mode only what the vendor documents (login, logout,
/// logo removal and the public profile then answer as Laravel answers a
/// route it does not have).
pub fn routes(api: ApiMode) -> Router<State> {
    let logo = match api {
        ApiMode::Reference => post(logo::upload).delete(logo::remove).fallback(method_not_allowed),
        ApiMode::Vendor => post(logo::upload).fallback(post_only),
    };
    let mut router = Router::new()
        .route("/api/v1/auth/user", get(sign_in::current_user))
        .route("/api/v1/issuers/organization", get(organization::show).put(organization::update))
        .route("/api/v1/issuers/organization/logo", logo.layer(DefaultBodyLimit::max(logo::BODY_LIMIT)))
        .route("/api/v1/issuers/organization/badge_templates", get(badge_templates::list))
        .route("/api/v1/issuers/organization/statistics", get(statistics::totals))
        .route("/api/v1/issuers/organization/year-statistics", get(statistics::year))
        .route("/media/logos/{owner}/{file}", get(logo::serve))
        .route("/media/logos/{file}", get(logo::serve_flat))
        .route("/media/badges/{file}", get(logo::serve_badge))
        .route("/media/{*rest}", get(logo::not_found));
    if api == ApiMode::Reference {
        router = router
            .route("/api/v1/auth/login", post(sign_in::login))
            .route("/api/v1/auth/logout", post(sign_in::logout))
            .route("/api/v1/public/organizations/{id}", get(public::organization));
    }
    router
        .route("/api/v1", any(not_found))
        .route("/api/v1/{*rest}", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
}
