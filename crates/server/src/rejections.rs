//! axum's own refusals (a body over the limit, a path segment that is not
//! UTF-8, a body of the wrong type) are plain text. API clients get them in
//! the platform's error shape instead, with the same status and headers: a
//! Laravel body under `/api`, a google.rpc.Status under `/bv`.

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use orgdesk_model::blendvision::{code, RpcStatus};
use orgdesk_model::openbadge::LaravelError;

#[derive(Clone, Copy)]
enum Platform {
    OpenBadge,
    BlendVision,
}

pub async fn in_platform_shape(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let platform = if path.starts_with("/api/") || path == "/api" {
        Platform::OpenBadge
    } else if path.starts_with("/bv/") || path == "/bv" {
        Platform::BlendVision
    } else {
        return next.run(request).await;
    };
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response.headers().get(header::CONTENT_TYPE).and_then(|t| t.to_str().ok()).is_some_and(|t| t.contains("json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_TYPE);
    let body = match platform {
        Platform::OpenBadge => Json(LaravelError::message(laravel_message(status))).into_response(),
        Platform::BlendVision => {
            let (code, reason) = rpc_code(status);
            Json(RpcStatus::with_reason(code, status.canonical_reason().unwrap_or("error").to_lowercase(), reason)).into_response()
        }
    };
    let (body_parts, body) = body.into_parts();
    parts.headers.extend(body_parts.headers);
    Response::from_parts(parts, body)
}

fn laravel_message(status: StatusCode) -> String {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => "The request is too large.".into(),
        StatusCode::BAD_REQUEST => "The request could not be read.".into(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "Send the body as the endpoint documents it.".into(),
        other => other.canonical_reason().unwrap_or("Error").to_string(),
    }
}

/// The gRPC code grpc-gateway maps back to `status`, and its reason.
fn rpc_code(status: StatusCode) -> (i32, &'static str) {
    match status.as_u16() {
        404 => (code::NOT_FOUND, "ERROR_REASON_NOT_FOUND"),
        405 => (12, "ERROR_REASON_UNIMPLEMENTED"),
        408 => (4, "ERROR_REASON_DEADLINE_EXCEEDED"),
        413 => (8, "ERROR_REASON_RESOURCE_EXHAUSTED"),
        400..=499 => (code::INVALID_ARGUMENT, "ERROR_REASON_INVALID_ARGUMENT"),
        _ => (code::INTERNAL, "ERROR_REASON_INTERNAL"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    async fn answer(path: &str) -> (StatusCode, Option<String>, String) {
        let app = Router::new()
            .route("/api/v1/x/{id}", get(|axum::extract::Path(id): axum::extract::Path<String>| async move { id }))
            .route("/bv/x/{id}", get(|axum::extract::Path(id): axum::extract::Path<String>| async move { id }))
            .route("/media/{id}", get(|axum::extract::Path(id): axum::extract::Path<String>| async move { id }))
            .layer(axum::middleware::from_fn(in_platform_shape));
        let res = app.oneshot(Request::get(path).body(axum::body::Body::empty()).unwrap()).await.unwrap();
        let kind = res.headers().get(header::CONTENT_TYPE).map(|t| t.to_str().unwrap().to_string());
        let status = res.status();
        let body = axum::body::to_bytes(res.into_body(), 1 << 16).await.unwrap();
        (status, kind, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn plain_text_refusals_come_in_each_platforms_shape() {
        let (status, kind, body) = answer("/api/v1/x/%C0%AE").await;
        assert_eq!((status, kind.as_deref()), (StatusCode::BAD_REQUEST, Some("application/json")));
        assert_eq!(serde_json::from_str::<LaravelError>(&body).unwrap().message, "The request could not be read.");
        let (status, _, body) = answer("/bv/x/%C0%AE").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(serde_json::from_str::<RpcStatus>(&body).unwrap().code, code::INVALID_ARGUMENT);
        // Outside the APIs, and for good answers, nothing changes.
        let (status, kind, _) = answer("/media/%C0%AE").await;
        assert_eq!((status, kind.as_deref()), (StatusCode::BAD_REQUEST, Some("text/plain; charset=utf-8")));
        assert_eq!(answer("/api/v1/x/fine").await.2, "fine");
    }
}
