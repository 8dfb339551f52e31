//! Open Badge issuer API calls.

use super::http::{send, send_no_content, Body, Call};
use super::ApiError;
use crate::state::session::Dialect;
use gloo_net::http::Method;
use orgdesk_model::openbadge::{AuthUser, Data, LoginRequest, LoginToken, Organization};

fn call(method: Method, path: &str, token: Option<String>, body: Body) -> Call<'_> {
    Call { dialect: Dialect::OpenBadge, method, path, token, body }
}

pub async fn login(email: &str, password: &str) -> Result<LoginToken, ApiError> {
    let body = serde_json::to_value(LoginRequest { email: email.trim().to_string(), password: password.to_string() })
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    let data: Data<LoginToken> = send(call(Method::POST, "/api/v1/auth/login", None, Body::Json(body))).await?;
    Ok(data.data)
}

pub async fn logout(token: String) -> Result<(), ApiError> {
    send_no_content(call(Method::POST, "/api/v1/auth/logout", Some(token), Body::None)).await
}

pub async fn current_user(token: String) -> Result<AuthUser, ApiError> {
    send(call(Method::GET, "/api/v1/auth/user", Some(token), Body::None)).await
}

pub async fn organization(token: String) -> Result<Organization, ApiError> {
    let data: Data<Organization> = send(call(Method::GET, "/api/v1/issuers/organization", Some(token), Body::None)).await?;
    Ok(data.data)
}
