//! The BlendVision One organization service (`/bv`): plain JSON bodies and
//! google.rpc.Status errors. An admin reaches their own organization and the
//! ones strictly below it; anything else is the same 404 as an unknown id.

pub mod error;
mod organization;
mod request;
mod sign_in;
mod sub_orgs;
mod vendor;

pub use error::{BlendVisionError, BvAccount, BvActingCaller, BvCaller};

use crate::state::{ApiMode, State};
use axum::routing::{any, get, post};
use axum::Router;
use error::{method_not_allowed, no_route, not_found};

/// The service; in vendor mode without orgdesk's token refresh and
/// sign-out, and every unknown path answered as grpc-gateway does.
pub fn routes(api: ApiMode) -> Router<State> {
    let mut router = Router::new()
        .route("/bv/account/v1/accounts/login", post(sign_in::login))
        .route("/bv/org/v1/organizations", get(organization::show).patch(organization::rename))
        .route("/bv/org/v1/organizations/{id}/plans", get(organization::plans))
        .route("/bv/org/v1/sub-orgs", get(sub_orgs::list))
        .route("/bv/org/v1/sub-orgs/{id}", get(sub_orgs::show).patch(sub_orgs::update));
    let unmatched = match api {
        ApiMode::Reference => {
            router = router
                .route("/bv/account/v1/tokens/refresh", post(sign_in::refresh))
                .route("/bv/account/v1/accounts/logout", post(sign_in::logout));
            any(not_found)
        }
        ApiMode::Vendor => any(no_route),
    };
    router.route("/bv", unmatched.clone()).route("/bv/{*rest}", unmatched).method_not_allowed_fallback(method_not_allowed)
}
