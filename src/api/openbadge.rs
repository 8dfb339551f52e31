//! Open Badge issuer API calls.

use super::http::{send, send_no_content, send_reading, Body, Call, OpenBadge};
use super::ApiError;
use crate::core::capabilities::{self, Extension};
use gloo_net::http::Method;
use orgdesk_model::openbadge::{BadgeTemplate, Data, LoginRequest, LoginToken, Organization, Paginated, Statistics, YearStatistics};

fn call(method: Method, path: &str, token: Option<String>, body: Body) -> Call<'_, OpenBadge> {
    Call::new(method, path, token, body)
}

pub async fn login(email: &str, password: &str) -> Result<LoginToken, ApiError> {
    let body = Body::json(&LoginRequest { email: email.trim().to_string(), password: password.to_string() })?;
    let data: Data<LoginToken> = send(call(Method::POST, "/api/v1/auth/login", None, body).needs(Extension::ObPassword)).await?;
    Ok(data.data)
}

pub async fn logout(token: String) -> Result<(), ApiError> {
    send_no_content(call(Method::POST, "/api/v1/auth/logout", Some(token), Body::None).needs(Extension::ObPassword)).await
}

/// Whether the platform takes `token`: `GET /api/v1/auth/user` answers
/// with its user. The app shows nothing of that user, so the answer is read
/// only as far as an empty record: decoding the whole `AuthUser` would put
/// its decoder in the console for nothing (issue 17).
pub async fn check_token(token: String) -> Result<(), ApiError> {
    #[derive(serde::Deserialize)]
    struct AnObject {}
    let _: AnObject = send(call(Method::GET, "/api/v1/auth/user", Some(token), Body::None)).await?;
    Ok(())
}

/// The organization with the `ETag` its answer came with.
pub async fn organization(token: String) -> Result<Organization, ApiError> {
    tagged(call(Method::GET, "/api/v1/issuers/organization", Some(token), Body::None)).await
}

/// An organization answer, its `ETag` kept in the record when strong: a weak
/// one (a proxy that compresses may weaken it) never matches in `If-Match`.
async fn tagged(request: Call<'_, OpenBadge>) -> Result<Organization, ApiError> {
    let (data, etag): (Data<Organization>, Option<String>) = send_reading(request, Some("ETag")).await?;
    Ok(Organization { etag: etag.filter(|tag| tag.starts_with('"')), ..data.data })
}

/// The version a write of `org` is checked against: its entity tag when the
/// server sent one, else `updated_at` as an HTTP date.
pub fn version_of(org: &Organization) -> Option<String> {
    org.etag.clone().or_else(|| org.updated_at.map(|at| at.to_http_date()))
}

/// Changes only the keys in `changes` (bracketed form keys). With the
/// `version` of the record they were made on ([`version_of`]), the server
/// refuses with 412 if the record changed since: an entity tag goes in
/// `If-Match`, a date in `If-Unmodified-Since` (where the server offers
/// conditional writes; elsewhere the last write wins).
pub async fn update(token: String, changes: Vec<(String, String)>, version: Option<String>) -> Result<Organization, ApiError> {
    let mut request = call(Method::PUT, "/api/v1/issuers/organization", Some(token), Body::Form(changes));
    if let Some(version) = version.filter(|_| capabilities::active().offers_untracked(Extension::ObConditional)) {
        // An HTTP date never starts with a quote; a strong entity tag does.
        let name = if version.starts_with('"') { "If-Match" } else { "If-Unmodified-Since" };
        request.headers.push((name, version));
    }
    tagged(request).await
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
    tagged(call(Method::DELETE, "/api/v1/issuers/organization/logo", Some(token), Body::None).needs(Extension::ObLogoRemoval)).await
}
