//! Signing in to the account service.

use super::request::violation;
use super::BlendVisionError;
use crate::auth::{self, tokens, Dialect};
use crate::state::State;
use axum::body::Bytes;
use axum::extract::State as Extract;
use axum::Json;
use orgdesk_model::blendvision::{LoginRequest, LoginResponse};
use orgdesk_model::validate;

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
    let (access_token, _) = tokens::issue(&state.db, Dialect::BlendVision, &account_id, state.token_ttl_secs).await?;
    // Refresh is not offered by the reference server: the client signs in again.
    Ok(Json(LoginResponse { access_token, refresh_token: String::new(), expires_in: Some(state.token_ttl_secs), token_type: "Bearer".into() }))
}
