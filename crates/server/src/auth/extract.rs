//! Extractors for "signed in on this platform": a handler names what it
//! needs (`ObAdmin`, `BvCaller`, ...) in its arguments and never calls the
//! sign-in check itself. Each platform answers a failed check in its own
//! error shape, so the extractors are generic over the platform's error type.

use super::{tokens, Account, Dialect};
use crate::state::State;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use std::marker::PhantomData;

/// What a platform's error type tells the extractors.
pub trait PlatformError: From<sqlx::Error> + IntoResponse + Send {
    /// Whose tokens count.
    const DIALECT: Dialect;
    /// No, an unknown, an expired or another platform's token.
    fn unauthenticated() -> Self;
    /// Signed in, but the account has no organization.
    fn no_organization() -> Self;
    /// The account's organization on this platform.
    fn organization_of(account: &Account) -> Option<&String>;

    /// Whether `account` may act as the request's headers say (BlendVision's
    /// `x-bv-org-id`); by default there is nothing to check.
    fn check_acting(_headers: &HeaderMap, _account: &Account) -> Result<(), Self> {
        Ok(())
    }
}

/// Any signed-in account of `E`'s platform.
pub struct SignedIn<E> {
    pub account: Account,
    platform: PhantomData<fn() -> E>,
}

/// A signed-in account of `E`'s platform with the organization it acts for.
pub struct OrgMember<E> {
    pub account: Account,
    pub organization_id: String,
    platform: PhantomData<fn() -> E>,
}

impl<E: PlatformError> FromRequestParts<State> for SignedIn<E> {
    type Rejection = E;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, E> {
        let account = tokens::authenticate(&state.db, E::DIALECT, &parts.headers).await?.ok_or_else(E::unauthenticated)?;
        E::check_acting(&parts.headers, &account)?;
        Ok(SignedIn { account, platform: PhantomData })
    }
}

impl<E: PlatformError> FromRequestParts<State> for OrgMember<E> {
    type Rejection = E;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, E> {
        let SignedIn { account, .. } = SignedIn::<E>::from_request_parts(parts, state).await?;
        let organization_id = E::organization_of(&account).cloned().ok_or_else(E::no_organization)?;
        Ok(OrgMember { account, organization_id, platform: PhantomData })
    }
}
