//! The sub-organizations below the caller's organization: the list, one,
//! and a change to one (description, billing cycle, contract, and a
//! business organization's settings for its plan). In vendor mode a sent
//! `business_setting` replaces the stored one whole, as grpc-gateway's PATCH
//! without an update mask does.

use super::organization::{may_change, reachable};
use super::request::{body_object, violation, Fields};
use super::{vendor, BlendVisionError, BvActingCaller, BvCaller};
use crate::db::bv_orgs::{self, Contract, Setting, SettingValue, SubOrgChange, SubOrgFilter};
use crate::state::{ApiMode, State};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as Extract};
use axum::Json;
use chrono::{DateTime, Utc};
use orgdesk_model::blendvision::*;
use orgdesk_model::bv_rules::{self, BvProblem, PlanSetting};
use orgdesk_model::Timestamp;
use serde_json::{json, Map, Value};

/// `GET /bv/org/v1/sub-orgs`: every organization below the caller's, by
/// name, filtered by name (contains, any case), types and statuses (each
/// repeatable), one page at a time.
pub async fn list(caller: BvCaller, Extract(state): Extract<State>, RawQuery(query): RawQuery) -> Result<Json<Value>, BlendVisionError> {
    let (mut page, mut per_page, mut filter) = (1i64, 10i64, SubOrgFilter::default());
    let mut violations = Vec::new();
    for (k, v) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "current_page" => match v.parse::<i64>() {
                Ok(n) if n >= 1 => page = n,
                _ => violations.push(violation("current_page", "Send a whole number from 1.")),
            },
            "items_per_page" => match v.parse::<i64>() {
                Ok(n) if (1..=100).contains(&n) => per_page = n,
                _ => violations.push(violation("items_per_page", "Send a whole number from 1 to 100.")),
            },
            "name" => filter.name = v.trim().to_string(),
            "types" => match OrganizationType::from_wire(&v) {
                t if t.is_known() => filter.types.push(t.as_str().to_string()),
                _ => violations.push(violation("types", format!("Unknown organization type {v}."))),
            },
            "statuses" => match OrganizationStatus::from_wire(&v) {
                s if s.is_known() => filter.statuses.push(s.as_str().to_string()),
                _ => violations.push(violation("statuses", format!("Unknown organization status {v}."))),
            },
            _ => {}
        }
    }
    if !violations.is_empty() {
        return Err(BlendVisionError::InvalidArgument(violations));
    }
    let (organizations, total) = bv_orgs::sub_orgs(&state.db, &caller.organization_id, &filter, page, per_page).await?;
    let pagination = Pagination { total_items: Some(total), items_per_page: Some(per_page), current_page: Some(page) };
    Ok(vendor::body(state.api, &SubOrgsPage { organizations, pagination: Some(pagination) }))
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
pub async fn show(caller: BvCaller, Extract(state): Extract<State>, Path(id): Path<String>) -> Result<Json<Value>, BlendVisionError> {
    let organization = reachable(&state, &caller, &id, false).await?;
    let owner_info = OwnerInfo {
        id: organization.owner.as_ref().and_then(|w| w.id.clone()),
        email: organization.owner_email.clone().or_else(|| organization.owner.as_ref().and_then(|w| w.email.clone())),
        invite_status: Some(invite_status(&organization).to_string()),
    };
    Ok(vendor::body(state.api, &SubOrgDetail { organization, owner_info: Some(owner_info) }))
}

/// `PATCH /bv/org/v1/sub-orgs/{id}` with `x-bv-org-id` naming the caller's
/// own organization.
pub async fn update(BvActingCaller(caller): BvActingCaller, Extract(state): Extract<State>, Path(id): Path<String>, body: Bytes) -> Result<Json<Value>, BlendVisionError> {
    let target = reachable(&state, &caller, &id, false).await?;
    may_change(&caller, "only the organization's owner or an admin may change its sub-organizations")?;
    let change = read_change(&body_object(&body)?, &target, state.api)?;
    bv_orgs::update_sub_org(&state.db, &id, &change).await?;
    tracing::info!(sub_organization = %id, organization = %caller.organization_id, account = %caller.account.id, "sub-organization changed");
    Ok(Json(json!({})))
}

/// The change a PATCH body asks for, or every violation in it.
fn read_change(map: &Map<String, Value>, target: &Organization, api: ApiMode) -> Result<SubOrgChange, BlendVisionError> {
    const KEYS: [&str; 6] = ["description", "billing_cycle", "contract_valid_start_time", "contract_months", "contract_days", "business_setting"];
    let mut violations = Vec::new();
    let mut body = Fields::new(map, "", &mut violations);
    body.refuse_unknown(&KEYS);
    let description = body.text("description");
    if description.as_ref().is_some_and(|d| d.chars().count() > 500) {
        body.refuse("description", BvProblem::TooLong(500));
    }
    let billing_cycle = body.int("billing_cycle");
    if billing_cycle.is_some_and(|c| !(1..=12).contains(&c)) {
        body.refuse("billing_cycle", "Send a whole number of months from 1 to 12.");
    }
    let contract = ContractInput::read(&mut body);
    let (settings, replace_settings) = read_business_setting(map.get("business_setting"), target, api, body.violations);
    let contract = contract.resolve(target, &mut violations);
    if !violations.is_empty() {
        return Err(BlendVisionError::InvalidArgument(violations));
    }
    Ok(SubOrgChange { description, billing_cycle, contract, settings, replace_settings })
}

/// The contract fields of a PATCH, each checked on its own.
struct ContractInput {
    start: Option<DateTime<Utc>>,
    months: Option<i64>,
    days: Option<i64>,
}

impl ContractInput {
    fn read(body: &mut Fields) -> ContractInput {
        let start = match body.get("contract_valid_start_time") {
            None => None,
            Some(Value::String(s)) => chrono::DateTime::parse_from_rfc3339(s.trim()).ok().map(|t| t.with_timezone(&Utc)),
            Some(_) => None,
        };
        if body.get("contract_valid_start_time").is_some() && start.is_none() {
            body.refuse("contract_valid_start_time", BvProblem::DateFormat);
        }
        let months = body.int("contract_months");
        let days = body.int("contract_days");
        if let Some(Err(p)) = months.map(bv_rules::contract_months) {
            body.refuse("contract_months", p);
        }
        if let Some(Err(p)) = days.map(bv_rules::contract_days) {
            body.refuse("contract_days", p);
        }
        ContractInput { start, months, days }
    }

    /// The contract as it will be stored, `None` when the PATCH leaves it
    /// alone. Months win over days; the end follows start and length.
    fn resolve(self, target: &Organization, violations: &mut Vec<FieldViolation>) -> Option<Contract> {
        let length_sent = self.months.is_some() || self.days.is_some();
        let start = self.start.or_else(|| target.contract_valid_start_time.map(|t| t.utc));
        let (months, days) = if length_sent {
            bv_rules::contract_length(self.months, self.days)
        } else {
            (target.contract_months.unwrap_or(0), target.contract_days.unwrap_or(0))
        };
        if length_sent && (months > 0 || days > 0) && start.is_none() {
            violations.push(violation("contract_valid_start_time", BvProblem::StartRequired));
        }
        (self.start.is_some() || length_sent).then(|| Contract {
            start: start.map(Timestamp::from_utc),
            months,
            days,
            end: start.and_then(|s| contract_end(s, months, days)).map(Timestamp::from_utc),
        })
    }
}

/// `start` plus `months` calendar months or `days` days, less a second: the
/// contract's last moment.
fn contract_end(start: DateTime<Utc>, months: i64, days: i64) -> Option<DateTime<Utc>> {
    let end = if months > 0 {
        start.checked_add_months(chrono::Months::new(u32::try_from(months).ok()?))?
    } else if days > 0 {
        start.checked_add_signed(chrono::Duration::days(days))?
    } else {
        return None;
    };
    Some(end - chrono::Duration::seconds(1))
}

/// A business setting as read, and (vendor mode) the plan type the stored
/// setting is replaced with.
type SettingsRead = (Vec<(Setting, SettingValue)>, Option<Option<String>>);

/// Business settings: only on business organizations, only the plan's. In
/// vendor mode the object sent replaces the stored one: its plan type, when
/// sent, must still be the stored one; when missing, the plan becomes unset
/// and the other settings are stored as sent.
fn read_business_setting(sent: Option<&Value>, target: &Organization, api: ApiMode, violations: &mut Vec<FieldViolation>) -> SettingsRead {
    match sent {
        None | Some(Value::Null) => (Vec::new(), None),
        Some(Value::Object(s)) if target.org_type == Some(OrganizationType::Business) => {
            let stored = target.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
            let fields = &mut Fields::new(s, "business_setting.", violations);
            if !api.is_vendor() {
                return (read_plan_settings(fields, stored.as_ref(), false), None);
            }
            let sent_plan = s.get("business_plan_type").and_then(Value::as_str).map(str::to_string);
            let updates = read_plan_settings(fields, stored.as_ref(), sent_plan.is_none());
            (updates, Some(sent_plan.filter(|p| Some(p.as_str()) == stored.as_ref().map(|x| x.as_str()))))
        }
        Some(Value::Object(_)) => {
            violations.push(violation("business_setting", BvProblem::NotBusiness));
            (Vec::new(), None)
        }
        Some(_) => {
            violations.push(violation("business_setting", BvProblem::WrongType));
            (Vec::new(), None)
        }
    }
}

/// The settings sent for `plan`; with `any_plan`, the plan's own settings
/// are not checked against it (a vendor PATCH that leaves the plan unset).
fn read_plan_settings(s: &mut Fields, plan: Option<&BusinessPlanType>, any_plan: bool) -> Vec<(Setting, SettingValue)> {
    const KEYS: [&str; 7] = ["business_plan_type", "category", "tax_id", "enable_create_site", "site_limit", "enable_custom_domain", "marketplace_url"];
    s.refuse_unknown(&KEYS);
    if let Some(p) = s.get("business_plan_type").and_then(Value::as_str) {
        if Some(p) != plan.map(|x| x.as_str()) {
            s.refuse("business_plan_type", "The plan is set by the contract, not here.");
        }
    }
    let plan = (!any_plan).then_some(plan);
    let mut updates = Vec::new();
    let mut checked = |s: &mut Fields, setting: Setting, key: &str, value: SettingValue, rule: Result<(), BvProblem>| match rule {
        Ok(()) => updates.push((setting, value)),
        Err(p) => s.refuse(key, p),
    };
    if let Some(c) = s.text("category") {
        let rule = bv_rules::category(&c);
        checked(s, Setting::Category, "category", SettingValue::Text(c), rule);
    }
    if let Some(t) = s.text("tax_id") {
        let rule = bv_rules::tax_id(&t);
        checked(s, Setting::TaxId, "tax_id", SettingValue::Text(t), rule);
    }
    if for_plan(s, PlanSetting::CreateSite, "enable_create_site", plan) {
        if let Some(b) = s.flag("enable_create_site") {
            checked(s, Setting::EnableCreateSite, "enable_create_site", SettingValue::Flag(b), Ok(()));
        }
    }
    if for_plan(s, PlanSetting::CustomDomain, "enable_custom_domain", plan) {
        if let Some(b) = s.flag("enable_custom_domain") {
            checked(s, Setting::EnableCustomDomain, "enable_custom_domain", SettingValue::Flag(b), Ok(()));
        }
    }
    if for_plan(s, PlanSetting::SiteLimit, "site_limit", plan) {
        // An int64: a number, or (as protojson writes it) a numeric string.
        match s.get("site_limit").and_then(|v| v.as_i64().or_else(|| v.as_str().and_then(|t| t.trim().parse().ok()))) {
            Some(n) => checked(s, Setting::SiteLimit, "site_limit", SettingValue::Number(n), bv_rules::site_limit(n)),
            None => s.refuse("site_limit", BvProblem::SiteLimitRange),
        }
    }
    if for_plan(s, PlanSetting::MarketplaceUrl, "marketplace_url", plan) {
        if let Some(u) = s.text("marketplace_url") {
            let rule = bv_rules::marketplace_url(&u);
            checked(s, Setting::MarketplaceUrl, "marketplace_url", SettingValue::Text(u), rule);
        }
    }
    updates
}

/// Whether `key` was sent and the plan has that setting; sent for another
/// plan is a violation. `None`: any plan's settings may be sent.
fn for_plan(s: &mut Fields, setting: PlanSetting, key: &str, plan: Option<Option<&BusinessPlanType>>) -> bool {
    let present = s.present(key);
    if present && plan.is_some_and(|plan| !setting.applies(plan)) {
        s.refuse(key, BvProblem::NotForPlan);
        return false;
    }
    present
}
