//! The public issuer profile: no token, same answer for everyone.

use super::http::{send_status_only, Body, Call, OpenBadge};
use super::ApiError;
use gloo_net::http::Method;
use orgdesk_model::openbadge::{Data, PublicOrganization};

/// A 404 means private, disabled or unknown: the API does not say which.
pub async fn organization(id: String) -> Result<PublicOrganization, ApiError> {
    let path = format!("/api/v1/public/organizations/{}", js_sys::encode_uri_component(&id));
    let mut call = Call::<OpenBadge>::new(Method::GET, &path, None, Body::None).needs(crate::core::capabilities::Extension::ObPublic);
    // Visitors see a switch change at once; the ETag keeps that cheap.
    call.revalidate = true;
    // Its failures are shown by kind only (unavailable, not offered, retry).
    let data: Data<PublicOrganization> = send_status_only(call).await?;
    Ok(data.data)
}
