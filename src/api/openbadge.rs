//! Open Badge issuer API calls.

use super::http::{send, send_no_content, Body, Call};
use super::ApiError;
use crate::core::capabilities::{self, Extension};
use crate::core::session::Dialect;
use gloo_net::http::Method;
use orgdesk_model::openbadge::{AuthUser, BadgeTemplate, Data, LoginRequest, LoginToken, Organization, Paginated, Statistics, YearStatistics};
use orgdesk_model::Timestamp;

fn call(method: Method, path: &str, token: Option<String>, body: Body) -> Call<'_> {
    Call::new(Dialect::OpenBadge, method, path, token, body)
}

pub async fn login(email: &str, password: &str) -> Result<LoginToken, ApiError> {
    let body = serde_json::to_value(LoginRequest { email: email.trim().to_string(), password: password.to_string() })
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    let data: Data<LoginToken> = send(call(Method::POST, "/api/v1/auth/login", None, Body::Json(body)).needs(Extension::ObPassword)).await?;
    Ok(data.data)
}

pub async fn logout(token: String) -> Result<(), ApiError> {
    send_no_content(call(Method::POST, "/api/v1/auth/logout", Some(token), Body::None).needs(Extension::ObPassword)).await
}

pub async fn current_user(token: String) -> Result<AuthUser, ApiError> {
    send(call(Method::GET, "/api/v1/auth/user", Some(token), Body::None)).await
}

pub async fn organization(token: String) -> Result<Organization, ApiError> {
    let data: Data<Organization> = send(call(Method::GET, "/api/v1/issuers/organization", Some(token), Body::None)).await?;
    Ok(data.data)
}

/// Changes only the keys in `changes` (bracketed form keys). With
/// `loaded_at`, the server refuses with 412 if the record changed since
/// (where it offers conditional writes; elsewhere the last write wins).
pub async fn update(token: String, changes: Vec<(String, String)>, loaded_at: Option<Timestamp>) -> Result<Organization, ApiError> {
    update_since(token, changes, loaded_at.map(|at| at.to_http_date())).await
}

/// [`update`] with the version as the HTTP date itself.
pub async fn update_since(token: String, changes: Vec<(String, String)>, since: Option<String>) -> Result<Organization, ApiError> {
    let mut request = call(Method::PUT, "/api/v1/issuers/organization", Some(token), Body::Form(changes));
    if let Some(at) = since.filter(|_| capabilities::active().offers_untracked(Extension::ObConditional)) {
        request.headers.push(("If-Unmodified-Since", at));
    }
    let data: Data<Organization> = send(request).await?;
    Ok(data.data)
}

/// Every badge template, following the pages.
pub async fn all_badge_templates(token: String) -> Result<Vec<BadgeTemplate>, ApiError> {
    // A generous bound so a misbehaving server cannot keep us looping.
    const MAX_PAGES: u32 = 50;
    let mut all = Vec::new();
    for page in 1..=MAX_PAGES {
        let path = format!("/api/v1/issuers/organization/badge_templates?page={page}");
        let list: Paginated<BadgeTemplate> = send(call(Method::GET, &path, Some(token.clone()), Body::None)).await?;
        let last = list.meta.as_ref().and_then(|m| m.last_page).unwrap_or(1);
        let more = list.links.as_ref().is_some_and(|l| l.next.is_some()) || i64::from(page) < last;
        all.extend(list.data);
        if !more {
            break;
        }
    }
    Ok(all)
}

pub async fn statistics(token: String) -> Result<Statistics, ApiError> {
    let data: Data<Statistics> = send(call(Method::GET, "/api/v1/issuers/organization/statistics", Some(token), Body::None).needs(Extension::ObStatistics)).await?;
    Ok(data.data)
}

pub async fn year_statistics(token: String, year: i32) -> Result<YearStatistics, ApiError> {
    let path = format!("/api/v1/issuers/organization/year-statistics?year={year}");
    let data: Data<YearStatistics> = send(call(Method::GET, &path, Some(token), Body::None).needs(Extension::ObStatistics)).await?;
    Ok(data.data)
}

pub async fn remove_logo(token: String) -> Result<Organization, ApiError> {
    let data: Data<Organization> = send(call(Method::DELETE, "/api/v1/issuers/organization/logo", Some(token), Body::None).needs(Extension::ObLogoRemoval)).await?;
    Ok(data.data)
}
