//! What can go wrong with a request, in terms the UI can act on. Defined
//! here, below the UI, so forms and loaders can react to it without reaching
//! into the API layer; `api/http.rs` is the one place that produces it.

use std::collections::BTreeMap;

/// How long a request may take before the admin is told and offered a retry.
pub const TIMEOUT_MS: u32 = 15_000;

/// Everything that can go wrong with a request, in terms the UI can act on.
/// `Clone` so resources can hold it.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS, refused.
    Network,
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
    /// 401: the token is missing, expired or revoked (or the credentials are wrong, at sign-in).
    Unauthenticated { message: String },
    Forbidden { message: String },
    NotFound { message: String },
    /// 412: the record changed since it was loaded.
    Conflict,
    /// 422 (Laravel) or 400 (google.rpc): field paths (dot form) to messages.
    Invalid { message: String, fields: BTreeMap<String, Vec<String>>, reason: Option<String> },
    RateLimited { retry_after_secs: Option<u32> },
    Server { status: u16, message: String },
    /// A 2xx whose body did not decode into the expected type.
    Decode(String),
    /// 413: the body is larger than the server accepts.
    TooLarge { message: String },
    /// The admin cancelled the request.
    Cancelled,
    /// 404/405 from an orgdesk extension the backend does not offer (API.md §3).
    NotOffered,
}

