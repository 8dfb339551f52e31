//! The BlendVision One console endpoints: rename, plans, and the
//! sub-organizations below the caller's organization (list, one, change).
//! An admin reaches only organizations strictly below their own; anything
//! else is the same 404 as an unknown id.

use crate::auth::{self, Account, Dialect};
use crate::blendvision::{load, organization_from_row, ApiError, ORG_QUERY};
use crate::State;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as Extract};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use orgdesk_model::blendvision::*;
use orgdesk_model::bv_rules::{self, BvProblem, PlanSetting};
use orgdesk_model::Timestamp;
use serde_json::{json, Map, Value};
use sqlx::Row;

/// Descendants of the first bound organization, however deep. (Plain `?`
/// placeholders only: sqlx numbers anonymous ones from 1 whatever `?N` says.)
const BELOW: &str = "WITH RECURSIVE below(id) AS (
        SELECT id FROM bv_organizations WHERE parent_id = ?
        UNION ALL SELECT o.id FROM bv_organizations o JOIN below b ON o.parent_id = b.id)";

async fn caller(state: &State, headers: &HeaderMap) -> Result<(Account, String), ApiError> {
    let account = auth::authenticate(&state.db, Dialect::BlendVision, headers).await?.ok_or(ApiError::Unauthenticated)?;
    let org = account.bv_organization_id.clone().ok_or(ApiError::NotFound("organization"))?;
    Ok((account, org))
}

/// Whether `id` is strictly below `org`.
async fn is_below(state: &State, org: &str, id: &str) -> Result<bool, ApiError> {
    let found = sqlx::query(&format!("{BELOW} SELECT 1 FROM below WHERE id = ?")).bind(org).bind(id).fetch_optional(&state.db).await?;
    Ok(found.is_some())
}

fn violation(field: &str, problem: BvProblem) -> FieldViolation {
    FieldViolation { field: field.to_string(), description: problem.to_string() }
}

fn body_object(body: &Bytes) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(ApiError::InvalidArgument(vec![FieldViolation { field: "body".into(), description: "Send a JSON object.".into() }])),
    }
}

/// `PATCH /bv/org/v1/organizations` `{name}`: renames the caller's organization.
pub async fn rename(Extract(state): Extract<State>, headers: HeaderMap, body: Bytes) -> Result<Json<Value>, ApiError> {
    let (_, org) = caller(&state, &headers).await?;
    let map = body_object(&body)?;
    let name = match map.get("name") {
        Some(Value::String(s)) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Some(_) => return Err(ApiError::InvalidArgument(vec![violation("name", BvProblem::WrongType)])),
        None => String::new(),
    };
    let mut violations: Vec<FieldViolation> = map.keys().filter(|k| *k != "name").map(|k| violation(k, BvProblem::UnknownField)).collect();
    if let Err(p) = bv_rules::name(&name) {
        violations.push(violation("name", p));
    }
    if !violations.is_empty() {
        return Err(ApiError::InvalidArgument(violations));
    }
    sqlx::query("UPDATE bv_organizations SET name = ?, updated_at = ? WHERE id = ?").bind(&name).bind(crate::db::now()).bind(&org).execute(&state.db).await?;
    Ok(Json(json!({})))
}

/// `GET /bv/org/v1/organizations/{id}/plans`: the plan of the caller's own
/// organization or of one below it: the current contract's and the next's.
pub async fn plans(Extract(state): Extract<State>, headers: HeaderMap, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let (_, org) = caller(&state, &headers).await?;
    if id != org && !is_below(&state, &org, &id).await? {
        return Err(ApiError::NotFound("organization"));
    }
    let o = load(&state, &id).await?.ok_or(ApiError::NotFound("organization"))?;
    let plan_type = o.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
    let mut list = Vec::new();
    if let Some(kind) = plan_type.as_ref() {
        let short = kind.as_str().trim_start_matches("BUSINESS_PLAN_TYPE_").to_lowercase();
        list.push(json!({
            "id": format!("plan-{short}"),
            "name": format!("{} {}", kind.as_str().trim_start_matches("BUSINESS_PLAN_TYPE_"), "Standard"),
            "business_plan_type": kind,
            "start_time": o.contract_valid_start_time,
            "end_time": o.contract_valid_end_time,
            "current": true,
        }));
        if let Some(next) = &o.next_contract {
            list.push(json!({
                "id": next.plan_id.clone().unwrap_or_else(|| format!("plan-{short}")),
                "name": format!("{} {}", kind.as_str().trim_start_matches("BUSINESS_PLAN_TYPE_"), "Renewal"),
                "business_plan_type": kind,
                "start_time": next.start_time,
                "end_time": next.end_time,
                "current": false,
            }));
        }
    }
    Ok(Json(json!({ "plans": list })))
}

/// `GET /bv/org/v1/sub-orgs`: every organization below the caller's, by
/// name, filtered by name (contains, any case), types and statuses (each
/// repeatable), one page at a time.
pub async fn sub_orgs(Extract(state): Extract<State>, headers: HeaderMap, RawQuery(query): RawQuery) -> Result<Json<SubOrgsPage>, ApiError> {
    let (_, org) = caller(&state, &headers).await?;
    let (mut page, mut per_page, mut name) = (1i64, 10i64, String::new());
    let (mut types, mut statuses) = (Vec::new(), Vec::new());
    let mut violations = Vec::new();
    for (k, v) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "current_page" => match v.parse::<i64>() {
                Ok(n) if n >= 1 => page = n,
                _ => violations.push(FieldViolation { field: "current_page".into(), description: "Send a whole number from 1.".into() }),
            },
            "items_per_page" => match v.parse::<i64>() {
                Ok(n) if (1..=100).contains(&n) => per_page = n,
                _ => violations.push(FieldViolation { field: "items_per_page".into(), description: "Send a whole number from 1 to 100.".into() }),
            },
            "name" => name = v.trim().to_string(),
            "types" => match OrganizationType::from_wire(&v) {
                t if t.is_known() => types.push(t.as_str().to_string()),
                _ => violations.push(FieldViolation { field: "types".into(), description: format!("Unknown organization type {v}.") }),
            },
            "statuses" => match OrganizationStatus::from_wire(&v) {
                s if s.is_known() => statuses.push(s.as_str().to_string()),
                _ => violations.push(FieldViolation { field: "statuses".into(), description: format!("Unknown organization status {v}.") }),
            },
            _ => {}
        }
    }
    if !violations.is_empty() {
        return Err(ApiError::InvalidArgument(violations));
    }
    let placeholders = |n: usize| vec!["?"; n].join(", ");
    let mut filter = String::from(" WHERE o.id IN (SELECT id FROM below)");
    if !name.is_empty() {
        filter.push_str(" AND instr(lower(o.name), lower(?)) > 0");
    }
    if !types.is_empty() {
        filter.push_str(&format!(" AND o.type IN ({})", placeholders(types.len())));
    }
    if !statuses.is_empty() {
        filter.push_str(&format!(" AND o.status IN ({})", placeholders(statuses.len())));
    }
    let binds: Vec<&String> = (!name.is_empty()).then_some(&name).into_iter().chain(types.iter()).chain(statuses.iter()).collect();

    let count_sql = format!("{BELOW} SELECT COUNT(*) AS n FROM bv_organizations o{filter}");
    let mut count = sqlx::query(&count_sql).bind(&org);
    for b in &binds {
        count = count.bind(*b);
    }
    let total: i64 = count.fetch_one(&state.db).await?.get("n");

    let list_sql = format!("{BELOW} {ORG_QUERY}{filter} ORDER BY o.name COLLATE NOCASE, o.id LIMIT ? OFFSET ?");
    let mut list = sqlx::query(&list_sql).bind(&org);
    for b in &binds {
        list = list.bind(*b);
    }
    let rows = list.bind(per_page).bind((page - 1) * per_page).fetch_all(&state.db).await?;
    Ok(Json(SubOrgsPage {
        organizations: rows.iter().map(organization_from_row).collect(),
        pagination: Some(Pagination { total_items: Some(total), items_per_page: Some(per_page), current_page: Some(page) }),
    }))
}

/// The owner's invitation, as the organization's status tells it.
fn invite_status(o: &Organization) -> &'static str {
    match o.status {
        Some(OrganizationStatus::Verifying) => "INVITE_STATUS_PENDING",
        Some(OrganizationStatus::FailToVerify) => "INVITE_STATUS_EXPIRED",
        _ => "INVITE_STATUS_ACCEPTED",
    }
}

/// `GET /bv/org/v1/sub-orgs/{id}`.
pub async fn sub_org(Extract(state): Extract<State>, headers: HeaderMap, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let (_, org) = caller(&state, &headers).await?;
    if !is_below(&state, &org, &id).await? {
        return Err(ApiError::NotFound("organization"));
    }
    let o = load(&state, &id).await?.ok_or(ApiError::NotFound("organization"))?;
    let owner_info = json!({
        "id": o.owner.as_ref().and_then(|w| w.id.clone()),
        "email": o.owner_email.clone().or_else(|| o.owner.as_ref().and_then(|w| w.email.clone())),
        "invite_status": invite_status(&o),
    });
    Ok(Json(json!({ "organization": o, "owner_info": owner_info })))
}

/// Reads an optional integer; a value of another kind is a violation.
fn int_field(map: &Map<String, Value>, key: &str, field: &str, violations: &mut Vec<FieldViolation>) -> Option<i64> {
    match map.get(key) {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())) {
            Some(n) => Some(n),
            None => {
                violations.push(violation(field, BvProblem::WrongType));
                None
            }
        },
    }
}

fn text_field(map: &Map<String, Value>, key: &str, field: &str, violations: &mut Vec<FieldViolation>) -> Option<String> {
    match map.get(key) {
        None => None,
        Some(Value::Null) => Some(String::new()),
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(_) => {
            violations.push(violation(field, BvProblem::WrongType));
            None
        }
    }
}

fn bool_field(map: &Map<String, Value>, key: &str, field: &str, violations: &mut Vec<FieldViolation>) -> Option<bool> {
    match map.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => {
            violations.push(violation(field, BvProblem::WrongType));
            None
        }
    }
}

/// `start` plus `months` calendar months or `days` days, less a second: the
/// contract's last moment.
fn contract_end(start: chrono::DateTime<chrono::Utc>, months: i64, days: i64) -> Option<chrono::DateTime<chrono::Utc>> {
    let end = if months > 0 {
        start.checked_add_months(chrono::Months::new(u32::try_from(months).ok()?))?
    } else if days > 0 {
        start.checked_add_signed(chrono::Duration::days(days))?
    } else {
        return None;
    };
    Some(end - chrono::Duration::seconds(1))
}

/// `PATCH /bv/org/v1/sub-orgs/{id}` with `x-bv-org-id`: description, billing
/// cycle, contract, and a business organization's settings for its plan.
pub async fn update_sub_org(Extract(state): Extract<State>, headers: HeaderMap, Path(id): Path<String>, body: Bytes) -> Result<Response, ApiError> {
    let (_, org) = caller(&state, &headers).await?;
    let acting = headers.get("x-bv-org-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
    if acting != org {
        return Err(ApiError::PermissionDenied("x-bv-org-id must name your own organization"));
    }
    if !is_below(&state, &org, &id).await? {
        return Err(ApiError::NotFound("organization"));
    }
    let target = load(&state, &id).await?.ok_or(ApiError::NotFound("organization"))?;
    let map = body_object(&body)?;
    let mut v = Vec::new();
    const KEYS: [&str; 6] = ["description", "billing_cycle", "contract_valid_start_time", "contract_months", "contract_days", "business_setting"];
    for k in map.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        v.push(violation(k, BvProblem::UnknownField));
    }
    let description = text_field(&map, "description", "description", &mut v);
    if description.as_ref().is_some_and(|d| d.chars().count() > 500) {
        v.push(violation("description", BvProblem::TooLong(500)));
    }
    let billing_cycle = int_field(&map, "billing_cycle", "billing_cycle", &mut v);
    if billing_cycle.is_some_and(|c| !(1..=12).contains(&c)) {
        v.push(FieldViolation { field: "billing_cycle".into(), description: "Send a whole number of months from 1 to 12.".into() });
    }
    let start = match map.get("contract_valid_start_time") {
        None => None,
        Some(Value::String(s)) => match chrono::DateTime::parse_from_rfc3339(s.trim()) {
            Ok(t) => Some(t.with_timezone(&chrono::Utc)),
            Err(_) => {
                v.push(violation("contract_valid_start_time", BvProblem::DateFormat));
                None
            }
        },
        Some(_) => {
            v.push(violation("contract_valid_start_time", BvProblem::DateFormat));
            None
        }
    };
    let months = int_field(&map, "contract_months", "contract_months", &mut v);
    let days = int_field(&map, "contract_days", "contract_days", &mut v);
    if let Some(Err(p)) = months.map(bv_rules::contract_months) {
        v.push(violation("contract_months", p));
    }
    if let Some(Err(p)) = days.map(bv_rules::contract_days) {
        v.push(violation("contract_days", p));
    }

    // Business settings: only on business organizations, only the plan's.
    let mut setting_updates: Vec<(&'static str, Value)> = Vec::new();
    match map.get("business_setting") {
        None | Some(Value::Null) => {}
        Some(Value::Object(s)) if target.org_type == Some(OrganizationType::Business) => {
            let plan = target.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
            const SETTING_KEYS: [&str; 7] = ["business_plan_type", "category", "tax_id", "enable_create_site", "site_limit", "enable_custom_domain", "marketplace_url"];
            for k in s.keys().filter(|k| !SETTING_KEYS.contains(&k.as_str())) {
                v.push(violation(&format!("business_setting.{k}"), BvProblem::UnknownField));
            }
            if let Some(p) = s.get("business_plan_type").and_then(Value::as_str) {
                if Some(p) != plan.as_ref().map(|x| x.as_str()) {
                    v.push(FieldViolation { field: "business_setting.business_plan_type".into(), description: "The plan is set by the contract, not here.".into() });
                }
            }
            if let Some(c) = text_field(s, "category", "business_setting.category", &mut v) {
                match bv_rules::category(&c) {
                    Ok(()) => setting_updates.push(("category", json!(c))),
                    Err(p) => v.push(violation("business_setting.category", p)),
                }
            }
            if let Some(t) = text_field(s, "tax_id", "business_setting.tax_id", &mut v) {
                match bv_rules::tax_id(&t) {
                    Ok(()) => setting_updates.push(("tax_id", json!(t))),
                    Err(p) => v.push(violation("business_setting.tax_id", p)),
                }
            }
            let plan_only = |setting: PlanSetting, key: &str, v: &mut Vec<FieldViolation>| {
                let present = s.get(key).is_some_and(|x| !x.is_null());
                if present && !setting.applies(plan.as_ref()) {
                    v.push(violation(&format!("business_setting.{key}"), BvProblem::NotForPlan));
                    false
                } else {
                    present
                }
            };
            if plan_only(PlanSetting::CreateSite, "enable_create_site", &mut v) {
                if let Some(b) = bool_field(s, "enable_create_site", "business_setting.enable_create_site", &mut v) {
                    setting_updates.push(("enable_create_site", json!(b)));
                }
            }
            if plan_only(PlanSetting::CustomDomain, "enable_custom_domain", &mut v) {
                if let Some(b) = bool_field(s, "enable_custom_domain", "business_setting.enable_custom_domain", &mut v) {
                    setting_updates.push(("enable_custom_domain", json!(b)));
                }
            }
            if plan_only(PlanSetting::SiteLimit, "site_limit", &mut v) {
                match s.get("site_limit").and_then(Value::as_i64) {
                    Some(n) => match bv_rules::site_limit(n) {
                        Ok(()) => setting_updates.push(("site_limit", json!(n))),
                        Err(p) => v.push(violation("business_setting.site_limit", p)),
                    },
                    None => v.push(violation("business_setting.site_limit", BvProblem::SiteLimitRange)),
                }
            }
            if plan_only(PlanSetting::MarketplaceUrl, "marketplace_url", &mut v) {
                if let Some(u) = text_field(s, "marketplace_url", "business_setting.marketplace_url", &mut v) {
                    match bv_rules::marketplace_url(&u) {
                        Ok(()) => setting_updates.push(("marketplace_url", json!(u))),
                        Err(p) => v.push(violation("business_setting.marketplace_url", p)),
                    }
                }
            }
        }
        Some(Value::Object(_)) => v.push(violation("business_setting", BvProblem::NotBusiness)),
        Some(_) => v.push(violation("business_setting", BvProblem::WrongType)),
    }

    // The contract: months win over days; the end follows start and length.
    let new_start = start.or_else(|| target.contract_valid_start_time.map(|t| t.utc));
    let touches_contract = start.is_some() || months.is_some() || days.is_some();
    let (m, d) = if months.is_some() || days.is_some() {
        bv_rules::contract_length(months, days)
    } else {
        (target.contract_months.unwrap_or(0), target.contract_days.unwrap_or(0))
    };
    if (months.is_some() || days.is_some()) && (m > 0 || d > 0) && new_start.is_none() {
        v.push(violation("contract_valid_start_time", BvProblem::StartRequired));
    }
    if !v.is_empty() {
        return Err(ApiError::InvalidArgument(v));
    }

    let mut tx = state.db.begin().await?;
    if let Some(d) = &description {
        sqlx::query("UPDATE bv_organizations SET description = ? WHERE id = ?").bind(d).bind(&id).execute(&mut *tx).await?;
    }
    if let Some(c) = billing_cycle {
        sqlx::query("UPDATE bv_organizations SET billing_cycle = ? WHERE id = ?").bind(c).bind(&id).execute(&mut *tx).await?;
    }
    if touches_contract {
        let end = new_start.and_then(|s| contract_end(s, m, d));
        sqlx::query("UPDATE bv_organizations SET contract_valid_start_time = ?, contract_months = ?, contract_days = ?, contract_valid_end_time = ? WHERE id = ?")
            .bind(new_start.map(|s| Timestamp::from_utc(s).to_wire()))
            .bind(m)
            .bind(d)
            .bind(end.map(|e| Timestamp::from_utc(e).to_wire()))
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    }
    for (column, value) in &setting_updates {
        // Column names come from the fixed list above, never from the request.
        let value = match value {
            Value::Bool(b) => Value::from(i64::from(*b)),
            Value::String(s) if s.is_empty() => Value::Null,
            other => other.clone(),
        };
        let sql = format!("UPDATE bv_organizations SET {column} = ? WHERE id = ?");
        let q = sqlx::query(&sql);
        let q = match value {
            Value::Number(n) => q.bind(n.as_i64()),
            Value::String(s) => q.bind(Some(s)),
            _ => q.bind(None::<String>),
        };
        q.bind(&id).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE bv_organizations SET updated_at = ? WHERE id = ?").bind(crate::db::now()).bind(&id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok((StatusCode::OK, Json(json!({}))).into_response())
}
