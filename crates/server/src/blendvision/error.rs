//! Errors as google.rpc.Status with the matching HTTP status, and who may
//! call the BlendVision API.

use crate::auth::{Account, Dialect, OrgMember, PlatformError};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use orgdesk_model::blendvision::{code, FieldViolation, RpcStatus, StatusDetail, BAD_REQUEST_TYPE};

/// A signed-in BlendVision account with the organization it acts for.
pub type BvCaller = OrgMember<BlendVisionError>;

#[derive(Debug)]
pub enum BlendVisionError {
    Unauthenticated,
    InvalidCredentials,
    NotFound(&'static str),
    PermissionDenied(&'static str),
    InvalidArgument(Vec<FieldViolation>),
    Internal,
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
}

impl IntoResponse for BlendVisionError {
    fn into_response(self) -> Response {
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
            BlendVisionError::NotFound(what) => (StatusCode::NOT_FOUND, RpcStatus::with_reason(code::NOT_FOUND, format!("{what} not found"), "ERROR_REASON_NOT_FOUND")),
            BlendVisionError::PermissionDenied(why) => (StatusCode::FORBIDDEN, RpcStatus::with_reason(code::PERMISSION_DENIED, why, "ERROR_REASON_PERMISSION_DENIED")),
            BlendVisionError::InvalidArgument(violations) => {
                let message = violations.first().map(|v| format!("{}: {}", v.field, v.description)).unwrap_or_else(|| "invalid argument".into());
                // The BadRequest first (as the service sends it), then an
                // ErrorInfo so `RpcStatus::reason()` names the error too.
                let mut status = RpcStatus::with_reason(code::INVALID_ARGUMENT, message, "ERROR_REASON_INVALID_ARGUMENT");
                status.details.insert(0, StatusDetail { type_url: BAD_REQUEST_TYPE.to_string(), field_violations: violations, ..Default::default() });
                (StatusCode::BAD_REQUEST, status)
            }
            BlendVisionError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, RpcStatus::with_reason(code::INTERNAL, "internal error", "ERROR_REASON_INTERNAL")),
        };
        (status, Json(body)).into_response()
    }
}

pub async fn not_found() -> BlendVisionError {
    BlendVisionError::NotFound("resource")
}

/// grpc-gateway's answer to a method the route does not support: UNIMPLEMENTED
/// without details. The HTTP status stays 405, and axum adds the `Allow` header.
pub async fn method_not_allowed() -> Response {
    const UNIMPLEMENTED: i32 = 12;
    let status = RpcStatus { code: UNIMPLEMENTED, message: "Method Not Allowed".to_string(), details: Vec::new() };
    (StatusCode::METHOD_NOT_ALLOWED, Json(status)).into_response()
}
