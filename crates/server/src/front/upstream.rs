//! The platforms the web front stands in front of: where each one lives, the
//! URL a request goes to there, and the platform's own shape for errors.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use reqwest::Url;
use std::time::Duration;

/// Connecting to an upstream; a platform that takes longer is down.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// A whole upstream answer, uploads included.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    OpenBadge,
    BlendVision,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::OpenBadge => "Open Badge",
            Platform::BlendVision => "BlendVision",
        }
    }

    /// An error the front itself answers, in the shape the app expects from
    /// this platform: Laravel's `{"message"}` or a gRPC status.
    pub fn error(self, status: StatusCode, message: &str) -> Response {
        let body = match self {
            Platform::OpenBadge => serde_json::json!({ "message": message }),
            Platform::BlendVision => serde_json::json!({ "code": grpc_code(status), "message": message, "details": [] }),
        };
        (status, [(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
    }
}

/// The gRPC status code for an HTTP status the front answers.
fn grpc_code(status: StatusCode) -> i32 {
    match status {
        StatusCode::BAD_REQUEST => 3,            // INVALID_ARGUMENT
        StatusCode::GATEWAY_TIMEOUT => 4,        // DEADLINE_EXCEEDED
        StatusCode::NOT_FOUND => 5,              // NOT_FOUND
        StatusCode::PAYLOAD_TOO_LARGE => 8,      // RESOURCE_EXHAUSTED
        _ => 14,                                 // UNAVAILABLE
    }
}

/// A platform's API base URL: an origin and perhaps a path prefix.
#[derive(Clone, Debug)]
pub struct Upstream {
    pub platform: Platform,
    base: Url,
}

impl Upstream {
    /// Checks the flag's value: an http(s) URL with a host and nothing else
    /// (no user, query or fragment).
    pub fn parse(platform: Platform, value: &str) -> Result<Upstream, String> {
        let flag = match platform {
            Platform::OpenBadge => "--upstream-openbadge",
            Platform::BlendVision => "--upstream-blendvision",
        };
        let base = Url::parse(value).map_err(|e| format!("{flag} {value}: {e}"))?;
        let plain = base.host_str().is_some() && base.username().is_empty() && base.password().is_none() && base.query().is_none() && base.fragment().is_none();
        if !matches!(base.scheme(), "http" | "https") || !plain {
            return Err(format!("{flag} {value}: expected an http:// or https:// base URL such as https://api.example.org"));
        }
        if base.scheme() == "https" && !cfg!(feature = "tls") {
            return Err(format!("{flag} {value}: this build has no TLS client; build orgdesk-server with `--features tls`, or reach the platform over http:// on a private network"));
        }
        Ok(Upstream { platform, base })
    }

    /// `scheme://host[:port]`, for logs and readiness messages.
    pub fn origin(&self) -> String {
        self.base.origin().ascii_serialization()
    }

    /// Where a request for `path_and_query` (as received, starting with `/`)
    /// goes: the base's prefix + the path. `None` for a path that could climb
    /// out of the prefix once the upstream decodes it (dot segments, encoded
    /// slashes or backslashes, NUL).
    pub fn url_for(&self, path_and_query: &str) -> Option<Url> {
        let (path, query) = match path_and_query.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (path_and_query, None),
        };
        if !path.starts_with('/') || path.contains('\\') || path.split('/').any(is_unsafe_segment) {
            return None;
        }
        let prefix = self.base.path().trim_end_matches('/');
        let query = query.map(|q| format!("?{q}")).unwrap_or_default();
        let url = Url::parse(&format!("{}{prefix}{path}{query}", self.origin())).ok()?;
        (url.origin() == self.base.origin() && url.path().starts_with(&format!("{prefix}/"))).then_some(url)
    }
}

fn is_unsafe_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    let decoded_dots = lower.replace("%2e", ".");
    decoded_dots == "." || decoded_dots == ".." || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
}

/// The front's one HTTP client: no redirects followed (the browser sees them
/// as the upstream sent them), no proxy from the environment.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(ANSWER_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("an HTTP client with default TLS settings")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upstream(base: &str) -> Upstream {
        Upstream::parse(Platform::OpenBadge, base).unwrap()
    }

    #[test]
    fn paths_stay_under_the_base() {
        let up = upstream("http://ob.internal:8080/platform/");
        assert_eq!(up.url_for("/api/v1/x?a=1&b=%2F").unwrap().as_str(), "http://ob.internal:8080/platform/api/v1/x?a=1&b=%2F");
        for bad in ["/api/../../x", "/api/./x", "/api/%2e%2E/x", "/api/.%2e/admin", "/api/a%2Fb", "/api/a%5c..", "/api\\..\\x", "/api/%00", "api/x"] {
            assert_eq!(up.url_for(bad), None, "{bad}");
        }
        assert_eq!(up.url_for("//evil.example/api").unwrap().origin(), up.base.origin(), "a doubled slash stays on the upstream");
    }

    #[test]
    fn only_plain_http_base_urls_are_accepted() {
        assert!(Upstream::parse(Platform::BlendVision, "http://127.0.0.1:9000").is_ok());
        for bad in ["ftp://x", "http://user:pw@x", "http://x/?q=1", "http://x/#f", "x", "/api"] {
            assert!(Upstream::parse(Platform::OpenBadge, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_come_in_each_platform_shape() {
        assert_eq!(grpc_code(StatusCode::BAD_GATEWAY), 14);
        assert_eq!(grpc_code(StatusCode::GATEWAY_TIMEOUT), 4);
    }
}
