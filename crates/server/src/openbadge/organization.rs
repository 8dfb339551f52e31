//! The admin's organization: `GET` and `PUT /api/v1/issuers/organization`.
//!
//! The PUT takes the admin's changes as bracketed form keys. Only the keys
//! sent change; each value is normalized and checked by the same rules the
//! browser runs, together with the fields its rules look at; the description
//! is sanitized. Every answer carries `ETag: "<version>"`, a counter every
//! write to the organization moves; `If-Match` with it (or, coarser, in whole
//! seconds, `If-Unmodified-Since`) guards against overwriting someone else's
//! change (412). In vendor mode the PUT keeps only the keys the vendor has
//! rules for, and there is no ETag and no precondition, as Laravel would.

use super::vendor::{self, organization_body};
use super::{ObAdmin, OpenBadgeError};
use crate::db::ob_orgs::{self, OrganizationRow, ProfileChange, SWITCHES};
use crate::origin::public_base;
use crate::state::{ApiMode, State};
use crate::web::conditional::{if_match, IfMatch};
use axum::body::Bytes;
use axum::extract::State as Extract;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use orgdesk_model::fields::{self, Field};
use orgdesk_model::openbadge::Organization;
use std::collections::{BTreeMap, BTreeSet};

/// The admin's organization as the wire has it.
pub async fn current(state: &State, admin: &ObAdmin, headers: &HeaderMap) -> Result<Organization, OpenBadgeError> {
    ob_orgs::organization(&state.db, &admin.organization_id, &public_base(headers)).await?.ok_or(OpenBadgeError::NotFound)
}

/// The organization as every call about it answers: `{"data": ...}` and,
/// outside vendor mode, its version as a strong `ETag`.
pub async fn answer(state: &State, admin: &ObAdmin, headers: &HeaderMap) -> Result<Response, OpenBadgeError> {
    let org = current(state, admin, headers).await?;
    let etag = org.etag.clone().filter(|_| !state.api.is_vendor());
    let body = organization_body(state.api, org);
    Ok(match etag {
        Some(etag) => ([(header::ETAG, etag)], body).into_response(),
        None => body.into_response(),
    })
}

pub async fn show(admin: ObAdmin, Extract(state): Extract<State>, headers: HeaderMap) -> Result<Response, OpenBadgeError> {
    answer(&state, &admin, &headers).await
}

/// Keys an admin may see but never change (dot form).
const READ_ONLY: &[&str] = &[
    "id", "status", "credits_left", "badges_count", "badge_templates_count", "subscription_id", "subscription_status",
    "stripe_customer_id", "imp_legacy_id", "current_period_start", "current_period_end", "max_users", "created_at", "updated_at",
    "public_url", "logo_path", "logo_high_path", "logo_thumbnail_path",
];

pub async fn update(admin: ObAdmin, Extract(state): Extract<State>, headers: HeaderMap, body: Bytes) -> Result<Response, OpenBadgeError> {
    let row = ob_orgs::organization_row(&state.db, &admin.organization_id).await?.ok_or(OpenBadgeError::NotFound)?;
    let before = row.to_organization(&public_base(&headers));
    // The vendor ignores preconditions altogether (last write wins).
    let guarded = !state.api.is_vendor() && precondition(&headers, &before)?;
    let change = ProfileForm::read(&body, state.api).check(&before)?.changes(&before, &row);
    if !change.is_empty() {
        // Claim the version read above, atomically: if another save got in
        // between, a guarded save does not overwrite it blindly.
        let saved = ob_orgs::save_profile(&state.db, &admin.organization_id, &change, row.version, guarded).await?;
        saved.map_err(|_| OpenBadgeError::Conflict)?;
        // Which keys changed, never their values.
        let keys: Vec<&str> = change.fields.iter().map(|(f, _)| f.key()).chain(change.switches.iter().map(|(col, _)| *col)).collect();
        tracing::info!(organization = %admin.organization_id, account = %admin.account.id, ?keys, "organization saved");
        state.changed_public(&admin.organization_id);
    }
    answer(&state, &admin, &headers).await
}

/// The request's precondition against the row as read (RFC 9110 §13.2.2):
/// `If-Match` when sent (strong comparison with the version's tag; `*`
/// matches the existing row), else `If-Unmodified-Since` (whole seconds; a
/// date that does not parse is ignored, as HTTP says). A failed one is a 412;
/// `Ok(true)`: the save must claim the version read.
fn precondition(headers: &HeaderMap, before: &Organization) -> Result<bool, OpenBadgeError> {
    match if_match(headers, before.etag.as_deref()) {
        IfMatch::Current => return Ok(true),
        IfMatch::Any => return Ok(false),
        IfMatch::Failed => return Err(OpenBadgeError::Conflict),
        IfMatch::Absent => {}
    }
    let since = headers.get(header::IF_UNMODIFIED_SINCE).and_then(|v| v.to_str().ok()).and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok());
    match since {
        Some(since) if before.updated_at.is_some_and(|u| u.utc.timestamp() > since.timestamp()) => Err(OpenBadgeError::Conflict),
        guard => Ok(guard.is_some()),
    }
}

/// The most fields a refused PUT names: a body of thousands of bad keys gets
/// an answer of a few kilobytes, not one message per key it sent.
const MAX_ERROR_FIELDS: usize = 50;

/// A PUT body as read: the fields and switches it sends, normalized, and
/// what is wrong with it so far (by dot path).
#[derive(Default)]
struct ProfileForm {
    sent: BTreeMap<Field, String>,
    switches: Vec<(&'static str, i64)>,
    errors: BTreeMap<String, Vec<String>>,
}

impl ProfileForm {
    fn read(body: &[u8], api: ApiMode) -> ProfileForm {
        let mut form = ProfileForm::default();
        let mut seen = BTreeSet::new();
        for (key, value) in form_urlencoded::parse(body) {
            if form.errors.len() >= MAX_ERROR_FIELDS {
                // Enough to say what is wrong; the rest is not read.
                break;
            }
            let dot = key.replace('[', ".").replace(']', "");
            if api.is_vendor() && !vendor::has_rule(&key) {
                // Laravel keeps only the keys it has rules for, silently.
                continue;
            }
            if !seen.insert(key.to_string()) {
                form.refuse(dot, "Send each field once.");
            } else if let Some(column) = SWITCHES.iter().find(|col| key == format!("settings[{col}]")) {
                match value.trim() {
                    "1" | "true" => form.switches.push((*column, 1)),
                    "0" | "false" => form.switches.push((*column, 0)),
                    _ => form.refuse(dot, "Send 1 or 0."),
                }
            } else if let Some(field) = Field::ALL.iter().copied().find(|f| f.key() == key) {
                form.sent.insert(field, normalized(field, &value));
            } else if READ_ONLY.contains(&dot.as_str()) {
                form.refuse(dot, "This field is read-only.");
            } else {
                form.refuse(dot, "This field cannot be changed.");
            }
        }
        form
    }

    /// Records the first problem of each field (a key sent a thousand times
    /// is one problem), up to [`MAX_ERROR_FIELDS`] fields.
    fn refuse(&mut self, path: String, message: &str) {
        let path = super::error::shortened(path);
        if self.errors.len() >= MAX_ERROR_FIELDS && !self.errors.contains_key(&path) {
            return;
        }
        let messages = self.errors.entry(path).or_default();
        if messages.is_empty() {
            messages.push(message.to_string());
        }
    }

    /// Runs the rules on every field as it will be after the save: each sent
    /// field, then the fields whose rules look at a sent field that passed (a
    /// wrong type says nothing useful about the SDI code).
    fn check(mut self, before: &Organization) -> Result<ProfileForm, OpenBadgeError> {
        let value_of = |f: Field| self.sent.get(&f).cloned().unwrap_or_else(|| fields::normalize(f, &f.get(before)));
        let mut dependent: BTreeSet<Field> = BTreeSet::new();
        let mut problems = Vec::new();
        for &f in self.sent.keys() {
            match fields::check(f, &value_of) {
                Ok(()) => dependent.extend(fields::dependents(f).iter().copied().filter(|d| !self.sent.contains_key(d))),
                Err(problem) => problems.push((f, problem.to_string())),
            }
        }
        for f in dependent {
            if let Err(problem) = fields::check(f, &value_of) {
                problems.push((f, problem.to_string()));
            }
        }
        for (f, message) in problems {
            self.refuse(f.path().to_string(), &message);
        }
        if self.errors.is_empty() {
            Ok(self)
        } else {
            Err(OpenBadgeError::Invalid(self.errors))
        }
    }

    /// What differs from the stored organization: a value or a switch sent
    /// as it already is changes nothing.
    fn changes(self, before: &Organization, row: &OrganizationRow) -> ProfileChange {
        ProfileChange {
            fields: self.sent.into_iter().filter(|(f, v)| fields::normalize(*f, &f.get(before)) != *v).collect(),
            switches: self.switches.into_iter().filter(|(col, v)| row.switch(col) != *v).collect(),
        }
    }
}

/// A sent value as it is stored: normalized by the field's rule; a
/// description also sanitized, and emptied when no text is left.
fn normalized(field: Field, value: &str) -> String {
    let mut value = fields::normalize(field, value);
    if field == Field::Description {
        value = crate::sanitize::description(&value);
        if orgdesk_model::public::plain_text(&value).trim().is_empty() {
            value.clear();
        }
    }
    value
}
