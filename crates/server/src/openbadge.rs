//! The Open Badge issuer API (`/api/v1`): `{"data": ...}` bodies and Laravel
//! error bodies.

use crate::auth::{self, Account, Dialect};
use crate::State;
use axum::body::Bytes;
use axum::extract::{Path, State as Extract};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use orgdesk_model::openbadge::*;
use orgdesk_model::{validate, Timestamp};
use serde_json::json;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use std::collections::BTreeMap;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/api/v1/auth/login", post(login))
        .route("/api/v1/auth/logout", post(logout))
        .route("/api/v1/auth/user", get(current_user))
        .route("/api/v1/issuers/organization", get(organization))
        .route("/api/v1/public/organizations/{id}", get(public_organization))
        .route("/api/v1", axum::routing::any(not_found))
        .route("/api/v1/{*rest}", axum::routing::any(not_found))
        .route("/api/{*rest}", axum::routing::any(not_found))
}

/// Errors in the Laravel shape the vendor uses.
#[derive(Debug)]
pub enum ApiError {
    Unauthenticated,
    NotFound,
    Invalid(BTreeMap<String, Vec<String>>),
    Internal,
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        eprintln!("database error: {e}");
        ApiError::Internal
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::Unauthenticated => (StatusCode::UNAUTHORIZED, LaravelError::message("Unauthenticated.")),
            ApiError::NotFound => (StatusCode::NOT_FOUND, LaravelError::message("Not found.")),
            ApiError::Invalid(errors) => {
                let message = errors.values().flatten().next().cloned().unwrap_or_else(|| "The given data was invalid.".into());
                (StatusCode::UNPROCESSABLE_ENTITY, LaravelError { message, errors })
            }
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, LaravelError::message("Server Error")),
        };
        (status, Json(body)).into_response()
    }
}

fn field_error(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::Invalid(BTreeMap::from([(field.to_string(), vec![message.into()])]))
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn signed_in(state: &State, headers: &HeaderMap) -> Result<Account, ApiError> {
    auth::authenticate(&state.db, Dialect::OpenBadge, headers).await?.ok_or(ApiError::Unauthenticated)
}

async fn login(Extract(state): Extract<State>, body: Bytes) -> Result<Json<Data<LoginToken>>, ApiError> {
    let request: LoginRequest = serde_json::from_slice(&body).map_err(|_| {
        let mut errors = BTreeMap::new();
        errors.insert("email".to_string(), vec!["The email field is required.".to_string()]);
        errors.insert("password".to_string(), vec!["The password field is required.".to_string()]);
        ApiError::Invalid(errors)
    })?;
    let mut errors = BTreeMap::new();
    if let Err(p) = validate::email(&request.email) {
        errors.insert("email".to_string(), vec![p.to_string()]);
    }
    if let Err(p) = validate::password(&request.password) {
        errors.insert("password".to_string(), vec![p.to_string()]);
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let Some(account_id) = auth::check_credentials(&state.db, Dialect::OpenBadge, &request.email, &request.password).await? else {
        return Err(field_error("email", "These credentials do not match our records."));
    };
    let (token, expires) = auth::issue_token(&state.db, Dialect::OpenBadge, &account_id, state.token_ttl_secs).await?;
    Ok(Json(Data {
        data: LoginToken {
            token,
            token_type: "Bearer".to_string(),
            expires_at: chrono::DateTime::from_timestamp(expires, 0).map(Timestamp::from_utc),
        },
    }))
}

async fn logout(Extract(state): Extract<State>, headers: HeaderMap) -> Result<StatusCode, ApiError> {
    signed_in(&state, &headers).await?;
    auth::revoke(&state.db, &headers).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn current_user(Extract(state): Extract<State>, headers: HeaderMap) -> Result<Json<AuthUser>, ApiError> {
    let account = signed_in(&state, &headers).await?;
    let organization = match &account.ob_organization_id {
        Some(id) => sqlx::query("SELECT id, name FROM ob_organizations WHERE id = ?")
            .bind(id)
            .fetch_optional(&state.db)
            .await?
            .map(|r| OrganizationRef { id: r.get("id"), name: r.get("name") }),
        None => None,
    };
    Ok(Json(AuthUser {
        uuid: Some(account.id),
        username: account.username,
        email: Some(account.email),
        email_verified_at: account.email_verified_at.as_deref().and_then(Timestamp::parse),
        role: Some(Role { slug: Some("issuer".into()), name: Some("Issuer".into()), description: Some("Organization administrator".into()) }),
        organization,
    }))
}

/// The organization row with its computed counts.
const ORG_SELECT: &str = "SELECT o.*,
    (SELECT COUNT(*) FROM issued_badges b WHERE b.organization_id = o.id) AS badges_count,
    (SELECT COUNT(*) FROM badge_templates t WHERE t.organization_id = o.id) AS badge_templates_count
    FROM ob_organizations o WHERE o.id = ?";

async fn organization(Extract(state): Extract<State>, headers: HeaderMap) -> Result<Json<Data<Organization>>, ApiError> {
    let account = signed_in(&state, &headers).await?;
    let id = account.ob_organization_id.ok_or(ApiError::NotFound)?;
    let row = sqlx::query(ORG_SELECT).bind(&id).fetch_optional(&state.db).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(Data { data: organization_from_row(&row, &public_base(&headers)) }))
}

/// `scheme://host` the request came in on, for `public_url`.
fn public_base(headers: &HeaderMap) -> String {
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let proto = headers.get("x-forwarded-proto").and_then(|h| h.to_str().ok()).unwrap_or("http");
    format!("{proto}://{host}")
}

fn opt(row: &SqliteRow, column: &str) -> Option<String> {
    row.try_get::<Option<String>, _>(column).ok().flatten()
}

fn flag(row: &SqliteRow, column: &str) -> bool {
    row.try_get::<i64, _>(column).unwrap_or(0) != 0
}

fn settings_from_row(row: &SqliteRow) -> Settings {
    Settings {
        public_profile: flag(row, "public_profile"),
        public_badge_types: flag(row, "public_badge_types"),
        public_learning_paths: flag(row, "public_learning_paths"),
        public_badge_templates: flag(row, "public_badge_templates"),
    }
}

pub fn organization_from_row(row: &SqliteRow, base: &str) -> Organization {
    let id: String = row.get("id");
    let settings = settings_from_row(row);
    let ts = |c: &str| opt(row, c).as_deref().and_then(Timestamp::parse);
    Organization {
        public_url: settings.public_profile.then(|| format!("{base}/issuers/{id}")),
        id: Some(id),
        org_type: opt(row, "type").map(|v| OrgType::from_wire(&v)),
        activity: opt(row, "activity").map(|v| Activity::from_wire(&v)),
        name: opt(row, "name"),
        description: opt(row, "description"),
        address_info: Some(AddressInfo {
            street: opt(row, "street"),
            postcode: opt(row, "postcode"),
            city: opt(row, "city"),
            region: opt(row, "region"),
            state: opt(row, "state"),
            country: opt(row, "country"),
        }),
        billing_info: Some(BillingInfo {
            legal_name: opt(row, "billing_legal_name"),
            vat: opt(row, "billing_vat"),
            fiscal_code: opt(row, "billing_fiscal_code"),
            code_dest: opt(row, "billing_code_dest"),
            email: opt(row, "billing_email"),
            certified_email: opt(row, "billing_certified_email"),
        }),
        language: opt(row, "language").map(|v| Language::from_wire(&v)),
        website: opt(row, "website"),
        status: opt(row, "status").map(|v| OrgStatus::from_wire(&v)),
        contact_info: Some(ContactInfo {
            name: opt(row, "contact_name"),
            last_name: opt(row, "contact_last_name"),
            mobile: opt(row, "contact_mobile"),
            email: opt(row, "contact_email"),
            tech_email: opt(row, "contact_tech_email"),
            legal_email: opt(row, "contact_legal_email"),
        }),
        settings: Some(settings),
        logo_path: opt(row, "logo_path"),
        logo_high_path: opt(row, "logo_high_path"),
        logo_thumbnail_path: opt(row, "logo_thumbnail_path"),
        credits_left: row.try_get("credits_left").ok(),
        badge_templates_count: row.try_get("badge_templates_count").ok(),
        badges_count: row.try_get("badges_count").ok(),
        created_at: ts("created_at"),
        updated_at: ts("updated_at"),
        imp_legacy_id: opt(row, "imp_legacy_id"),
        stripe_customer_id: opt(row, "stripe_customer_id"),
        subscription_id: opt(row, "subscription_id"),
        subscription_status: opt(row, "subscription_status").map(|v| SubscriptionStatus::from_wire(&v)),
        current_period_start: ts("current_period_start"),
        current_period_end: ts("current_period_end"),
        max_users: row.try_get::<Option<i64>, _>("max_users").ok().flatten(),
    }
}

fn template_from_row(row: &SqliteRow) -> BadgeTemplate {
    BadgeTemplate {
        id: opt(row, "id"),
        title: opt(row, "title"),
        code: opt(row, "code"),
        badge_type: opt(row, "type").map(|v| BadgeType::from_wire(&v)),
        description: opt(row, "description"),
        image_path: opt(row, "image_path"),
        image_thumbnail_path: opt(row, "image_thumbnail_path"),
        color_primary: opt(row, "color_primary"),
        language: opt(row, "language").map(|v| Language::from_wire(&v)),
        is_learning_path: Some(flag(row, "is_learning_path")),
        is_published: Some(flag(row, "is_published")),
        status: opt(row, "status").map(|v| TemplateStatus::from_wire(&v)),
    }
}

/// The public profile, or `None` for an unknown, disabled or private
/// organization: the caller answers the same 404 for all three.
pub async fn load_public(state: &State, id: &str, base: &str) -> Result<Option<PublicOrganization>, ApiError> {
    let Some(row) = sqlx::query(ORG_SELECT).bind(id).fetch_optional(&state.db).await? else { return Ok(None) };
    let settings = settings_from_row(&row);
    if !settings.public_profile || opt(&row, "status").as_deref() != Some("enabled") {
        return Ok(None);
    }
    let org = organization_from_row(&row, base);
    let published: Vec<BadgeTemplate> = sqlx::query(
        "SELECT * FROM badge_templates WHERE organization_id = ? AND is_published = 1 AND status = 'active' ORDER BY title",
    )
    .bind(id)
    .fetch_all(&state.db)
    .await?
    .iter()
    .map(template_from_row)
    .collect();
    let badge_types = settings.public_badge_types.then(|| {
        let mut counts: BTreeMap<String, i64> = BTreeMap::new();
        for t in &published {
            if let Some(kind) = &t.badge_type {
                *counts.entry(kind.as_str().to_string()).or_default() += 1;
            }
        }
        counts.into_iter().map(|(k, n)| BadgeTypeCount { badge_type: BadgeType::from_wire(&k), count: Some(n) }).collect()
    });
    let (paths, templates): (Vec<_>, Vec<_>) = published.into_iter().partition(|t| t.is_learning_path == Some(true));
    let address = org.address_info.unwrap_or_default();
    Ok(Some(PublicOrganization {
        id: org.id,
        name: org.name,
        org_type: org.org_type,
        activity: org.activity,
        description: org.description,
        website: org.website,
        language: org.language,
        city: address.city,
        region: address.region,
        country: address.country,
        logo_path: org.logo_path,
        logo_high_path: org.logo_high_path,
        logo_thumbnail_path: org.logo_thumbnail_path,
        public_url: org.public_url,
        badges_count: org.badges_count,
        badge_templates: settings.public_badge_templates.then_some(templates),
        badge_types,
        learning_paths: settings.public_learning_paths.then_some(paths),
    }))
}

async fn public_organization(Extract(state): Extract<State>, Path(id): Path<String>, headers: HeaderMap) -> Result<Response, ApiError> {
    let org = load_public(&state, &id, &public_base(&headers)).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(json!({ "data": org })).into_response())
}
