//! The public issuer profile: no token, same answer for everyone.

use super::http::{send, Body, Call};
use super::ApiError;
use crate::state::session::Dialect;
use gloo_net::http::Method;
use orgdesk_model::openbadge::{Data, PublicOrganization};

/// A 404 means private, disabled or unknown: the API does not say which.
pub async fn organization(id: String) -> Result<PublicOrganization, ApiError> {
    let path = format!("/api/v1/public/organizations/{}", js_sys::encode_uri_component(&id));
    let data: Data<PublicOrganization> = send(Call { dialect: Dialect::OpenBadge, method: Method::GET, path: &path, token: None, body: Body::None }).await?;
    Ok(data.data)
}
