//! The Open Badge issuer API (`/api/v1`): `{"data": ...}` bodies and Laravel
//! error bodies.

use crate::auth::{self, Account, Dialect};
use crate::State;
use axum::body::Bytes;
use axum::extract::{Path, Query, State as Extract};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use orgdesk_model::openbadge::*;
use orgdesk_model::{public, validate, Timestamp};
use sha2::{Digest, Sha256};
use serde_json::json;
use crate::db::opt;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use std::collections::BTreeMap;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/api/v1/auth/login", post(login))
        .route("/api/v1/auth/logout", post(logout))
        .route("/api/v1/auth/user", get(current_user))
        .route("/api/v1/issuers/organization", get(organization).put(crate::profile_update::update))
        .route("/api/v1/issuers/organization/badge_templates", get(badge_templates))
        .route("/api/v1/issuers/organization/statistics", get(statistics))
        .route("/api/v1/issuers/organization/year-statistics", get(year_statistics))
        .route("/api/v1/public/organizations/{id}", get(public_organization))
        .route("/api/v1", axum::routing::any(not_found))
        .route("/api/v1/{*rest}", axum::routing::any(not_found))
        .route("/api/{*rest}", axum::routing::any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
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

/// Laravel's answer to a method the route does not support; axum adds the
/// `Allow` header.
pub async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let route = uri.path().trim_start_matches('/');
    let body = LaravelError::message(format!("The {method} method is not supported for route {route}."));
    (StatusCode::METHOD_NOT_ALLOWED, Json(body)).into_response()
}

pub async fn signed_in(state: &State, headers: &HeaderMap) -> Result<Account, ApiError> {
    auth::authenticate(&state.db, Dialect::OpenBadge, headers).await?.ok_or(ApiError::Unauthenticated)
}

async fn login(Extract(state): Extract<State>, body: Bytes) -> Result<Json<Data<LoginToken>>, ApiError> {
    // Like Laravel, a body that is not JSON is read as no input at all.
    let (email, password) = auth::credentials(&body).unwrap_or_default();
    let request = LoginRequest { email, password };
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
pub const ORG_SELECT: &str = "SELECT o.*,
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
pub fn public_base(headers: &HeaderMap) -> String {
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let proto = headers.get("x-forwarded-proto").and_then(|h| h.to_str().ok()).unwrap_or("http");
    format!("{proto}://{host}")
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

/// All badge templates of an organization.
async fn templates(state: &State, id: &str) -> Result<Vec<BadgeTemplate>, ApiError> {
    Ok(sqlx::query("SELECT * FROM badge_templates WHERE organization_id = ? ORDER BY title, id")
        .bind(id)
        .fetch_all(&state.db)
        .await?
        .iter()
        .map(template_from_row)
        .collect())
}

/// The public profile, or `None` for an unknown, disabled or private
/// organization: the caller answers the same 404 for all three.
pub async fn load_public(state: &State, id: &str, base: &str) -> Result<Option<PublicOrganization>, ApiError> {
    let Some(row) = sqlx::query(ORG_SELECT).bind(id).fetch_optional(&state.db).await? else { return Ok(None) };
    let org = organization_from_row(&row, base);
    if !public::is_public(&org) {
        return Ok(None);
    }
    let mut view = public::public_view(&org, &templates(state, id).await?);
    // Stored descriptions predate the sanitizer on save; never serve one raw.
    view.description = view.description.as_deref().map(crate::sanitize::description);
    Ok(Some(view))
}

/// Cacheable for a minute by anyone; revalidated with the ETag.
async fn public_organization(Extract(state): Extract<State>, Path(id): Path<String>, headers: HeaderMap) -> Result<Response, ApiError> {
    let org = load_public(&state, &id, &public_base(&headers)).await?.ok_or(ApiError::NotFound)?;
    let body = serde_json::to_vec(&json!({ "data": org })).map_err(|_| ApiError::Internal)?;
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&body))[..32]);
    let cache = [(header::CACHE_CONTROL, "public, max-age=60".to_string()), (header::ETAG, etag.clone())];
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((cache, [(header::CONTENT_TYPE, "application/json".to_string())], body).into_response())
}

/// `GET /issuers/organization/badge_templates`, Laravel-paginated.
async fn badge_templates(
    Extract(state): Extract<State>,
    headers: HeaderMap,
    Query(query): Query<BTreeMap<String, String>>,
) -> Result<Json<Paginated<BadgeTemplate>>, ApiError> {
    const PER_PAGE: usize = 15;
    let account = signed_in(&state, &headers).await?;
    let id = account.ob_organization_id.ok_or(ApiError::NotFound)?;
    let all = templates(&state, &id).await?;
    let total = all.len();
    let last_page = total.div_ceil(PER_PAGE).max(1);
    let page = query.get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).clamp(1, last_page);
    let data: Vec<BadgeTemplate> = all.into_iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).collect();
    let path = "/api/v1/issuers/organization/badge_templates";
    let link = |p: usize| Some(format!("{path}?page={p}"));
    let from = (page - 1) * PER_PAGE + 1;
    Ok(Json(Paginated {
        links: Some(PageLinks { first: link(1), last: link(last_page), prev: (page > 1).then(|| link(page - 1)).flatten(), next: (page < last_page).then(|| link(page + 1)).flatten() }),
        meta: Some(PageMeta {
            current_page: Some(page as i64),
            from: (!data.is_empty()).then_some(from as i64),
            last_page: Some(last_page as i64),
            path: Some(path.to_string()),
            per_page: Some(PER_PAGE as i64),
            to: (!data.is_empty()).then_some((from + data.len() - 1) as i64),
            total: Some(total as i64),
        }),
        data,
    }))
}

/// Totals, computed from the stored records.
async fn statistics(Extract(state): Extract<State>, headers: HeaderMap) -> Result<Json<Data<Statistics>>, ApiError> {
    let account = signed_in(&state, &headers).await?;
    let id = account.ob_organization_id.ok_or(ApiError::NotFound)?;
    let row = sqlx::query(
        "SELECT o.credits_left,
            (SELECT COUNT(*) FROM issued_badges b WHERE b.organization_id = o.id) AS badges_count,
            (SELECT COUNT(DISTINCT earner_email) FROM issued_badges b WHERE b.organization_id = o.id) AS earners_count,
            (SELECT COUNT(*) FROM badge_templates t WHERE t.organization_id = o.id) AS badge_templates_count
         FROM ob_organizations o WHERE o.id = ?",
    )
    .bind(&id)
    .fetch_optional(&state.db)
    .await?
    .ok_or(ApiError::NotFound)?;
    Ok(Json(Data {
        data: Statistics {
            badges_count: row.try_get("badges_count").ok(),
            badge_templates_count: row.try_get("badge_templates_count").ok(),
            earners_count: row.try_get("earners_count").ok(),
            credits_left: row.try_get("credits_left").ok(),
        },
    }))
}

/// Badges issued per month of `?year=` (default: this year); twelve zeros
/// for a year without badges. Uses the (organization, issued_at) index.
async fn year_statistics(
    Extract(state): Extract<State>,
    headers: HeaderMap,
    Query(query): Query<BTreeMap<String, String>>,
) -> Result<Json<Data<YearStatistics>>, ApiError> {
    use chrono::Datelike;
    let account = signed_in(&state, &headers).await?;
    let id = account.ob_organization_id.ok_or(ApiError::NotFound)?;
    let year = match query.get("year") {
        None => chrono::Utc::now().year(),
        Some(y) => y.trim().parse::<i32>().ok().filter(|y| (1970..=9999).contains(y)).ok_or_else(|| field_error("year", "Enter a year between 1970 and 9999."))?,
    };
    let rows = sqlx::query(
        "SELECT CAST(substr(issued_at, 6, 2) AS INTEGER) AS month, COUNT(*) AS n FROM issued_badges
         WHERE organization_id = ? AND issued_at >= ? AND issued_at < ? GROUP BY month",
    )
    .bind(&id)
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{:04}-01-01", year + 1))
    .fetch_all(&state.db)
    .await?;
    let mut months = [0i64; 12];
    for row in rows {
        let month: i64 = row.get("month");
        if let Some(slot) = usize::try_from(month - 1).ok().and_then(|m| months.get_mut(m)) {
            *slot = row.get("n");
        }
    }
    Ok(Json(Data { data: YearStatistics { year, total: months.iter().sum(), months: months.to_vec() } }))
}
