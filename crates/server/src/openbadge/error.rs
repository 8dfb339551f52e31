//! Errors in the Laravel shape the Open Badge platform uses, and who may
//! call its API.

use crate::auth::{Account, Dialect, OrgMember, PlatformError, SignedIn};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use orgdesk_model::openbadge::LaravelError;
use std::collections::BTreeMap;

/// A signed-in Open Badge admin with their organization.
pub type ObAdmin = OrgMember<OpenBadgeError>;
/// A signed-in Open Badge account, organization or not.
pub type ObAccount = SignedIn<OpenBadgeError>;

#[derive(Debug)]
pub enum OpenBadgeError {
    Unauthenticated,
    NotFound,
    /// 422: messages by field (dot path).
    Invalid(BTreeMap<String, Vec<String>>),
    /// 412: someone else saved since the caller read.
    Conflict,
    /// 413, with the words to show.
    TooLarge(String),
    /// 429: too many failed sign-ins; try again after this many seconds.
    TooManyAttempts { retry_after_secs: u64 },
    /// 503: too busy to check a password now; try again after this many seconds.
    Busy { retry_after_secs: u64 },
    Internal,
}

impl OpenBadgeError {
    /// A 422 with one message on one field.
    pub fn field(field: &str, message: impl Into<String>) -> OpenBadgeError {
        OpenBadgeError::Invalid(BTreeMap::from([(field.to_string(), vec![message.into()])]))
    }
}

/// The longest field path an error names: an unknown key can be as long as
/// the body, and the answer should not echo it whole.
const MAX_PATH_CHARS: usize = 100;

/// `path`, cut to [`MAX_PATH_CHARS`] characters (with an ellipsis when cut).
pub fn shortened(path: String) -> String {
    match path.char_indices().nth(MAX_PATH_CHARS) {
        Some((cut, _)) => format!("{}…", &path[..cut]),
        None => path,
    }
}

impl From<sqlx::Error> for OpenBadgeError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        OpenBadgeError::Internal
    }
}

impl PlatformError for OpenBadgeError {
    const DIALECT: Dialect = Dialect::OpenBadge;

    fn unauthenticated() -> Self {
        OpenBadgeError::Unauthenticated
    }

    fn no_organization() -> Self {
        OpenBadgeError::NotFound
    }

    fn organization_of(account: &Account) -> Option<&String> {
        account.ob_organization_id.as_ref()
    }
}

impl From<crate::auth::SignInError> for OpenBadgeError {
    fn from(e: crate::auth::SignInError) -> Self {
        use crate::auth::SignInError as E;
        match e {
            E::Wrong => OpenBadgeError::field("email", "These credentials do not match our records."),
            E::Locked { retry_after_secs } => OpenBadgeError::TooManyAttempts { retry_after_secs },
            E::Busy { retry_after_secs } => OpenBadgeError::Busy { retry_after_secs },
            E::Database(e) => e.into(),
        }
    }
}

impl IntoResponse for OpenBadgeError {
    fn into_response(self) -> Response {
        let retry_after = match &self {
            OpenBadgeError::TooManyAttempts { retry_after_secs } | OpenBadgeError::Busy { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let (status, body) = match self {
            OpenBadgeError::Unauthenticated => (StatusCode::UNAUTHORIZED, LaravelError::message("Unauthenticated.")),
            OpenBadgeError::NotFound => (StatusCode::NOT_FOUND, LaravelError::message("Not found.")),
            OpenBadgeError::Invalid(errors) => {
                let message = errors.values().flatten().next().cloned().unwrap_or_else(|| "The given data was invalid.".into());
                (StatusCode::UNPROCESSABLE_ENTITY, LaravelError { message, errors })
            }
            OpenBadgeError::Conflict => {
                (StatusCode::PRECONDITION_FAILED, LaravelError::message("The organization was changed by someone else since you loaded it."))
            }
            OpenBadgeError::TooLarge(message) => (StatusCode::PAYLOAD_TOO_LARGE, LaravelError::message(message)),
            // Laravel's login throttle says it this way.
            OpenBadgeError::TooManyAttempts { retry_after_secs } => {
                let message = format!("Too many login attempts. Please try again in {retry_after_secs} seconds.");
                (StatusCode::TOO_MANY_REQUESTS, LaravelError { message: message.clone(), errors: BTreeMap::from([("email".to_string(), vec![message])]) })
            }
            OpenBadgeError::Busy { .. } => (StatusCode::SERVICE_UNAVAILABLE, LaravelError::message("Service Unavailable")),
            OpenBadgeError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, LaravelError::message("Server Error")),
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(secs) = retry_after {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        response
    }
}

pub async fn not_found() -> OpenBadgeError {
    OpenBadgeError::NotFound
}

/// Laravel's answer to a method the route does not support; axum adds the
/// `Allow` header.
pub async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    laravel_405(&method, &uri, None)
}

/// The vendor's answer to a method other than POST on a POST-only route:
/// Laravel names the methods the route supports.
pub async fn post_only(method: Method, uri: Uri) -> Response {
    laravel_405(&method, &uri, Some("POST"))
}

fn laravel_405(method: &Method, uri: &Uri, supported: Option<&'static str>) -> Response {
    let route = uri.path().trim_start_matches('/');
    let mut message = format!("The {method} method is not supported for route {route}.");
    if let Some(methods) = supported {
        message.push_str(&format!(" Supported methods: {methods}."));
    }
    let mut response = (StatusCode::METHOD_NOT_ALLOWED, Json(LaravelError::message(message))).into_response();
    if let Some(methods) = supported {
        response.headers_mut().insert(axum::http::header::ALLOW, axum::http::HeaderValue::from_static(methods));
    }
    response
}
