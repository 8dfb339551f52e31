//! The BlendVision One organization service (`/bv`): plain JSON bodies and
//! google.rpc.Status errors.

use crate::auth::{self, Account, Dialect};
use crate::State;
use axum::body::Bytes;
use axum::extract::State as Extract;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use orgdesk_model::blendvision::*;
use orgdesk_model::{validate, Timestamp};
use crate::db::opt;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/bv/account/v1/accounts/login", post(login))
        .route("/bv/org/v1/organizations", get(organization).patch(crate::bv_console::rename))
        .route("/bv/org/v1/organizations/{id}/plans", get(crate::bv_console::plans))
        .route("/bv/org/v1/sub-orgs", get(crate::bv_console::sub_orgs))
        .route("/bv/org/v1/sub-orgs/{id}", get(crate::bv_console::sub_org).patch(crate::bv_console::update_sub_org))
        .route("/bv", any(not_found))
        .route("/bv/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
}

/// Errors as google.rpc.Status with the matching HTTP status.
#[derive(Debug)]
pub enum ApiError {
    Unauthenticated,
    InvalidCredentials,
    NotFound(&'static str),
    PermissionDenied(&'static str),
    InvalidArgument(Vec<FieldViolation>),
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
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                RpcStatus::with_reason(code::UNAUTHENTICATED, "missing, invalid or expired access token", "ERROR_REASON_UNAUTHENTICATED"),
            ),
            ApiError::InvalidCredentials => {
                let mut status = RpcStatus::with_reason(code::UNAUTHENTICATED, "invalid email or password", "ERROR_REASON_INVALID_CREDENTIALS");
                // Sign-in is the account service's, not the organization service's.
                status.details.iter_mut().for_each(|d| d.domain = Some("account".to_string()));
                (StatusCode::UNAUTHORIZED, status)
            }
            ApiError::NotFound(what) => (StatusCode::NOT_FOUND, RpcStatus::with_reason(code::NOT_FOUND, format!("{what} not found"), "ERROR_REASON_NOT_FOUND")),
            ApiError::PermissionDenied(why) => (StatusCode::FORBIDDEN, RpcStatus::with_reason(code::PERMISSION_DENIED, why, "ERROR_REASON_PERMISSION_DENIED")),
            ApiError::InvalidArgument(violations) => {
                let message = violations.first().map(|v| format!("{}: {}", v.field, v.description)).unwrap_or_else(|| "invalid argument".into());
                // The BadRequest first (as the service sends it), then an
                // ErrorInfo so `RpcStatus::reason()` names the error too.
                let mut status = RpcStatus::with_reason(code::INVALID_ARGUMENT, message, "ERROR_REASON_INVALID_ARGUMENT");
                status.details.insert(0, StatusDetail { type_url: BAD_REQUEST_TYPE.to_string(), field_violations: violations, ..Default::default() });
                (StatusCode::BAD_REQUEST, status)
            }
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, RpcStatus::with_reason(code::INTERNAL, "internal error", "ERROR_REASON_INTERNAL")),
        };
        (status, Json(body)).into_response()
    }
}

fn violation(field: &str, description: impl Into<String>) -> FieldViolation {
    FieldViolation { field: field.to_string(), description: description.into() }
}

async fn not_found() -> ApiError {
    ApiError::NotFound("resource")
}

/// grpc-gateway's answer to a method the route does not support: UNIMPLEMENTED
/// without details. The HTTP status stays 405, and axum adds the `Allow` header.
async fn method_not_allowed() -> Response {
    const UNIMPLEMENTED: i32 = 12;
    let status = RpcStatus { code: UNIMPLEMENTED, message: "Method Not Allowed".to_string(), details: Vec::new() };
    (StatusCode::METHOD_NOT_ALLOWED, Json(status)).into_response()
}

async fn signed_in(state: &State, headers: &HeaderMap) -> Result<Account, ApiError> {
    auth::authenticate(&state.db, Dialect::BlendVision, headers).await?.ok_or(ApiError::Unauthenticated)
}

async fn login(Extract(state): Extract<State>, body: Bytes) -> Result<Json<LoginResponse>, ApiError> {
    let (email, password) = auth::credentials(&body).ok_or_else(|| ApiError::InvalidArgument(vec![violation("body", "Send a JSON object.")]))?;
    let request = LoginRequest { email, password };
    let mut violations = Vec::new();
    if let Err(p) = validate::email(&request.email) {
        violations.push(violation("email", p.to_string()));
    }
    if let Err(p) = validate::password(&request.password) {
        violations.push(violation("password", p.to_string()));
    }
    if !violations.is_empty() {
        return Err(ApiError::InvalidArgument(violations));
    }
    let account_id = auth::check_credentials(&state.db, Dialect::BlendVision, &request.email, &request.password)
        .await?
        .ok_or(ApiError::InvalidCredentials)?;
    let (access_token, _) = auth::issue_token(&state.db, Dialect::BlendVision, &account_id, state.token_ttl_secs).await?;
    // Refresh is not offered by the reference server: the client signs in again.
    Ok(Json(LoginResponse { access_token, refresh_token: String::new(), expires_in: Some(state.token_ttl_secs), token_type: "Bearer".into() }))
}

async fn organization(Extract(state): Extract<State>, headers: HeaderMap) -> Result<Json<OrganizationEnvelope>, ApiError> {
    let account = signed_in(&state, &headers).await?;
    let id = account.bv_organization_id.ok_or(ApiError::NotFound("organization"))?;
    let organization = load(&state, &id).await?.ok_or(ApiError::NotFound("organization"))?;
    Ok(Json(OrganizationEnvelope { organization }))
}

/// Organizations with their parent's name, owner and computed `has_sub_orgs`;
/// callers add the `WHERE`.
pub const ORG_QUERY: &str = "SELECT o.*, p.name AS parent_name,
        EXISTS (SELECT 1 FROM bv_organizations c WHERE c.parent_id = o.id) AS has_sub_orgs,
        a.id AS owner_id, a.email AS owner_email, a.status AS owner_status, a.role_type AS owner_role,
        a.created_at AS owner_created_at, a.first_name AS owner_first_name, a.last_name AS owner_last_name
     FROM bv_organizations o
     LEFT JOIN bv_organizations p ON p.id = o.parent_id
     LEFT JOIN accounts a ON a.id = o.owner_account_id";

/// One organization with its parent's name, owner and computed `has_sub_orgs`.
pub async fn load(state: &State, id: &str) -> Result<Option<Organization>, ApiError> {
    let row = sqlx::query(&format!("{ORG_QUERY} WHERE o.id = ?"))
    .bind(id)
    .fetch_optional(&state.db)
    .await?;
    Ok(row.as_ref().map(organization_from_row))
}

fn int(row: &SqliteRow, column: &str) -> Option<i64> {
    row.try_get::<Option<i64>, _>(column).ok().flatten()
}

pub fn organization_from_row(row: &SqliteRow) -> Organization {
    let ts = |c: &str| opt(row, c).as_deref().and_then(Timestamp::parse);
    let org_type = OrganizationType::from_wire(&row.get::<String, _>("type"));
    let next_contract = opt(row, "next_start_time").map(|_| NextContract {
        start_time: ts("next_start_time"),
        months: int(row, "next_months"),
        days: int(row, "next_days"),
        end_time: ts("next_end_time"),
        parent_id: opt(row, "next_parent_id"),
        plan_id: opt(row, "next_plan_id"),
    });
    let owner = opt(row, "owner_id").map(|id| Owner {
        id: Some(id),
        email: opt(row, "owner_email"),
        status: opt(row, "owner_status").map(|s| AccountStatus::from_wire(&s)),
        role_type: opt(row, "owner_role").map(|s| RoleType::from_wire(&s)),
        created_at: ts("owner_created_at"),
        first_name: opt(row, "owner_first_name"),
        last_name: opt(row, "owner_last_name"),
    });
    let business_setting = (org_type == OrganizationType::Business).then(|| {
        let plan = opt(row, "plan_type").map(|p| BusinessPlanType::from_wire(&p));
        let bvone = plan == Some(BusinessPlanType::Bvone);
        let cxm = plan == Some(BusinessPlanType::Cxm);
        BusinessSetting {
            business_plan_type: plan,
            category: opt(row, "category"),
            tax_id: opt(row, "tax_id"),
            enable_create_site: int(row, "enable_create_site").filter(|_| bvone).map(|v| v != 0),
            site_limit: int(row, "site_limit").filter(|_| bvone),
            enable_custom_domain: int(row, "enable_custom_domain").filter(|_| bvone).map(|v| v != 0),
            marketplace_url: opt(row, "marketplace_url").filter(|_| cxm),
        }
    });
    Organization {
        id: opt(row, "id"),
        name: opt(row, "name"),
        parent_id: opt(row, "parent_id"),
        parent_name: opt(row, "parent_name"),
        org_type: Some(org_type),
        status: opt(row, "status").map(|s| OrganizationStatus::from_wire(&s)),
        description: opt(row, "description"),
        owner_email: opt(row, "owner_email"),
        billing_cycle: int(row, "billing_cycle"),
        contract_valid_start_time: ts("contract_valid_start_time"),
        contract_months: int(row, "contract_months"),
        contract_days: int(row, "contract_days"),
        contract_valid_end_time: ts("contract_valid_end_time"),
        next_contract,
        has_sub_orgs: Some(int(row, "has_sub_orgs").unwrap_or(0) != 0),
        license_key: opt(row, "license_key"),
        time_zone: opt(row, "time_zone"),
        owner,
        business_setting,
        created_at: ts("created_at"),
        updated_at: ts("updated_at"),
    }
}
