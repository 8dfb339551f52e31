//! BlendVision One organization service calls.

use super::http::{send, send_no_content, BlendVision, Body, Call};
use super::ApiError;
use crate::core::capabilities::Extension;
use crate::core::session;
use gloo_net::http::Method;
use orgdesk_model::blendvision::{LoginRequest, LoginResponse, Organization, OrganizationEnvelope, Plan, PlansResponse, SubOrgDetail, SubOrgsPage};

fn call(method: Method, path: &str, token: Option<String>, body: Body) -> Call<'_, BlendVision> {
    Call::new(method, path, token, body)
}

pub async fn login(email: &str, password: &str) -> Result<LoginResponse, ApiError> {
    let body = Body::json(&LoginRequest { email: email.trim().to_string(), password: password.to_string() })?;
    send(call(Method::POST, "/bv/account/v1/accounts/login", None, body)).await
}

/// A new access token for `refresh_token` (an orgdesk extension).
pub async fn refresh(refresh_token: &str) -> Result<LoginResponse, ApiError> {
    #[derive(serde::Serialize)]
    struct Refresh<'a> {
        refresh_token: &'a str,
    }
    let body = Body::json(&Refresh { refresh_token })?;
    send(call(Method::POST, "/bv/account/v1/tokens/refresh", None, body).needs(Extension::BvRefresh)).await
}

/// Revokes `token` (an orgdesk extension).
pub async fn logout(token: String) -> Result<(), ApiError> {
    send_no_content(call(Method::POST, "/bv/account/v1/accounts/logout", Some(token), Body::None).needs(Extension::BvRevoke)).await
}

/// The token's organization. A 404 means the account has none. Its id is
/// what later calls send as `x-bv-org-id`.
pub async fn organization(token: String) -> Result<Organization, ApiError> {
    let env: OrganizationEnvelope = send(call(Method::GET, "/bv/org/v1/organizations", Some(token), Body::None)).await?;
    if let Some(id) = &env.organization.id {
        session::remember_bv_org(id);
    }
    Ok(env.organization)
}

/// The organization an API token acts for, checked with the server:
/// `GET /organizations` with `x-bv-org-id: org_id`.
pub async fn organization_as(token: String, org_id: String) -> Result<Organization, ApiError> {
    let mut request = call(Method::GET, "/bv/org/v1/organizations", Some(token), Body::None);
    request.headers.push(("x-bv-org-id", org_id));
    let env: OrganizationEnvelope = send(request).await?;
    Ok(env.organization)
}

/// What the sub-organization list asks for; also what the page's URL holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubOrgQuery {
    pub name: String,
    pub types: Vec<String>,
    pub statuses: Vec<String>,
    pub page: u32,
    pub per_page: u32,
}

impl SubOrgQuery {
    pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];

    /// The API's query string: `items_per_page` always sent, lists repeated.
    pub fn to_api(&self) -> String {
        let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
        let mut parts = vec![format!("current_page={}", self.page.max(1)), format!("items_per_page={}", self.per_page)];
        if !self.name.trim().is_empty() {
            parts.push(format!("name={}", enc(self.name.trim())));
        }
        parts.extend(self.types.iter().map(|t| format!("types={}", enc(t))));
        parts.extend(self.statuses.iter().map(|s| format!("statuses={}", enc(s))));
        parts.join("&")
    }
}

pub async fn sub_orgs(token: String, query: SubOrgQuery) -> Result<SubOrgsPage, ApiError> {
    let path = format!("/bv/org/v1/sub-orgs?{}", query.to_api());
    send(call(Method::GET, &path, Some(token), Body::None)).await
}

pub async fn rename(token: String, name: String) -> Result<(), ApiError> {
    #[derive(serde::Serialize)]
    struct Rename {
        name: String,
    }
    send_no_content(call(Method::PATCH, "/bv/org/v1/organizations", Some(token), Body::json(&Rename { name })?)).await
}

/// `PATCH /sub-orgs/{id}` on behalf of `acting_org` (the `x-bv-org-id` header).
pub async fn update_sub_org(token: String, acting_org: String, id: String, body: serde_json::Value) -> Result<(), ApiError> {
    let path = format!("/bv/org/v1/sub-orgs/{}", js_sys::encode_uri_component(&id));
    let mut request = call(Method::PATCH, &path, Some(token), Body::json(&body)?);
    request.headers.push(("x-bv-org-id", acting_org));
    send_no_content(request).await
}

pub async fn sub_org(token: String, id: String) -> Result<SubOrgDetail, ApiError> {
    let path = format!("/bv/org/v1/sub-orgs/{}", js_sys::encode_uri_component(&id));
    send(call(Method::GET, &path, Some(token), Body::None)).await
}

pub async fn plans(token: String, org_id: String) -> Result<Vec<Plan>, ApiError> {
    let path = format!("/bv/org/v1/organizations/{}/plans", js_sys::encode_uri_component(&org_id));
    let list: PlansResponse = send(call(Method::GET, &path, Some(token), Body::None)).await?;
    Ok(list.plans)
}
