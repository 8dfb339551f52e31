//! Signing in and out, and who is signed in.

use super::{ObAccount, OpenBadgeError};
use crate::auth::{self, tokens, Dialect};
use crate::db::ob_orgs;
use crate::state::State;
use axum::body::Bytes;
use axum::extract::State as Extract;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use orgdesk_model::openbadge::{AuthUser, Data, LoginRequest, LoginToken, Role};
use orgdesk_model::{validate, Timestamp};
use std::collections::BTreeMap;

pub async fn login(Extract(state): Extract<State>, client: auth::Client, body: Bytes) -> Result<Json<Data<LoginToken>>, OpenBadgeError> {
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
        return Err(OpenBadgeError::Invalid(errors));
    }
    let account_id = auth::sign_in(&state.db, &client, Dialect::OpenBadge, &request.email, &request.password).await?;
    let (token, expires) = tokens::issue(&state.db, Dialect::OpenBadge, &account_id, state.token_ttl_secs).await?;
    Ok(Json(Data {
        data: LoginToken {
            token,
            token_type: "Bearer".to_string(),
            expires_at: chrono::DateTime::from_timestamp(expires, 0).map(Timestamp::from_utc),
        },
    }))
}

pub async fn logout(ObAccount { account, .. }: ObAccount, Extract(state): Extract<State>, headers: HeaderMap) -> Result<StatusCode, OpenBadgeError> {
    tokens::revoke(&state.db, &headers).await?;
    tracing::info!(dialect = "openbadge", account = %account.id, "signed out: token revoked");
    Ok(StatusCode::NO_CONTENT)
}

pub async fn current_user(ObAccount { account, .. }: ObAccount, Extract(state): Extract<State>) -> Result<Json<AuthUser>, OpenBadgeError> {
    let organization = match &account.ob_organization_id {
        Some(id) => ob_orgs::reference(&state.db, id).await?,
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
