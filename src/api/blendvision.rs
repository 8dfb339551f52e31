//! BlendVision One organization service calls.

use super::http::{send, Body, Call};
use super::ApiError;
use crate::state::session::Dialect;
use gloo_net::http::Method;
use orgdesk_model::blendvision::{LoginRequest, LoginResponse, Organization, OrganizationEnvelope};

fn call(method: Method, path: &str, token: Option<String>, body: Body) -> Call<'_> {
    Call::new(Dialect::BlendVision, method, path, token, body)
}

pub async fn login(email: &str, password: &str) -> Result<LoginResponse, ApiError> {
    let body = serde_json::to_value(LoginRequest { email: email.trim().to_string(), password: password.to_string() })
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    send(call(Method::POST, "/bv/account/v1/accounts/login", None, Body::Json(body))).await
}

/// The token's organization. A 404 means the account has none.
pub async fn organization(token: String) -> Result<Organization, ApiError> {
    let env: OrganizationEnvelope = send(call(Method::GET, "/bv/org/v1/organizations", Some(token), Body::None)).await?;
    Ok(env.organization)
}
