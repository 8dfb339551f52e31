//! The caller's own organization: read, rename, and the plans of it or of
//! an organization below it.

use super::error::MAX_VIOLATIONS;
use super::request::{body_object, violation};
use super::{vendor, BlendVisionError, BvCaller};
use crate::db::bv_orgs;
use crate::state::State;
use axum::body::Bytes;
use axum::extract::{Path, State as Extract};
use axum::Json;
use orgdesk_model::blendvision::{FieldViolation, Organization, OrganizationEnvelope, Plan, PlansResponse, RoleType};
use orgdesk_model::bv_rules::{self, BvProblem};
use serde_json::{json, Value};

/// `id` if the caller may see it (their own or one below), else the same
/// 404 as an unknown organization.
pub async fn reachable(state: &State, caller: &BvCaller, id: &str, own_too: bool) -> Result<Organization, BlendVisionError> {
    let allowed = (own_too && id == caller.organization_id) || bv_orgs::is_below(&state.db, &caller.organization_id, id).await?;
    if !allowed {
        return Err(BlendVisionError::NotFound("organization"));
    }
    bv_orgs::organization(&state.db, id).await?.ok_or(BlendVisionError::NotFound("organization"))
}

/// `GET /bv/org/v1/organizations`.
pub async fn show(caller: BvCaller, Extract(state): Extract<State>) -> Result<Json<Value>, BlendVisionError> {
    let organization = reachable(&state, &caller, &caller.organization_id, true).await?;
    Ok(vendor::body(state.api, &OrganizationEnvelope { organization }))
}

/// The roles that may change their organization itself and the ones below
/// it. API.md lists the role types but not what each may do; changing an
/// organization is taken as the owner's and the admin's alone (staff, developers, contributors,
/// custom and the CXM roles work inside it).
const MAY_CHANGE_ORGANIZATION: [RoleType; 2] = [RoleType::Owner, RoleType::Admin];

/// Refuses a caller whose role may not change organizations (their own, or
/// one below it), saying `why`.
pub fn may_change(caller: &BvCaller, why: &'static str) -> Result<(), BlendVisionError> {
    let role = caller.account.role_type.as_deref().map(RoleType::from_wire);
    if role.is_some_and(|r| MAY_CHANGE_ORGANIZATION.contains(&r)) {
        Ok(())
    } else {
        Err(BlendVisionError::PermissionDenied(why))
    }
}

/// `PATCH /bv/org/v1/organizations` `{name}`: renames the caller's
/// organization; only an owner or admin may.
pub async fn rename(caller: BvCaller, Extract(state): Extract<State>, body: Bytes) -> Result<Json<Value>, BlendVisionError> {
    may_change(&caller, "only the organization's owner or an admin may rename it")?;
    let map = body_object(&body)?;
    let name = match map.get("name") {
        Some(Value::String(s)) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Some(_) => return Err(BlendVisionError::InvalidArgument(vec![violation("name", BvProblem::WrongType)])),
        None => String::new(),
    };
    let mut violations: Vec<FieldViolation> = map.keys().filter(|k| *k != "name").take(MAX_VIOLATIONS - 1).map(|k| violation(k, BvProblem::UnknownField)).collect();
    if let Err(p) = bv_rules::name(&name) {
        violations.push(violation("name", p));
    }
    if !violations.is_empty() {
        return Err(BlendVisionError::InvalidArgument(violations));
    }
    bv_orgs::rename(&state.db, &caller.organization_id, &name).await?;
    tracing::info!(organization = %caller.organization_id, account = %caller.account.id, "organization renamed");
    Ok(Json(json!({})))
}

/// `GET /bv/org/v1/organizations/{id}/plans`: the plan of the caller's own
/// organization or of one below it: the current contract's and the next's.
pub async fn plans(caller: BvCaller, Extract(state): Extract<State>, Path(id): Path<String>) -> Result<Json<PlansResponse>, BlendVisionError> {
    let o = reachable(&state, &caller, &id, true).await?;
    let Some(kind) = o.business_setting.as_ref().and_then(|b| b.business_plan_type.clone()) else {
        return Ok(Json(PlansResponse { plans: Vec::new() }));
    };
    let label = kind.as_str().trim_start_matches("BUSINESS_PLAN_TYPE_").to_string();
    let id = format!("plan-{}", label.to_lowercase());
    let current = Plan {
        id: Some(id.clone()),
        name: Some(format!("{label} Standard")),
        business_plan_type: Some(kind.clone()),
        start_time: o.contract_valid_start_time,
        end_time: o.contract_valid_end_time,
        current: Some(true),
    };
    let next = o.next_contract.map(|next| Plan {
        id: Some(next.plan_id.unwrap_or(id)),
        name: Some(format!("{label} Renewal")),
        business_plan_type: Some(kind),
        start_time: next.start_time,
        end_time: next.end_time,
        current: Some(false),
    });
    Ok(Json(PlansResponse { plans: std::iter::once(current).chain(next).collect() }))
}
