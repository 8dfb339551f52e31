//! `PUT /api/v1/issuers/organization`: the admin's changes as bracketed form
//! keys. Only the keys sent change; each value is normalized and checked by
//! the same rules the browser runs, together with the fields its rules look
//! at; the description is sanitized; `If-Unmodified-Since` guards against
//! overwriting someone else's change (412).

use crate::openbadge::{organization_from_row, public_base, signed_in, ApiError, ORG_SELECT};
use crate::State;
use axum::body::Bytes;
use axum::extract::State as Extract;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use orgdesk_model::fields::{self, Field};
use orgdesk_model::openbadge::{Data, LaravelError};
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};

/// The column behind each editable field. Column names only ever come from
/// here, never from the request.
fn column(field: Field) -> &'static str {
    match field {
        Field::Name => "name",
        Field::OrgType => "type",
        Field::Activity => "activity",
        Field::Description => "description",
        Field::Website => "website",
        Field::Language => "language",
        Field::Street => "street",
        Field::Postcode => "postcode",
        Field::City => "city",
        Field::Region => "region",
        Field::State => "state",
        Field::Country => "country",
        Field::ContactName => "contact_name",
        Field::ContactLastName => "contact_last_name",
        Field::Mobile => "contact_mobile",
        Field::ContactEmail => "contact_email",
        Field::TechEmail => "contact_tech_email",
        Field::LegalEmail => "contact_legal_email",
        Field::LegalName => "billing_legal_name",
        Field::Vat => "billing_vat",
        Field::FiscalCode => "billing_fiscal_code",
        Field::CodeDest => "billing_code_dest",
        Field::BillingEmail => "billing_email",
        Field::CertifiedEmail => "billing_certified_email",
    }
}

/// The public-profile switches and their columns.
const SETTINGS: [(&str, &str); 4] = [
    ("settings[public_profile]", "public_profile"),
    ("settings[public_badge_types]", "public_badge_types"),
    ("settings[public_learning_paths]", "public_learning_paths"),
    ("settings[public_badge_templates]", "public_badge_templates"),
];

/// Keys an admin may see but never change (dot form).
const READ_ONLY: &[&str] = &[
    "id", "status", "credits_left", "badges_count", "badge_templates_count", "subscription_id", "subscription_status",
    "stripe_customer_id", "imp_legacy_id", "current_period_start", "current_period_end", "max_users", "created_at", "updated_at",
    "public_url", "logo_path", "logo_high_path", "logo_thumbnail_path",
];

pub async fn update(Extract(state): Extract<State>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    let account = signed_in(&state, &headers).await?;
    let id = account.ob_organization_id.ok_or(ApiError::NotFound)?;
    let base = public_base(&headers);
    let row = sqlx::query(ORG_SELECT).bind(&id).fetch_optional(&state.db).await?.ok_or(ApiError::NotFound)?;
    let current = organization_from_row(&row, &base);

    // A date that does not parse is ignored, as HTTP says for this header.
    let since = headers.get(header::IF_UNMODIFIED_SINCE).and_then(|v| v.to_str().ok()).and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok());
    let guarded = since.is_some();
    if let Some(since) = since {
        if current.updated_at.is_some_and(|u| u.utc.timestamp() > since.timestamp()) {
            return Ok(conflict());
        }
    }

    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut sent: BTreeMap<Field, String> = BTreeMap::new();
    let mut switches: Vec<(&str, i64)> = Vec::new();
    let mut seen = BTreeSet::new();
    for (key, value) in form_urlencoded::parse(&body) {
        let dot = key.replace('[', ".").replace(']', "");
        if !seen.insert(key.to_string()) {
            errors.entry(dot).or_default().push("Send each field once.".into());
            continue;
        }
        if let Some((_, col)) = SETTINGS.iter().find(|(k, _)| *k == key) {
            match value.trim() {
                "1" | "true" => switches.push((col, 1)),
                "0" | "false" => switches.push((col, 0)),
                _ => errors.entry(dot).or_default().push("Send 1 or 0.".into()),
            }
        } else if let Some(field) = Field::ALL.iter().copied().find(|f| f.key() == key) {
            let mut value = fields::normalize(field, &value);
            if field == Field::Description {
                value = crate::sanitize::description(&value);
                if orgdesk_model::public::plain_text(&value).trim().is_empty() {
                    value.clear();
                }
            }
            sent.insert(field, value);
        } else if READ_ONLY.contains(&dot.as_str()) {
            errors.entry(dot).or_default().push("This field is read-only.".into());
        } else {
            errors.entry(dot).or_default().push("This field cannot be changed.".into());
        }
    }

    // Rules see every field as it will be after the save.
    let value_of = |f: Field| sent.get(&f).cloned().unwrap_or_else(|| fields::normalize(f, &f.get(&current)));
    // Each sent field, then the fields whose rules look at a sent field that
    // passed (a wrong type says nothing useful about the SDI code).
    let mut dependent: BTreeSet<Field> = BTreeSet::new();
    for &f in sent.keys() {
        match fields::check(f, &value_of) {
            Ok(()) => dependent.extend(fields::dependents(f).iter().copied().filter(|d| !sent.contains_key(d))),
            Err(problem) => errors.entry(f.path().to_string()).or_default().push(problem.to_string()),
        }
    }
    for f in dependent {
        if let Err(problem) = fields::check(f, &value_of) {
            errors.entry(f.path().to_string()).or_default().push(problem.to_string());
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }

    let changed: Vec<(Field, String)> = sent.into_iter().filter(|(f, v)| fields::normalize(*f, &f.get(&current)) != *v).collect();
    // A switch sent with the value it has is no change.
    let stored = |col: &str| -> i64 { row.try_get::<i64, _>(col).unwrap_or(0) };
    let switched: Vec<(&str, i64)> = switches.into_iter().filter(|(col, v)| stored(col) != *v).collect();
    if !changed.is_empty() || !switched.is_empty() {
        let mut tx = state.db.begin().await?;
        // Claim the version read above: if another save got in between, this
        // one does not overwrite it blindly.
        let read_version: String = row.try_get("updated_at").unwrap_or_default();
        let claimed = sqlx::query("UPDATE ob_organizations SET updated_at = ? WHERE id = ? AND updated_at = ?")
            .bind(crate::db::now())
            .bind(&id)
            .bind(&read_version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if claimed == 0 && guarded {
            tx.rollback().await?;
            return Ok(conflict());
        }
        for (field, value) in &changed {
            let value = (!value.is_empty()).then_some(value.as_str());
            sqlx::query(&format!("UPDATE ob_organizations SET {} = ? WHERE id = ?", column(*field))).bind(value).bind(&id).execute(&mut *tx).await?;
        }
        for (col, value) in &switched {
            sqlx::query(&format!("UPDATE ob_organizations SET {col} = ? WHERE id = ?")).bind(value).bind(&id).execute(&mut *tx).await?;
        }
        if claimed == 0 {
            // Unguarded: the last save wins, and still moves the version.
            sqlx::query("UPDATE ob_organizations SET updated_at = ? WHERE id = ?").bind(crate::db::now()).bind(&id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    let row = sqlx::query(ORG_SELECT).bind(&id).fetch_one(&state.db).await?;
    Ok(Json(Data { data: organization_from_row(&row, &base) }).into_response())
}

/// 412 in Laravel's shape.
fn conflict() -> Response {
    let body = LaravelError::message("The organization was changed by someone else since you loaded it.");
    (StatusCode::PRECONDITION_FAILED, Json(body)).into_response()
}
