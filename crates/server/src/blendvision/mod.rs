//! The BlendVision One organization service (`/bv`): plain JSON bodies and
//! google.rpc.Status errors. An admin reaches their own organization and the
//! ones strictly below it; anything else is the same 404 as an unknown id.

pub mod error;
mod organization;
mod request;
mod sign_in;
mod sub_orgs;

pub use error::{BlendVisionError, BvCaller};

use crate::state::State;
use axum::routing::{any, get, post};
use axum::Router;
use error::{method_not_allowed, not_found};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/bv/account/v1/accounts/login", post(sign_in::login))
        .route("/bv/org/v1/organizations", get(organization::show).patch(organization::rename))
        .route("/bv/org/v1/organizations/{id}/plans", get(organization::plans))
        .route("/bv/org/v1/sub-orgs", get(sub_orgs::list))
        .route("/bv/org/v1/sub-orgs/{id}", get(sub_orgs::show).patch(sub_orgs::update))
        .route("/bv", any(not_found))
        .route("/bv/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
}
