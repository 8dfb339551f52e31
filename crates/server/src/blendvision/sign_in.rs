//! The account service: signing in, and (orgdesk's extensions) renewing a
//! session with its refresh token and signing out.

use super::request::{body_object, violation};
use super::{BlendVisionError, BvAccount};
use crate::auth::{self, tokens, Dialect};
use crate::state::State;
use axum::body::Bytes;
use axum::extract::State as Extract;
use axum::http::HeaderMap;
use axum::Json;
use orgdesk_model::blendvision::{LoginRequest, LoginResponse};
use orgdesk_model::bv_rules::BvProblem;
use orgdesk_model::validate;
use serde_json::{json, Value};

/// The answer to a sign-in or a refresh.
fn session_answer(state: &State, session: tokens::Session) -> Json<LoginResponse> {
    Json(LoginResponse {
        access_token: session.access_token,
        refresh_token: session.refresh_token,
        expires_in: Some(state.token_ttl_secs),
        token_type: "Bearer".into(),
    })
}

pub async fn login(Extract(state): Extract<State>, client: auth::Client, body: Bytes) -> Result<Json<LoginResponse>, BlendVisionError> {
    let (email, password) = auth::credentials(&body).ok_or_else(|| BlendVisionError::InvalidArgument(vec![violation("body", "Send a JSON object.")]))?;
    let request = LoginRequest { email, password };
    let mut violations = Vec::new();
    if let Err(p) = validate::email(&request.email) {
        violations.push(violation("email", p));
    }
    if let Err(p) = validate::password(&request.password) {
        violations.push(violation("password", p));
    }
    if !violations.is_empty() {
        return Err(BlendVisionError::InvalidArgument(violations));
    }
    let account_id = auth::sign_in(&state.db, &client, Dialect::BlendVision, &request.email, &request.password).await?;
    let session = tokens::issue_session(&state.db, Dialect::BlendVision, &account_id, state.token_ttl_secs).await?;
    Ok(session_answer(&state, session))
}

/// `POST /bv/account/v1/tokens/refresh` `{refresh_token}` (ours): a new
/// access token and a new refresh token; the one sent is used up.
pub async fn refresh(Extract(state): Extract<State>, body: Bytes) -> Result<Json<LoginResponse>, BlendVisionError> {
    let token = match body_object(&body)?.get("refresh_token") {
        Some(Value::String(t)) if !t.trim().is_empty() => t.clone(),
        Some(Value::String(_)) | None => return Err(BlendVisionError::InvalidArgument(vec![violation("refresh_token", "Send the refresh token.")])),
        Some(_) => return Err(BlendVisionError::InvalidArgument(vec![violation("refresh_token", BvProblem::WrongType)])),
    };
    let session = tokens::refresh(&state.db, Dialect::BlendVision, &token, state.token_ttl_secs).await?;
    Ok(session_answer(&state, session.ok_or(BlendVisionError::InvalidRefreshToken)?))
}

/// `POST /bv/account/v1/accounts/logout` (ours): revokes the access token
/// and the refresh token issued with it.
pub async fn logout(BvAccount { account, .. }: BvAccount, Extract(state): Extract<State>, headers: HeaderMap) -> Result<Json<Value>, BlendVisionError> {
    tokens::revoke(&state.db, &headers).await?;
    tracing::info!(dialect = "blendvision", account = %account.id, "signed out: token revoked");
    Ok(Json(json!({})))
}
