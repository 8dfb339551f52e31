//! Errors as google.rpc.Status with the matching HTTP status, and who may
//! call the BlendVision API.

use crate::auth::{Account, Dialect, OrgMember, PlatformError, SignedIn};
use crate::state::State;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use orgdesk_model::blendvision::{code, FieldViolation, RpcStatus, StatusDetail, BAD_REQUEST_TYPE};

/// A signed-in BlendVision account with the organization it acts for.
pub type BvCaller = OrgMember<BlendVisionError>;
/// A signed-in BlendVision account, organization or not.
pub type BvAccount = SignedIn<BlendVisionError>;

/// Names the organization a call acts for; when sent, it must be the
/// caller's own (checked for every call by the extractors).
pub const ACTING_HEADER: &str = "x-bv-org-id";

/// A [`BvCaller`] on a mutation that must say whom it acts for: without
/// `x-bv-org-id` it is refused like one naming another organization.
pub struct BvActingCaller(pub BvCaller);

impl FromRequestParts<State> for BvActingCaller {
    type Rejection = BlendVisionError;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, BlendVisionError> {
        let caller = BvCaller::from_request_parts(parts, state).await?;
        if !parts.headers.contains_key(ACTING_HEADER) {
            return Err(BlendVisionError::PermissionDenied("x-bv-org-id must name your own organization"));
        }
        Ok(BvActingCaller(caller))
    }
}

/// The most violations an answer lists: a body of thousands of unknown keys
/// gets an answer of a few kilobytes, not one violation per key it sent.
pub const MAX_VIOLATIONS: usize = 50;

#[derive(Debug)]
pub enum BlendVisionError {
    Unauthenticated,
    InvalidCredentials,
    /// An unknown, used or expired refresh token.
    InvalidRefreshToken,
    /// grpc-gateway's answer to a path it has no route for.
    NoRoute,
    NotFound(&'static str),
    PermissionDenied(&'static str),
    InvalidArgument(Vec<FieldViolation>),
    /// 429 RESOURCE_EXHAUSTED: too many failed sign-ins; retry after this many seconds.
    TooManyAttempts { retry_after_secs: u64 },
    /// 503 UNAVAILABLE: too busy to check a password now; retry after this many seconds.
    Busy { retry_after_secs: u64 },
    Internal,
}

/// google.rpc.Code values the model does not name.
const RESOURCE_EXHAUSTED: i32 = 8;
const UNAVAILABLE: i32 = 14;

impl From<crate::auth::SignInError> for BlendVisionError {
    fn from(e: crate::auth::SignInError) -> Self {
        use crate::auth::SignInError as E;
        match e {
            E::Wrong => BlendVisionError::InvalidCredentials,
            E::Locked { retry_after_secs } => BlendVisionError::TooManyAttempts { retry_after_secs },
            E::Busy { retry_after_secs } => BlendVisionError::Busy { retry_after_secs },
            E::Database(e) => e.into(),
        }
    }
}

/// An account-service status (sign-in is the account service's, not the organization service's).
fn account_status(code: i32, message: &str, reason: &str) -> RpcStatus {
    let mut status = RpcStatus::with_reason(code, message, reason);
    status.details.iter_mut().for_each(|d| d.domain = Some("account".to_string()));
    status
}

impl From<sqlx::Error> for BlendVisionError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        BlendVisionError::Internal
    }
}

impl PlatformError for BlendVisionError {
    const DIALECT: Dialect = Dialect::BlendVision;

    fn unauthenticated() -> Self {
        BlendVisionError::Unauthenticated
    }

    fn no_organization() -> Self {
        BlendVisionError::NotFound("organization")
    }

    fn organization_of(account: &Account) -> Option<&String> {
        account.bv_organization_id.as_ref()
    }

    fn check_acting(headers: &HeaderMap, account: &Account) -> Result<(), Self> {
        match headers.get(ACTING_HEADER) {
            None => Ok(()),
            Some(id) if id.to_str().is_ok_and(|id| Some(id) == account.bv_organization_id.as_deref()) => Ok(()),
            Some(_) => Err(BlendVisionError::PermissionDenied("x-bv-org-id must name your own organization")),
        }
    }
}

impl IntoResponse for BlendVisionError {
    fn into_response(self) -> Response {
        let retry_after = match &self {
            BlendVisionError::TooManyAttempts { retry_after_secs } | BlendVisionError::Busy { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let (status, body) = match self {
            BlendVisionError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                RpcStatus::with_reason(code::UNAUTHENTICATED, "missing, invalid or expired access token", "ERROR_REASON_UNAUTHENTICATED"),
            ),
            BlendVisionError::InvalidCredentials => {
                let mut status = RpcStatus::with_reason(code::UNAUTHENTICATED, "invalid email or password", "ERROR_REASON_INVALID_CREDENTIALS");
                // Sign-in is the account service's, not the organization service's.
                status.details.iter_mut().for_each(|d| d.domain = Some("account".to_string()));
                (StatusCode::UNAUTHORIZED, status)
            }
            BlendVisionError::InvalidRefreshToken => {
                (StatusCode::UNAUTHORIZED, account_status(code::UNAUTHENTICATED, "invalid, used or expired refresh token", "ERROR_REASON_UNAUTHENTICATED"))
            }
            BlendVisionError::NoRoute => (StatusCode::NOT_FOUND, RpcStatus { code: code::NOT_FOUND, message: "Not Found".to_string(), details: Vec::new() }),
            BlendVisionError::NotFound(what) => (StatusCode::NOT_FOUND, RpcStatus::with_reason(code::NOT_FOUND, format!("{what} not found"), "ERROR_REASON_NOT_FOUND")),
            BlendVisionError::PermissionDenied(why) => (StatusCode::FORBIDDEN, RpcStatus::with_reason(code::PERMISSION_DENIED, why, "ERROR_REASON_PERMISSION_DENIED")),
            BlendVisionError::InvalidArgument(mut violations) => {
                // However the violations were gathered, the answer stays small.
                violations.truncate(MAX_VIOLATIONS);
                let message = violations.first().map(|v| format!("{}: {}", v.field, v.description)).unwrap_or_else(|| "invalid argument".into());
                // The BadRequest first (as the service sends it), then an
                // ErrorInfo so `RpcStatus::reason()` names the error too.
                let mut status = RpcStatus::with_reason(code::INVALID_ARGUMENT, message, "ERROR_REASON_INVALID_ARGUMENT");
                status.details.insert(0, StatusDetail { type_url: BAD_REQUEST_TYPE.to_string(), field_violations: violations, ..Default::default() });
                (StatusCode::BAD_REQUEST, status)
            }
            BlendVisionError::TooManyAttempts { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                account_status(RESOURCE_EXHAUSTED, &format!("too many failed sign-in attempts, retry in {retry_after_secs} s"), "ERROR_REASON_TOO_MANY_ATTEMPTS"),
            ),
            BlendVisionError::Busy { .. } => {
                (StatusCode::SERVICE_UNAVAILABLE, account_status(UNAVAILABLE, "the service is busy, retry shortly", "ERROR_REASON_UNAVAILABLE"))
            }
            BlendVisionError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, RpcStatus::with_reason(code::INTERNAL, "internal error", "ERROR_REASON_INTERNAL")),
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(secs) = retry_after {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        response
    }
}

pub async fn not_found() -> BlendVisionError {
    BlendVisionError::NotFound("resource")
}

/// The vendor's answer for a path without a route (`--api vendor`).
pub async fn no_route() -> BlendVisionError {
    BlendVisionError::NoRoute
}

/// grpc-gateway's answer to a method the route does not support: UNIMPLEMENTED
/// without details. The HTTP status stays 405, and axum adds the `Allow` header.
pub async fn method_not_allowed() -> Response {
    const UNIMPLEMENTED: i32 = 12;
    let status = RpcStatus { code: UNIMPLEMENTED, message: "Method Not Allowed".to_string(), details: Vec::new() };
    (StatusCode::METHOD_NOT_ALLOWED, Json(status)).into_response()
}
